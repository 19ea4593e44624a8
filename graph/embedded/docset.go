package embedded

import "iter"

// docSetMap is the size from which a docSet keeps a map.
const docSetMap = 16

// docSet is the set of documents that support a node: a slice while small
// (most nodes are stated by a few documents), a map from docSetMap
// documents on, so that neither the many small sets cost a map each nor a
// hub's set costs a linear scan. Only writers use it.
type docSet struct {
	few  []*docRec
	many map[*docRec]struct{}
}

func (s *docSet) add(d *docRec) {
	if s.many != nil {
		s.many[d] = struct{}{}
		return
	}
	for _, x := range s.few {
		if x == d {
			return
		}
	}
	if len(s.few) < docSetMap {
		s.few = append(s.few, d)
		return
	}
	s.many = make(map[*docRec]struct{}, 2*docSetMap)
	for _, x := range s.few {
		s.many[x] = struct{}{}
	}
	s.many[d] = struct{}{}
	s.few = nil
}

func (s *docSet) remove(d *docRec) {
	if s.many != nil {
		delete(s.many, d)
		return
	}
	for i, x := range s.few {
		if x == d {
			last := len(s.few) - 1
			s.few[i] = s.few[last]
			s.few[last] = nil
			s.few = s.few[:last]
			return
		}
	}
}

func (s *docSet) len() int {
	if s.many != nil {
		return len(s.many)
	}
	return len(s.few)
}

// all yields the documents in no particular order.
func (s *docSet) all() iter.Seq[*docRec] {
	return func(yield func(*docRec) bool) {
		if s.many != nil {
			for d := range s.many {
				if !yield(d) {
					return
				}
			}
			return
		}
		for _, d := range s.few {
			if !yield(d) {
				return
			}
		}
	}
}

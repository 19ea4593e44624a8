package embedded

import (
	"iter"
	"slices"
)

// docSetMap is the size from which a docSet looks documents up in a map.
const docSetMap = 16

// docSet is the set of documents that support a node: a slice, scanned
// while small (most nodes are stated by a few documents); from docSetMap
// documents on, a map from document to position serves lookups and
// removals, so that a hub's set costs no linear scan. The map is built by
// the first lookup that needs it, not by additions of new documents, so
// that a bulk load of new documents only appends. Only writers use it.
type docSet struct {
	list []*docRec
	pos  map[*docRec]int32 // position in list; nil until needed
}

// has reports whether d is in the set.
func (s *docSet) has(d *docRec) bool {
	if len(s.list) <= docSetMap {
		return slices.Contains(s.list, d)
	}
	_, ok := s.index()[d]
	return ok
}

// index returns the position map, building it when missing.
func (s *docSet) index() map[*docRec]int32 {
	if s.pos == nil {
		s.pos = make(map[*docRec]int32, 2*len(s.list))
		for i, d := range s.list {
			s.pos[d] = int32(i)
		}
	}
	return s.pos
}

// add adds d (no-op when present).
func (s *docSet) add(d *docRec) {
	if !s.has(d) {
		s.addNew(d)
	}
}

// addNew adds d, which the set does not hold.
func (s *docSet) addNew(d *docRec) {
	s.list = append(s.list, d)
	if s.pos != nil {
		s.pos[d] = int32(len(s.list) - 1)
	}
}

func (s *docSet) remove(d *docRec) {
	i := -1
	if len(s.list) <= docSetMap {
		i = slices.Index(s.list, d)
	} else if p, ok := s.index()[d]; ok {
		i = int(p)
	}
	if i < 0 {
		return
	}
	last := len(s.list) - 1
	moved := s.list[last]
	s.list[i] = moved
	s.list[last] = nil
	s.list = s.list[:last]
	if s.pos != nil {
		s.pos[moved] = int32(i)
		delete(s.pos, d)
		if len(s.list) <= docSetMap {
			s.pos = nil
		}
	}
}

func (s *docSet) len() int { return len(s.list) }

// all yields the documents in no particular order.
func (s *docSet) all() iter.Seq[*docRec] { return slices.Values(s.list) }

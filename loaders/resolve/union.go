package resolve

import "sort"

// union is a union-find over node refs.
type union struct{ parent map[ref]ref }

func newUnion() *union { return &union{parent: map[ref]ref{}} }

func (u *union) find(r ref) ref {
	p, ok := u.parent[r]
	if !ok || p == r {
		return r
	}
	root := u.find(p)
	u.parent[r] = root
	return root
}

// union joins two sets; the smaller ref becomes the root, so the result
// does not depend on the order of calls.
func (u *union) union(a, b ref) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if less(rb, ra) {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}

func less(a, b ref) bool { return a.doc < b.doc || a.doc == b.doc && a.node < b.node }

// groups returns the sets, each sorted, in order of their first member.
func (u *union) groups(refs []ref) [][]ref {
	by := map[ref][]ref{}
	var roots []ref
	for _, r := range refs {
		root := u.find(r)
		if _, ok := by[root]; !ok {
			roots = append(roots, root)
		}
		by[root] = append(by[root], r)
	}
	sort.Slice(roots, func(i, j int) bool { return less(roots[i], roots[j]) })
	out := make([][]ref, len(roots))
	for i, r := range roots {
		out[i] = by[r]
	}
	return out
}

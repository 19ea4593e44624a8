package embedded

import (
	"slices"
	"sort"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// hubScanFactor is how many adjacency entries a hub scans for the cost of
// one neighbour-index lookup: a scan tests a mark in a small array, a
// lookup hashes a pointer into a large map, so a hub scans its adjacency
// unless it has over this many times more edges than later nodes.
const hubScanFactor = 8

// induced returns the nodes ids and the edges among them passing f. Each
// edge is found from its endpoint that comes first in (degree, id) order:
// a node scans its adjacency, or, when it is a hub with far fewer later
// nodes than edges, looks each later node up in its neighbour index, so
// that the hubs of a power-law graph are not scanned whole.
func (st *state) induced(order []*nodeRec, c *edgeFilter, truncated bool) graph.Subgraph {
	slices.SortFunc(order, func(a, b *nodeRec) int {
		if a.deg != b.deg {
			return a.deg - b.deg
		}
		return cmpNodeID(a, b)
	})
	m := getMarks(st.lastIdx)
	defer m.put()
	for i, r := range order {
		m.setPos(r, i)
	}
	found := m.found[:0]
	for i, r := range order {
		if later := len(order) - i - 1; r.nbr != nil && r.deg > hubScanFactor*later {
			for _, v := range order[i+1:] {
				for _, e := range r.nbr[v] {
					if c.allTypes && c.all || c.mask[e.t] && c.admits(e) {
						found = append(found, e)
					}
				}
			}
			continue
		}
		for t, hs := range r.adj {
			if !c.mask[t] {
				continue
			}
			for _, h := range hs {
				if m.stamp[h.oi] == m.epoch && int(m.pos[h.oi]) > i && c.admits(h.e) {
					found = append(found, h.e)
				}
			}
		}
	}
	// Order pointer-free (key, index) pairs, then copy each (large) Edge
	// once into an exact slice.
	keyed := orderByID(found, order, m)
	slices.SortFunc(order, cmpNodeID)
	sg := graph.Subgraph{Truncated: truncated, Nodes: make([]graph.Node, len(order)), Edges: make([]graph.Edge, len(found))}
	for i, r := range order {
		sg.Nodes[i] = r.view()
	}
	for i, k := range keyed {
		sg.Edges[i] = found[k.i].e
	}
	// The pooled slice may keep a few removed edges alive until the pool
	// is emptied by a collection: cheaper than clearing it on every query.
	m.found, m.keyed = found[:0], keyed[:0]
	return sg
}

// orderByID returns found's (key, index) pairs in the order of the edges'
// IDs, "type|from|to|date": by type name, then by from in the order of
// from+"|" (a counting sort over the nodes, which hold every from), then
// within each group by key. It reuses m.pos.
func orderByID(found []*edgeRec, nodes []*nodeRec, m *marks) []keyedEdge {
	bar := append(m.bar[:0], nodes...)
	slices.SortFunc(bar, cmpNodeBar)
	for i, r := range bar {
		m.pos[r.idx] = int32(i)
	}
	n := len(bar)
	bucket := func(e *edgeRec) int { return typeNameRank[e.t]*n + int(m.pos[e.from.idx]) }
	count := slices.Grow(m.count[:0], numTypes*n+1)[:numTypes*n+1]
	clear(count)
	for _, e := range found {
		count[bucket(e)+1]++
	}
	for b := 1; b < len(count); b++ {
		count[b] += count[b-1]
	}
	keyed := slices.Grow(m.keyed[:0], len(found))[:len(found)]
	for i, e := range found {
		b := bucket(e)
		keyed[count[b]] = keyedEdge{e.pre, int32(i)}
		count[b]++
	}
	start := 0 // count[b] is now where bucket b ends
	for _, end := range count[:numTypes*n] {
		if int(end)-start > 1 {
			sortKeyed(keyed[start:end], found)
		}
		start = int(end)
	}
	m.bar, m.count = bar[:0], count[:0]
	return keyed
}

// cmpNodeBar orders nodes by id+"|", the order of the edge IDs they
// start: "p:10|" comes before "p:1|".
func cmpNodeBar(a, b *nodeRec) int {
	if a.bar != b.bar {
		return cmpUint(a.bar, b.bar)
	}
	return cmpBar(a.n.ID, b.n.ID)
}

// cmpBar compares a+"|" with b+"|" without building them.
func cmpBar(a, b string) int {
	n := min(len(a), len(b))
	if c := strings.Compare(a[:n], b[:n]); c != 0 || len(a) == len(b) {
		return c
	}
	// One is a prefix of the other: its "|" meets the other's next byte,
	// and when that is "|" too, the shorter string ends first.
	if len(a) < len(b) {
		if c := cmpByte('|', b[n]); c != 0 {
			return c
		}
		return -1
	}
	if c := cmpByte(a[n], '|'); c != 0 {
		return c
	}
	return 1
}

func cmpByte(a, b byte) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpNodeID orders nodes by id, comparing the precomputed prefixes first.
func cmpNodeID(a, b *nodeRec) int {
	if a.key != b.key {
		return cmpUint(a.key, b.key)
	}
	return strings.Compare(a.n.ID, b.n.ID)
}

// idPrefix returns the first eight bytes of id, followed by the byte end
// when it is not 0, as a big-endian integer, zero-padded: prefixes order
// like the strings they start, except that equal prefixes need the
// strings' full comparison.
func idPrefix(id string, end byte) uint64 {
	var k uint64
	for i := 0; i < 8; i++ {
		k <<= 8
		switch {
		case i < len(id):
			k |= uint64(id[i])
		case i == len(id):
			k |= uint64(end)
		}
	}
	return k
}

// keyedEdge carries an edge's sortKey and its index in a slice, so that
// most comparisons of a sort cost integer compares and moving the
// elements needs no write barriers.
type keyedEdge struct {
	pre [3]uint64
	i   int32
}

func (a *keyedEdge) less(b *keyedEdge) bool {
	if a.pre[0] != b.pre[0] {
		return a.pre[0] < b.pre[0]
	}
	if a.pre[1] != b.pre[1] {
		return a.pre[1] < b.pre[1]
	}
	return a.pre[2] < b.pre[2]
}

// sortKeyed sorts ks into the order of the edges' IDs: by key, then runs of
// equal keys (IDs sharing their first 23 bytes after the type) by ID.
func sortKeyed(ks []keyedEdge, found []*edgeRec) {
	quickSortKeyed(ks, 2*bitsLen(len(ks)))
	for i := 0; i < len(ks); {
		j := i + 1
		for j < len(ks) && ks[j].pre == ks[i].pre {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(ks[i:j], func(a, b keyedEdge) int { return strings.Compare(found[a.i].e.ID, found[b.i].e.ID) })
		}
		i = j
	}
}

func bitsLen(n int) int {
	b := 1
	for n > 1 {
		n >>= 1
		b++
	}
	return b
}

// quickSortKeyed sorts by key: quicksort with a median-of-three pivot and
// insertion sort for short ranges; past depth levels of recursion it hands
// the range to slices.SortFunc, so the worst case stays O(n log n).
func quickSortKeyed(ks []keyedEdge, depth int) {
	for len(ks) > 16 {
		if depth == 0 {
			slices.SortFunc(ks, func(a, b keyedEdge) int {
				switch {
				case a.less(&b):
					return -1
				case b.less(&a):
					return 1
				}
				return 0
			})
			return
		}
		depth--
		p := partitionKeyed(ks)
		if p < len(ks)-p {
			quickSortKeyed(ks[:p], depth)
			ks = ks[p+1:]
		} else {
			quickSortKeyed(ks[p+1:], depth)
			ks = ks[:p]
		}
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j].less(&ks[j-1]); j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
}

// partitionKeyed moves the median of the first, middle and last keys to
// its sorted place p, smaller keys before it and the others after, and
// returns p.
func partitionKeyed(ks []keyedEdge) int {
	last, mid := len(ks)-1, len(ks)/2
	if ks[mid].less(&ks[0]) {
		ks[mid], ks[0] = ks[0], ks[mid]
	}
	if ks[last].less(&ks[0]) {
		ks[last], ks[0] = ks[0], ks[last]
	}
	if ks[last].less(&ks[mid]) {
		ks[last], ks[mid] = ks[mid], ks[last]
	}
	// ks[0] <= ks[mid] <= ks[last]; the pivot waits at last-1.
	ks[mid], ks[last-1] = ks[last-1], ks[mid]
	pivot := ks[last-1]
	i, j := 0, last-1
	for {
		for i++; ks[i].less(&pivot); i++ {
		}
		for j--; pivot.less(&ks[j]); j-- {
		}
		if i >= j {
			break
		}
		ks[i], ks[j] = ks[j], ks[i]
	}
	ks[i], ks[last-1] = ks[last-1], ks[i]
	return i
}

func cmpUint(a, b uint64) int {
	if a < b {
		return -1
	}
	return 1
}

// sortKey returns integers that order like the edge's ID: the rank of the
// type's name (no type name is a prefix of another, so IDs order by type
// name first) and the next 23 bytes of the ID, zero-padded.
func sortKey(e *edgeRec) [3]uint64 {
	rest := e.e.ID[len(e.e.Type)+1:]
	k := [3]uint64{uint64(typeNameRank[e.t])}
	for i := 0; i < 23; i++ {
		var b uint64
		if i < len(rest) {
			b = uint64(rest[i])
		}
		w := (i + 1) / 8
		k[w] = k[w]<<8 | b
	}
	return k
}

// typeNameRank ranks edge types (by typeIndex) by their names.
var typeNameRank = func() [numTypes]int {
	names := make([]string, 0, numTypes)
	for _, t := range graph.EdgeTypes {
		names = append(names, string(t))
	}
	sort.Strings(names)
	var r [numTypes]int
	for i, t := range graph.EdgeTypes {
		r[i] = sort.SearchStrings(names, string(t))
	}
	return r
}()

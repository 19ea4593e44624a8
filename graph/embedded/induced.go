package embedded

import (
	"math/bits"
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

// induced returns the nodes and the edges among them passing c, both
// ordered by ID. Each edge is found from its endpoint that comes first in
// byDegree's order: a node scans its adjacency, or, when it is a hub
// with far fewer later nodes than edges, looks each later node up in its
// neighbour index, so that the hubs of a power-law graph are not scanned
// whole. Each edge found gets an integer key that orders like its ID
// (edgeKeys), computed from the adjacency entry without loading the edge,
// so that the only load of an edge record is the copy into the answer.
func (st *state) induced(m *marks, nodes []*nodeRec, c *edgeFilter, truncated bool) graph.Subgraph {
	defer clear(m.bits)
	ek := m.edgeKeys(nodes)
	order := m.byDegree(nodes)
	found, keys := m.found[:0], m.keys[:0]
	for i, r := range order {
		rp := m.at[r.idx].bar
		if later := len(order) - i - 1; r.nbr != nil && r.deg > hubScanFactor*later {
			for _, v := range order[i+1:] {
				vp := m.at[v.idx].bar
				for e := range r.nbr[v].all() {
					if c.allTypes && c.all || c.mask[e.t] && c.admits(e) {
						found = append(found, e)
						keys = append(keys, ek.of(e.t, rp, vp, e.from == r, e.dk))
					}
				}
			}
			continue
		}
		for j := range r.adj {
			h := &r.adj[j]
			if m.has(h.oi) && int(m.at[h.oi].deg) > i && c.mask[h.t()] && c.admits(h.e) {
				found = append(found, h.e)
				keys = append(keys, ek.of(h.t(), rp, m.at[h.oi].bar, h.isFrom(), h.dateKey()))
			}
		}
	}
	perm := ek.order(m, found, keys)
	sg := graph.Subgraph{Truncated: truncated, Nodes: make([]graph.Node, len(nodes)), Edges: make([]graph.Edge, len(found))}
	for i, p := range m.sortNodes(nodes, nodeIDKey, strings.Compare) {
		sg.Nodes[i] = nodes[p.i].view()
	}
	m.warm(found)
	for i, j := range perm {
		sg.Edges[i] = found[j].e
	}
	m.found, m.keys = found[:0], keys[:0]
	return sg
}

// warm loads each cache line of the edges found (in the order found),
// before they are copied in ID order: loads alone overlap their cache
// misses, while the copy's stores stall on them. The sum is kept so that
// the loads are not optimised away.
func (m *marks) warm(found []*edgeRec) {
	n := 0
	for _, r := range found {
		n += len(r.e.ID) + r.e.Year + len(r.e.Rule) + len(r.e.LastSeen)
	}
	m.warmed = n
}

func nodeIDKey(r *nodeRec) uint64  { return r.key }
func nodeBarKey(r *nodeRec) uint64 { return r.bar }

// byDegree returns nodes ordered by degree (ties in their order in nodes),
// in m's scratch, and records each one's position in m.at.
func (m *marks) byDegree(nodes []*nodeRec) []*nodeRec {
	packed := m.packed[:0]
	for i, r := range nodes {
		packed = append(packed, uint64(r.deg)<<32|uint64(i))
	}
	slices.Sort(packed)
	order := m.byDeg[:0]
	for i, p := range packed {
		r := nodes[uint32(p)]
		order = append(order, r)
		m.at[r.idx].deg = int32(i)
	}
	m.packed, m.byDeg = packed[:0], order[:0]
	return order
}

// edgeKeys makes integer keys that order the edges among n nodes like
// their IDs, "type|from|to|date": the rank of the type's name (no type
// name is a prefix of another), then the positions of from and to in the
// order of id+"|" (which is the order of the IDs' middle parts when no id
// holds a "|"), then the dateKey of the date. Every part is an integer, so
// the key is exact: equal keys are equal IDs.
type edgeKeys struct {
	n       uint64
	toShift uint // bits of the to position
	// exact is false when some id holds a "|" or n is too large for the
	// key's bits: keys are then 0 and edges are sorted by their IDs.
	exact bool
}

// dateBits bounds dateKey.
const dateBits = 27

// edgeKeys marks the nodes and records their positions in id+"|" order
// (m.at).
func (m *marks) edgeKeys(nodes []*nodeRec) edgeKeys {
	n := len(nodes)
	ek := edgeKeys{n: uint64(n), toShift: uint(bits.Len(uint(n)))}
	ek.exact = bits.Len(uint(numTypes*n))+int(ek.toShift)+dateBits <= 64
	for i, p := range m.sortNodes(nodes, nodeBarKey, cmpBar) {
		r := nodes[p.i]
		m.set(int32(r.idx))
		m.at[r.idx].bar = int32(i)
		if r.pipe {
			ek.exact = false
		}
	}
	return ek
}

// of returns the key of an edge of type t between the nodes at positions
// p and q (p's node is From when pFrom), with dateKey dk.
func (ek *edgeKeys) of(t int, p, q int32, pFrom bool, dk int32) uint64 {
	if !ek.exact {
		return 0
	}
	if !pFrom {
		p, q = q, p
	}
	b := uint64(typeNameRank[t])*ek.n + uint64(p)
	return (b<<ek.toShift|uint64(q))<<dateBits | uint64(dk)
}

// bucket returns the (type, from) part of a key.
func (ek *edgeKeys) bucket(k uint64) int { return int(k >> (ek.toShift + dateBits)) }

// order returns the indexes of found in the order of the edges' IDs: a
// counting sort on (type, from), then a sort of each group on the rest of
// the key with the index packed below it, so that sorts compare plain
// integers. When the keys are not exact, it sorts by ID.
func (ek *edgeKeys) order(m *marks, found []*edgeRec, keys []uint64) []int32 {
	perm := slices.Grow(m.perm[:0], len(found))[:len(found)]
	m.perm = perm[:0]
	lowBits, iBits := ek.toShift+dateBits, uint(bits.Len(uint(len(found))))
	if !ek.exact || lowBits+iBits > 64 {
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortFunc(perm, func(a, b int32) int { return strings.Compare(found[a].e.ID, found[b].e.ID) })
		return perm
	}
	nb := numTypes*int(ek.n) + 1
	count := slices.Grow(m.count[:0], nb)[:nb]
	clear(count)
	for _, k := range keys {
		count[ek.bucket(k)+1]++
	}
	for b := 1; b < nb; b++ {
		count[b] += count[b-1]
	}
	packed := slices.Grow(m.packed[:0], len(found))[:len(found)]
	for i, k := range keys {
		b := ek.bucket(k)
		packed[count[b]] = (k&(1<<lowBits-1))<<iBits | uint64(i)
		count[b]++
	}
	start := 0 // count[b] is now where bucket b ends
	for _, end := range count[:nb-1] {
		if int(end)-start > 1 {
			slices.Sort(packed[start:end])
		}
		start = int(end)
	}
	for j, p := range packed {
		perm[j] = int32(p & (1<<iBits - 1))
	}
	m.count, m.packed = count[:0], packed[:0]
	return perm
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

// cmpUint compares a and b, which differ.
func cmpUint(a, b uint64) int {
	if a < b {
		return -1
	}
	return 1
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

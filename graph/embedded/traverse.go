package embedded

import (
	"slices"
	"strings"
	"sync"

	"github.com/sdkg/sdkg/graph"
)

// marks is a query's scratch: a bitset of nodes by nodeRec.idx, so that a
// traversal tests and sets membership in a small array instead of a map,
// per-node positions, and the slices of admit and induced, kept for reuse.
// Marks are pooled; each query owns one while it runs. Every user of the
// bitset clears it when done (in a defer, so that a panic leaves it clear
// too): clearing a few kilobytes costs less than unmarking nodes one by one.
type marks struct {
	bits []uint64
	at   []nodeAt // induced: the positions of the answer's nodes

	layer, next  []cand
	nodes, byDeg []*nodeRec
	packed       []uint64
	pairs        []nodeKey
	found        []*edgeRec
	keys         []uint64
	perm         []int32
	warmed       int // see warm
	count        []int32
}

// nodeAt holds a node's positions in the orders induced uses.
type nodeAt struct {
	deg int32 // in byDegree's order
	bar int32 // in id+"|" order
}

var markPool = sync.Pool{New: func() any { return &marks{} }}

// getMarks returns marks for nodes numbered up to n.
func getMarks(n int) *marks {
	m := markPool.Get().(*marks)
	if len(m.at) <= n {
		size := n + n/4 + 64
		m.bits = make([]uint64, size/64+1)
		m.at = make([]nodeAt, size)
	}
	return m
}

// put returns m to the pool. The pooled slices may keep a few removed
// records alive until the pool is emptied by a collection: cheaper than
// clearing them on every query.
func (m *marks) put() { markPool.Put(m) }

func (m *marks) has(i int32) bool { return m.bits[i>>6]&(1<<(i&63)) != 0 }
func (m *marks) set(i int32)      { m.bits[i>>6] |= 1 << (i & 63) }

// cand is a node met by a traversal with its id prefix, copied from the
// adjacency so that selecting nodes by id loads no node record.
type cand struct {
	key uint64
	r   *nodeRec
}

// admit is graph.AdmitLayers over the adjacency, with the same answer:
// the seeds, then breadth-first layers of neighbours over edges passing c
// that pass f's node conditions, each layer's smallest ids first, until
// limit nodes. It returns the admitted nodes (m's scratch, valid until m
// is put back) and whether some were left out.
func (st *state) admit(m *marks, seeds []*nodeRec, depth, limit int, f *graph.Filter, c *edgeFilter) ([]*nodeRec, bool) {
	layer, next, out := m.layer[:0], m.next[:0], m.nodes[:0]
	defer func() {
		clear(m.bits)
		m.layer, m.next, m.nodes = layer[:0], next[:0], out
	}()
	for _, r := range seeds {
		if i := int32(r.idx); !m.has(i) {
			m.set(i)
			layer = append(layer, cand{r.key, r})
		}
	}
	nodeConds := len(f.Kinds) > 0 || len(f.Countries) > 0
	for d := 0; ; d++ {
		room := limit - len(out)
		cut := len(layer) > room
		if cut {
			graph.SmallestFirstFunc(layer, room, cmpCand)
			layer = layer[:room]
		}
		for _, x := range layer {
			out = append(out, x.r)
		}
		if cut || d == depth || len(layer) == 0 {
			return out, cut
		}
		next = next[:0]
		for _, x := range layer {
			for i := range x.r.adj {
				h := &x.r.adj[i]
				if !m.has(h.oi) && c.mask[h.t()] && c.admits(h.e) && (!nodeConds || f.AdmitsNode(&h.o.n)) {
					m.set(h.oi)
					next = append(next, cand{h.okey, h.o})
				}
			}
		}
		if len(next) == 0 {
			return out, false
		}
		layer, next = next, layer
	}
}

// cmpCand orders candidates by id, comparing the prefixes first.
func cmpCand(a, b *cand) int {
	if a.key != b.key {
		return cmpUint(a.key, b.key)
	}
	return strings.Compare(a.r.n.ID, b.r.n.ID)
}

// nodeKey is a node's index in a slice with an integer prefix of the
// order being sorted, so that sorting moves no pointers and compares
// strings only on ties.
type nodeKey struct {
	k uint64
	i int32
}

// sortNodes returns pairs of (prefix(r), index in nodes), sorted by
// prefix and then by cmp on the nodes, in m's scratch.
func (m *marks) sortNodes(nodes []*nodeRec, prefix func(*nodeRec) uint64, cmp func(a, b string) int) []nodeKey {
	ps := slices.Grow(m.pairs[:0], len(nodes))
	for i, r := range nodes {
		ps = append(ps, nodeKey{prefix(r), int32(i)})
	}
	slices.SortFunc(ps, func(a, b nodeKey) int {
		if a.k != b.k {
			return cmpUint(a.k, b.k)
		}
		return cmp(nodes[a.i].n.ID, nodes[b.i].n.ID)
	})
	m.pairs = ps[:0]
	return ps
}

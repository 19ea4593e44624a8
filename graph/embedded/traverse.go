package embedded

import (
	"sync"

	"github.com/sdkg/sdkg/graph"
)

// marks is a per-query scratch array indexed by nodeRec.idx: a node is
// marked when stamp[idx] equals the query's epoch, so that a traversal
// tests and sets membership with an array access instead of a map
// operation, and nothing needs clearing between queries. Marks are pooled;
// each query owns one while it runs.
type marks struct {
	epoch uint32
	stamp []uint32
	pos   []int32
	// found and keyed are induced's scratch slices, kept for reuse.
	found []*edgeRec
	keyed []keyedEdge
	bar   []*nodeRec
	count []int32
}

var markPool = sync.Pool{New: func() any { return &marks{} }}

// getMarks returns marks for nodes numbered up to n, with a fresh epoch.
func getMarks(n int) *marks {
	m := markPool.Get().(*marks)
	if len(m.stamp) <= n {
		m.stamp = make([]uint32, n+n/4+64)
		m.pos = make([]int32, len(m.stamp))
		m.epoch = 0
	}
	m.epoch++
	if m.epoch == 0 { // wrapped: old stamps could collide
		clear(m.stamp)
		m.epoch = 1
	}
	return m
}

func (m *marks) put()                     { markPool.Put(m) }
func (m *marks) has(r *nodeRec) bool      { return m.stamp[r.idx] == m.epoch }
func (m *marks) mark(r *nodeRec)          { m.stamp[r.idx] = m.epoch }
func (m *marks) setPos(r *nodeRec, i int) { m.stamp[r.idx], m.pos[r.idx] = m.epoch, int32(i) }

// admit is graph.AdmitLayers over the adjacency, with the same answer:
// the seeds, then breadth-first layers of neighbours over edges passing c
// that pass f's node conditions, each layer's smallest ids first, until
// limit nodes. It returns the admitted nodes and whether some were left
// out.
func (st *state) admit(seeds []*nodeRec, depth, limit int, f *graph.Filter, c *edgeFilter) ([]*nodeRec, bool) {
	m := getMarks(st.lastIdx)
	defer m.put()
	var layer []*nodeRec
	for _, r := range seeds {
		if !m.has(r) {
			m.mark(r)
			layer = append(layer, r)
		}
	}
	var out []*nodeRec
	for d := 0; ; d++ {
		room := limit - len(out)
		cut := len(layer) > room
		if cut {
			smallestFirst(layer, room)
			layer = layer[:room]
		}
		out = append(out, layer...)
		if cut || d == depth || len(layer) == 0 {
			return out, cut
		}
		var next []*nodeRec
		for _, r := range layer {
			for t, hs := range r.adj {
				if !c.mask[t] {
					continue
				}
				for _, h := range hs {
					if m.stamp[h.oi] != m.epoch && c.admits(h.e) && f.AdmitsNode(&h.o.n) {
						m.mark(h.o)
						next = append(next, h.o)
					}
				}
			}
		}
		if len(next) == 0 {
			return out, false
		}
		layer = next
	}
}

// smallestFirst moves the k nodes of smallest ids to the front of xs (in
// no particular order), comparing id prefixes before whole ids.
func smallestFirst(xs []*nodeRec, k int) {
	graph.SmallestFirstFunc(xs, k, func(a, b **nodeRec) int { return cmpNodeID(*a, *b) })
}

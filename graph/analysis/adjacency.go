package analysis

import (
	"sort"

	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// adjacency stores a weighted undirected network for gonum's algorithms:
// nodes 0..n-1, and for each node i its distinct neighbours
// nbr[start[i]:start[i+1]] in ascending order with the weights of the edges
// joining them, w[start[i]:start[i+1]]. It implements
// gonum's graph.WeightedUndirected, and also graph.WeightedDirected with an
// arc each way per edge, as PageRank needs. It is read-only once built.
//
// gonum's simple graphs keep neighbours in maps; the measures walk
// neighbour lists many times (betweenness once per source node), and
// walking slices in a fixed order is both faster and the same on every run.
type adjacency struct {
	start []int
	nbr   []int
	w     []float64
	// nodes holds simple.Node(i) at i, and nbrNodes the nodes of nbr, so
	// that iterators hand out prebuilt interface values.
	nodes, nbrNodes []gonumgraph.Node
}

var (
	_ gonumgraph.WeightedUndirected = (*adjacency)(nil)
	_ gonumgraph.WeightedDirected   = (*adjacency)(nil)
)

// newAdjacency lays out n nodes and the merged pairs (sorted by a, then b,
// no two alike) as adjacency lists.
func newAdjacency(n int, pairs []pair) *adjacency {
	g := &adjacency{start: make([]int, n+1), nbr: make([]int, 2*len(pairs)), w: make([]float64, 2*len(pairs)),
		nodes: make([]gonumgraph.Node, n), nbrNodes: make([]gonumgraph.Node, 2*len(pairs))}
	for i := range g.nodes {
		g.nodes[i] = simple.Node(i)
	}
	for _, p := range pairs {
		g.start[p.a+1]++
		g.start[p.b+1]++
	}
	for i := range n {
		g.start[i+1] += g.start[i]
	}
	// Sorted by (a, b), each node receives its smaller neighbours (as b of
	// some pair) before its larger ones (as a), each group ascending.
	fill := append([]int(nil), g.start[:n]...)
	for _, p := range pairs {
		g.put(fill[p.a], p.b, p.w)
		fill[p.a]++
		g.put(fill[p.b], p.a, p.w)
		fill[p.b]++
	}
	return g
}

func (g *adjacency) put(k, v int, w float64) {
	g.nbr[k], g.w[k], g.nbrNodes[k] = v, w, g.nodes[v]
}

func (g *adjacency) has(id int64) bool { return id >= 0 && id < int64(len(g.nodes)) }

// find returns the adjacency offset of v among u's neighbours, or -1.
func (g *adjacency) find(uid, vid int64) int {
	if !g.has(uid) || !g.has(vid) {
		return -1
	}
	lo, hi := g.start[uid], g.start[uid+1]
	k := lo + sort.SearchInts(g.nbr[lo:hi], int(vid))
	if k < hi && g.nbr[k] == int(vid) {
		return k
	}
	return -1
}

// Node returns node id, or nil when there is none.
func (g *adjacency) Node(id int64) gonumgraph.Node {
	if !g.has(id) {
		return nil
	}
	return g.nodes[id]
}

// Nodes returns every node in ID order.
func (g *adjacency) Nodes() gonumgraph.Nodes { return iterator.NewOrderedNodes(g.nodes) }

// From returns the neighbours of id in ID order.
func (g *adjacency) From(id int64) gonumgraph.Nodes {
	if !g.has(id) {
		return gonumgraph.Empty
	}
	return iterator.NewOrderedNodes(g.nbrNodes[g.start[id]:g.start[id+1]])
}

// To is From: every edge is an arc both ways.
func (g *adjacency) To(id int64) gonumgraph.Nodes { return g.From(id) }

// HasEdgeBetween reports whether x and y are joined.
func (g *adjacency) HasEdgeBetween(xid, yid int64) bool { return g.find(xid, yid) >= 0 }

// HasEdgeFromTo reports whether u and v are joined.
func (g *adjacency) HasEdgeFromTo(uid, vid int64) bool { return g.find(uid, vid) >= 0 }

// Edge returns the edge from u to v, or nil.
func (g *adjacency) Edge(uid, vid int64) gonumgraph.Edge { return g.weighted(uid, vid) }

// EdgeBetween returns the edge from x to y, or nil.
func (g *adjacency) EdgeBetween(xid, yid int64) gonumgraph.Edge { return g.weighted(xid, yid) }

// WeightedEdge returns the edge from u to v with its weight, or nil.
func (g *adjacency) WeightedEdge(uid, vid int64) gonumgraph.WeightedEdge { return g.weighted(uid, vid) }

// WeightedEdgeBetween returns the edge from x to y with its weight, or nil.
func (g *adjacency) WeightedEdgeBetween(xid, yid int64) gonumgraph.WeightedEdge {
	return g.weighted(xid, yid)
}

// weighted returns a nil interface, not a nil simple edge, when u and v are
// not joined.
func (g *adjacency) weighted(uid, vid int64) gonumgraph.WeightedEdge {
	k := g.find(uid, vid)
	if k < 0 {
		return nil
	}
	return simple.WeightedEdge{F: g.nodes[uid], T: g.nodes[vid], W: g.w[k]}
}

// Weight returns the weight joining x and y: 0 from a node to itself (no
// self-loops are kept), false when they are not joined.
func (g *adjacency) Weight(xid, yid int64) (float64, bool) {
	if xid == yid && g.has(xid) {
		return 0, true
	}
	k := g.find(xid, yid)
	if k < 0 {
		return 0, false
	}
	return g.w[k], true
}

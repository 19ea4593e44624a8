// Package analysis computes network measures over a graph.Subgraph for
// visualisation clients: degree, betweenness, PageRank, Louvain communities
// and the span of years of each node's relations.
//
// Every function treats the subgraph as undirected (a relation links two
// actors whatever its direction), ignores edges whose endpoints are not among
// the subgraph's nodes, and is deterministic: the same subgraph gives the
// same numbers, whatever the order of its nodes and edges. Floating-point
// results are rounded to Precision decimals so that repeated runs of the
// iterative algorithms compare equal.
//
// The algorithms run over integer-indexed adjacency arrays built once per
// call, so that a network of a few hundred nodes is measured in a few
// milliseconds, inside a request. Louvain is gonum's algorithm
// (community.Modularize) step for step, giving the same communities for the
// same seed; PageRank is gonum's edge-weighted PageRankSparse started from
// the uniform vector. Tests compare both with gonum.
//
// It imports package graph and the standard library only.
package analysis

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/sdkg/sdkg/graph"
)

// Precision is the number of decimals kept in Betweenness and PageRank.
const Precision = 6

// DefaultSeed seeds the Louvain search when Options.Seed is 0.
const DefaultSeed = 20250513

// Options tune Analyze.
type Options struct {
	// Seed fixes the random source of the Louvain search; 0 means DefaultSeed.
	Seed uint64
	// Resolution of the modularity function; 0 means 1.
	Resolution float64
	// Skip* leave a measure out (zero in the result) when a caller does not
	// need it: betweenness costs O(nodes × edges), PageRank and Louvain a
	// few passes over the edges each.
	SkipBetweenness, SkipPageRank, SkipCommunities bool
}

// Metrics are the measures of one node.
type Metrics struct {
	// Degree counts the subgraph's edges touching the node (parallel edges
	// count each).
	Degree int
	// Betweenness is the number of shortest paths between other pairs of
	// nodes that pass through the node (each unordered pair once, a pair
	// with several shortest paths counted fractionally).
	Betweenness float64
	// PageRank with damping 0.85, edges weighted by Weight (1 when unset);
	// the values of a subgraph sum to 1.
	PageRank float64
	// Community numbers the node's Louvain community: 0 for the community
	// holding the smallest node ID, 1 for the next, and so on.
	Community int
	// FirstYear and LastYear bound the years of the node's dated edges
	// (Years of roll-up edges, else Year); 0 when none is dated.
	FirstYear, LastYear int
}

// Analyze returns the metrics of every node of sg, keyed by node ID.
func Analyze(sg graph.Subgraph, opt Options) map[string]Metrics {
	x := index(sg)
	out := make(map[string]Metrics, len(x.ids))
	n := len(x.ids)
	btw, pr, com := make([]float64, n), make([]float64, n), make([]int, n)
	if !opt.SkipBetweenness {
		btw = x.betweenness()
	}
	if !opt.SkipPageRank {
		pr = x.pageRank()
	}
	if !opt.SkipCommunities {
		com = x.communities(opt)
	}
	for i, id := range x.ids {
		out[id] = Metrics{Degree: x.degree[i], Betweenness: btw[i], PageRank: pr[i],
			Community: com[i], FirstYear: x.first[i], LastYear: x.last[i]}
	}
	return out
}

// indexed is a subgraph with nodes numbered in ID order, the per-node
// figures read off its edges, and the weighted adjacency of the distinct
// pairs of nodes that its edges join.
type indexed struct {
	ids         []string
	degree      []int
	first, last []int
	adj         adjacency
}

// adjacency lists, for each node i, its distinct neighbours
// nbr[start[i]:start[i+1]] in ascending order and the summed weight of the
// edges joining them, w[start[i]:start[i+1]].
type adjacency struct {
	start []int
	nbr   []int
	w     []float64
}

func (a *adjacency) nodes() int { return len(a.start) - 1 }

// pair is an unordered pair of node positions (a < b) and its weight.
type pair struct {
	a, b int
	w    float64
}

func index(sg graph.Subgraph) *indexed {
	x := &indexed{ids: make([]string, 0, len(sg.Nodes))}
	pos := make(map[string]int, len(sg.Nodes))
	for _, n := range sg.Nodes {
		if _, dup := pos[n.ID]; !dup {
			pos[n.ID] = 0
			x.ids = append(x.ids, n.ID)
		}
	}
	sort.Strings(x.ids)
	for i, id := range x.ids {
		pos[id] = i
	}
	n := len(x.ids)
	x.degree, x.first, x.last = make([]int, n), make([]int, n), make([]int, n)
	pairs := make([]pair, 0, len(sg.Edges))
	for i := range sg.Edges {
		e := &sg.Edges[i]
		a, okA := pos[e.From]
		b, okB := pos[e.To]
		if !okA || !okB || a == b {
			continue
		}
		x.degree[a]++
		x.degree[b]++
		x.seeYears(e, a, b)
		pairs = append(pairs, pair{min(a, b), max(a, b), weight(e)})
	}
	x.adj = adjacencyOf(n, pairs)
	return x
}

// adjacencyOf merges parallel pairs (summing their weights) and lays the
// result out as adjacency lists in ascending order.
func adjacencyOf(n int, pairs []pair) adjacency {
	slices.SortFunc(pairs, func(p, q pair) int {
		if c := cmp.Compare(p.a, q.a); c != 0 {
			return c
		}
		return cmp.Compare(p.b, q.b)
	})
	uniq := pairs[:0]
	for _, p := range pairs {
		if k := len(uniq) - 1; k >= 0 && uniq[k].a == p.a && uniq[k].b == p.b {
			uniq[k].w += p.w
			continue
		}
		uniq = append(uniq, p)
	}
	adj := adjacency{start: make([]int, n+1), nbr: make([]int, 2*len(uniq)), w: make([]float64, 2*len(uniq))}
	for _, p := range uniq {
		adj.start[p.a+1]++
		adj.start[p.b+1]++
	}
	for i := range n {
		adj.start[i+1] += adj.start[i]
	}
	// Sorted by (a, b), each node receives its smaller neighbours (as b of
	// some pair) before its larger ones (as a), each group ascending.
	fill := append([]int(nil), adj.start[:n]...)
	for _, p := range uniq {
		adj.nbr[fill[p.a]], adj.w[fill[p.a]] = p.b, p.w
		fill[p.a]++
		adj.nbr[fill[p.b]], adj.w[fill[p.b]] = p.a, p.w
		fill[p.b]++
	}
	return adj
}

// weight is what an edge counts for: its roll-up Weight, else 1.
func weight(e *graph.Edge) float64 {
	if e.Weight > 0 {
		return float64(e.Weight)
	}
	return 1
}

// seeYears widens the year spans of nodes a and b by the years of e.
func (x *indexed) seeYears(e *graph.Edge, a, b int) {
	if len(e.Years) == 0 {
		x.seeYear(a, e.Year)
		x.seeYear(b, e.Year)
		return
	}
	for _, y := range e.Years {
		x.seeYear(a, y)
		x.seeYear(b, y)
	}
}

func (x *indexed) seeYear(p, y int) {
	if y == 0 {
		return
	}
	if x.first[p] == 0 || y < x.first[p] {
		x.first[p] = y
	}
	if y > x.last[p] {
		x.last[p] = y
	}
}

func round(v float64) float64 {
	p := math.Pow10(Precision)
	return math.Round(v*p) / p
}

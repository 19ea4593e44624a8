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
// The measures are gonum's (gonum.org/v1/gonum/graph): network.Betweenness,
// network.PageRankSparse and community.Modularize, run over one gonum graph
// built per call and shared by the measures asked for. Louvain has a fixed
// random source (Options.Seed) and its communities are numbered by their
// smallest node ID, so that the numbering does not depend on gonum's.
package analysis

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/sdkg/sdkg/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
)

// Precision is the number of decimals kept in Betweenness and PageRank.
const Precision = 6

// DefaultSeed seeds the Louvain search when Options.Seed is 0.
const DefaultSeed = 20250513

// PageRank parameters: the customary damping, and the change between two
// iterations (L2) below which gonum's power iteration stops. The tolerance
// is far below 10^-Precision so that gonum's random starting vector does not
// show in the rounded ranks.
const (
	damping = 0.85
	rankTol = 1e-14
)

// Options tune Analyze.
type Options struct {
	// Seed fixes the random source of the Louvain search; 0 means DefaultSeed.
	Seed uint64
	// Resolution of the modularity function; 0 means 1.
	Resolution float64
	// Skip* leave a measure out (zero in the result) when a caller does not
	// need it. Over 500 nodes and 5000 edges gonum takes about 1 s for
	// betweenness (O(nodes × edges)), 0.2 s for Louvain and a few ms for
	// PageRank (BenchmarkAnalyze).
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
	n := len(x.ids)
	btw, pr, com := make([]float64, n), make([]float64, n), make([]int, n)
	if n > 0 && !(opt.SkipBetweenness && opt.SkipPageRank && opt.SkipCommunities) {
		g := x.gonumGraph()
		if !opt.SkipBetweenness {
			betweenness(g, btw)
		}
		if !opt.SkipPageRank {
			pageRank(g, pr)
		}
		if !opt.SkipCommunities {
			communities(g, opt, com)
		}
	}
	out := make(map[string]Metrics, n)
	for i, id := range x.ids {
		out[id] = Metrics{Degree: x.degree[i], Betweenness: btw[i], PageRank: pr[i],
			Community: com[i], FirstYear: x.first[i], LastYear: x.last[i]}
	}
	return out
}

// indexed is a subgraph with nodes numbered in ID order, the per-node
// figures read off its edges, and the pairs of nodes that its edges join
// (a parallel edge gives a pair again).
type indexed struct {
	ids         []string
	degree      []int
	first, last []int
	pairs       []pair
}

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
	x.pairs = pairs
	return x
}

// mergePairs sorts pairs and merges parallel ones, summing their weights.
func mergePairs(pairs []pair) []pair {
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
	return uniq
}

// gonumGraph builds the gonum graph of the subgraph: every node, and an
// edge of the summed weight per joined pair. It reorders x.pairs.
func (x *indexed) gonumGraph() *adjacency { return newAdjacency(len(x.ids), mergePairs(x.pairs)) }

// betweenness fills out with gonum's unweighted betweenness (a hop is a hop
// whatever the edge's weight).
func betweenness(g *adjacency, out []float64) {
	for id, v := range network.Betweenness(g) {
		// gonum counts each unordered pair once from each end.
		out[id] = round(v / 2)
	}
}

// pageRank fills out with gonum's edge-weighted PageRank.
func pageRank(g *adjacency, out []float64) {
	for id, v := range network.PageRankSparse(g, damping, rankTol) {
		out[id] = round(v)
	}
}

// communities fills out with the Louvain communities gonum finds with the
// seed of opt, numbered in the order of their smallest member.
func communities(g *adjacency, opt Options, out []int) {
	seed, res := opt.Seed, opt.Resolution
	if seed == 0 {
		seed = DefaultSeed
	}
	if res == 0 {
		res = 1
	}
	reduced := community.Modularize(g, res, rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	groups := reduced.Communities()
	smallest := make([]int64, len(groups))
	for c, members := range groups {
		smallest[c] = math.MaxInt64
		for _, nd := range members {
			smallest[c] = min(smallest[c], nd.ID())
		}
	}
	order := make([]int, len(groups))
	for c := range order {
		order[c] = c
	}
	slices.SortFunc(order, func(c, d int) int { return cmp.Compare(smallest[c], smallest[d]) })
	for number, c := range order {
		for _, nd := range groups[c] {
			out[nd.ID()] = number
		}
	}
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

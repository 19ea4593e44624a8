package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/sdkg/sdkg/graph"
	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// randomWeighted returns a random subgraph of n nodes with parallel edges
// and roll-up weights, some nodes isolated, and the same network as a gonum
// weighted undirected graph (parallel edges summed), node i at position i.
func randomWeighted(r *rand.Rand, n, edges int) (graph.Subgraph, *simple.WeightedUndirectedGraph) {
	var sg graph.Subgraph
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n {
		sg.Nodes = append(sg.Nodes, graph.Node{ID: fmt.Sprintf("n%04d", i)})
		g.AddNode(simple.Node(i))
	}
	sum := map[[2]int]float64{}
	for range edges {
		// Skewed endpoints give hubs and leave some nodes isolated.
		a, b := r.IntN(n)*r.IntN(n)/n, r.IntN(n)
		if a == b {
			continue
		}
		w := 1 + r.IntN(3)
		sg.Edges = append(sg.Edges, graph.Edge{From: sg.Nodes[a].ID, To: sg.Nodes[b].ID, Weight: w})
		sum[[2]int{min(a, b), max(a, b)}] += float64(w)
	}
	for p, w := range sum {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(p[0]), simple.Node(p[1]), w))
	}
	return sg, g
}

// gonumCommunities numbers gonum's Louvain communities of g as Analyze
// does: by smallest member.
func gonumCommunities(g *simple.WeightedUndirectedGraph, n int, seed uint64) []int {
	reduced := community.Modularize(g, 1, rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var groups [][]int
	for _, c := range reduced.Communities() {
		var m []int
		for _, nd := range c {
			m = append(m, int(nd.ID()))
		}
		sort.Ints(m)
		groups = append(groups, m)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i][0] < groups[j][0] })
	out := make([]int, n)
	for c, m := range groups {
		for _, p := range m {
			out[p] = c
		}
	}
	return out
}

func TestCommunitiesMatchGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 30 {
		n := 5 + r.IntN(200)
		sg, g := randomWeighted(r, n, n*(1+r.IntN(8)))
		seed := uint64(1 + r.IntN(1000))
		want := gonumCommunities(g, n, seed)
		got := Analyze(sg, Options{Seed: seed, SkipBetweenness: true, SkipPageRank: true})
		for i, nd := range sg.Nodes {
			if got[nd.ID].Community != want[i] {
				t.Fatalf("trial %d (%d nodes, seed %d): %s in community %d, gonum says %d",
					trial, n, seed, nd.ID, got[nd.ID].Community, want[i])
			}
		}
	}
}

func TestPageRankMatchesGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for trial := range 20 {
		n := 5 + r.IntN(200)
		sg, g := randomWeighted(r, n, n*(1+r.IntN(8)))
		d := simple.NewWeightedDirectedGraph(0, 0)
		for i := range n {
			d.AddNode(simple.Node(i))
		}
		for _, e := range gonumgraph.WeightedEdgesOf(g.WeightedEdges()) {
			d.SetWeightedEdge(d.NewWeightedEdge(e.From(), e.To(), e.Weight()))
			d.SetWeightedEdge(d.NewWeightedEdge(e.To(), e.From(), e.Weight()))
		}
		want := network.PageRankSparse(d, 0.85, 1e-12)
		got := Analyze(sg, Options{SkipBetweenness: true, SkipCommunities: true})
		for i, nd := range sg.Nodes {
			if w := want[int64(i)]; math.Abs(got[nd.ID].PageRank-w) > 2e-6 {
				t.Fatalf("trial %d: PageRank of %s = %v, gonum says %v", trial, nd.ID, got[nd.ID].PageRank, w)
			}
		}
	}
}

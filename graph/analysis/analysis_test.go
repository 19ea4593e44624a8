package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// build makes a subgraph from "a-b" pairs; every node is a Person.
func build(t *testing.T, pairs ...string) graph.Subgraph {
	t.Helper()
	var sg graph.Subgraph
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			sg.Nodes = append(sg.Nodes, graph.Node{ID: id, Kind: graph.Person, Name: id})
		}
	}
	for _, p := range pairs {
		var a, b string
		if _, err := fmt.Sscanf(p, "%1s-%1s", &a, &b); err != nil {
			t.Fatalf("bad pair %q: %v", p, err)
		}
		add(a)
		add(b)
		sg.Edges = append(sg.Edges, graph.Edge{Type: graph.CollaboratedWith, From: a, To: b})
	}
	return sg
}

func TestDegree(t *testing.T) {
	t.Run("ParallelEdgesCountEach", func(t *testing.T) {
		m := Analyze(build(t, "a-b", "a-b", "b-c"), Options{})
		want := map[string]int{"a": 2, "b": 3, "c": 1}
		for id, d := range want {
			if m[id].Degree != d {
				t.Errorf("degree of %s = %d, want %d", id, m[id].Degree, d)
			}
		}
	})
	t.Run("DanglingEdgesIgnored", func(t *testing.T) {
		sg := build(t, "a-b")
		sg.Edges = append(sg.Edges, graph.Edge{From: "a", To: "zzz"}, graph.Edge{From: "a", To: "a"})
		if m := Analyze(sg, Options{}); m["a"].Degree != 1 || len(m) != 2 {
			t.Errorf("got %+v, want a of degree 1 and two nodes", m)
		}
	})
}

func TestBetweenness(t *testing.T) {
	t.Run("StarCentreLiesOnEveryLeafPair", func(t *testing.T) {
		// Centre x, leaves a..d: C(4,2) = 6 leaf pairs, all through x.
		m := Analyze(build(t, "x-a", "x-b", "x-c", "x-d"), Options{})
		if m["x"].Betweenness != 6 {
			t.Errorf("centre betweenness = %v, want 6", m["x"].Betweenness)
		}
		if m["a"].Betweenness != 0 {
			t.Errorf("leaf betweenness = %v, want 0", m["a"].Betweenness)
		}
	})
	t.Run("PathMiddle", func(t *testing.T) {
		// a-b-c-d: b lies on a-c and a-d, c on a-d and b-d.
		m := Analyze(build(t, "a-b", "b-c", "c-d"), Options{})
		if m["b"].Betweenness != 2 || m["c"].Betweenness != 2 || m["a"].Betweenness != 0 {
			t.Errorf("got b=%v c=%v a=%v, want 2 2 0", m["b"].Betweenness, m["c"].Betweenness, m["a"].Betweenness)
		}
	})
	t.Run("SplitPathsCountHalf", func(t *testing.T) {
		// Square a-b-c-d-a: a and c joined by two shortest paths, via b or d.
		m := Analyze(build(t, "a-b", "b-c", "c-d", "d-a"), Options{})
		if m["b"].Betweenness != 0.5 {
			t.Errorf("b betweenness = %v, want 0.5", m["b"].Betweenness)
		}
	})
}

func TestPageRank(t *testing.T) {
	t.Run("CycleIsUniform", func(t *testing.T) {
		m := Analyze(build(t, "a-b", "b-c", "c-d", "d-e", "e-a"), Options{})
		for id, x := range m {
			if math.Abs(x.PageRank-0.2) > 1e-6 {
				t.Errorf("PageRank of %s = %v, want 0.2", id, x.PageRank)
			}
		}
	})
	t.Run("StarCentreRanksFirstAndSumIsOne", func(t *testing.T) {
		m := Analyze(build(t, "x-a", "x-b", "x-c", "x-d"), Options{})
		sum := 0.0
		for id, x := range m {
			sum += x.PageRank
			if id != "x" && x.PageRank >= m["x"].PageRank {
				t.Errorf("leaf %s ranks %v, not below the centre's %v", id, x.PageRank, m["x"].PageRank)
			}
		}
		if math.Abs(sum-1) > 1e-5 {
			t.Errorf("PageRank sums to %v, want 1", sum)
		}
	})
	t.Run("WeightPullsRank", func(t *testing.T) {
		// b is joined to a by weight 5 and to c by weight 1: a outranks c.
		sg := build(t, "a-b", "b-c")
		sg.Edges[0].Weight = 5
		m := Analyze(sg, Options{})
		if m["a"].PageRank <= m["c"].PageRank {
			t.Errorf("a=%v, c=%v: the heavier partner should rank higher", m["a"].PageRank, m["c"].PageRank)
		}
	})
}

// twoCliques is two 4-cliques (a-d and e-h) joined by one bridge d-e.
func twoCliques(t *testing.T) graph.Subgraph {
	return build(t, "a-b", "a-c", "a-d", "b-c", "b-d", "c-d",
		"e-f", "e-g", "e-h", "f-g", "f-h", "g-h", "d-e")
}

func TestCommunities(t *testing.T) {
	t.Run("TwoCliquesTwoCommunities", func(t *testing.T) {
		m := Analyze(twoCliques(t), Options{})
		for _, id := range []string{"a", "b", "c", "d"} {
			if m[id].Community != 0 {
				t.Errorf("%s in community %d, want 0 (the one holding a)", id, m[id].Community)
			}
		}
		for _, id := range []string{"e", "f", "g", "h"} {
			if m[id].Community != 1 {
				t.Errorf("%s in community %d, want 1", id, m[id].Community)
			}
		}
	})
	t.Run("IsolatedNodesAreTheirOwn", func(t *testing.T) {
		sg := build(t, "a-b")
		sg.Nodes = append(sg.Nodes, graph.Node{ID: "z", Kind: graph.Person, Name: "z"})
		m := Analyze(sg, Options{})
		if m["a"].Community != m["b"].Community || m["z"].Community == m["a"].Community {
			t.Errorf("got %+v, want a and b together and z apart", m)
		}
	})
}

func TestDeterministic(t *testing.T) {
	sg := twoCliques(t)
	want := Analyze(sg, Options{})
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		c := graph.Subgraph{Nodes: append([]graph.Node(nil), sg.Nodes...), Edges: append([]graph.Edge(nil), sg.Edges...)}
		r.Shuffle(len(c.Nodes), func(i, j int) { c.Nodes[i], c.Nodes[j] = c.Nodes[j], c.Nodes[i] })
		r.Shuffle(len(c.Edges), func(i, j int) { c.Edges[i], c.Edges[j] = c.Edges[j], c.Edges[i] })
		if got := Analyze(c, Options{}); !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d on shuffled input differs:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

// TestDeterministicRandomNetwork runs every measure over a random weighted
// network with parallel edges and isolated nodes, shuffled each time: gonum's
// PageRank starts from a random vector and its Louvain search shuffles, so
// this checks that the tolerance, the rounding and the fixed seed hide both.
func TestDeterministicRandomNetwork(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var sg graph.Subgraph
	const n = 150
	for i := range n {
		sg.Nodes = append(sg.Nodes, graph.Node{ID: fmt.Sprintf("n%03d", i)})
	}
	for range 4 * n {
		// Skewed endpoints give hubs and leave some nodes isolated.
		a, b := r.IntN(n)*r.IntN(n)/n, r.IntN(n)
		sg.Edges = append(sg.Edges, graph.Edge{From: sg.Nodes[a].ID, To: sg.Nodes[b].ID, Weight: r.IntN(3)})
	}
	want := Analyze(sg, Options{})
	communities := map[int]bool{}
	for _, m := range want {
		communities[m.Community] = true
	}
	if len(communities) < 2 {
		t.Fatalf("random network in %d communities, want several", len(communities))
	}
	for i := range 5 {
		c := graph.Subgraph{Nodes: append([]graph.Node(nil), sg.Nodes...), Edges: append([]graph.Edge(nil), sg.Edges...)}
		r.Shuffle(len(c.Nodes), func(i, j int) { c.Nodes[i], c.Nodes[j] = c.Nodes[j], c.Nodes[i] })
		r.Shuffle(len(c.Edges), func(i, j int) { c.Edges[i], c.Edges[j] = c.Edges[j], c.Edges[i] })
		if got := Analyze(c, Options{}); !reflect.DeepEqual(got, want) {
			for id := range want {
				if got[id] != want[id] {
					t.Errorf("run %d: %s got %+v, want %+v", i, id, got[id], want[id])
				}
			}
			t.FailNow()
		}
	}
}

func TestYears(t *testing.T) {
	sg := build(t, "a-b", "b-c", "c-d")
	sg.Edges[0].Year = 2021
	sg.Edges[1].Year = 2019
	sg.Edges[2].Years = []int{2023, 2025}
	m := Analyze(sg, Options{})
	cases := map[string][2]int{"a": {2021, 2021}, "b": {2019, 2021}, "c": {2019, 2025}, "d": {2023, 2025}}
	for id, w := range cases {
		if got := [2]int{m[id].FirstYear, m[id].LastYear}; got != w {
			t.Errorf("years of %s = %v, want %v", id, got, w)
		}
	}
}

func TestEmpty(t *testing.T) {
	if m := Analyze(graph.Subgraph{}, Options{}); len(m) != 0 {
		t.Errorf("empty subgraph gave %v", m)
	}
}

// TestAdjacencyMatchesSimpleGraph checks that the adjacency lists hand gonum
// the same network as a gonum simple graph built edge by edge: betweenness
// over both agrees on random graphs with parallel edges.
func TestAdjacencyMatchesSimpleGraph(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 20 {
		n := 5 + r.IntN(40)
		var sg graph.Subgraph
		g := simple.NewUndirectedGraph()
		for i := range n {
			sg.Nodes = append(sg.Nodes, graph.Node{ID: fmt.Sprintf("n%03d", i)})
			g.AddNode(simple.Node(i))
		}
		for range n * 2 {
			a, b := r.IntN(n), r.IntN(n)
			if a == b {
				continue
			}
			sg.Edges = append(sg.Edges, graph.Edge{From: sg.Nodes[a].ID, To: sg.Nodes[b].ID})
			g.SetEdge(g.NewEdge(simple.Node(a), simple.Node(b)))
		}
		want := network.Betweenness(g)
		got := Analyze(sg, Options{})
		for i, nd := range sg.Nodes {
			if w := want[int64(i)] / 2; math.Abs(got[nd.ID].Betweenness-w) > 1e-5 {
				t.Fatalf("trial %d: betweenness of %s = %v, gonum says %v", trial, nd.ID, got[nd.ID].Betweenness, w)
			}
		}
	}
}

// BenchmarkAnalyze measures each measure, and the set a visualisation
// client asks for (all but betweenness), over a random 500-node network of
// 5000 edges, the default size of a network answer.
func BenchmarkAnalyze(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	var sg graph.Subgraph
	for i := range 500 {
		sg.Nodes = append(sg.Nodes, graph.Node{ID: fmt.Sprintf("n%03d", i)})
	}
	for range 5000 {
		a, c := r.IntN(500), r.IntN(500)
		sg.Edges = append(sg.Edges, graph.Edge{From: sg.Nodes[a].ID, To: sg.Nodes[c].ID, Year: 2019 + r.IntN(7)})
	}
	none := Options{SkipBetweenness: true, SkipPageRank: true, SkipCommunities: true}
	for _, c := range []struct {
		name string
		opt  Options
	}{
		{"All", Options{}},
		{"Visualisation", Options{SkipBetweenness: true}},
		{"DegreeAndYears", none},
		{"Betweenness", Options{SkipPageRank: true, SkipCommunities: true}},
		{"PageRank", Options{SkipBetweenness: true, SkipCommunities: true}},
		{"Communities", Options{SkipBetweenness: true, SkipPageRank: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Analyze(sg, c.opt)
			}
		})
	}
}

func TestSkip(t *testing.T) {
	sg := twoCliques(t)
	all := Analyze(sg, Options{})
	some := Analyze(sg, Options{SkipBetweenness: true, SkipPageRank: true, SkipCommunities: true})
	for id, m := range some {
		if m.Betweenness != 0 || m.PageRank != 0 || m.Community != 0 {
			t.Errorf("%s: skipped measures computed: %+v", id, m)
		}
		if m.Degree != all[id].Degree || m.FirstYear != all[id].FirstYear {
			t.Errorf("%s: skipping changed degree or years: %+v vs %+v", id, m, all[id])
		}
	}
	if all["e"].Community == 0 || all["d"].Betweenness == 0 || all["a"].PageRank == 0 {
		t.Errorf("measures missing without Skip: %+v", all)
	}
}

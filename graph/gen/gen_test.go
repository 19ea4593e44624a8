package gen

import (
	"reflect"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

func TestGenerateValidAndComplete(t *testing.T) {
	docs := Generate(Config{Seed: 7, Edges: 5000})
	edges, types, kinds := 0, map[graph.EdgeType]bool{}, map[graph.Kind]bool{}
	degree := map[string]int{}
	for i := range docs {
		if err := docs[i].Validate(); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		for _, n := range docs[i].Nodes {
			kinds[n.Kind] = true
		}
		for _, e := range docs[i].Edges {
			types[e.Type] = true
			degree[e.From]++
			degree[e.To]++
			if y := graph.YearOf(e.Date); e.Date != "" && (y < 2010 || y > 2025) {
				t.Fatalf("edge %v: date outside 2010-2025", e)
			}
		}
		edges += len(docs[i].Edges)
	}
	if edges != 5000 {
		t.Fatalf("edges = %d, want 5000", edges)
	}
	if len(types) != len(graph.EdgeTypes) || len(kinds) != len(graph.Kinds) {
		t.Fatalf("types %d of %d, kinds %d of %d", len(types), len(graph.EdgeTypes), len(kinds), len(graph.Kinds))
	}
	maxDeg := 0
	for _, d := range degree {
		maxDeg = max(maxDeg, d)
	}
	if mean := 2 * edges / len(degree); maxDeg < 10*mean {
		t.Fatalf("max degree %d is not heavy-tailed (mean %d)", maxDeg, mean)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(Config{Seed: 3, Edges: 1000}), Generate(Config{Seed: 3, Edges: 1000})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different graphs")
	}
	if c := Generate(Config{Seed: 4, Edges: 1000}); reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave the same graph")
	}
}

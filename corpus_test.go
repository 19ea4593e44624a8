package main

import (
	"context"
	"strconv"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/loaders"
)

// TestCorpusLoads loads corpus/ into an embedded store and checks that it
// answers multi-year questions: no file fails, every year from 2019 to 2025
// has edges, and the graph is large enough to explore.
func TestCorpusLoads(t *testing.T) {
	ctx := context.Background()
	s := embedded.OpenMemory()
	defer s.Close()
	res, err := loaders.Load(ctx, s, []string{"corpus"}, loaders.LoadOptions{})
	if err != nil {
		t.Fatalf("loading corpus/: %v", err)
	}
	if len(res) < 30 {
		t.Fatalf("corpus/ has %d documents, want at least 30", len(res))
	}
	years, err := s.CountsBy(ctx, graph.ByYear, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	perYear := map[string]int{}
	for _, c := range years {
		perYear[c.Key] = c.Count
	}
	for y := 2019; y <= 2025; y++ {
		if perYear[strconv.Itoa(y)] == 0 {
			t.Errorf("no edges dated %d (edges per year: %v)", y, years)
		}
	}
	tot, err := s.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kinds, err := s.CountsBy(ctx, graph.ByKind, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	countries := 0
	for _, c := range kinds {
		if c.Key == string(graph.Country) {
			countries = c.Count
		}
	}
	t.Logf("corpus: %d documents, %d entities, %d edges, %d countries; edges per year %v", tot.Documents, tot.Nodes, tot.Edges, countries, years)
	if tot.Edges < 600 || tot.Nodes < 150 || countries < 25 {
		t.Errorf("corpus yields %d edges, %d entities, %d countries; want at least 600, 150, 25", tot.Edges, tot.Nodes, countries)
	}
}

package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/graph/gen"
)

// benchEdges is the size of the benchmark graph.
const benchEdges = 100_000

var (
	benchOnce  sync.Once
	benchStore graph.Store
)

// benchGraph returns an embedded store holding a generated graph of
// benchEdges edges, built once per test binary.
func benchGraph(b *testing.B) graph.Store {
	b.Helper()
	benchOnce.Do(func() {
		s := embedded.OpenMemory()
		for _, f := range gen.Generate(gen.Config{Seed: 42, Edges: benchEdges, EdgesPerDoc: 1000}) {
			if _, err := s.Apply(context.Background(), &f); err != nil {
				b.Fatalf("Apply %s: %v", f.Document.ID, err)
			}
		}
		benchStore = s
	})
	return benchStore
}

// hubs returns the ids of the n entities of kind with the most relations.
func hubs(b *testing.B, s graph.Store, kind graph.Kind, n int) []string {
	b.Helper()
	p, err := s.FindNodes(context.Background(), graph.NodeQuery{Kinds: []graph.Kind{kind}, Order: graph.ByDegree, Page: graph.Page{First: n}})
	if err != nil || len(p.Nodes) == 0 {
		b.Fatalf("FindNodes: %v (%d nodes)", err, len(p.Nodes))
	}
	ids := make([]string, len(p.Nodes))
	for i, nd := range p.Nodes {
		ids[i] = nd.ID
	}
	return ids
}

// benchQuery measures one GraphQL request through the handler, cycling
// through the given variables.
func benchQuery(b *testing.B, query string, vars []map[string]any) {
	h := New(discardLogger(), benchGraph(b), Options{})
	bodies := make([]string, len(vars))
	for i, v := range vars {
		raw, _ := json.Marshal(map[string]any{"query": query, "variables": v})
		bodies[i] = string(raw)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		req, _ := http.NewRequest(http.MethodPost, "/graphql", strings.NewReader(bodies[i%len(bodies)]))
		req.Header.Set("Content-Type", "application/json")
		rec := newDiscardRecorder()
		h.ServeHTTP(rec, req)
		if rec.code != http.StatusOK || strings.Contains(rec.body.String(), `"errors"`) {
			b.Fatalf("HTTP %d: %.300s", rec.code, rec.body.String())
		}
	}
}

// BenchmarkNetworkDepth2 draws the depth-2 network (500 nodes at most)
// around the most connected persons of a 100k-edge graph.
func BenchmarkNetworkDepth2(b *testing.B) {
	var vars []map[string]any
	for _, id := range hubs(b, benchGraph(b), graph.Person, 20) {
		vars = append(vars, map[string]any{"id": id})
	}
	benchQuery(b, `query($id: ID!) { network(seeds: [$id], depth: 2) {
		nodes { id label kind country degree pageRank community firstYear lastYear }
		edges { id source target type weight years } } }`, vars)
}

// BenchmarkCollaborators lists the partners of the most connected
// institutions of a 100k-edge graph.
func BenchmarkCollaborators(b *testing.B) {
	var vars []map[string]any
	for _, id := range hubs(b, benchGraph(b), graph.Institution, 20) {
		vars = append(vars, map[string]any{"id": id})
	}
	benchQuery(b, `query($id: ID!) { entity(id: $id) { name collaborators { entity { id name kind } count first last } } }`, vars)
}

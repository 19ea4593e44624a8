// Package graphtest is the conformance suite every graph.Store passes, with
// its fixtures (the seed's gold facts and generated graphs) and generic
// benchmarks. A backend's test is one call: graphtest.TestStore(t, newStore).
//
// Concrete answers are never hard-coded: each test derives what it expects
// from the fixture (independently where the rule is simple, through the
// pure functions of graph/derive.go on the raw fixture otherwise).
package graphtest

import (
	"context"
	"reflect"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// NewStore returns an empty store for one test and arranges (t.Cleanup) to
// close it.
type NewStore func(t *testing.T) graph.Store

// TestStore runs the conformance suite against stores made by newStore.
func TestStore(t *testing.T, newStore NewStore) {
	groups := []struct {
		name  string
		tests []storeTest
	}{
		{"Apply", applyTests},
		{"ApplyBatch", batchTests},
		{"DeleteDocument", deleteTests},
		{"MergeNodes", mergeTests},
		{"AddAlias", aliasTests},
		{"NodesByID", nodesByIDTests},
		{"FindNodes", findTests},
		{"Edges", edgesTests},
		{"Evidence", evidenceTests},
		{"Neighbourhood", neighbourhoodTests},
		{"ShortestPaths", pathTests},
		{"Collaborators", collaboratorTests},
		{"Rollup", rollupTests},
		{"CountsBy", countsTests},
		{"Documents", documentTests},
		{"BadInput", badInputTests},
		{"Context", contextTests},
		{"Generated", generatedTests},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, tt := range g.tests {
				t.Run(tt.name, func(t *testing.T) { tt.runOn(t, newStore) })
			}
		})
	}
}

type storeTest struct {
	name string
	run  func(t *testing.T, s graph.Store)
}

var bg = context.Background()

// MustApply applies f and fails the test on error.
func MustApply(tb testing.TB, s graph.Store, f *graph.Facts) graph.ApplySummary {
	tb.Helper()
	sum, err := s.Apply(bg, f)
	if err != nil {
		tb.Fatalf("Apply(%s): %v", f.Document.ID, err)
	}
	return sum
}

// MustTotals returns the store's totals.
func MustTotals(tb testing.TB, s graph.Store) graph.Totals {
	tb.Helper()
	tot, err := s.Totals(bg)
	if err != nil {
		tb.Fatalf("Totals: %v", err)
	}
	return tot
}

// WantCode fails unless err carries code.
func WantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := graph.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// mustError carries the error of a failed must to the recover in run.
type mustError struct{ err error }

// must returns v, or ends the running suite test with err (see run).
func must[T any](v T, err error) T {
	if err != nil {
		panic(mustError{err})
	}
	return v
}

// runOn runs one suite test on a fresh store, turning a failed must into a
// test failure.
func (tt storeTest) runOn(t *testing.T, newStore NewStore) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(mustError); ok {
				t.Fatalf("unexpected error: %v", e.err)
			}
			panic(r)
		}
	}()
	tt.run(t, newStore(t))
}

func wantEqual[T any](tb testing.TB, what string, got, want T) {
	tb.Helper()
	if !reflect.DeepEqual(got, want) {
		tb.Fatalf("%s:\n got  %v\n want %v", what, got, want)
	}
}

// gold applies the gold fixture to s and returns it.
func gold(t *testing.T, s graph.Store) *Fixture {
	t.Helper()
	fx := NewFixture(GoldFacts(t))
	fx.Apply(t, s)
	return fx
}

// hub returns the fixture node of kind k with the most edges (ties by ID).
func (fx *Fixture) hub(k graph.Kind) *graph.Node {
	var best *graph.Node
	for _, n := range fx.NodesOf(k) {
		if best == nil || n.Degree > best.Degree {
			best = n
		}
	}
	return best
}

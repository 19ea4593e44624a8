package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden responses under testdata/golden")

// testAPI runs every API test against stores from newStore. Each backend's
// test is one call to it (see embedded_test.go).
func testAPI(t *testing.T, newStore newStoreFunc) {
	t.Run("Golden", func(t *testing.T) { testGolden(t, newStore) })
	t.Run("Safety", func(t *testing.T) { testSafety(t, newStore) })
	t.Run("Errors", func(t *testing.T) { testErrors(t, newStore) })
	t.Run("Batching", func(t *testing.T) { testBatching(t, newStore) })
	t.Run("Transport", func(t *testing.T) { testTransport(t, newStore) })
	t.Run("Probes", func(t *testing.T) { testProbes(t, newStore) })
	t.Run("Mutations", func(t *testing.T) { testMutations(t, newStore) })
	t.Run("Paging", func(t *testing.T) { testPaging(t, newStore) })
	t.Run("Network", func(t *testing.T) { testNetwork(t, newStore) })
}

// goldHarness serves a store holding the gold facts of the seed, stored
// through the ingestFacts mutation.
func goldHarness(t *testing.T, newStore newStoreFunc) *harness {
	t.Helper()
	f := goldFacts(t)
	h := newHarness(t, newStore(t), Options{})
	if s := h.mustIngestFacts(f); s.NodesAdded != len(f.Nodes) || s.EdgesAdded != len(f.Edges) {
		t.Fatalf("ingestFacts added %d nodes and %d edges, want %d and %d", s.NodesAdded, s.EdgesAdded, len(f.Nodes), len(f.Edges))
	}
	return h
}

// testGolden runs every example query of README.md (the files under
// testdata/queries, with their variables) and compares the responses with
// testdata/golden; -update rewrites them.
func testGolden(t *testing.T, newStore newStoreFunc) {
	h := goldHarness(t, newStore)
	for _, ex := range examples(t) {
		t.Run(ex.name, func(t *testing.T) {
			data := h.mustQuery(ex.query, ex.vars, false)
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, data, "", "  "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			compareGolden(t, filepath.Join("testdata", "golden", ex.name+".json"), pretty.Bytes())
		})
	}
}

// example is a query of README.md with its variables.
type example struct {
	name  string
	query string
	vars  map[string]any
}

func examples(t *testing.T) []example {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "queries", "*.graphql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example queries under testdata/queries: %v", err)
	}
	var out []example
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		q, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ex := example{name: name, query: string(q)}
		v, err := os.ReadFile(strings.TrimSuffix(f, ".graphql") + ".json")
		if err != nil {
			t.Fatalf("example %s has no variables file: %v", name, err)
		}
		mustUnmarshal(t, v, &ex.vars)
		out = append(out, ex)
	}
	return out
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./server -run Golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("response differs from %s (go test ./server -update rewrites it):\n got: %s\nwant: %s", path, got, want)
	}
}

// TestREADMEShowsExamples checks that README.md shows every example
// query exactly as the golden test runs it.
func TestREADMEShowsExamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range examples(t) {
		if !strings.Contains(string(readme), ex.query) {
			t.Errorf("README.md does not show testdata/queries/%s.graphql verbatim", ex.name)
		}
	}
}

// testPaging walks entities page by page through item and page cursors.
func testPaging(t *testing.T, newStore newStoreFunc) {
	h := goldHarness(t, newStore)
	const q = `query($after: String, $first: Int) { entities(first: $first, after: $after) {
		totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }`
	type page struct {
		Entities struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ ID string }
			}
			PageInfo struct {
				EndCursor   *string
				HasNextPage bool
			}
		}
	}
	var all page
	mustUnmarshal(t, h.mustQuery(q, map[string]any{"first": 1000}, false), &all)
	total := all.Entities.TotalCount
	if total != len(goldFacts(t).Nodes) || len(all.Entities.Edges) != total {
		t.Fatalf("totalCount %d and %d edges, want %d", total, len(all.Entities.Edges), len(goldFacts(t).Nodes))
	}
	t.Run("PagesOfSevenCoverAllOnce", func(t *testing.T) {
		var ids []string
		var after any
		for i := 0; i < 100; i++ {
			var p page
			mustUnmarshal(t, h.mustQuery(q, map[string]any{"first": 7, "after": after}, false), &p)
			for _, e := range p.Entities.Edges {
				ids = append(ids, e.Node.ID)
			}
			if !p.Entities.PageInfo.HasNextPage {
				break
			}
			after = *p.Entities.PageInfo.EndCursor
		}
		if len(ids) != total {
			t.Fatalf("paged through %d entities, want %d", len(ids), total)
		}
		for i, e := range all.Entities.Edges {
			if ids[i] != e.Node.ID {
				t.Fatalf("entity %d is %s paging by 7, %s in one page", i, ids[i], e.Node.ID)
			}
		}
	})
	t.Run("ItemCursorResumesAfterItsItem", func(t *testing.T) {
		for _, k := range []int{0, 3, 10} {
			var p page
			mustUnmarshal(t, h.mustQuery(q, map[string]any{"first": 5, "after": all.Entities.Edges[k].Cursor}, false), &p)
			if got, want := p.Entities.Edges[0].Node.ID, all.Entities.Edges[k+1].Node.ID; got != want {
				t.Errorf("after the cursor of item %d: first is %s, want %s", k, got, want)
			}
		}
	})
	t.Run("ErrMalformedCursor", func(t *testing.T) {
		_, resp := h.post(q, map[string]any{"first": 5, "after": "not-a-cursor"}, false)
		if resp.code() != graph.EINVALID {
			t.Errorf("code %q, want EINVALID: %+v", resp.code(), resp.Errors)
		}
	})
}

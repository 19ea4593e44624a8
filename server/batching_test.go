package server

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/gen"
)

// nestedQuery reads three levels below 50 entities: their relations, each
// relation's target and evidence, and each target's collaborators.
const nestedQuery = `query Nested {
  entities(first: 50, orderBy: DEGREE) {
    nodes {
      id
      relations(first: 5) {
        nodes {
          type
          evidence { sentence }
          target {
            id
            collaborators(first: 5) { entity { id } count }
          }
        }
      }
    }
  }
}`

// nestedBatchWait is the dataloader window of the batching test. Batching
// is time-based: a loader collects keys for this long after the first one.
// On a loaded 2-core machine a process can stall for tens of milliseconds
// between two siblings, so the test waits a generous second per level
// (about 3 s in all) to measure batching, not the scheduler.
const nestedBatchWait = time.Second

// testBatching counts store calls for nestedQuery over a generated graph:
// one per nesting level (FindNodes; Edges; NodesByID and Evidence;
// Collaborators), whatever the number of parents.
func testBatching(t *testing.T, newStore newStoreFunc) {
	store := newStore(t)
	for _, f := range gen.Generate(gen.Config{Seed: 7, Edges: 2000}) {
		if _, err := store.Apply(context.Background(), &f); err != nil {
			t.Fatalf("Apply %s: %v", f.Document.ID, err)
		}
	}
	counter := &countingStore{Store: store, calls: map[string]int{}}
	h := newHarness(t, counter, Options{BatchWait: nestedBatchWait})
	data := h.mustQuery(nestedQuery, nil, false)

	parents, targets := shape(t, data)
	if parents != 50 || targets < 50 {
		t.Fatalf("the query reached %d entities and %d targets; the test needs 50 and at least 50", parents, targets)
	}
	want := map[string]int{"FindNodes": 1, "Edges": 1, "NodesByID": 1, "Evidence": 1, "Collaborators": 1}
	got := counter.snapshot()
	for m, n := range got {
		if n > want[m] {
			t.Errorf("%s called %d times, want at most %d (calls: %v)", m, n, want[m], got)
		}
	}
	t.Logf("nested query over %d entities and %d targets: %d store calls %v", parents, targets, counter.total(), got)
}

// shape counts the entities and distinct relation targets of the response.
func shape(t *testing.T, data json.RawMessage) (parents, targets int) {
	var out struct {
		Entities struct {
			Nodes []struct {
				Relations struct {
					Nodes []struct{ Target struct{ ID string } }
				}
			}
		}
	}
	mustUnmarshal(t, data, &out)
	seen := map[string]bool{}
	for _, n := range out.Entities.Nodes {
		for _, r := range n.Relations.Nodes {
			seen[r.Target.ID] = true
		}
	}
	return len(out.Entities.Nodes), len(seen)
}

// countingStore is a real store that counts its calls by method.
type countingStore struct {
	graph.Store
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingStore) count(m string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[m]++
}

func (c *countingStore) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]int{}
	for k, v := range c.calls {
		out[k] = v
	}
	return out
}

func (c *countingStore) total() int {
	n := 0
	for _, v := range c.snapshot() {
		n += v
	}
	return n
}

func (c *countingStore) NodesByID(ctx context.Context, ids []string) ([]*graph.Node, error) {
	c.count("NodesByID")
	return c.Store.NodesByID(ctx, ids)
}

func (c *countingStore) FindNodes(ctx context.Context, q graph.NodeQuery) (graph.NodePage, error) {
	c.count("FindNodes")
	return c.Store.FindNodes(ctx, q)
}

func (c *countingStore) Edges(ctx context.Context, q graph.EdgeQuery) ([]graph.EdgePage, error) {
	c.count("Edges")
	return c.Store.Edges(ctx, q)
}

func (c *countingStore) Evidence(ctx context.Context, ids []string) ([][]graph.Evidence, error) {
	c.count("Evidence")
	return c.Store.Evidence(ctx, ids)
}

func (c *countingStore) Collaborators(ctx context.Context, ids []string, f graph.Filter, limit int) ([][]graph.Collaborator, error) {
	c.count("Collaborators")
	return c.Store.Collaborators(ctx, ids, f, limit)
}

func (c *countingStore) Neighbourhood(ctx context.Context, seeds []string, depth int, f graph.Filter, limit int) (graph.Subgraph, error) {
	c.count("Neighbourhood")
	return c.Store.Neighbourhood(ctx, seeds, depth, f, limit)
}

func (c *countingStore) ShortestPaths(ctx context.Context, from, to string, f graph.Filter, maxHops, k int) ([]graph.Path, error) {
	c.count("ShortestPaths")
	return c.Store.ShortestPaths(ctx, from, to, f, maxHops, k)
}

func (c *countingStore) Rollup(ctx context.Context, level graph.Level, f graph.Filter) (graph.Subgraph, error) {
	c.count("Rollup")
	return c.Store.Rollup(ctx, level, f)
}

func (c *countingStore) CountsBy(ctx context.Context, by graph.GroupBy, f graph.Filter) ([]graph.Count, error) {
	c.count("CountsBy")
	return c.Store.CountsBy(ctx, by, f)
}

func (c *countingStore) Documents(ctx context.Context, p graph.Page) (graph.DocumentPage, error) {
	c.count("Documents")
	return c.Store.Documents(ctx, p)
}

func (c *countingStore) Totals(ctx context.Context) (graph.Totals, error) {
	c.count("Totals")
	return c.Store.Totals(ctx)
}

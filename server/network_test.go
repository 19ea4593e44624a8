package server

import (
	"slices"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// networkResult is the part of a network answer the tests read.
type networkResult struct {
	Network struct {
		Truncated bool
		Nodes     []struct{ ID string }
		Edges     []struct{ Source, Target string }
	}
}

func (n networkResult) ids() []string {
	var ids []string
	for _, x := range n.Network.Nodes {
		ids = append(ids, x.ID)
	}
	return ids
}

// testNetwork checks the roll-up networks: whole, cut around seeds, limited.
func testNetwork(t *testing.T, newStore newStoreFunc) {
	h := goldHarness(t, newStore)
	query := func(t *testing.T, vars map[string]any) networkResult {
		t.Helper()
		var out networkResult
		mustUnmarshal(t, h.mustQuery(`query($seeds: [ID!], $level: Level, $depth: Int, $limit: Int) {
			network(seeds: $seeds, level: $level, depth: $depth, limit: $limit) {
				truncated nodes { id } edges { source target } } }`, vars, false), &out)
		return out
	}
	t.Run("WholeCountryLevelWithoutSeeds", func(t *testing.T) {
		n := query(t, map[string]any{"level": "COUNTRY"})
		if n.Network.Truncated || len(n.Network.Nodes) < 4 {
			t.Errorf("got %d nodes (truncated %v), want the whole roll-up", len(n.Network.Nodes), n.Network.Truncated)
		}
		for _, e := range n.Network.Edges {
			if !slices.Contains(n.ids(), e.Source) || !slices.Contains(n.ids(), e.Target) {
				t.Errorf("edge %s-%s has an endpoint outside the nodes", e.Source, e.Target)
			}
		}
	})
	t.Run("LimitKeepsTheMostLinked", func(t *testing.T) {
		n := query(t, map[string]any{"level": "COUNTRY", "limit": 1})
		if !n.Network.Truncated || !slices.Equal(n.ids(), []string{"c:CN"}) {
			t.Errorf("got %v (truncated %v), want only c:CN, truncated", n.ids(), n.Network.Truncated)
		}
	})
	t.Run("SeedsCutTheRollup", func(t *testing.T) {
		n := query(t, map[string]any{"level": "COUNTRY", "seeds": []string{"c:AU"}, "depth": 1})
		if !slices.Equal(n.ids(), []string{"c:AU", "c:CN"}) {
			t.Errorf("got %v, want Australia and its one partner", n.ids())
		}
		n = query(t, map[string]any{"level": "COUNTRY", "seeds": []string{"c:AU"}, "depth": 2})
		if len(n.ids()) < 4 {
			t.Errorf("depth 2 from Australia reached only %v", n.ids())
		}
	})
	t.Run("SeedWithoutLinksStandsAlone", func(t *testing.T) {
		n := query(t, map[string]any{"level": "COUNTRY", "seeds": []string{"c:AR"}})
		if !slices.Equal(n.ids(), []string{"c:AR"}) || len(n.Network.Edges) != 0 {
			t.Errorf("got %v, want Argentina alone", n.ids())
		}
	})
	t.Run("ErrNoSeedExists", func(t *testing.T) {
		_, resp := h.post(`{ network(level: COUNTRY, seeds: ["c:XX"]) { nodes { id } } }`, nil, false)
		wantRefused(t, resp, graph.ENOTFOUND)
	})
}

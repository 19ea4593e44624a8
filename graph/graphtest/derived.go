package graphtest

import (
	"sort"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// refNeighbourhood computes the expected neighbourhood on the raw fixture.
func refNeighbourhood(tb testing.TB, fx *Fixture, seeds []string, depth int, f graph.Filter, limit int) graph.Subgraph {
	tb.Helper()
	lim := must(graph.CheckTraversal(seeds, depth, limit, &f))
	return must(graph.NeighbourhoodOf(seeds, depth, f, lim, fx.Nodes, fx.Edges))
}

var neighbourhoodTests = []storeTest{
	{"Depth1And2", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		seed := fx.hub(graph.Person).ID
		for depth := 1; depth <= 2; depth++ {
			got := must(s.Neighbourhood(bg, []string{seed}, depth, graph.Filter{}, 0))
			wantEqual(t, "neighbourhood", SubgraphKeys(got), SubgraphKeys(refNeighbourhood(t, fx, []string{seed}, depth, graph.Filter{}, 0)))
		}
		// Independently: depth 1 holds the seed and exactly its neighbours.
		got := must(s.Neighbourhood(bg, []string{seed}, 1, graph.Filter{}, 0))
		want := map[string]bool{seed: true}
		for _, e := range fx.Edges {
			if e.From == seed || e.To == seed {
				want[e.Other(seed)] = true
			}
		}
		if len(got.Nodes) != len(want) {
			t.Fatalf("depth 1 has %d nodes, want %d", len(got.Nodes), len(want))
		}
		for _, n := range got.Nodes {
			if !want[n.ID] {
				t.Fatalf("depth 1 holds %s, not a neighbour of %s", n.ID, seed)
			}
		}
	}},
	{"Filter", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		seed := fx.hub(graph.Country).ID
		for _, f := range []graph.Filter{
			{Types: []graph.EdgeType{graph.BasedIn, graph.AffiliatedWith}},
			{Kinds: []graph.Kind{graph.Person, graph.Institution}},
			{DatedOnly: true},
		} {
			got := must(s.Neighbourhood(bg, []string{seed}, 2, f, 0))
			wantEqual(t, "filtered neighbourhood", SubgraphKeys(got), SubgraphKeys(refNeighbourhood(t, fx, []string{seed}, 2, f, 0)))
		}
	}},
	{"LimitTruncates", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		seed := fx.hub(graph.Country)
		got := must(s.Neighbourhood(bg, []string{seed.ID}, 2, graph.Filter{}, 3))
		if !got.Truncated || len(got.Nodes) != 3 {
			t.Fatalf("limit 3: %d nodes, truncated %v", len(got.Nodes), got.Truncated)
		}
		wantEqual(t, "truncated neighbourhood", SubgraphKeys(got), SubgraphKeys(refNeighbourhood(t, fx, []string{seed.ID}, 2, graph.Filter{}, 3)))
	}},
	{"ErrNoSeed", func(t *testing.T, s graph.Store) {
		gold(t, s)
		_, err := s.Neighbourhood(bg, []string{"x:none", "x:neither"}, 1, graph.Filter{}, 0)
		WantCode(t, err, graph.ENOTFOUND)
	}},
}

// pairs returns node pairs of the fixture to search paths between: the
// hubs of every actor kind against each other and some far nodes.
func pairs(fx *Fixture) [][2]string {
	var ends []string
	for _, k := range graph.Kinds {
		if h := fx.hub(k); h != nil {
			ends = append(ends, h.ID)
		}
	}
	var out [][2]string
	for i := range ends {
		for j := range ends {
			if i != j {
				out = append(out, [2]string{ends[i], ends[j]})
			}
		}
	}
	return out
}

var pathTests = []storeTest{
	{"MatchReferenceAndOrder", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		found := 0
		for _, p := range pairs(fx) {
			for _, k := range []int{1, 3} {
				got := must(s.ShortestPaths(bg, p[0], p[1], graph.Filter{}, 6, k))
				want := must(graph.ShortestPathsOf(p[0], p[1], graph.Filter{}, 6, k, fx.Nodes, fx.Edges))
				wantEqual(t, "paths "+p[0]+" to "+p[1], PathKeys(got), PathKeys(want))
				checkPaths(t, got, p[0], p[1], k)
				found += len(got)
			}
		}
		if found == 0 {
			t.Fatal("no path between any hubs of the fixture")
		}
	}},
	{"MaxHopsAndNone", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		for _, p := range pairs(fx) {
			all := must(s.ShortestPaths(bg, p[0], p[1], graph.Filter{}, 6, 1))
			if len(all) == 0 || len(all[0].Edges) < 2 {
				continue
			}
			short := must(s.ShortestPaths(bg, p[0], p[1], graph.Filter{}, len(all[0].Edges)-1, 1))
			if len(short) != 0 {
				t.Fatalf("paths shorter than the shortest: %v", PathKeys(short))
			}
			return
		}
		t.Fatal("no pair of hubs two hops apart")
	}},
	{"NoPathIsEmpty", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		var lonely *graph.Node
		for _, id := range allNodeIDs(fx) {
			if fx.Nodes[id].Degree == 0 {
				lonely = fx.Nodes[id]
				break
			}
		}
		if lonely == nil {
			t.Fatal("fixture has no node without edges")
		}
		paths, err := s.ShortestPaths(bg, fx.hub(graph.Person).ID, lonely.ID, graph.Filter{}, 6, 5)
		if err != nil || len(paths) != 0 {
			t.Fatalf("paths to %s, which has no edges: %v, %v", lonely.ID, PathKeys(paths), err)
		}
	}},
	{"Filtered", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		f := graph.Filter{Types: []graph.EdgeType{graph.AffiliatedWith, graph.BasedIn, graph.Signed, graph.PartOf}}
		for _, p := range pairs(fx) {
			got := must(s.ShortestPaths(bg, p[0], p[1], f, 4, 5))
			want := must(graph.ShortestPathsOf(p[0], p[1], f, 4, 5, fx.Nodes, fx.Edges))
			wantEqual(t, "filtered paths", PathKeys(got), PathKeys(want))
		}
	}},
	{"ErrMissingEnd", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		_, err := s.ShortestPaths(bg, fx.hub(graph.Person).ID, "x:none", graph.Filter{}, 3, 1)
		WantCode(t, err, graph.ENOTFOUND)
	}},
}

// checkPaths asserts the contract independently: equal minimal lengths,
// joined hops, ascending node sequences, at most k.
func checkPaths(tb testing.TB, paths []graph.Path, from, to string, k int) {
	tb.Helper()
	if len(paths) > k {
		tb.Fatalf("%d paths, want at most %d", len(paths), k)
	}
	for i, p := range paths {
		if p.Nodes[0].ID != from || p.Nodes[len(p.Nodes)-1].ID != to || len(p.Edges) != len(p.Nodes)-1 || len(p.Edges) != len(paths[0].Edges) {
			tb.Fatalf("path %v is malformed", PathKeys(paths[i:i+1]))
		}
		for h, e := range p.Edges {
			a, b := p.Nodes[h].ID, p.Nodes[h+1].ID
			if !(e.From == a && e.To == b) && !(e.From == b && e.To == a) {
				tb.Fatalf("hop %d of %v does not join its nodes", h, PathKeys(paths[i:i+1]))
			}
		}
	}
	keys := PathKeys(paths)
	if !sort.StringsAreSorted(keys) && len(paths) > 1 {
		sorted := append([]graph.Path(nil), paths...)
		graph.SortPaths(sorted)
		wantEqual(tb, "path order", keys, PathKeys(sorted))
	}
}

// actors lists the fixture's persons, institutions and countries.
func actors(fx *Fixture) []string {
	var ids []string
	for _, k := range []graph.Kind{graph.Person, graph.Institution, graph.Country} {
		for _, n := range fx.NodesOf(k) {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

func refCollaborators(fx *Fixture, ids []string, f graph.Filter, limit int) [][]string {
	out := make([][]string, len(ids))
	for i, id := range ids {
		out[i] = CollabKeys(graph.Collaborate(id, fx.Edges, fx.Nodes, f, limit))
	}
	return out
}

func collabKeysAll(tb testing.TB, s graph.Store, ids []string, f graph.Filter, limit int) [][]string {
	tb.Helper()
	cs := must(s.Collaborators(bg, ids, f, limit))
	out := make([][]string, len(cs))
	for i := range cs {
		out[i] = CollabKeys(cs[i])
	}
	return out
}

var collaboratorTests = []storeTest{
	{"MatchReference", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		ids := actors(fx)
		for _, f := range []graph.Filter{{}, {From: "2025-05-15", To: "2025-05-31"}, {Kinds: []graph.Kind{graph.Person}}, {Types: []graph.EdgeType{graph.Signed}}} {
			wantEqual(t, "collaborators", collabKeysAll(t, s, ids, f, 0), refCollaborators(fx, ids, f, 0))
		}
		wantEqual(t, "collaborators limited", collabKeysAll(t, s, ids, graph.Filter{}, 1), refCollaborators(fx, ids, graph.Filter{}, 1))
	}},
	{"ViaSharedNodes", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		gen := NewFixture(Generated(1500, 500)...)
		gen.Apply(t, s)
		checked := map[graph.Kind]bool{}
		for _, x := range []*Fixture{fx, gen} {
			checkShared(t, s, x, checked)
		}
		for _, k := range []graph.Kind{graph.Agreement, graph.Event, graph.Mission, graph.Project} {
			if !checked[k] {
				t.Fatalf("fixtures have no %s shared by two actors", k)
			}
		}
	}},
	{"ViaDirectEdge", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		direct := fx.EdgesOf(graph.CollaboratedWith)
		if len(direct) == 0 {
			t.Fatal("fixture has no COLLABORATED_WITH edge")
		}
		for _, e := range direct {
			cs := must(s.Collaborators(bg, []string{e.From, e.To}, graph.Filter{}, 0))
			if !hasVia(cs[0], e.To, "edge:"+e.ID) || !hasVia(cs[1], e.From, "edge:"+e.ID) {
				t.Fatalf("direct edge %s missing from %v / %v", e.ID, CollabKeys(cs[0]), CollabKeys(cs[1]))
			}
		}
	}},
	{"WindowBoundsDates", func(t *testing.T, s graph.Store) {
		fx := NewFixture(Generated(2000, 500)...)
		fx.Apply(t, s)
		f := graph.Filter{From: "2016", To: "2018"}
		ids := []string{fx.hub(graph.Person).ID, fx.hub(graph.Institution).ID, fx.hub(graph.Country).ID}
		wantEqual(t, "collaborators 2016-2018", collabKeysAll(t, s, ids, f, 0), refCollaborators(fx, ids, f, 0))
		for _, cs := range must(s.Collaborators(bg, ids, f, 0)) {
			for _, c := range cs {
				if c.Count != len(c.Via) || (c.First != "" && (c.First > c.Last || !f.AdmitsDate(c.First) || !f.AdmitsDate(c.Last))) {
					t.Fatalf("collaborator %s: count %d of %d vias, %s..%s", c.Node.ID, c.Count, len(c.Via), c.First, c.Last)
				}
			}
		}
	}},
}

// checkShared asserts that every two actors linked to the same agreement,
// event, mission or project by a "worked with" edge name each other via
// that node, and records the kinds of shared nodes seen.
func checkShared(t *testing.T, s graph.Store, fx *Fixture, checked map[graph.Kind]bool) {
	t.Helper()
	parties := map[string][]string{}
	for _, e := range fx.Edges {
		if graph.SharedLink(&e, fx.Nodes) && !contains(parties[e.To], e.From) {
			parties[e.To] = append(parties[e.To], e.From)
		}
	}
	for _, shared := range sortedKeys(parties) {
		ps := parties[shared]
		if len(ps) < 2 || len(ps) > 30 || checked[fx.Nodes[shared].Kind] || anyHub(fx, ps) {
			continue
		}
		cs := must(s.Collaborators(bg, ps, graph.Filter{}, graph.MaxPageSize))
		for i, a := range ps {
			for _, b := range ps {
				if a != b && !hasVia(cs[i], b, shared) {
					t.Fatalf("%s lacks %s via %s: %v", a, b, shared, CollabKeys(cs[i]))
				}
			}
		}
		checked[fx.Nodes[shared].Kind] = true
	}
}

// anyHub reports whether one of ids has so many edges that its partners
// could exceed a collaborator limit.
func anyHub(fx *Fixture, ids []string) bool {
	for _, id := range ids {
		if fx.Nodes[id].Degree > 200 {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func hasVia(cs []graph.Collaborator, partner, via string) bool {
	for _, c := range cs {
		if c.Node.ID != partner {
			continue
		}
		for _, v := range c.Via {
			if (v.Node != nil && v.Node.ID == via) || (v.Edge != nil && "edge:"+v.Edge.ID == via) {
				return true
			}
		}
	}
	return false
}

var rollupTests = []storeTest{
	{"CountryAndInstitutionMatchReference", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		for _, level := range []graph.Level{graph.LevelCountry, graph.LevelInstitution, graph.LevelEntity} {
			for _, f := range []graph.Filter{{}, {Types: []graph.EdgeType{graph.Signed, graph.Led, graph.ParticipatedIn}}} {
				got := must(s.Rollup(bg, level, f))
				want := must(graph.RollupOf(level, fx.Nodes, fx.Edges, f))
				wantEqual(t, string(level)+" roll-up", SubgraphKeys(got), SubgraphKeys(want))
			}
		}
	}},
	{"PersonCountsForItsCountry", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		country := map[string]string{} // actor → a country it belongs to
		for _, e := range fx.Edges {
			if e.Type == graph.BasedIn && fx.Nodes[e.To].Kind == graph.Country {
				country[e.From] = e.To
			}
		}
		for _, e := range fx.Edges {
			if e.Type == graph.AffiliatedWith {
				if fx.Nodes[e.To].Kind == graph.Country {
					country[e.From] = e.To
				} else if c, ok := country[e.To]; ok {
					country[e.From] = c
				}
			}
		}
		sg := must(s.Rollup(bg, graph.LevelCountry, graph.Filter{}))
		has := map[string]bool{}
		for _, e := range sg.Edges {
			has[e.From+"|"+e.To] = true
		}
		checked := 0
		for _, ag := range fx.NodesOf(graph.Agreement) {
			var cs []string
			for _, e := range fx.Edges {
				if e.Type == graph.Signed && e.To == ag.ID && country[e.From] != "" {
					cs = append(cs, country[e.From])
				}
			}
			for _, a := range cs {
				for _, b := range cs {
					if a < b {
						checked++
						if !has[a+"|"+b] {
							t.Fatalf("signers of %s from %s and %s: no roll-up edge", ag.ID, a, b)
						}
					}
				}
			}
		}
		if checked == 0 {
			t.Fatal("fixture has no agreement signed from two countries")
		}
	}},
}

var generatedTests = []storeTest{
	{"AnswersMatchReference", func(t *testing.T, s graph.Store) {
		fx := NewFixture(Generated(3000, 250)...)
		fx.Apply(t, s)
		tot := MustTotals(t, s)
		if tot.Nodes != len(fx.Nodes) || tot.Edges != len(fx.Edges) || tot.Documents != len(fx.Facts) || tot.Evidence != len(fx.Edges) {
			t.Fatalf("totals %+v, want %d nodes, %d edges, %d documents", tot, len(fx.Nodes), len(fx.Edges), len(fx.Facts))
		}
		f := graph.Filter{From: "2014", To: "2020"}
		for _, k := range []graph.Kind{graph.Person, graph.Institution, graph.Event} {
			seed := fx.hub(k).ID
			got := must(s.Neighbourhood(bg, []string{seed}, 2, f, 200))
			wantEqual(t, "neighbourhood of "+seed, SubgraphKeys(got), SubgraphKeys(refNeighbourhood(t, fx, []string{seed}, 2, f, 200)))
		}
		ps := pairs(fx)
		for _, p := range ps[:8] {
			got := must(s.ShortestPaths(bg, p[0], p[1], graph.Filter{}, 4, 10))
			want := must(graph.ShortestPathsOf(p[0], p[1], graph.Filter{}, 4, 10, fx.Nodes, fx.Edges))
			wantEqual(t, "paths", PathKeys(got), PathKeys(want))
		}
		got := must(s.Rollup(bg, graph.LevelCountry, f))
		want := must(graph.RollupOf(graph.LevelCountry, fx.Nodes, fx.Edges, f))
		wantEqual(t, "country roll-up", SubgraphKeys(got), SubgraphKeys(want))
		if len(got.Edges) == 0 {
			t.Fatal("empty country roll-up of a generated graph")
		}
	}},
}

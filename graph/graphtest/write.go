package graphtest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// subset returns a document stating edges (and their endpoints taken from
// f), each with evidence of its own.
func subset(f graph.Facts, docID string, edges []graph.Edge) graph.Facts {
	byID := map[string]graph.Node{}
	for _, n := range f.Nodes {
		byID[n.ID] = n
	}
	out := graph.Facts{Document: graph.Document{ID: docID, Title: "subset " + docID, Issued: "2025-06"}}
	seen := map[string]bool{}
	for i, e := range edges {
		e.ID, e.Year = "", 0
		e.Evidence = &graph.Evidence{Entry: docID, Sentence: "restated", Start: 10 * i, End: 10*i + 5}
		out.Edges = append(out.Edges, e)
		for _, id := range []string{e.From, e.To} {
			if !seen[id] {
				seen[id] = true
				out.Nodes = append(out.Nodes, byID[id])
			}
		}
	}
	return out
}

func edgeSet(tb testing.TB, s graph.Store, ids []string) map[string]bool {
	tb.Helper()
	pages := must(s.Edges(bg, graph.EdgeQuery{Nodes: ids, Page: graph.Page{First: graph.MaxPageSize}}))
	out := map[string]bool{}
	for _, p := range pages {
		for _, e := range p.Edges {
			out[e.ID] = true
		}
	}
	return out
}

func allNodeIDs(fx *Fixture) []string {
	var ids []string
	for id := range fx.Nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

var applyTests = []storeTest{
	{"AddsEverything", func(t *testing.T, s graph.Store) {
		f := GoldFacts(t)
		fx := NewFixture(f)
		sum := MustApply(t, s, &f)
		wantEqual(t, "summary", sum, graph.ApplySummary{Document: f.Document.ID, NodesAdded: len(fx.Nodes), EdgesAdded: len(fx.Edges)})
		wantEqual(t, "totals", MustTotals(t, s), graph.Totals{Nodes: len(fx.Nodes), Edges: len(fx.Edges), Documents: 1, Evidence: len(f.Edges)})
		got := edgeSet(t, s, allNodeIDs(fx))
		for _, e := range fx.Edges {
			if !got[e.ID] {
				t.Fatalf("edge %s not stored", e.ID)
			}
		}
	}},
	{"ReapplyIsUnchanged", func(t *testing.T, s graph.Store) {
		f := GoldFacts(t)
		MustApply(t, s, &f)
		before := MustTotals(t, s)
		again := GoldFacts(t)
		sum := MustApply(t, s, &again)
		if !sum.Unchanged || sum.NodesAdded+sum.EdgesAdded+sum.NodesRemoved+sum.EdgesRemoved != 0 {
			t.Fatalf("second Apply summary = %+v, want Unchanged and nothing added or removed", sum)
		}
		wantEqual(t, "totals after reapply", MustTotals(t, s), before)
	}},
	{"ChangedDocumentReplacesWhatItAloneSupported", func(t *testing.T, s graph.Store) {
		f := GoldFacts(t)
		fx := NewFixture(f)
		MustApply(t, s, &f)
		shared := f.Edges[:10]
		other := subset(f, "other-doc", shared)
		MustApply(t, s, &other)
		changed := GoldFacts(t)
		changed.Edges = changed.Edges[20:]
		sum := MustApply(t, s, &changed)
		if sum.Unchanged || sum.EdgesRemoved != 10 {
			t.Fatalf("summary = %+v, want 10 edges removed (the 10 only the changed document stated)", sum)
		}
		got := edgeSet(t, s, allNodeIDs(fx))
		for i, e := range fx.Edges[:20] {
			if want := i < 10; got[e.ID] != want {
				t.Fatalf("edge %s stored = %v, want %v", e.ID, got[e.ID], want)
			}
		}
		evs := must(s.Evidence(bg, EdgeIDs(fx.Edges[:10])))
		for i, ev := range evs {
			if len(ev) != 1 || ev[0].Document != "other-doc" {
				t.Fatalf("evidence of %s = %+v, want only other-doc's", fx.Edges[i].ID, ev)
			}
		}
		tot := MustTotals(t, s)
		if tot.Edges != len(fx.Edges)-10 || tot.Evidence != len(changed.Edges)+10 {
			t.Fatalf("totals = %+v, want %d edges and %d evidence", tot, len(fx.Edges)-10, len(changed.Edges)+10)
		}
	}},
	{"TwoDocumentsShareNodesAndEdges", func(t *testing.T, s graph.Store) {
		f := GoldFacts(t)
		fx := NewFixture(f)
		MustApply(t, s, &f)
		other := subset(f, "other-doc", f.Edges[:5])
		sum := MustApply(t, s, &other)
		if sum.EdgesAdded != 0 || sum.EdgesKept != 5 || sum.NodesAdded != 0 || sum.NodesKept != len(other.Nodes) {
			t.Fatalf("summary = %+v, want every node and edge kept", sum)
		}
		evs := must(s.Evidence(bg, EdgeIDs(fx.Edges[:5])))
		for i, ev := range evs {
			if len(ev) != 2 || ev[0].Document > ev[1].Document {
				t.Fatalf("evidence of %s = %+v, want both documents' in order", fx.Edges[i].ID, ev)
			}
		}
		tot := MustTotals(t, s)
		if tot.Documents != 2 || tot.Edges != len(fx.Edges) || tot.Evidence != len(f.Edges)+5 {
			t.Fatalf("totals = %+v", tot)
		}
	}},
	{"ConfidenceIsTheHighest", func(t *testing.T, s graph.Store) {
		f := GoldFacts(t)
		MustApply(t, s, &f)
		e := f.Edges[0]
		e.Confidence = 1
		other := subset(f, "sure-doc", []graph.Edge{e})
		other.Edges[0].Confidence = 1
		MustApply(t, s, &other)
		e.Normalize()
		pages := must(s.Edges(bg, graph.EdgeQuery{Nodes: []string{e.From}, Direction: graph.Out, Filter: graph.Filter{MinConfidence: 1}}))
		if len(pages[0].Edges) != 1 || pages[0].Edges[0].ID != e.ID {
			t.Fatalf("edges of confidence 1 = %v, want %s", EdgeIDs(pages[0].Edges), e.ID)
		}
	}},
}

var deleteTests = []storeTest{
	{"RemovesWhatOnlyItSupported", func(t *testing.T, s graph.Store) {
		f := GoldFacts(t)
		fx := NewFixture(f)
		MustApply(t, s, &f)
		other := subset(f, "other-doc", f.Edges[:5])
		MustApply(t, s, &other)
		sum := must(s.DeleteDocument(bg, f.Document.ID))
		if sum.EdgesRemoved != len(fx.Edges)-5 || sum.EdgesKept != 5 {
			t.Fatalf("summary = %+v", sum)
		}
		wantEqual(t, "totals", MustTotals(t, s), graph.Totals{Nodes: len(other.Nodes), Edges: 5, Documents: 1, Evidence: 5})
		nodes := must(s.NodesByID(bg, allNodeIDs(fx)))
		kept := map[string]bool{}
		for _, n := range other.Nodes {
			kept[n.ID] = true
		}
		for i, id := range allNodeIDs(fx) {
			if (nodes[i] != nil) != kept[id] {
				t.Fatalf("node %s present = %v, want %v", id, nodes[i] != nil, kept[id])
			}
		}
	}},
	{"UnknownIsNotFound", func(t *testing.T, s graph.Store) {
		_, err := s.DeleteDocument(bg, "no-such-document")
		WantCode(t, err, graph.ENOTFOUND)
	}},
}

// dupOf returns facts of a document that states a duplicate of node keep
// (new id, another name) with a copy of each of keep's edges in f moved
// onto the duplicate and dated differently, plus one copy left identical.
func dupOf(f graph.Facts, keep *graph.Node, dupID, name string) (graph.Facts, int) {
	var moved []graph.Edge
	for _, e := range f.Edges {
		if e.From == keep.ID || e.To == keep.ID {
			moved = append(moved, e)
		}
	}
	doc := subset(f, "dup-doc", moved)
	for i := range doc.Nodes {
		if doc.Nodes[i].ID == keep.ID {
			doc.Nodes[i] = graph.Node{ID: dupID, Kind: keep.Kind, Name: name, Aliases: []string{name + " alias"}}
		}
	}
	for i := range doc.Edges {
		e := &doc.Edges[i]
		if e.From == keep.ID {
			e.From = dupID
		}
		if e.To == keep.ID {
			e.To = dupID
		}
		if i > 0 {
			e.Date = "2011"
		}
	}
	return doc, len(moved)
}

var mergeTests = []storeTest{
	{"MovesEdgesAndEvidence", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		keep := fx.hub(graph.Person)
		dup, n := dupOf(fx.Facts[0], keep, "p:dup-of-keep", "Duplicate Person Name")
		MustApply(t, s, &dup)
		before := MustTotals(t, s)
		merged := must(s.MergeNodes(bg, keep.ID, "p:dup-of-keep"))
		if merged.ID != keep.ID || merged.Name != keep.Name {
			t.Fatalf("MergeNodes returned %+v", merged)
		}
		for _, a := range []string{"Duplicate Person Name", "Duplicate Person Name alias"} {
			if !contains(merged.Aliases, a) {
				t.Fatalf("aliases %v lack %q", merged.Aliases, a)
			}
		}
		after := MustTotals(t, s)
		// The first moved edge became identical to keep's own: one edge fewer.
		if after.Nodes != before.Nodes-1 || after.Edges != before.Edges-1 || after.Evidence != before.Evidence {
			t.Fatalf("totals %+v after merge of %+v", after, before)
		}
		if merged.Degree != keep.Degree+n-1 {
			t.Fatalf("degree after merge = %d, want %d", merged.Degree, keep.Degree+n-1)
		}
		first := dup.Edges[0]
		for _, end := range []*string{&first.From, &first.To} {
			if *end == "p:dup-of-keep" {
				*end = keep.ID
			}
		}
		first.Normalize()
		evs := must(s.Evidence(bg, []string{first.ID}))
		if len(evs[0]) != 2 {
			t.Fatalf("evidence of the merged edge %s = %+v, want both documents'", first.ID, evs[0])
		}
		nodes := must(s.NodesByID(bg, []string{"p:dup-of-keep"}))
		if nodes[0] == nil || nodes[0].ID != keep.ID {
			t.Fatalf("NodesByID(dropped) = %+v, want the keeper", nodes[0])
		}
	}},
	{"LaterAppliesLandOnKeep", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		keep := fx.hub(graph.Person)
		dup, _ := dupOf(fx.Facts[0], keep, "p:dup-of-keep", "Duplicate Person Name")
		MustApply(t, s, &dup)
		must(s.MergeNodes(bg, keep.ID, "p:dup-of-keep"))
		agr := fx.NodesOf(graph.Agreement)[0]
		later := graph.Facts{Document: graph.Document{ID: "later-doc", Issued: "2025-07"},
			Nodes: []graph.Node{{ID: "p:dup-of-keep", Kind: graph.Person, Name: "Duplicate Person Name"}, *agr,
				{ID: "p:another-new-id", Kind: graph.Person, Name: "duplicate person name alias"}},
			Edges: []graph.Edge{{Type: graph.Signed, From: "p:dup-of-keep", To: agr.ID, Date: "2024"},
				{Type: graph.Signed, From: "p:another-new-id", To: agr.ID, Date: "2023"}}}
		before := MustTotals(t, s)
		MustApply(t, s, &later)
		if tot := MustTotals(t, s); tot.Nodes != before.Nodes {
			t.Fatalf("nodes %d after a later Apply, want %d (both land on the keeper)", tot.Nodes, before.Nodes)
		}
		got := edgeSet(t, s, []string{keep.ID})
		for _, d := range []string{"2024", "2023"} {
			e := graph.Edge{Type: graph.Signed, From: keep.ID, To: agr.ID, Date: d}
			if !got[e.Key()] {
				t.Fatalf("edge %s not on the keeper", e.Key())
			}
		}
	}},
	{"ErrKindMismatch", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		_, err := s.MergeNodes(bg, fx.hub(graph.Person).ID, fx.hub(graph.Institution).ID)
		WantCode(t, err, graph.EINVALID)
	}},
	{"ErrSameNode", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		_, err := s.MergeNodes(bg, fx.hub(graph.Person).ID, fx.hub(graph.Person).ID)
		WantCode(t, err, graph.EINVALID)
	}},
	{"ErrMissing", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		_, err := s.MergeNodes(bg, fx.hub(graph.Person).ID, "p:no-such-node")
		WantCode(t, err, graph.ENOTFOUND)
	}},
}

var aliasTests = []storeTest{
	{"AddsOnceAndIsFound", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		n := fx.hub(graph.Institution)
		got := must(s.AddAlias(bg, n.ID, "Zyxw Alias Body"))
		again := must(s.AddAlias(bg, n.ID, "Zyxw Alias Body"))
		if len(got.Aliases) != len(n.Aliases)+1 || !reflect.DeepEqual(got.Aliases, again.Aliases) {
			t.Fatalf("aliases after adding twice: %v then %v (had %v)", got.Aliases, again.Aliases, n.Aliases)
		}
		page := must(s.FindNodes(bg, graph.NodeQuery{Prefix: "zyxw alias"}))
		wantEqual(t, "nodes found by the new alias", IDs(page.Nodes), []string{n.ID})
	}},
	{"ErrMissing", func(t *testing.T, s graph.Store) {
		_, err := s.AddAlias(bg, "i:no-such-node", "X")
		WantCode(t, err, graph.ENOTFOUND)
	}},
	{"ErrEmpty", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		_, err := s.AddAlias(bg, fx.hub(graph.Person).ID, "")
		WantCode(t, err, graph.EINVALID)
	}},
}

var badInputTests = []storeTest{
	{"RejectedAndNothingWritten", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		before := MustTotals(t, s)
		base := func() graph.Facts {
			f := subset(fx.Facts[0], "bad-doc", fx.Facts[0].Edges[:3])
			f.Nodes = append(f.Nodes, graph.Node{ID: "p:brand-new", Kind: graph.Person, Name: "Brand New"})
			return f
		}
		big := base()
		for i := 0; len(big.Edges) <= graph.MaxApplyEdges; i++ {
			big.Edges = append(big.Edges, graph.Edge{Type: graph.CollaboratedWith, From: "p:brand-new", To: big.Nodes[0].ID, Date: fmt.Sprintf("%04d", 1000+i%9000)})
		}
		cases := []struct {
			name   string
			mutate func(f *graph.Facts)
		}{
			{"UnknownKind", func(f *graph.Facts) { f.Nodes[0].Kind = "Planet" }},
			{"DanglingEdge", func(f *graph.Facts) { f.Edges[0].To = "x:not-in-document" }},
			{"EmptyID", func(f *graph.Facts) { f.Nodes[len(f.Nodes)-1].ID = "" }},
			{"EmptyDocumentID", func(f *graph.Facts) { f.Document.ID = "" }},
			{"UnknownEdgeType", func(f *graph.Facts) { f.Edges[0].Type = "LIKED" }},
			{"BadDate", func(f *graph.Facts) { f.Edges[0].Date = "2025-13-01" }},
			{"OversizedBatch", func(f *graph.Facts) { *f = big }},
		}
		for _, c := range cases {
			f := base()
			c.mutate(&f)
			_, err := s.Apply(bg, &f)
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Fatalf("%s: error %v, want EINVALID", c.name, err)
			}
		}
		bad := []struct {
			name string
			call func() error
		}{
			{"FilterKind", func() error {
				_, err := s.Neighbourhood(bg, []string{fx.hub(graph.Person).ID}, 1, graph.Filter{Kinds: []graph.Kind{"Planet"}}, 0)
				return err
			}},
			{"FilterWindow", func() error {
				_, err := s.CountsBy(bg, graph.ByYear, graph.Filter{From: "2025", To: "2020"})
				return err
			}},
			{"FilterDate", func() error {
				_, err := s.Collaborators(bg, []string{fx.hub(graph.Person).ID}, graph.Filter{From: "May"}, 0)
				return err
			}},
			{"PageSize", func() error {
				_, err := s.FindNodes(bg, graph.NodeQuery{Page: graph.Page{First: graph.MaxPageSize + 1}})
				return err
			}},
			{"NegativePageSize", func() error { _, err := s.Documents(bg, graph.Page{First: -1}); return err }},
			{"Cursor", func() error {
				_, err := s.FindNodes(bg, graph.NodeQuery{Page: graph.Page{After: "!!not-a-cursor"}})
				return err
			}},
			{"EdgeCursor", func() error {
				_, err := s.Edges(bg, graph.EdgeQuery{Nodes: []string{"a"}, Page: graph.Page{After: "!!"}})
				return err
			}},
			{"DocumentCursor", func() error { _, err := s.Documents(bg, graph.Page{After: "%%"}); return err }},
			{"Depth", func() error {
				_, err := s.Neighbourhood(bg, []string{fx.hub(graph.Person).ID}, 4, graph.Filter{}, 0)
				return err
			}},
			{"Limit", func() error {
				_, err := s.Neighbourhood(bg, []string{fx.hub(graph.Person).ID}, 1, graph.Filter{}, graph.MaxNeighbourLimit+1)
				return err
			}},
			{"MaxHops", func() error {
				_, err := s.ShortestPaths(bg, fx.hub(graph.Person).ID, fx.hub(graph.Country).ID, graph.Filter{}, 7, 1)
				return err
			}},
			{"K", func() error {
				_, err := s.ShortestPaths(bg, fx.hub(graph.Person).ID, fx.hub(graph.Country).ID, graph.Filter{}, 3, 0)
				return err
			}},
			{"RollupLevel", func() error { _, err := s.Rollup(bg, "PLANET", graph.Filter{}); return err }},
			{"GroupBy", func() error { _, err := s.CountsBy(bg, "COLOUR", graph.Filter{}); return err }},
			{"Order", func() error { _, err := s.FindNodes(bg, graph.NodeQuery{Order: "SIZE"}); return err }},
			{"RelevanceWithoutText", func() error { _, err := s.FindNodes(bg, graph.NodeQuery{Order: graph.ByRelevance}); return err }},
			{"Direction", func() error {
				_, err := s.Edges(bg, graph.EdgeQuery{Nodes: []string{"a"}, Direction: "UP"})
				return err
			}},
			{"TooManyIDs", func() error { _, err := s.NodesByID(bg, make([]string, graph.MaxBatchIDs+1)); return err }},
		}
		for _, b := range bad {
			if err := b.call(); graph.ErrorCode(err) != graph.EINVALID {
				t.Fatalf("%s: error %v, want EINVALID", b.name, err)
			}
		}
		wantEqual(t, "totals after rejected input", MustTotals(t, s), before)
	}},
}

var contextTests = []storeTest{
	{"CancelledIsAnError", func(t *testing.T, s graph.Store) {
		fx := NewFixture(GoldFacts(t))
		ctx, cancel := context.WithCancel(bg)
		cancel()
		_, err := s.Apply(ctx, &fx.Facts[0])
		if err == nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("Apply with a cancelled context: %v, want context.Canceled", err)
		}
		if _, err := s.FindNodes(ctx, graph.NodeQuery{}); !errors.Is(err, context.Canceled) {
			t.Fatalf("FindNodes with a cancelled context: %v", err)
		}
		if tot := MustTotals(t, s); tot.Nodes != 0 {
			t.Fatalf("a cancelled Apply wrote %+v", tot)
		}
	}},
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

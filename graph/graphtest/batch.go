package graphtest

import (
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// batchDocs returns documents that exercise what ApplyBatch must do as
// Apply would in turn: generated documents sharing nodes, a document
// restated unchanged, one replaced later in the batch by changed facts and
// one stating some edges of another.
func batchDocs() []*graph.Facts {
	gen := Generated(400, 100)
	var out []*graph.Facts
	for i := range gen {
		out = append(out, &gen[i])
	}
	again := gen[2]
	changed := gen[1]
	changed.Edges = changed.Edges[:len(changed.Edges)/2]
	other := subset(gen[0], "batch-other", gen[0].Edges[:20])
	return append(out, &again, &changed, &other)
}

// storeState is everything a store answers about its content, for
// comparing two ways of writing the same documents.
type storeState struct {
	Nodes     []*graph.Node
	Edges     [][]graph.Edge
	Evidence  [][]graph.Evidence
	Documents []graph.Document
	Totals    graph.Totals
}

// dumpState reads the nodes ids (their out-edges, all pages, and those
// edges' evidence), the documents and the totals of s.
func dumpState(tb testing.TB, s graph.Store, ids []string) storeState {
	tb.Helper()
	st := storeState{Nodes: must(s.NodesByID(bg, ids)), Totals: MustTotals(tb, s)}
	// First pages of every node in one call; the rare node with more
	// edges pages on alone.
	first := must(s.Edges(bg, graph.EdgeQuery{Nodes: ids, Direction: graph.Out, Page: graph.Page{First: graph.MaxPageSize}}))
	for i, id := range ids {
		p, edges := first[i], first[i].Edges
		for p.HasNextPage {
			q := graph.EdgeQuery{Nodes: []string{id}, Direction: graph.Out, Page: graph.Page{First: graph.MaxPageSize, After: p.EndCursor}}
			p = must(s.Edges(bg, q))[0]
			edges = append(edges, p.Edges...)
		}
		st.Edges = append(st.Edges, edges)
	}
	var all []graph.Edge
	for _, edges := range st.Edges {
		all = append(all, edges...)
	}
	st.Evidence = must(s.Evidence(bg, EdgeIDs(all)))
	st.Documents = must(s.Documents(bg, graph.Page{First: graph.MaxPageSize})).Documents
	return st
}

func batchIDs(docs []*graph.Facts) []string {
	var facts []graph.Facts
	for _, f := range docs {
		facts = append(facts, *f)
	}
	return allNodeIDs(NewFixture(facts...))
}

var batchTests = []storeTest{
	{"MatchesApplyInTurn", func(t *testing.T, s graph.Store) {
		docs := batchDocs()
		ids := batchIDs(docs)
		want := must(graph.ApplyEach(bg, s, docs))
		wantState := dumpState(t, s, ids)
		// Delete every document: the store is empty again, and the batch
		// must rebuild exactly what Apply in turn built.
		for _, d := range wantState.Documents {
			must(s.DeleteDocument(bg, d.ID))
		}
		wantEqual(t, "totals after deleting every document", MustTotals(t, s), graph.Totals{})
		got := must(s.ApplyBatch(bg, docs))
		wantEqual(t, "summaries", got, want)
		if !want[len(docs)-3].Unchanged || want[len(docs)-2].EdgesRemoved == 0 {
			t.Fatalf("fixture does not exercise restating and replacing: %+v, %+v", want[len(docs)-3], want[len(docs)-2])
		}
		wantEqual(t, "state", dumpState(t, s, ids), wantState)
		again := must(s.ApplyBatch(bg, docs))
		for i, sum := range again {
			if !sum.Unchanged && docs[i].Document.ID != docs[len(docs)-2].Document.ID {
				t.Fatalf("batch applied again: document %d changed: %+v", i, sum)
			}
		}
	}},
	{"ConflictStoresThoseBefore", func(t *testing.T, s graph.Store) {
		docs := batchDocs()
		first := docs[0]
		n := first.Nodes[0]
		for _, k := range graph.Kinds {
			if k != n.Kind {
				n.Kind = k
				break
			}
		}
		clash := &graph.Facts{Document: graph.Document{ID: "batch-clash", Issued: "2024-01"}, Nodes: []graph.Node{n}}
		sums, err := s.ApplyBatch(bg, []*graph.Facts{first, clash, docs[1]})
		WantCode(t, err, graph.ECONFLICT)
		if !strings.Contains(err.Error(), "batch-clash") {
			t.Fatalf("error %q does not name the document", err)
		}
		wantEqual(t, "summaries", len(sums), 1)
		ref := NewFixture(*first)
		wantEqual(t, "totals", MustTotals(t, s), graph.Totals{Nodes: len(ref.Nodes), Edges: len(ref.Edges), Documents: 1, Evidence: len(first.Edges)})
	}},
	{"InvalidWritesNothing", func(t *testing.T, s graph.Store) {
		docs := batchDocs()
		bad := *docs[1]
		bad.Edges = append([]graph.Edge{{Type: graph.EdgeTypes[0], From: bad.Nodes[0].ID, To: "batch-missing"}}, bad.Edges...)
		_, err := s.ApplyBatch(bg, []*graph.Facts{docs[0], &bad, docs[2]})
		WantCode(t, err, graph.EINVALID)
		if !strings.Contains(err.Error(), "document 2 of 3") {
			t.Fatalf("error %q does not name the document's position", err)
		}
		_, err = s.ApplyBatch(bg, []*graph.Facts{docs[0], nil})
		WantCode(t, err, graph.EINVALID)
		wantEqual(t, "totals", MustTotals(t, s), graph.Totals{})
	}},
}

package score

import (
	"testing"

	"github.com/sdkg/sdkg/graph"
)

func TestCompare(t *testing.T) {
	gold := &graph.Facts{
		Nodes: []graph.Node{
			{ID: "g1", Kind: graph.Person, Name: "Ada Lovelace"},
			{ID: "g2", Kind: graph.Institution, Name: "Royal Society", Aliases: []string{"RS"}},
			{ID: "g3", Kind: graph.Agreement, Name: "Memorandum on Joint Computing Research"},
		},
		Edges: []graph.Edge{
			{Type: graph.AffiliatedWith, From: "g1", To: "g2"},
			{Type: graph.Signed, From: "g2", To: "g3", Date: "1843-05"},
		},
		Optional: []string{"London"},
	}
	pred := &graph.Facts{
		Nodes: []graph.Node{
			{ID: "p1", Kind: graph.Person, Name: "Ada Lovelace"},
			{ID: "p2", Kind: graph.Institution, Name: "RS"},
			{ID: "p3", Kind: graph.Agreement, Name: "Memorandum on Joint Computing"},
			{ID: "p4", Kind: graph.Place, Name: "London"},
			{ID: "p5", Kind: graph.Person, Name: "Charles Babbage"},
		},
		Edges: []graph.Edge{
			{Type: graph.AffiliatedWith, From: "p1", To: "p2"},
			{Type: graph.Signed, From: "p2", To: "p3", Date: "1843-06"},
			{Type: graph.BasedIn, From: "p2", To: "p4"},
			{Type: graph.AffiliatedWith, From: "p5", To: "p2"},
		},
	}
	r := Compare(pred, gold)
	if r.NodesF1 < 0.85 || r.NodesF1 > 0.86 { // 3 of 4 predicted, 3 of 3 gold
		t.Errorf("nodes F1 = %.3f, want 6/7", r.NodesF1)
	}
	if r.EdgesP != 2.0/3 || r.EdgesR != 1 {
		t.Errorf("edges P %.2f R %.2f, want 0.67 and 1 (London edge ignored)", r.EdgesP, r.EdgesR)
	}
	if r.Dates != 0 {
		t.Errorf("dates = %.2f, want 0 (wrong month)", r.Dates)
	}
}

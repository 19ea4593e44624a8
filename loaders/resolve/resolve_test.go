package resolve

import (
	"encoding/json"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

func doc(id string, nodes []graph.Node, edges []graph.Edge) *graph.Facts {
	return &graph.Facts{Document: graph.Document{ID: id}, Nodes: nodes, Edges: edges}
}

func n(id string, k graph.Kind, name, country string, aliases ...string) graph.Node {
	return graph.Node{ID: id, Kind: k, Name: name, Country: country, Aliases: aliases}
}

func ev(d string, start int) *graph.Evidence {
	return &graph.Evidence{Document: d, Entry: "e", Sentence: "s", Start: start, End: start + 1}
}

// docs returns three documents that name the same entities differently.
func docs() []*graph.Facts {
	a := doc("a", []graph.Node{
		n("person:wang-wei", graph.Person, "Wang Wei", ""),
		n("institution:chinese-academy-of-sciences", graph.Institution, "Chinese Academy of Sciences", "CN", "CAS"),
		n("country:CN", graph.Country, "China", "CN"),
	}, []graph.Edge{
		{Type: graph.AffiliatedWith, From: "person:wang-wei", To: "institution:chinese-academy-of-sciences", Evidence: ev("a", 10), Confidence: 0.9, Rule: "r1"},
		{Type: graph.BasedIn, From: "institution:chinese-academy-of-sciences", To: "country:CN", Evidence: ev("a", 5), Confidence: 0.8, Rule: "r2"},
	})
	b := doc("b", []graph.Node{
		n("institution:cas", graph.Institution, "CAS", "CN"),
		n("country:CN", graph.Country, "PRC", "CN"),
		n("institution:aas", graph.Institution, "AAS", "AU", "Australian Academy of Science"),
	}, []graph.Edge{
		{Type: graph.BasedIn, From: "institution:cas", To: "country:CN", Evidence: ev("b", 1), Confidence: 0.95, Rule: "r3"},
		{Type: graph.CollaboratedWith, From: "institution:cas", To: "institution:aas", Evidence: ev("b", 2), Confidence: 0.7, Rule: "r4"},
	})
	c := doc("c", []graph.Node{
		n("institution:aas", graph.Institution, "AAS", "KE", "African Academy of Sciences"),
		n("person:wang-wei", graph.Person, "Wang Wei", ""),
	}, nil)
	return []*graph.Facts{a, b, c}
}

// TestMergeJoinsEntities checks names, aliases and acronyms join within a
// country and not across countries.
func TestMergeJoinsEntities(t *testing.T) {
	m := Merge(docs()...)
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	count := map[graph.Kind]int{}
	for _, x := range m.Nodes {
		count[x.Kind]++
	}
	if count[graph.Institution] != 3 || count[graph.Person] != 1 || count[graph.Country] != 1 {
		t.Errorf("nodes %+v: want 3 institutions (CAS, two AAS), 1 person, 1 country", m.Nodes)
	}
	var based *graph.Edge
	for i := range m.Edges {
		if m.Edges[i].Type == graph.BasedIn {
			if based != nil {
				t.Errorf("BASED_IN stated twice after merge")
			}
			based = &m.Edges[i]
		}
	}
	if based == nil || based.Confidence != 0.95 || based.Evidence.Document != "a" {
		t.Errorf("merged edge %+v: want highest confidence and the first evidence", based)
	}
}

// TestMergeOrderIndependent merges every permutation of the documents and
// expects the same JSON.
func TestMergeOrderIndependent(t *testing.T) {
	ds := docs()
	want := mustJSON(t, Merge(ds...))
	perms := [][]int{{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	for _, p := range perms {
		got := mustJSON(t, Merge(ds[p[0]], ds[p[1]], ds[p[2]]))
		if got != want {
			t.Errorf("order %v gives another result:\n%s\nwant\n%s", p, got, want)
		}
	}
}

// TestResolveSurname joins a lone surname with the one person bearing it.
func TestResolveSurname(t *testing.T) {
	f := doc("d", []graph.Node{
		n("person:hou-jianguo", graph.Person, "Hou Jianguo", ""),
		n("person:hou", graph.Person, "Hou", ""),
		n("event:x", graph.Event, "Annual Meeting", ""),
	}, []graph.Edge{{Type: graph.ParticipatedIn, From: "person:hou", To: "event:x"}})
	r := Resolve(f)
	if len(r.Nodes) != 2 || len(r.Edges) != 1 || r.Edges[0].From != "person:hou-jianguo" {
		t.Fatalf("got %+v", r)
	}
}

// TestResolveDropsDisallowed drops edges the ontology does not allow.
func TestResolveDropsDisallowed(t *testing.T) {
	f := doc("d", []graph.Node{n("place:x", graph.Place, "X", ""), n("event:y", graph.Event, "Y Day", "")},
		[]graph.Edge{{Type: graph.Signed, From: "place:x", To: "event:y"}})
	if r := Resolve(f); len(r.Edges) != 0 {
		t.Fatalf("kept %+v", r.Edges)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMergeCountrylessAcronyms joins nodes that share an acronym and have
// no country, but not with nodes of a country.
func TestMergeCountrylessAcronyms(t *testing.T) {
	a := doc("a", []graph.Node{n("institution:irap", graph.Institution, "IRAP", "")}, nil)
	b := doc("b", []graph.Node{n("institution:irap", graph.Institution, "IRAP", "")}, nil)
	c := doc("c", []graph.Node{n("institution:irap", graph.Institution, "IRAP", "FR")}, nil)
	m := Merge(a, b, c)
	if len(m.Nodes) != 2 {
		t.Fatalf("got %+v, want the two countryless IRAP nodes joined and the French one apart", m.Nodes)
	}
}

// TestResolveNameSuffix joins a shorter name with the one longer name of
// the document that contains it.
func TestResolveNameSuffix(t *testing.T) {
	f := doc("d", []graph.Node{
		n("person:carlos-augusto-teixeira-de-moura", graph.Person, "Carlos Augusto Teixeira de Moura", ""),
		n("person:teixeira-de-moura", graph.Person, "Teixeira de Moura", ""),
	}, nil)
	if r := Resolve(f); len(r.Nodes) != 1 || r.Nodes[0].Name != "Carlos Augusto Teixeira de Moura" {
		t.Fatalf("got %+v", r.Nodes)
	}
}

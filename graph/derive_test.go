package graph

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// tiny builds nodes and normalised edges for derive tests.
func tiny(ns []Node, es []Edge) (map[string]*Node, []Edge) {
	nodes := map[string]*Node{}
	for i := range ns {
		nodes[ns[i].ID] = &ns[i]
	}
	for i := range es {
		es[i].Normalize()
	}
	return nodes, es
}

func collabFixture() (map[string]*Node, []Edge) {
	return tiny([]Node{
		{ID: "p:a", Kind: Person, Name: "A"}, {ID: "p:b", Kind: Person, Name: "B"},
		{ID: "i:x", Kind: Institution, Name: "X"}, {ID: "c:AA", Kind: Country, Name: "Aland"},
		{ID: "c:BB", Kind: Country, Name: "Bland"}, {ID: "a:1", Kind: Agreement, Name: "Accord"},
		{ID: "e:1", Kind: Event, Name: "Meeting"}, {ID: "pl:1", Kind: Place, Name: "Town"},
	}, []Edge{
		{Type: Signed, From: "p:a", To: "a:1", Date: "2021-03-02"},
		{Type: Signed, From: "p:b", To: "a:1", Date: "2021-03"},
		{Type: ParticipatedIn, From: "p:a", To: "e:1", Date: "2019"},
		{Type: Led, From: "i:x", To: "e:1", Date: "2019-05-01"},
		{Type: Hosted, From: "pl:1", To: "e:1", Date: "2019"},
		{Type: CollaboratedWith, From: "p:b", To: "p:a", Date: "2023"},
		{Type: AffiliatedWith, From: "p:a", To: "c:AA"},
		{Type: AffiliatedWith, From: "p:b", To: "i:x"},
		{Type: BasedIn, From: "i:x", To: "pl:1"},
		{Type: BasedIn, From: "pl:1", To: "c:BB"},
	})
}

func TestCollaborate(t *testing.T) {
	nodes, edges := collabFixture()
	got := Collaborate("p:a", edges, nodes, Filter{}, 0)
	var summary []string
	for _, c := range got {
		summary = append(summary, fmt.Sprintf("%s %d %s..%s", c.Node.ID, c.Count, c.First, c.Last))
	}
	want := []string{"p:b 2 2021-03..2023", "i:x 1 2019..2019"}
	if !reflect.DeepEqual(summary, want) {
		t.Fatalf("Collaborate = %v, want %v", summary, want)
	}
	if v := got[0].Via; v[0].Node == nil || v[0].Node.ID != "a:1" || v[1].Edge == nil {
		t.Fatalf("vias of p:b = %+v, want the agreement then the direct edge", v)
	}
	t.Run("Window", func(t *testing.T) {
		got := Collaborate("p:a", edges, nodes, Filter{From: "2022"}, 0)
		if len(got) != 1 || got[0].Node.ID != "p:b" || got[0].Count != 1 {
			t.Fatalf("Collaborate since 2022 = %+v", got)
		}
	})
}

func TestRollupOfCountry(t *testing.T) {
	nodes, edges := collabFixture()
	sg, err := RollupOf(LevelCountry, nodes, edges, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// p:a (AA) with p:b (BB via i:x based in a place in BB): the agreement and
	// the direct edge; p:a with i:x (BB): the event.
	if len(sg.Edges) != 1 || sg.Edges[0].From != "c:AA" || sg.Edges[0].To != "c:BB" || sg.Edges[0].Weight != 3 {
		t.Fatalf("rollup edges = %+v", sg.Edges)
	}
	if !reflect.DeepEqual(sg.Edges[0].Years, []int{2019, 2021, 2023}) {
		t.Fatalf("years = %v", sg.Edges[0].Years)
	}
	if _, err := RollupOf("PLANET", nodes, edges, Filter{}); ErrorCode(err) != EINVALID {
		t.Fatalf("unknown level: %v", err)
	}
}

func TestAdmitLayersTruncates(t *testing.T) {
	adj := map[string][]string{"s": {"b", "a", "c"}, "a": {"z"}, "b": {"s"}}
	next := func(id string) []string { return adj[id] }
	ids, tr := AdmitLayers([]string{"s"}, 2, 3, next)
	if !reflect.DeepEqual(ids, []string{"s", "a", "b"}) || !tr {
		t.Fatalf("AdmitLayers = %v %v", ids, tr)
	}
	ids, tr = AdmitLayers([]string{"s"}, 2, 10, next)
	if !reflect.DeepEqual(ids, []string{"s", "a", "b", "c", "z"}) || tr {
		t.Fatalf("AdmitLayers = %v %v", ids, tr)
	}
}

func TestPathsBetweenOrder(t *testing.T) {
	var ns []Node
	for _, id := range []string{"s", "a", "b", "c", "t", "x"} {
		ns = append(ns, Node{ID: id, Kind: Person, Name: id})
	}
	nodes, edges := tiny(ns, []Edge{
		{Type: CollaboratedWith, From: "s", To: "b"}, {Type: CollaboratedWith, From: "b", To: "t"},
		{Type: CollaboratedWith, From: "s", To: "a"}, {Type: CollaboratedWith, From: "a", To: "t"},
		{Type: CollaboratedWith, From: "s", To: "c"}, {Type: CollaboratedWith, From: "c", To: "x"},
		{Type: CollaboratedWith, From: "x", To: "t"},
	})
	paths, err := ShortestPathsOf("s", "t", Filter{}, 6, 5, nodes, edges)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paths {
		s := ""
		for _, n := range p.Nodes {
			s += n.ID
		}
		got = append(got, s)
	}
	if !reflect.DeepEqual(got, []string{"sat", "sbt"}) {
		t.Fatalf("paths = %v", got)
	}
	if paths, _ := ShortestPathsOf("s", "t", Filter{}, 1, 5, nodes, edges); len(paths) != 0 {
		t.Fatalf("paths within 1 hop = %v", paths)
	}
}

func TestTextScoreRanks(t *testing.T) {
	n := func(name string, aliases ...string) *Node { return &Node{Name: name, Aliases: aliases} }
	tests := []struct {
		node *Node
		want int
	}{
		{n("Academy of Science"), ScoreExact},
		{n("Other", "The Academy of Science"), ScoreExact},
		{n("Academy of Science and Arts"), ScorePrefix},
		{n("Science Academy of Nowhere"), ScoreAll},
		{n("Science Park"), ScoreSome},
		{n("Museum"), 0},
	}
	for _, tt := range tests {
		if got := TextScore("academy of science", tt.node); got != tt.want {
			t.Errorf("TextScore(%q) = %d, want %d", tt.node.Name, got, tt.want)
		}
	}
}

func TestPageNodesConcatenates(t *testing.T) {
	var all []ScoredNode
	for i := 0; i < 7; i++ {
		all = append(all, ScoredNode{Node: Node{ID: fmt.Sprint("n", i), Name: fmt.Sprint("N", 6-i)}})
	}
	q := NodeQuery{Page: Page{First: 3}}
	if err := CheckNodeQuery(&q); err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		p, err := PageNodes(q, all)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range p.Nodes {
			got = append(got, n.Name)
		}
		if !p.HasNextPage {
			break
		}
		q.Page.After = p.EndCursor
	}
	if !reflect.DeepEqual(got, []string{"N0", "N1", "N2", "N3", "N4", "N5", "N6"}) {
		t.Fatalf("pages = %v", got)
	}
}

func TestSmallestFirstSelectsTheKSmallest(t *testing.T) {
	for n := 1; n < 60; n += 7 {
		for k := 0; k <= n; k += 3 {
			xs := make([]string, n)
			for i := range xs {
				xs[i] = fmt.Sprint((i * 7919) % 13) // duplicates included
			}
			want := append([]string(nil), xs...)
			slices.Sort(want)
			SmallestFirst(xs, k, self)
			got := append([]string(nil), xs[:k]...)
			slices.Sort(got)
			if !slices.Equal(got, want[:k]) {
				t.Fatalf("n=%d k=%d: smallest = %v, want %v", n, k, got, want[:k])
			}
		}
	}
}

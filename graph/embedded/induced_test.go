package embedded

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// TestEdgeKeysOrderLikeIDs checks the integer edge keys against a plain
// sort of the IDs, on ids that are prefixes of one another, symmetric
// edges and dates of every precision, and that an id holding a "|" makes
// the order fall back to the IDs.
func TestEdgeKeysOrderLikeIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dates := []string{"", "0000", "2019", "2019-01", "2019-01-01", "2019-01-31", "2019-02", "2019-12-31", "2020", "9999-12-31"}
	for _, pipe := range []bool{false, true} {
		for _, n := range []int{1, 2, 17, 300} {
			nodes := make([]*nodeRec, n)
			perm := rng.Perm(4 * n) // distinct ids, some prefixes of others
			for i := range nodes {
				id := fmt.Sprintf("p:%d", perm[i])
				if pipe && i == n-1 {
					id = "p:1|x"
				}
				nodes[i] = &nodeRec{n: graph.Node{ID: id}, idx: i + 1, key: idPrefix(id, 0), bar: idPrefix(id, '|'), pipe: strings.Contains(id, "|")}
			}
			m := getMarks(n)
			var found []*edgeRec
			var keys []uint64
			ek := m.edgeKeys(nodes)
			seen := map[string]bool{}
			for range 20 * n {
				a, b := nodes[rng.IntN(n)], nodes[rng.IntN(n)]
				typ := graph.EdgeTypes[rng.IntN(len(graph.EdgeTypes))]
				e := graph.Edge{Type: typ, From: a.n.ID, To: b.n.ID, Date: dates[rng.IntN(len(dates))]}
				e.Normalize()
				if a.n.ID == b.n.ID || seen[e.ID] {
					continue
				}
				seen[e.ID] = true
				r := &edgeRec{e: e, t: typeIndex[typ], dk: dateKey(e.Date)}
				found = append(found, r)
				keys = append(keys, ek.of(r.t, m.at[a.idx].bar, m.at[b.idx].bar, e.From == a.n.ID, r.dk))
			}
			if ek.exact == pipe {
				t.Fatalf("pipe=%v: exact=%v", pipe, ek.exact)
			}
			want := make([]string, len(found))
			for i, r := range found {
				want[i] = r.e.ID
			}
			slices.Sort(want)
			for i, j := range ek.order(m, found, keys) {
				if got := found[j].e.ID; got != want[i] {
					t.Fatalf("pipe=%v n=%d: position %d holds %q, want %q", pipe, n, i, got, want[i])
				}
			}
			clear(m.bits)
		}
	}
}

func TestDayBoundsMatchDateBounds(t *testing.T) {
	for _, d := range []string{"", "0000", "2019", "2019-02", "2019-12-31", "1999-01-05", "9999-12"} {
		lo, hi := graph.DateBounds(d)
		if glo, ghi := dayBounds(d); glo != dayNum(lo) || ghi != dayNum(hi) {
			t.Errorf("dayBounds(%q) = %d, %d; want %d, %d", d, glo, ghi, dayNum(lo), dayNum(hi))
		}
	}
}

func TestDateKeyOrdersLikeDates(t *testing.T) {
	dates := []string{"", "0000", "0000-01", "0000-01-01", "2019", "2019-01", "2019-01-01", "2019-01-02", "2019-01-31", "2019-02", "2019-12", "2019-12-31", "2020", "9999-12-31"}
	for i := 1; i < len(dates); i++ {
		if a, b := dateKey(dates[i-1]), dateKey(dates[i]); a >= b || b >= 1<<dateBits {
			t.Errorf("dateKey(%q) = %d, dateKey(%q) = %d: want increasing, below 2^%d", dates[i-1], a, dates[i], b, dateBits)
		}
	}
}

func TestIDPrefixOrdersLikeIDs(t *testing.T) {
	ids := []string{"", "a", "a\x00", "ab", "abcdefgh", "abcdefghi", "abcdefgz", "b", "p:1", "p:10", "p:1|", "p:1}", "abcdefg", "abcdefg|"}
	for _, a := range ids {
		for _, b := range ids {
			pa, pb := idPrefix(a, 0), idPrefix(b, 0)
			if pa < pb && a >= b || pa > pb && a <= b {
				t.Errorf("idPrefix(%q)=%x, idPrefix(%q)=%x disagree with the ids' order", a, pa, b, pb)
			}
			ba, bb := a+"|", b+"|"
			qa, qb := idPrefix(a, '|'), idPrefix(b, '|')
			if qa < qb && ba >= bb || qa > qb && ba <= bb {
				t.Errorf("idPrefix(%q, '|')=%x, idPrefix(%q, '|')=%x disagree with the order of %q and %q", a, qa, b, qb, ba, bb)
			}
			if got, want := cmpBar(a, b), strings.Compare(ba, bb); got != want {
				t.Errorf("cmpBar(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// TestHubEdgesSurviveRemovals checks the answer between two hubs, which
// comes from the neighbour index, as the documents stating their edges
// (one per date) are deleted in turn.
func TestHubEdgesSurviveRemovals(t *testing.T) {
	ctx := t.Context()
	s := OpenMemory()
	hubs := []graph.Node{{ID: "c:1", Kind: graph.Country, Name: "One"}, {ID: "c:2", Kind: graph.Country, Name: "Two"}}
	base := graph.Facts{Document: graph.Document{ID: "base"}, Nodes: hubs}
	for i := 0; i < 150; i++ {
		in := graph.Node{ID: fmt.Sprintf("i:%d", i), Kind: graph.Institution, Name: fmt.Sprintf("Institute %d", i)}
		base.Nodes = append(base.Nodes, in)
		base.Edges = append(base.Edges, graph.Edge{Type: graph.BasedIn, From: in.ID, To: hubs[i%2].ID})
	}
	if _, err := s.Apply(ctx, &base); err != nil {
		t.Fatal(err)
	}
	dates := []string{"2019", "2020", "2021"}
	for _, d := range dates {
		f := graph.Facts{Document: graph.Document{ID: "d" + d}, Nodes: hubs, Edges: []graph.Edge{{Type: graph.CollaboratedWith, From: "c:1", To: "c:2", Date: d}}}
		if _, err := s.Apply(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	for _, drop := range []string{"", "d2019", "d2021", "d2020"} {
		if drop != "" {
			if _, err := s.DeleteDocument(ctx, drop); err != nil {
				t.Fatal(err)
			}
		}
		sg, err := s.Neighbourhood(ctx, []string{"c:1"}, 1, graph.Filter{Types: []graph.EdgeType{graph.CollaboratedWith}}, 0)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := s.Edges(ctx, graph.EdgeQuery{Nodes: []string{"c:1"}, Filter: graph.Filter{Types: []graph.EdgeType{graph.CollaboratedWith}}})
		if err != nil {
			t.Fatal(err)
		}
		var got, want []string
		for _, e := range sg.Edges {
			got = append(got, e.ID)
		}
		for _, e := range pages[0].Edges {
			want = append(want, e.ID)
		}
		slices.Sort(want)
		if s.st.nodes["c:1"].nbr == nil || !slices.Equal(got, want) {
			t.Fatalf("after deleting %q: neighbourhood edges %v, want %v (hub indexed: %v)", drop, got, want, s.st.nodes["c:1"].nbr != nil)
		}
	}
}

package graphtest

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// findAll pages through FindNodes and returns every node.
func findAll(tb testing.TB, s graph.Store, q graph.NodeQuery) []graph.Node {
	tb.Helper()
	var out []graph.Node
	for {
		p := must(s.FindNodes(bg, q))
		out = append(out, p.Nodes...)
		if !p.HasNextPage {
			return out
		}
		q.Page.After = p.EndCursor
	}
}

// expectNodes returns the ids of fixture nodes passing keep, ordered by
// (lower-case name, id).
func expectNodes(fx *Fixture, keep func(n *graph.Node) bool) []string {
	var ns []*graph.Node
	for _, n := range fx.Nodes {
		if keep(n) {
			ns = append(ns, n)
		}
	}
	sort.Slice(ns, func(i, j int) bool {
		a, b := strings.ToLower(ns[i].Name), strings.ToLower(ns[j].Name)
		if a != b {
			return a < b
		}
		return ns[i].ID < ns[j].ID
	})
	var ids []string
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	return ids
}

func anyName(n *graph.Node, ok func(string) bool) bool {
	for _, s := range append([]string{n.Name}, n.Aliases...) {
		if ok(strings.ToLower(s)) {
			return true
		}
	}
	return false
}

var nodesByIDTests = []storeTest{
	{"OrderAndMissing", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		ids := allNodeIDs(fx)
		sort.Sort(sort.Reverse(sort.StringSlice(ids)))
		ids = append(ids[:3:3], "x:missing", ids[0])
		got := must(s.NodesByID(bg, ids))
		for i, id := range ids {
			want := fx.Nodes[id]
			switch {
			case want == nil && got[i] != nil:
				t.Fatalf("NodesByID[%d] = %+v, want nil", i, got[i])
			case want != nil && (got[i] == nil || got[i].ID != id || got[i].Name != want.Name || got[i].Kind != want.Kind || got[i].Degree != want.Degree):
				t.Fatalf("NodesByID[%d] = %+v, want %+v", i, got[i], want)
			}
		}
	}},
}

var findTests = []storeTest{
	{"Kinds", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		got := findAll(t, s, graph.NodeQuery{Kinds: []graph.Kind{graph.Person, graph.Place}})
		wantEqual(t, "persons and places", IDs(got), expectNodes(fx, func(n *graph.Node) bool { return n.Kind == graph.Person || n.Kind == graph.Place }))
	}},
	{"Prefix", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		prefix := strings.ToUpper(fx.hub(graph.Institution).Name[:3])
		got := findAll(t, s, graph.NodeQuery{Prefix: prefix})
		want := expectNodes(fx, func(n *graph.Node) bool {
			return anyName(n, func(s string) bool { return strings.HasPrefix(s, strings.ToLower(prefix)) })
		})
		if len(want) == 0 {
			t.Fatal("fixture has no node for the prefix")
		}
		wantEqual(t, "prefix "+prefix, IDs(got), want)
	}},
	{"Contains", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		name := fx.hub(graph.Institution).Name
		part := strings.ToLower(name[len(name)/2 : len(name)/2+4])
		got := findAll(t, s, graph.NodeQuery{Contains: part})
		want := expectNodes(fx, func(n *graph.Node) bool { return anyName(n, func(s string) bool { return strings.Contains(s, part) }) })
		wantEqual(t, "contains "+part, IDs(got), want)
	}},
	{"TextRanksExactMatchFirst", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		for _, target := range fx.NodesOf(graph.Institution) {
			words := strings.Fields(target.Name)
			if len(words) < 3 {
				continue
			}
			got := must(s.FindNodes(bg, graph.NodeQuery{Text: strings.ToUpper(target.Name), Page: graph.Page{WithTotal: true}}))
			var exact []string
			for _, n := range fx.Nodes {
				if graph.TextScore(target.Name, n) == graph.ScoreExact {
					exact = append(exact, n.ID)
				}
			}
			sort.Strings(exact)
			if len(got.Nodes) < len(exact) || !equalStrings(IDs(got.Nodes[:len(exact)]), exact) {
				t.Fatalf("text %q ranks %v first, want the exact matches %v", target.Name, IDs(got.Nodes), exact)
			}
			// Nodes sharing a single word are found too, after the exact ones.
			some := 0
			for _, n := range fx.Nodes {
				if graph.TextScore(target.Name, n) > 0 {
					some++
				}
			}
			if got.Total != some {
				t.Fatalf("text %q total = %d, want %d", target.Name, got.Total, some)
			}
			return
		}
		t.Fatal("fixture has no institution with a name of three words")
	}},
	{"Countries", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		c := fx.hub(graph.Country).Country
		got := findAll(t, s, graph.NodeQuery{Countries: []string{c}})
		want := expectNodes(fx, func(n *graph.Node) bool { return n.Country == c })
		if len(want) < 2 {
			t.Fatalf("fixture has %d nodes in %s", len(want), c)
		}
		wantEqual(t, "nodes in "+c, IDs(got), want)
	}},
	{"OrderByName", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		got := findAll(t, s, graph.NodeQuery{Page: graph.Page{First: 5}})
		wantEqual(t, "all nodes by name", IDs(got), expectNodes(fx, func(*graph.Node) bool { return true }))
	}},
	{"OrderByDegree", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		got := findAll(t, s, graph.NodeQuery{Order: graph.ByDegree, Page: graph.Page{First: 4}})
		ids := allNodeIDs(fx)
		sort.SliceStable(ids, func(i, j int) bool { return fx.Nodes[ids[i]].Degree > fx.Nodes[ids[j]].Degree })
		wantEqual(t, "all nodes by degree", IDs(got), ids)
		for _, n := range got {
			if n.Degree != fx.Nodes[n.ID].Degree {
				t.Fatalf("degree of %s = %d, want %d", n.ID, n.Degree, fx.Nodes[n.ID].Degree)
			}
		}
	}},
	{"PagesStayStableUnderInserts", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		q := graph.NodeQuery{Page: graph.Page{First: 7}}
		var got []string
		for i := 0; ; i++ {
			p := must(s.FindNodes(bg, q))
			got = append(got, IDs(p.Nodes)...)
			ins := graph.Facts{Document: graph.Document{ID: "insert-" + strconv.Itoa(i)}}
			for _, name := range []string{"Aaa", "Mmm", "Zzz"} {
				ins.Nodes = append(ins.Nodes, graph.Node{ID: "p:ins-" + name + strconv.Itoa(i), Kind: graph.Person, Name: name + " Inserted " + strconv.Itoa(i)})
			}
			MustApply(t, s, &ins)
			if !p.HasNextPage {
				break
			}
			q.Page.After = p.EndCursor
		}
		seen := map[string]bool{}
		for _, id := range got {
			if seen[id] {
				t.Fatalf("node %s on two pages", id)
			}
			seen[id] = true
		}
		for id := range fx.Nodes {
			if !seen[id] {
				t.Fatalf("node %s, stored before paging, missing from the pages", id)
			}
		}
		nodes := must(s.NodesByID(bg, got))
		for i := 1; i < len(nodes); i++ {
			a, b := strings.ToLower(nodes[i-1].Name), strings.ToLower(nodes[i].Name)
			if a > b || (a == b && nodes[i-1].ID > nodes[i].ID) {
				t.Fatalf("pages out of order at %s, %s", nodes[i-1].ID, nodes[i].ID)
			}
		}
	}},
	{"WithTotal", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		p := must(s.FindNodes(bg, graph.NodeQuery{Kinds: []graph.Kind{graph.Institution}, Page: graph.Page{First: 2, WithTotal: true}}))
		if p.Total != len(fx.NodesOf(graph.Institution)) || len(p.Nodes) != 2 || !p.HasNextPage {
			t.Fatalf("page = %d nodes, total %d, next %v", len(p.Nodes), p.Total, p.HasNextPage)
		}
		p = must(s.FindNodes(bg, graph.NodeQuery{Kinds: []graph.Kind{graph.Institution}, Page: graph.Page{First: 2}}))
		if p.Total != -1 {
			t.Fatalf("total without WithTotal = %d, want -1", p.Total)
		}
	}},
}

// expectEdges returns the fixture's edges of id in direction d passing f,
// ordered by (Date, ID).
func expectEdges(fx *Fixture, id string, d graph.Direction, f graph.Filter) []string {
	var es []graph.Edge
	for _, e := range fx.Edges {
		if graph.EdgeTouches(&e, id, d) && f.AdmitsEdge(&e) && f.AdmitsNode(fx.Nodes[e.Other(id)]) {
			es = append(es, e)
		}
	}
	sort.Slice(es, func(i, j int) bool { return graph.EdgeLess(&es[i], &es[j]) })
	return EdgeIDs(es)
}

func edgesOf(tb testing.TB, s graph.Store, id string, d graph.Direction, f graph.Filter, size int) []string {
	tb.Helper()
	q := graph.EdgeQuery{Nodes: []string{id}, Direction: d, Filter: f, Page: graph.Page{First: size}}
	var out []string
	for {
		p := must(s.Edges(bg, q))[0]
		out = append(out, EdgeIDs(p.Edges)...)
		if !p.HasNextPage {
			return out
		}
		q.Page.After = p.EndCursor
	}
}

var edgesTests = []storeTest{
	{"Directions", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		for _, n := range []*graph.Node{fx.hub(graph.Person), fx.hub(graph.Institution), fx.hub(graph.Country), fx.hub(graph.Event)} {
			for _, d := range []graph.Direction{graph.Out, graph.In, graph.Both} {
				wantEqual(t, string(d)+" edges of "+n.ID, edgesOf(t, s, n.ID, d, graph.Filter{}, 0), expectEdges(fx, n.ID, d, graph.Filter{}))
			}
		}
	}},
	{"TypesWindowAndKinds", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		n := fx.hub(graph.Country)
		var year string
		for _, e := range fx.Edges {
			if e.Year > 0 && (e.From == n.ID || e.To == n.ID) {
				year = strconv.Itoa(e.Year)
			}
		}
		for _, f := range []graph.Filter{
			{Types: []graph.EdgeType{graph.BasedIn, graph.AffiliatedWith}},
			{From: year, To: year, DatedOnly: true},
			{Kinds: []graph.Kind{graph.Institution}},
			{MinConfidence: 0.8},
		} {
			wantEqual(t, "edges of "+n.ID, edgesOf(t, s, n.ID, graph.Both, f, 0), expectEdges(fx, n.ID, graph.Both, f))
		}
	}},
	{"PagesPerNodeAndCursor", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		a, b := fx.hub(graph.Country), fx.hub(graph.Person)
		wantEqual(t, "paged by 2", edgesOf(t, s, a.ID, graph.Both, graph.Filter{}, 2), expectEdges(fx, a.ID, graph.Both, graph.Filter{}))
		pages := must(s.Edges(bg, graph.EdgeQuery{Nodes: []string{a.ID, "x:unknown", b.ID}, Page: graph.Page{First: 2, WithTotal: true}}))
		if len(pages) != 3 || len(pages[1].Edges) != 0 {
			t.Fatalf("pages = %+v, want three with an empty one for the unknown id", pages)
		}
		for i, n := range []*graph.Node{a, b} {
			p := pages[i*2]
			want := expectEdges(fx, n.ID, graph.Both, graph.Filter{})
			if p.Total != len(want) || !equalStrings(EdgeIDs(p.Edges), want[:min(2, len(want))]) {
				t.Fatalf("page of %s = %v total %d, want %v", n.ID, EdgeIDs(p.Edges), p.Total, want)
			}
		}
		_, err := s.Edges(bg, graph.EdgeQuery{Nodes: []string{a.ID, b.ID}, Page: graph.Page{After: pages[0].EndCursor}})
		WantCode(t, err, graph.EINVALID)
	}},
}

var evidenceTests = []storeTest{
	{"EveryEvidenceInOrder", func(t *testing.T, s graph.Store) {
		fx := gold(t, s)
		f := fx.Facts[0]
		ids := []string{fx.Edges[3].ID, "no|such|edge|"}
		evs := must(s.Evidence(bg, ids))
		if evs[1] != nil {
			t.Fatalf("evidence of an unknown edge = %v, want nil", evs[1])
		}
		var want []graph.Evidence
		for _, e := range f.Edges {
			if e.Key() == ids[0] {
				ev := *e.Evidence
				ev.Document = f.Document.ID
				want = append(want, ev)
			}
		}
		wantEqual(t, "evidence", evs[0], want)
	}},
}

var documentTests = []storeTest{
	{"PagesInIssueOrderWithCounts", func(t *testing.T, s graph.Store) {
		fx := NewFixture(Generated(1200, 100)...)
		fx.Apply(t, s)
		want := make([]graph.Document, len(fx.Facts))
		for i, f := range fx.Facts {
			want[i] = f.Document
		}
		sort.Slice(want, func(i, j int) bool {
			if want[i].Issued != want[j].Issued {
				return want[i].Issued < want[j].Issued
			}
			return want[i].ID < want[j].ID
		})
		p := graph.Page{First: 5}
		var got []graph.Document
		for {
			page := must(s.Documents(bg, p))
			got = append(got, page.Documents...)
			if !page.HasNextPage {
				break
			}
			p.After = page.EndCursor
		}
		if len(got) != len(want) {
			t.Fatalf("%d documents, want %d", len(got), len(want))
		}
		byID := map[string]graph.Facts{}
		for _, f := range fx.Facts {
			byID[f.Document.ID] = f
		}
		for i := range got {
			f := byID[got[i].ID]
			if got[i].ID != want[i].ID || got[i].Edges != len(f.Edges) || got[i].Nodes != len(f.Nodes) || got[i].Hash == "" {
				t.Fatalf("document %d = %+v, want %s with %d nodes, %d edges", i, got[i], want[i].ID, len(f.Nodes), len(f.Edges))
			}
		}
	}},
}

var countsTests = []storeTest{
	{"ByYearTypeAndKind", func(t *testing.T, s graph.Store) {
		fx := NewFixture(Generated(1500, 300)...)
		fx.Apply(t, s)
		filters := []graph.Filter{{}, {From: "2015", To: "2019-06"}, {Countries: []string{"CN"}}, {Types: []graph.EdgeType{graph.Signed}}}
		for _, f := range filters {
			for _, by := range []graph.GroupBy{graph.ByYear, graph.ByType, graph.ByKind} {
				wantEqual(t, string(by)+" counts", must(s.CountsBy(bg, by, f)), countDirect(fx, by, f))
			}
		}
	}},
}

// countDirect counts the fixture without the derive helpers.
func countDirect(fx *Fixture, by graph.GroupBy, f graph.Filter) []graph.Count {
	m := map[string]int{}
	if by == graph.ByKind {
		for _, n := range fx.Nodes {
			if f.AdmitsNode(n) {
				m[string(n.Kind)]++
			}
		}
	}
	for _, e := range fx.Edges {
		scoped := len(f.Kinds) == 0 && len(f.Countries) == 0 || f.AdmitsNode(fx.Nodes[e.From]) || f.AdmitsNode(fx.Nodes[e.To])
		if by == graph.ByKind || !f.AdmitsEdge(&e) || !scoped {
			continue
		}
		if by == graph.ByType {
			m[string(e.Type)]++
		} else if e.Year > 0 {
			m[strconv.Itoa(e.Year)]++
		}
	}
	out := []graph.Count{}
	for k, n := range m {
		out = append(out, graph.Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

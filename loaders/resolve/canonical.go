package resolve

import (
	"sort"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// canonical builds the node of a group: the most frequent name (ties: the
// longest, then the smallest), every other name as an alias, the most
// frequent country, and the id of the member that bears the name.
func canonical(g []ref, node func(ref) *graph.Node) graph.Node {
	count := map[string]int{}
	countries := map[string]int{}
	aliases := map[string]bool{}
	for _, r := range g {
		n := node(r)
		count[n.Name]++
		if n.Country != "" {
			countries[n.Country]++
		}
		aliases[n.Name] = true
		for _, a := range n.Aliases {
			aliases[a] = true
		}
	}
	name := best(count, func(a, b string) bool {
		if isAcronym(a) != isAcronym(b) {
			return !isAcronym(a)
		}
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	first := node(g[0])
	out := graph.Node{Kind: first.Kind, Name: name, Aliases: []string{}}
	out.Country = best(countries, func(a, b string) bool { return a < b })
	out.ID = idOf(g, node, name, out)
	for a := range aliases {
		if a != name && strings.TrimSpace(a) != "" {
			out.Aliases = append(out.Aliases, a)
		}
	}
	sort.Strings(out.Aliases)
	return out
}

// best returns the key with the highest count, ties broken by less.
func best(count map[string]int, less func(a, b string) bool) string {
	var out string
	n := -1
	for k, c := range count {
		if c > n || c == n && less(k, out) {
			out, n = k, c
		}
	}
	return out
}

// idOf returns the id for a group: "country:XX" for countries, else the
// smallest id among the members named name, else the slug of name.
func idOf(g []ref, node func(ref) *graph.Node, name string, n graph.Node) string {
	if n.Kind == graph.Country && n.Country != "" {
		return "country:" + n.Country
	}
	id := ""
	for _, r := range g {
		m := node(r)
		if m.Name == name && (id == "" || m.ID < id) {
			id = m.ID
		}
	}
	if id == "" {
		id = strings.ToLower(string(n.Kind)) + ":" + strings.ReplaceAll(graph.NormalizeName(name), " ", "-")
	}
	return id
}

// uniqueIDs makes ids unique: two groups with one id (two "NAS" of
// different countries) get their country, then a number, appended.
func uniqueIDs(nodes []graph.Node) {
	order := make([]int, len(nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := nodes[order[a]], nodes[order[b]]
		if x.ID != y.ID {
			return x.ID < y.ID
		}
		if x.Name != y.Name {
			return x.Name < y.Name
		}
		return x.Country < y.Country
	})
	used := map[string]bool{}
	for _, i := range order {
		id := nodes[i].ID
		if used[id] && nodes[i].Country != "" {
			id += "-" + strings.ToLower(nodes[i].Country)
		}
		base := id
		for k := 2; used[id]; k++ {
			id = base + "-" + itoa(k)
		}
		used[id] = true
		nodes[i].ID = id
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// mergeEdges rewrites the edges to the resolved ids and keeps one per key
// (type, endpoints, date): the highest confidence, and the evidence, rule
// and props of the first by (document, offset, rule). Edges that became
// loops or whose kinds the ontology does not allow are dropped.
func mergeEdges(in []*graph.Facts, ids map[ref]string, nodes []graph.Node) []graph.Edge {
	kinds := map[string]graph.Kind{}
	for _, n := range nodes {
		kinds[n.ID] = n.Kind
	}
	byKey := map[string]graph.Edge{}
	for d, f := range in {
		local := map[string]string{}
		for n := range f.Nodes {
			local[f.Nodes[n].ID] = ids[ref{d, n}]
		}
		for _, e := range f.Edges {
			e.From, e.To = local[e.From], local[e.To]
			if e.From == "" || e.To == "" || e.From == e.To || !e.Type.Allows(kinds[e.From], kinds[e.To]) {
				continue
			}
			e.Normalize()
			if e.Evidence != nil && e.Evidence.Document == "" {
				ev := *e.Evidence
				ev.Document = f.Document.ID
				e.Evidence = &ev
			}
			if old, ok := byKey[e.ID]; ok {
				e = pick(old, e)
			}
			byKey[e.ID] = e
		}
	}
	out := make([]graph.Edge, 0, len(byKey))
	for _, e := range byKey {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// pick merges two statements of one edge, independent of their order.
func pick(a, b graph.Edge) graph.Edge {
	conf := max(a.Confidence, b.Confidence)
	if before(b, a) {
		a = b
	}
	a.Confidence = conf
	return a
}

// before orders statements by evidence document and offset, then rule.
func before(a, b graph.Edge) bool {
	ea, eb := evidenceKey(a), evidenceKey(b)
	if ea != eb {
		return ea < eb
	}
	return a.Rule < b.Rule
}

func evidenceKey(e graph.Edge) string {
	if e.Evidence == nil {
		return "\xff"
	}
	return e.Evidence.Document + "\x00" + pad(e.Evidence.Start) + "\x00" + e.Evidence.Sentence
}

func pad(n int) string {
	s := itoa(n)
	return strings.Repeat("0", max(0, 12-len(s))) + s
}

// Package resolve gives one node to each real-world entity across the
// entries and documents of a load: nodes of one kind that share a name or
// alias become one node (an acronym only joins nodes of the same country,
// for acronyms are not global), a lone surname joins the one person of the
// document who bears it, and ids are stable slugs ("country:CN",
// "person:ana-costa", "institution:chinese-academy-of-sciences"). The
// result never depends on the order of the input.
//
// It imports the standard library and package graph only.
package resolve

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sdkg/sdkg/graph"
)

// Resolve returns the facts of one document with its entities resolved:
// nodes merged, ids stable, edges rewritten and deduplicated, edges whose
// endpoint kinds the ontology does not allow dropped, nodes sorted by id
// and edges by key. The input is not modified.
func Resolve(f *graph.Facts) *graph.Facts {
	out := merge([]*graph.Facts{f}, true)
	out.Document = f.Document
	out.Optional = append([]string(nil), f.Optional...)
	return out
}

// Merge resolves the facts of several documents together: the result has
// one node per entity over all of them, whatever the order of the input.
// Its document is a synthetic one ("merged") whose entries are empty; each
// edge's evidence still names its own document.
func Merge(facts ...*graph.Facts) *graph.Facts {
	sorted := append([]*graph.Facts(nil), facts...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Document.ID < sorted[j].Document.ID })
	out := merge(sorted, false)
	var ids []string
	for _, f := range sorted {
		ids = append(ids, f.Document.ID)
	}
	out.Document = graph.Document{ID: "merged", Title: "merged: " + strings.Join(ids, ", "), Format: "facts"}
	return out
}

// ref names one input node.
type ref struct{ doc, node int }

// merge is the shared body of Resolve and Merge. With surnames, a lone
// surname joins the one person bearing it.
func merge(in []*graph.Facts, surnames bool) *graph.Facts {
	u := newUnion()
	var refs []ref
	for d, f := range in {
		for n := range f.Nodes {
			refs = append(refs, ref{d, n})
		}
	}
	node := func(r ref) *graph.Node { return &in[r.doc].Nodes[r.node] }
	keyed := map[string]ref{}
	for _, r := range refs {
		for _, k := range keys(node(r)) {
			if first, ok := keyed[k]; ok {
				u.union(first, r)
			} else {
				keyed[k] = r
			}
		}
	}
	if surnames {
		joinSurnames(refs, node, u)
	}
	groups := u.groups(refs)
	ids := map[ref]string{}
	var nodes []graph.Node
	for _, g := range groups {
		n := canonical(g, node)
		nodes = append(nodes, n)
	}
	uniqueIDs(nodes)
	for i, g := range groups {
		for _, r := range g {
			ids[r] = nodes[i].ID
		}
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	return &graph.Facts{Nodes: nodes, Edges: mergeEdges(in, ids, nodes)}
}

// keys returns the names by which a node joins others: kind and folded
// name or alias; an acronym joins only within a country; a country by its
// code.
func keys(n *graph.Node) []string {
	if n.Kind == graph.Country && n.Country != "" {
		return []string{"Country|" + n.Country}
	}
	var out []string
	for _, name := range append([]string{n.Name}, n.Aliases...) {
		norm := graph.NormalizeName(name)
		if norm == "" {
			continue
		}
		if isAcronym(name) {
			// An acronym joins nodes of its country; nodes with no
			// country join each other only, so that "NAS" of one country
			// and of another never meet through a third, countryless one.
			out = append(out, string(n.Kind)+"|acr|"+name+"|"+n.Country)
			continue
		}
		out = append(out, string(n.Kind)+"|"+norm)
	}
	return out
}

// isAcronym reports whether a name is an acronym: one word, mostly capitals.
func isAcronym(s string) bool {
	if strings.ContainsAny(s, " ") || len(s) < 2 || len(s) > 12 {
		return false
	}
	up := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up*2 >= len(s) && up >= 2
}

// joinSurnames joins a person name that is a whole-word part of exactly
// one longer person name of the same document ("Petit" and "Antoine
// Petit", "Teixeira de Moura" and "Carlos Augusto Teixeira de Moura").
func joinSurnames(refs []ref, node func(ref) *graph.Node, u *union) {
	for _, r := range refs {
		n := node(r)
		if n.Kind != graph.Person {
			continue
		}
		var match []ref
		for _, o := range refs {
			on := node(o)
			if o.doc == r.doc && o != r && on.Kind == graph.Person && len(on.Name) > len(n.Name) &&
				strings.Contains(" "+on.Name+" ", " "+n.Name+" ") {
				match = append(match, o)
			}
		}
		if len(match) == 1 {
			u.union(r, match[0])
		}
	}
}

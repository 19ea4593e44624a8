package extract

import (
	"sort"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// facts turns the document's entities and edges into graph facts with
// provisional ids (kind prefix and slug of the name), one edge per
// (type, endpoints, date), keeping the first evidence.
func (x *extractor) facts() *graph.Facts {
	f := &graph.Facts{Document: graph.Document{ID: x.doc.ID, Title: x.doc.Title, Publisher: x.doc.Publisher,
		Issued: x.doc.Issued, Source: x.doc.Source, Format: string(x.doc.Format)}}
	for _, e := range x.doc.Entries {
		f.Document.Entries = append(f.Document.Entries, graph.Entry{ID: e.ID, Heading: e.Heading, Date: e.Date, Start: e.Start, End: e.End})
	}
	x.propagateCountries()
	x.openSpans()
	ids := make(map[*entity]string, len(x.reg.ents))
	used := make(map[string]bool, len(x.reg.ents))
	f.Nodes = make([]graph.Node, 0, len(x.reg.ents))
	f.Edges = make([]graph.Edge, 0, len(x.edges))
	for _, e := range x.reg.ents {
		if e.dropped || e.untitled && e.name == e.gen {
			continue
		}
		id := NodeID(e.kind, e.name, e.country, e.date, e.untitled)
		for n := 2; used[id]; n++ {
			id = NodeID(e.kind, e.name, e.country, e.date, e.untitled) + "-" + itoa(n)
		}
		used[id] = true
		ids[e] = id
		aliases := append([]string{}, e.aliases...)
		sort.Strings(aliases)
		f.Nodes = append(f.Nodes, graph.Node{ID: id, Kind: e.kind, Name: e.name, Aliases: aliases, Country: e.country})
	}
	// One block holds every edge's evidence, and edges are told apart by
	// a struct key rather than a built string (graph.Edge.Key's fields).
	evs := make([]graph.Evidence, 0, len(x.edges))
	type edgeKey struct {
		typ            graph.EdgeType
		from, to, date string
	}
	seen := make(map[edgeKey]bool, len(x.edges))
	for _, fa := range x.edges {
		from, okF := ids[fa.from]
		to, okT := ids[fa.to]
		if !okF || !okT || from == to {
			continue
		}
		date := fa.date
		if !x.validDate(date) {
			date = ""
		}
		k := edgeKey{fa.typ, from, to, date}
		if fa.typ.Symmetric() && from > to {
			k.from, k.to = to, from
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		evs = append(evs, fa.evidence)
		f.Edges = append(f.Edges, graph.Edge{Type: fa.typ, From: from, To: to, Date: date, Props: fa.props,
			Confidence: fa.confidence, Rule: fa.rule, Evidence: &evs[len(evs)-1]})
	}
	return f
}

// validDate is graph.ValidDate, memoised for the document: its edges
// share a few dates.
func (x *extractor) validDate(d string) bool {
	if v, ok := x.dates[d]; ok {
		return v
	}
	if x.dates == nil {
		x.dates = map[string]bool{}
	}
	v := graph.ValidDate(d)
	x.dates[d] = v
	return v
}

// NodeID returns the id of a node: "country:CN" for a country, else the
// kind in lower case and the slug of the name ("person:ana-costa"); an
// untitled agreement or unnamed event adds its date.
func NodeID(k graph.Kind, name, country, date string, untitled bool) string {
	if k == graph.Country && country != "" {
		return "country:" + country
	}
	id := baseID(k, name)
	if untitled && date != "" {
		id += "-" + date
	}
	return id
}

// idCache memoises baseID, which every document asks for each of its
// entities.
var idCache = memo[nameKey, string]{max: normCacheMax}

// baseID returns the kind prefix and the slug of the name
// ("person:ana-costa"), memoised.
func baseID(k graph.Kind, name string) string {
	return idCache.of(nameKey{k, name}, func(key nameKey) string { return kindPrefix(key.kind) + Slug(key.name) })
}

// kindPrefixes are the id prefixes of the kinds ("person:").
var kindPrefixes = func() map[graph.Kind]string {
	m := map[graph.Kind]string{}
	for _, k := range []graph.Kind{graph.Person, graph.Country, graph.Institution, graph.Mission,
		graph.Agreement, graph.Event, graph.Place, graph.Project} {
		m[k] = strings.ToLower(string(k)) + ":"
	}
	return m
}()

// kindPrefix returns the id prefix of kind k: its name in lower case and
// a colon.
func kindPrefix(k graph.Kind) string {
	if p, ok := kindPrefixes[k]; ok {
		return p
	}
	return strings.ToLower(string(k)) + ":"
}

// Slug folds a name to lower-case words joined by hyphens.
func Slug(name string) string {
	return strings.ReplaceAll(normName(name), " ", "-")
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// propagateCountries sets the country of institutions and places from
// their BASED_IN edges, then of persons from their affiliations, where
// not known yet.
func (x *extractor) propagateCountries() {
	for _, f := range x.edges {
		if f.typ == graph.BasedIn && f.from.country == "" && f.to.country != "" {
			f.from.country = f.to.country
		}
	}
	for _, f := range x.edges {
		if f.typ == graph.AffiliatedWith && f.from.country == "" && f.to.country != "" {
			f.from.country = f.to.country
		}
	}
}

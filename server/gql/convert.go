package gql

import (
	"sort"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/server/gql/model"
)

// toFilter converts and validates a GraphFilter; nil is the zero Filter.
func toFilter(in *model.GraphFilter) (graph.Filter, error) {
	if in == nil {
		return graph.Filter{}, nil
	}
	f := graph.Filter{Kinds: in.Kinds, Types: in.Types, From: deref(in.From), To: deref(in.To),
		DatedOnly: deref(in.DatedOnly), MinConfidence: deref(in.MinConfidence), Countries: in.Countries}
	return f, f.Validate()
}

// window validates a time window given as field arguments.
func window(from, to *string) (graph.Filter, error) {
	f := graph.Filter{From: deref(from), To: deref(to)}
	return f, f.Validate()
}

// toFacts converts the facts input of ingestFacts; Apply validates them.
func toFacts(in model.FactsInput) *graph.Facts {
	f := &graph.Facts{Nodes: make([]graph.Node, len(in.Nodes)), Edges: make([]graph.Edge, len(in.Edges))}
	if d := in.Document; d != nil {
		f.Document = graph.Document{ID: d.ID, Title: deref(d.Title), Publisher: deref(d.Publisher),
			Issued: deref(d.Issued), Source: deref(d.Source), Format: deref(d.Format)}
	}
	for i, n := range in.Nodes {
		aliases := n.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		f.Nodes[i] = graph.Node{ID: n.ID, Kind: n.Kind, Name: n.Name, Aliases: aliases,
			Country: deref(n.Country), Props: toProps(n.Props)}
	}
	for i, e := range in.Edges {
		f.Edges[i] = graph.Edge{Type: e.Type, From: e.From, To: e.To, Date: deref(e.Date),
			Props: toProps(e.Props), Confidence: deref(e.Confidence), Rule: deref(e.Rule)}
		if ev := e.Evidence; ev != nil {
			f.Edges[i].Evidence = &graph.Evidence{Document: f.Document.ID, Entry: deref(ev.Entry),
				Sentence: ev.Sentence, Start: ev.Start, End: ev.End}
		}
	}
	return f
}

func toProps(in []model.PropertyInput) map[string]string {
	if len(in) == 0 {
		return nil
	}
	m := make(map[string]string, len(in))
	for _, p := range in {
		m[p.Key] = p.Value
	}
	return m
}

// fromProps lists a property map ordered by key.
func fromProps(m map[string]string) []model.Property {
	out := make([]model.Property, 0, len(m))
	for k, v := range m {
		out = append(out, model.Property{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

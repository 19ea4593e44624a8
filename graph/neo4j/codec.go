package neo4j

import (
	"encoding/json"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/sdkg/sdkg/graph"
)

// nodeMap and edgeMap are the Cypher projections that nodeFrom and edgeFrom
// read; n and r are the variable names they expect.
const (
	nodeMap = "n {.id, .kind, .name, .aliases, .country, .props, degree: COUNT { (n)--() }}"
	edgeMap = "r {.key, .date, .props, .confidence, .rule, .seen, ev: r.ev[0], type: type(r), from: startNode(r).id, to: endNode(r).id}"
)

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func strs(v any) []string {
	xs, _ := v.([]any)
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func integer(v any) int {
	switch x := v.(type) {
	case int64:
		return int(x)
	case float64:
		return int(x)
	}
	return 0
}

func props(s string) map[string]string {
	if s == "" || s == "{}" {
		return nil
	}
	var m map[string]string
	_ = json.Unmarshal([]byte(s), &m)
	return m
}

func propsJSON(m map[string]string) string {
	if len(m) == 0 {
		return "{}"
	}
	b, _ := json.Marshal(m) // map keys are sorted: deterministic
	return string(b)
}

func nodeFrom(v any) graph.Node {
	m, _ := v.(map[string]any)
	return graph.Node{
		ID:      str(m, "id"),
		Kind:    graph.Kind(str(m, "kind")),
		Name:    str(m, "name"),
		Aliases: strs(m["aliases"]),
		Country: str(m, "country"),
		Props:   props(str(m, "props")),
		Degree:  integer(m["degree"]),
	}
}

func edgeFrom(v any) graph.Edge {
	m, _ := v.(map[string]any)
	e := graph.Edge{
		ID:    str(m, "key"),
		Type:  graph.EdgeType(str(m, "type")),
		From:  str(m, "from"),
		To:    str(m, "to"),
		Date:  str(m, "date"),
		Props: props(str(m, "props")),
		Rule:  str(m, "rule"),
	}
	e.Year = graph.YearOf(e.Date)
	if c, ok := m["confidence"].(float64); ok {
		e.Confidence = c
	}
	if ev := str(m, "ev"); ev != "" {
		var x graph.Evidence
		if json.Unmarshal([]byte(ev), &x) == nil {
			e.Evidence = &x
		}
	}
	seen := strs(m["seen"])
	sort.Strings(seen)
	if len(seen) > 0 {
		e.FirstSeen, e.LastSeen = seen[0], seen[len(seen)-1]
	}
	return e
}

// records decodes the value under key of every record with from.
func records[T any](recs []*neo4j.Record, key string, from func(any) T) []T {
	out := make([]T, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get(key)
		out = append(out, from(v))
	}
	return out
}

func recordNodes(recs []*neo4j.Record, key string) []graph.Node { return records(recs, key, nodeFrom) }

func recordEdges(recs []*neo4j.Record, key string) []graph.Edge { return records(recs, key, edgeFrom) }

func evidenceJSON(e graph.Evidence) string {
	b, _ := json.Marshal(e)
	return string(b)
}

func anyStrings(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func entriesJSON(es []graph.Entry) string {
	if len(es) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(es)
	return string(b)
}

func entriesFrom(s string) []graph.Entry {
	var es []graph.Entry
	_ = json.Unmarshal([]byte(s), &es)
	return es
}

package neo4j

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/sdkg/sdkg/graph"
)

// nodeMap and edgeMap are the Cypher projections that nodeFrom and edgeFrom
// read; n and r are the variable names they expect.
const (
	nodeMap = "n {.id, .kind, .name, .aliases, .country, .props, degree: COUNT { (n)--() }}"
	edgeMap = "r {.key, .date, .props, .confidence, .rule, .seen, ev: r.ev[0], type: type(r), from: startNode(r).id, to: endNode(r).id}"
)

// edgeList is the compact projection of relationship r from node n to node
// m that edgeFromList reads: one list per edge, collected into one record,
// costs a fraction of a record per edge with a map each (fewer Bolt
// messages, no keys, no property read for the key, which is derived).
const edgeList = "[type(r), r.date, r.confidence, r.rule, r.props, r.seen, r.ev[0], n.id, m.id]"

// edgesFromList decodes a collected list of edgeList values.
func edgesFromList(v any) []graph.Edge {
	xs, _ := v.([]any)
	out := make([]graph.Edge, len(xs))
	for i, x := range xs {
		l, _ := x.([]any)
		if len(l) != 9 {
			continue
		}
		e := &out[i]
		e.Type = graph.EdgeType(asStr(l[0]))
		e.Date = asStr(l[1])
		e.Confidence, _ = l[2].(float64)
		e.Rule = asStr(l[3])
		e.Props = props(asStr(l[4]))
		e.Evidence = evidenceFrom(asStr(l[6]))
		e.From, e.To = asStr(l[7]), asStr(l[8])
		e.Year = graph.YearOf(e.Date)
		e.ID = e.Key()
		e.FirstSeen, e.LastSeen = seenRange(strs(l[5]))
	}
	return out
}

func asStr(v any) string {
	s, _ := v.(string)
	return s
}

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
	e.Evidence = evidenceFrom(str(m, "ev"))
	e.FirstSeen, e.LastSeen = seenRange(strs(m["seen"]))
	return e
}

// Evidence is stored as text in one of two forms: JSON (what earlier
// versions wrote, still read) or, written now, evidenceMark followed by
// "start US end US len(document) US len(entry) US" and the document, entry
// and sentence bytes (US = \x1f). Lengths make any byte of the text safe,
// and decoding is a split and three slices: JSON decoding was a third of
// the client's CPU in a Neighbourhood answer.
const evidenceMark = "\x1e"

// evidenceText encodes one evidence for storage.
func evidenceText(e graph.Evidence) string {
	var b strings.Builder
	b.Grow(len(evidenceMark) + 24 + len(e.Document) + len(e.Entry) + len(e.Sentence))
	b.WriteString(evidenceMark)
	for _, n := range []int{e.Start, e.End, len(e.Document), len(e.Entry)} {
		b.WriteString(strconv.Itoa(n))
		b.WriteByte(0x1f)
	}
	b.WriteString(e.Document)
	b.WriteString(e.Entry)
	b.WriteString(e.Sentence)
	return b.String()
}

// decodeEvidenceText decodes one stored evidence of either form.
func decodeEvidenceText(s string) (graph.Evidence, bool) {
	var x graph.Evidence
	rest, ok := strings.CutPrefix(s, evidenceMark)
	if !ok {
		return x, json.Unmarshal([]byte(s), &x) == nil
	}
	var n [4]int
	for i := range n {
		field, after, found := strings.Cut(rest, "\x1f")
		v, err := strconv.Atoi(field)
		if !found || err != nil || v < 0 {
			return x, false
		}
		n[i], rest = v, after
	}
	if n[2]+n[3] > len(rest) {
		return x, false
	}
	x.Start, x.End = n[0], n[1]
	x.Document, x.Entry, x.Sentence = rest[:n[2]], rest[n[2]:n[2]+n[3]], rest[n[2]+n[3]:]
	return x, true
}

// evidenceFrom decodes one stored evidence, nil for none.
func evidenceFrom(ev string) *graph.Evidence {
	if ev == "" {
		return nil
	}
	x, ok := decodeEvidenceText(ev)
	if !ok {
		return nil
	}
	return &x
}

// seenRange returns the first and last of the issue dates seen.
func seenRange(seen []string) (first, last string) {
	if len(seen) == 0 {
		return "", ""
	}
	first, last = seen[0], seen[0]
	for _, s := range seen[1:] {
		first, last = min(first, s), max(last, s)
	}
	return first, last
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

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
	edgeMap = "r {.rv, type: type(r), from: startNode(r).id, to: endNode(r).id}"
)

// edgeListOf is the compact projection of relationship r from node
// variable from to node variable to, which edgesFromList reads: the type,
// the read view (rv, see readView) and both ends' ids. One list per edge,
// collected into one record, costs a fraction of a record per edge with a
// map each (fewer Bolt messages, no keys, one property read instead of
// six: the key is derived, the rest is in rv).
func edgeListOf(from, to string) string {
	return "[type(r), r.rv, " + from + ".id, " + to + ".id]"
}

// edgeList is edgeListOf for r from n to m.
var edgeList = edgeListOf("n", "m")

// edgesFromList decodes a collected list of edgeList values.
func edgesFromList(v any) []graph.Edge {
	xs, _ := v.([]any)
	out := make([]graph.Edge, 0, len(xs))
	for _, x := range xs {
		if e, ok := edgeFromList(x); ok {
			out = append(out, e)
		}
	}
	return out
}

// edgeFromList decodes one edgeList value.
func edgeFromList(x any) (graph.Edge, bool) {
	l, _ := x.([]any)
	if len(l) != 4 {
		return graph.Edge{}, false
	}
	e := graph.Edge{Type: graph.EdgeType(asStr(l[0])), From: asStr(l[2]), To: asStr(l[3])}
	if !readViewInto(&e, asStr(l[1])) {
		return graph.Edge{}, false
	}
	e.Year = graph.YearOf(e.Date)
	e.ID = e.Key()
	return e, true
}

// readView packs what reads return of an edge into one string property,
// rv: date, confidence, rule, props, first and last issue seen, the first
// evidence. The separate properties stay for filters, indexes and writes.
func readView(e storedEdge) string {
	first, last := seenRange(e.Seen)
	return packStrings(e.Date, strconv.FormatFloat(e.Confidence, 'g', -1, 64), e.Rule, propsJSON(e.Props),
		first, last, at(e.Ev, 0))
}

// readViewInto fills e from a read view; false when rv is not one.
func readViewInto(e *graph.Edge, rv string) bool {
	var f [7]string
	if !unpackStrings(rv, f[:]) {
		return false
	}
	c, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		return false
	}
	e.Date, e.Confidence, e.Rule, e.Props = f[0], c, f[2], props(f[3])
	e.FirstSeen, e.LastSeen, e.Evidence = f[4], f[5], evidenceFrom(f[6])
	return true
}

// packStrings joins strings as "len US len US ... US" followed by their
// bytes (US = \x1f): any byte may occur in them, and unpacking is slicing.
func packStrings(xs ...string) string {
	n := 0
	for _, x := range xs {
		n += len(x) + 4
	}
	b := make([]byte, 0, n)
	for _, x := range xs {
		b = strconv.AppendInt(b, int64(len(x)), 10)
		b = append(b, 0x1f)
	}
	for _, x := range xs {
		b = append(b, x...)
	}
	return string(b)
}

// unpackStrings splits what packStrings joined into out, expecting
// len(out) strings (no allocation: they share s's bytes).
func unpackStrings(s string, out []string) bool {
	var lens [8]int
	if len(out) > len(lens) {
		return false
	}
	total := 0
	for i := range out {
		field, rest, found := strings.Cut(s, "\x1f")
		v, err := strconv.Atoi(field)
		if !found || err != nil || v < 0 {
			return false
		}
		lens[i], s, total = v, rest, total+v
	}
	if total != len(s) {
		return false
	}
	for i := range out {
		out[i], s = s[:lens[i]], s[lens[i]:]
	}
	return true
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

// edgeFrom decodes an edgeMap value.
func edgeFrom(v any) graph.Edge {
	m, _ := v.(map[string]any)
	e := graph.Edge{Type: graph.EdgeType(str(m, "type")), From: str(m, "from"), To: str(m, "to")}
	readViewInto(&e, str(m, "rv"))
	e.Year = graph.YearOf(e.Date)
	e.ID = e.Key()
	return e
}

// edgeFromProps decodes a map of an edge's separate properties
// (fullEdgeMap): what writes read, and what the read view is made from.
func edgeFromProps(m map[string]any) graph.Edge {
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
	e.FirstSeen, e.LastSeen = seenRange(strs(m["seen"]))
	if ev := strs(m["ev"]); len(ev) > 0 {
		e.Evidence = evidenceFrom(ev[0])
	}
	return e
}

// Evidence is stored as text in one of two forms: JSON (what earlier
// versions wrote, still read) or, written now, evidenceMark followed by
// packStrings of document, entry, sentence, start and end. JSON decoding
// was a third of the client's CPU in a Neighbourhood answer.
const evidenceMark = "\x1e"

// evidenceText encodes one evidence for storage.
func evidenceText(e graph.Evidence) string {
	return evidenceMark + packStrings(e.Document, e.Entry, e.Sentence, strconv.Itoa(e.Start), strconv.Itoa(e.End))
}

// decodeEvidenceText decodes one stored evidence of either form.
func decodeEvidenceText(s string) (graph.Evidence, bool) {
	var x graph.Evidence
	rest, ok := strings.CutPrefix(s, evidenceMark)
	if !ok {
		return x, json.Unmarshal([]byte(s), &x) == nil
	}
	var f [5]string
	if !unpackStrings(rest, f[:]) {
		return x, false
	}
	start, err1 := strconv.Atoi(f[3])
	end, err2 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil {
		return x, false
	}
	return graph.Evidence{Document: f[0], Entry: f[1], Sentence: f[2], Start: start, End: end}, true
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

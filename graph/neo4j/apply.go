package neo4j

import (
	"context"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/sdkg/sdkg/graph"
)

// storedNode is a node as kept in Neo4j, with its supporting documents.
type storedNode struct {
	graph.Node
	Docs []string
}

// storedEdge is an edge as kept in Neo4j: supporting documents with their
// issue dates (Docs[i] issued Seen[i]) and evidence with its document
// (Ev[i] from EvDoc[i]).
type storedEdge struct {
	graph.Edge
	Docs, Seen, Ev, EvDoc []string
}

// storedDoc is a document node with the lists of what it supports.
type storedDoc struct {
	ID, Hash                string
	Nodes                   []string
	EType, EFrom, ETo, EKey []string
}

const fullEdgeMap = "r {.key, .date, .props, .confidence, .rule, .docs, .seen, .ev, .evdoc, type: type(r), from: startNode(r).id, to: endNode(r).id}"

// Apply implements graph.Store: a batch of one document.
func (s *Store) Apply(ctx context.Context, f *graph.Facts) (graph.ApplySummary, error) {
	if f == nil {
		return graph.ApplySummary{}, graph.Errorf(graph.EINVALID, "apply: nil facts")
	}
	if err := f.Validate(); err != nil {
		return graph.ApplySummary{}, err
	}
	sums, _, conflict, err := s.applyAll(ctx, []*graph.Facts{f})
	switch {
	case err != nil:
		return graph.ApplySummary{Document: f.Document.ID}, err
	case conflict != nil:
		return graph.ApplySummary{Document: f.Document.ID}, conflict
	}
	return sums[0], nil
}

// ApplyBatch implements graph.Store: one transaction for the batch (see
// batch).
func (s *Store) ApplyBatch(ctx context.Context, fs []*graph.Facts) ([]graph.ApplySummary, error) {
	if err := graph.ValidateBatch(fs); err != nil {
		return nil, err
	}
	sums, at, conflict, err := s.applyAll(ctx, fs)
	switch {
	case err != nil:
		return nil, err
	case conflict != nil:
		return sums, graph.BatchError(conflict, fs, at)
	}
	return sums, nil
}

// applyAll runs a batch of fs in one write transaction (retried whole by
// the driver on transient errors).
func (s *Store) applyAll(ctx context.Context, fs []*graph.Facts) ([]graph.ApplySummary, int, error, error) {
	type result struct {
		sums     []graph.ApplySummary
		at       int
		conflict error
	}
	out, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		sums, at, conflict, err := newBatch(ctx, tx).applyAll(fs)
		return result{sums, at, conflict}, err
	})
	if err != nil {
		return nil, 0, nil, err
	}
	r := out.(result)
	return r.sums, r.at, r.conflict, nil
}

// DeleteDocument implements graph.Store.
func (s *Store) DeleteDocument(ctx context.Context, id string) (graph.ApplySummary, error) {
	out, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return newBatch(ctx, tx).deleteDocument(id)
	})
	if err != nil {
		return graph.ApplySummary{Document: id}, err
	}
	return out.(graph.ApplySummary), nil
}

// applier carries one write transaction: the statements that MergeNodes,
// AddAlias and batches share.
type applier struct {
	ctx context.Context
	tx  neo4j.ManagedTransaction
}

func (a *applier) run(cypher string, params map[string]any) ([]*neo4j.Record, error) {
	return run(a.ctx, a.tx, cypher, params)
}

// mergeEdges turns a document's edges into stored edges carrying its
// evidence, endpoints redirected by to, edges that share a key merged and
// self-loops dropped, ordered by key.
func mergeEdges(doc string, in []graph.Edge, to func(string) string) []storedEdge {
	byKey := map[string]*storedEdge{}
	var keys []string
	for _, e := range in {
		e.From, e.To = to(e.From), to(e.To)
		if e.From == e.To {
			continue
		}
		e.Normalize()
		ev := graph.Evidence{}
		if e.Evidence != nil {
			ev = *e.Evidence
		}
		ev.Document = doc
		if m, ok := byKey[e.ID]; ok {
			m.Confidence = max(m.Confidence, e.Confidence)
			m.Props = unionProps(m.Props, e.Props)
			m.Ev = append(m.Ev, evidenceText(ev))
			m.EvDoc = append(m.EvDoc, doc)
			continue
		}
		byKey[e.ID] = &storedEdge{Edge: e, Ev: []string{evidenceText(ev)}, EvDoc: []string{doc}}
		keys = append(keys, e.ID)
	}
	sort.Strings(keys)
	out := make([]storedEdge, 0, len(keys))
	for _, k := range keys {
		out = append(out, *byKey[k])
	}
	return out
}

// cleanAliases returns aliases without duplicates or the name itself, in
// first-seen order.
func cleanAliases(name string, aliases []string) []string {
	seen := map[string]bool{name: true}
	out := []string{}
	for _, x := range aliases {
		x = strings.TrimSpace(x)
		if x == "" || seen[x] {
			continue
		}
		seen[x] = true
		out = append(out, x)
	}
	return out
}

func unionProps(a, b map[string]string) map[string]string {
	if len(b) == 0 {
		return a
	}
	out := make(map[string]string, len(a)+len(b))
	for k, v := range b {
		out[k] = v
	}
	for k, v := range a {
		out[k] = v
	}
	return out
}

func (a *applier) loadNodes(ids []string) (map[string]*storedNode, error) {
	recs, err := a.run(`UNWIND $ids AS id MATCH (n:Entity {id: id})
		RETURN n {.id, .kind, .name, .aliases, .country, .props, .docs} AS n`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string]*storedNode, len(recs))
	for _, r := range recs {
		v, _ := r.Get("n")
		out[str(v.(map[string]any), "id")] = &storedNode{Node: nodeFrom(v), Docs: strs(v.(map[string]any)["docs"])}
	}
	return out, nil
}

type edgeRef struct{ Type, From, To, Key string }

func (a *applier) loadEdges(refs []edgeRef) (map[string]*storedEdge, error) {
	out := make(map[string]*storedEdge, len(refs))
	recs, err := a.eachType(keyRows(refs), "RETURN "+fullEdgeMap+" AS r")
	for _, r := range recs {
		v, _ := r.Get("r")
		out[str(v.(map[string]any), "key")] = storedEdgeFrom(v)
	}
	return out, err
}

// eachType runs tail over rows (maps with "type" and "key") with r bound
// to the stored relationship of each row, found by its key: an index seek
// on the key constraint of its type, whatever the degree of its ends. One
// short statement per type among rows, the type written in from the
// allowlist (a single statement with a branch per type cost seconds to
// plan, and finding edges between their ends walked the hubs).
func (a *applier) eachType(rows []map[string]any, tail string) ([]*neo4j.Record, error) {
	groups := map[string][]any{}
	for _, r := range rows {
		t, _ := r["type"].(string)
		groups[t] = append(groups[t], r)
	}
	var out []*neo4j.Record
	for _, t := range graph.EdgeTypes {
		g := groups[string(t)]
		if len(g) == 0 {
			continue
		}
		recs, err := a.run("UNWIND $rows AS row MATCH ()-[r:"+string(t)+" {key: row.key}]->() "+tail,
			map[string]any{"rows": g})
		if err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return out, nil
}

func keyRows(refs []edgeRef) []map[string]any {
	rows := make([]map[string]any, len(refs))
	for i, r := range refs {
		rows[i] = map[string]any{"type": r.Type, "key": r.Key}
	}
	return rows
}

func storedEdgeFrom(v any) *storedEdge {
	m := v.(map[string]any)
	e := edgeFromProps(m)
	return &storedEdge{Edge: e, Docs: strs(m["docs"]), Seen: strs(m["seen"]), Ev: strs(m["ev"]), EvDoc: strs(m["evdoc"])}
}

func without(xs []string, x string) []string {
	out := xs[:0:0]
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}

// dropDoc removes one document's support and evidence from the edge.
func (e *storedEdge) dropDoc(doc string) {
	var docs, seen []string
	for i, d := range e.Docs {
		if d != doc {
			docs, seen = append(docs, d), append(seen, at(e.Seen, i))
		}
	}
	var ev, evdoc []string
	for i, d := range e.EvDoc {
		if d != doc {
			ev, evdoc = append(ev, at(e.Ev, i)), append(evdoc, d)
		}
	}
	e.Docs, e.Seen, e.Ev, e.EvDoc = docs, seen, ev, evdoc
}

func at(xs []string, i int) string {
	if i < len(xs) {
		return xs[i]
	}
	return ""
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// mergeNode folds a newly stated node into its stored twin: the stored name
// stays, new names become aliases, empty fields are filled.
func mergeNode(s *storedNode, n graph.Node) graph.Node {
	out := s.Node
	out.Aliases = cleanAliases(out.Name, append(append(append([]string(nil), s.Aliases...), n.Name), n.Aliases...))
	if out.Country == "" {
		out.Country = n.Country
	}
	out.Props = unionProps(s.Props, n.Props)
	return out
}

func addDoc(docs []string, doc string) []string {
	for _, d := range docs {
		if d == doc {
			return docs
		}
	}
	return append(append([]string(nil), docs...), doc)
}

func nodeRow(n graph.Node, docs []string) map[string]any {
	names := []string{strings.ToLower(n.Name)}
	for _, x := range n.Aliases {
		names = append(names, strings.ToLower(x))
	}
	var country any
	if n.Country != "" {
		country = n.Country
	}
	return map[string]any{"id": n.ID, "kind": string(n.Kind), "name": n.Name, "aliases": nonNil(n.Aliases),
		"search": strings.Join(n.Aliases, " ; "), "names": names, "country": country,
		"props": propsJSON(n.Props), "docs": docs}
}

// writeEdges writes edges with one statement per relationship type:
// stored ones are found by their key (an index seek) and updated; new ones
// are created between their endpoints.
func (a *applier) writeEdges(edges []storedEdge, stored bool) error {
	rows := make([]map[string]any, len(edges))
	for i, e := range edges {
		rows[i] = edgeRow(e)
	}
	if stored {
		// What a restatement can change; the key and dates, which the
		// indexes hold, stay.
		_, err := a.eachType(rows, `SET r.props = row.p.props, r.confidence = row.p.confidence, r.rule = row.p.rule,
			r.docs = row.p.docs, r.seen = row.p.seen, r.ev = row.p.ev, r.evdoc = row.p.evdoc, r.rv = row.p.rv`)
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	// $(row.type) takes the type from the row: a type of the allowlist,
	// since Facts.Validate rejected every other.
	_, err := a.run(`UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
		CREATE (a)-[r:$(row.type)]->(b) SET r = row.p`, map[string]any{"rows": rows})
	return err
}

// mergeEdge folds this document's statement of an edge into the stored one:
// the highest confidence, props unioned (stored values win), this
// document's evidence replacing what it stated before.
func mergeEdge(doc, issued string, s *storedEdge, e storedEdge) storedEdge {
	s.dropDoc(doc)
	out := *s
	out.Confidence = max(s.Confidence, e.Confidence)
	out.Props = unionProps(s.Props, e.Props)
	if out.Rule == "" {
		out.Rule = e.Rule
	}
	out.Docs = append(out.Docs, doc)
	out.Seen = append(out.Seen, issued)
	out.Ev = append(out.Ev, e.Ev...)
	out.EvDoc = append(out.EvDoc, e.EvDoc...)
	return out
}

func edgeRow(e storedEdge) map[string]any {
	p := map[string]any{"key": e.ID, "props": propsJSON(e.Props), "confidence": e.Confidence, "rule": e.Rule,
		"docs": nonNil(e.Docs), "seen": nonNil(e.Seen), "ev": nonNil(e.Ev), "evdoc": nonNil(e.EvDoc), "rv": readView(e)}
	if e.Date != "" {
		lo, hi := graph.DateBounds(e.Date)
		p["date"], p["year"], p["lo"], p["hi"] = e.Date, int64(graph.YearOf(e.Date)), lo, hi
	}
	return map[string]any{"type": string(e.Type), "key": e.ID, "from": e.From, "to": e.To, "p": p}
}

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

// Apply implements graph.Store.
func (s *Store) Apply(ctx context.Context, f *graph.Facts) (graph.ApplySummary, error) {
	if err := f.Validate(); err != nil {
		return graph.ApplySummary{}, err
	}
	hash := f.Document.Hash
	if hash == "" {
		hash = f.ComputeHash()
	}
	out, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		a := &applier{ctx: ctx, tx: tx, doc: f.Document, hash: hash}
		return a.apply(f)
	})
	if err != nil {
		return graph.ApplySummary{Document: f.Document.ID}, err
	}
	return out.(graph.ApplySummary), nil
}

// ApplyBatch implements graph.Store.
func (s *Store) ApplyBatch(ctx context.Context, fs []*graph.Facts) ([]graph.ApplySummary, error) {
	return graph.ApplyEach(ctx, s, fs)
}

// DeleteDocument implements graph.Store.
func (s *Store) DeleteDocument(ctx context.Context, id string) (graph.ApplySummary, error) {
	out, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		a := &applier{ctx: ctx, tx: tx, doc: graph.Document{ID: id}, sum: graph.ApplySummary{Document: id}, deleting: true}
		old, err := a.oldDocument()
		if err != nil {
			return nil, err
		}
		if old == nil {
			return nil, graph.Errorf(graph.ENOTFOUND, "document %q", id)
		}
		if err := a.withdraw(old, map[string]bool{}, map[string]bool{}); err != nil {
			return nil, err
		}
		_, err = run(ctx, tx, "MATCH (d:Document {id: $id}) DELETE d", map[string]any{"id": id})
		return a.sum, err
	})
	if err != nil {
		return graph.ApplySummary{Document: id}, err
	}
	return out.(graph.ApplySummary), nil
}

// applier carries one Apply transaction.
type applier struct {
	ctx  context.Context
	tx   neo4j.ManagedTransaction
	doc  graph.Document
	hash string
	sum  graph.ApplySummary
	// deleting counts what other documents keep as Kept (DeleteDocument).
	deleting bool
	// noRedirects: oldDocument found no merge redirect in the store.
	noRedirects bool
	// existed holds the document's nodes that were stored before it
	// (upsertNodes): an edge with an end not among them is new.
	existed map[string]*storedNode
}

func (a *applier) run(cypher string, params map[string]any) ([]*neo4j.Record, error) {
	return run(a.ctx, a.tx, cypher, params)
}

func (a *applier) apply(f *graph.Facts) (graph.ApplySummary, error) {
	a.sum.Document = f.Document.ID
	old, err := a.oldDocument()
	if err != nil {
		return a.sum, err
	}
	if old != nil && old.Hash == a.hash {
		a.sum.Unchanged = true
		a.sum.NodesKept, a.sum.EdgesKept = len(old.Nodes), len(old.EKey)
		return a.sum, nil
	}
	nodes, edges, err := a.remap(f)
	if err != nil {
		return a.sum, err
	}
	newIDs := map[string]bool{}
	for _, n := range nodes {
		newIDs[n.ID] = true
	}
	newKeys := map[string]bool{}
	for _, e := range edges {
		newKeys[e.ID] = true
	}
	if old != nil {
		if err := a.withdraw(old, newIDs, newKeys); err != nil {
			return a.sum, err
		}
	}
	if err := a.upsertNodes(nodes); err != nil {
		return a.sum, err
	}
	if err := a.upsertEdges(edges); err != nil {
		return a.sum, err
	}
	return a.sum, a.writeDocument(nodes, edges)
}

// oldDocument reads the stored document of this id, nil if none, and
// whether any merge redirect exists (a count from the label's count
// store, in the same round trip).
func (a *applier) oldDocument() (*storedDoc, error) {
	recs, err := a.run(`OPTIONAL MATCH (d:Document {id: $id})
		RETURN d {.hash, .nodes, .etype, .efrom, .eto, .ekey} AS d, COUNT { (:Redirect) } AS redirects`,
		map[string]any{"id": a.doc.ID})
	if err != nil {
		return nil, err
	}
	n, _ := recs[0].Get("redirects")
	a.noRedirects = n.(int64) == 0
	v, _ := recs[0].Get("d")
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil
	}
	return &storedDoc{ID: a.doc.ID, Hash: str(m, "hash"), Nodes: strs(m["nodes"]),
		EType: strs(m["etype"]), EFrom: strs(m["efrom"]), ETo: strs(m["eto"]), EKey: strs(m["ekey"])}, nil
}

// redirects resolves ids and (kind, name) pairs left by MergeNodes.
func (a *applier) redirects(nodes []graph.Node) (map[string]string, error) {
	out := map[string]string{}
	// Merges are rare: when there is no redirect at all, skip the lookup
	// of every node.
	if a.noRedirects {
		return out, nil
	}
	rows := make([]any, 0, len(nodes))
	for _, n := range nodes {
		rows = append(rows, map[string]any{"id": n.ID, "kind": string(n.Kind), "name": graph.NormalizeName(n.Name)})
	}
	recs, err := a.run(`UNWIND $rows AS row
		OPTIONAL MATCH (r:Redirect {from: row.id})
		OPTIONAL MATCH (q:Redirect {kind: row.kind, name: row.name})
		WITH row, coalesce(r.to, q.to) AS to WHERE to IS NOT NULL
		RETURN row.id AS id, min(to) AS to`, map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, _ := r.Get("id")
		to, _ := r.Get("to")
		out[id.(string)] = to.(string)
	}
	return out, nil
}

// remap applies redirects, merges nodes that now share an id and edges that
// now share a key, and drops edges that became self-loops.
func (a *applier) remap(f *graph.Facts) ([]graph.Node, []storedEdge, error) {
	red, err := a.redirects(f.Nodes)
	if err != nil {
		return nil, nil, err
	}
	to := func(id string) string {
		if t, ok := red[id]; ok {
			return t
		}
		return id
	}
	byID := map[string]*graph.Node{}
	var order []string
	for _, n := range f.Nodes {
		n.ID = to(n.ID)
		if m, ok := byID[n.ID]; ok {
			m.Aliases = append(m.Aliases, n.Name)
			m.Aliases = append(m.Aliases, n.Aliases...)
			continue
		}
		c := n
		c.Aliases = append([]string(nil), n.Aliases...)
		byID[n.ID] = &c
		order = append(order, n.ID)
	}
	sort.Strings(order)
	nodes := make([]graph.Node, 0, len(order))
	for _, id := range order {
		n := byID[id]
		n.Aliases = cleanAliases(n.Name, n.Aliases)
		nodes = append(nodes, *n)
	}
	return nodes, a.mergeEdges(f.Edges, to), nil
}

func (a *applier) mergeEdges(in []graph.Edge, to func(string) string) []storedEdge {
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
		ev.Document = a.doc.ID
		if m, ok := byKey[e.ID]; ok {
			m.Confidence = max(m.Confidence, e.Confidence)
			m.Props = unionProps(m.Props, e.Props)
			m.Ev = append(m.Ev, evidenceJSON(ev))
			m.EvDoc = append(m.EvDoc, a.doc.ID)
			continue
		}
		byKey[e.ID] = &storedEdge{Edge: e, Ev: []string{evidenceJSON(ev)}, EvDoc: []string{a.doc.ID}}
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
	e := edgeFrom(v)
	return &storedEdge{Edge: e, Docs: strs(m["docs"]), Seen: strs(m["seen"]), Ev: strs(m["ev"]), EvDoc: strs(m["evdoc"])}
}

// withdraw removes this document's support from the nodes and edges of old
// that the new facts no longer state, deleting what nothing else supports.
func (a *applier) withdraw(old *storedDoc, keepIDs, keepKeys map[string]bool) error {
	var refs []edgeRef
	for i, k := range old.EKey {
		if !keepKeys[k] {
			refs = append(refs, edgeRef{old.EType[i], old.EFrom[i], old.ETo[i], k})
		}
	}
	edges, err := a.loadEdges(refs)
	if err != nil {
		return err
	}
	var drop []edgeRef
	var update []storedEdge
	for _, ref := range refs {
		e, ok := edges[ref.Key]
		if !ok {
			continue
		}
		e.dropDoc(a.doc.ID)
		if len(e.Docs) == 0 {
			drop = append(drop, ref)
			a.sum.EdgesRemoved++
			continue
		}
		if a.deleting {
			a.sum.EdgesKept++
		}
		update = append(update, *e)
	}
	if _, err := a.eachType(keyRows(drop), "DELETE r"); err != nil {
		return err
	}
	if err := a.writeEdges(update, true); err != nil {
		return err
	}
	return a.withdrawNodes(old, keepIDs)
}

func (a *applier) withdrawNodes(old *storedDoc, keepIDs map[string]bool) error {
	var ids []string
	for _, id := range old.Nodes {
		if !keepIDs[id] {
			ids = append(ids, id)
		}
	}
	nodes, err := a.loadNodes(ids)
	if err != nil {
		return err
	}
	var drop []string
	var update []any
	for _, id := range ids {
		n, ok := nodes[id]
		if !ok {
			continue
		}
		n.Docs = without(n.Docs, a.doc.ID)
		if len(n.Docs) == 0 {
			drop = append(drop, id)
			a.sum.NodesRemoved++
			continue
		}
		if a.deleting {
			a.sum.NodesKept++
		}
		update = append(update, map[string]any{"id": id, "docs": n.Docs})
	}
	if _, err := a.run("UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n", map[string]any{"ids": drop}); err != nil {
		return err
	}
	_, err = a.run("UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n.docs = row.docs", map[string]any{"rows": update})
	return err
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

// upsertNodes merges the document's nodes into the stored ones and writes
// them in one statement.
func (a *applier) upsertNodes(nodes []graph.Node) error {
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.ID
	}
	stored, err := a.loadNodes(ids)
	if err != nil {
		return err
	}
	a.existed = stored
	rows := make([]any, 0, len(nodes))
	for _, n := range nodes {
		s, ok := stored[n.ID]
		if ok && s.Kind != n.Kind {
			return graph.Errorf(graph.ECONFLICT, "node %q is stored as a %s, not a %s", n.ID, s.Kind, n.Kind)
		}
		if ok {
			a.sum.NodesKept++
			n = mergeNode(s, n)
		} else {
			a.sum.NodesAdded++
			s = &storedNode{}
		}
		rows = append(rows, nodeRow(n, addDoc(s.Docs, a.doc.ID)))
	}
	if len(rows) == 0 {
		return nil
	}
	// $(row.kind): a kind of the allowlist, checked by Facts.Validate.
	_, err = a.run(`UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n:$(row.kind), n.kind = row.kind,
		n.name = row.name, n.aliases = row.aliases, n.search = row.search, n.names = row.names,
		n.country = row.country, n.props = row.props, n.docs = row.docs`, map[string]any{"rows": rows})
	return err
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

// upsertEdges merges the document's edges into the stored ones and writes
// them: stored ones updated per edge type, new ones in one statement.
func (a *applier) upsertEdges(edges []storedEdge) error {
	refs := make([]edgeRef, 0, len(edges))
	for _, e := range edges {
		if a.existed[e.From] != nil && a.existed[e.To] != nil { // else it cannot be stored yet
			refs = append(refs, edgeRef{string(e.Type), e.From, e.To, e.ID})
		}
	}
	stored, err := a.loadEdges(refs)
	if err != nil {
		return err
	}
	var added, kept []storedEdge
	for _, e := range edges {
		if s, ok := stored[e.ID]; ok {
			a.sum.EdgesKept++
			kept = append(kept, a.mergeEdge(s, e))
		} else {
			a.sum.EdgesAdded++
			e.Docs, e.Seen = []string{a.doc.ID}, []string{a.doc.Issued}
			added = append(added, e)
		}
	}
	if err := a.writeEdges(kept, true); err != nil {
		return err
	}
	return a.writeEdges(added, false)
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
		_, err := a.eachType(rows, "SET r = row.p")
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
func (a *applier) mergeEdge(s *storedEdge, e storedEdge) storedEdge {
	s.dropDoc(a.doc.ID)
	out := *s
	out.Confidence = max(s.Confidence, e.Confidence)
	out.Props = unionProps(s.Props, e.Props)
	if out.Rule == "" {
		out.Rule = e.Rule
	}
	out.Docs = append(out.Docs, a.doc.ID)
	out.Seen = append(out.Seen, a.doc.Issued)
	out.Ev = append(out.Ev, e.Ev...)
	out.EvDoc = append(out.EvDoc, e.EvDoc...)
	return out
}

func edgeRow(e storedEdge) map[string]any {
	p := map[string]any{"key": e.ID, "props": propsJSON(e.Props), "confidence": e.Confidence, "rule": e.Rule,
		"docs": nonNil(e.Docs), "seen": nonNil(e.Seen), "ev": nonNil(e.Ev), "evdoc": nonNil(e.EvDoc)}
	if e.Date != "" {
		lo, hi := graph.DateBounds(e.Date)
		p["date"], p["year"], p["lo"], p["hi"] = e.Date, int64(graph.YearOf(e.Date)), lo, hi
	}
	return map[string]any{"type": string(e.Type), "key": e.ID, "from": e.From, "to": e.To, "p": p}
}

func (a *applier) writeDocument(nodes []graph.Node, edges []storedEdge) error {
	d := a.doc
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.ID
	}
	var et, ef, eto, ek []string
	for _, e := range edges {
		et, ef, eto, ek = append(et, string(e.Type)), append(ef, e.From), append(eto, e.To), append(ek, e.ID)
	}
	_, err := a.run(`MERGE (d:Document {id: $id}) SET d.title = $title, d.publisher = $publisher,
		d.issued = $issued, d.source = $source, d.format = $format, d.hash = $hash, d.entries = $entries,
		d.nodes = $nodes, d.etype = $etype, d.efrom = $efrom, d.eto = $eto, d.ekey = $ekey`,
		map[string]any{"id": d.ID, "title": d.Title, "publisher": d.Publisher, "issued": d.Issued,
			"source": d.Source, "format": d.Format, "hash": a.hash, "entries": entriesJSON(d.Entries),
			"nodes": ids, "etype": nonNil(et), "efrom": nonNil(ef), "eto": nonNil(eto), "ekey": nonNil(ek)})
	return err
}

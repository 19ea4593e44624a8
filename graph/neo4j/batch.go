package neo4j

import (
	"context"
	"maps"
	"slices"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/sdkg/sdkg/graph"
)

// A batch carries the writes of one transaction (Apply, ApplyBatch,
// DeleteDocument) in three phases, so that the number of statements does
// not grow with the number of documents:
//
//  1. read: the stored documents of the batch, the redirects its nodes
//     need, the stored nodes and edges its documents touch, each in one
//     statement (edges: one per relationship type);
//  2. plan: each document in turn against that state held in memory,
//     exactly as lone Applies would see it (later documents see what
//     earlier ones did);
//  3. flush: the final state of whatever changed, one statement per kind
//     of change (deletes, node upserts, edge updates per type, edge
//     creates, documents).
//
// A document that conflicts is found in phase 2, before anything is
// written: the flush then writes only the documents before it.
type batch struct {
	applier
	nodes map[string]*nodeState
	edges map[string]*edgeState
	docs  map[string]*docState
	// red maps redirected ids of the batch's nodes to their keepers.
	red map[string]string
}

// nodeState is a node as the batch sees it: stored before the batch
// (before), present after what is planned so far (now), and whether the
// planned writes changed it.
type nodeState struct {
	storedNode
	before, now, dirty bool
	// stored is the node as read, for writing only what changed.
	stored graph.Node
}

// docsOnly tells whether only the node's documents differ from what is
// stored (most nodes a new document restates): then only they are written,
// which spares the node's index entries (the full-text one above all).
func (n *nodeState) docsOnly() bool {
	a, b := n.Node, n.stored
	return n.before && a.Kind == b.Kind && a.Name == b.Name && a.Country == b.Country &&
		slices.Equal(a.Aliases, b.Aliases) && maps.Equal(a.Props, b.Props)
}

type edgeState struct {
	storedEdge
	before, now, dirty bool
}

type docState struct {
	storedDoc
	doc            graph.Document
	before, now    bool
	dirty, deleted bool
}

// planned is one document of a batch after redirects: its nodes and edges
// as they will be merged.
type planned struct {
	f     *graph.Facts
	hash  string
	nodes []graph.Node
	edges []storedEdge
}

func newBatch(ctx context.Context, tx neo4j.ManagedTransaction) *batch {
	return &batch{applier: applier{ctx: ctx, tx: tx}, nodes: map[string]*nodeState{},
		edges: map[string]*edgeState{}, docs: map[string]*docState{}, red: map[string]string{}}
}

// applyAll plans fs in turn and flushes what the documents before the first
// conflict changed. It returns their summaries and the conflict (nil when
// every document applied); err is a failure of the database.
func (b *batch) applyAll(fs []*graph.Facts) (sums []graph.ApplySummary, at int, conflict, err error) {
	ids := make([]string, len(fs))
	times := map[string]int{} // how often each document is in the batch
	for i, f := range fs {
		ids[i] = f.Document.ID
		times[ids[i]]++
	}
	redirects, err := b.loadDocuments(ids)
	if err != nil {
		return nil, 0, nil, err
	}
	if redirects {
		if err := b.loadRedirects(fs); err != nil {
			return nil, 0, nil, err
		}
	}
	plans := make([]planned, len(fs))
	var replaced []*docState
	for i, f := range fs {
		hash := f.Document.Hash
		if hash == "" {
			hash = f.ComputeHash()
		}
		plans[i] = planned{f: f, hash: hash}
		// A document stored with these very facts, given once, changes
		// nothing: neither it nor what it stated need reading (a reload
		// of a whole corpus costs one statement per batch).
		if d := b.docs[f.Document.ID]; d.now && d.Hash == hash && times[f.Document.ID] == 1 {
			continue
		}
		plans[i].nodes, plans[i].edges = b.remap(f)
		if d := b.docs[f.Document.ID]; d.now {
			replaced = append(replaced, d)
		}
	}
	if err := b.loadTouched(plans, replaced); err != nil {
		return nil, 0, nil, err
	}
	for i := range plans {
		sum, conflict := b.plan(&plans[i])
		if conflict != nil {
			return sums, i, conflict, b.flush()
		}
		sums = append(sums, sum)
	}
	return sums, len(fs), nil, b.flush()
}

// loadDocuments reads the stored documents of ids into the batch and tells
// whether any merge redirect exists (from the label's count store).
func (b *batch) loadDocuments(ids []string) (bool, error) {
	recs, err := b.run(`UNWIND $ids AS id OPTIONAL MATCH (d:Document {id: id})
		RETURN id, d {.hash, .nodes, .etype, .efrom, .eto, .ekey} AS d, COUNT { (:Redirect) } AS redirects`,
		map[string]any{"ids": dedupe(append([]string(nil), ids...))})
	if err != nil {
		return false, err
	}
	redirects := false
	for _, r := range recs {
		n, _ := r.Get("redirects")
		redirects = redirects || n.(int64) > 0
		idv, _ := r.Get("id")
		id := idv.(string)
		v, _ := r.Get("d")
		m, ok := v.(map[string]any)
		if !ok {
			b.docs[id] = &docState{storedDoc: storedDoc{ID: id}}
			continue
		}
		b.docs[id] = &docState{before: true, now: true, storedDoc: storedDoc{ID: id, Hash: str(m, "hash"),
			Nodes: strs(m["nodes"]), EType: strs(m["etype"]), EFrom: strs(m["efrom"]), ETo: strs(m["eto"]), EKey: strs(m["ekey"])}}
	}
	return redirects, nil
}

// loadRedirects resolves the ids and (kind, name) pairs left by MergeNodes
// for every node of fs.
func (b *batch) loadRedirects(fs []*graph.Facts) error {
	var rows []any
	for _, f := range fs {
		for _, n := range f.Nodes {
			rows = append(rows, map[string]any{"id": n.ID, "kind": string(n.Kind), "name": graph.NormalizeName(n.Name)})
		}
	}
	recs, err := b.run(`UNWIND $rows AS row
		OPTIONAL MATCH (r:Redirect {from: row.id})
		OPTIONAL MATCH (q:Redirect {kind: row.kind, name: row.name})
		WITH row, coalesce(r.to, q.to) AS to WHERE to IS NOT NULL
		RETURN row.id AS id, min(to) AS to`, map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	for _, r := range recs {
		id, _ := r.Get("id")
		to, _ := r.Get("to")
		b.red[id.(string)] = to.(string)
	}
	return nil
}

// loadTouched reads the stored nodes and edges that the plans or the
// stored documents olds (those the batch replaces or deletes) name. An
// edge with an end that is not stored cannot be stored: it is not looked
// up.
func (b *batch) loadTouched(plans []planned, olds []*docState) error {
	var ids []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, p := range plans {
		for _, n := range p.nodes {
			add(n.ID)
		}
	}
	for _, d := range olds {
		for _, id := range d.Nodes {
			add(id)
		}
	}
	stored, err := b.loadNodes(ids)
	if err != nil {
		return err
	}
	for id, n := range stored {
		b.nodes[id] = &nodeState{storedNode: *n, before: true, now: true, stored: n.Node}
	}
	var refs []edgeRef
	seenKey := map[string]bool{}
	ref := func(r edgeRef) {
		if !seenKey[r.Key] && stored[r.From] != nil && stored[r.To] != nil {
			seenKey[r.Key] = true
			refs = append(refs, r)
		}
	}
	for _, p := range plans {
		for _, e := range p.edges {
			ref(edgeRef{string(e.Type), e.From, e.To, e.ID})
		}
	}
	for _, d := range olds {
		for i, k := range d.EKey {
			ref(edgeRef{d.EType[i], d.EFrom[i], d.ETo[i], k})
		}
	}
	edges, err := b.loadEdges(refs)
	if err != nil {
		return err
	}
	for k, e := range edges {
		b.edges[k] = &edgeState{storedEdge: *e, before: true, now: true}
	}
	return nil
}

// remap applies the batch's redirects to f, merges nodes that now share an
// id and edges that now share a key, and drops edges that became
// self-loops.
func (b *batch) remap(f *graph.Facts) ([]graph.Node, []storedEdge) {
	to := func(id string) string {
		if t, ok := b.red[id]; ok {
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
	return nodes, mergeEdges(f.Document.ID, f.Edges, to)
}

// plan applies one document to the batch's state. A conflict (a node
// stated with another kind than stored) is returned before the state
// changes.
func (b *batch) plan(p *planned) (graph.ApplySummary, error) {
	id := p.f.Document.ID
	sum := graph.ApplySummary{Document: id}
	old := b.docs[id]
	if old.now && old.Hash == p.hash {
		sum.Unchanged = true
		sum.NodesKept, sum.EdgesKept = len(old.Nodes), len(old.EKey)
		return sum, nil
	}
	for _, n := range p.nodes {
		if s := b.nodes[n.ID]; s != nil && s.now && s.Kind != n.Kind {
			return sum, graph.Errorf(graph.ECONFLICT, "node %q is stored as a %s, not a %s", n.ID, s.Kind, n.Kind)
		}
	}
	keepIDs := make(map[string]bool, len(p.nodes))
	for _, n := range p.nodes {
		keepIDs[n.ID] = true
	}
	keepKeys := make(map[string]bool, len(p.edges))
	for _, e := range p.edges {
		keepKeys[e.ID] = true
	}
	if old.now {
		b.withdraw(old, keepIDs, keepKeys, &sum, false)
	}
	b.upsertNodes(id, p.nodes, &sum)
	b.upsertEdges(p.f.Document, p.edges, &sum)
	b.putDocument(p, old)
	return sum, nil
}

// deleteDocument plans the removal of a stored document.
func (b *batch) deleteDocument(id string) (graph.ApplySummary, error) {
	sum := graph.ApplySummary{Document: id}
	if _, err := b.loadDocuments([]string{id}); err != nil {
		return sum, err
	}
	old := b.docs[id]
	if !old.now {
		return sum, graph.Errorf(graph.ENOTFOUND, "document %q", id)
	}
	if err := b.loadTouched(nil, []*docState{old}); err != nil {
		return sum, err
	}
	b.withdraw(old, nil, nil, &sum, true)
	old.now, old.deleted = false, true
	return sum, b.flush()
}

// withdraw removes document old's support from its nodes and edges that
// keepIDs and keepKeys do not name, removing what nothing else supports.
// deleting counts what stays as kept (DeleteDocument's summary).
func (b *batch) withdraw(old *docState, keepIDs, keepKeys map[string]bool, sum *graph.ApplySummary, deleting bool) {
	for _, k := range old.EKey {
		e := b.edges[k]
		if keepKeys[k] || e == nil || !e.now {
			continue
		}
		e.dropDoc(old.ID)
		e.dirty = true
		if len(e.Docs) == 0 {
			e.now = false
			sum.EdgesRemoved++
		} else if deleting {
			sum.EdgesKept++
		}
	}
	for _, id := range old.Nodes {
		n := b.nodes[id]
		if keepIDs[id] || n == nil || !n.now {
			continue
		}
		n.Docs = without(n.Docs, old.ID)
		n.dirty = true
		if len(n.Docs) == 0 {
			n.now = false
			sum.NodesRemoved++
		} else if deleting {
			sum.NodesKept++
		}
	}
}

// upsertNodes merges a document's nodes into the batch's state.
func (b *batch) upsertNodes(doc string, nodes []graph.Node, sum *graph.ApplySummary) {
	for _, n := range nodes {
		s := b.nodes[n.ID]
		if s != nil && s.now {
			sum.NodesKept++
			s.Node = mergeNode(&s.storedNode, n)
			s.Docs = addDoc(s.Docs, doc)
			s.dirty = true
			continue
		}
		sum.NodesAdded++
		if s == nil {
			s = &nodeState{}
			b.nodes[n.ID] = s
		}
		s.storedNode = storedNode{Node: n, Docs: []string{doc}}
		s.now, s.dirty = true, true
	}
}

// upsertEdges merges a document's edges into the batch's state.
func (b *batch) upsertEdges(doc graph.Document, edges []storedEdge, sum *graph.ApplySummary) {
	for _, e := range edges {
		s := b.edges[e.ID]
		if s != nil && s.now {
			sum.EdgesKept++
			s.storedEdge = mergeEdge(doc.ID, doc.Issued, &s.storedEdge, e)
			s.dirty = true
			continue
		}
		sum.EdgesAdded++
		if s == nil {
			s = &edgeState{}
			b.edges[e.ID] = s
		}
		e.Docs, e.Seen = []string{doc.ID}, []string{doc.Issued}
		s.storedEdge = e
		s.now, s.dirty = true, true
	}
}

// putDocument records the document as the batch will store it.
func (b *batch) putDocument(p *planned, d *docState) {
	d.doc, d.Hash = p.f.Document, p.hash
	d.Nodes = make([]string, len(p.nodes))
	for i, n := range p.nodes {
		d.Nodes[i] = n.ID
	}
	d.EType, d.EFrom, d.ETo, d.EKey = nil, nil, nil, nil
	for _, e := range p.edges {
		d.EType, d.EFrom = append(d.EType, string(e.Type)), append(d.EFrom, e.From)
		d.ETo, d.EKey = append(d.ETo, e.To), append(d.EKey, e.ID)
	}
	d.now, d.dirty, d.deleted = true, true, false
}

// flush writes the batch's changes, one statement per kind of change.
func (b *batch) flush() error {
	var dropEdges []edgeRef
	var updEdges, newEdges []storedEdge
	for _, e := range sortedStates(b.edges) {
		switch {
		case e.before && !e.now:
			dropEdges = append(dropEdges, edgeRef{string(e.Type), e.From, e.To, e.ID})
		case !e.dirty || !e.now:
		case e.before:
			updEdges = append(updEdges, e.storedEdge)
		default:
			newEdges = append(newEdges, e.storedEdge)
		}
	}
	var dropNodes []string
	var upsert, docsOnly []any
	for _, n := range sortedStates(b.nodes) {
		switch {
		case n.before && !n.now:
			dropNodes = append(dropNodes, n.ID)
		case !n.dirty || !n.now:
		case n.docsOnly():
			docsOnly = append(docsOnly, map[string]any{"id": n.ID, "docs": n.Docs})
		default:
			upsert = append(upsert, nodeRow(n.Node, n.Docs))
		}
	}
	if _, err := b.eachType(keyRows(dropEdges), "DELETE r"); err != nil {
		return err
	}
	if len(dropNodes) > 0 {
		if _, err := b.run("UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n", map[string]any{"ids": dropNodes}); err != nil {
			return err
		}
	}
	if err := b.writeNodes(upsert); err != nil {
		return err
	}
	if len(docsOnly) > 0 {
		if _, err := b.run("UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n.docs = row.docs", map[string]any{"rows": docsOnly}); err != nil {
			return err
		}
	}
	if err := b.writeEdges(updEdges, true); err != nil {
		return err
	}
	if err := b.writeEdges(newEdges, false); err != nil {
		return err
	}
	return b.writeDocuments()
}

// sortedStates returns the values of m ordered by key, so that a batch
// writes in the same order every time.
func sortedStates[T any](m map[string]*T) []*T {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*T, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// writeNodes merges node rows (nodeRow) in one statement.
func (b *batch) writeNodes(rows []any) error {
	if len(rows) == 0 {
		return nil
	}
	// $(row.kind): a kind of the allowlist, checked by Facts.Validate.
	_, err := b.run(`UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n:$(row.kind), n.kind = row.kind,
		n.name = row.name, n.aliases = row.aliases, n.search = row.search, n.names = row.names,
		n.country = row.country, n.props = row.props, n.docs = row.docs`, map[string]any{"rows": rows})
	return err
}

// writeDocuments stores the documents the batch wrote and deletes those it
// deleted.
func (b *batch) writeDocuments() error {
	var rows []any
	var gone []string
	for _, d := range sortedStates(b.docs) {
		switch {
		case d.deleted && d.before:
			gone = append(gone, d.ID)
		case d.dirty && d.now:
			rows = append(rows, documentRow(d))
		}
	}
	if len(gone) > 0 {
		if _, err := b.run("UNWIND $ids AS id MATCH (d:Document {id: id}) DELETE d", map[string]any{"ids": gone}); err != nil {
			return err
		}
	}
	if len(rows) == 0 {
		return nil
	}
	_, err := b.run(`UNWIND $rows AS row MERGE (d:Document {id: row.id}) SET d.title = row.title,
		d.publisher = row.publisher, d.issued = row.issued, d.source = row.source, d.format = row.format,
		d.hash = row.hash, d.entries = row.entries, d.nodes = row.nodes, d.etype = row.etype,
		d.efrom = row.efrom, d.eto = row.eto, d.ekey = row.ekey`, map[string]any{"rows": rows})
	return err
}

func documentRow(d *docState) map[string]any {
	return map[string]any{"id": d.ID, "title": d.doc.Title, "publisher": d.doc.Publisher, "issued": d.doc.Issued,
		"source": d.doc.Source, "format": d.doc.Format, "hash": d.Hash, "entries": entriesJSON(d.doc.Entries),
		"nodes": nonNil(d.Nodes), "etype": nonNil(d.EType), "efrom": nonNil(d.EFrom), "eto": nonNil(d.ETo),
		"ekey": nonNil(d.EKey)}
}

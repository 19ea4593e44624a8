package embedded

import (
	"github.com/sdkg/sdkg/graph"
)

// applyPlan is the whole change of one Apply, computed from the state
// without touching it, so that nothing is mutated before the log record is
// durable and so that the mutation cannot fail.
type applyPlan struct {
	doc      graph.Document
	canon    []byte               // canonical(f), the tail of the log record
	nodes    map[string]*planNode // resolved id → incoming attributes
	edges    map[string]*planEdge // key → edge with resolved endpoints
	oldNodes []string             // nodes the document supported and no longer states
	oldEdges []string
	sum      graph.ApplySummary
}

type planNode struct {
	n   graph.Node
	rec *nodeRec // the stored node of that id, nil when new
}

type planEdge struct {
	e   graph.Edge
	c   contrib
	rec *edgeRec // the stored edge of that key, nil when new
}

// planApply validates f against the state and computes its change. The
// returned plan is nil when the document is stored with the same hash.
func (s *state) planApply(f *graph.Facts) (*applyPlan, graph.ApplySummary, error) {
	if err := f.Validate(); err != nil {
		return nil, graph.ApplySummary{}, err
	}
	doc := f.Document
	canon := canonical(f)
	if doc.Hash == "" {
		doc.Hash = factsHash(doc, canon)
	}
	old := s.docs[doc.ID]
	if old != nil && old.d.Hash == doc.Hash {
		return nil, graph.ApplySummary{Document: doc.ID, Unchanged: true, NodesKept: len(old.nodes), EdgesKept: len(old.edges)}, nil
	}
	p := &applyPlan{doc: doc, canon: canon, nodes: make(map[string]*planNode, len(f.Nodes)), edges: make(map[string]*planEdge, len(f.Edges))}
	ids, err := p.resolveNodes(s, f.Nodes)
	if err != nil {
		return nil, graph.ApplySummary{}, err
	}
	p.planEdges(s, f.Edges, ids)
	p.diff(s, old)
	return p, p.sum, nil
}

// resolveNodes maps each incoming node to its stored id (through merge
// redirects by id, then by kind and name) and groups incoming attributes by
// resolved id. ECONFLICT when a stored node of that id has another kind.
func (p *applyPlan) resolveNodes(s *state, nodes []graph.Node) (map[string]string, error) {
	ids := map[string]string{}
	all := make([]planNode, len(nodes)) // one allocation for the plan's nodes
	for i := range nodes {
		n := &nodes[i]
		id := s.resolve(n.ID)
		cur := s.nodes[id]
		if cur == nil && len(s.names) > 0 {
			if k, ok := s.names[nameRedirectKey(n.Kind, n.Name)]; ok && s.nodes[k] != nil {
				id, cur = k, s.nodes[k]
			}
		}
		if cur != nil && cur.n.Kind != n.Kind {
			return nil, graph.Errorf(graph.ECONFLICT, "node %q: stored as %s, document %q states %s", n.ID, cur.n.Kind, p.doc.ID, n.Kind)
		}
		if id != n.ID {
			ids[n.ID] = id
		}
		if prev := p.nodes[id]; prev != nil {
			prev.n, _ = mergeNodeAttrs(prev.n, n)
			continue
		}
		c := *n
		c.ID, c.Degree = id, 0
		c.Aliases = append([]string(nil), n.Aliases...) // the store keeps no caller memory
		c.Props = copyProps(n.Props)
		all[i] = planNode{n: c, rec: cur}
		p.nodes[id] = &all[i]
	}
	return ids, nil
}

func nameRedirectKey(k graph.Kind, name string) string {
	return string(k) + "|" + graph.NormalizeName(name)
}

// planEdges maps edges onto resolved ids, drops those that became loops,
// and merges duplicates.
func (p *applyPlan) planEdges(s *state, edges []graph.Edge, ids map[string]string) {
	all := make([]planEdge, len(edges)) // one allocation for the plan's edges
	for i := range edges {
		in := &edges[i]
		e := graph.Edge{Type: in.Type, From: resolved(ids, in.From), To: resolved(ids, in.To), Date: in.Date}
		if e.From == e.To {
			continue
		}
		e.Normalize()
		c := contrib{doc: p.doc.ID, conf: in.Confidence, rule: in.Rule, props: copyProps(in.Props)}
		if in.Evidence != nil {
			ev := *in.Evidence
			ev.Document = p.doc.ID
			c.ev = []graph.Evidence{ev}
		}
		if prev := p.edges[e.ID]; prev != nil {
			prev.c = mergeContrib(prev.c, c)
			continue
		}
		all[i] = planEdge{e: e, c: c, rec: s.edges[e.ID]}
		p.edges[e.ID] = &all[i]
	}
}

func copyProps(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func resolved(ids map[string]string, id string) string {
	if r, ok := ids[id]; ok {
		return r
	}
	return id
}

// diff finds what the stored document supported and no longer states, and
// fills the summary.
func (p *applyPlan) diff(s *state, old *docRec) {
	sum := &p.sum
	sum.Document = p.doc.ID
	for _, pn := range p.nodes {
		if pn.rec != nil {
			sum.NodesKept++
		} else {
			sum.NodesAdded++
		}
	}
	for _, pe := range p.edges {
		if pe.rec != nil {
			sum.EdgesKept++
		} else {
			sum.EdgesAdded++
		}
	}
	if old == nil {
		return
	}
	for _, k := range old.edges {
		if p.edges[k] == nil {
			p.oldEdges = append(p.oldEdges, k)
			if len(s.edges[k].sup) == 1 {
				sum.EdgesRemoved++
			}
		}
	}
	for _, id := range old.nodes {
		if p.nodes[id] == nil {
			p.oldNodes = append(p.oldNodes, id)
			if len(s.nodes[id].docs) == 1 {
				sum.NodesRemoved++
			}
		}
	}
}

// commitApply mutates the state as planned. It cannot fail.
func (s *state) commitApply(p *applyPlan) {
	doc := p.doc.ID
	d := s.docs[doc]
	if d == nil {
		d = &docRec{}
		s.docs[doc] = d
	}
	d.d = p.doc
	for _, k := range p.oldEdges {
		s.dropEdgeSupport(k, doc)
	}
	for _, id := range p.oldNodes {
		s.dropNodeSupport(id, d)
	}
	d.nodes = make(idList, 0, len(p.nodes))
	for id, pn := range p.nodes {
		s.upsertNode(pn, d)
		d.nodes = append(d.nodes, id)
	}
	d.edges = make(idList, 0, len(p.edges))
	for k, pe := range p.edges {
		s.upsertEdge(pe, doc)
		d.edges = append(d.edges, k)
	}
}

func (s *state) upsertNode(pn *planNode, d *docRec) {
	r := pn.rec
	if r == nil {
		r = &nodeRec{n: pn.n, docs: map[*docRec]struct{}{}}
		s.indexNode(r)
	} else if m, changed := mergeNodeAttrs(r.n, &pn.n); changed {
		s.setNode(r, m)
	}
	r.docs[d] = struct{}{}
}

func (s *state) upsertEdge(pe *planEdge, doc string) {
	r := pe.rec
	fresh := r == nil
	if fresh {
		r = &edgeRec{e: pe.e}
	}
	s.setContrib(r, pe.c)
	s.refresh(r)
	if fresh {
		s.linkEdge(r)
		s.evidence -= len(pe.c.ev) // linkEdge counted it again
	}
}

// dropEdgeSupport removes doc's support of edge k, and the edge when
// nothing else supports it.
func (s *state) dropEdgeSupport(k, doc string) {
	r := s.edges[k]
	if r == nil {
		return
	}
	if s.dropContrib(r, doc) {
		s.refresh(r)
		return
	}
	s.unlinkEdge(r)
}

// dropNodeSupport removes doc's support of node id, and the node when no
// document supports it and no edge touches it.
func (s *state) dropNodeSupport(id string, d *docRec) {
	r := s.nodes[id]
	if r == nil {
		return
	}
	delete(r.docs, d)
	if len(r.docs) == 0 && r.deg == 0 {
		s.unindexNode(r)
	}
}

// planDelete computes the summary of deleting a document.
func (s *state) planDelete(id string) (graph.ApplySummary, error) {
	d := s.docs[id]
	if d == nil {
		return graph.ApplySummary{}, graph.Errorf(graph.ENOTFOUND, "document %q", id)
	}
	sum := graph.ApplySummary{Document: id}
	for _, k := range d.edges {
		if len(s.edges[k].sup) == 1 {
			sum.EdgesRemoved++
		} else {
			sum.EdgesKept++
		}
	}
	for _, n := range d.nodes {
		if len(s.nodes[n].docs) == 1 {
			sum.NodesRemoved++
		} else {
			sum.NodesKept++
		}
	}
	return sum, nil
}

func (s *state) commitDelete(id string) {
	d := s.docs[id]
	for _, k := range d.edges {
		s.dropEdgeSupport(k, id)
	}
	for _, n := range d.nodes {
		s.dropNodeSupport(n, d)
	}
	delete(s.docs, id)
}

// checkMerge validates MergeNodes arguments against the state.
func (s *state) checkMerge(keep, drop string) error {
	if keep == "" || drop == "" {
		return graph.Errorf(graph.EINVALID, "merge: empty node id")
	}
	if keep == drop {
		return graph.Errorf(graph.EINVALID, "merge: cannot merge node %q into itself", keep)
	}
	k, d := s.nodes[keep], s.nodes[drop]
	switch {
	case k == nil:
		return graph.Errorf(graph.ENOTFOUND, "merge: no node %q", keep)
	case d == nil:
		return graph.Errorf(graph.ENOTFOUND, "merge: no node %q", drop)
	case k.n.Kind != d.n.Kind:
		return graph.Errorf(graph.EINVALID, "merge: %q is %s but %q is %s", keep, k.n.Kind, drop, d.n.Kind)
	}
	return nil
}

// commitMerge folds drop into keep (checked by checkMerge).
func (s *state) commitMerge(keep, drop string) {
	k, d := s.nodes[keep], s.nodes[drop]
	var moving []*edgeRec
	for _, hs := range d.adj {
		for _, h := range hs {
			moving = append(moving, h.e)
		}
	}
	for _, r := range moving {
		s.moveEdge(r, keep, drop)
	}
	for dr := range d.docs {
		k.docs[dr] = struct{}{}
		dr.nodes.remove(drop)
		dr.nodes.addUnique(keep)
	}
	merged, _ := mergeNodeAttrs(k.n, &d.n)
	s.unindexNode(d)
	s.setNode(k, merged)
	for from, to := range s.redirect {
		if to == drop {
			s.redirect[from] = keep
		}
	}
	s.redirect[drop] = keep
	for _, name := range append([]string{d.n.Name}, d.n.Aliases...) {
		s.names[nameRedirectKey(d.n.Kind, name)] = keep
	}
}

// moveEdge re-points edge r from drop to keep: a loop is removed, an edge
// that becomes identical to a stored one merges into it.
func (s *state) moveEdge(r *edgeRec, keep, drop string) {
	s.unlinkEdge(r)
	oldKey := r.e.ID
	e := graph.Edge{Type: r.e.Type, From: r.e.From, To: r.e.To, Date: r.e.Date}
	if e.From == drop {
		e.From = keep
	}
	if e.To == drop {
		e.To = keep
	}
	for _, c := range r.sup {
		s.docs[c.doc].edges.remove(oldKey)
	}
	if e.From == e.To {
		return
	}
	e.Normalize()
	target := s.edges[e.ID]
	if target == nil {
		r.e = e
		s.refresh(r)
		s.linkEdge(r)
	} else {
		for _, c := range r.sup {
			for _, x := range target.sup {
				if x.doc == c.doc {
					c = mergeContrib(x, c)
				}
			}
			s.setContrib(target, c)
		}
		s.refresh(target)
	}
	for _, c := range r.sup {
		s.docs[c.doc].edges.addUnique(e.ID)
	}
}

// checkAlias validates AddAlias and reports whether the alias is new.
func (s *state) checkAlias(id, alias string) (bool, error) {
	if alias == "" || graph.NormalizeName(alias) == "" {
		return false, graph.Errorf(graph.EINVALID, "alias %q of node %q: empty", alias, id)
	}
	r := s.nodes[id]
	if r == nil {
		return false, graph.Errorf(graph.ENOTFOUND, "node %q", id)
	}
	return alias != r.n.Name && !contains(r.n.Aliases, alias), nil
}

func (s *state) commitAlias(id, alias string) {
	r := s.nodes[id]
	n := r.n
	n.Aliases = append(append([]string(nil), n.Aliases...), alias)
	s.setNode(r, n)
}

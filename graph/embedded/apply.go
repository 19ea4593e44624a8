package embedded

import (
	"slices"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// applyPlan is the whole change of one Apply, computed from the state
// without touching it, so that nothing is mutated before the log record is
// durable and so that the mutation cannot fail. Its slices belong to the
// state's scratch: a plan is committed or dropped before the next starts.
type applyPlan struct {
	doc      graph.Document
	canon    []byte     // canonical(f), the tail of the log record
	nodes    []planNode // by resolved id, one per id
	edges    []planEdge // by key, one per key
	oldNodes []string   // nodes the document supported and no longer states
	oldEdges []string
	sum      graph.ApplySummary
}

type planNode struct {
	n   graph.Node
	rec *nodeRec // the stored node of that id; nil when new, until commit
	ord int32    // position of the (first) input node in scratch.nodes
}

type planEdge struct {
	e        graph.Edge
	c        contrib
	rec      *edgeRec  // the stored edge of that key, nil when new
	from, to *planNode // the endpoints, in the plan's nodes
	in       int32     // index of the (first) input edge
}

// scratch holds the writer's reusable buffers. Plans are made one at a
// time (under Store.wmu, or while loading), so one set serves them all.
type scratch struct {
	canon  []byte
	nodes  []nodeOrd  // the input nodes by id
	edges  []edgeOrd  // the input edges by normalised key, then input order
	pidx   []int32    // position in nodes → index of its plan node
	recs   []*nodeRec // position in nodes → the stored node of its id
	pnodes []planNode
	pedges []planEdge
}

// scratchKeep bounds the buffers kept between plans: a rare huge document
// should not pin its plan's memory for the life of the store.
const (
	scratchKeepBytes = 4 << 20
	scratchKeepItems = 1 << 14
)

// trim drops buffers grown past scratchKeep*.
func (sc *scratch) trim() {
	if cap(sc.canon) > scratchKeepBytes {
		sc.canon = nil
	}
	if cap(sc.nodes) > scratchKeepItems || cap(sc.pnodes) > scratchKeepItems {
		sc.nodes, sc.pnodes, sc.pidx, sc.recs = nil, nil, nil, nil
	}
	if cap(sc.edges) > scratchKeepItems || cap(sc.pedges) > scratchKeepItems {
		sc.edges, sc.pedges = nil, nil
	}
}

// nodeOrd and edgeOrd place an input node or edge in canonical order;
// edgeOrd carries the normalised endpoints and key.
type nodeOrd struct {
	id string
	i  int32
}

type edgeOrd struct {
	key, from, to string
	i             int32
}

// order sorts f's nodes by id (unique, as validated) and its edges by
// normalised key, equal keys in input order. The keys are cut from one
// string built for the document (graph.Edge.Key's format): one allocation
// instead of one per edge, shared by the edges stored from it.
func (sc *scratch) order(f *graph.Facts) {
	sc.nodes = sc.nodes[:0]
	for i := range f.Nodes {
		sc.nodes = append(sc.nodes, nodeOrd{f.Nodes[i].ID, int32(i)})
	}
	slices.SortFunc(sc.nodes, func(a, b nodeOrd) int { return strings.Compare(a.id, b.id) })
	sc.edges = sc.edges[:0]
	size := 0
	for i := range f.Edges {
		x := &f.Edges[i]
		from, to := x.From, x.To
		if x.Type.Symmetric() && from > to {
			from, to = to, from
		}
		sc.edges = append(sc.edges, edgeOrd{from: from, to: to, i: int32(i)})
		size += len(x.Type) + len(from) + len(to) + len(x.Date) + 3
	}
	var b strings.Builder
	b.Grow(size)
	for _, o := range sc.edges {
		x := &f.Edges[o.i]
		for _, part := range [...]string{string(x.Type), "|", o.from, "|", o.to, "|", x.Date} {
			b.WriteString(part)
		}
	}
	keys, at := b.String(), 0
	for j := range sc.edges {
		o := &sc.edges[j]
		n := len(f.Edges[o.i].Type) + len(o.from) + len(o.to) + len(f.Edges[o.i].Date) + 3
		o.key, at = keys[at:at+n], at+n
	}
	slices.SortFunc(sc.edges, func(a, b edgeOrd) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return int(a.i - b.i)
	})
}

// find returns the position in sc.nodes of the input node id (present, as
// validated).
func (sc *scratch) find(id string) int {
	i, _ := slices.BinarySearchFunc(sc.nodes, id, func(o nodeOrd, id string) int { return strings.Compare(o.id, id) })
	return i
}

// planApply validates f against the state and computes its change. The
// returned plan is nil when the document is stored with the same hash.
func (s *state) planApply(f *graph.Facts) (*applyPlan, graph.ApplySummary, error) {
	if err := f.Validate(); err != nil {
		return nil, graph.ApplySummary{}, err
	}
	return s.planValidated(f)
}

// planValidated is planApply of facts already validated.
func (s *state) planValidated(f *graph.Facts) (*applyPlan, graph.ApplySummary, error) {
	sc := &s.scratch
	sc.order(f)
	sc.canon = canonical(sc.canon[:0], f, sc.nodes, sc.edges)
	doc := f.Document
	if doc.Hash == "" {
		doc.Hash = factsHash(doc, sc.canon)
	}
	old := s.docs[doc.ID]
	if old != nil && old.d.Hash == doc.Hash {
		return nil, graph.ApplySummary{Document: doc.ID, Unchanged: true, NodesKept: len(old.nodes), EdgesKept: len(old.edges)}, nil
	}
	p := &applyPlan{doc: doc, canon: sc.canon}
	if err := p.resolveNodes(s, f.Nodes, sc); err != nil {
		return nil, graph.ApplySummary{}, err
	}
	p.planEdges(s, f.Edges, sc)
	p.diff(s, old)
	return p, p.sum, nil
}

// resolveNodes maps each incoming node to its stored id (through merge
// redirects by id, then by kind and name) and folds incoming attributes of
// nodes that resolve to the same id, in input order. ECONFLICT when a
// stored node of that id has another kind.
func (p *applyPlan) resolveNodes(s *state, nodes []graph.Node, sc *scratch) error {
	// Look the ids up in a loop of their own, whose iterations do not wait
	// for each other, so that their cache misses overlap.
	recs := sc.recs[:0]
	for _, o := range sc.nodes {
		recs = append(recs, s.nodes[s.resolve(nodes[o.i].ID)])
	}
	sc.recs = recs
	pn := sc.pnodes[:0]
	redirected := false
	for j, o := range sc.nodes {
		n := &nodes[o.i]
		id := s.resolve(n.ID)
		cur := recs[j]
		if cur == nil && len(s.names) > 0 {
			if k, ok := s.names[nameRedirectKey(n.Kind, n.Name)]; ok && s.nodes[k] != nil {
				id, cur = k, s.nodes[k]
			}
		}
		if cur != nil && cur.n.Kind != n.Kind {
			return graph.Errorf(graph.ECONFLICT, "node %q: stored as %s, document %q states %s", n.ID, cur.n.Kind, p.doc.ID, n.Kind)
		}
		redirected = redirected || id != n.ID
		c := *n
		c.ID, c.Degree = id, 0
		if cur == nil {
			// Stored as it is: the store keeps no caller memory. A stored
			// node only reads c (mergeNodeAttrs copies what it adopts).
			c.Aliases = append([]string(nil), n.Aliases...)
			c.Props = copyProps(n.Props)
		}
		pn = append(pn, planNode{n: c, rec: cur, ord: int32(j)})
	}
	sc.pidx = slices.Grow(sc.pidx[:0], len(sc.nodes))[:len(sc.nodes)]
	if redirected {
		slices.SortFunc(pn, func(a, b planNode) int {
			if c := strings.Compare(a.n.ID, b.n.ID); c != 0 {
				return c
			}
			return int(sc.nodes[a.ord].i - sc.nodes[b.ord].i)
		})
		out := pn[:0]
		for _, x := range pn {
			if last := len(out) - 1; last >= 0 && out[last].n.ID == x.n.ID {
				out[last].n, _ = mergeNodeAttrs(out[last].n, &nodes[sc.nodes[x.ord].i])
				sc.pidx[x.ord] = int32(last)
				continue
			}
			sc.pidx[x.ord] = int32(len(out))
			out = append(out, x)
		}
		pn = out
	} else {
		for j := range pn {
			sc.pidx[j] = int32(j)
		}
	}
	sc.pnodes, p.nodes = pn, pn
	return nil
}

func nameRedirectKey(k graph.Kind, name string) string {
	return string(k) + "|" + graph.NormalizeName(name)
}

// planEdges maps edges onto resolved ids, drops those that became loops,
// and merges duplicates (into the first in input order).
func (p *applyPlan) planEdges(s *state, edges []graph.Edge, sc *scratch) {
	pe := sc.pedges[:0]
	evs := make([]graph.Evidence, 0, len(edges)) // one allocation for the document's evidence
	rekeyed := false
	for _, o := range sc.edges {
		in := &edges[o.i]
		from, to := &p.nodes[sc.pidx[sc.find(o.from)]], &p.nodes[sc.pidx[sc.find(o.to)]]
		e := graph.Edge{Type: in.Type, From: from.n.ID, To: to.n.ID, Date: in.Date}
		if e.From == e.To {
			continue
		}
		if e.From == o.from && e.To == o.to {
			e.ID, e.Year = o.key, graph.YearOf(e.Date) // as Normalize would
		} else {
			e.Normalize()
			rekeyed = true
			if e.From != from.n.ID {
				from, to = to, from
			}
		}
		c := contrib{doc: p.doc.ID, conf: in.Confidence, rule: in.Rule, props: copyProps(in.Props)}
		if in.Evidence != nil {
			ev := *in.Evidence
			ev.Document = p.doc.ID
			evs = append(evs, ev)
			c.ev = evs[len(evs)-1 : len(evs) : len(evs)]
		}
		pe = append(pe, planEdge{e: e, c: c, from: from, to: to, in: o.i})
	}
	if rekeyed {
		slices.SortFunc(pe, func(a, b planEdge) int {
			if c := strings.Compare(a.e.ID, b.e.ID); c != 0 {
				return c
			}
			return int(a.in - b.in)
		})
	}
	out := pe[:0]
	for i := range pe {
		if last := len(out) - 1; last >= 0 && out[last].e.ID == pe[i].e.ID {
			out[last].c = mergeContrib(out[last].c, pe[i].c)
			continue
		}
		out = append(out, pe[i])
	}
	for i := range out {
		out[i].rec = s.edges[out[i].e.ID]
	}
	sc.pedges, p.edges = out, out
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

// hasNode and hasEdge report whether the plan states a node id or an edge
// key.
func (p *applyPlan) hasNode(id string) bool {
	_, ok := slices.BinarySearchFunc(p.nodes, id, func(x planNode, id string) int { return strings.Compare(x.n.ID, id) })
	return ok
}

func (p *applyPlan) hasEdge(key string) bool {
	_, ok := slices.BinarySearchFunc(p.edges, key, func(x planEdge, k string) int { return strings.Compare(x.e.ID, k) })
	return ok
}

// diff finds what the stored document supported and no longer states, and
// fills the summary.
func (p *applyPlan) diff(s *state, old *docRec) {
	sum := &p.sum
	sum.Document = p.doc.ID
	for i := range p.nodes {
		if p.nodes[i].rec != nil {
			sum.NodesKept++
		} else {
			sum.NodesAdded++
		}
	}
	for i := range p.edges {
		if p.edges[i].rec != nil {
			sum.EdgesKept++
		} else {
			sum.EdgesAdded++
		}
	}
	if old == nil {
		return
	}
	for _, k := range old.edges {
		if !p.hasEdge(k) {
			p.oldEdges = append(p.oldEdges, k)
			if len(s.edges[k].sup) == 1 {
				sum.EdgesRemoved++
			}
		}
	}
	for _, id := range old.nodes {
		if !p.hasNode(id) {
			p.oldNodes = append(p.oldNodes, id)
			if s.nodes[id].docs.len() == 1 {
				sum.NodesRemoved++
			}
		}
	}
}

// commitApply mutates the state as planned. It cannot fail.
func (s *state) commitApply(p *applyPlan) {
	defer s.scratch.trim()
	doc := p.doc.ID
	d := s.docs[doc]
	fresh := d == nil
	if fresh {
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
	for i := range p.nodes {
		s.upsertNode(&p.nodes[i], d, fresh)
		d.nodes = append(d.nodes, p.nodes[i].n.ID)
	}
	d.edges = make(idList, 0, len(p.edges))
	for i := range p.edges {
		s.upsertEdge(&p.edges[i], d)
		d.edges = append(d.edges, p.edges[i].e.ID)
	}
}

// upsertNode stores a planned node supported by d; freshDoc tells that d
// is new, so that no node lists it yet.
func (s *state) upsertNode(pn *planNode, d *docRec, freshDoc bool) {
	r := pn.rec
	if r == nil {
		r = &nodeRec{n: pn.n}
		s.indexNode(r)
		pn.rec = r
	} else if m, changed := mergeNodeAttrs(r.n, &pn.n); changed {
		s.setNode(r, m)
	}
	if freshDoc {
		r.docs.addNew(d)
	} else {
		r.docs.add(d)
	}
}

// upsertEdge stores a planned edge stated by d.
func (s *state) upsertEdge(pe *planEdge, d *docRec) {
	r := pe.rec
	fresh := r == nil
	if fresh {
		r = &edgeRec{e: pe.e}
		r.sup0[0] = pe.c
		r.sup = r.sup0[:1:1]
		s.refreshWith(r, d)
		s.linkEdge(r, pe.from.rec, pe.to.rec) // counts the evidence
		return
	}
	s.setContrib(r, pe.c)
	s.refreshWith(r, d)
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
	r.docs.remove(d)
	if r.docs.len() == 0 && r.deg == 0 {
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
		if s.nodes[n].docs.len() == 1 {
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
	for _, h := range d.adj {
		moving = append(moving, h.e)
	}
	for _, r := range moving {
		s.moveEdge(r, keep, drop)
	}
	for dr := range d.docs.all() {
		k.docs.add(dr)
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
		s.linkEdge(r, s.nodes[e.From], s.nodes[e.To])
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

package embedded

import (
	"context"
	"sort"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// read runs fn on the state under the read lock, after the common checks.
func (s *Store) read(ctx context.Context, fn func(st *state) error) error {
	if err := s.check(ctx); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return fn(s.st)
}

// edgeFilter is graph.Filter's edge test compiled once per read: a type
// mask, and window bounds compared with each edge's precomputed date
// bounds, so that testing an edge allocates nothing. It admits exactly the
// edges graph.Filter.AdmitsEdge admits.
type edgeFilter struct {
	all       bool // admits every edge of an admitted type
	allTypes  bool // admits every type
	mask      [numTypes]bool
	minConf   float64
	wlo, whi  int32 // dayNum of the window's bounds, 0 when open
	datedOnly bool
}

func compile(f *graph.Filter) *edgeFilter {
	c := &edgeFilter{minConf: f.MinConfidence, datedOnly: f.DatedOnly}
	for i := range c.mask {
		c.mask[i] = len(f.Types) == 0
	}
	for _, t := range f.Types {
		c.mask[typeIndex[t]] = true
	}
	c.allTypes = len(f.Types) == 0
	lo, _ := graph.DateBounds(f.From)
	_, hi := graph.DateBounds(f.To)
	c.wlo, c.whi = dayNum(lo), dayNum(hi)
	c.all = c.minConf <= 0 && c.wlo == 0 && c.whi == 0 && !c.datedOnly
	return c
}

func (c *edgeFilter) admits(r *edgeRec) bool {
	if c.all {
		return true
	}
	if r.e.Confidence < c.minConf {
		return false
	}
	if r.e.Date == "" {
		return !c.datedOnly
	}
	return (c.wlo == 0 || r.hi >= c.wlo) && (c.whi == 0 || r.lo <= c.whi)
}

// eachEdge calls fn for every edge of r that passes c, with the node at
// its other end.
func eachEdge(r *nodeRec, c *edgeFilter, fn func(e *edgeRec, o *nodeRec)) {
	for i := range r.adj {
		if h := &r.adj[i]; c.mask[h.t()] && c.admits(h.e) {
			fn(h.e, h.o)
		}
	}
}

// NodesByID implements graph.Store.
func (s *Store) NodesByID(ctx context.Context, ids []string) ([]*graph.Node, error) {
	if len(ids) > graph.MaxBatchIDs {
		return nil, graph.Errorf(graph.EINVALID, "nodes by id: %d ids exceed %d", len(ids), graph.MaxBatchIDs)
	}
	out := make([]*graph.Node, len(ids))
	err := s.read(ctx, func(st *state) error {
		for i, id := range ids {
			if r := st.nodes[st.resolve(id)]; r != nil {
				v := r.view()
				out[i] = &v
			}
		}
		return nil
	})
	return out, err
}

// FindNodes implements graph.Store. Text queries start from the word
// index, kind queries from the kind index.
func (s *Store) FindNodes(ctx context.Context, q graph.NodeQuery) (graph.NodePage, error) {
	if err := graph.CheckNodeQuery(&q); err != nil {
		return graph.NodePage{}, err
	}
	var page graph.NodePage
	err := s.read(ctx, func(st *state) error {
		var matches []graph.ScoredNode
		for _, r := range st.candidates(&q) {
			if score, ok := graph.MatchNode(&q, &r.n); ok {
				matches = append(matches, graph.ScoredNode{Node: r.view(), Score: score})
			}
		}
		var err error
		page, err = graph.PageNodes(q, matches)
		return err
	})
	return page, err
}

func (st *state) candidates(q *graph.NodeQuery) map[string]*nodeRec {
	switch {
	case q.Text != "":
		out := map[string]*nodeRec{}
		for _, w := range strings.Fields(graph.NormalizeName(q.Text)) {
			for r := range st.wordIndex()[w] {
				out[r.n.ID] = r
			}
		}
		return out
	case len(q.Kinds) == 1:
		return st.byKind[q.Kinds[0]]
	}
	return st.nodes
}

// Edges implements graph.Store.
func (s *Store) Edges(ctx context.Context, q graph.EdgeQuery) ([]graph.EdgePage, error) {
	if err := graph.CheckEdgeQuery(&q); err != nil {
		return nil, err
	}
	out := make([]graph.EdgePage, len(q.Nodes))
	err := s.read(ctx, func(st *state) error {
		for i, id := range q.Nodes {
			var es []graph.Edge
			if r := st.nodes[id]; r != nil {
				eachEdge(r, compile(&q.Filter), func(e *edgeRec, other *nodeRec) {
					if graph.EdgeTouches(&e.e, id, q.Direction) && q.Filter.AdmitsNode(&other.n) {
						es = append(es, e.e)
					}
				})
			}
			page, err := graph.PageEdges(es, q.Page)
			if err != nil {
				return err
			}
			out[i] = page
		}
		return nil
	})
	return out, err
}

// Evidence implements graph.Store.
func (s *Store) Evidence(ctx context.Context, edgeIDs []string) ([][]graph.Evidence, error) {
	if len(edgeIDs) > graph.MaxBatchIDs {
		return nil, graph.Errorf(graph.EINVALID, "evidence: %d ids exceed %d", len(edgeIDs), graph.MaxBatchIDs)
	}
	out := make([][]graph.Evidence, len(edgeIDs))
	err := s.read(ctx, func(st *state) error {
		for i, id := range edgeIDs {
			r := st.edges[id]
			if r == nil {
				continue
			}
			evs := []graph.Evidence{}
			for _, c := range r.sup {
				evs = append(evs, c.ev...)
			}
			sort.SliceStable(evs, func(a, b int) bool {
				if evs[a].Document != evs[b].Document {
					return evs[a].Document < evs[b].Document
				}
				return evs[a].Start < evs[b].Start
			})
			out[i] = evs
		}
		return nil
	})
	return out, err
}

// Neighbourhood implements graph.Store.
func (s *Store) Neighbourhood(ctx context.Context, seeds []string, depth int, f graph.Filter, limit int) (graph.Subgraph, error) {
	limit, err := graph.CheckTraversal(seeds, depth, limit, &f)
	if err != nil {
		return graph.Subgraph{}, err
	}
	var sg graph.Subgraph
	err = s.read(ctx, func(st *state) error {
		var found []*nodeRec
		for _, id := range seeds {
			if r := st.nodes[id]; r != nil {
				found = append(found, r)
			}
		}
		if len(found) == 0 {
			return graph.Errorf(graph.ENOTFOUND, "neighbourhood: none of the %d seeds exists", len(seeds))
		}
		c := compile(&f)
		m := getMarks(st.lastIdx)
		defer m.put()
		nodes, truncated := st.admit(m, found, depth, limit, &f, c)
		sg = st.induced(m, nodes, c, truncated)
		return nil
	})
	return sg, err
}

// ShortestPaths implements graph.Store.
func (s *Store) ShortestPaths(ctx context.Context, from, to string, f graph.Filter, maxHops, k int) ([]graph.Path, error) {
	if err := graph.CheckPaths(from, to, &f, maxHops, k); err != nil {
		return nil, err
	}
	var paths []graph.Path
	err := s.read(ctx, func(st *state) error {
		for _, id := range []string{from, to} {
			if st.nodes[id] == nil {
				return graph.Errorf(graph.ENOTFOUND, "shortest paths: no node %q", id)
			}
		}
		seqs := graph.PathsBetween(from, to, maxHops, k, st.hops(&f, from, to))
		paths = graph.AssemblePaths(from, seqs, func(id string) graph.Node { return st.nodes[id].view() })
		return nil
	})
	return paths, err
}

// hops returns the HopFunc of a path search between from and to.
func (st *state) hops(f *graph.Filter, from, to string) graph.HopFunc {
	cache := map[string][]graph.Hop{}
	c := compile(f)
	return func(id string) []graph.Hop {
		if hs, ok := cache[id]; ok {
			return hs
		}
		best := map[string]*graph.Edge{}
		r := st.nodes[id]
		eachEdge(r, c, func(e *edgeRec, o *nodeRec) {
			other := o.n.ID
			if other != from && other != to && !f.AdmitsNode(&o.n) {
				return
			}
			if cur := best[other]; cur == nil || e.e.ID < cur.ID {
				best[other] = &e.e
			}
		})
		hs := make([]graph.Hop, 0, len(best))
		for nb, e := range best {
			hs = append(hs, graph.Hop{To: nb, Edge: e})
		}
		sort.Slice(hs, func(i, j int) bool { return hs[i].To < hs[j].To })
		cache[id] = hs
		return hs
	}
}

// Collaborators implements graph.Store: for each id it gathers the actor's
// edges and those of the nodes it shares, and derives the answer with
// graph.Collaborate.
func (s *Store) Collaborators(ctx context.Context, ids []string, f graph.Filter, limit int) ([][]graph.Collaborator, error) {
	switch {
	case len(ids) > graph.MaxBatchIDs:
		return nil, graph.Errorf(graph.EINVALID, "collaborators: %d ids exceed %d", len(ids), graph.MaxBatchIDs)
	case limit < 0:
		return nil, graph.Errorf(graph.EINVALID, "collaborators: negative limit %d", limit)
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	out := make([][]graph.Collaborator, len(ids))
	err := s.read(ctx, func(st *state) error {
		for i, id := range ids {
			nodes, edges := st.collabInput(id)
			out[i] = graph.Collaborate(id, edges, nodes, f, limit)
		}
		return nil
	})
	return out, err
}

// collabInput returns the edges of id and of every node it shares, with
// their endpoints.
func (st *state) collabInput(id string) (map[string]*graph.Node, []graph.Edge) {
	nodes := map[string]*graph.Node{}
	var edges []graph.Edge
	r := st.nodes[id]
	if r == nil {
		return nodes, nil
	}
	all := compile(&graph.Filter{})
	add := func(e *edgeRec, _ *nodeRec) {
		edges = append(edges, e.e)
		for _, nid := range []string{e.e.From, e.e.To} {
			if nodes[nid] == nil {
				v := st.nodes[nid].view()
				nodes[nid] = &v
			}
		}
	}
	eachEdge(r, all, add)
	shared := map[string]bool{}
	for _, e := range edges {
		if e.From == id && graph.SharedLink(&e, nodes) {
			shared[e.To] = true
		}
	}
	for sid := range shared {
		eachEdge(st.nodes[sid], all, add)
	}
	return nodes, edges
}

// Rollup implements graph.Store with graph.RollupOf over the edges from an
// actor or place to an actor, a place or a shared node: the links and the
// memberships a roll-up needs.
func (s *Store) Rollup(ctx context.Context, level graph.Level, f graph.Filter) (graph.Subgraph, error) {
	if err := f.Validate(); err != nil {
		return graph.Subgraph{}, err
	}
	var sg graph.Subgraph
	err := s.read(ctx, func(st *state) error {
		nodes := make(map[string]*graph.Node, len(st.nodes))
		for id, r := range st.nodes {
			if rollupEnd(r.n.Kind) {
				v := r.view()
				nodes[id] = &v
			}
		}
		edges := make([]graph.Edge, 0, len(st.edges))
		for _, r := range st.edges {
			if rollupEnd(r.from.n.Kind) && (rollupEnd(r.to.n.Kind) || graph.SharesVia(r.e.Type, r.to.n.Kind)) {
				edges = append(edges, r.e)
			}
		}
		for _, r := range st.nodes {
			if graph.IsShared(r.n.Kind) {
				v := r.view()
				nodes[r.n.ID] = &v
			}
		}
		var err error
		sg, err = graph.RollupOf(level, nodes, edges, f)
		return err
	})
	return sg, err
}

// rollupEnd reports whether nodes of kind k take part in memberships:
// actors and places.
func rollupEnd(k graph.Kind) bool { return graph.IsActor(k) || k == graph.Place }

// CountsBy implements graph.Store; YEAR counts walk the year index.
func (s *Store) CountsBy(ctx context.Context, by graph.GroupBy, f graph.Filter) ([]graph.Count, error) {
	if err := graph.CheckCountsBy(by, &f); err != nil {
		return nil, err
	}
	var out []graph.Count
	err := s.read(ctx, func(st *state) error {
		t := graph.Tally{}
		switch by {
		case graph.ByKind:
			for _, r := range st.nodes {
				if f.AdmitsNode(&r.n) {
					t[string(r.n.Kind)]++
				}
			}
		case graph.ByYear:
			for _, es := range st.byYear {
				for _, r := range es {
					st.tallyEdge(t, by, &f, r)
				}
			}
		default:
			for _, r := range st.edges {
				st.tallyEdge(t, by, &f, r)
			}
		}
		out = t.Counts()
		return nil
	})
	return out, err
}

func (st *state) tallyEdge(t graph.Tally, by graph.GroupBy, f *graph.Filter, r *edgeRec) {
	if graph.EdgeInScope(f, &r.e, &r.from.n, &r.to.n) {
		t.AddEdge(by, &r.e)
	}
}

// Documents implements graph.Store.
func (s *Store) Documents(ctx context.Context, p graph.Page) (graph.DocumentPage, error) {
	if _, err := p.Size(); err != nil {
		return graph.DocumentPage{}, err
	}
	var page graph.DocumentPage
	err := s.read(ctx, func(st *state) error {
		docs := make([]graph.Document, 0, len(st.docs))
		for _, d := range st.docs {
			docs = append(docs, d.view())
		}
		var err error
		page, err = graph.PageDocuments(docs, p)
		return err
	})
	return page, err
}

package graph

// This file holds the derived answers of the Store contract as pure functions
// over nodes and edges a backend has already fetched, so that every backend
// gives the same answers in the same order. Each function states what input
// it needs; passing more nodes or edges than needed is always allowed.

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Limits of traversals, shared by every backend.
const (
	MaxDepth              = 3
	DefaultNeighbourLimit = 500
	MaxNeighbourLimit     = 10_000
	MaxHops               = 6
	MaxPaths              = 100
	DefaultCollaborators  = 100
	MaxBatchIDs           = MaxPageSize * 10
)

// IsActor reports whether nodes of kind k can work with others: Persons,
// Institutions and Countries.
func IsActor(k Kind) bool { return k == Person || k == Institution || k == Country }

// sharedVia lists, per kind of shared node, the edge types by which an actor
// takes part in it (ONTOLOGY.md "worked with").
var sharedVia = map[Kind][]EdgeType{
	Agreement: {Signed},
	Event:     {ParticipatedIn, Hosted, Led},
	Mission:   {ParticipatedIn, Led, Launched, Developed},
	Project:   {Developed, Established},
}

// IsShared reports whether nodes of kind k can be shared by actors that
// work together: Agreements, Events, Missions and Projects.
func IsShared(k Kind) bool { _, ok := sharedVia[k]; return ok }

// SharesVia reports whether an edge of type t from an actor to a node of
// kind shared makes the actor a party to that shared node.
func SharesVia(t EdgeType, shared Kind) bool { return contains(sharedVia[shared], t) }

// SharedLink reports whether e links an actor (e.From) to a shared node
// (e.To) in the sense of "worked with". Both endpoints must be in nodes.
func SharedLink(e *Edge, nodes map[string]*Node) bool {
	from, to := nodes[e.From], nodes[e.To]
	return from != nil && to != nil && IsActor(from.Kind) && SharesVia(e.Type, to.Kind)
}

// minDate returns the earlier of two ISO dates, ignoring empty ones. Dates of
// different precision compare as strings: "2025" < "2025-05" < "2025-05-13".
func minDate(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

func maxDate(a, b string) string {
	if b > a {
		return b
	}
	return a
}

// edgeID returns e.ID, or its Key when the ID is not filled.
func edgeID(e *Edge) string {
	if e.ID != "" {
		return e.ID
	}
	return e.Key()
}

// parties maps each shared node to its actors, each with the earliest date
// among its admitted edges to the shared node ("" when none is dated).
type parties map[string]map[string]string

// sharedParties collects the admitted shared links among edges (duplicates by
// ID count once). Actors must pass actorOK.
func sharedParties(edges []Edge, nodes map[string]*Node, f *Filter, actorOK func(*Node) bool) parties {
	p := parties{}
	for i := range edges {
		e := &edges[i]
		if !f.AdmitsEdge(e) || !SharedLink(e, nodes) || !actorOK(nodes[e.From]) {
			continue
		}
		actors := p[e.To]
		if actors == nil {
			actors = map[string]string{}
			p[e.To] = actors
		}
		if d, ok := actors[e.From]; ok {
			actors[e.From] = minDate(d, e.Date)
		} else {
			actors[e.From] = e.Date
		}
	}
	return p
}

// Collaborate computes Store.Collaborators for one actor. edges must hold
// the actor's edges and every edge of each node the actor shares (its
// agreements, events, missions, projects); nodes must hold the endpoints of
// those edges. A link through a shared node is dated with the earliest date
// among the two actors' admitted edges to it; a direct COLLABORATED_WITH link
// with the edge's date. Several dated edges between an actor and the same
// shared node make one link. Shared nodes need not pass f's Kinds or
// Countries; partners must. Vias are ordered by (Date, shared node ID or
// direct edge ID), undated first. limit 0 means DefaultCollaborators.
func Collaborate(id string, edges []Edge, nodes map[string]*Node, f Filter, limit int) []Collaborator {
	if limit <= 0 {
		limit = DefaultCollaborators
	}
	partnerOK := func(pid string) bool {
		n := nodes[pid]
		return pid != id && n != nil && IsActor(n.Kind) && f.AdmitsNode(n)
	}
	vias := map[string][]Via{}
	all := func(*Node) bool { return true }
	for shared, actors := range sharedParties(edges, nodes, &f, all) {
		mine, ok := actors[id]
		if !ok {
			continue
		}
		for pid, d := range actors {
			if partnerOK(pid) {
				n := *nodes[shared]
				vias[pid] = append(vias[pid], Via{Node: &n, Date: minDate(mine, d)})
			}
		}
	}
	seen := map[string]bool{}
	for i := range edges {
		e := edges[i]
		e.ID = edgeID(&e)
		if e.Type != CollaboratedWith || (e.From != id && e.To != id) || seen[e.ID] || !f.AdmitsEdge(&e) {
			continue
		}
		seen[e.ID] = true
		if pid := e.Other(id); partnerOK(pid) {
			vias[pid] = append(vias[pid], Via{Edge: &e, Date: e.Date})
		}
	}
	return collaborators(vias, nodes, limit)
}

func viaKey(v *Via) string {
	if v.Node != nil {
		return v.Node.ID
	}
	return v.Edge.ID
}

func collaborators(vias map[string][]Via, nodes map[string]*Node, limit int) []Collaborator {
	out := make([]Collaborator, 0, len(vias))
	for pid, vs := range vias {
		sort.Slice(vs, func(i, j int) bool {
			if vs[i].Date != vs[j].Date {
				return vs[i].Date < vs[j].Date
			}
			return viaKey(&vs[i]) < viaKey(&vs[j])
		})
		c := Collaborator{Node: *nodes[pid], Count: len(vs), Via: vs}
		for _, v := range vs {
			c.First = minDate(c.First, v.Date)
			c.Last = maxDate(c.Last, v.Date)
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Node.ID < out[j].Node.ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// RollupOf computes Store.Rollup. edges must hold every edge of the
// "worked with" types plus the AFFILIATED_WITH and BASED_IN edges; nodes
// their endpoints. Choices:
//   - Membership ignores f: AFFILIATED_WITH and BASED_IN describe structure.
//     An institution belongs to the countries it is BASED_IN, directly or
//     through a Place BASED_IN a country; a person to the countries it is
//     AFFILIATED_WITH and those of its affiliated institutions. At
//     INSTITUTION level a person belongs to its affiliated institutions and
//     an institution to itself; at ENTITY level every actor to itself.
//   - Links count only edges passing f; actors must pass f's Kinds and
//     Countries.
//   - A link is one shared node or one direct COLLABORATED_WITH edge. A
//     shared node counts once for a pair of groups when two distinct actors
//     of the two groups take part in it; its date is the earliest dated edge
//     of those groups' actors to it. Weight counts distinct links; Years are
//     the distinct years of dated links, ascending.
//   - Nodes are the groups touching an aggregated edge, Degree set to the
//     number of aggregated edges touching them.
//
// It returns EINVALID for an unknown level.
func RollupOf(level Level, nodes map[string]*Node, edges []Edge, f Filter) (Subgraph, error) {
	groupsOf, err := memberships(level, nodes, edges)
	if err != nil {
		return Subgraph{}, err
	}
	actorOK := func(n *Node) bool { return f.AdmitsNode(n) && len(groupsOf[n.ID]) > 0 }
	agg := aggregate{}
	for shared, actors := range sharedParties(edges, nodes, &f, actorOK) {
		agg.addShared(shared, actors, groupsOf)
	}
	seen := map[string]bool{}
	for i := range edges {
		e := &edges[i]
		if e.Type != CollaboratedWith {
			continue
		}
		id := edgeID(e)
		a, b := nodes[e.From], nodes[e.To]
		if seen[id] || a == nil || b == nil || !f.AdmitsEdge(e) || !actorOK(a) || !actorOK(b) {
			continue
		}
		seen[id] = true
		for _, ga := range groupsOf[a.ID] {
			for _, gb := range groupsOf[b.ID] {
				agg.add(ga, gb, "e:"+id, e.Date)
			}
		}
	}
	return agg.subgraph(nodes), nil
}

// memberships maps each actor to its groups at level, sorted.
func memberships(level Level, nodes map[string]*Node, all []Edge) (map[string][]string, error) {
	edges := structural(all)
	out := map[string][]string{}
	add := func(actor, group string) {
		if nodes[group] != nil && !contains(out[actor], group) {
			out[actor] = append(out[actor], group)
		}
	}
	switch level {
	case LevelEntity:
		for id, n := range nodes {
			if IsActor(n.Kind) {
				add(id, id)
			}
		}
	case LevelInstitution:
		for id, n := range nodes {
			if n.Kind == Institution {
				add(id, id)
			}
		}
		forEachTarget(edges, nodes, AffiliatedWith, Institution, add)
	case LevelCountry:
		countryMembers(nodes, edges, add)
	default:
		return nil, Errorf(EINVALID, "rollup: unknown level %q", level)
	}
	for _, gs := range out {
		sort.Strings(gs)
	}
	return out, nil
}

func countryMembers(nodes map[string]*Node, edges []*Edge, add func(actor, group string)) {
	for id, n := range nodes {
		if n.Kind == Country {
			add(id, id)
		}
	}
	placeCountry := map[string][]string{}
	forEachTarget(edges, nodes, BasedIn, Country, func(from, c string) {
		if nodes[from].Kind == Place {
			placeCountry[from] = append(placeCountry[from], c)
		}
	})
	instCountry := map[string][]string{}
	forEachTarget(edges, nodes, BasedIn, Country, func(from, c string) {
		if nodes[from].Kind == Institution {
			instCountry[from] = append(instCountry[from], c)
		}
	})
	forEachTarget(edges, nodes, BasedIn, Place, func(from, pl string) {
		if nodes[from].Kind == Institution {
			instCountry[from] = append(instCountry[from], placeCountry[pl]...)
		}
	})
	for inst, cs := range instCountry {
		for _, c := range cs {
			add(inst, c)
		}
	}
	forEachTarget(edges, nodes, AffiliatedWith, Country, add)
	forEachTarget(edges, nodes, AffiliatedWith, Institution, func(p, inst string) {
		for _, c := range instCountry[inst] {
			add(p, c)
		}
	})
}

// structural returns the AFFILIATED_WITH and BASED_IN edges among edges, so
// that membership passes do not walk every edge.
func structural(edges []Edge) []*Edge {
	var out []*Edge
	for i := range edges {
		if t := edges[i].Type; t == AffiliatedWith || t == BasedIn {
			out = append(out, &edges[i])
		}
	}
	return out
}

// forEachTarget calls fn(from, to) for each edge of type t whose target is
// of kind k (both endpoints in nodes).
func forEachTarget(edges []*Edge, nodes map[string]*Node, t EdgeType, k Kind, fn func(from, to string)) {
	for _, e := range edges {
		if e.Type == t && nodes[e.From] != nil && nodes[e.To] != nil && nodes[e.To].Kind == k {
			fn(e.From, e.To)
		}
	}
}

// aggregate holds roll-up edges by ordered group pair: link id → date.
type aggregate map[[2]string]map[string]string

func (a aggregate) add(ga, gb, link, date string) {
	if ga == gb {
		return
	}
	if ga > gb {
		ga, gb = gb, ga
	}
	k := [2]string{ga, gb}
	links := a[k]
	if links == nil {
		links = map[string]string{}
		a[k] = links
	}
	if d, ok := links[link]; ok {
		date = minDate(d, date)
	}
	links[link] = date
}

// addShared adds the links one shared node makes between the groups of its
// actors.
func (a aggregate) addShared(shared string, actors map[string]string, groupsOf map[string][]string) {
	members := map[string][]string{}
	dates := map[string]string{}
	for actor, d := range actors {
		for _, g := range groupsOf[actor] {
			members[g] = append(members[g], actor)
			dates[g] = minDate(dates[g], d)
		}
	}
	gs := make([]string, 0, len(members))
	for g := range members {
		gs = append(gs, g)
	}
	sort.Strings(gs)
	for i, ga := range gs {
		for _, gb := range gs[i+1:] {
			if distinctActors(members[ga], members[gb]) {
				a.add(ga, gb, "n:"+shared, minDate(dates[ga], dates[gb]))
			}
		}
	}
}

// distinctActors reports whether one actor of a and another of b differ.
func distinctActors(a, b []string) bool {
	return len(a) > 1 || len(b) > 1 || a[0] != b[0]
}

func (a aggregate) subgraph(nodes map[string]*Node) Subgraph {
	var sg Subgraph
	degree := map[string]int{}
	for k, links := range a {
		e := Edge{Type: CollaboratedWith, From: k[0], To: k[1], Weight: len(links)}
		e.ID = e.Key()
		years := map[int]bool{}
		for _, d := range links {
			if y := YearOf(d); y > 0 && !years[y] {
				years[y] = true
				e.Years = append(e.Years, y)
			}
		}
		sort.Ints(e.Years)
		sg.Edges = append(sg.Edges, e)
		degree[k[0]]++
		degree[k[1]]++
	}
	for id, d := range degree {
		n := *nodes[id]
		n.Degree = d
		sg.Nodes = append(sg.Nodes, n)
	}
	SortSubgraph(&sg)
	return sg
}

// SortSubgraph orders a subgraph's nodes and edges by ID.
func SortSubgraph(sg *Subgraph) {
	byKey(sg.Nodes, func(n *Node) string { return n.ID })
	byKey(sg.Edges, func(e *Edge) string { return e.ID })
}

// byKey sorts xs by key, moving each (large) element once.
func byKey[T any](xs []T, key func(*T) string) {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(key(&xs[a]), key(&xs[b])) })
	out := make([]T, len(xs))
	for i, j := range idx {
		out[i] = xs[j]
	}
	copy(xs, out)
}

// CheckTraversal validates Neighbourhood arguments and returns the effective
// limit: EINVALID for no seeds, a depth outside [1, MaxDepth], a negative
// limit or one above MaxNeighbourLimit, or a bad filter.
func CheckTraversal(seeds []string, depth, limit int, f *Filter) (int, error) {
	switch {
	case len(seeds) == 0:
		return 0, Errorf(EINVALID, "neighbourhood: no seeds")
	case len(seeds) > MaxBatchIDs:
		return 0, Errorf(EINVALID, "neighbourhood: %d seeds exceed %d", len(seeds), MaxBatchIDs)
	case depth < 1 || depth > MaxDepth:
		return 0, Errorf(EINVALID, "neighbourhood: depth %d outside [1, %d]", depth, MaxDepth)
	case limit < 0 || limit > MaxNeighbourLimit:
		return 0, Errorf(EINVALID, "neighbourhood: limit %d outside [0, %d]", limit, MaxNeighbourLimit)
	case limit == 0:
		limit = DefaultNeighbourLimit
	}
	return limit, f.Validate()
}

// AdmitLayers admits nodes breadth-first: the seeds (which the caller has
// checked exist), then for each of depth layers the not yet admitted nodes
// next returns for the previous layer's nodes, each layer in ID order, until
// limit nodes. next(id) must return the neighbours of id over admitted edges
// that pass the node filter. It returns the admitted ids in admission order
// and whether some node was left out because of limit.
func AdmitLayers(seeds []string, depth, limit int, next func(id string) []string) ([]string, bool) {
	admitted := map[string]bool{}
	layer := distinct(seeds, admitted)
	var out []string
	for d := 0; d <= depth && len(layer) > 0; d++ {
		room := limit - len(out)
		cut := len(layer) > room
		if cut {
			SmallestFirst(layer, room, self)
			layer = layer[:room]
		}
		slices.Sort(layer)
		for _, id := range layer {
			admitted[id] = true
		}
		out = append(out, layer...)
		if cut || d == depth {
			return out, cut
		}
		var cand []string
		for _, id := range layer {
			cand = append(cand, next(id)...)
		}
		layer = distinct(cand, admitted)
	}
	return out, false
}

// distinct returns the ids not in skip, each once, in no particular order.
func distinct(ids []string, skip map[string]bool) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !skip[id] && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// SmallestFirst reorders xs so that the k elements with the smallest keys
// come first (in no particular order): a quickselect, linear on average, so
// that a layer crowded by a hub's neighbours is not sorted whole.
func SmallestFirst[T any](xs []T, k int, key func(*T) string) {
	SmallestFirstFunc(xs, k, func(a, b *T) int { return strings.Compare(key(a), key(b)) })
}

// SmallestFirstFunc is SmallestFirst with a comparison (negative when a
// comes before b), for callers that compare faster than by whole keys.
func SmallestFirstFunc[T any](xs []T, k int, cmp func(a, b *T) int) {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		p := xs[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for cmp(&xs[i], &p) < 0 {
				i++
			}
			for cmp(&xs[j], &p) > 0 {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

func self(s *string) string { return *s }

// NeighbourhoodOf computes Store.Neighbourhood over fetched data: nodes and
// edges must hold everything within depth hops of the seeds. The limit is
// the effective one (see CheckTraversal). ENOTFOUND when no seed is in
// nodes; seeds not in nodes are ignored.
func NeighbourhoodOf(seeds []string, depth int, f Filter, limit int, nodes map[string]*Node, edges []Edge) (Subgraph, error) {
	var found []string
	for _, s := range seeds {
		if nodes[s] != nil {
			found = append(found, s)
		}
	}
	if len(found) == 0 {
		return Subgraph{}, Errorf(ENOTFOUND, "neighbourhood: no seed %q exists", seeds)
	}
	adj := map[string][]string{}
	for i := range edges {
		e := &edges[i]
		a, b := nodes[e.From], nodes[e.To]
		if a == nil || b == nil || !f.AdmitsEdge(e) {
			continue
		}
		if f.AdmitsNode(b) {
			adj[e.From] = append(adj[e.From], e.To)
		}
		if f.AdmitsNode(a) {
			adj[e.To] = append(adj[e.To], e.From)
		}
	}
	ids, truncated := AdmitLayers(found, depth, limit, func(id string) []string { return adj[id] })
	return InducedSubgraph(ids, nodes, edges, f, truncated), nil
}

// InducedSubgraph returns the nodes ids and the edges among them that pass
// f, deduplicated and ordered by ID.
func InducedSubgraph(ids []string, nodes map[string]*Node, edges []Edge, f Filter, truncated bool) Subgraph {
	in := make(map[string]bool, len(ids))
	sg := Subgraph{Truncated: truncated}
	for _, id := range ids {
		in[id] = true
		sg.Nodes = append(sg.Nodes, *nodes[id])
	}
	seen := map[string]bool{}
	for _, e := range edges {
		e.ID = edgeID(&e)
		if in[e.From] && in[e.To] && !seen[e.ID] && f.AdmitsEdge(&e) {
			seen[e.ID] = true
			sg.Edges = append(sg.Edges, e)
		}
	}
	SortSubgraph(&sg)
	return sg
}

// CheckPaths validates ShortestPaths arguments: EINVALID for empty or equal
// endpoints, maxHops outside [1, MaxHops], k outside [1, MaxPaths] or a bad
// filter.
func CheckPaths(from, to string, f *Filter, maxHops, k int) error {
	switch {
	case from == "" || to == "":
		return Errorf(EINVALID, "shortest paths: empty endpoint")
	case from == to:
		return Errorf(EINVALID, "shortest paths: from and to are the same node %q", from)
	case maxHops < 1 || maxHops > MaxHops:
		return Errorf(EINVALID, "shortest paths: maxHops %d outside [1, %d]", maxHops, MaxHops)
	case k < 1 || k > MaxPaths:
		return Errorf(EINVALID, "shortest paths: k %d outside [1, %d]", k, MaxPaths)
	}
	return f.Validate()
}

// Hop is one step of a path: the neighbour reached and the edge taken.
type Hop struct {
	To   string
	Edge *Edge
}

// HopFunc returns the hops from a node: one per admitted neighbour, with the
// smallest-ID admitted edge joining them, ordered by neighbour ID. A
// neighbour is admitted when it passes the node filter or is an endpoint of
// the search.
type HopFunc func(id string) []Hop

// PathsBetween returns up to k shortest paths from one node to another of at
// most maxHops hops, as hop sequences, in ascending order of their node id
// sequences. It searches breadth-first from both ends to find the length,
// then walks the nodes that lie on shortest paths in ID order, so it never
// enumerates more than k paths.
func PathsBetween(from, to string, maxHops, k int, hops HopFunc) [][]Hop {
	df, db, length := meet(from, to, maxHops, hops)
	if length < 0 {
		return nil
	}
	fa := 0
	for _, d := range df {
		fa = max(fa, d)
	}
	m := min(fa, length)
	good := goodSet(m, length, df, db, hops)
	onPath := func(id string, pos int) bool {
		if pos <= m {
			return good[id] && df[id] == pos
		}
		d, ok := db[id]
		return ok && d == length-pos
	}
	var out [][]Hop
	var walk func(id string, pos int, acc []Hop)
	walk = func(id string, pos int, acc []Hop) {
		if len(out) == k {
			return
		}
		if pos == length {
			out = append(out, append([]Hop(nil), acc...))
			return
		}
		for _, h := range hops(id) {
			if onPath(h.To, pos+1) {
				walk(h.To, pos+1, append(acc, h))
			}
		}
	}
	walk(from, 0, nil)
	return out
}

// goodSet returns the nodes at forward distance pos ≤ m that lie on a
// shortest path: those of layer m at distance length-m from the target, and
// going back layer by layer those with a hop into the next good layer.
func goodSet(m, length int, df, db map[string]int, hops HopFunc) map[string]bool {
	layers := make([][]string, m+1)
	for id, d := range df {
		if d <= m {
			layers[d] = append(layers[d], id)
		}
	}
	good := map[string]bool{}
	for _, id := range layers[m] {
		if d, ok := db[id]; ok && d == length-m {
			good[id] = true
		}
	}
	for pos := m - 1; pos >= 0; pos-- {
		for _, id := range layers[pos] {
			for _, h := range hops(id) {
				if good[h.To] && df[h.To] == pos+1 {
					good[id] = true
					break
				}
			}
		}
	}
	return good
}

// meet runs a bidirectional breadth-first search, expanding whole layers of
// the smaller frontier, and returns the distances found from each end and
// the shortest length (-1 when none within maxHops).
func meet(from, to string, maxHops int, hops HopFunc) (df, db map[string]int, length int) {
	df, db = map[string]int{from: 0}, map[string]int{to: 0}
	ff, fb := []string{from}, []string{to}
	da, dbDepth := 0, 0
	for da+dbDepth < maxHops && len(ff) > 0 && len(fb) > 0 {
		if len(ff) <= len(fb) {
			da++
			ff = expand(ff, da, df, hops)
		} else {
			dbDepth++
			fb = expand(fb, dbDepth, db, hops)
		}
		best := -1
		for id, a := range df {
			if b, ok := db[id]; ok && (best < 0 || a+b < best) {
				best = a + b
			}
		}
		if best >= 0 {
			return df, db, best
		}
	}
	return df, db, -1
}

func expand(frontier []string, depth int, dist map[string]int, hops HopFunc) []string {
	var next []string
	for _, id := range frontier {
		for _, h := range hops(id) {
			if _, ok := dist[h.To]; !ok {
				dist[h.To] = depth
				next = append(next, h.To)
			}
		}
	}
	return next
}

// HopsOver builds a HopFunc from fetched nodes and edges for a search
// between from and to under f.
func HopsOver(nodes map[string]*Node, edges []Edge, f Filter, from, to string) HopFunc {
	best := map[string]map[string]*Edge{}
	link := func(a, b string, e *Edge) {
		n := nodes[b]
		if n == nil || (b != from && b != to && !f.AdmitsNode(n)) {
			return
		}
		m := best[a]
		if m == nil {
			m = map[string]*Edge{}
			best[a] = m
		}
		if cur := m[b]; cur == nil || e.ID < cur.ID {
			m[b] = e
		}
	}
	for i := range edges {
		e := edges[i]
		e.ID = edgeID(&e)
		if nodes[e.From] != nil && nodes[e.To] != nil && f.AdmitsEdge(&e) {
			link(e.From, e.To, &e)
			link(e.To, e.From, &e)
		}
	}
	cache := map[string][]Hop{}
	return func(id string) []Hop {
		if hs, ok := cache[id]; ok {
			return hs
		}
		hs := make([]Hop, 0, len(best[id]))
		for nb, e := range best[id] {
			hs = append(hs, Hop{To: nb, Edge: e})
		}
		sort.Slice(hs, func(i, j int) bool { return hs[i].To < hs[j].To })
		cache[id] = hs
		return hs
	}
}

// ShortestPathsOf computes Store.ShortestPaths over fetched data: nodes and
// edges must hold everything within maxHops of from. Arguments are checked
// with CheckPaths first; ENOTFOUND when from or to is not in nodes.
func ShortestPathsOf(from, to string, f Filter, maxHops, k int, nodes map[string]*Node, edges []Edge) ([]Path, error) {
	if err := CheckPaths(from, to, &f, maxHops, k); err != nil {
		return nil, err
	}
	for _, id := range []string{from, to} {
		if nodes[id] == nil {
			return nil, Errorf(ENOTFOUND, "shortest paths: no node %q", id)
		}
	}
	seqs := PathsBetween(from, to, maxHops, k, HopsOver(nodes, edges, f, from, to))
	return AssemblePaths(from, seqs, func(id string) Node { return *nodes[id] }), nil
}

// AssemblePaths turns hop sequences from a start node into Paths.
func AssemblePaths(from string, seqs [][]Hop, node func(id string) Node) []Path {
	out := make([]Path, 0, len(seqs))
	for _, seq := range seqs {
		p := Path{Nodes: []Node{node(from)}}
		for _, h := range seq {
			p.Nodes = append(p.Nodes, node(h.To))
			p.Edges = append(p.Edges, *h.Edge)
		}
		out = append(out, p)
	}
	return out
}

// SortPaths orders paths by their node id sequences (a shorter sequence
// that is a prefix of another comes first).
func SortPaths(paths []Path) {
	sort.SliceStable(paths, func(i, j int) bool {
		a, b := paths[i].Nodes, paths[j].Nodes
		for x := 0; x < len(a) && x < len(b); x++ {
			if a[x].ID != b[x].ID {
				return a[x].ID < b[x].ID
			}
		}
		return len(a) < len(b)
	})
}

// CheckCountsBy validates CountsBy arguments.
func CheckCountsBy(by GroupBy, f *Filter) error {
	if by != ByYear && by != ByType && by != ByKind {
		return Errorf(EINVALID, "counts: unknown grouping %q", by)
	}
	return f.Validate()
}

// EdgeInScope reports whether an edge counts for CountsBy under f: it passes
// AdmitsEdge and, when f names Kinds or Countries, at least one endpoint
// passes AdmitsNode.
func EdgeInScope(f *Filter, e *Edge, from, to *Node) bool {
	if !f.AdmitsEdge(e) {
		return false
	}
	if len(f.Kinds) == 0 && len(f.Countries) == 0 {
		return true
	}
	return (from != nil && f.AdmitsNode(from)) || (to != nil && f.AdmitsNode(to))
}

// Tally counts keys.
type Tally map[string]int

// AddEdge counts e under by (YEAR skips undated edges).
func (t Tally) AddEdge(by GroupBy, e *Edge) {
	switch by {
	case ByYear:
		if y := YearOf(e.Date); y > 0 {
			t[strconv.Itoa(y)]++
		}
	case ByType:
		t[string(e.Type)]++
	}
}

// Counts returns the non-zero counts ordered by key.
func (t Tally) Counts() []Count {
	out := make([]Count, 0, len(t))
	for k, n := range t {
		if n > 0 {
			out = append(out, Count{Key: k, Count: n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// CountsOf computes Store.CountsBy over every stored node and edge.
func CountsOf(by GroupBy, f Filter, nodes map[string]*Node, edges []Edge) ([]Count, error) {
	if err := CheckCountsBy(by, &f); err != nil {
		return nil, err
	}
	t := Tally{}
	if by == ByKind {
		for _, n := range nodes {
			if f.AdmitsNode(n) {
				t[string(n.Kind)]++
			}
		}
		return t.Counts(), nil
	}
	for i := range edges {
		e := &edges[i]
		if EdgeInScope(&f, e, nodes[e.From], nodes[e.To]) {
			t.AddEdge(by, e)
		}
	}
	return t.Counts(), nil
}

// Text relevance scores of TextScore.
const (
	ScoreSome   = 1 // some query words are words of a name
	ScoreAll    = 2 // every query word is a word of a name
	ScorePrefix = 3 // a name starts with the query
	ScoreExact  = 4 // a name or alias equals the query
)

// TextScore scores node n for a full-text query: the best over its name and
// aliases, compared after NormalizeName, of ScoreExact, ScorePrefix,
// ScoreAll, ScoreSome; 0 when no word matches.
func TextScore(text string, n *Node) int {
	q := NormalizeName(text)
	if q == "" {
		return 0
	}
	words := strings.Fields(q)
	best := scoreName(q, words, n.Name)
	for _, a := range n.Aliases {
		best = max(best, scoreName(q, words, a))
	}
	return best
}

func scoreName(q string, words []string, name string) int {
	nn := NormalizeName(name)
	switch {
	case nn == q:
		return ScoreExact
	case strings.HasPrefix(nn, q):
		return ScorePrefix
	}
	have := strings.Fields(nn)
	hits := 0
	for _, w := range words {
		if contains(have, w) {
			hits++
		}
	}
	switch {
	case hits == len(words):
		return ScoreAll
	case hits > 0:
		return ScoreSome
	}
	return 0
}

// NameKey is the key FindNodes orders names by: the name in lower case.
func NameKey(name string) string { return strings.ToLower(name) }

// CheckNodeQuery validates q and fills its default order: EINVALID for an
// unknown kind or order, ByRelevance without Text, a Text with no words, or
// a bad page.
func CheckNodeQuery(q *NodeQuery) error {
	for _, k := range q.Kinds {
		if !k.Valid() {
			return Errorf(EINVALID, "find nodes: unknown node kind %q", k)
		}
	}
	if q.Text != "" && NormalizeName(q.Text) == "" {
		return Errorf(EINVALID, "find nodes: text %q has no words", q.Text)
	}
	if q.Order == "" {
		q.Order = ByName
		if q.Text != "" {
			q.Order = ByRelevance
		}
	}
	switch q.Order {
	case ByName, ByDegree:
	case ByRelevance:
		if q.Text == "" {
			return Errorf(EINVALID, "find nodes: order %s needs a text query", q.Order)
		}
	default:
		return Errorf(EINVALID, "find nodes: unknown order %q", q.Order)
	}
	if _, err := q.Page.Size(); err != nil {
		return err
	}
	if q.Page.After != "" {
		_, err := decodeNodeCursor(q.Page.After)
		return err
	}
	return nil
}

// MatchNode reports whether n passes q's conditions and returns its text
// score (0 without Text).
func MatchNode(q *NodeQuery, n *Node) (int, bool) {
	if len(q.Kinds) > 0 && !contains(q.Kinds, n.Kind) {
		return 0, false
	}
	if len(q.Countries) > 0 && !contains(q.Countries, n.Country) {
		return 0, false
	}
	if q.Prefix != "" && !anyName(n, func(s string) bool { return strings.HasPrefix(s, NameKey(q.Prefix)) }) {
		return 0, false
	}
	if q.Contains != "" && !anyName(n, func(s string) bool { return strings.Contains(s, NameKey(q.Contains)) }) {
		return 0, false
	}
	if q.Text == "" {
		return 0, true
	}
	s := TextScore(q.Text, n)
	return s, s > 0
}

func anyName(n *Node, ok func(string) bool) bool {
	if ok(NameKey(n.Name)) {
		return true
	}
	for _, a := range n.Aliases {
		if ok(NameKey(a)) {
			return true
		}
	}
	return false
}

// ScoredNode is a FindNodes match with its text score.
type ScoredNode struct {
	Node  Node
	Score int
}

// nodeKey is the sort key of FindNodes: rank (negated degree; negated score
// then name length; 0 by name), then name key (by name only), then ID.
type nodeKey struct {
	rank int
	name string
	id   string
}

// relevanceSpan separates text scores in a relevance rank.
const relevanceSpan = 10_000

func keyOf(order NodeOrder, s *ScoredNode) nodeKey {
	switch order {
	case ByDegree:
		return nodeKey{rank: -s.Node.Degree, id: s.Node.ID}
	case ByRelevance:
		// Within a score, shorter names first: they match the query more
		// closely ("Chinese Academy of Sciences" before an agreement that
		// names it).
		return nodeKey{rank: -s.Score*relevanceSpan + min(len(s.Node.Name), relevanceSpan-1), id: s.Node.ID}
	}
	return nodeKey{name: NameKey(s.Node.Name), id: s.Node.ID}
}

func (a nodeKey) less(b nodeKey) bool {
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	if a.name != b.name {
		return a.name < b.name
	}
	return a.id < b.id
}

func decodeNodeCursor(c string) (nodeKey, error) {
	parts, err := DecodeCursor(c, 3)
	if err != nil {
		return nodeKey{}, err
	}
	rank, err := strconv.Atoi(parts[0])
	if err != nil {
		return nodeKey{}, Errorf(EINVALID, "malformed cursor %q", c)
	}
	return nodeKey{rank: rank, name: parts[1], id: parts[2]}, nil
}

// PageNodes orders matches as q.Order says (q checked by CheckNodeQuery) and
// returns the page after q.Page.After. Totals count every match.
func PageNodes(q NodeQuery, matches []ScoredNode) (NodePage, error) {
	size, err := q.Page.Size()
	if err != nil {
		return NodePage{}, err
	}
	keys := make([]nodeKey, len(matches))
	for i := range matches {
		keys[i] = keyOf(q.Order, &matches[i])
	}
	idx := sortedIndex(len(matches), func(i, j int) bool { return keys[i].less(keys[j]) })
	start := 0
	if q.Page.After != "" {
		after, err := decodeNodeCursor(q.Page.After)
		if err != nil {
			return NodePage{}, err
		}
		start = sort.Search(len(idx), func(i int) bool { return after.less(keys[idx[i]]) })
	}
	var page NodePage
	end := min(start+size, len(idx))
	for _, i := range idx[start:end] {
		page.Nodes = append(page.Nodes, matches[i].Node)
	}
	page.HasNextPage = end < len(idx)
	if end > start {
		k := keys[idx[end-1]]
		page.EndCursor = EncodeCursor(strconv.Itoa(k.rank), k.name, k.id)
	}
	page.Total = total(q.Page, len(matches))
	return page, nil
}

func total(p Page, n int) int {
	if p.WithTotal {
		return n
	}
	return -1
}

func sortedIndex(n int, less func(i, j int) bool) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return less(idx[a], idx[b]) })
	return idx
}

// EdgeTouches reports whether e touches node id in direction d (symmetric
// edges count as OUT and IN; "" means BOTH).
func EdgeTouches(e *Edge, id string, d Direction) bool {
	switch d {
	case Out:
		return e.From == id || (e.Type.Symmetric() && e.To == id)
	case In:
		return e.To == id || (e.Type.Symmetric() && e.From == id)
	}
	return e.From == id || e.To == id
}

// CheckEdgeQuery validates q: known direction, a good filter and page, at
// most MaxBatchIDs nodes, After only with one node and well formed.
func CheckEdgeQuery(q *EdgeQuery) error {
	switch q.Direction {
	case "", Out, In, Both:
	default:
		return Errorf(EINVALID, "edges: unknown direction %q", q.Direction)
	}
	if len(q.Nodes) > MaxBatchIDs {
		return Errorf(EINVALID, "edges: %d nodes exceed %d", len(q.Nodes), MaxBatchIDs)
	}
	if q.Page.After != "" && len(q.Nodes) != 1 {
		return Errorf(EINVALID, "edges: a cursor needs exactly one node, got %d", len(q.Nodes))
	}
	if _, err := q.Page.Size(); err != nil {
		return err
	}
	if q.Page.After != "" {
		if _, err := DecodeCursor(q.Page.After, 2); err != nil {
			return err
		}
	}
	return q.Filter.Validate()
}

// EdgeLess orders edges by (Date, ID), undated first.
func EdgeLess(a, b *Edge) bool {
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	return a.ID < b.ID
}

// PageEdges orders edges by (Date, ID) and returns the page after p.After.
// Edges must have their ID filled.
func PageEdges(edges []Edge, p Page) (EdgePage, error) {
	size, err := p.Size()
	if err != nil {
		return EdgePage{}, err
	}
	sort.Slice(edges, func(i, j int) bool { return EdgeLess(&edges[i], &edges[j]) })
	start := 0
	if p.After != "" {
		parts, err := DecodeCursor(p.After, 2)
		if err != nil {
			return EdgePage{}, err
		}
		after := Edge{Date: parts[0], ID: parts[1]}
		start = sort.Search(len(edges), func(i int) bool { return EdgeLess(&after, &edges[i]) })
	}
	end := min(start+size, len(edges))
	page := EdgePage{Edges: edges[start:end:end]}
	page.HasNextPage = end < len(edges)
	if end > start {
		page.EndCursor = EncodeCursor(edges[end-1].Date, edges[end-1].ID)
	}
	page.Total = total(p, len(edges))
	return page, nil
}

// PageDocuments orders documents by (Issued, ID) and returns the page after
// p.After.
func PageDocuments(docs []Document, p Page) (DocumentPage, error) {
	size, err := p.Size()
	if err != nil {
		return DocumentPage{}, err
	}
	less := func(a, b *Document) bool {
		if a.Issued != b.Issued {
			return a.Issued < b.Issued
		}
		return a.ID < b.ID
	}
	sort.Slice(docs, func(i, j int) bool { return less(&docs[i], &docs[j]) })
	start := 0
	if p.After != "" {
		parts, err := DecodeCursor(p.After, 2)
		if err != nil {
			return DocumentPage{}, err
		}
		after := Document{Issued: parts[0], ID: parts[1]}
		start = sort.Search(len(docs), func(i int) bool { return less(&after, &docs[i]) })
	}
	end := min(start+size, len(docs))
	page := DocumentPage{Documents: docs[start:end:end]}
	page.HasNextPage = end < len(docs)
	if end > start {
		page.EndCursor = EncodeCursor(docs[end-1].Issued, docs[end-1].ID)
	}
	page.Total = total(p, len(docs))
	return page, nil
}

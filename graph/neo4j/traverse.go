package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/sdkg/sdkg/graph"
)

// Neighbourhood implements graph.Store in one statement
// (neighbourhoodCypher); admission follows graph.AdmitLayers.
func (s *Store) Neighbourhood(ctx context.Context, seeds []string, depth int, f graph.Filter, limit int) (graph.Subgraph, error) {
	limit, err := graph.CheckTraversal(seeds, depth, limit, &f)
	if err != nil {
		return graph.Subgraph{}, err
	}
	recs, err := s.query(ctx, neighbourhoodCypher(depth, f),
		with(filterParams(f), "seeds", dedupe(seeds), "limit", limit), false)
	if err != nil {
		return graph.Subgraph{}, err
	}
	nv, _ := recs[0].Get("nodes")
	ns, _ := nv.([]any)
	if len(ns) == 0 {
		return graph.Subgraph{}, graph.Errorf(graph.ENOTFOUND, "neighbourhood: no seed %q exists", seeds)
	}
	ev, _ := recs[0].Get("edges")
	cut, _ := recs[0].Get("cut")
	// The statement found each edge once (from its start node) and only
	// edges passing f: what InducedSubgraph would check is done.
	sg := graph.Subgraph{Nodes: make([]graph.Node, len(ns)), Edges: edgesFromList(ev), Truncated: cut.(bool)}
	for i, v := range ns {
		sg.Nodes[i] = nodeFrom(v)
	}
	graph.SortSubgraph(&sg)
	return sg, nil
}

// neighbourhoodCypher is the statement that resolves the seeds ($seeds,
// following merges as NodesByID does), cuts them to $limit and admits
// depth layers after them exactly as graph.AdmitLayers does — each layer
// the not yet admitted neighbours of the previous one over edges passing
// the filter, through nodes passing it, the smallest ids first until
// $limit nodes — and returns the admitted nodes (none when no seed
// exists), the edges among them that pass the filter, and whether a layer
// was cut. Neighbours are found, deduplicated and ordered on the server:
// only the admitted nodes travel. (LIMIT cannot depend on a variable,
// hence the ordered collect and the slice.)
func neighbourhoodCypher(depth int, f graph.Filter) string {
	ew, nw := edgeWhereFor(f), nodeWhereFor(f, "m")
	var b strings.Builder
	b.WriteString(`UNWIND $seeds AS sid
OPTIONAL MATCH (red:Redirect {from: sid})
WITH DISTINCT coalesce(red.to, sid) AS rid
MATCH (s:Entity {id: rid})
WITH s ORDER BY s.id
WITH collect(s) AS found
WITH found[..$limit] AS a0, size(found) > $limit AS cut0
WITH a0, a0 AS l0, cut0
`)
	for d := 1; d <= depth; d++ {
		fmt.Fprintf(&b, `CALL (a%[1]d, l%[1]d, cut%[1]d) {
	UNWIND CASE WHEN cut%[1]d THEN [] ELSE l%[1]d END AS n
	MATCH (n)-[r]-(m) WHERE %[3]s AND %[4]s AND NOT m IN a%[1]d
	WITH DISTINCT m ORDER BY m.id
	RETURN collect(m) AS c%[2]d
}
WITH a%[1]d, c%[2]d[..$limit - size(a%[1]d)] AS l%[2]d, cut%[1]d OR size(c%[2]d) > $limit - size(a%[1]d) AS cut%[2]d
WITH a%[1]d + l%[2]d AS a%[2]d, l%[2]d, cut%[2]d
`, d-1, d, ew, nw)
	}
	fmt.Fprintf(&b, "WITH a%[1]d AS ns, cut%[1]d AS cut\n%[2]s\nRETURN [n IN ns | %[3]s] AS nodes, edges, cut",
		depth, edgesAmong(ew), nodeMap)
	return b.String()
}

// edgesAmong is the subquery that collects, as edgeList values into
// edges, the relationships passing predicate ew among the nodes of list
// ns: each found once, from its start node, by node identity (no property
// read to test membership).
func edgesAmong(ew string) string {
	return `CALL (ns) {
	UNWIND ns AS n MATCH (n)-[r]->(m) WHERE m IN ns AND ` + ew + `
	RETURN collect(` + edgeList + `) AS edges
}`
}

// among returns the nodes ids and the edges passing f among them.
func (s *Store) among(ctx context.Context, ids []string, f graph.Filter) (map[string]*graph.Node, []graph.Edge, error) {
	// One statement, one record: the nodes, then the edges among them.
	recs, err := s.query(ctx, `UNWIND $ids AS id MATCH (n:Entity {id: id})
		WITH collect(n) AS ns, collect(`+nodeMap+`) AS nodes
		`+edgesAmong(edgeWhereFor(f))+`
		RETURN nodes, edges`, with(filterParams(f), "ids", ids), false)
	if err != nil {
		return nil, nil, err
	}
	nodes := map[string]*graph.Node{}
	if len(recs) == 0 {
		return nodes, nil, nil
	}
	nv, _ := recs[0].Get("nodes")
	for _, v := range nv.([]any) {
		n := nodeFrom(v)
		nodes[n.ID] = &n
	}
	ev, _ := recs[0].Get("edges")
	return nodes, edgesFromList(ev), nil
}

type fetched struct {
	nodes map[string]*graph.Node
	edges []graph.Edge
}

// ShortestPaths implements graph.Store: Neo4j's allShortestPaths finds the
// nodes on shortest paths under f; graph.ShortestPathsOf orders and picks
// them over that subgraph exactly as every backend does.
func (s *Store) ShortestPaths(ctx context.Context, from, to string, f graph.Filter, maxHops, k int) ([]graph.Path, error) {
	if err := graph.CheckPaths(from, to, &f, maxHops, k); err != nil {
		return nil, err
	}
	ends, err := s.NodesByID(ctx, []string{from, to})
	if err != nil {
		return nil, err
	}
	for i, id := range []string{from, to} {
		if ends[i] == nil {
			return nil, graph.Errorf(graph.ENOTFOUND, "shortest paths: no node %q", id)
		}
	}
	from, to = ends[0].ID, ends[1].ID
	if from == to { // both ends were merged into one node
		return []graph.Path{}, nil
	}
	ids, err := s.onShortestPaths(ctx, from, to, f, maxHops)
	if err != nil || len(ids) == 0 {
		return []graph.Path{}, err
	}
	nodes, edges, err := s.among(ctx, ids, f)
	if err != nil {
		return nil, err
	}
	return graph.ShortestPathsOf(from, to, f, maxHops, k, nodes, edges)
}

// onShortestPaths returns the nodes that lie on some shortest path of at
// most maxHops hops between from and to under f, by a breadth-first search
// from both ends, one round trip per layer, always growing the side with
// the smaller frontier. Neo4j's allShortestPaths with the filter's
// predicates fell back to enumerating paths: minutes between two nodes
// near hubs.
//
// When side A has layers 0..i and side B layers 0..j and they do not
// meet, every path is longer than i+j; if A's next layer meets B, the
// meeting nodes are at distance j from to, the distance is i+j+1, and the
// nodes on shortest paths are the meeting nodes and their ancestors in the
// layers of both sides.
func (s *Store) onShortestPaths(ctx context.Context, from, to string, f graph.Filter, maxHops int) ([]string, error) {
	sides := [2]*bfsSide{newBFSSide(from), newBFSSide(to)}
	params := with(filterParams(f), "ends", []string{from, to})
	for hops := 0; hops < maxHops; hops++ {
		grow, other := sides[0], sides[1]
		if len(other.frontier) < len(grow.frontier) {
			grow, other = other, grow
		}
		if len(grow.frontier) == 0 {
			return nil, nil
		}
		nb, err := s.neighbours(ctx, grow.frontier, f, params)
		if err != nil {
			return nil, err
		}
		meet := grow.advance(nb, other)
		if len(meet) > 0 {
			return dedupe(append(grow.ancestors(meet), other.ancestors(meet)...)), nil
		}
	}
	return nil, nil
}

// neighbours returns, for each node of ids, its neighbours over edges that
// pass the filter of params, where a neighbour passes the node filter or is
// one of $ends.
func (s *Store) neighbours(ctx context.Context, ids []string, f graph.Filter, params map[string]any) (map[string][]string, error) {
	nw := nodeWhereFor(f, "m")
	if nw != "true" {
		nw = "(" + nw + " OR m.id IN $ends)"
	}
	recs, err := s.query(ctx, `UNWIND $ids AS id MATCH (n:Entity {id: id})-[r]-(m:Entity)
		WHERE `+edgeWhereFor(f)+` AND `+nw+` RETURN id, collect(DISTINCT m.id) AS ms`,
		with(params, "ids", ids), false)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(recs))
	for _, r := range recs {
		id, _ := r.Get("id")
		ms, _ := r.Get("ms")
		out[id.(string)] = strs(ms)
	}
	return out, nil
}

// bfsSide is one side of a two-ended breadth-first search: the layer of
// each reached node and the parents (in the layer before) of each.
type bfsSide struct {
	layer    map[string]int
	parents  map[string][]string
	frontier []string
}

func newBFSSide(start string) *bfsSide {
	return &bfsSide{layer: map[string]int{start: 0}, parents: map[string][]string{}, frontier: []string{start}}
}

// advance makes the next layer from the frontier's neighbours nb and
// returns the nodes of it that other has reached (in other's last layer).
func (b *bfsSide) advance(nb map[string][]string, other *bfsSide) []string {
	depth := b.layer[b.frontier[0]] + 1
	var next, meet []string
	for _, id := range b.frontier {
		for _, m := range nb[id] {
			if l, ok := b.layer[m]; ok && l < depth {
				continue
			}
			if _, ok := b.layer[m]; !ok {
				b.layer[m] = depth
				next = append(next, m)
				if _, met := other.layer[m]; met {
					meet = append(meet, m)
				}
			}
			b.parents[m] = append(b.parents[m], id)
		}
	}
	b.frontier = next
	return meet
}

// ancestors returns ids and every node from which this side reached them,
// back to its start, each once.
func (b *bfsSide) ancestors(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	stack := append([]string(nil), ids...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
		stack = append(stack, b.parents[id]...)
	}
	return out
}

// Collaborators implements graph.Store: two round trips for the whole batch
// (the actors' edges, then every edge of the nodes they share), then
// graph.Collaborate per actor.
func (s *Store) Collaborators(ctx context.Context, ids []string, f graph.Filter, limit int) ([][]graph.Collaborator, error) {
	if len(ids) > graph.MaxBatchIDs {
		return nil, graph.Errorf(graph.EINVALID, "collaborators: %d ids exceed %d", len(ids), graph.MaxBatchIDs)
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if limit < 0 {
		return nil, graph.Errorf(graph.EINVALID, "collaborators: negative limit %d", limit)
	}
	out, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collabData(ctx, tx, dedupe(ids))
	})
	if err != nil {
		return nil, err
	}
	fx := out.(fetched)
	res := make([][]graph.Collaborator, len(ids))
	for i, id := range ids {
		if fx.nodes[id] != nil {
			res[i] = graph.Collaborate(id, fx.edges, fx.nodes, f, limit)
		}
	}
	return res, nil
}

// collabData fetches what graph.Collaborate needs for the actors ids, in
// three statements: the shared nodes each actor points at; the edges from
// actors into those shared nodes and the actors' own COLLABORATED_WITH
// edges (nothing else of a shared node, and nothing of a direct partner's
// other edges); the nodes at both ends of those edges.
func collabData(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (fetched, error) {
	sharedKinds, actorKinds := kindsWhere(graph.IsShared), kindsWhere(graph.IsActor)
	// One statement, one record: edges as collected lists (edgeListOf),
	// every end node once.
	recs, err := run(ctx, tx, `UNWIND $ids AS id MATCH (a:Entity {id: id})
		OPTIONAL MATCH (a)-->(s:Entity) WHERE s.kind IN $shared
		WITH collect(DISTINCT a) AS actors, collect(DISTINCT s) AS shared
		CALL (shared) {
			UNWIND shared AS m MATCH (m)<-[r]-(n:Entity) WHERE n.kind IN $actors
			RETURN collect(`+edgeListOf("n", "m")+`) AS into, collect(DISTINCT n) AS partners
		}
		CALL (actors) {
			UNWIND actors AS a MATCH (a)-[r:COLLABORATED_WITH]-(o:Entity)
			WITH DISTINCT r, o
			RETURN collect(`+edgeListOf("startNode(r)", "endNode(r)")+`) AS direct, collect(DISTINCT o) AS others
		}
		CALL (actors, shared, partners, others) {
			UNWIND actors + shared + partners + others AS n
			WITH DISTINCT n
			RETURN collect(`+nodeMap+`) AS nodes
		}
		RETURN into + direct AS edges, nodes`,
		map[string]any{"ids": ids, "shared": sharedKinds, "actors": actorKinds})
	if err != nil {
		return fetched{}, err
	}
	fx := fetched{nodes: map[string]*graph.Node{}}
	if len(recs) == 0 {
		return fx, nil
	}
	ev, _ := recs[0].Get("edges")
	fx.edges = edgesFromList(ev)
	nv, _ := recs[0].Get("nodes")
	for _, v := range nv.([]any) {
		n := nodeFrom(v)
		fx.nodes[n.ID] = &n
	}
	return fx, nil
}

// kindsWhere lists the kinds for which keep is true, in graph.Kinds order.
func kindsWhere(keep func(graph.Kind) bool) []string {
	var out []string
	for _, k := range graph.Kinds {
		if keep(k) {
			out = append(out, string(k))
		}
	}
	return out
}

// Rollup implements graph.Store: one round trip for the membership edges
// (AFFILIATED_WITH, BASED_IN, unfiltered) and the "worked with" edges that
// pass f, then graph.RollupOf.
func (s *Store) Rollup(ctx context.Context, level graph.Level, f graph.Filter) (graph.Subgraph, error) {
	if err := f.Validate(); err != nil {
		return graph.Subgraph{}, err
	}
	switch level {
	case graph.LevelEntity, graph.LevelInstitution, graph.LevelCountry:
	default:
		return graph.Subgraph{}, graph.Errorf(graph.EINVALID, "rollup: unknown level %q", level)
	}
	// One record: the edges as lists (edgeListOf), then each end node once.
	recs, err := s.query(ctx, `MATCH (a:Entity)-[r]->(b:Entity)
		WHERE type(r) IN ['AFFILIATED_WITH', 'BASED_IN'] OR (`+edgeWhereFor(f)+` AND type(r) IN $linkTypes)
		WITH collect(`+edgeListOf("a", "b")+`) AS edges, collect(DISTINCT a) + collect(DISTINCT b) AS ends
		CALL (ends) {
			UNWIND ends AS n WITH DISTINCT n
			RETURN collect(n {.id, .kind, .name, .aliases, .country, .props}) AS nodes
		}
		RETURN edges, nodes`,
		with(filterParams(f), "linkTypes", []string{"SIGNED", "PARTICIPATED_IN", "HOSTED", "LED", "LAUNCHED", "DEVELOPED", "ESTABLISHED", "COLLABORATED_WITH"}), false)
	if err != nil {
		return graph.Subgraph{}, err
	}
	nodes := map[string]*graph.Node{}
	var edges []graph.Edge
	if len(recs) > 0 {
		nv, _ := recs[0].Get("nodes")
		for _, v := range nv.([]any) {
			n := nodeFrom(v)
			nodes[n.ID] = &n
		}
		ev, _ := recs[0].Get("edges")
		edges = edgesFromList(ev)
	}
	sort.Slice(edges, func(i, j int) bool { return edges[i].ID < edges[j].ID })
	return graph.RollupOf(level, nodes, edges, f)
}

package gql

import (
	"context"
	"sort"

	"github.com/99designs/gqlgen/graphql"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/analysis"
	"github.com/sdkg/sdkg/server/gql/model"
)

// Network limits (graph.Store.Neighbourhood's).
const (
	defaultNetworkLimit = 500
	maxNetworkLimit     = 10000
	maxNetworkDepth     = 3
)

// networkArgs are the validated arguments of Query.network.
type networkArgs struct {
	seeds  []string
	depth  int
	filter graph.Filter
	level  graph.Level
	limit  int
}

func newNetworkArgs(seeds []string, depth *int, filter *model.GraphFilter, level *graph.Level, limit *int) (networkArgs, error) {
	a := networkArgs{seeds: seeds, depth: 1, level: graph.LevelEntity, limit: defaultNetworkLimit}
	if depth != nil {
		a.depth = *depth
	}
	if level != nil {
		a.level = *level
	}
	if limit != nil {
		a.limit = *limit
	}
	var err error
	if a.filter, err = toFilter(filter); err != nil {
		return a, err
	}
	switch {
	case a.depth < 1 || a.depth > maxNetworkDepth:
		return a, graph.Errorf(graph.EINVALID, "network depth %d outside 1 to %d", a.depth, maxNetworkDepth)
	case a.limit < 1 || a.limit > maxNetworkLimit:
		return a, graph.Errorf(graph.EINVALID, "network limit %d outside 1 to %d", a.limit, maxNetworkLimit)
	case a.level == graph.LevelEntity && len(a.seeds) == 0:
		return a, graph.Errorf(graph.EINVALID, "a network at level ENTITY needs at least one seed")
	}
	return a, nil
}

// subgraph reads the network's subgraph: the neighbourhood of the seeds at
// entity level, else the roll-up, cut around the seeds when there are any.
func (r *Resolver) subgraph(ctx context.Context, a networkArgs) (graph.Subgraph, error) {
	if a.level == graph.LevelEntity {
		return r.Store.Neighbourhood(ctx, a.seeds, a.depth, a.filter, a.limit)
	}
	sg, err := r.Store.Rollup(ctx, a.level, a.filter)
	if err != nil || len(a.seeds) == 0 {
		return heaviest(sg, a.limit), err
	}
	return r.around(ctx, sg, a)
}

// around keeps the nodes of sg within a.depth hops of the seeds, admitted
// in breadth-first layers in ID order up to a.limit. Seeds that exist but
// have no roll-up link are kept alone; ENOTFOUND when no seed exists.
func (r *Resolver) around(ctx context.Context, sg graph.Subgraph, a networkArgs) (graph.Subgraph, error) {
	byID := make(map[string]graph.Node, len(sg.Nodes))
	for _, n := range sg.Nodes {
		byID[n.ID] = n
	}
	if err := r.addMissingSeeds(ctx, byID, a.seeds); err != nil {
		return graph.Subgraph{}, err
	}
	adj := map[string][]string{}
	for _, e := range sg.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	keep, truncated := layers(a.seeds, adj, byID, a.depth, a.limit)
	return restrict(sg.Edges, byID, keep, truncated), nil
}

func (r *Resolver) addMissingSeeds(ctx context.Context, byID map[string]graph.Node, seeds []string) error {
	var missing []string
	for _, s := range seeds {
		if _, ok := byID[s]; !ok {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	nodes, err := r.Store.NodesByID(ctx, missing)
	if err != nil {
		return err
	}
	found := len(missing) < len(seeds)
	for _, n := range nodes {
		if n != nil {
			byID[n.ID] = *n
			found = true
		}
	}
	if !found {
		return graph.Errorf(graph.ENOTFOUND, "no seed of the network exists")
	}
	return nil
}

// layers walks breadth-first from the seeds that exist, each layer in ID
// order, up to depth hops and limit nodes.
func layers(seeds []string, adj map[string][]string, byID map[string]graph.Node, depth, limit int) (map[string]bool, bool) {
	keep := map[string]bool{}
	var layer []string
	for _, s := range seeds {
		if _, ok := byID[s]; ok && !keep[s] && len(keep) < limit {
			keep[s] = true
			layer = append(layer, s)
		}
	}
	truncated := false
	for d := 0; d < depth && len(layer) > 0; d++ {
		var next []string
		for _, id := range layer {
			for _, o := range adj[id] {
				if !keep[o] && !slicesContains(next, o) {
					next = append(next, o)
				}
			}
		}
		sort.Strings(next)
		layer = nil
		for _, id := range next {
			if len(keep) >= limit {
				truncated = true
				break
			}
			keep[id] = true
			layer = append(layer, id)
		}
	}
	return keep, truncated
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// restrict builds the subgraph of the kept nodes, nodes and edges in ID order.
func restrict(edges []graph.Edge, byID map[string]graph.Node, keep map[string]bool, truncated bool) graph.Subgraph {
	out := graph.Subgraph{Truncated: truncated}
	for id := range keep {
		out.Nodes = append(out.Nodes, byID[id])
	}
	sort.Slice(out.Nodes, func(i, j int) bool { return out.Nodes[i].ID < out.Nodes[j].ID })
	for _, e := range edges {
		if keep[e.From] && keep[e.To] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// heaviest keeps the limit nodes of sg with the most weight of links (ties
// by ID) when sg has more.
func heaviest(sg graph.Subgraph, limit int) graph.Subgraph {
	if len(sg.Nodes) <= limit {
		return sg
	}
	w := map[string]int{}
	for _, e := range sg.Edges {
		w[e.From] += max(e.Weight, 1)
		w[e.To] += max(e.Weight, 1)
	}
	nodes := append([]graph.Node(nil), sg.Nodes...)
	sort.SliceStable(nodes, func(i, j int) bool {
		if w[nodes[i].ID] != w[nodes[j].ID] {
			return w[nodes[i].ID] > w[nodes[j].ID]
		}
		return nodes[i].ID < nodes[j].ID
	})
	byID, keep := map[string]graph.Node{}, map[string]bool{}
	for _, n := range nodes[:limit] {
		byID[n.ID], keep[n.ID] = n, true
	}
	return restrict(sg.Edges, byID, keep, true)
}

// toNetwork shapes a subgraph for drawing, with the measures of package
// analysis that the query selects (opt).
func toNetwork(sg graph.Subgraph, level graph.Level, opt analysis.Options) *model.Network {
	m := analysis.Analyze(sg, opt)
	out := &model.Network{Level: level, Truncated: sg.Truncated,
		Nodes: make([]model.NetworkNode, 0, len(sg.Nodes)), Edges: make([]model.NetworkEdge, 0, len(sg.Edges))}
	for _, n := range sg.Nodes {
		x := m[n.ID]
		out.Nodes = append(out.Nodes, model.NetworkNode{ID: n.ID, Label: n.Name, Kind: n.Kind,
			Country: nullable(n.Country), Degree: x.Degree, Betweenness: x.Betweenness, PageRank: x.PageRank,
			Community: x.Community, FirstYear: nonZero(x.FirstYear), LastYear: nonZero(x.LastYear)})
	}
	for _, e := range sg.Edges {
		out.Edges = append(out.Edges, networkEdge(e))
	}
	return out
}

func networkEdge(e graph.Edge) model.NetworkEdge {
	id := e.ID
	if id == "" {
		id = e.Key()
	}
	years := e.Years
	if len(years) == 0 && e.Year != 0 {
		years = []int{e.Year}
	}
	if years == nil {
		years = []int{}
	}
	return model.NetworkEdge{ID: id, Source: e.From, Target: e.To, Type: e.Type, Weight: max(e.Weight, 1), Years: years}
}

func nonZero(v int) *int {
	if v == 0 {
		return nil
	}
	return &v
}

// measuresWanted looks ahead into the selection of network { nodes } and
// skips the measures no client asked for.
func measuresWanted(ctx context.Context) analysis.Options {
	want := map[string]bool{}
	oc := graphql.GetOperationContext(ctx)
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name != "nodes" {
			continue
		}
		for _, g := range graphql.CollectFields(oc, f.Selections, nil) {
			want[g.Name] = true
		}
	}
	return analysis.Options{SkipBetweenness: !want["betweenness"], SkipPageRank: !want["pageRank"],
		SkipCommunities: !want["community"]}
}

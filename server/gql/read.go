package gql

import (
	"context"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/server/gql/model"
)

// findNodes reads one page of FindNodes, with a total only when totalCount
// is selected.
func (r *Resolver) findNodes(ctx context.Context, q graph.NodeQuery, first *int, after *string) (*model.EntityConnection, error) {
	p, err := fetchPage(first, after, wantsField(ctx, "totalCount"), func(pg graph.Page) ([]graph.Node, graph.PageInfo, error) {
		q.Page = pg
		np, err := r.Store.FindNodes(ctx, q)
		return np.Nodes, np.PageInfo, err
	})
	if err != nil {
		return nil, err
	}
	return entityConnection(p), nil
}

// edgesOf reads one page of a node's edges: through the operation's batching
// loader for a first page, directly for a later one (the store pages after
// a cursor for one node at a time).
func (r *Resolver) edgesOf(ctx context.Context, id string, a edgeArgs, first *int, after *string) (*model.RelationConnection, error) {
	a.withTotal = wantsField(ctx, "totalCount")
	p, err := fetchPage(first, after, a.withTotal, func(pg graph.Page) ([]graph.Edge, graph.PageInfo, error) {
		a.first, a.withTotal = pg.First, pg.WithTotal
		if pg.After == "" {
			l := r.loadersFor(ctx)
			ep, err := load(ctx, l.edgesLoader(a), l.fetchEdges(a), id)
			return ep.Edges, ep.PageInfo, err
		}
		eps, err := r.Store.Edges(ctx, a.query([]string{id}, pg.After))
		if err != nil || len(eps) != 1 {
			return nil, graph.PageInfo{}, orInternal(err, "store returned %d edge pages for one node", len(eps))
		}
		return eps[0].Edges, eps[0].PageInfo, nil
	})
	if err != nil {
		return nil, err
	}
	return relationConnection(p), nil
}

// endpoint loads a relation's endpoint; a dangling endpoint is EINTERNAL.
func (r *Resolver) endpoint(ctx context.Context, id string) (*graph.Node, error) {
	l := r.loadersFor(ctx)
	n, err := load(ctx, l.nodes, l.fetchNodes, id)
	if err == nil && n == nil {
		return nil, graph.Errorf(graph.EINTERNAL, "relation endpoint %q is missing", id)
	}
	return n, err
}

// relationID is the identity of an edge: its ID, or its Key when unset.
func relationID(e *graph.Edge) string {
	if e.ID != "" {
		return e.ID
	}
	return e.Key()
}

func orInternal(err error, format string, args ...any) error {
	if err != nil {
		return err
	}
	return graph.Errorf(graph.EINTERNAL, format, args...)
}

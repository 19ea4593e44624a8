package server

import (
	"context"
	"time"

	"github.com/sdkg/sdkg/graph"
)

// instrumented times every call of a graph.Store into the handler's
// metrics (sdkg_store_call_duration_seconds). It changes no result.
type instrumented struct {
	s graph.Store
	m *metrics
}

var _ graph.Store = (*instrumented)(nil)

func instrument(s graph.Store, m *metrics) graph.Store { return &instrumented{s: s, m: m} }

// done records one call of method that started at start and ended with *err.
func (i *instrumented) done(method string, start time.Time, err *error) {
	i.m.storeCalls.WithLabelValues(method, graph.ErrorCode(*err)).Observe(time.Since(start).Seconds())
}

func (i *instrumented) Apply(ctx context.Context, f *graph.Facts) (_ graph.ApplySummary, err error) {
	defer i.done("Apply", time.Now(), &err)
	return i.s.Apply(ctx, f)
}

func (i *instrumented) ApplyBatch(ctx context.Context, fs []*graph.Facts) (_ []graph.ApplySummary, err error) {
	defer i.done("ApplyBatch", time.Now(), &err)
	return i.s.ApplyBatch(ctx, fs)
}

func (i *instrumented) DeleteDocument(ctx context.Context, id string) (_ graph.ApplySummary, err error) {
	defer i.done("DeleteDocument", time.Now(), &err)
	return i.s.DeleteDocument(ctx, id)
}

func (i *instrumented) MergeNodes(ctx context.Context, keep, drop string) (_ graph.Node, err error) {
	defer i.done("MergeNodes", time.Now(), &err)
	return i.s.MergeNodes(ctx, keep, drop)
}

func (i *instrumented) AddAlias(ctx context.Context, id, alias string) (_ graph.Node, err error) {
	defer i.done("AddAlias", time.Now(), &err)
	return i.s.AddAlias(ctx, id, alias)
}

func (i *instrumented) NodesByID(ctx context.Context, ids []string) (_ []*graph.Node, err error) {
	defer i.done("NodesByID", time.Now(), &err)
	return i.s.NodesByID(ctx, ids)
}

func (i *instrumented) FindNodes(ctx context.Context, q graph.NodeQuery) (_ graph.NodePage, err error) {
	defer i.done("FindNodes", time.Now(), &err)
	return i.s.FindNodes(ctx, q)
}

func (i *instrumented) Edges(ctx context.Context, q graph.EdgeQuery) (_ []graph.EdgePage, err error) {
	defer i.done("Edges", time.Now(), &err)
	return i.s.Edges(ctx, q)
}

func (i *instrumented) Evidence(ctx context.Context, edgeIDs []string) (_ [][]graph.Evidence, err error) {
	defer i.done("Evidence", time.Now(), &err)
	return i.s.Evidence(ctx, edgeIDs)
}

func (i *instrumented) Neighbourhood(ctx context.Context, seeds []string, depth int, f graph.Filter, limit int) (_ graph.Subgraph, err error) {
	defer i.done("Neighbourhood", time.Now(), &err)
	return i.s.Neighbourhood(ctx, seeds, depth, f, limit)
}

func (i *instrumented) ShortestPaths(ctx context.Context, from, to string, f graph.Filter, maxHops, k int) (_ []graph.Path, err error) {
	defer i.done("ShortestPaths", time.Now(), &err)
	return i.s.ShortestPaths(ctx, from, to, f, maxHops, k)
}

func (i *instrumented) Collaborators(ctx context.Context, ids []string, f graph.Filter, limit int) (_ [][]graph.Collaborator, err error) {
	defer i.done("Collaborators", time.Now(), &err)
	return i.s.Collaborators(ctx, ids, f, limit)
}

func (i *instrumented) Rollup(ctx context.Context, level graph.Level, f graph.Filter) (_ graph.Subgraph, err error) {
	defer i.done("Rollup", time.Now(), &err)
	return i.s.Rollup(ctx, level, f)
}

func (i *instrumented) CountsBy(ctx context.Context, by graph.GroupBy, f graph.Filter) (_ []graph.Count, err error) {
	defer i.done("CountsBy", time.Now(), &err)
	return i.s.CountsBy(ctx, by, f)
}

func (i *instrumented) Documents(ctx context.Context, p graph.Page) (_ graph.DocumentPage, err error) {
	defer i.done("Documents", time.Now(), &err)
	return i.s.Documents(ctx, p)
}

func (i *instrumented) Totals(ctx context.Context) (_ graph.Totals, err error) {
	defer i.done("Totals", time.Now(), &err)
	return i.s.Totals(ctx)
}

func (i *instrumented) Ping(ctx context.Context) (err error) {
	defer i.done("Ping", time.Now(), &err)
	return i.s.Ping(ctx)
}

// Close closes the wrapped store.
func (i *instrumented) Close() error { return i.s.Close() }

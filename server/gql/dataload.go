package gql

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/sdkg/sdkg/graph"
	"github.com/vikstrous/dataloadgen"
)

// Batching. Each GraphQL operation gets its own loaders (no data is shared
// between requests or users). Sibling fields of a list, resolved
// concurrently by gqlgen, ask a loader for one key each; the loader waits
// BatchWait for siblings and then makes one store call for all keys. So a
// query costs one store call per nesting level, not one per parent.

// DefaultBatchWait is how long a loader collects keys before calling the store.
const DefaultBatchWait = 2 * time.Millisecond

// batchCapacity bounds the keys of one store call (NodesByID allows
// MaxPageSize*10).
const batchCapacity = graph.MaxPageSize

type loadersKey struct{}

// loaders are the per-operation batching loaders.
type loaders struct {
	store graph.Store
	wait  time.Duration

	nodes    *dataloadgen.Loader[string, *graph.Node]
	evidence *dataloadgen.Loader[string, []graph.Evidence]

	mu      sync.Mutex
	edges   map[edgeArgs]*dataloadgen.Loader[string, graph.EdgePage]
	collabs map[collabArgs]*dataloadgen.Loader[string, []graph.Collaborator]
}

// edgeArgs are the arguments shared by a batch of Store.Edges calls.
type edgeArgs struct {
	dir       graph.Direction
	types     string // comma-joined
	from, to  string
	datedOnly bool
	first     int
	withTotal bool
}

// collabArgs are the arguments shared by a batch of Store.Collaborators calls.
type collabArgs struct {
	from, to string
	kinds    string // comma-joined
	limit    int
}

// Dataload returns the operation middleware that gives every operation
// fresh loaders over store, each waiting wait (0: DefaultBatchWait) for keys.
func Dataload(store graph.Store, wait time.Duration) graphql.OperationMiddleware {
	if wait <= 0 {
		wait = DefaultBatchWait
	}
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(context.WithValue(ctx, loadersKey{}, newLoaders(store, wait)))
	}
}

func newLoaders(store graph.Store, wait time.Duration) *loaders {
	l := &loaders{store: store, wait: wait,
		edges:   map[edgeArgs]*dataloadgen.Loader[string, graph.EdgePage]{},
		collabs: map[collabArgs]*dataloadgen.Loader[string, []graph.Collaborator]{}}
	l.nodes = dataloadgen.NewLoader(l.fetchNodes, l.options()...)
	l.evidence = dataloadgen.NewLoader(l.fetchEvidence, l.options()...)
	return l
}

func (l *loaders) options() []dataloadgen.Option {
	return []dataloadgen.Option{dataloadgen.WithWait(l.wait), dataloadgen.WithBatchCapacity(batchCapacity)}
}

// loadersFor returns the operation's loaders, or unbatched ones when the
// operation has none (a resolver called outside the server).
func (r *Resolver) loadersFor(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.Store, time.Microsecond)
}

func (l *loaders) fetchNodes(ctx context.Context, ids []string) ([]*graph.Node, []error) {
	nodes, err := l.store.NodesByID(ctx, ids)
	if err != nil {
		return nil, []error{err}
	}
	return nodes, nil
}

func (l *loaders) fetchEvidence(ctx context.Context, ids []string) ([][]graph.Evidence, []error) {
	ev, err := l.store.Evidence(ctx, ids)
	if err != nil {
		return nil, []error{err}
	}
	return ev, nil
}

// edgesLoader returns the loader for one combination of arguments.
func (l *loaders) edgesLoader(a edgeArgs) *dataloadgen.Loader[string, graph.EdgePage] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.edges[a]; ok {
		return ld
	}
	ld := dataloadgen.NewLoader(l.fetchEdges(a), l.options()...)
	l.edges[a] = ld
	return ld
}

func (l *loaders) fetchEdges(a edgeArgs) func(context.Context, []string) ([]graph.EdgePage, []error) {
	return func(ctx context.Context, ids []string) ([]graph.EdgePage, []error) {
		pages, err := l.store.Edges(ctx, a.query(ids, ""))
		if err != nil {
			return nil, []error{err}
		}
		return pages, nil
	}
}

func (a edgeArgs) query(ids []string, after string) graph.EdgeQuery {
	return graph.EdgeQuery{Nodes: ids, Direction: a.dir,
		Filter: graph.Filter{Types: splitTypes(a.types), From: a.from, To: a.to, DatedOnly: a.datedOnly},
		Page:   graph.Page{First: a.first, After: after, WithTotal: a.withTotal}}
}

// collabsLoader returns the loader for one combination of arguments.
func (l *loaders) collabsLoader(a collabArgs) *dataloadgen.Loader[string, []graph.Collaborator] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.collabs[a]; ok {
		return ld
	}
	ld := dataloadgen.NewLoader(l.fetchCollabs(a), l.options()...)
	l.collabs[a] = ld
	return ld
}

func (l *loaders) fetchCollabs(a collabArgs) func(context.Context, []string) ([][]graph.Collaborator, []error) {
	return func(ctx context.Context, ids []string) ([][]graph.Collaborator, []error) {
		f := graph.Filter{From: a.from, To: a.to, Kinds: splitKinds(a.kinds)}
		cs, err := l.store.Collaborators(ctx, ids, f, a.limit)
		if err != nil {
			return nil, []error{err}
		}
		return cs, nil
	}
}

// load returns the value of key through ld, or, when the field being
// resolved has no list above it (so no sibling can share its batch), from
// fetch at once, without waiting for the batch window.
func load[V any](ctx context.Context, ld *dataloadgen.Loader[string, V], fetch func(context.Context, []string) ([]V, []error), key string) (V, error) {
	if inList(ctx) {
		return ld.Load(ctx, key)
	}
	var zero V
	vs, errs := fetch(ctx, []string{key})
	if len(errs) > 0 && errs[0] != nil {
		return zero, errs[0]
	}
	if len(vs) != 1 {
		return zero, graph.Errorf(graph.EINTERNAL, "store returned %d results for one key", len(vs))
	}
	return vs[0], nil
}

// inList reports whether a list lies above the field being resolved: only
// then can siblings ask for keys of the same batch.
func inList(ctx context.Context) bool {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			return true
		}
	}
	return false
}

func joinTypes(ts []graph.EdgeType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	slices.Sort(s)
	return strings.Join(slices.Compact(s), ",")
}

func splitTypes(s string) []graph.EdgeType {
	if s == "" {
		return nil
	}
	var ts []graph.EdgeType
	for _, x := range strings.Split(s, ",") {
		ts = append(ts, graph.EdgeType(x))
	}
	return ts
}

func joinKinds(ks []graph.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	slices.Sort(s)
	return strings.Join(slices.Compact(s), ",")
}

func splitKinds(s string) []graph.Kind {
	if s == "" {
		return nil
	}
	var ks []graph.Kind
	for _, x := range strings.Split(s, ",") {
		ks = append(ks, graph.Kind(x))
	}
	return ks
}

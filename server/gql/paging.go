package gql

import (
	"context"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/server/gql/model"
)

// Cursors. A store gives one cursor per page (its EndCursor, after the last
// item); Relay wants one per item. An item's cursor is therefore the store
// cursor of the page it came from plus its position within that page:
// ("p", storeAfter, skip) means "the skip-th item after storeAfter". The
// last item of a page gets (storeEnd, 0), the plain keyset position. Paging
// stays keyset-based: resuming from an item cursor reads from storeAfter and
// drops at most MaxPageSize-1 items.

// position is a decoded cursor.
type position struct {
	after string // store cursor
	skip  int    // items to drop after it
}

func encodePosition(p position) string {
	return graph.EncodeCursor("p", p.after, strconv.Itoa(p.skip))
}

func decodePosition(after *string) (position, error) {
	if after == nil || *after == "" {
		return position{}, nil
	}
	parts, err := graph.DecodeCursor(*after, 3)
	if err != nil {
		return position{}, err
	}
	skip, err := strconv.Atoi(parts[2])
	if parts[0] != "p" || err != nil || skip < 0 || skip >= graph.MaxPageSize {
		return position{}, graph.Errorf(graph.EINVALID, "malformed cursor %q", *after)
	}
	return position{after: parts[1], skip: skip}, nil
}

// pageSize validates first: nil means graph.DefaultPageSize.
func pageSize(first *int) (int, error) {
	return graph.Page{First: deref(first)}.Size()
}

// fetchFunc reads one store page: its items and page info.
type fetchFunc[T any] func(p graph.Page) ([]T, graph.PageInfo, error)

// paged is one page of a connection with a cursor per item.
type paged[T any] struct {
	items   []T
	cursors []string
	info    model.PageInfo
	total   int
}

// fetchPage reads the page of first items after the cursor after through
// fetch, in at most two store calls (one when the cursor is a page end).
func fetchPage[T any](first *int, after *string, withTotal bool, fetch fetchFunc[T]) (paged[T], error) {
	size, err := pageSize(first)
	if err != nil {
		return paged[T]{}, err
	}
	pos, err := decodePosition(after)
	if err != nil {
		return paged[T]{}, err
	}
	if pos.skip > 0 && pos.skip+size > graph.MaxPageSize {
		if pos, err = advance(pos, fetch); err != nil {
			return paged[T]{}, err
		}
	}
	items, info, err := fetch(graph.Page{First: size + pos.skip, After: pos.after, WithTotal: withTotal})
	if err != nil {
		return paged[T]{}, err
	}
	return makePage(items, info, pos), nil
}

// advance reads past pos.skip items so that the next read starts at a page
// boundary.
func advance[T any](pos position, fetch fetchFunc[T]) (position, error) {
	_, info, err := fetch(graph.Page{First: pos.skip, After: pos.after})
	if err != nil {
		return pos, err
	}
	return position{after: info.EndCursor}, nil
}

// makePage drops the first pos.skip items of a store page and gives every
// remaining item its cursor.
func makePage[T any](items []T, info graph.PageInfo, pos position) paged[T] {
	if pos.skip >= len(items) {
		items = nil
	} else {
		items = items[pos.skip:]
	}
	p := paged[T]{items: items, cursors: make([]string, len(items)), total: info.Total}
	for i := range items {
		p.cursors[i] = encodePosition(position{after: pos.after, skip: pos.skip + i + 1})
	}
	if n := len(items); n > 0 {
		if info.EndCursor != "" {
			p.cursors[n-1] = encodePosition(position{after: info.EndCursor})
		}
		p.info.EndCursor = &p.cursors[n-1]
	}
	p.info.HasNextPage = info.HasNextPage
	return p
}

// wantsField reports whether the field being resolved selects a sub-field
// called name: the look-ahead that asks a store for a total count only when
// totalCount is requested.
func wantsField(ctx context.Context, name string) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return false
	}
	for _, f := range graphql.CollectFields(graphql.GetOperationContext(ctx), fc.Field.Selections, nil) {
		if f.Name == name {
			return true
		}
	}
	return false
}

func entityConnection(p paged[graph.Node]) *model.EntityConnection {
	c := &model.EntityConnection{Nodes: p.items, PageInfo: p.info, TotalCount: p.total,
		Edges: make([]model.EntityEdge, len(p.items))}
	for i := range p.items {
		c.Edges[i] = model.EntityEdge{Cursor: p.cursors[i], Node: p.items[i]}
	}
	return c
}

func relationConnection(p paged[graph.Edge]) *model.RelationConnection {
	c := &model.RelationConnection{Nodes: p.items, PageInfo: p.info, TotalCount: p.total,
		Edges: make([]model.RelationEdge, len(p.items))}
	for i := range p.items {
		c.Edges[i] = model.RelationEdge{Cursor: p.cursors[i], Node: p.items[i]}
	}
	return c
}

func documentConnection(p paged[graph.Document]) *model.DocumentConnection {
	c := &model.DocumentConnection{Nodes: p.items, PageInfo: p.info, TotalCount: p.total,
		Edges: make([]model.DocumentEdge, len(p.items))}
	for i := range p.items {
		c.Edges[i] = model.DocumentEdge{Cursor: p.cursors[i], Node: p.items[i]}
	}
	return c
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// nullable returns nil for the empty string: GraphQL null for "unknown".
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

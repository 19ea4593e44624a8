// Package gql is the GraphQL layer of sdkg: gqlgen's generated executor
// (generated.go), thin resolvers (*.resolvers.go) that call graph.Store
// through per-request dataloaders (dataload.go), keyset paging over store
// pages (paging.go) and the error presenter (errors.go).
//
// It never imports a backend and holds no query language: every read and
// write is a graph.Store call.
package gql

//go:generate go -C ../.. run github.com/99designs/gqlgen generate --config gqlgen.yml

import (
	"context"

	"github.com/sdkg/sdkg/graph"
)

// Loader extracts facts from a document's text and applies them to the
// store: the ingestDocument mutation. Implementations must honour ctx and
// return coded errors (EINVALID for text they cannot read).
type Loader interface {
	Ingest(ctx context.Context, text, format, title, issued, source string) (graph.ApplySummary, error)
}

// Resolver is the root resolver: the injection point of the store and the
// document loader. It holds no per-request state.
type Resolver struct {
	Store  graph.Store
	Loader Loader // nil: ingestDocument is refused with EUNAVAILABLE
}

package server

import (
	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders"
)

// The end-to-end test ingests with the loader main wires in.
func init() {
	newLoader = func(s graph.Store) Loader { return loaders.Ingester{Store: s} }
}

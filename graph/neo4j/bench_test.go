package neo4j_test

import (
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/graphtest"
)

// BenchmarkStore runs the standard store benchmarks against the Neo4j of
// the environment (emptied before each store is loaded).
func BenchmarkStore(b *testing.B) {
	graphtest.BenchStore(b, func(b *testing.B) graph.Store { return mustOpen(b) })
}

package server

import (
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
)

// TestAPIEmbedded runs the API suite over the embedded store (in memory);
// TestAPINeo4j runs the same suite, with the same golden files, over Neo4j.
func TestAPIEmbedded(t *testing.T) { testAPI(t, newMemory) }

// newMemory opens an in-memory embedded store, closed when t ends.
func newMemory(t *testing.T) graph.Store {
	s := embedded.OpenMemory()
	t.Cleanup(func() { s.Close() })
	return s
}

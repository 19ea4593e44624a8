package embedded_test

import (
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/graph/graphtest"
)

// mustOpen opens a durable store in a fresh directory, closed at cleanup.
func mustOpen(tb testing.TB, dir string, opts ...embedded.Option) *embedded.Store {
	tb.Helper()
	s, err := embedded.Open(dir, opts...)
	if err != nil {
		tb.Fatalf("Open(%s): %v", dir, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestStoreDurable(t *testing.T) {
	graphtest.TestStore(t, func(t *testing.T) graph.Store { return mustOpen(t, t.TempDir()) })
}

func TestStoreMemory(t *testing.T) {
	graphtest.TestStore(t, func(t *testing.T) graph.Store { return embedded.OpenMemory() })
}

package neo4j_test

import (
	"context"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/graphtest"
	"github.com/sdkg/sdkg/graph/neo4j"
	"github.com/sdkg/sdkg/internal/neo4jtest"
)

// mustOpen opens the Neo4j of the environment, emptied (see neo4jtest).
func mustOpen(tb testing.TB) *neo4j.Store {
	tb.Helper()
	return neo4jtest.OpenStore(tb)
}

func TestStore(t *testing.T) {
	graphtest.TestStore(t, func(t *testing.T) graph.Store { return mustOpen(t) })
}

func TestUnavailable(t *testing.T) {
	_, cfg := neo4jtest.Driver(t)
	_, err := neo4j.Open(context.Background(), neo4j.Config{URI: "bolt://127.0.0.1:1", User: cfg.User, Password: cfg.Password})
	if graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("Open on a closed port: %v, want EUNAVAILABLE", err)
	}
	s := mustOpen(t)
	s.Close()
	if err := s.Ping(context.Background()); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("Ping after Close: %v, want EUNAVAILABLE", err)
	}
}

func TestSchemaIsIdempotent(t *testing.T) {
	s := mustOpen(t)
	_ = s
	// Opening again re-runs every CREATE ... IF NOT EXISTS.
	mustOpen(t)
}

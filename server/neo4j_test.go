package server

import (
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/internal/neo4jtest"
)

// newNeo4j opens the Neo4j of the environment, emptied; it skips outside CI
// when there is none and fails under CI=true.
func newNeo4j(t *testing.T) graph.Store { return neo4jtest.OpenStore(t) }

func TestAPINeo4j(t *testing.T) { testAPI(t, newNeo4j) }

func TestIngestSeedNeo4j(t *testing.T) { testIngestSeed(t, newNeo4j) }

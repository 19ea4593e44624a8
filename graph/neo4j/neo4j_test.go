package neo4j_test

import (
	"context"
	"reflect"
	"testing"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

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

// TestOpenMigratesReadViews: a database written before relationships had a
// read view (rv) answers the same after Open, which adds the views.
func TestOpenMigratesReadViews(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := graphtest.GoldFacts(t)
	graphtest.MustApply(t, s, &f)
	fx := graphtest.NewFixture(f)
	var ids []string
	for _, n := range fx.NodesOf(graph.Institution) {
		ids = append(ids, n.ID)
	}
	want, err := s.Neighbourhood(ctx, ids[:1], 2, graph.Filter{}, 0)
	if err != nil || len(want.Edges) == 0 {
		t.Fatalf("Neighbourhood before: %d edges, %v", len(want.Edges), err)
	}
	wantPages, err := s.Edges(ctx, graph.EdgeQuery{Nodes: ids})
	if err != nil {
		t.Fatal(err)
	}
	drv, cfg := neo4jtest.Driver(t)
	exec := func(q string) []*neo4jdrv.Record {
		t.Helper()
		res, err := neo4jdrv.ExecuteQuery(ctx, drv, q, nil, neo4jdrv.EagerResultTransformer, neo4jdrv.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res.Records
	}
	exec("MATCH ()-[r]->() REMOVE r.rv")
	exec("MATCH (m:SdkgMeta) DELETE m")
	again, err := neo4j.Open(ctx, neo4j.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database})
	if err != nil {
		t.Fatalf("Open of the old layout: %v", err)
	}
	defer again.Close()
	if n, _ := exec("MATCH ()-[r]->() WHERE r.rv IS NULL RETURN count(r) AS n")[0].Get("n"); n.(int64) != 0 {
		t.Fatalf("%d relationships left without a read view", n)
	}
	got, err := again.Neighbourhood(ctx, ids[:1], 2, graph.Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Neighbourhood after migration differs:\n got  %+v\n want %+v", got.Edges[:1], want.Edges[:1])
	}
	gotPages, err := again.Edges(ctx, graph.EdgeQuery{Nodes: ids})
	if err != nil || !reflect.DeepEqual(gotPages, wantPages) {
		t.Fatalf("Edges after migration differ (%v)", err)
	}
}

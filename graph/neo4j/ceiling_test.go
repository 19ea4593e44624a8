package neo4j_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/sdkg/sdkg/internal/neo4jtest"
)

// BenchmarkCreateCeiling is not sdkg code: it measures how fast this Neo4j
// creates relationships at all, the ceiling any write path stays under.
// Each transaction creates 10,000 relationships between 10,000 existing
// nodes found by a unique id (as Apply's do), carrying props properties of
// Apply's sizes (1: only a key; 13: what Apply stores per edge).
func BenchmarkCreateCeiling(b *testing.B) {
	mustOpen(b) // empties the database
	drv, cfg := neo4jtest.Driver(b)
	ctx := context.Background()
	exec := func(q string, params map[string]any) {
		b.Helper()
		if _, err := neo4jdrv.ExecuteQuery(ctx, drv, q, params, neo4jdrv.EagerResultTransformer,
			neo4jdrv.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	const n = 10_000
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("c:%05d", i)
	}
	exec("UNWIND $ids AS id CREATE (:Entity {id: id})", map[string]any{"ids": ids})
	defer exec("MATCH (n:Entity) WHERE n.id STARTS WITH 'c:' DETACH DELETE n", nil)
	for _, props := range []int{1, 13} {
		b.Run(fmt.Sprintf("props=%d", props), func(b *testing.B) {
			var elapsed time.Duration
			for it := 0; it < b.N; it++ {
				for round := 0; round < 5; round++ {
					rows := make([]any, n)
					for i := range rows {
						rows[i] = map[string]any{"a": ids[(i*7919)%n], "b": ids[(i*104729+1)%n], "p": ceilingProps(props, it, round, i)}
					}
					start := time.Now()
					exec("UNWIND $rows AS row MATCH (a:Entity {id: row.a}) MATCH (b:Entity {id: row.b}) CREATE (a)-[r:CEILING]->(b) SET r = row.p",
						map[string]any{"rows": rows})
					elapsed += time.Since(start)
				}
			}
			b.ReportMetric(float64(5*n*b.N)/elapsed.Seconds(), "edges/s")
		})
	}
}

// ceilingProps returns a relationship's properties: a unique key, and with
// 13 the others Apply writes, of typical sizes.
func ceilingProps(props, it, round, i int) map[string]any {
	p := map[string]any{"key": fmt.Sprintf("k%d-%d-%d-%d", props, it, round, i)}
	if props < 13 {
		return p
	}
	ev := "\x1e5\x1f2\x1f62\x1f2\x1f2\x1fdoc-1e1A sentence of typical length that states the fact in full here."
	p["date"], p["year"], p["lo"], p["hi"] = "2020-05-06", int64(2020), "2020-05-06", "2020-05-06"
	p["confidence"], p["ev"] = 0.9, []string{ev}
	p["rv"] = "10\x1f3\x1f9\x1f2\x1f7\x1f7\x1f100\x1f2020-05-060.9rule-name{}2020-052020-05" + ev
	p["rule"], p["props"] = "rule-name", "{}"
	p["docs"], p["seen"], p["evdoc"] = []string{"doc-1"}, []string{"2020-05"}, []string{"doc-1"}
	return p
}

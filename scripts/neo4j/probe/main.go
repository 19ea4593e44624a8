// Command probe checks that the Neo4j named by NEO4J_URI accepts a Bolt login
// with NEO4J_USER (default neo4j) and NEO4J_PASSWORD and runs a query.
// scripts/neo4j/start.sh runs it; it exits 1 with the reason when it cannot.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	if err := probe(context.Background(), os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "probe:", err)
		os.Exit(1)
	}
}

// probe logs in and runs RETURN 1 within 30 seconds.
func probe(ctx context.Context, getenv func(string) string) error {
	uri := getenv("NEO4J_URI")
	if uri == "" {
		return fmt.Errorf("NEO4J_URI is not set")
	}
	user := getenv("NEO4J_USER")
	if user == "" {
		user = "neo4j"
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, getenv("NEO4J_PASSWORD"), ""))
	if err != nil {
		return fmt.Errorf("NEO4J_URI=%q: %w", uri, err)
	}
	defer drv.Close(context.Background())
	res, err := neo4j.ExecuteQuery(ctx, drv, "RETURN 1 AS one", nil, neo4j.EagerResultTransformer)
	if err != nil {
		return fmt.Errorf("login to %s as %s: %w", uri, user, err)
	}
	if len(res.Records) != 1 {
		return fmt.Errorf("RETURN 1 gave %d records, want 1", len(res.Records))
	}
	return nil
}

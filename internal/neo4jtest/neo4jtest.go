// Package neo4jtest connects tests to a real Neo4j server.
//
// Tests that need Neo4j call Driver. The server is named by the environment:
//
//	NEO4J_URI       bolt://127.0.0.1:7688 (required; `make test` and
//	                `make neo4j-start` provide one)
//	NEO4J_USER      default neo4j
//	NEO4J_PASSWORD  default empty
//	NEO4J_DATABASE  default neo4j
//	NEO4J_TEST_URIS more servers of the same credentials, comma-separated
//	                (`make test` starts two): each test process takes a
//	                server of NEO4J_URI and these that no other holds
//
// When NEO4J_URI is unset or the server does not answer, a test is skipped
// with a message naming NEO4J_URI, except under CI=true, where it fails:
// CI must never pass by skipping the Neo4j tests.
//
// The package imports the standard library and the Neo4j Go driver only, and
// is meant for _test.go files.
package neo4jtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Config names a Neo4j server and the database tests use on it.
type Config struct {
	URI      string
	User     string
	Password string
	Database string
	// Pool lists URI and the servers of NEO4J_TEST_URIS; Driver picks
	// one of them and sets URI to it.
	Pool []string
}

// ErrNoURI reports that NEO4J_URI is not set.
var ErrNoURI = errors.New("NEO4J_URI is not set (e.g. run `make neo4j-start` and export NEO4J_URI=bolt://127.0.0.1:7688)")

// connectTimeout bounds how long Driver waits for the server to answer.
const connectTimeout = 10 * time.Second

// ConfigFromEnv reads the Config from getenv, filling the defaults of the
// package comment. It returns ErrNoURI when NEO4J_URI is empty.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	c := Config{
		URI:      getenv("NEO4J_URI"),
		User:     orDefault(getenv("NEO4J_USER"), "neo4j"),
		Password: getenv("NEO4J_PASSWORD"),
		Database: orDefault(getenv("NEO4J_DATABASE"), "neo4j"),
	}
	if c.URI == "" {
		return c, ErrNoURI
	}
	c.Pool = []string{c.URI}
	for _, u := range strings.Split(getenv("NEO4J_TEST_URIS"), ",") {
		if u = strings.TrimSpace(u); u != "" && !slices.Contains(c.Pool, u) {
			c.Pool = append(c.Pool, u)
		}
	}
	return c, nil
}

// Driver returns a driver connected to the server of ConfigFromEnv(os.Getenv),
// verified to answer and to accept the credentials, and closed when tb ends.
// If the server is not configured or not reachable, Driver skips tb, or fails
// it under CI=true; in both cases it does not return.
//
// The test process first takes a server of cfg.Pool that no other test
// process holds, and holds it alone until it exits (see exclusive): `go
// test ./...` runs packages at once, and OpenStore empties the one
// database of a server. With several servers, packages run side by side.
func Driver(tb testing.TB) (neo4j.DriverWithContext, Config) {
	tb.Helper()
	cfg, err := ConfigFromEnv(os.Getenv)
	if err != nil {
		unavailable(tb, InCI(os.Getenv), err)
		return nil, cfg
	}
	if cfg.URI, err = exclusive(cfg.Pool...); err != nil {
		tb.Fatalf("neo4jtest: locking a test Neo4j of %v: %v", cfg.Pool, err)
	}
	drv, err := connect(tb.Context(), cfg)
	if err != nil {
		unavailable(tb, InCI(os.Getenv), err)
		return nil, cfg
	}
	tb.Cleanup(func() { _ = drv.Close(context.Background()) })
	return drv, cfg
}

// InCI reports whether getenv says the tests run in CI (CI set to a true
// value such as "true" or "1").
func InCI(getenv func(string) string) bool {
	ci, err := strconv.ParseBool(getenv("CI"))
	return err == nil && ci
}

// connect opens a driver for cfg and checks connectivity and authentication
// within connectTimeout.
func connect(ctx context.Context, cfg Config) (neo4j.DriverWithContext, error) {
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""),
		func(c *config.Config) { c.SocketConnectTimeout = connectTimeout })
	if err != nil {
		return nil, fmt.Errorf("NEO4J_URI=%q: %w", cfg.URI, err)
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := drv.VerifyConnectivity(ctx); err != nil {
		_ = drv.Close(context.Background())
		return nil, fmt.Errorf("Neo4j at NEO4J_URI=%q (NEO4J_USER %q) does not answer or refuses the credentials: %w", cfg.URI, cfg.User, err)
	}
	return drv, nil
}

// unavailable ends tb because Neo4j cannot be used: Fatal in CI, Skip elsewhere.
func unavailable(tb testing.TB, ci bool, cause error) {
	tb.Helper()
	if ci {
		tb.Fatalf("neo4jtest: CI=true and Neo4j is required: %v", cause)
		return
	}
	tb.Skipf("neo4jtest: skipping; to run this test set NEO4J_URI (and NEO4J_PASSWORD) to a running Neo4j, e.g. after `make neo4j-start`: %v", cause)
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

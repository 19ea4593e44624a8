// Package neo4j is a graph.Store over Neo4j through the official Go driver
// (neo4j-go-driver v5). Every Cypher string of sdkg lives in this package.
// Queries take parameters only: labels and relationship types are written
// into query text solely from the graph.Kinds and graph.EdgeTypes
// allowlists, never from input.
//
// Data model: every entity is (:Entity:<Kind> {id, kind, name, aliases,
// names, country, props, docs}); every relation is a relationship of its
// edge type with {key, date, year, lo, hi, props, confidence, rule, docs,
// seen, ev, evdoc}; every document is (:Document {id, ..., hash, nodes,
// etype, efrom, eto, ekey}) listing what it supports; merges leave
// (:Redirect {from, to, kind, name}).
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/sdkg/sdkg/graph"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://, neo4j://, neo4j+s://
	User     string
	Password string
	Database string // "" means the server's default database
}

// Store is a graph.Store over Neo4j.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	closed atomic.Bool
}

var _ graph.Store = (*Store)(nil)

// Open connects to Neo4j, verifies connectivity and creates the schema
// (constraints and indexes) idempotently. EUNAVAILABLE when Neo4j cannot be
// reached; EINVALID for a malformed URI.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""),
		func(c *neo4j.Config) {
			c.MaxTransactionRetryTime = 15 * time.Second
			c.SocketConnectTimeout = 5 * time.Second
		})
	if err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "neo4j: bad configuration for %q", cfg.URI)
	}
	s := &Store{driver: driver, db: cfg.Database}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(ctx)
		return nil, mapError(err, "neo4j: cannot reach %s", cfg.URI)
	}
	if err := s.createSchema(ctx); err != nil {
		driver.Close(ctx)
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		driver.Close(ctx)
		return nil, err
	}
	return s, nil
}

// schema lists the constraints and indexes, each created IF NOT EXISTS.
func schema() []string {
	qs := []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
		"CREATE INDEX redirect_from IF NOT EXISTS FOR (r:Redirect) ON (r.from)",
		"CREATE INDEX redirect_name IF NOT EXISTS FOR (r:Redirect) ON (r.kind, r.name)",
		"CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)",
		"CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
		"CREATE INDEX entity_country IF NOT EXISTS FOR (n:Entity) ON (n.country)",
		"CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.search]",
	}
	for _, t := range graph.EdgeTypes {
		qs = append(qs, fmt.Sprintf("CREATE INDEX rel_year_%s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.year)", t, t),
			// Edge keys are unique per type; the constraint's index makes
			// every write and evidence lookup by key an index seek.
			fmt.Sprintf("CREATE CONSTRAINT rel_key_unique_%s IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE r.key IS UNIQUE", t, t))
	}
	return qs
}

// createSchema creates the constraints and indexes that do not exist yet
// (one SHOW INDEXES round trip when all do, as on every start but the
// first) and waits until new ones are online.
func (s *Store) createSchema(ctx context.Context) error {
	recs, err := s.query(ctx, "SHOW INDEXES YIELD name RETURN collect(name) AS names", nil, false)
	if err != nil {
		return err
	}
	v, _ := recs[0].Get("names")
	have := map[string]bool{}
	for _, n := range strs(v) {
		have[n] = true
	}
	created := false
	for _, q := range schema() {
		if have[schemaName(q)] {
			continue
		}
		if _, err := s.query(ctx, q, nil, true); err != nil {
			return err
		}
		created = true
	}
	if !created {
		return nil
	}
	_, err = s.query(ctx, "CALL db.awaitIndexes(60)", nil, false)
	return err
}

// schemaName is the name a schema statement of schema() gives its index
// or constraint: the word before IF NOT EXISTS.
func schemaName(q string) string {
	f := strings.Fields(q[:strings.Index(q, " IF NOT EXISTS")])
	return f[len(f)-1]
}

// Close releases the driver; later calls return EUNAVAILABLE.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	return s.driver.Close(context.Background())
}

// Ping checks that Neo4j answers a read.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.query(ctx, "RETURN 1", nil, false)
	return err
}

// query runs one auto-routed query and returns its records.
func (s *Store) query(ctx context.Context, cypher string, params map[string]any, write bool) ([]*neo4j.Record, error) {
	if s.closed.Load() {
		return nil, graph.Errorf(graph.EUNAVAILABLE, "store is closed")
	}
	opts := []neo4j.ExecuteQueryConfigurationOption{neo4j.ExecuteQueryWithDatabase(s.db)}
	if !write {
		opts = append(opts, neo4j.ExecuteQueryWithReadersRouting())
	}
	t0 := time.Now()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer, opts...)
	if traceOn {
		trace(cypher, params, time.Since(t0))
	}
	if err != nil {
		return nil, mapError(err, "neo4j query failed")
	}
	return res.Records, nil
}

// read runs fn in a managed read transaction with the driver's retries.
func (s *Store) read(ctx context.Context, fn func(tx neo4j.ManagedTransaction) (any, error)) (any, error) {
	return s.tx(ctx, false, fn)
}

// write runs fn in a managed write transaction with the driver's retries:
// all or nothing.
func (s *Store) write(ctx context.Context, fn func(tx neo4j.ManagedTransaction) (any, error)) (any, error) {
	return s.tx(ctx, true, fn)
}

func (s *Store) tx(ctx context.Context, write bool, fn func(tx neo4j.ManagedTransaction) (any, error)) (any, error) {
	if s.closed.Load() {
		return nil, graph.Errorf(graph.EUNAVAILABLE, "store is closed")
	}
	mode := neo4j.AccessModeRead
	if write {
		mode = neo4j.AccessModeWrite
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode})
	defer sess.Close(ctx)
	var out any
	var err error
	if traceOn {
		defer traceTx(write, time.Now())
	}
	if write {
		out, err = sess.ExecuteWrite(ctx, fn)
	} else {
		out, err = sess.ExecuteRead(ctx, fn)
	}
	if err != nil {
		var ge *graph.Error
		if errors.As(err, &ge) {
			return nil, err
		}
		return nil, mapError(err, "neo4j transaction failed")
	}
	return out, nil
}

// run executes one statement inside a managed transaction and collects it.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	t0 := time.Now()
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if traceOn {
		trace(cypher, params, time.Since(t0))
	}
	return recs, err
}

// mapError turns driver errors into coded errors; the driver's text stays in
// the cause (for logs), never in the message.
func mapError(err error, format string, args ...any) error {
	var ge *graph.Error
	switch {
	case errors.As(err, &ge):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return graph.Wrap(graph.EUNAVAILABLE, err, "request cancelled or timed out")
	case neo4j.IsConnectivityError(err), neo4j.IsTransactionExecutionLimit(err):
		return graph.Wrap(graph.EUNAVAILABLE, err, "graph database unavailable")
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed" {
		return graph.Wrap(graph.ECONFLICT, err, "conflicting write")
	}
	if errors.As(err, &ne) && (ne.Code == "Neo.ClientError.Security.Unauthorized" || ne.Code == "Neo.ClientError.Security.AuthenticationRateLimit") {
		return graph.Wrap(graph.EUNAVAILABLE, err, "graph database refused the credentials")
	}
	return graph.Wrap(graph.EINTERNAL, err, format, args...)
}

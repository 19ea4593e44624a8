package neo4jtest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	store "github.com/sdkg/sdkg/graph/neo4j"
)

// OpenStore returns a graph/neo4j store on the server of Driver, emptied of
// every node and relationship (the schema stays), and closed when tb ends.
// Like Driver, it skips tb when no server is configured, or fails it under
// CI=true.
func OpenStore(tb testing.TB) *store.Store {
	tb.Helper()
	drv, cfg := Driver(tb)
	if err := exclusive(cfg.URI); err != nil {
		tb.Fatalf("locking the test Neo4j: %v", err)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database})
	if err != nil {
		tb.Fatalf("neo4j.Open(%s): %v", cfg.URI, err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := neo4j.ExecuteQuery(ctx, drv, "MATCH (n) DETACH DELETE n", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
		tb.Fatalf("emptying Neo4j: %v", err)
	}
	return s
}

var (
	lockOnce sync.Once
	lockErr  error
	// lockHeld keeps the lock file open: an *os.File that nothing references
	// is closed by its finalizer at the next GC, and that releases the lock.
	lockHeld *os.File
)

// exclusive serialises the test processes that use the same Neo4j: `go test
// ./...` runs packages in parallel, and two packages emptying and filling
// one database at once would see each other's data. The first OpenStore of
// a process takes an exclusive lock on a file named after the server and
// holds it until the process exits.
func exclusive(uri string) error {
	lockOnce.Do(func() {
		f, err := os.OpenFile(lockPath(uri), os.O_CREATE|os.O_RDWR, 0o600)
		if err != nil {
			lockErr = err
			return
		}
		lockHeld = f
		lockErr = syscall.Flock(int(f.Fd()), syscall.LOCK_EX) // released when the process exits
	})
	return lockErr
}

// lockPath names the lock file of the server at uri.
func lockPath(uri string) string {
	return filepath.Join(os.TempDir(), "sdkg-neo4jtest-"+strings.NewReplacer("/", "_", ":", "_").Replace(uri)+".lock")
}

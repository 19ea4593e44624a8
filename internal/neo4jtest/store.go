package neo4jtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	store "github.com/sdkg/sdkg/graph/neo4j"
)

// OpenStore returns a graph/neo4j store on the server of Driver, emptied of
// every node and relationship (the schema stays), and closed when tb ends.
// Like Driver, it skips tb when no server is configured, or fails it under
// CI=true.
func OpenStore(tb testing.TB) *store.Store {
	tb.Helper()
	drv, cfg := Driver(tb) // holds cfg.URI alone
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
	lockURI  string
	lockErr  error
	// lockHeld keeps the lock file open: an *os.File that nothing references
	// is closed by its finalizer at the next GC, and that releases the lock.
	lockHeld *os.File
)

// exclusive serialises the test processes that use the same Neo4j: `go test
// ./...` runs packages in parallel, and two packages emptying and filling
// one database at once would see each other's data. The first call of a
// process takes an exclusive lock on the file named after a server of
// pool, the first free one (waiting until one is free), and holds it until
// the process exits; every call returns that server.
func exclusive(pool ...string) (string, error) {
	lockOnce.Do(func() { lockURI, lockHeld, lockErr = lockOneOf(pool, 100*time.Millisecond) })
	return lockURI, lockErr
}

// lockOneOf locks the lock file of the first server of pool that no other
// process holds, polling every wait while all are held.
func lockOneOf(pool []string, wait time.Duration) (string, *os.File, error) {
	if len(pool) == 0 {
		return "", nil, errors.New("no Neo4j server to lock")
	}
	files := make([]*os.File, len(pool))
	defer func() {
		for _, f := range files {
			if f != nil {
				f.Close()
			}
		}
	}()
	for i, uri := range pool {
		f, err := os.OpenFile(lockPath(uri), os.O_CREATE|os.O_RDWR, 0o600)
		if err != nil {
			return "", nil, err
		}
		files[i] = f
	}
	for {
		for i, f := range files {
			err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
			if err == nil {
				files[i] = nil // kept open: released when the process exits
				return pool[i], f, nil
			}
			if !errors.Is(err, syscall.EWOULDBLOCK) {
				return "", nil, fmt.Errorf("locking %s: %w", f.Name(), err)
			}
		}
		time.Sleep(wait)
	}
}

// lockPath names the lock file of the server at uri.
func lockPath(uri string) string {
	return filepath.Join(os.TempDir(), "sdkg-neo4jtest-"+strings.NewReplacer("/", "_", ":", "_").Replace(uri)+".lock")
}

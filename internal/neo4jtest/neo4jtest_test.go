package neo4jtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestConfigFromEnv(t *testing.T) {
	t.Run("Defaults", func(t *testing.T) {
		got, err := ConfigFromEnv(env(map[string]string{"NEO4J_URI": "bolt://h:1"}))
		if err != nil {
			t.Fatal(err)
		}
		want := Config{URI: "bolt://h:1", User: "neo4j", Database: "neo4j", Pool: []string{"bolt://h:1"}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %+v, want %+v", got, want)
		}
	})
	t.Run("AllSet", func(t *testing.T) {
		got, err := ConfigFromEnv(env(map[string]string{
			"NEO4J_URI": "neo4j://h:2", "NEO4J_USER": "u", "NEO4J_PASSWORD": "p", "NEO4J_DATABASE": "d",
			"NEO4J_TEST_URIS": " bolt://h:3, ,neo4j://h:2,bolt://h:4",
		}))
		if err != nil {
			t.Fatal(err)
		}
		want := Config{URI: "neo4j://h:2", User: "u", Password: "p", Database: "d",
			Pool: []string{"neo4j://h:2", "bolt://h:3", "bolt://h:4"}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %+v, want %+v", got, want)
		}
	})
	t.Run("ErrNoURI", func(t *testing.T) {
		_, err := ConfigFromEnv(env(nil))
		if err != ErrNoURI || !strings.Contains(err.Error(), "NEO4J_URI") {
			t.Fatalf("got %v, want ErrNoURI naming NEO4J_URI", err)
		}
	})
}

// TestLockOneOfTakesAFreeServer checks that a test process passes over a
// server another process holds and takes the next, and waits while all
// are held.
func TestLockOneOfTakesAFreeServer(t *testing.T) {
	dir := t.TempDir()
	a, b := "bolt://"+dir+"/a:1", "bolt://"+dir+"/b:2"
	// Flock locks belong to open files: a second open file of this process
	// stands for another test process.
	held, err := os.OpenFile(lockPath(a), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(lockPath(a))
	defer os.Remove(lockPath(b))
	if err := syscall.Flock(int(held.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	got, f, err := lockOneOf([]string{a, b}, time.Millisecond)
	if err != nil || got != b {
		t.Fatalf("lockOneOf with %s held: %q, %v; want %s", a, got, err, b)
	}
	done := make(chan string)
	go func() {
		uri, g, err := lockOneOf([]string{a, b}, time.Millisecond)
		if err == nil {
			defer g.Close()
		}
		done <- uri
	}()
	select {
	case uri := <-done:
		t.Fatalf("lockOneOf took %q while both servers were held", uri)
	case <-time.After(50 * time.Millisecond):
	}
	f.Close() // the other process ends: b is free again
	if uri := <-done; uri != b {
		t.Fatalf("after b was released lockOneOf took %q, want %s", uri, b)
	}
	held.Close()
}

func TestInCI(t *testing.T) {
	for v, want := range map[string]bool{"": false, "true": true, "1": true, "false": false, "yes": false} {
		if got := InCI(env(map[string]string{"CI": v})); got != want {
			t.Errorf("InCI(CI=%q) = %v, want %v", v, got, want)
		}
	}
}

// recorder is a testing.TB that records Fatalf and Skipf instead of ending the test.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Fatalf(format string, args ...any) { r.fatal = fmt.Sprintf(format, args...) }
func (r *recorder) Skipf(format string, args ...any)  { r.skip = fmt.Sprintf(format, args...) }

func TestUnavailable(t *testing.T) {
	t.Run("FailsInCI", func(t *testing.T) {
		r := &recorder{TB: t}
		unavailable(r, true, ErrNoURI)
		if r.skip != "" || !strings.Contains(r.fatal, "NEO4J_URI") {
			t.Fatalf("fatal %q skip %q: want a failure naming NEO4J_URI", r.fatal, r.skip)
		}
	})
	t.Run("SkipsOutsideCI", func(t *testing.T) {
		r := &recorder{TB: t}
		unavailable(r, false, ErrNoURI)
		if r.fatal != "" || !strings.Contains(r.skip, "NEO4J_URI") {
			t.Fatalf("fatal %q skip %q: want a skip naming NEO4J_URI", r.fatal, r.skip)
		}
	})
}

func TestConnectRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there any more
	_, err = connect(t.Context(), Config{URI: "bolt://" + addr, User: "neo4j", Password: "x"})
	if err == nil || !strings.Contains(err.Error(), "NEO4J_URI") {
		t.Fatalf("connect to closed port: got %v, want an error naming NEO4J_URI", err)
	}
}

// TestExclusiveSurvivesGC checks that the lock of exclusive is still held
// after garbage collection, which closes unreferenced files.
func TestExclusiveSurvivesGC(t *testing.T) {
	uri := os.Getenv("NEO4J_URI") // the URI Driver would lock in this process
	if uri == "" {
		uri = "bolt://neo4jtest.invalid:1"
	}
	if got, err := exclusive(uri); err != nil {
		t.Fatal(err)
	} else if got != uri {
		// Another test of this process locked first: check its server.
		uri = got
	}
	runtime.GC()
	runtime.GC()
	f, err := os.Open(lockPath(uri))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		t.Fatal("took the lock of exclusive from another open file: exclusive no longer holds it")
	}
	if err != syscall.EWOULDBLOCK {
		t.Fatalf("flock: %v, want EWOULDBLOCK", err)
	}
}

// TestSmoke writes a node through Bolt, reads it back, deletes it and checks
// that nothing with its label is left.
func TestSmoke(t *testing.T) {
	drv, cfg := Driver(t)
	ctx := t.Context()
	label := uniqueLabel(t)
	id := "smoke-" + label
	t.Cleanup(func() { deleteLabel(t, drv, cfg, label) })

	t.Run("WriteReadDelete", func(t *testing.T) {
		create := fmt.Sprintf("CREATE (n:`%s` {id: $id, at: $at}) RETURN n.id AS id", label)
		res, err := neo4j.ExecuteQuery(ctx, drv, create, map[string]any{"id": id, "at": int64(2026)},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatalf("create: %v", err)
		}
		if n := res.Summary.Counters().NodesCreated(); n != 1 {
			t.Fatalf("create: %d nodes created, want 1", n)
		}
		if got := readAt(t, drv, cfg, label, id); got != 2026 {
			t.Fatalf("read back at = %d, want 2026", got)
		}
		deleteLabel(t, drv, cfg, label)
		if n := countLabel(t, drv, cfg, label); n != 0 {
			t.Fatalf("after delete: %d nodes labelled %s remain, want 0", n, label)
		}
	})
}

// readAt reads property at of the node with label and id in a read transaction.
func readAt(t *testing.T, drv neo4j.DriverWithContext, cfg Config, label, id string) int64 {
	t.Helper()
	sess := drv.NewSession(t.Context(), neo4j.SessionConfig{DatabaseName: cfg.Database, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.Background())
	q := fmt.Sprintf("MATCH (n:`%s` {id: $id}) RETURN n.at AS at", label)
	v, err := sess.ExecuteRead(t.Context(), func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := tx.Run(t.Context(), q, map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		single, err := rec.Single(t.Context())
		if err != nil {
			return nil, err
		}
		at, _, err := neo4j.GetRecordValue[int64](single, "at")
		return at, err
	})
	if err != nil {
		t.Fatalf("read %s: %v", id, err)
	}
	return v.(int64)
}

func countLabel(t *testing.T, drv neo4j.DriverWithContext, cfg Config, label string) int64 {
	t.Helper()
	q := fmt.Sprintf("MATCH (n:`%s`) RETURN count(n) AS n", label)
	res, err := neo4j.ExecuteQuery(t.Context(), drv, q, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		t.Fatalf("count %s: %v", label, err)
	}
	n, _, err := neo4j.GetRecordValue[int64](res.Records[0], "n")
	if err != nil {
		t.Fatalf("count %s: %v", label, err)
	}
	return n
}

// deleteLabel removes every node with label; it works after the test's context ends.
func deleteLabel(t *testing.T, drv neo4j.DriverWithContext, cfg Config, label string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	q := fmt.Sprintf("MATCH (n:`%s`) DETACH DELETE n", label)
	if _, err := neo4j.ExecuteQuery(ctx, drv, q, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
		t.Errorf("delete %s: %v", label, err)
	}
}

// uniqueLabel returns a label no other test run uses.
func uniqueLabel(t *testing.T) string {
	t.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "SdkgSmoke_" + hex.EncodeToString(b)
}

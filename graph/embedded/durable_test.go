package embedded_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/graph/graphtest"
)

var bg = context.Background()

// observe captures answers that must survive a reopen.
func observe(tb testing.TB, s graph.Store) []string {
	tb.Helper()
	var out []string
	add := func(v any, err error) {
		if err != nil {
			tb.Fatal(err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	add(s.Totals(bg))
	page, err := s.FindNodes(bg, graph.NodeQuery{Order: graph.ByDegree, Page: graph.Page{First: 200, WithTotal: true}})
	add(page, err)
	add(s.Documents(bg, graph.Page{First: 100}))
	ids := graphtest.IDs(page.Nodes[:10])
	add(s.Edges(bg, graph.EdgeQuery{Nodes: ids, Page: graph.Page{First: 100}}))
	pages, _ := s.Edges(bg, graph.EdgeQuery{Nodes: ids[:1], Page: graph.Page{First: 100}})
	add(s.Evidence(bg, graphtest.EdgeIDs(pages[0].Edges)))
	sg, err := s.Rollup(bg, graph.LevelCountry, graph.Filter{})
	add(graphtest.SubgraphKeys(sg), err)
	cs, err := s.Collaborators(bg, ids, graph.Filter{}, 0)
	for _, c := range cs {
		out = append(out, strings.Join(graphtest.CollabKeys(c), ";"))
	}
	add(nil, err)
	return out
}

// load applies gold and a generated graph, then merges, aliases and
// deletes, so that every kind of log record is present.
func load(tb testing.TB, s graph.Store) {
	tb.Helper()
	gold := graphtest.NewFixture(graphtest.GoldFacts(tb))
	gold.Apply(tb, s)
	graphtest.NewFixture(graphtest.Generated(2000, 200)...).Apply(tb, s)
	p := gold.NodesOf(graph.Person)
	if _, err := s.MergeNodes(bg, p[0].ID, p[1].ID); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.AddAlias(bg, p[2].ID, "Reopened Alias"); err != nil {
		tb.Fatal(err)
	}
	docs, err := s.Documents(bg, graph.Page{First: 3})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := s.DeleteDocument(bg, docs.Documents[2].ID); err != nil {
		tb.Fatal(err)
	}
}

func TestReopenPreservesEverything(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  []embedded.Option
		crash bool
	}{
		{"CloseAndSnapshot", nil, false},
		{"CrashReplaysLog", nil, true},
		{"CrashAfterSnapshots", []embedded.Option{embedded.SnapshotEvery(64 << 10)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := embedded.Open(dir, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			load(t, s)
			want := observe(t, s)
			if tc.crash {
				s.Crash()
			} else if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			got := observe(t, mustOpen(t, dir, tc.opts...))
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("answer %d differs after reopen:\n got  %.300s\n want %.300s", i, got[i], want[i])
				}
			}
		})
	}
}

// TestMain runs the child process of TestKill9 when asked to.
func TestMain(m *testing.M) {
	if dir := os.Getenv("SDKG_KILL_CHILD_DIR"); dir != "" {
		killChild(dir)
		return
	}
	os.Exit(m.Run())
}

// killChild applies one document, reports it on stdout and waits to be
// killed.
func killChild(dir string) {
	s, err := embedded.Open(dir)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	f := graphtest.Generated(300, 100)[0]
	if _, err := s.Apply(bg, &f); err != nil {
		fmt.Println("apply:", err)
		os.Exit(2)
	}
	fmt.Println("applied")
	select {}
}

func TestKill9(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "SDKG_KILL_CHILD_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	acked := false
	for sc.Scan() {
		if sc.Text() == "applied" {
			acked = true
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	if !acked {
		t.Fatal("child never acknowledged its Apply")
	}
	fx := graphtest.NewFixture(graphtest.Generated(300, 100)[0])
	tot := graphtest.MustTotals(t, mustOpen(t, dir))
	if tot.Nodes != len(fx.Nodes) || tot.Edges != len(fx.Edges) || tot.Documents != 1 {
		t.Fatalf("after kill -9: %+v, want the acknowledged document", tot)
	}
}

// crashedLog makes a store with three documents left in its log and
// returns the directory and the totals after the first two.
func crashedLog(t *testing.T) (string, graph.Totals) {
	dir := t.TempDir()
	s, err := embedded.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := graphtest.Generated(300, 100)
	graphtest.MustApply(t, s, &docs[0])
	graphtest.MustApply(t, s, &docs[1])
	two := graphtest.MustTotals(t, s)
	graphtest.MustApply(t, s, &docs[2])
	s.Crash()
	return dir, two
}

func TestTornTail(t *testing.T) {
	dir, two := crashedLog(t)
	path := filepath.Join(dir, "wal.log")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, info.Size()-7); err != nil {
		t.Fatal(err)
	}
	_, err = embedded.Open(dir)
	graphtest.WantCode(t, err, graph.EINTERNAL)
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "torn record at offset") {
		t.Fatalf("error %q does not name the file and offset", err)
	}
	s := mustOpen(t, dir, embedded.RepairTail())
	if tot := graphtest.MustTotals(t, s); tot != two {
		t.Fatalf("after cutting the torn tail: %+v, want the first two documents %+v", tot, two)
	}
}

func TestCorruptByte(t *testing.T) {
	dir, two := crashedLog(t)
	path := filepath.Join(dir, "wal.log")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-20] ^= 0x40
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = embedded.Open(dir)
	graphtest.WantCode(t, err, graph.EINTERNAL)
	if !strings.Contains(err.Error(), "checksum mismatch") || !strings.Contains(err.Error(), path) {
		t.Fatalf("error %q does not report the checksum mismatch in %s", err, path)
	}
	s := mustOpen(t, dir, embedded.RepairTail())
	if tot := graphtest.MustTotals(t, s); tot != two {
		t.Fatalf("after cutting the corrupt record: %+v, want %+v", tot, two)
	}
}

func TestDirectoryLockedAndClosed(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	_, err := embedded.Open(dir)
	graphtest.WantCode(t, err, graph.EUNAVAILABLE)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = s.Totals(bg)
	graphtest.WantCode(t, err, graph.EUNAVAILABLE)
	graphtest.WantCode(t, s.Ping(bg), graph.EUNAVAILABLE)
}

func TestConcurrentReadersDuringWrites(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	docs := graphtest.Generated(3000, 100)
	graphtest.MustApply(t, s, &docs[0])
	seed := docs[0].Edges[0].From
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			last := 0
			for {
				select {
				case <-stop:
					return
				default:
				}
				tot, err := s.Totals(bg)
				if err == nil && tot.Edges < last {
					err = fmt.Errorf("edges went from %d to %d", last, tot.Edges)
				}
				last = tot.Edges
				if err == nil {
					_, err = s.Neighbourhood(bg, []string{seed}, 2, graph.Filter{}, 100)
				}
				if err == nil {
					_, err = s.FindNodes(bg, graph.NodeQuery{Text: "academy", Page: graph.Page{First: 10}})
				}
				if err == nil {
					_, err = s.Collaborators(bg, []string{seed}, graph.Filter{}, 5)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(r)
	}
	for i := 1; i < len(docs); i++ {
		graphtest.MustApply(t, s, &docs[i])
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	want := graphtest.NewFixture(docs...)
	if tot := graphtest.MustTotals(t, s); tot.Edges != len(want.Edges) || !reflect.DeepEqual(tot.Nodes, len(want.Nodes)) {
		t.Fatalf("totals %+v after concurrent load", tot)
	}
}

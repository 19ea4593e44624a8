package embedded_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/graph/graphtest"
)

func TestFailedLogWriteLeavesMemoryUntouched(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	docs := graphtest.Generated(300, 100)
	graphtest.MustApply(t, s, &docs[0])
	before := graphtest.MustTotals(t, s)
	s.BreakLog()
	if _, err := s.Apply(bg, &docs[1]); err == nil {
		t.Fatal("Apply succeeded with a broken log")
	}
	if _, err := s.DeleteDocument(bg, docs[0].Document.ID); err == nil {
		t.Fatal("DeleteDocument succeeded with a broken log")
	}
	if tot := graphtest.MustTotals(t, s); tot != before {
		t.Fatalf("totals %+v after failed writes, want %+v", tot, before)
	}
}

func TestKindConflictIsRejected(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	f := graphtest.GoldFacts(t)
	graphtest.MustApply(t, s, &f)
	before := graphtest.MustTotals(t, s)
	p := graphtest.NewFixture(f).NodesOf(graph.Person)[0]
	clash := graph.Facts{Document: graph.Document{ID: "clash"}, Nodes: []graph.Node{{ID: p.ID, Kind: graph.Institution, Name: p.Name}}}
	_, err := s.Apply(bg, &clash)
	graphtest.WantCode(t, err, graph.ECONFLICT)
	if tot := graphtest.MustTotals(t, s); tot != before {
		t.Fatalf("totals %+v after a rejected Apply, want %+v", tot, before)
	}
}

func TestCorruptSnapshotIsReported(t *testing.T) {
	dir := t.TempDir()
	s, err := embedded.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	f := graphtest.GoldFacts(t)
	graphtest.MustApply(t, s, &f)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "snapshot.bin")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 1
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = embedded.Open(dir)
	graphtest.WantCode(t, err, graph.EINTERNAL)
	if !strings.Contains(err.Error(), path) {
		t.Fatalf("error %q does not name %s", err, path)
	}
}

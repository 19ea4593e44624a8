package embedded_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/graph/graphtest"
)

// batchOf returns pointers to docs.
func batchOf(docs []graph.Facts) []*graph.Facts {
	out := make([]*graph.Facts, len(docs))
	for i := range docs {
		out[i] = &docs[i]
	}
	return out
}

// totalsOf returns the totals of a memory store given docs in turn.
func totalsOf(t *testing.T, docs []graph.Facts) graph.Totals {
	t.Helper()
	s := embedded.OpenMemory()
	for i := range docs {
		graphtest.MustApply(t, s, &docs[i])
	}
	return graphtest.MustTotals(t, s)
}

func TestBatchIsDurableOnceAcknowledged(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir) // crashed below, which makes its Close a no-op
	load(t, s)            // every kind of record before the batch
	docs := graphtest.Generated(3000, 100)
	if _, err := s.ApplyBatch(bg, batchOf(docs)); err != nil {
		t.Fatal(err)
	}
	want := observe(t, s)
	s.Crash()
	got := observe(t, mustOpen(t, dir))
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("answer %d differs after a crash:\n got  %.300s\n want %.300s", i, got[i], want[i])
		}
	}
}

func TestBatchConflictKeepsThoseBeforeDurable(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir) // crashed below, which makes its Close a no-op
	docs := graphtest.Generated(300, 100)
	n := docs[0].Nodes[0]
	n.Kind = graph.Agreement
	if n.Kind == docs[0].Nodes[0].Kind {
		n.Kind = graph.Event
	}
	clash := graph.Facts{Document: graph.Document{ID: "clash"}, Nodes: []graph.Node{n}}
	sums, err := s.ApplyBatch(bg, []*graph.Facts{&docs[0], &docs[1], &clash, &docs[2]})
	graphtest.WantCode(t, err, graph.ECONFLICT)
	if len(sums) != 2 {
		t.Fatalf("%d summaries, want the 2 documents before the conflict", len(sums))
	}
	s.Crash()
	if got, want := graphtest.MustTotals(t, mustOpen(t, dir)), totalsOf(t, docs[:2]); got != want {
		t.Fatalf("after a crash: %+v, want the documents before the conflict %+v", got, want)
	}
}

// crashedBatch makes a store with one document applied alone and then a
// batch of three, left in its log, and returns the directory, the log's
// size before the batch and the documents.
func crashedBatch(t *testing.T) (string, int64, []graph.Facts) {
	t.Helper()
	dir := t.TempDir()
	s := mustOpen(t, dir) // crashed below, which makes its Close a no-op
	docs := graphtest.Generated(400, 100)
	graphtest.MustApply(t, s, &docs[0])
	info, err := os.Stat(filepath.Join(dir, "wal.log"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyBatch(bg, batchOf(docs[1:])); err != nil {
		t.Fatal(err)
	}
	s.Crash()
	return dir, info.Size(), docs
}

func TestBatchTornTailLosesWholeDocuments(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(data []byte, before int) []byte
		keep   int // documents left after the repair
	}{
		{"CutInLastRecord", func(d []byte, _ int) []byte { return d[:len(d)-7] }, 3},
		{"CutInFirstRecord", func(d []byte, before int) []byte { return d[:before+40] }, 1},
		{"CorruptSecondRecord", func(d []byte, before int) []byte {
			d[before+(len(d)-before)/2] ^= 0x40
			return d
		}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, before, docs := crashedBatch(t)
			path := filepath.Join(dir, "wal.log")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, tc.damage(data, int(before)), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = embedded.Open(dir)
			graphtest.WantCode(t, err, graph.EINTERNAL)
			s := mustOpen(t, dir, embedded.RepairTail())
			if got, want := graphtest.MustTotals(t, s), totalsOf(t, docs[:tc.keep]); got != want {
				t.Fatalf("after the repair: %+v, want the first %d documents whole %+v", got, tc.keep, want)
			}
		})
	}
}

func TestFailedBatchLogBreaksTheStore(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir) // crashed below, which makes its Close a no-op
	docs := graphtest.Generated(400, 100)
	graphtest.MustApply(t, s, &docs[0])
	s.BreakLog()
	sums, err := s.ApplyBatch(bg, batchOf(docs[1:]))
	if err == nil || sums != nil {
		t.Fatalf("ApplyBatch with a broken log: %v, %d summaries; want an error and none", err, len(sums))
	}
	_, err = s.Totals(bg)
	graphtest.WantCode(t, err, graph.EUNAVAILABLE)
	_, err = s.Apply(bg, &docs[1])
	graphtest.WantCode(t, err, graph.EUNAVAILABLE)
	s.Crash()
	if got, want := graphtest.MustTotals(t, mustOpen(t, dir)), totalsOf(t, docs[:1]); got != want {
		t.Fatalf("after reopening: %+v, want the document before the batch %+v", got, want)
	}
}

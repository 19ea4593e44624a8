package embedded

import (
	"context"
	"testing"

	"github.com/sdkg/sdkg/graph/gen"
)

// TestSnapshotsSpaceOutAsTheGraphGrows checks that a snapshot waits for a
// log of half its size even when SnapshotEvery asks for less, and that a
// reopened store knows the size of its snapshot.
func TestSnapshotsSpaceOutAsTheGraphGrows(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, SnapshotEvery(1))
	if err != nil {
		t.Fatal(err)
	}
	docs := gen.Generate(gen.Config{Edges: 2000, Seed: 5})
	for i := range docs {
		if _, err := s.Apply(context.Background(), &docs[i]); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if s.snapBytes == 0 || s.log.size != 0 {
				t.Fatalf("after the first write: snapshot %d bytes, log %d bytes; want a snapshot and an empty log", s.snapBytes, s.log.size)
			}
			continue
		}
		if at := s.snapshotAt(); s.log.size >= at || at != int64(s.snapBytes)/2 {
			t.Fatalf("write %d: log %d bytes, snapshot due at %d, last snapshot %d bytes", i, s.log.size, at, s.snapBytes)
		}
	}
	if s.log.size == 0 {
		t.Fatal("every write was followed by a snapshot")
	}
	want := s.snapBytes
	s.Crash()
	r, err := Open(dir, SnapshotEvery(1))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.snapBytes != want {
		t.Fatalf("reopened store: last snapshot %d bytes, want %d", r.snapBytes, want)
	}
}

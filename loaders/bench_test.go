package loaders

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/loaders/internal/docgen"
)

// writeGenerated writes n generated review documents into a new directory
// and returns it.
func writeGenerated(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	for i := 0; i < n; i++ {
		path := filepath.Join(dir, fmt.Sprintf("doc-%04d.md", i))
		if err := os.WriteFile(path, []byte(docgen.Document(7, i)), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// BenchmarkLoad1000 loads 1,000 generated documents (the directory path,
// as `sdkg load DIR` does) into a durable embedded store; one op is the
// whole load, the target is under a minute.
func BenchmarkLoad1000(b *testing.B) {
	dir := writeGenerated(b, 1000)
	for n := 0; n < b.N; n++ {
		store, err := embedded.Open(filepath.Join(b.TempDir(), "data"))
		if err != nil {
			b.Fatal(err)
		}
		res, err := Load(context.Background(), store, []string{dir}, LoadOptions{})
		if err != nil || len(res) != 1000 {
			b.Fatalf("%d results, %v", len(res), err)
		}
		if err := store.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadGenerated loads generated documents twice: the second load
// changes nothing, so reloads are idempotent.
func TestLoadGenerated(t *testing.T) {
	dir := writeGenerated(t, 20)
	store := embedded.OpenMemory()
	defer store.Close()
	first, err := Load(context.Background(), store, []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := Load(context.Background(), store, []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range second {
		if first[i].Summary.EdgesAdded == 0 || !second[i].Summary.Unchanged {
			t.Errorf("%s: first %+v, second %+v", first[i].Path, first[i].Summary, second[i].Summary)
		}
	}
}

package loaders

import (
	"path/filepath"
	"testing"

	"github.com/sdkg/sdkg/loaders/review"
)

// TestExtractCorpus extracts every document of corpus/ and checks the
// facts are valid and every edge has its evidence inside the file.
func TestExtractCorpus(t *testing.T) {
	root := moduleRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "corpus", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no corpus documents")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := ExtractFile(path, review.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Nodes) == 0 || len(f.Edges) == 0 {
				t.Fatalf("%d nodes, %d edges", len(f.Nodes), len(f.Edges))
			}
			for _, e := range f.Edges {
				if e.Evidence == nil || e.Evidence.End <= e.Evidence.Start {
					t.Errorf("edge %s: evidence %+v", e.ID, e.Evidence)
				}
			}
		})
	}
}

package loaders

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/internal/testenv"
	"github.com/sdkg/sdkg/loaders/internal/score"
	"github.com/sdkg/sdkg/loaders/review"
)

// floor is the least a gold document must score; figures measured when
// the floor was set, minus a small margin, so quality cannot silently fall.
type floor struct {
	gold, source       string
	nodes, edges, date float64
}

// floors lists the seed and the project's own test documents, paths
// relative to the module root.
var floors = []floor{
	{"../shared/gold/000_17e0c0e76aac70b7.gold.json", "../shared/seeds/000_17e0c0e76aac70b7.txt", 0.97, 0.97, 0.97},
	{"loaders/testdata/gold/2024-06-wire.gold.json", "loaders/testdata/2024-06-wire.md", 0.97, 0.97, 0.95},
	{"loaders/testdata/gold/2024-12-digest.gold.json", "loaders/testdata/2024-12-digest.md", 0.97, 0.97, 0.95},
	{"loaders/testdata/gold/2022-05-briefing.gold.json", "loaders/testdata/2022-05-briefing.md", 0.92, 0.86, 0.95},
	{"loaders/testdata/gold/2019-03-agreements.gold.json", "loaders/testdata/2019-03-agreements.md", 0.97, 0.97, 0.95},
}

// corpusFloor is the least every gold document of corpus/ must score;
// the corpus was not used to write the rules' own tests, so it measures
// how far they generalise (measured: nodes 0.92-1.00, edges 0.76-0.94,
// dates 1.00).
var corpusFloor = floor{nodes: 0.89, edges: 0.73, date: 0.85}

// allFloors returns floors plus one per gold file under corpus/gold.
func allFloors(t *testing.T, root string) []floor {
	t.Helper()
	out := append([]floor(nil), floors...)
	golds, err := filepath.Glob(filepath.Join(root, "corpus", "gold", "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range golds {
		base := strings.TrimSuffix(filepath.Base(g), ".gold.json")
		src := filepath.Join("corpus", base+".md")
		if _, err := os.Stat(filepath.Join(root, src)); err != nil {
			src = filepath.Join("corpus", base+".txt")
		}
		f := corpusFloor
		f.gold, f.source = filepath.Join("corpus", "gold", base+".gold.json"), src
		out = append(out, f)
	}
	return out
}

// TestQuality extracts every gold document and checks its scores against
// the floors.
func TestQuality(t *testing.T) {
	root := moduleRoot(t)
	for _, fl := range allFloors(t, root) {
		t.Run(filepath.Base(fl.source), func(t *testing.T) {
			gold := mustReadFacts(t, filepath.Join(root, fl.gold))
			pred, err := ExtractFile(filepath.Join(root, fl.source), review.Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := score.Compare(pred, gold)
			t.Logf("nodes F1 %.2f  edges P %.2f R %.2f F1 %.2f  dates %.2f", r.NodesF1, r.EdgesP, r.EdgesR, r.EdgesF1, r.Dates)
			if r.NodesF1 < fl.nodes || r.EdgesF1 < fl.edges || r.Dates < fl.date {
				t.Errorf("below the floor (nodes %.2f, edges %.2f, dates %.2f)\nmissed: %v\nextra: %v",
					fl.nodes, fl.edges, fl.date, r.MissedEdges, r.ExtraEdges)
			}
		})
	}
}

// moduleRoot is the directory of go.mod.
func moduleRoot(t testing.TB) string { return testenv.ModuleRoot(t) }

func mustReadFacts(t testing.TB, path string) *graph.Facts {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("gold file: %v", err)
	}
	var f graph.Facts
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &f
}

package loaders

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/sdkg/sdkg/loaders/review"
)

// TestExtractMergedOrder merges the test documents in two orders and
// expects the same facts, one node per entity across documents.
func TestExtractMergedOrder(t *testing.T) {
	root := moduleRoot(t)
	paths := []string{
		filepath.Join(root, "loaders/testdata/2024-06-wire.md"),
		filepath.Join(root, "loaders/testdata/2024-12-digest.md"),
		filepath.Join(root, "loaders/testdata/2022-05-briefing.md"),
	}
	a, err := ExtractMerged(paths, review.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ExtractMerged([]string{paths[2], paths[0], paths[1]}, review.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatal("merged facts depend on the order of the files")
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for _, n := range a.Nodes {
		ids[n.ID]++
	}
	for _, id := range []string{"country:CN", "mission:change-6", "institution:china-national-space-administration"} {
		if ids[id] != 1 {
			t.Errorf("%s: %d nodes, want 1 across documents", id, ids[id])
		}
	}
}

// TestExtractFileDeterministic extracts a file twice and expects the same
// JSON, nodes sorted by id and every edge with confidence, rule and
// evidence.
func TestExtractFileDeterministic(t *testing.T) {
	path := filepath.Join(moduleRoot(t), "loaders/testdata/2022-05-briefing.md")
	a, err := ExtractFile(path, review.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := ExtractFile(path, review.Options{})
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatal("two extractions differ")
	}
	for i := 1; i < len(a.Nodes); i++ {
		if a.Nodes[i-1].ID >= a.Nodes[i].ID {
			t.Fatalf("nodes not sorted by id: %s, %s", a.Nodes[i-1].ID, a.Nodes[i].ID)
		}
	}
	for _, e := range a.Edges {
		if e.Confidence == 0 || e.Rule == "" || e.Evidence == nil || e.Evidence.Sentence == "" {
			t.Errorf("edge %s lacks confidence, rule or evidence", e.ID)
		}
	}
}

package loaders

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/loaders/review"
)

// writeFile writes data to a file in a temporary directory.
func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExtractFileBadInput checks that each kind of bad file gives an
// EINVALID error naming the file and the problem.
func TestExtractFileBadInput(t *testing.T) {
	cases := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"Empty", "empty.md", nil, "empty"},
		{"Binary", "blob.txt", []byte("\x00\x01\x02PK\x03\x04 binary"), "binary"},
		{"InvalidUTF8", "latin1.txt", []byte("# Review\n\nSci\xe9nce and technology \xff\xfe cooperation.\n"), "UTF-8"},
		{"TooLarge", "huge.txt", bytes.Repeat([]byte("China and Brazil signed an agreement. "), 50<<20/38+1), "too large"},
		{"NoEntries", "blank.md", []byte("\n\n   \n\t\n"), ""},
		{"DanglingEdge", "facts.json", []byte(`{"document":{"id":"d1"},"nodes":[{"id":"country:CN","kind":"Country","name":"China","aliases":[]}],` +
			`"edges":[{"type":"SIGNED","from":"country:CN","to":"agreement:missing"}]}`), "dangling"},
		{"BadJSON", "broken.json", []byte(`{"document": {"id": "d1"}, "nodes": [`), "facts JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, c.file, c.data)
			_, err := ExtractFile(path, review.Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("code %s, want EINVALID: %v", graph.ErrorCode(err), err)
			}
			msg := graph.ErrorMessage(err)
			if !strings.Contains(msg, path) || !strings.Contains(msg, c.want) {
				t.Errorf("message %q should name %s and %q", msg, path, c.want)
			}
		})
	}
}

// TestExtractFileMissing reports a missing file as ENOTFOUND.
func TestExtractFileMissing(t *testing.T) {
	_, err := ExtractFile(filepath.Join(t.TempDir(), "nope.md"), review.Options{})
	if graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("got %v, want ENOTFOUND", err)
	}
}

// TestLoadGoesOnPastBadFiles loads a directory with a good and two bad
// files: the good one is stored, the error lists both bad ones, and the
// store holds nothing from them.
func TestLoadGoesOnPastBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := "# Science Diplomacy Wire — June 2024\nsdkg test\n\n## Launch\nXICHANG, June 22 -- The CNSA and the French space agency CNES launched the SVOM satellite on Saturday from the Xichang Satellite Launch Center.\n"
	mustWrite(t, filepath.Join(dir, "a-good.md"), good)
	mustWrite(t, filepath.Join(dir, "b-empty.md"), "")
	mustWrite(t, filepath.Join(dir, "c-dangling.json"), `{"document":{"id":"bad"},"nodes":[],"edges":[{"type":"LED","from":"x","to":"y"}]}`)
	mustWrite(t, filepath.Join(dir, "ignored.pdf"), "not a document")
	store := embedded.OpenMemory()
	defer store.Close()
	var progress []int
	res, err := Load(context.Background(), store, []string{dir}, LoadOptions{Progress: func(done, total int, r Result) {
		progress = append(progress, done)
	}})
	if err == nil || !strings.Contains(err.Error(), "b-empty.md") || !strings.Contains(err.Error(), "c-dangling.json") {
		t.Fatalf("error %v should list both bad files", err)
	}
	if len(res) != 3 || len(progress) != 3 || res[0].Err != nil || res[0].Summary.NodesAdded == 0 {
		t.Fatalf("results %+v, progress %v", res, progress)
	}
	again, err := Load(context.Background(), store, []string{filepath.Join(dir, "a-good.md")}, LoadOptions{})
	if err != nil || !again[0].Summary.Unchanged {
		t.Fatalf("reload: %+v, %v; want unchanged", again, err)
	}
}

func mustWrite(t testing.TB, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadConflictFailsAlone: a document that states a stored node with
// another kind fails alone; the documents of its batch before and after it
// are stored.
func TestLoadConflictFailsAlone(t *testing.T) {
	dir := t.TempDir()
	doc := func(id, kind string) string {
		return `{"document":{"id":"` + id + `","issued":"2024-01"},"nodes":[{"id":"n:shared","kind":"` + kind +
			`","name":"Shared Name"},{"id":"n:` + id + `","kind":"Country","name":"Country ` + id + `"}],"edges":[]}`
	}
	mustWrite(t, filepath.Join(dir, "a.json"), doc("a", "Institution"))
	mustWrite(t, filepath.Join(dir, "b.json"), doc("b", "Person"))
	mustWrite(t, filepath.Join(dir, "c.json"), doc("c", "Institution"))
	store := embedded.OpenMemory()
	defer store.Close()
	res, err := Load(context.Background(), store, []string{dir}, LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), "b.json") || strings.Contains(err.Error(), "a.json") {
		t.Fatalf("error %v should name b.json alone", err)
	}
	if len(res) != 3 || res[0].Err != nil || graph.ErrorCode(res[1].Err) != graph.ECONFLICT || res[2].Err != nil {
		t.Fatalf("results %+v", res)
	}
	tot, _ := store.Totals(context.Background())
	if tot.Documents != 2 || res[2].Summary.NodesAdded != 1 || res[2].Summary.NodesKept != 1 {
		t.Fatalf("totals %+v, c.json summary %+v: want a and c stored", tot, res[2].Summary)
	}
}

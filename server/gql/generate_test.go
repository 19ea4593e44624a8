package gql

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/internal/testenv"
)

// TestGeneratedCodeIsCurrent fails when `go generate ./server/gql` would
// change the committed generated code: it copies the schema, gqlgen.yml and
// the Go sources gqlgen reads into a scratch module, runs gqlgen there and
// compares every file it writes with the committed one. The working tree is
// never touched. It costs one `go run` of gqlgen (a few seconds once the
// build cache is warm), so -short skips it; CI runs it.
func TestGeneratedCodeIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping gqlgen regeneration in -short mode")
	}
	root := moduleRoot(t)
	tmp := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum", "gqlgen.yml"} {
		copyFile(t, filepath.Join(root, f), filepath.Join(tmp, f))
	}
	for _, dir := range []string{"schema", "graph", "graph/analysis", "server/gql", "server/gql/model"} {
		copyDir(t, filepath.Join(root, dir), filepath.Join(tmp, dir))
	}
	cmd := exec.Command("go", "run", "github.com/99designs/gqlgen", "generate", "--config", "gqlgen.yml")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gqlgen generate: %v\n%s", err, out)
	}
	generated, _ := filepath.Glob(filepath.Join(tmp, "server/gql/*.go"))
	models, _ := filepath.Glob(filepath.Join(tmp, "server/gql/model/*.go"))
	for _, g := range append(generated, models...) {
		rel, _ := filepath.Rel(tmp, g)
		want, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Errorf("gqlgen writes %s, which is not committed: run go generate ./server/gql", rel)
			continue
		}
		if got := readFile(t, g); !bytes.Equal(got, want) {
			t.Errorf("%s differs from what gqlgen generates: run go generate ./server/gql and commit", rel)
		}
	}
}

// moduleRoot is the directory of go.mod.
func moduleRoot(t *testing.T) string { return testenv.ModuleRoot(t) }

// copyDir copies the regular non-test files of src (not its subdirectories).
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasSuffix(e.Name(), "_test.go") {
			copyFile(t, filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()))
		}
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, readFile(t, src), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/gen"
)

// TestRunLoadsAndWritesQueries runs the command on a small embedded store:
// it must load the graph, then skip loading on a second run, and write one
// body per query whose seed is in the store.
func TestRunLoadsAndWritesQueries(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"SDKG_STORE": "embedded", "SDKG_DATA": filepath.Join(dir, "data")}
	out := filepath.Join(dir, "q")
	args := []string{"-edges", "2000", "-per-doc", "500", "-out", out}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, func(k string) string { return env[k] }, &stdout, &stderr); err != nil {
		t.Fatalf("first run: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "applied 4/4 documents") {
		t.Errorf("first run did not load the 4 documents:\n%s", stderr.String())
	}
	stderr.Reset()
	if err := run(context.Background(), args, func(k string) string { return env[k] }, &stdout, &stderr); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if !strings.Contains(stderr.String(), "not loading") {
		t.Errorf("second run loaded again:\n%s", stderr.String())
	}
	for _, name := range []string{"network-hub", "network-typical", "collaborators-hub", "collaborators-typical"} {
		raw, err := os.ReadFile(filepath.Join(out, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Query     string
			Variables map[string]string
		}
		if err := json.Unmarshal(raw, &body); err != nil || body.Variables["id"] == "" || body.Query == "" {
			t.Errorf("%s: body %s (%v): want a query and an id", name, raw, err)
		}
	}
}

func TestPickSeedsHubOutranksTypical(t *testing.T) {
	seeds := pickSeeds(generated(t))
	for _, k := range []string{"Person", "Institution"} {
		hub, typ := seeds["hub "+k], seeds["typical "+k]
		if hub.ID == "" || typ.ID == "" || hub.Degree <= typ.Degree {
			t.Errorf("%s: hub %+v, typical %+v: want both, the hub of higher degree", k, hub, typ)
		}
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-load", "sometimes"}, {"-edges", "5"}} {
		var stderr bytes.Buffer
		if err := run(context.Background(), args, func(string) string { return "" }, &stderr, &stderr); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

func generated(t *testing.T) []graph.Facts {
	t.Helper()
	return gen.Generate(gen.Config{Seed: 42, Edges: 3000, EdgesPerDoc: 1000})
}

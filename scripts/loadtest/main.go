// Command loadtest prepares a load test of `sdkg serve`: it generates a
// graph of -edges edges (graph/gen, seed 42), applies it to the store that
// the environment configures (SDKG_STORE=embedded with SDKG_DATA, or
// SDKG_STORE=neo4j with NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
// NEO4J_DATABASE), picks seed entities from the generated edges, and writes
// the GraphQL request bodies of the measured queries to -out, one
// NAME.json per query, printing each with its seed.
//
// The queries are the two of issue 5: a depth-2 network as a visualisation
// client asks for it, and an entity's collaborators; each around a hub (the
// entity of its kind with the most relations) and a typical entity (the
// median degree among the entities of its kind that have relations).
//
// run.sh beside this file builds sdkg, runs this program, serves the store
// and drives the queries with hey.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"time"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/graph/gen"
	"github.com/sdkg/sdkg/graph/neo4j"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	edges, perDoc int
	out           string
	load          string // auto, always or never
}

func parse(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.edges, "edges", 100_000, "edges of the generated graph")
	fs.IntVar(&o.perDoc, "per-doc", 1000, "edges per generated document")
	fs.StringVar(&o.out, "out", "loadtest-queries", "directory for the request bodies")
	fs.StringVar(&o.load, "load", "auto", "apply the graph: always, never, or auto (unless the store already holds as many documents and edges)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.load != "auto" && o.load != "always" && o.load != "never" {
		return o, fmt.Errorf("-load %q: want auto, always or never", o.load)
	}
	if o.edges < 100 || o.perDoc < 1 {
		return o, fmt.Errorf("-edges %d and -per-doc %d: want at least 100 edges and 1 per document", o.edges, o.perDoc)
	}
	return o, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	facts := gen.Generate(gen.Config{Seed: 42, Edges: o.edges, EdgesPerDoc: o.perDoc})
	store, err := openStore(ctx, getenv)
	if err != nil {
		return err
	}
	if err := maybeLoad(ctx, store, facts, o, stderr); err != nil {
		store.Close()
		return err
	}
	seeds := pickSeeds(facts)
	err = checkSeeds(ctx, store, seeds)
	if cerr := store.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return writeQueries(o.out, seeds, stdout)
}

// openStore opens the backend the environment names, as `sdkg serve` does.
func openStore(ctx context.Context, getenv func(string) string) (graph.Store, error) {
	switch kind := or(getenv("SDKG_STORE"), "embedded"); kind {
	case "embedded":
		return embedded.Open(or(getenv("SDKG_DATA"), "./data"))
	case "neo4j":
		return neo4j.Open(ctx, neo4j.Config{URI: or(getenv("NEO4J_URI"), "bolt://127.0.0.1:7687"),
			User: or(getenv("NEO4J_USER"), "neo4j"), Password: getenv("NEO4J_PASSWORD"),
			Database: or(getenv("NEO4J_DATABASE"), "neo4j")})
	default:
		return nil, fmt.Errorf("SDKG_STORE=%q: want embedded or neo4j", kind)
	}
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// maybeLoad applies facts as o.load says; auto skips a store that already
// holds at least as many documents and edges (a Neo4j loaded by an earlier
// run: loading takes minutes there).
func maybeLoad(ctx context.Context, s graph.Store, facts []graph.Facts, o options, w io.Writer) error {
	switch o.load {
	case "never":
		return nil
	case "auto":
		t, err := s.Totals(ctx)
		if err != nil {
			return err
		}
		if t.Documents >= len(facts) && t.Edges >= o.edges {
			fmt.Fprintf(w, "loadtest: the store holds %d documents and %d edges already: not loading (-load always to force)\n", t.Documents, t.Edges)
			return nil
		}
	}
	return load(ctx, s, facts, w)
}

// loadBatch is how many documents load applies together.
const loadBatch = 50

// load applies the documents in order, loadBatch at a time through
// ApplyBatch (the bulk path), reporting progress on w.
func load(ctx context.Context, s graph.Store, facts []graph.Facts, w io.Writer) error {
	start, edges := time.Now(), 0
	for i := 0; i < len(facts); i += loadBatch {
		batch := make([]*graph.Facts, 0, loadBatch)
		for j := i; j < min(i+loadBatch, len(facts)); j++ {
			batch = append(batch, &facts[j])
			edges += len(facts[j].Edges)
		}
		if _, err := s.ApplyBatch(ctx, batch); err != nil {
			return fmt.Errorf("apply documents %d-%d: %w", i+1, i+len(batch), err)
		}
		fmt.Fprintf(w, "loadtest: applied %d/%d documents, %d edges, %s\n", i+len(batch), len(facts), edges, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// seed is an entity a query starts from.
type seed struct {
	Role   string // hub or typical
	Kind   graph.Kind
	ID     string
	Degree int // distinct edges touching it in the generated graph
}

// pickSeeds returns, for persons (network) and institutions
// (collaborators), the hub and a typical entity by degree in the generated
// edges; ties go to the smallest ID.
func pickSeeds(facts []graph.Facts) map[string]seed {
	kind, degree := map[string]graph.Kind{}, map[string]int{}
	seen := map[string]bool{}
	for _, f := range facts {
		for _, n := range f.Nodes {
			kind[n.ID] = n.Kind
		}
		for _, e := range f.Edges {
			if k := e.Key(); !seen[k] {
				seen[k] = true
				degree[e.From]++
				degree[e.To]++
			}
		}
	}
	out := map[string]seed{}
	for _, k := range []graph.Kind{graph.Person, graph.Institution} {
		ids := byDegree(kind, degree, k)
		if len(ids) == 0 {
			continue
		}
		hub, typ := ids[0], ids[len(ids)/2]
		out[seedKey("hub", k)] = seed{"hub", k, hub, degree[hub]}
		out[seedKey("typical", k)] = seed{"typical", k, typ, degree[typ]}
	}
	return out
}

func seedKey(role string, k graph.Kind) string { return role + " " + string(k) }

// byDegree lists the ids of kind k that have edges, most edges first.
func byDegree(kind map[string]graph.Kind, degree map[string]int, k graph.Kind) []string {
	var ids []string
	for id, d := range degree {
		if kind[id] == k && d > 0 {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int {
		if degree[a] != degree[b] {
			return degree[b] - degree[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	return ids
}

// checkSeeds fails unless the store holds every seed.
func checkSeeds(ctx context.Context, s graph.Store, seeds map[string]seed) error {
	var ids []string
	for _, sd := range seeds {
		ids = append(ids, sd.ID)
	}
	nodes, err := s.NodesByID(ctx, ids)
	if err != nil {
		return err
	}
	for i, n := range nodes {
		if n == nil {
			return fmt.Errorf("seed %s is not in the store: load the graph first (-load always)", ids[i])
		}
	}
	return nil
}

// The measured queries, %s standing for the operation name (one per
// request, so that the server's metrics tell them apart). networkQuery is
// what a visualisation client sends (server/bench_test.go times the same
// in-process); collaboratorsQuery is the analyst's "who worked with X".
const (
	networkQuery = `query %s($id: ID!) { network(seeds: [$id], depth: 2) {
  nodes { id label kind country degree pageRank community firstYear lastYear }
  edges { id source target type weight years } } }`
	collaboratorsQuery = `query %s($id: ID!) { entity(id: $id) { name
  collaborators { entity { id name kind } count first last } } }`
)

// request is one measured query: its name, seed and POST body.
type request struct {
	Name string
	Seed seed
	Body []byte
}

func requests(seeds map[string]seed) []request {
	var out []request
	for _, c := range []struct {
		name, op, query, role string
		kind                  graph.Kind
	}{
		{"network-hub", "NetworkHub", networkQuery, "hub", graph.Person},
		{"network-typical", "NetworkTypical", networkQuery, "typical", graph.Person},
		{"collaborators-hub", "CollaboratorsHub", collaboratorsQuery, "hub", graph.Institution},
		{"collaborators-typical", "CollaboratorsTypical", collaboratorsQuery, "typical", graph.Institution},
	} {
		sd, ok := seeds[seedKey(c.role, c.kind)]
		if !ok {
			continue
		}
		body, _ := json.Marshal(map[string]any{"query": fmt.Sprintf(c.query, c.op), "variables": map[string]string{"id": sd.ID}})
		out = append(out, request{c.name, sd, body})
	}
	return out
}

// writeQueries writes dir/NAME.json for every request and prints them.
func writeQueries(dir string, seeds map[string]seed, w io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, r := range requests(seeds) {
		path := filepath.Join(dir, r.Name+".json")
		if err := os.WriteFile(path, r.Body, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "# %s: %s %s %s (degree %d), body %s\n%s\n", r.Name, r.Seed.Role, r.Seed.Kind, r.Seed.ID, r.Seed.Degree, path, r.Body)
	}
	return nil
}

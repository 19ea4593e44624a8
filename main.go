// Command sdkg builds a knowledge graph of science-diplomacy relationships
// from documents and serves it through GraphQL.
//
//	sdkg serve [flags]            serve the API (the default command)
//	sdkg extract [--merge] FILE... print the facts JSON of each file
//	sdkg load FILE|DIR...         extract and apply into the configured store
//
// main.go is the only file that names a backend.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
	"github.com/sdkg/sdkg/graph/neo4j"
	"github.com/sdkg/sdkg/loaders"
	"github.com/sdkg/sdkg/loaders/review"
	"github.com/sdkg/sdkg/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sdkg:", err)
		os.Exit(1)
	}
}

// config is what flags and the environment say; flags win.
type config struct {
	Addr       string
	Data       string
	Store      string
	Neo4j      neo4j.Config
	Tokens     string
	CORS       string
	Corpus     string
	Introspect bool
	Timeout    time.Duration
}

func env(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// flags registers the common flags with defaults from the environment.
func flags(name string, getenv func(string) string, c *config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&c.Addr, "addr", env(getenv, "SDKG_ADDR", "127.0.0.1:8080"), "listen address (SDKG_ADDR)")
	fs.StringVar(&c.Data, "data", env(getenv, "SDKG_DATA", "./data"), "data directory of the embedded store (SDKG_DATA)")
	fs.StringVar(&c.Store, "store", env(getenv, "SDKG_STORE", "embedded"), "backend: embedded or neo4j (SDKG_STORE)")
	fs.StringVar(&c.Neo4j.URI, "neo4j-uri", env(getenv, "NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j URI (NEO4J_URI)")
	fs.StringVar(&c.Neo4j.User, "neo4j-user", env(getenv, "NEO4J_USER", "neo4j"), "Neo4j user (NEO4J_USER)")
	fs.StringVar(&c.Neo4j.Password, "neo4j-password", getenv("NEO4J_PASSWORD"), "Neo4j password (NEO4J_PASSWORD)")
	fs.StringVar(&c.Neo4j.Database, "neo4j-database", env(getenv, "NEO4J_DATABASE", "neo4j"), "Neo4j database (NEO4J_DATABASE)")
	return fs
}

// run wires everything: it reads flags and env, opens the store, and runs the
// subcommand until ctx is cancelled.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, args, getenv, stdout)
	case "extract":
		return extract(args, getenv, stdout)
	case "load":
		return load(ctx, args, getenv, stdout)
	default:
		return fmt.Errorf("unknown command %q (want serve, extract or load)", cmd)
	}
}

// openStore opens the configured backend.
func openStore(ctx context.Context, c *config) (graph.Store, error) {
	switch c.Store {
	case "embedded":
		return embedded.Open(c.Data)
	case "neo4j":
		return neo4j.Open(ctx, c.Neo4j)
	}
	return nil, fmt.Errorf("unknown store %q (want embedded or neo4j)", c.Store)
}

// serveGOGC is the collector's target that serve runs with unless GOGC is
// set. The embedded store keeps the graph in the heap (about 180 MB at 100k
// edges), and every collection marks all of it: at Go's default of 100 a
// cycle came every few network answers and cost more CPU than answering
// them (scripts/loadtest/RESULTS.md). At 400 the heap may grow to five
// times what is live before a cycle; set GOGC or GOMEMLIMIT to bound it.
const serveGOGC = 400

// gcTarget applies serveGOGC when the environment sets no GOGC and tells
// what it set.
func gcTarget(getenv func(string) string) (int, bool) {
	if getenv("GOGC") != "" {
		return 0, false
	}
	debug.SetGCPercent(serveGOGC)
	return serveGOGC, true
}

func serve(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	var c config
	fs := flags("serve", getenv, &c)
	fs.StringVar(&c.Tokens, "tokens", getenv("SDKG_TOKENS"), "comma-separated bearer tokens allowed to mutate (SDKG_TOKENS)")
	fs.StringVar(&c.CORS, "cors", getenv("SDKG_CORS"), "comma-separated allowed CORS origins (SDKG_CORS)")
	fs.StringVar(&c.Corpus, "corpus", getenv("SDKG_CORPUS"), "load this directory when the store holds no document (SDKG_CORPUS)")
	fs.BoolVar(&c.Introspect, "introspection", env(getenv, "SDKG_INTROSPECTION", "true") == "true", "allow GraphQL introspection (SDKG_INTROSPECTION)")
	fs.DurationVar(&c.Timeout, "timeout", 30*time.Second, "per-request timeout")
	if err := fs.Parse(args); err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(stdout, nil))
	if pct, set := gcTarget(getenv); set {
		logger.Info("garbage collection target", "GOGC", pct)
	}
	store, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer store.Close()
	if c.Corpus != "" {
		if err := loadCorpus(ctx, store, c.Corpus, logger); err != nil {
			return err
		}
	}
	h := server.New(logger, store, server.Options{
		Tokens:         splitList(c.Tokens),
		CORSOrigins:    splitList(c.CORS),
		Introspection:  c.Introspect,
		RequestTimeout: c.Timeout,
		Loader:         loaders.Ingester{Store: store},
	})
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return err
	}
	printWelcome(stdout, ln.Addr().String())
	return server.ServeListener(ctx, ln, h)
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// loadCorpus loads dir when the store holds no document yet.
func loadCorpus(ctx context.Context, store graph.Store, dir string, logger *slog.Logger) error {
	tot, err := store.Totals(ctx)
	if err != nil {
		return err
	}
	if tot.Documents > 0 {
		logger.Info("corpus already loaded", "documents", tot.Documents)
		return nil
	}
	res, err := loaders.Load(ctx, store, []string{dir}, loaders.LoadOptions{})
	logger.Info("corpus loaded", "dir", dir, "documents", len(res))
	return err
}

func extract(args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	merge := fs.Bool("merge", false, "print one object over all files, resolved across them")
	var opt review.Options
	fs.StringVar(&opt.Title, "title", "", "override the document title")
	fs.StringVar(&opt.Publisher, "publisher", "", "override the publisher")
	fs.StringVar(&opt.Issued, "issued", "", "override the issue date (YYYY-MM)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("extract: no file given")
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", " ")
	if *merge {
		f, err := loaders.ExtractMerged(fs.Args(), opt)
		if err != nil {
			return err
		}
		return enc.Encode(f)
	}
	var errs []error
	for _, path := range fs.Args() {
		f, err := loaders.ExtractFile(path, opt)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return errors.Join(errs...)
}

func load(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	var c config
	fs := flags("load", getenv, &c)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("load: no file or directory given")
	}
	store, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer store.Close()
	files, err := loaders.Expand(fs.Args())
	if err != nil {
		return err
	}
	bar := newProgress(len(files))
	res, err := loaders.Load(ctx, store, files, loaders.LoadOptions{Progress: func(done, total int, r loaders.Result) {
		bar.Add(1)
	}})
	bar.Finish()
	printSummaries(stdout, res)
	return err
}

// Package server serves the sdkg GraphQL API over HTTP: gin with gqlgen's
// executor on /graphql (GraphQL over HTTP: POST with application/json or
// application/graphql-response+json, GET for queries only), the playground,
// health and readiness probes and Prometheus metrics. Middleware adds a
// request id, JSON logs, a per-request timeout carried down to the store, a
// body limit, CORS and bearer-token authentication for mutations.
//
// It imports package graph, never a backend: main wires a graph.Store in.
package server

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/server/gql"
)

// Loader ingests a document's text for the ingestDocument mutation (package
// loaders provides it): it extracts facts and applies them to the store,
// honouring ctx, with coded errors.
type Loader = gql.Loader

// Options configure New. The zero value is usable: every limit takes its
// default, no origin is allowed cross-site, introspection is off and
// mutations are refused (no tokens).
type Options struct {
	// Tokens are the bearer tokens that may run mutations. None: every
	// mutation is refused with EUNAUTHORIZED.
	Tokens []string
	// CORSOrigins are the origins browsers may call from ("*" for any).
	CORSOrigins []string
	// Introspection enables the __schema and __type queries (the
	// playground needs them).
	Introspection bool
	// RequestTimeout bounds each request, store calls included (default 30s).
	RequestTimeout time.Duration
	// MaxBodyBytes bounds a request body (default 1 MiB).
	MaxBodyBytes int64
	// ComplexityLimit bounds the cost of an operation (default
	// DefaultComplexityLimit): each field costs 1 plus its children, a
	// paged field multiplies its children's cost by its page size.
	ComplexityLimit int
	// DepthLimit bounds the nesting of selections (default DefaultDepthLimit).
	DepthLimit int
	// Loader serves ingestDocument; nil refuses it with EUNAVAILABLE.
	Loader Loader
	// BatchWait is how long a dataloader collects sibling keys before one
	// store call (default gql.DefaultBatchWait).
	BatchWait time.Duration
}

// Defaults of Options.
const (
	DefaultRequestTimeout  = 30 * time.Second
	DefaultMaxBodyBytes    = 1 << 20
	DefaultComplexityLimit = 200_000
	DefaultDepthLimit      = 15
)

func (o Options) withDefaults() Options {
	var tokens []string
	for _, t := range o.Tokens {
		if t = strings.TrimSpace(t); t != "" {
			tokens = append(tokens, t)
		}
	}
	o.Tokens = tokens
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.ComplexityLimit <= 0 {
		o.ComplexityLimit = DefaultComplexityLimit
	}
	if o.DepthLimit <= 0 {
		o.DepthLimit = DefaultDepthLimit
	}
	return o
}

// New returns the HTTP handler of the API over store. Store calls are
// timed into the handler's own Prometheus registry, served on /metrics.
func New(logger *slog.Logger, store graph.Store, opts Options) http.Handler {
	opts = opts.withDefaults()
	m := newMetrics()
	s := &server{log: logger, store: instrument(store, m), opts: opts, metrics: m}
	return s.routes()
}

// server holds what the handlers share.
type server struct {
	log     *slog.Logger
	store   graph.Store
	opts    Options
	metrics *metrics
}

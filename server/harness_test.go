package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/internal/testenv"
)

// newStoreFunc opens an empty store for one test; the store is closed when
// the test ends.
type newStoreFunc func(t *testing.T) graph.Store

// testToken is the bearer token the harness configures and sends.
const testToken = "test-token-6f1c"

// harness drives the real handler of New over HTTP (httptest).
type harness struct {
	t     *testing.T
	h     http.Handler
	store graph.Store
	logs  *syncBuffer
}

// newHarness serves store with opts; Tokens default to testToken.
func newHarness(t *testing.T, store graph.Store, opts Options) *harness {
	t.Helper()
	if opts.Tokens == nil {
		opts.Tokens = []string{testToken}
	}
	logs := &syncBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return &harness{t: t, h: New(logger, store, opts), store: store, logs: logs}
}

// gqlResponse is a GraphQL response body.
type gqlResponse struct {
	Data       json.RawMessage `json:"data"`
	Errors     []gqlError      `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// code returns the extensions.code of the first error, "" when none.
func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// request sends an HTTP request to the handler.
func (h *harness) request(method, target string, body io.Reader, header map[string]string) *httptest.ResponseRecorder {
	h.t.Helper()
	req := httptest.NewRequest(method, target, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.h.ServeHTTP(rec, req)
	return rec
}

// post sends a GraphQL request as JSON; with auth it carries testToken.
func (h *harness) post(query string, vars map[string]any, auth bool) (*httptest.ResponseRecorder, gqlResponse) {
	h.t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		h.t.Fatal(err)
	}
	header := map[string]string{"Content-Type": "application/json"}
	if auth {
		header["Authorization"] = "Bearer " + testToken
	}
	rec := h.request(http.MethodPost, "/graphql", bytes.NewReader(body), header)
	return rec, decodeResponse(h.t, rec)
}

// mustQuery posts and fails the test on any GraphQL error.
func (h *harness) mustQuery(query string, vars map[string]any, auth bool) json.RawMessage {
	h.t.Helper()
	rec, resp := h.post(query, vars, auth)
	if rec.Code != http.StatusOK || len(resp.Errors) > 0 {
		h.t.Fatalf("query failed: HTTP %d, errors %+v\nquery: %s", rec.Code, resp.Errors, query)
	}
	return resp.Data
}

func decodeResponse(t *testing.T, rec *httptest.ResponseRecorder) gqlResponse {
	t.Helper()
	var resp gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("response is not JSON (HTTP %d): %v\n%s", rec.Code, err, rec.Body.String())
	}
	return resp
}

// mustIngestFacts stores facts through the ingestFacts mutation.
func (h *harness) mustIngestFacts(f graph.Facts) graph.ApplySummary {
	h.t.Helper()
	data := h.mustQuery(`mutation($facts: FactsInput!) { ingestFacts(facts: $facts) {
		document unchanged nodesAdded nodesKept nodesRemoved edgesAdded edgesKept edgesRemoved } }`,
		map[string]any{"facts": factsInput(f)}, true)
	var out struct{ IngestFacts graph.ApplySummary }
	mustUnmarshal(h.t, data, &out)
	return out.IngestFacts
}

// factsInput writes facts as the FactsInput variable of ingestFacts.
func factsInput(f graph.Facts) map[string]any {
	doc := map[string]any{"id": f.Document.ID, "title": f.Document.Title, "publisher": f.Document.Publisher,
		"issued": f.Document.Issued, "source": f.Document.Source, "format": f.Document.Format}
	nodes := make([]map[string]any, len(f.Nodes))
	for i, n := range f.Nodes {
		nodes[i] = map[string]any{"id": n.ID, "kind": strings.ToUpper(string(n.Kind)), "name": n.Name,
			"aliases": n.Aliases, "country": n.Country, "props": propsInput(n.Props)}
	}
	edges := make([]map[string]any, len(f.Edges))
	for i, e := range f.Edges {
		m := map[string]any{"type": e.Type, "from": e.From, "to": e.To, "date": e.Date,
			"props": propsInput(e.Props), "confidence": e.Confidence, "rule": e.Rule}
		if ev := e.Evidence; ev != nil {
			m["evidence"] = map[string]any{"entry": ev.Entry, "sentence": ev.Sentence, "start": ev.Start, "end": ev.End}
		}
		edges[i] = m
	}
	return map[string]any{"document": doc, "nodes": nodes, "edges": edges}
}

func propsInput(m map[string]string) []map[string]string {
	out := []map[string]string{}
	for k, v := range m {
		out = append(out, map[string]string{"key": k, "value": v})
	}
	return out
}

func mustUnmarshal(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decode %s: %v", data, err)
	}
}

// goldFacts loads the seed's gold facts from ../shared and makes them a
// stored document: every edge gets a confidence, a rule and evidence (gold
// files have none) and Country nodes their ISO code. Without the file the
// test is skipped, except under CI=true where it fails.
func goldFacts(t *testing.T) graph.Facts {
	t.Helper()
	path := filepath.Join(moduleRoot(t), "..", "shared", "gold", "000_17e0c0e76aac70b7.gold.json")
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("gold facts: %v", err)
		}
		t.Skipf("gold facts missing: %v", err)
	}
	var f graph.Facts
	mustUnmarshal(t, data, &f)
	for i := range f.Edges {
		e := &f.Edges[i]
		e.Confidence = 0.6 + float64(i%4)/10
		e.Rule = "gold"
		e.Evidence = &graph.Evidence{Entry: "entry-" + strings.ToLower(string(e.Type)), Sentence: fmt.Sprintf("Statement %d of the fixture.", i),
			Start: i * 100, End: i*100 + 80}
	}
	for i := range f.Nodes {
		if code, ok := strings.CutPrefix(f.Nodes[i].ID, "c:"); ok {
			f.Nodes[i].Country = code
		}
	}
	return f
}

// moduleRoot is the directory of go.mod.
func moduleRoot(t *testing.T) string { return testenv.ModuleRoot(t) }

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func discardLogger() *slog.Logger { return slog.New(slog.NewJSONHandler(io.Discard, nil)) }

// discardRecorder is a minimal http.ResponseWriter for benchmarks.
type discardRecorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func newDiscardRecorder() *discardRecorder {
	return &discardRecorder{header: http.Header{}, code: http.StatusOK}
}

func (r *discardRecorder) Header() http.Header         { return r.header }
func (r *discardRecorder) Write(p []byte) (int, error) { return r.body.Write(p) }
func (r *discardRecorder) WriteHeader(code int)        { r.code = code }

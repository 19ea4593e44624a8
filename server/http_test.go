package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

func testTransport(t *testing.T, newStore newStoreFunc) {
	h := goldHarness(t, newStore)
	const q = `{ entity(id: "c:BR") { name } }`
	t.Run("PostAcceptsGraphQLResponseJSON", func(t *testing.T) {
		rec := h.request(http.MethodPost, "/graphql", strings.NewReader(`{"query": `+quote(q)+`}`), map[string]string{
			"Content-Type": "application/json", "Accept": "application/graphql-response+json"})
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/graphql-response+json") {
			t.Errorf("Content-Type %q, want application/graphql-response+json", ct)
		}
		if resp := decodeResponse(t, rec); string(resp.Data) != `{"entity":{"name":"Brazil"}}` {
			t.Errorf("data %s", resp.Data)
		}
	})
	t.Run("GetAnswersQueries", func(t *testing.T) {
		rec := h.request(http.MethodGet, "/graphql?query="+url.QueryEscape(q), nil, nil)
		if resp := decodeResponse(t, rec); rec.Code != http.StatusOK || string(resp.Data) != `{"entity":{"name":"Brazil"}}` {
			t.Errorf("HTTP %d, data %s, errors %+v", rec.Code, resp.Data, resp.Errors)
		}
	})
	t.Run("ErrUnsupportedContentType", func(t *testing.T) {
		rec := h.request(http.MethodPost, "/graphql", strings.NewReader(q), map[string]string{"Content-Type": "text/plain"})
		if rec.Code < 400 || rec.Code >= 500 {
			t.Errorf("HTTP %d, want a 4xx", rec.Code)
		}
	})
	t.Run("RequestIDEchoedAndLogged", func(t *testing.T) {
		rec := h.request(http.MethodGet, "/graphql?query="+url.QueryEscape(q), nil, map[string]string{"X-Request-Id": "abc-123"})
		if got := rec.Header().Get("X-Request-Id"); got != "abc-123" {
			t.Errorf("X-Request-Id %q, want the client's", got)
		}
		if !strings.Contains(h.logs.String(), `"request_id":"abc-123"`) {
			t.Errorf("no log line carries the request id:\n%s", h.logs.String())
		}
		rec = h.request(http.MethodGet, "/healthz", nil, map[string]string{"X-Request-Id": "bad id with spaces"})
		if got := rec.Header().Get("X-Request-Id"); got == "" || strings.Contains(got, " ") {
			t.Errorf("an invalid client id was kept or none generated: %q", got)
		}
	})
}

func testProbes(t *testing.T, newStore newStoreFunc) {
	h := goldHarness(t, newStore)
	t.Run("Healthz", func(t *testing.T) {
		if rec := h.request(http.MethodGet, "/healthz", nil, nil); rec.Code != http.StatusOK {
			t.Errorf("HTTP %d", rec.Code)
		}
	})
	t.Run("ReadyzWhileStoreAnswers", func(t *testing.T) {
		if rec := h.request(http.MethodGet, "/readyz", nil, nil); rec.Code != http.StatusOK {
			t.Errorf("HTTP %d: %s", rec.Code, rec.Body.String())
		}
	})
	t.Run("ErrReadyzWhenStoreDown", func(t *testing.T) {
		down := newHarness(t, downStore{h.store}, Options{})
		rec := down.request(http.MethodGet, "/readyz", nil, nil)
		if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), graph.EUNAVAILABLE) {
			t.Errorf("HTTP %d %s, want 503 with EUNAVAILABLE", rec.Code, rec.Body.String())
		}
		if strings.Contains(rec.Body.String(), "dial tcp") {
			t.Errorf("readyz leaks the cause: %s", rec.Body.String())
		}
	})
	t.Run("Playground", func(t *testing.T) {
		rec := h.request(http.MethodGet, "/playground", nil, nil)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "/graphql") {
			t.Errorf("HTTP %d", rec.Code)
		}
	})
	t.Run("Metrics", func(t *testing.T) {
		h.mustQuery(`query CountEverything { totals { nodes } }`, nil, false)
		body := h.request(http.MethodGet, "/metrics", nil, nil).Body.String()
		for _, want := range []string{
			`sdkg_graphql_operations_total{operation="CountEverything",result="ok",type="query"} 1`,
			`sdkg_graphql_operation_duration_seconds_count{operation="CountEverything",type="query"} 1`,
			`sdkg_store_call_duration_seconds_count{code="",method="Totals"} 1`,
			`sdkg_http_requests_total{code="200",method="POST",route="/graphql"}`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("/metrics lacks %s", want)
			}
		}
	})
}

// downStore is a real store whose backend has become unreachable.
type downStore struct{ graph.Store }

func (downStore) Ping(context.Context) error {
	return graph.Wrap(graph.EUNAVAILABLE, &net_err{}, "store unreachable")
}

type net_err struct{}

func (*net_err) Error() string { return "dial tcp 10.0.0.1:7687: connect: connection refused" }

func testMutations(t *testing.T, newStore newStoreFunc) {
	h := goldHarness(t, newStore)
	t.Run("AddAlias", func(t *testing.T) {
		data := h.mustQuery(`mutation { addAlias(id: "i:aas", alias: "Academy of Science (Australia)") { aliases } }`, nil, true)
		if !strings.Contains(string(data), "Academy of Science (Australia)") {
			t.Errorf("alias missing: %s", data)
		}
	})
	t.Run("MergeEntities", func(t *testing.T) {
		data := h.mustQuery(`mutation { mergeEntities(keep: "i:cas", drop: "i:ucas") { id aliases } }`, nil, true)
		if !strings.Contains(string(data), "University of Chinese Academy of Sciences") {
			t.Errorf("dropped name not an alias of the kept entity: %s", data)
		}
		if d := h.mustQuery(`{ entity(id: "i:ucas") { id } }`, nil, false); string(d) != `{"entity":{"id":"i:cas"}}` {
			t.Errorf("merged-away id resolves to %s, want the kept entity", d)
		}
	})
	t.Run("ErrMergeKinds", func(t *testing.T) {
		_, resp := h.post(`mutation { mergeEntities(keep: "i:cas", drop: "c:CN") { id } }`, nil, true)
		wantRefused(t, resp, graph.EINVALID)
	})
	t.Run("IngestFactsTwiceIsUnchanged", func(t *testing.T) {
		if s := h.mustIngestFacts(goldFacts(t)); !s.Unchanged {
			t.Errorf("re-ingesting the same facts: %+v, want unchanged", s)
		}
	})
	t.Run("ErrIngestInvalidFacts", func(t *testing.T) {
		f := goldFacts(t)
		f.Edges[0].To = "x:dangling"
		_, resp := h.post(`mutation($facts: FactsInput!) { ingestFacts(facts: $facts) { document } }`,
			map[string]any{"facts": factsInput(f)}, true)
		wantRefused(t, resp, graph.EINVALID)
		if !strings.Contains(resp.Errors[0].Message, "x:dangling") {
			t.Errorf("message %q does not name the bad edge", resp.Errors[0].Message)
		}
	})
	t.Run("ErrIngestDocumentWithoutLoader", func(t *testing.T) {
		_, resp := h.post(`mutation { ingestDocument(text: "Some text.") { document } }`, nil, true)
		wantRefused(t, resp, graph.EUNAVAILABLE)
	})
	t.Run("DeleteDocument", func(t *testing.T) {
		var out struct{ DeleteDocument graph.ApplySummary }
		mustUnmarshal(t, h.mustQuery(`mutation { deleteDocument(id: "mp-idsa-china-st-review-2025-05") { nodesRemoved edgesRemoved } }`, nil, true), &out)
		if out.DeleteDocument.EdgesRemoved == 0 {
			t.Errorf("deleting the only document removed no edge: %+v", out.DeleteDocument)
		}
		_, resp := h.post(`mutation { deleteDocument(id: "mp-idsa-china-st-review-2025-05") { document } }`, nil, true)
		wantRefused(t, resp, graph.ENOTFOUND)
	})
}

package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sdkg/sdkg/graph"
)

const aliasMutation = `mutation { addAlias(id: "c:BR", alias: "Brasil") { id aliases } }`

// testSafety sends, for each rule of the API's safety, a request that must
// be refused, and checks that the refusal is coded and that nothing ran.
func testSafety(t *testing.T, newStore newStoreFunc) {
	h := goldHarness(t, newStore)
	t.Run("ErrMutationWithoutToken", func(t *testing.T) {
		_, resp := h.post(aliasMutation, nil, false)
		wantRefused(t, resp, CodeUnauthorized)
		h.wantNoAlias(t)
	})
	t.Run("ErrMutationWithWrongToken", func(t *testing.T) {
		rec := h.request(http.MethodPost, "/graphql", strings.NewReader(`{"query": `+quote(aliasMutation)+`}`),
			map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testToken + "x"})
		wantRefused(t, decodeResponse(t, rec), CodeUnauthorized)
		h.wantNoAlias(t)
	})
	t.Run("ErrMutationWhenNoTokensConfigured", func(t *testing.T) {
		open := newHarness(t, h.store, Options{Tokens: []string{"", "  "}})
		_, resp := open.post(aliasMutation, nil, true)
		wantRefused(t, resp, CodeUnauthorized)
		if !strings.Contains(resp.Errors[0].Message, "SDKG_TOKENS") {
			t.Errorf("message %q does not say how to configure tokens", resp.Errors[0].Message)
		}
		h.wantNoAlias(t)
	})
	t.Run("ErrMutationOverGET", func(t *testing.T) {
		for _, header := range []map[string]string{{"Authorization": "Bearer " + testToken}, nil} {
			rec := h.request(http.MethodGet, "/graphql?query="+url.QueryEscape(aliasMutation), nil, header)
			if rec.Code < 400 || rec.Code >= 500 {
				t.Errorf("mutation over GET (token: %v) answered HTTP %d, want a 4xx", header != nil, rec.Code)
			}
			h.wantNoAlias(t)
		}
	})
	t.Run("ErrTooDeep", func(t *testing.T) {
		q := `{ entity(id: "p:yin") { ` + strings.Repeat(`relations(first: 1) { nodes { target { `, 5) +
			`id` + strings.Repeat(` } } }`, 5) + ` } }`
		_, resp := h.post(q, nil, false)
		wantRefused(t, resp, CodeTooDeep)
	})
	t.Run("ErrTooComplex", func(t *testing.T) {
		q := `{ entities(first: 1000) { nodes { relations(first: 1000) { nodes { target {
			collaborators(first: 1000) { entity { id } } } } } } } }`
		_, resp := h.post(q, nil, false)
		wantRefused(t, resp, "COMPLEXITY_LIMIT_EXCEEDED")
	})
	t.Run("ErrBodyTooLarge", func(t *testing.T) {
		small := newHarness(t, h.store, Options{MaxBodyBytes: 512})
		body := `{"query": "{ totals { nodes } }", "variables": {"pad": "` + strings.Repeat("x", 1024) + `"}}`
		rec := small.request(http.MethodPost, "/graphql", strings.NewReader(body), map[string]string{"Content-Type": "application/json"})
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("HTTP %d, want 413", rec.Code)
		}
		if resp := decodeResponse(t, rec); resp.code() != graph.EINVALID {
			t.Errorf("code %q, want EINVALID", resp.code())
		}
	})
	t.Run("ErrTimeoutReachesStore", func(t *testing.T) {
		slow := newHarness(t, blockingStore{h.store}, Options{RequestTimeout: 50 * time.Millisecond})
		start := time.Now()
		_, resp := slow.post(`{ entities { nodes { id } } }`, nil, false)
		wantRefused(t, resp, graph.EUNAVAILABLE)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("the request took %v: the deadline did not reach the store", d)
		}
	})
	t.Run("ErrIntrospectionDisabled", func(t *testing.T) {
		_, resp := h.post(`{ __schema { queryType { name } } }`, nil, false)
		if len(resp.Errors) == 0 {
			t.Fatal("introspection answered while disabled")
		}
		open := newHarness(t, h.store, Options{Introspection: true})
		open.mustQuery(`{ __schema { queryType { name } } }`, nil, false)
		// The TypeRef chain of the playground's introspection query is the
		// deepest query a client sends; it must fit the default limits.
		open.mustQuery(`{ __schema { types { name fields(includeDeprecated: true) { name args { name type { ...T } }
			type { ...T } } } } } fragment T on __Type { kind name ofType { kind name ofType { kind name ofType {
			kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`, nil, false)
	})
	t.Run("ErrCORSOriginNotAllowed", func(t *testing.T) {
		c := newHarness(t, h.store, Options{CORSOrigins: []string{"https://viz.example.org"}})
		pre := map[string]string{"Origin": "https://evil.example.com", "Access-Control-Request-Method": "POST"}
		if rec := c.request(http.MethodOptions, "/graphql", nil, pre); rec.Code != http.StatusForbidden || rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("preflight from a foreign origin: HTTP %d, allow-origin %q; want 403 and none", rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
		}
		pre["Origin"] = "https://viz.example.org"
		if rec := c.request(http.MethodOptions, "/graphql", nil, pre); rec.Code != http.StatusNoContent || rec.Header().Get("Access-Control-Allow-Origin") != pre["Origin"] {
			t.Errorf("preflight from an allowed origin: HTTP %d, allow-origin %q", rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
		}
	})
	t.Run("PersistedQueries", func(t *testing.T) {
		const q = `{ totals { nodes } }`
		sum := sha256.Sum256([]byte(q))
		ext := `"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + hex.EncodeToString(sum[:]) + `"}}`
		post := func(body string) gqlResponse {
			return decodeResponse(t, h.request(http.MethodPost, "/graphql", strings.NewReader(body), map[string]string{"Content-Type": "application/json"}))
		}
		if resp := post(`{` + ext + `}`); resp.code() != "PERSISTED_QUERY_NOT_FOUND" {
			t.Errorf("unknown hash: code %q, want PERSISTED_QUERY_NOT_FOUND", resp.code())
		}
		if resp := post(`{"query": ` + quote(q) + `, ` + ext + `}`); len(resp.Errors) > 0 {
			t.Fatalf("registering the query: %+v", resp.Errors)
		}
		if resp := post(`{` + ext + `}`); len(resp.Errors) > 0 || !strings.Contains(string(resp.Data), `"nodes"`) {
			t.Errorf("hash only after registration: %s %+v", resp.Data, resp.Errors)
		}
	})
}

// wantRefused checks that resp is an error with code and no data.
func wantRefused(t *testing.T, resp gqlResponse, code string) {
	t.Helper()
	if resp.code() != code {
		t.Fatalf("code %q, want %q: %+v", resp.code(), code, resp.Errors)
	}
	var data map[string]any
	_ = json.Unmarshal(resp.Data, &data)
	for k, v := range data {
		if v != nil {
			t.Errorf("refused request returned data for %s: %s", k, resp.Data)
		}
	}
}

// wantNoAlias checks that the refused addAlias did not run.
func (h *harness) wantNoAlias(t *testing.T) {
	t.Helper()
	nodes, err := h.store.NodesByID(context.Background(), []string{"c:BR"})
	if err != nil || nodes[0] == nil {
		t.Fatalf("NodesByID: %v %v", nodes, err)
	}
	for _, a := range nodes[0].Aliases {
		if a == "Brasil" {
			t.Fatal("a refused mutation changed the store")
		}
	}
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

// blockingStore is a real store whose FindNodes waits for its context to
// end, as a store stuck on a slow backend would.
type blockingStore struct{ graph.Store }

func (b blockingStore) FindNodes(ctx context.Context, q graph.NodeQuery) (graph.NodePage, error) {
	<-ctx.Done()
	return graph.NodePage{}, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "store: %v", ctx.Err())
}

package server

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// leakyMessage is what a backend's driver might say; it must never reach a
// client.
const leakyMessage = "Neo.ClientError.Statement.SyntaxError: MATCH (n:Entity) WHERE n.id = $id RETURN n"

func testErrors(t *testing.T, newStore newStoreFunc) {
	h := goldHarness(t, newStore)
	t.Run("MissingEntityIsNull", func(t *testing.T) {
		data := h.mustQuery(`{ entity(id: "x:none") { id } node(id: "x:none") { id } }`, nil, false)
		if string(data) != `{"entity":null,"node":null}` {
			t.Errorf("got %s, want nulls", data)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, resp := h.post(`{ paths(from: "x:none", to: "i:aas") { length } }`, nil, false)
		wantRefused(t, resp, graph.ENOTFOUND)
	})
	for name, q := range map[string]string{
		"ErrDepthOutOfRange": `{ network(seeds: ["p:yin"], depth: 9) { nodes { id } } }`,
		"ErrEntityNoSeeds":   `{ network { nodes { id } } }`,
		"ErrBadWindow":       `{ stats(groupBy: YEAR, filter: {from: "2025-13"}) { key } }`,
		"ErrPageTooLarge":    `{ entities(first: 5000) { nodes { id } } }`,
		"ErrEmptySearch":     `{ search(text: "") { nodes { id } } }`,
		"ErrLimitOutOfRange": `{ network(level: COUNTRY, limit: 0) { nodes { id } } }`,
		"ErrWindowReversed":  `{ entity(id: "c:CN") { timeline(from: "2025", to: "2019") { totalCount } } }`,
	} {
		t.Run(name, func(t *testing.T) {
			_, resp := h.post(q, nil, false)
			wantRefused(t, resp, graph.EINVALID)
			if msg := resp.Errors[0].Message; msg == "" || msg == "internal error" {
				t.Errorf("message %q does not say what was wrong", resp.Errors[0].Message)
			}
		})
	}
	t.Run("ErrUnknownEnumIsValidation", func(t *testing.T) {
		_, resp := h.post(`{ search(text: "a", kinds: [PLANET]) { nodes { id } } }`, nil, false)
		wantRefused(t, resp, "GRAPHQL_VALIDATION_FAILED")
	})
	t.Run("InternalErrorIsHidden", func(t *testing.T) {
		faulty := newHarness(t, faultyStore{Store: h.store}, Options{})
		rec, resp := faulty.post(`{ entities { nodes { id } } }`, nil, false)
		wantRefused(t, resp, graph.EINTERNAL)
		if resp.Errors[0].Message != "internal error" {
			t.Errorf("message %q, want %q", resp.Errors[0].Message, "internal error")
		}
		if strings.Contains(rec.Body.String(), "MATCH") || strings.Contains(rec.Body.String(), "Neo.") {
			t.Errorf("the response leaks the backend's message: %s", rec.Body.String())
		}
		id := rec.Header().Get("X-Request-Id")
		if logs := faulty.logs.String(); !strings.Contains(logs, "MATCH (n:Entity)") || !strings.Contains(logs, id) {
			t.Errorf("the cause is not logged with request id %q:\n%s", id, logs)
		}
	})
	t.Run("PanicIsHidden", func(t *testing.T) {
		faulty := newHarness(t, faultyStore{Store: h.store, panics: true}, Options{})
		rec, resp := faulty.post(`{ entities { nodes { id } } }`, nil, false)
		wantRefused(t, resp, graph.EINTERNAL)
		if strings.Contains(rec.Body.String(), "goroutine") || strings.Contains(rec.Body.String(), ".go:") {
			t.Errorf("the response leaks a stack: %s", rec.Body.String())
		}
		if rec.Code != http.StatusOK {
			t.Logf("HTTP %d", rec.Code)
		}
		if !strings.Contains(faulty.logs.String(), "stack") {
			t.Error("the panic's stack is not logged")
		}
	})
}

// faultyStore is a real store whose FindNodes fails as a broken backend
// would: with an uncoded error carrying a query, or with a panic.
type faultyStore struct {
	graph.Store
	panics bool
}

func (f faultyStore) FindNodes(ctx context.Context, q graph.NodeQuery) (graph.NodePage, error) {
	if f.panics {
		panic("index out of range in " + leakyMessage)
	}
	return graph.NodePage{}, errors.New(leakyMessage)
}

package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/embedded"
)

// gatedStore is a real store whose Totals waits until the gate opens, so
// that a request can be held in flight.
type gatedStore struct {
	graph.Store
	entered chan struct{}
	gate    chan struct{}
}

func (g gatedStore) Totals(ctx context.Context) (graph.Totals, error) {
	close(g.entered)
	<-g.gate
	return g.Store.Totals(ctx)
}

func TestServeDrainsInFlightRequests(t *testing.T) {
	store := gatedStore{Store: embedded.OpenMemory(), entered: make(chan struct{}), gate: make(chan struct{})}
	t.Cleanup(func() { store.Close() })
	h := newHarness(t, store, Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- ServeListener(ctx, ln, h.h) }()

	url := "http://" + ln.Addr().String() + "/graphql"
	answered := make(chan string, 1)
	go func() {
		resp, err := http.Post(url, "application/json", strings.NewReader(`{"query": "{ totals { nodes } }"}`))
		if err != nil {
			answered <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		answered <- string(b)
	}()
	<-store.entered // the request is in flight
	cancel()        // SIGTERM
	time.Sleep(50 * time.Millisecond)
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("the server still accepts connections after shutdown began")
	}
	close(store.gate)
	if got := <-answered; got != `{"data":{"totals":{"nodes":0}}}` {
		t.Errorf("in-flight request answered %q, want its full response", got)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v after a clean shutdown", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after the in-flight request finished")
	}
}

package main

import (
	"runtime/debug"
	"testing"
)

// TestGCTarget: serve raises the collector's target unless GOGC is set.
func TestGCTarget(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	debug.SetGCPercent(100)
	if _, set := gcTarget(func(k string) string { return map[string]string{"GOGC": "150"}[k] }); set {
		t.Fatal("gcTarget changed the target although GOGC is set")
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("target %d after gcTarget with GOGC set, want 100 untouched", got)
	}
	pct, set := gcTarget(func(string) string { return "" })
	if got := debug.SetGCPercent(100); !set || pct != serveGOGC || got != serveGOGC {
		t.Fatalf("gcTarget without GOGC: %d, %v; target now %d, want %d", pct, set, got, serveGOGC)
	}
}

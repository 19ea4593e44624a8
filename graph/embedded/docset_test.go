package embedded

import (
	"math/rand/v2"
	"testing"
)

// TestDocSetMatchesAMap runs random additions and removals, growing sets
// past docSetMap and shrinking them back, against a map.
func TestDocSetMatchesAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	docs := make([]*docRec, 60)
	for i := range docs {
		docs[i] = &docRec{}
	}
	var s docSet
	want := map[*docRec]bool{}
	small, large := false, false
	for step := 0; step < 20000; step++ {
		d := docs[rng.IntN(len(docs))]
		op, adds := rng.IntN(5), 2
		if step/2000%2 == 1 { // shrinking phases: removals win
			adds = 0
		}
		switch {
		case op < adds:
			s.add(d)
			want[d] = true
		case op == 2 && !want[d]:
			s.addNew(d)
			want[d] = true
		default:
			s.remove(d)
			delete(want, d)
		}
		small = small || step > 2000 && s.len() < docSetMap/2
		large = large || s.len() > 2*docSetMap
		if s.len() != len(want) {
			t.Fatalf("step %d: len %d, want %d", step, s.len(), len(want))
		}
		for _, x := range docs {
			if s.has(x) != want[x] {
				t.Fatalf("step %d: has = %v, want %v", step, s.has(x), want[x])
			}
		}
		n := 0
		for x := range s.all() {
			if !want[x] {
				t.Fatalf("step %d: all yields a document not in the set", step)
			}
			n++
		}
		if n != len(want) {
			t.Fatalf("step %d: all yields %d documents, want %d", step, n, len(want))
		}
	}
	if !small || !large {
		t.Fatalf("sets never grew past %d and shrank back (large %v, small %v)", 2*docSetMap, large, small)
	}
}

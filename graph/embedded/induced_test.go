package embedded

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
)

// TestSortKeyedOrdersLikeIDs checks the integer-key sort against a plain
// sort of the IDs, on IDs that share long prefixes (keys tie) and short
// ones, in random, sorted and reversed input orders.
func TestSortKeyedOrdersLikeIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 17, 100, 5000} {
		var found []*edgeRec
		for i := 0; i < n; i++ {
			typ := graph.EdgeTypes[rng.IntN(len(graph.EdgeTypes))]
			e := graph.Edge{Type: typ, From: fmt.Sprintf("p:%d", rng.IntN(50)), To: fmt.Sprintf("institution:%d", rng.IntN(30)), Date: fmt.Sprintf("20%02d-%02d", rng.IntN(3), 1+rng.IntN(3))}
			e.ID = e.Key()
			r := &edgeRec{e: e, t: typeIndex[typ]}
			r.pre = sortKey(r)
			found = append(found, r)
		}
		want := make([]string, n)
		for i, r := range found {
			want[i] = r.e.ID
		}
		slices.Sort(want)
		for _, order := range []string{"random", "sorted", "reversed"} {
			ks := make([]keyedEdge, n)
			for i, r := range found {
				ks[i] = keyedEdge{r.pre, int32(i)}
			}
			switch order {
			case "sorted":
				slices.SortFunc(ks, func(a, b keyedEdge) int { return strings.Compare(found[a.i].e.ID, found[b.i].e.ID) })
			case "reversed":
				slices.SortFunc(ks, func(a, b keyedEdge) int { return strings.Compare(found[b.i].e.ID, found[a.i].e.ID) })
			}
			sortKeyed(ks, found)
			for i, k := range ks {
				if got := found[k.i].e.ID; got != want[i] {
					t.Fatalf("n=%d %s: position %d holds %q, want %q", n, order, i, got, want[i])
				}
			}
		}
	}
}

func TestIDPrefixOrdersLikeIDs(t *testing.T) {
	ids := []string{"", "a", "a\x00", "ab", "abcdefgh", "abcdefghi", "abcdefgz", "b", "p:1", "p:10", "p:1|", "p:1}", "abcdefg", "abcdefg|"}
	for _, a := range ids {
		for _, b := range ids {
			pa, pb := idPrefix(a, 0), idPrefix(b, 0)
			if pa < pb && a >= b || pa > pb && a <= b {
				t.Errorf("idPrefix(%q)=%x, idPrefix(%q)=%x disagree with the ids' order", a, pa, b, pb)
			}
			ba, bb := a+"|", b+"|"
			qa, qb := idPrefix(a, '|'), idPrefix(b, '|')
			if qa < qb && ba >= bb || qa > qb && ba <= bb {
				t.Errorf("idPrefix(%q, '|')=%x, idPrefix(%q, '|')=%x disagree with the order of %q and %q", a, qa, b, qb, ba, bb)
			}
			if got, want := cmpBar(a, b), strings.Compare(ba, bb); got != want {
				t.Errorf("cmpBar(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

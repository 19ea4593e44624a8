package graphtest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/gen"
	"github.com/sdkg/sdkg/internal/testenv"
)

// GoldPath is the seed's gold facts, relative to the module root.
const GoldPath = "../shared/gold/000_17e0c0e76aac70b7.gold.json"

// ModuleRoot is the directory of go.mod (see testenv.ModuleRoot).
func ModuleRoot(tb testing.TB) string { return testenv.ModuleRoot(tb) }

// GoldFacts loads the seed's gold facts and adapts them to a stored
// document: every edge gets a confidence, a rule and evidence (gold files
// have none), and nodes get Country from the fixture itself: a Country
// node its code (the part of its id after "c:"), institutions and places
// the code of the country they are BASED_IN, persons that of the country
// they are AFFILIATED_WITH, directly or through an institution. Missing
// gold skips the test, except under CI=true where it fails.
func GoldFacts(tb testing.TB) graph.Facts {
	tb.Helper()
	path := filepath.Join(ModuleRoot(tb), GoldPath)
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("gold fixture: %v", err)
		}
		tb.Skipf("gold fixture missing: %v", err)
	}
	var f graph.Facts
	if err := json.Unmarshal(data, &f); err != nil {
		tb.Fatalf("gold fixture %s: %v", path, err)
	}
	adaptGold(&f)
	if err := f.Validate(); err != nil {
		tb.Fatalf("gold fixture %s: %v", path, err)
	}
	return f
}

func adaptGold(f *graph.Facts) {
	for i := range f.Edges {
		e := &f.Edges[i]
		e.Confidence = 0.5 + float64(i%5)/10
		e.Rule = "gold"
		e.Evidence = &graph.Evidence{Entry: "gold", Sentence: fmt.Sprintf("gold statement %d", i), Start: i * 100, End: i*100 + 80}
	}
	byID := map[string]*graph.Node{}
	for i := range f.Nodes {
		n := &f.Nodes[i]
		byID[n.ID] = n
		if code, ok := strings.CutPrefix(n.ID, "c:"); ok && n.Kind == graph.Country {
			n.Country = code
		}
	}
	for _, t := range []graph.EdgeType{graph.BasedIn, graph.AffiliatedWith, graph.AffiliatedWith} {
		for _, e := range f.Edges {
			from, to := byID[e.From], byID[e.To]
			if e.Type == t && from.Country == "" && to.Country != "" && to.Kind != graph.Place {
				from.Country = to.Country
			}
		}
	}
}

// Generated returns a generated multi-year graph of edges edges in
// documents of perDoc edges.
func Generated(edges, perDoc int) []graph.Facts {
	return gen.Generate(gen.Config{Seed: 42, Edges: edges, EdgesPerDoc: perDoc})
}

// Fixture is the raw data of applied facts: the reference the store's
// answers are compared with.
type Fixture struct {
	Facts []graph.Facts
	Nodes map[string]*graph.Node
	Edges []graph.Edge // normalised, one per key, highest confidence
}

// NewFixture unions facts as a store would without merges: nodes by id
// (first seen wins), edges by key.
func NewFixture(facts ...graph.Facts) *Fixture {
	fx := &Fixture{Facts: facts, Nodes: map[string]*graph.Node{}}
	at := map[string]int{}
	for _, f := range facts {
		for _, n := range f.Nodes {
			if fx.Nodes[n.ID] == nil {
				c := n
				fx.Nodes[n.ID] = &c
			}
		}
		for _, e := range f.Edges {
			e.Normalize()
			e.Evidence = nil
			if i, ok := at[e.ID]; ok {
				fx.Edges[i].Confidence = max(fx.Edges[i].Confidence, e.Confidence)
				continue
			}
			at[e.ID] = len(fx.Edges)
			fx.Edges = append(fx.Edges, e)
		}
	}
	for i := range fx.Edges {
		fx.Nodes[fx.Edges[i].From].Degree++
		fx.Nodes[fx.Edges[i].To].Degree++
	}
	return fx
}

// NodesOf returns the fixture's nodes of kind k ordered by ID.
func (fx *Fixture) NodesOf(k graph.Kind) []*graph.Node {
	var out []*graph.Node
	for _, n := range fx.Nodes {
		if n.Kind == k {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// EdgesOf returns the fixture's edges of type t.
func (fx *Fixture) EdgesOf(t graph.EdgeType) []graph.Edge {
	var out []graph.Edge
	for _, e := range fx.Edges {
		if e.Type == t {
			out = append(out, e)
		}
	}
	return out
}

// Apply applies every document of the fixture to s.
func (fx *Fixture) Apply(tb testing.TB, s graph.Store) {
	tb.Helper()
	for i := range fx.Facts {
		MustApply(tb, s, &fx.Facts[i])
	}
}

// IDs lists the ids of nodes.
func IDs(nodes []graph.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.ID)
	}
	return out
}

// EdgeIDs lists the ids of edges.
func EdgeIDs(edges []graph.Edge) []string {
	var out []string
	for _, e := range edges {
		out = append(out, e.ID)
	}
	return out
}

// PathKeys renders paths as "a>b>c via e1,e2".
func PathKeys(paths []graph.Path) []string {
	var out []string
	for _, p := range paths {
		out = append(out, strings.Join(IDs(p.Nodes), ">")+" via "+strings.Join(EdgeIDs(p.Edges), ","))
	}
	return out
}

// CollabKeys renders collaborators with their counts, dates and vias.
func CollabKeys(cs []graph.Collaborator) []string {
	var out []string
	for _, c := range cs {
		var vias []string
		for _, v := range c.Via {
			if v.Node != nil {
				vias = append(vias, v.Node.ID+"@"+v.Date)
			} else {
				vias = append(vias, "edge:"+v.Edge.ID+"@"+v.Date)
			}
		}
		out = append(out, fmt.Sprintf("%s n=%d %s..%s [%s]", c.Node.ID, c.Count, c.First, c.Last, strings.Join(vias, " ")))
	}
	return out
}

// SubgraphKeys renders a subgraph's node ids, edges (with weights and
// years) and truncation.
func SubgraphKeys(sg graph.Subgraph) []string {
	out := []string{fmt.Sprintf("truncated=%v", sg.Truncated)}
	for _, n := range sg.Nodes {
		out = append(out, "node "+n.ID)
	}
	for _, e := range sg.Edges {
		out = append(out, fmt.Sprintf("edge %s w=%d y=%v", e.ID, e.Weight, e.Years))
	}
	return out
}

// Package gen generates realistic science-diplomacy graphs for tests and
// benchmarks: every node kind and edge type (endpoints allowed by the
// ontology), power-law degrees by preferential attachment, dates 2010-2025,
// persons affiliated, institutions and places based in countries, split
// into documents. Output is deterministic for a seed.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/sdkg/sdkg/graph"
)

// Config sizes a generated graph.
type Config struct {
	Seed uint64
	// Edges is the number of distinct edges to generate (at least 100).
	Edges int
	// EdgesPerDoc splits the edges into documents; 0 means 100.
	EdgesPerDoc int
}

// Generate returns the documents of a graph of cfg.Edges edges, in order:
// applying them all stores the whole graph. Each document states its edges
// and their endpoints; nodes no edge touches go to the last document.
func Generate(cfg Config) []graph.Facts {
	if cfg.EdgesPerDoc <= 0 {
		cfg.EdgesPerDoc = 100
	}
	cfg.Edges = max(cfg.Edges, 100)
	g := &generator{rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5d6b)), keys: map[string]bool{},
		byKind: map[graph.Kind][]int{}, pool: map[graph.Kind][]int{}}
	g.makeNodes(cfg.Edges)
	g.structure()
	g.relations(cfg.Edges)
	return g.documents(cfg)
}

type generator struct {
	rng    *rand.Rand
	nodes  []graph.Node
	dates  []string // per node: the date of a shared node, "" otherwise
	byKind map[graph.Kind][]int
	pool   map[graph.Kind][]int // endpoint occurrences, for preferential attachment
	edges  []graph.Edge
	keys   map[string]bool
}

var countries = []struct{ code, name string }{
	{"CN", "China"}, {"US", "United States"}, {"BR", "Brazil"}, {"IN", "India"}, {"DE", "Germany"},
	{"FR", "France"}, {"GB", "United Kingdom"}, {"JP", "Japan"}, {"RU", "Russia"}, {"ZA", "South Africa"},
	{"AU", "Australia"}, {"DK", "Denmark"}, {"AR", "Argentina"}, {"EG", "Egypt"}, {"KE", "Kenya"},
	{"ID", "Indonesia"}, {"MX", "Mexico"}, {"CL", "Chile"}, {"SA", "Saudi Arabia"}, {"AE", "United Arab Emirates"},
	{"KR", "South Korea"}, {"IT", "Italy"}, {"ES", "Spain"}, {"NO", "Norway"}, {"SE", "Sweden"},
	{"PK", "Pakistan"}, {"NG", "Nigeria"}, {"TR", "Turkey"}, {"TH", "Thailand"}, {"VN", "Vietnam"},
}

var (
	firstNames = []string{"Ana", "Li", "Kofi", "Maria", "Ravi", "Elena", "Jonas", "Aiko", "Omar", "Sofia", "Chen", "Lucas", "Amara", "Ivan", "Priya", "Mateo"}
	lastNames  = []string{"Silva", "Wang", "Mensah", "Garcia", "Iyer", "Petrova", "Berg", "Tanaka", "Haddad", "Rossi", "Zhou", "Costa", "Okafor", "Novak", "Rao", "Lopez"}
	fields     = []string{"Space Science", "Marine Research", "Climate Studies", "Advanced Technology", "Astronomy", "Agriculture", "Energy", "Physics", "Genomics", "Materials"}
	bodies     = []string{"Academy", "Institute", "University", "Agency", "Council", "Foundation", "Centre", "Laboratory"}
	events     = []string{"Forum", "Summit", "Dialogue", "Conference", "Workshop", "Innovation Day", "Joint Committee Meeting"}
	agreements = []string{"Memorandum of Understanding", "Joint Declaration", "Action Plan", "Cooperation Agreement", "Protocol"}
	places     = []string{"Port", "Valley", "Harbour", "Heights", "Springs", "Bay", "Ridge", "Field"}
)

// kindShare is each kind's share of the non-country nodes.
var kindShare = []struct {
	kind  graph.Kind
	share float64
	pre   string
}{
	{graph.Person, 0.38, "p"}, {graph.Institution, 0.20, "i"}, {graph.Event, 0.12, "e"},
	{graph.Agreement, 0.10, "a"}, {graph.Place, 0.10, "pl"}, {graph.Project, 0.07, "pj"}, {graph.Mission, 0.03, "m"},
}

func (g *generator) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *generator) addNode(n graph.Node, date string) {
	g.byKind[n.Kind] = append(g.byKind[n.Kind], len(g.nodes))
	g.nodes = append(g.nodes, n)
	g.dates = append(g.dates, date)
}

// date returns a random date in 2010-2025 at day, month or year precision.
func (g *generator) date() string {
	y, m, d := 2010+g.rng.IntN(16), 1+g.rng.IntN(12), 1+g.rng.IntN(28)
	switch r := g.rng.Float64(); {
	case r < 0.7:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case r < 0.9:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return strconv.Itoa(y)
}

func (g *generator) makeNodes(edges int) {
	for _, c := range countries {
		g.addNode(graph.Node{ID: "c:" + c.code, Kind: graph.Country, Name: c.name, Aliases: []string{}, Country: c.code}, "")
	}
	total := max(edges/3, 60)
	for _, ks := range kindShare {
		n := max(int(float64(total)*ks.share), 3)
		for i := 0; i < n; i++ {
			g.addNode(g.named(ks.kind, ks.pre+":"+strconv.Itoa(i), i), g.sharedDate(ks.kind))
		}
	}
}

func (g *generator) sharedDate(k graph.Kind) string {
	switch k {
	case graph.Event, graph.Agreement, graph.Mission, graph.Project:
		return g.date()
	}
	return ""
}

func (g *generator) named(k graph.Kind, id string, i int) graph.Node {
	n := graph.Node{ID: id, Kind: k, Aliases: []string{}}
	c := countries[g.rng.IntN(len(countries))].name
	switch k {
	case graph.Person:
		n.Name = g.pick(firstNames) + " " + g.pick(lastNames)
	case graph.Institution:
		n.Name = fmt.Sprintf("%s %s of %s %d", c, g.pick(bodies), g.pick(fields), i)
	case graph.Event:
		n.Name = fmt.Sprintf("%s %s %d", g.pick(fields), g.pick(events), i)
	case graph.Agreement:
		n.Name = fmt.Sprintf("%s on %s %d", g.pick(agreements), g.pick(fields), i)
	case graph.Place:
		n.Name = fmt.Sprintf("%s %s", g.pick(lastNames), g.pick(places))
	case graph.Project:
		n.Name = fmt.Sprintf("%s Platform %d", g.pick(fields), i)
	case graph.Mission:
		n.Name = fmt.Sprintf("Explorer-%d", i)
	}
	if k == graph.Institution || k == graph.Mission {
		n.Aliases = []string{acronym(n.Name)}
	}
	return n
}

func acronym(name string) string {
	out := []byte{}
	word := true
	for i := 0; i < len(name); i++ {
		if name[i] == ' ' {
			word = true
			continue
		}
		if word && name[i] >= 'A' && name[i] <= 'Z' {
			out = append(out, name[i])
		}
		word = false
	}
	return string(out) + name[len(name)-1:]
}

// choose picks a node of kind k: mostly in proportion to its degree so far
// (preferential attachment), sometimes uniformly.
func (g *generator) choose(k graph.Kind) int {
	if p := g.pool[k]; len(p) > 0 && g.rng.Float64() < 0.75 {
		return p[g.rng.IntN(len(p))]
	}
	xs := g.byKind[k]
	return xs[g.rng.IntN(len(xs))]
}

// link adds an edge unless it repeats one or loops; it reports success.
func (g *generator) link(t graph.EdgeType, from, to int, date string) bool {
	e := graph.Edge{Type: t, From: g.nodes[from].ID, To: g.nodes[to].ID, Date: date}
	if from == to || g.keys[e.Key()] {
		return false
	}
	g.keys[e.Key()] = true
	e.Confidence = float64(50+g.rng.IntN(51)) / 100
	e.Rule = "gen-" + string(t)
	switch t {
	case graph.Signed:
		e.Props = map[string]string{"act": g.pick([]string{"signed", "adopted", "renewed"})}
	case graph.AffiliatedWith:
		e.Props = map[string]string{"role": g.pick([]string{"President", "Director", "Minister", "researcher", "CEO"})}
	}
	g.edges = append(g.edges, e)
	g.pool[g.nodes[from].Kind] = append(g.pool[g.nodes[from].Kind], from)
	g.pool[g.nodes[to].Kind] = append(g.pool[g.nodes[to].Kind], to)
	return true
}

// structure bases institutions and places in countries and affiliates
// persons, setting Country on each.
func (g *generator) structure() {
	for _, k := range []graph.Kind{graph.Institution, graph.Place} {
		for _, i := range g.byKind[k] {
			c := g.choose(graph.Country)
			g.link(graph.BasedIn, i, c, "")
			g.nodes[i].Country = g.nodes[c].Country
		}
	}
	for _, p := range g.byKind[graph.Person] {
		inst := g.choose(graph.Institution)
		g.link(graph.AffiliatedWith, p, inst, "")
		g.nodes[p].Country = g.nodes[inst].Country
		if g.rng.Float64() < 0.2 {
			g.link(graph.AffiliatedWith, p, g.choose(graph.Country), "")
		}
	}
}

// relation weights of the remaining edges.
var weights = []struct {
	t graph.EdgeType
	w int
}{
	{graph.Signed, 15}, {graph.ParticipatedIn, 25}, {graph.Hosted, 8}, {graph.Led, 6},
	{graph.CollaboratedWith, 15}, {graph.Launched, 3}, {graph.Established, 3},
	{graph.Developed, 8}, {graph.PartOf, 5},
}

func (g *generator) relations(total int) {
	sum := 0
	for _, w := range weights {
		sum += w.w
	}
	for tries := 0; len(g.edges) < total && tries < total*50; tries++ {
		r := g.rng.IntN(sum)
		t := weights[0].t
		for _, w := range weights {
			if r < w.w {
				t = w.t
				break
			}
			r -= w.w
		}
		g.relation(t)
	}
}

// relation adds one edge of type t between kinds the ontology allows.
func (g *generator) relation(t graph.EdgeType) {
	from := graph.Kinds[g.rng.IntN(len(graph.Kinds))]
	to := graph.Kinds[g.rng.IntN(len(graph.Kinds))]
	if !t.Allows(from, to) {
		return
	}
	a, b := g.choose(from), g.choose(to)
	date := g.dates[b]
	switch {
	case t == graph.PartOf:
		date = ""
	case t == graph.CollaboratedWith:
		date = g.date()
	case date == "":
		date = g.date()
	}
	g.link(t, a, b, date)
}

// documents splits the edges into documents with their endpoints and
// evidence.
func (g *generator) documents(cfg Config) []graph.Facts {
	index := map[string]int{}
	for i, n := range g.nodes {
		index[n.ID] = i
	}
	used := make([]bool, len(g.nodes))
	var docs []graph.Facts
	for start := 0; start < len(g.edges); start += cfg.EdgesPerDoc {
		end := min(start+cfg.EdgesPerDoc, len(g.edges))
		f := graph.Facts{Document: graph.Document{ID: fmt.Sprintf("gen-%d-%05d", cfg.Seed, len(docs)), Title: "Generated review", Publisher: "gen", Format: "facts"}}
		seen := map[int]bool{}
		issued := ""
		for i, e := range g.edges[start:end] {
			e.Evidence = &graph.Evidence{Entry: "entry-1", Sentence: "generated statement", Start: i * 100, End: i*100 + 90}
			f.Edges = append(f.Edges, e)
			issued = max(issued, e.Date)
			for _, id := range []string{e.From, e.To} {
				if k := index[id]; !seen[k] {
					seen[k], used[k] = true, true
					f.Nodes = append(f.Nodes, g.nodes[k])
				}
			}
		}
		f.Document.Issued = issuedOf(issued)
		docs = append(docs, f)
	}
	last := &docs[len(docs)-1]
	for i, n := range g.nodes {
		if !used[i] {
			last.Nodes = append(last.Nodes, n)
		}
	}
	return docs
}

// issuedOf returns the issue month of a document whose latest edge date is
// d ("2025-05-13" → "2025-05"), "2025-12" when none is dated.
func issuedOf(d string) string {
	switch {
	case len(d) >= 7:
		return d[:7]
	case d != "":
		return d + "-12"
	}
	return "2025-12"
}

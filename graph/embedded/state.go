package embedded

import (
	"iter"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sdkg/sdkg/graph"
)

// state is the whole graph in memory with its indexes. Writers mutate it
// under Store.mu held for writing; every slice and map reachable from a
// value handed to readers is replaced, never modified in place, so views
// returned by reads stay valid.
type state struct {
	nodes  map[string]*nodeRec
	edges  map[string]*edgeRec
	docs   map[string]*docRec
	byKind map[graph.Kind]map[string]*nodeRec
	byYear map[int][]*edgeRec // edges by year, each at its yearPos
	// words maps each word of every normalised name and alias to the nodes
	// bearing it: the full-text index, built by the first text query (see
	// wordIndex) and kept by writers from then on; nil until then.
	words      map[string]map[*nodeRec]struct{}
	wordsMu    sync.Mutex  // serialises the build by readers
	wordsReady atomic.Bool // words is built

	// redirect maps merged-away ids to their keeper; names maps
	// "kind|normalised name" of merged-away names to their keeper.
	redirect map[string]string
	names    map[string]string
	evidence int
	lastIdx  int // the highest nodeRec.idx given

	scratch scratch // the writer's buffers (apply.go)
}

func newState() *state {
	return &state{
		nodes: map[string]*nodeRec{}, edges: map[string]*edgeRec{}, docs: map[string]*docRec{},
		byKind: map[graph.Kind]map[string]*nodeRec{}, byYear: map[int][]*edgeRec{},
		redirect: map[string]string{}, names: map[string]string{},
	}
}

// nodeRec is a stored node: its attributes, the documents that support it
// and its edges.
type nodeRec struct {
	n    graph.Node
	docs docSet // the documents that support the node
	// adj holds the node's edges in one slice, in no order (types mixed):
	// a scan reads one contiguous run, and a filter on types tests each
	// entry's type, which costs less than a slice header per type.
	adj []half
	deg int
	// nbr indexes the edges of a hub (degree at least hubDegree) by the
	// other endpoint; nil for other nodes.
	nbr map[*nodeRec]nbrEdges
	// idx is a dense number, unique in the state, for per-query arrays
	// (traverse.go); 0 until the node is first indexed.
	idx  int
	key  uint64 // idPrefix of the id
	bar  uint64 // idPrefix of the id and "|"
	pipe bool   // the id holds a "|", so edge IDs do not order by endpoints
}

// hubDegree is the degree from which a node keeps a neighbour index.
const hubDegree = 64

// nbrEdges are a hub's edges to one neighbour: almost always one, kept
// without a slice of its own.
type nbrEdges struct {
	one  *edgeRec
	more []*edgeRec // the others
}

// all yields the edges.
func (ne nbrEdges) all() iter.Seq[*edgeRec] {
	return func(yield func(*edgeRec) bool) {
		if ne.one == nil || !yield(ne.one) {
			return
		}
		for _, e := range ne.more {
			if !yield(e) {
				return
			}
		}
	}
}

// addNbr and dropNbr keep the neighbour index of a hub.
func (r *nodeRec) addNbr(e *edgeRec) {
	if r.nbr == nil {
		if r.deg < hubDegree {
			return
		}
		r.nbr = map[*nodeRec]nbrEdges{}
		for _, h := range r.adj {
			r.nbr[h.o] = r.nbr[h.o].with(h.e)
		}
		return
	}
	o := e.other(r)
	r.nbr[o] = r.nbr[o].with(e)
}

func (ne nbrEdges) with(e *edgeRec) nbrEdges {
	if ne.one == nil {
		ne.one = e
	} else {
		ne.more = append(ne.more, e)
	}
	return ne
}

func (r *nodeRec) dropNbr(e *edgeRec) {
	if r.nbr == nil {
		return
	}
	o := e.other(r)
	ne := r.nbr[o]
	switch {
	case ne.one != e:
		ne.more = without(ne.more, e)
	case len(ne.more) > 0:
		ne.one, ne.more = ne.more[0], without(ne.more, ne.more[0])
	default:
		delete(r.nbr, o)
		return
	}
	r.nbr[o] = ne
}

// view returns the node as readers see it: Degree filled, Aliases never
// nil (the facts format always lists them).
func (r *nodeRec) view() graph.Node {
	n := r.n
	n.Degree = r.deg
	if n.Aliases == nil {
		n.Aliases = []string{}
	}
	return n
}

// contrib is what one document says about an edge.
type contrib struct {
	doc   string
	conf  float64
	rule  string
	props map[string]string
	ev    []graph.Evidence
}

// edgeRec is a stored edge: the merged view readers get and the
// contributions of the documents that support it, ordered by document.
type edgeRec struct {
	e        graph.Edge
	sup      []contrib
	lo, hi   int32    // dayNum of graph.DateBounds of the date, for window tests
	from, to *nodeRec // the endpoints, set while the edge is linked
	t        int      // index of the type in graph.EdgeTypes
	dk       int32    // dateKey of the date
	yearPos  int      // index in state.byYear[e.Year]
	// sup0 holds the first contribution, so that a new edge costs one
	// allocation less; later changes replace sup.
	sup0 [1]contrib
}

// dayNum returns the date YYYY-MM-DD as the integer YYYYMMDD, which
// orders like the date; 0 for "".
func dayNum(d string) int32 {
	var n int32
	for i := 0; i < len(d); i++ {
		if c := d[i]; c >= '0' && c <= '9' {
			n = n*10 + int32(c-'0')
		}
	}
	return n
}

// dateParts returns the year, month and day of a valid date (0 where the
// date stops) and how many of them it states.
func dateParts(d string) (parts [3]int32, n int) {
	if d == "" {
		return parts, 0
	}
	n = 1
	for i := 0; i < len(d); i++ {
		if c := d[i]; c == '-' {
			n++
		} else if n <= 3 {
			parts[n-1] = parts[n-1]*10 + int32(c-'0')
		}
	}
	return parts, min(n, 3)
}

// dateKey returns an integer that orders valid dates (graph.ValidDate)
// like the strings: "" < "2019" < "2019-01" < "2019-01-01" < "2019-01-02" <
// "2019-02" < "2020". Below 2^27.
func dateKey(d string) int32 {
	p, n := dateParts(d)
	if n == 0 {
		return 0
	}
	return 1 + p[0]*10000 + p[1]*100 + p[2]
}

// dayBounds returns the dayNum of the bounds graph.DateBounds gives a
// valid date, without building them.
func dayBounds(d string) (lo, hi int32) {
	p, n := dateParts(d)
	switch n {
	case 0:
		return 0, 0
	case 1:
		return p[0]*10000 + 101, p[0]*10000 + 1231
	case 2:
		return p[0]*10000 + p[1]*100 + 1, p[0]*10000 + p[1]*100 + 31
	}
	day := p[0]*10000 + p[1]*100 + p[2]
	return day, day
}

// half is an adjacency entry: an edge and what scans need of it and of its
// endpoint on the other side, so that they test the neighbour, select
// nodes by id and order edges by ID without loading either record.
type half struct {
	e    *edgeRec
	o    *nodeRec
	okey uint64 // o.key
	oi   int32  // o.idx
	// tdk packs the edge's type index (top 4 bits), its dateKey, and in
	// the lowest bit whether the node holding h is the edge's From.
	tdk uint32
}

func newHalf(e *edgeRec, o *nodeRec, isFrom bool) half {
	tdk := uint32(e.t)<<28 | uint32(e.dk)<<1
	if isFrom {
		tdk |= 1
	}
	return half{e, o, o.key, int32(o.idx), tdk}
}

// t returns the index of the edge's type in graph.EdgeTypes.
func (h *half) t() int { return int(h.tdk >> 28) }

// dateKey returns the edge's dateKey.
func (h *half) dateKey() int32 { return int32(h.tdk>>1) & (1<<dateBits - 1) }

// isFrom reports whether the node holding h is the edge's From endpoint.
func (h *half) isFrom() bool { return h.tdk&1 == 1 }

// withoutHalf removes the entry of e from hs, in place, keeping the order
// of the others. Adjacency is read under the lock only, never handed out,
// so it is changed in place.
func withoutHalf(hs []half, e *edgeRec) []half {
	for i := range hs {
		if hs[i].e == e {
			copy(hs[i:], hs[i+1:])
			hs[len(hs)-1] = half{}
			return hs[:len(hs)-1]
		}
	}
	return hs
}

// other returns the endpoint of e that is not n.
func (e *edgeRec) other(n *nodeRec) *nodeRec {
	if e.from == n {
		return e.to
	}
	return e.from
}

// docRec is a stored document with the node ids and edge keys it supports.
type docRec struct {
	d     graph.Document
	nodes idList
	edges idList
}

// idList is a small set of ids kept as a slice: documents hold hundreds of
// ids, change them only on merges, and a slice costs far less to build than
// a map on every Apply.
type idList []string

func (l *idList) remove(x string) {
	for i, y := range *l {
		if y == x {
			(*l)[i] = (*l)[len(*l)-1]
			*l = (*l)[:len(*l)-1]
			return
		}
	}
}

func (l *idList) addUnique(x string) {
	if !contains(*l, x) {
		*l = append(*l, x)
	}
}

func (d *docRec) view() graph.Document {
	doc := d.d
	doc.Nodes, doc.Edges = len(d.nodes), len(d.edges)
	return doc
}

const numTypes = 11

var typeIndex = func() map[graph.EdgeType]int {
	m := map[graph.EdgeType]int{}
	for i, t := range graph.EdgeTypes {
		m[t] = i
	}
	return m
}()

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// wordIndex returns the full-text index, building it on first use. Readers
// call it under the read lock, so no writer runs while it is built; later
// readers see it through wordsReady, writers through the lock.
func (s *state) wordIndex() map[string]map[*nodeRec]struct{} {
	if s.wordsReady.Load() {
		return s.words
	}
	s.wordsMu.Lock()
	defer s.wordsMu.Unlock()
	if !s.wordsReady.Load() {
		s.words = map[string]map[*nodeRec]struct{}{}
		for _, r := range s.nodes {
			s.indexWords(r)
		}
		s.wordsReady.Store(true)
	}
	return s.words
}

func (s *state) indexWords(r *nodeRec) {
	for _, w := range wordsOf(&r.n) {
		if s.words[w] == nil {
			s.words[w] = map[*nodeRec]struct{}{}
		}
		s.words[w][r] = struct{}{}
	}
}

// wordsOf returns the distinct words of a node's normalised names.
func wordsOf(n *graph.Node) []string {
	var ws []string
	for _, name := range append([]string{n.Name}, n.Aliases...) {
		for _, w := range strings.Fields(graph.NormalizeName(name)) {
			if !contains(ws, w) {
				ws = append(ws, w)
			}
		}
	}
	return ws
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// resolve returns the live id a merged-away id stands for, or id.
func (s *state) resolve(id string) string {
	if k, ok := s.redirect[id]; ok {
		return k
	}
	return id
}

// indexNode adds r to the kind and word indexes; unindexNode removes it.
func (s *state) indexNode(r *nodeRec) {
	if r.idx == 0 {
		s.lastIdx++
		r.idx = s.lastIdx
		r.key, r.bar = idPrefix(r.n.ID, 0), idPrefix(r.n.ID, '|')
		r.pipe = strings.IndexByte(r.n.ID, '|') >= 0
	}
	s.nodes[r.n.ID] = r
	if s.byKind[r.n.Kind] == nil {
		s.byKind[r.n.Kind] = map[string]*nodeRec{}
	}
	s.byKind[r.n.Kind][r.n.ID] = r
	if s.words != nil {
		s.indexWords(r)
	}
}

func (s *state) unindexNode(r *nodeRec) {
	delete(s.nodes, r.n.ID)
	delete(s.byKind[r.n.Kind], r.n.ID)
	if s.words == nil {
		return
	}
	for _, w := range wordsOf(&r.n) {
		delete(s.words[w], r)
		if len(s.words[w]) == 0 {
			delete(s.words, w)
		}
	}
}

// setNode replaces a stored node's attributes, keeping its indexes right.
func (s *state) setNode(r *nodeRec, n graph.Node) {
	s.unindexNode(r)
	r.n = n
	s.indexNode(r)
}

// linkEdge adds r, from and to its endpoints, to the key, year and
// adjacency indexes; unlinkEdge removes it.
func (s *state) linkEdge(r *edgeRec, from, to *nodeRec) {
	s.edges[r.e.ID] = r
	r.lo, r.hi = dayBounds(r.e.Date)
	r.from, r.to, r.t = from, to, typeIndex[r.e.Type]
	if y := r.e.Year; y > 0 {
		r.yearPos = len(s.byYear[y])
		s.byYear[y] = append(s.byYear[y], r)
	}
	r.dk = dateKey(r.e.Date)
	from.adj = append(from.adj, newHalf(r, to, true))
	to.adj = append(to.adj, newHalf(r, from, false))
	for _, n := range [2]*nodeRec{from, to} {
		n.deg++
		n.addNbr(r)
	}
	for _, c := range r.sup {
		s.evidence += len(c.ev)
	}
}

func (s *state) unlinkEdge(r *edgeRec) {
	delete(s.edges, r.e.ID)
	if y := r.e.Year; y > 0 {
		// Swap-remove: byYear is read under the lock only, never handed
		// out, so it is changed in place.
		es := s.byYear[y]
		last := es[len(es)-1]
		es[r.yearPos], last.yearPos = last, r.yearPos
		es[len(es)-1] = nil
		if es = es[:len(es)-1]; len(es) > 0 {
			s.byYear[y] = es
		} else {
			delete(s.byYear, y)
		}
	}
	for _, n := range [2]*nodeRec{r.from, r.to} {
		n.adj = withoutHalf(n.adj, r)
		n.deg--
		n.dropNbr(r)
	}
	for _, c := range r.sup {
		s.evidence -= len(c.ev)
	}
}

// without returns rs without r, as a new slice (readers may hold the old).
func without(rs []*edgeRec, r *edgeRec) []*edgeRec {
	out := make([]*edgeRec, 0, len(rs))
	for _, x := range rs {
		if x != r {
			out = append(out, x)
		}
	}
	return out
}

// refresh recomputes an edge's merged view from its contributions (its
// identity fields are already normalised): the highest confidence and its
// rule (first document on ties), props unioned in document order, the
// first evidence by (Document, Start), first and last seen from the
// documents' issue dates.
func (s *state) refresh(r *edgeRec) { s.refreshWith(r, nil) }

// refreshWith is refresh knowing the stored record of one document (nil
// when none), so that its contribution's issue date needs no lookup.
func (s *state) refreshWith(r *edgeRec, known *docRec) {
	e := graph.Edge{ID: r.e.ID, Type: r.e.Type, From: r.e.From, To: r.e.To, Date: r.e.Date, Year: r.e.Year}
	var props map[string]string
	if len(r.sup) == 1 {
		// Props are never changed in place, so one document's map serves
		// as the union.
		props = r.sup[0].props
	}
	for i, c := range r.sup {
		if i == 0 || c.conf > e.Confidence {
			e.Confidence, e.Rule = c.conf, c.rule
		}
		if len(r.sup) > 1 {
			props = unionProps(props, c.props)
		}
		for j := range c.ev {
			// Shared with the contribution: evidence is never changed in
			// place, only replaced.
			if ev := &c.ev[j]; e.Evidence == nil || evLess(ev, e.Evidence) {
				e.Evidence = ev
			}
		}
		d := known
		if d == nil || d.d.ID != c.doc {
			d = s.docs[c.doc]
		}
		if d != nil && d.d.Issued != "" {
			if e.FirstSeen == "" || d.d.Issued < e.FirstSeen {
				e.FirstSeen = d.d.Issued
			}
			if d.d.Issued > e.LastSeen {
				e.LastSeen = d.d.Issued
			}
		}
	}
	e.Props = props
	r.e = e
}

// unionProps adds to props (created when needed) the keys of more it
// lacks.
func unionProps(props, more map[string]string) map[string]string {
	for k, v := range more {
		if _, ok := props[k]; !ok {
			if props == nil {
				props = map[string]string{}
			}
			props[k] = v
		}
	}
	return props
}

func evLess(a, b *graph.Evidence) bool {
	if a.Document != b.Document {
		return a.Document < b.Document
	}
	return a.Start < b.Start
}

// setContrib sets doc's contribution to r (replacing any), keeping the
// evidence count; it returns a new sup slice.
func (s *state) setContrib(r *edgeRec, c contrib) {
	out := make([]contrib, 0, len(r.sup)+1)
	placed := false
	for _, x := range r.sup {
		switch {
		case x.doc == c.doc:
			s.evidence -= len(x.ev)
			continue
		case !placed && x.doc > c.doc:
			out = append(out, c)
			placed = true
		}
		out = append(out, x)
	}
	if !placed {
		out = append(out, c)
	}
	s.evidence += len(c.ev)
	r.sup = out
}

// dropContrib removes doc's contribution to r and reports whether any
// support is left.
func (s *state) dropContrib(r *edgeRec, doc string) bool {
	out := make([]contrib, 0, len(r.sup))
	for _, x := range r.sup {
		if x.doc == doc {
			s.evidence -= len(x.ev)
			continue
		}
		out = append(out, x)
	}
	r.sup = out
	return len(out) > 0
}

// mergeContrib folds b into a (same document): highest confidence and its
// rule, props unioned (a's first), evidence appended.
func mergeContrib(a, b contrib) contrib {
	if b.conf > a.conf {
		a.conf, a.rule = b.conf, b.rule
	}
	if len(b.props) > 0 {
		m := make(map[string]string, len(a.props)+len(b.props))
		for k, v := range b.props {
			m[k] = v
		}
		for k, v := range a.props {
			m[k] = v
		}
		a.props = m
	}
	a.ev = append(append([]graph.Evidence(nil), a.ev...), b.ev...)
	return a
}

// mergeNodeAttrs folds an incoming node into a stored one: the stored name
// stays, other names become aliases, aliases are unioned, Country and Props
// are filled where empty. It reports whether anything changed.
func mergeNodeAttrs(cur graph.Node, in *graph.Node) (graph.Node, bool) {
	changed := false
	aliases := cur.Aliases
	addName := func(a string) {
		if a != "" && a != cur.Name && !contains(aliases, a) {
			aliases = append(append([]string(nil), aliases...), a)
			changed = true
		}
	}
	addName(in.Name)
	for _, a := range in.Aliases {
		addName(a)
	}
	cur.Aliases = aliases
	if cur.Country == "" && in.Country != "" {
		cur.Country, changed = in.Country, true
	}
	for k, v := range in.Props {
		if _, ok := cur.Props[k]; !ok {
			m := make(map[string]string, len(cur.Props)+1)
			for k2, v2 := range cur.Props {
				m[k2] = v2
			}
			m[k] = v
			cur.Props, changed = m, true
		}
	}
	return cur, changed
}

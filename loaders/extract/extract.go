package extract

import (
	"strings"
	"sync"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/gazetteer"
	"github.com/sdkg/sdkg/loaders/review"
)

// Extract reads every entry of doc and returns the facts it states: one
// node per entity of the document and one edge per relation, each edge
// with its evidence (entry, sentence, offsets), a confidence and the name
// of the rule that produced it. Node ids are provisional slugs; package
// resolve gives the stable ones. g may be nil (no gazetteer).
func Extract(doc *review.Document, g *gazetteer.Gazetteer) *graph.Facts {
	x := &extractor{doc: doc, g: g, scratch: scratchPool.Get().(*sentMaps)}
	defer x.scratch.release()
	x.reg = x.scratch.registry()
	for i := range doc.Entries {
		x.readEntry(&doc.Entries[i])
	}
	return x.facts()
}

// scratchPool recycles the sentence buffers of extractors from document
// to document (Extract may run on several goroutines: each takes its own).
var scratchPool = sync.Pool{New: func() any { return new(sentMaps) }}

// release clears what the buffers point to (the document's text and
// entities) and returns them to the pool.
func (m *sentMaps) release() {
	clear(m.mbuf[:cap(m.mbuf)])
	clear(m.toks[:cap(m.toks)])
	clear(m.tmpl.ph[:cap(m.tmpl.ph)])
	m.tmpl = template{ph: m.tmpl.ph[:0]}
	clear(m.sent.ms[:cap(m.sent.ms)])
	clear(m.sent.nested[:cap(m.sent.nested)])
	m.sent = sent{ms: m.sent.ms[:0], nested: m.sent.nested[:0]}
	if m.reg != nil {
		m.reg.reset()
	}
	clear(m.acrAt)
	clear(m.expAt)
	clear(m.appos)
	clear(m.aff)
	scratchPool.Put(m)
}

// extractor holds the state of one document: its entities, the current
// event and date of the entry being read, and the edges found so far.
type extractor struct {
	doc      *review.Document
	g        *gazetteer.Gazetteer
	reg      *registry
	edges    []*fact
	factBuf  []fact // the block new facts are taken from
	seen     map[string]bool
	curEvent *entity
	ctxDate  string // the entry's date, or the latest day stated in it
	// topicMission is the mission the entry's heading names: "the
	// mission" of the entry.
	topicMission *entity
	// countries are the countries the entry has named, latest last.
	countries []*entity
	// prevAgreements are the agreements of the sentence before.
	prevAgreements []*entity
	// nameCountries caches the countries found in short names.
	nameCountries map[string][]gazetteer.Match
	bodyCache     map[string]bodyHit
	// surnames indexes the persons' family names; surnamesOf is how many
	// registry entities it covers.
	surnames   map[string]*entity
	surnamesOf int
	// dates caches graph.ValidDate of the edges' dates.
	dates map[string]bool
	// scratch holds the per-sentence maps, cleared and reused for each
	// sentence (a sentence never outlives the next one's start).
	scratch *sentMaps
}

// sentMaps are the maps of one sentence being read.
type sentMaps struct {
	mbuf         []mention
	toks         []token
	taken        []bool
	acrAt, expAt map[int]string
	appos        map[*mention]bool
	aff          map[*mention]*mention
	tmpl         template
	sent         sent
	// lowers caches the lower case of words with capitals; a pure
	// function of the word, so it is kept from document to document.
	lowers map[string]string
	// reg is the registry of the document being read, emptied on release.
	reg *registry
}

// registry returns the buffers' registry, empty.
func (m *sentMaps) registry() *registry {
	if m.reg == nil {
		m.reg = newRegistry()
	}
	return m.reg
}

// maxLowers bounds the lowered-word cache of a pooled buffer.
const maxLowers = 1 << 13

// fact is an edge between entities, before ids are final.
type fact struct {
	typ        graph.EdgeType
	from, to   *entity
	date       string
	props      map[string]string
	evidence   graph.Evidence
	confidence float64
	rule       string
}

// readEntry reads the sentences and table rows of one entry.
func (x *extractor) readEntry(e *review.Entry) {
	x.curEvent, x.ctxDate, x.topicMission, x.countries = nil, "", nil, x.countries[:0]
	if len(e.Date) >= 7 {
		x.ctxDate = e.Date
	}
	for w := range strings.FieldsSeq(e.Heading) {
		if missionRe.MatchString(w) {
			x.topicMission = x.reg.add(graph.Mission, w)
			break
		}
	}
	for _, src := range e.Sentences {
		x.readSentence(e, src)
	}
	x.readRows(e)
}

// readSentence finds the mentions of one sentence, registers their
// entities and applies the relation rules.
func (x *extractor) readSentence(e *review.Entry, src review.Sentence) {
	s := x.newSent(e, src)
	s.findMentions()
	s.register()
	s.knownAs()
	s.buildTemplate()
	s.applyRules()
	s.nameUntitled()
	x.updateContext(s)
	x.scratch.mbuf = s.mbuf // reused: no mention outlives its sentence
}

func (x *extractor) newSent(e *review.Entry, src review.Sentence) *sent {
	// The tokens and the taken flags live in buffers reused from sentence
	// to sentence: nothing keeps them once the next sentence starts.
	toks := tokenizeInto(x.scratch.toks, src.Text)
	x.scratch.toks = toks
	if cap(x.scratch.taken) < len(toks) {
		x.scratch.taken = make([]bool, len(toks), 2*len(toks))
	}
	taken := x.scratch.taken[:len(toks)]
	clear(taken)
	if x.scratch.appos == nil {
		x.scratch.acrAt, x.scratch.expAt = map[int]string{}, map[int]string{}
		x.scratch.appos, x.scratch.aff = map[*mention]bool{}, map[*mention]*mention{}
	}
	clear(x.scratch.acrAt)
	clear(x.scratch.expAt)
	clear(x.scratch.appos)
	clear(x.scratch.aff)
	s := &x.scratch.sent // reused: no sentence outlives the next one's start
	*s = sent{x: x, entry: e, src: src, text: src.Text, toks: toks, taken: taken, mbuf: x.scratch.mbuf[:0],
		acrAt: x.scratch.acrAt, expAt: x.scratch.expAt, appos: x.scratch.appos, aff: x.scratch.aff,
		ms: s.ms[:0], nested: s.nested[:0]}
	anchor := x.doc.Issued
	if len(e.Date) == 10 {
		anchor = e.Date // a dateline: "on Monday" is the Monday before it
	}
	s.dates = review.FindDates(src.Text, anchor)
	return s
}

// updateContext remembers the entry's latest date and event for the
// sentences that follow.
func (x *extractor) updateContext(s *sent) {
	var agreements []*entity
	for _, m := range s.ms {
		if m.kind == graph.Agreement && m.ent != nil && !m.ent.dropped {
			agreements = append(agreements, m.ent)
		}
	}
	x.prevAgreements = agreements
	for _, m := range s.ms {
		if m.kind == graph.Country && m.ent != nil && !m.ref {
			x.countries = appendMoved(x.countries, m.ent)
		}
	}
	day := ""
	for _, m := range s.ms {
		if m.kind == kindDate && m.date.Until == "" && len(m.date.Value) == 10 {
			day = m.date.Value
			break
		}
	}
	for _, m := range s.ms {
		if m.kind == graph.Event && m.ent != nil && m.ent.date == "" && day != "" && !m.ref {
			m.ent.date = day
		}
	}
	s.noteSpan(day)
	for _, m := range s.ms {
		if m.kind == kindDate && m.date.Until == "" && len(m.date.Value) == 10 {
			x.ctxDate = m.date.Value
		}
		if m.kind == graph.Event && m.ent != nil && !m.ent.dropped {
			x.curEvent = m.ent
		}
	}
}

// evidence returns the evidence of the sentence.
func (s *sent) evidence() graph.Evidence {
	return graph.Evidence{Document: s.x.doc.ID, Entry: s.entry.ID, Sentence: s.text, Start: s.src.Start, End: s.src.End}
}

// emit records an edge between the entities of two mentions.
func (s *sent) emit(rule string, conf float64, typ graph.EdgeType, from, to *mention, date string, props map[string]string) {
	if from == nil || to == nil || from.ent == nil || to.ent == nil || from.ent == to.ent {
		return
	}
	s.x.emitEntities(rule, conf, typ, from.ent, to.ent, date, props, s.evidence())
}

func (x *extractor) emitEntities(rule string, conf float64, typ graph.EdgeType, from, to *entity, date string, props map[string]string, ev graph.Evidence) {
	if !typ.Allows(from.kind, to.kind) || from == to {
		return
	}
	f := x.newFact()
	*f = fact{typ: typ, from: from, to: to, date: date, props: props, evidence: ev, confidence: conf, rule: rule}
	x.edges = append(x.edges, f)
}

// newFact returns a zero fact from the document's current block of them:
// one allocation for many facts (facts live as long as the document).
func (x *extractor) newFact() *fact {
	if len(x.factBuf) == cap(x.factBuf) {
		x.factBuf = make([]fact, 0, 32)
	}
	x.factBuf = x.factBuf[:len(x.factBuf)+1]
	return &x.factBuf[len(x.factBuf)-1]
}

// lastInstitution returns the latest institution whose name has the head
// word w ("the academy"), or the latest institution for "organisation".
func (x *extractor) lastInstitution(w string) *entity {
	for i := len(x.reg.ents) - 1; i >= 0; i-- {
		e := x.reg.ents[i]
		if e.kind != graph.Institution {
			continue
		}
		if w == "organization" || w == "organisation" || strings.Contains(strings.ToLower(e.name), w) {
			return e
		}
	}
	return nil
}

// lowerWord returns w in lower case (strings.ToLower); a word with
// capitals is lowered once per document.
func (x *extractor) lowerWord(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	lowers := &x.scratch.lowers
	if l, ok := (*lowers)[w]; ok {
		return l
	}
	if *lowers == nil || len(*lowers) >= maxLowers {
		*lowers = make(map[string]string, 256)
	}
	// Copies: neither key nor value may pin the document's text.
	key, l := strings.Clone(w), strings.ToLower(w)
	if l == w {
		l = key
	}
	(*lowers)[key] = l
	return l
}

// last returns the latest entity of kind k.
func (x *extractor) last(k graph.Kind) *entity {
	for i := len(x.reg.ents) - 1; i >= 0; i-- {
		if e := x.reg.ents[i]; e.kind == k && !e.dropped {
			return e
		}
	}
	return nil
}

// gazetteer adapters, nil-safe.

func (x *extractor) countryMatches(text string) []gazetteer.Match {
	if x.g == nil {
		return nil
	}
	if len(text) < 80 {
		if m, ok := x.nameCountries[text]; ok {
			return m
		}
		if x.nameCountries == nil {
			x.nameCountries = map[string][]gazetteer.Match{}
		}
		m := gazMemo(x.g, &shared.countryOf, text, (*gazetteer.Gazetteer).MatchCountries)
		x.nameCountries[text] = m
		return m
	}
	return x.g.MatchCountries(text)
}

func (x *extractor) allMatches(text string) []gazetteer.Match {
	if x.g == nil {
		return nil
	}
	return x.g.MatchAll(text)
}

func (x *extractor) bodyMatches(text string) []gazetteer.Match {
	if x.g == nil {
		return nil
	}
	return x.g.MatchBodies(text)
}

// compound returns the country codes of a compound ("Sino-Danish"),
// memoised across documents; the slice is shared, do not modify.
func (x *extractor) compound(w string) []string {
	if x.g == nil {
		return nil
	}
	return gazMemo(x.g, &shared.compounds, w, func(g *gazetteer.Gazetteer, w string) []string {
		var out []string
		for _, c := range g.CountriesInCompound(w) {
			out = append(out, c.Code)
		}
		return out
	})
}

// isBody reports whether the gazetteer knows a body by this name.
func (x *extractor) isBody(name string) bool {
	if x.g == nil {
		return false
	}
	return x.bodyByName(name).ok
}

// bodyByName is the gazetteer's BodyByName, memoised across documents.
func (x *extractor) bodyByName(name string) bodyHit {
	return gazMemo(x.g, &shared.bodyOf, name, func(g *gazetteer.Gazetteer, name string) bodyHit {
		b, ok := g.BodyByName(name)
		return bodyHit{b, ok}
	})
}

// countryName returns the common name of a country code.
func (x *extractor) countryName(code string) string {
	if x.g != nil {
		if c, ok := x.g.Country(code); ok {
			return c.Name
		}
	}
	return code
}

// body looks an institution up in the gazetteer by name, or by acronym
// when exactly one body has it.
func (x *extractor) body(name string) (gazetteer.Body, bool) {
	if x.g == nil {
		return gazetteer.Body{}, false
	}
	if hit := x.bodyByName(name); hit.ok {
		return hit.b, true // by name: the same answer for every document
	}
	if !isAcronym(name) {
		return gazetteer.Body{}, false
	}
	// An acronym several bodies share is resolved by the document's
	// countries, so it is cached per document.
	if c, ok := x.bodyCache[name]; ok {
		return c.b, c.ok
	}
	b, ok := x.lookupBody(name)
	if x.bodyCache == nil {
		x.bodyCache = map[string]bodyHit{}
	}
	x.bodyCache[name] = bodyHit{b, ok}
	return b, ok
}

// bodyHit caches a gazetteer lookup.
type bodyHit struct {
	b  gazetteer.Body
	ok bool
}

// lookupBody asks the gazetteer for a body by name, then by acronym.
func (x *extractor) lookupBody(name string) (gazetteer.Body, bool) {
	if hit := x.bodyByName(name); hit.ok {
		return hit.b, true
	}
	if isAcronym(name) {
		if bs := x.g.BodiesByAcronym(name); len(bs) >= 1 {
			return x.pickBody(bs), true
		}
	}
	return gazetteer.Body{}, false
}

// pickBody chooses among bodies sharing an acronym: one based in a country
// the document has mentioned, else the first.
func (x *extractor) pickBody(bs []gazetteer.Body) gazetteer.Body {
	for _, b := range bs {
		for _, e := range x.reg.ents {
			if e.kind == graph.Country && e.country == b.Country && b.Country != "" {
				return b
			}
		}
	}
	return bs[0]
}

// country returns the entity of the country with the ISO code, adding the
// form written in the text as an alias.
func (x *extractor) country(code, written string) *entity {
	k := nameKey{graph.Country, "code:" + code}
	e := x.reg.byKey[k]
	if e == nil {
		e = &entity{seq: len(x.reg.ents), kind: graph.Country, name: x.countryName(code), country: code}
		x.reg.ents = append(x.reg.ents, e)
		x.reg.byKey[k] = e
	}
	if written != "" && !strings.Contains(written, "-") {
		e.addAlias(written)
	}
	return e
}

// isCountry reports whether s names a country.
func (x *extractor) isCountry(s string) bool {
	if x.g == nil || s == "" {
		return false
	}
	return gazMemo(x.g, &shared.isCountry, s, func(g *gazetteer.Gazetteer, s string) bool {
		_, ok := g.CountryByName(s)
		return ok
	})
}

// lastPerson returns the person mentioned last in the document.
func (x *extractor) lastPerson() *entity { return x.last(graph.Person) }

// bySurname returns the one person of the document whose family name
// (first word of a Chinese name, last word of others) is w, or nil when
// none or several share it.
func (x *extractor) bySurname(w string) *entity {
	x.indexSurnames()
	return x.surnames[w]
}

// indexSurnames brings the surname index up to date with the registry;
// a surname two persons share maps to nil.
func (x *extractor) indexSurnames() {
	if x.surnames == nil {
		x.surnames = map[string]*entity{}
	}
	for ; x.surnamesOf < len(x.reg.ents); x.surnamesOf++ {
		e := x.reg.ents[x.surnamesOf]
		if e.kind != graph.Person {
			continue
		}
		words := strings.Fields(e.name)
		if len(words) < 2 {
			continue
		}
		sur := words[len(words)-1]
		if len(words) == 2 && (chineseSurnames[words[0]] || isMandarinName(words[0]) && isMandarinName(words[1])) {
			sur = words[0] // Chinese order: family name first
		}
		if old, ok := x.surnames[sur]; ok && old != e {
			x.surnames[sur] = nil
			continue
		}
		x.surnames[sur] = e
	}
}

// appendMoved appends e to list, removing an earlier occurrence.
func appendMoved(list []*entity, e *entity) []*entity {
	for i, o := range list {
		if o == e {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	return append(list, e)
}

package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// register gives every mention of the sentence its entity, creating
// entities on first mention, and states what names themselves say:
// PART_OF for "A of the B" and "CNSA X Center", BASED_IN for a country in
// an institution's own name.
func (s *sent) register() {
	all := append(append(make([]*mention, 0, len(s.ms)+len(s.nested)), s.ms...), s.nested...)
	slices.SortStableFunc(all, byStart)
	for _, m := range all {
		if m.kind == kindDate || m.ent != nil && m.ref {
			continue
		}
		if a, ok := s.acrAt[s.next(m.j)]; ok && m.acr == "" && !m.noAcr && s.next(m.j) < len(s.toks) {
			m.acr = a
		}
		if m.acr == "" && !m.noAcr && m.j < len(s.toks) {
			if a, ok := s.acrAt[m.j]; ok {
				m.acr = a
			}
		}
		if m.ent == nil {
			m.ent = s.entityOf(m)
		}
		s.defineAcronym(m)
	}
	for _, m := range all {
		s.nameFacts(m)
	}
}

// entityOf returns the entity a new mention names.
func (s *sent) entityOf(m *mention) *entity {
	r := s.x.reg
	switch {
	case m.kind == graph.Country:
		return s.x.country(m.code, m.name)
	case m.kind == graph.Institution:
		return s.institution(m)
	case m.untitled:
		e := &entity{seq: len(r.ents), kind: m.kind, name: m.gen, untitled: true, gen: m.gen}
		r.ents = append(r.ents, e)
		return e
	}
	if e := r.findPrefix(m.kind, m.name); e != nil {
		r.bind(e, m.name)
		return e
	}
	e := r.add(m.kind, m.name, m.aliases...)
	if m.kind == graph.Place && m.code != "" {
		e.country = m.code
	}
	if m.kind == graph.Place && s.isPlaceName(m.i, m.j) && !strings.HasSuffix(m.name, "Province") {
		r.bindSurface(e, s.toks[m.i].w)
	}
	return e
}

// institution resolves an institution mention: an acronym the document
// defined, then the gazetteer (by acronym or by name), then a new entity.
func (s *sent) institution(m *mention) *entity {
	r := s.x.reg
	names := append([]string{m.name}, m.aliases...)
	if e := r.find(graph.Institution, names...); e != nil {
		for _, n := range names {
			r.bind(e, n)
		}
		return e
	}
	if e := r.findBilateral(m.name); e != nil {
		r.bind(e, m.name)
		return e
	}
	if b, ok := s.x.body(m.name); ok {
		aliases := make([]string, 0, len(b.Acronyms)+len(b.Aliases)+len(names))
		aliases = append(append(append(aliases, b.Acronyms...), b.Aliases...), names...) // a new slice: b's are the gazetteer's
		e := r.add(graph.Institution, b.Name, aliases...)
		if e.country == "" {
			e.country = b.Country
		}
		return e
	}
	return r.add(graph.Institution, m.name, m.aliases...)
}

// defineAcronym binds an acronym introduced in parentheses, and an
// expansion given after an acronym, to the mention's entity.
func (s *sent) defineAcronym(m *mention) {
	e := m.ent
	if e == nil {
		return
	}
	if m.acr != "" {
		if e.untitled {
			e.acronym = m.acr
			s.x.reg.addSurface(m.acr, surface{e, m.acr})
		} else {
			e.acronym = m.acr
			s.x.reg.bind(e, m.acr)
		}
	}
	if exp, ok := s.expAt[m.j]; ok && e.kind == graph.Institution {
		e.addAlias(exp)
	}
}

// nameFacts emits the relations a name states by itself.
func (s *sent) nameFacts(m *mention) {
	if m.ent == nil || m.ref {
		return
	}
	if m.parent != nil && m.parent.ent == nil {
		m.parent.ent = s.entityOf(m.parent)
	}
	if m.parent != nil {
		rule := "part-of-name"
		if m.kind == graph.Event {
			rule = "event-of-organisation"
		}
		s.emit(rule, 0.9, graph.PartOf, m, m.parent, "", nil)
	}
	if m.kind == graph.Institution {
		s.basedInName(m)
	}
}

// basedInName states BASED_IN for a country named or adjectival in an
// institution's own name ("Austrian Academy of Sciences"), unless it is
// one party of a compound ("China-Andes ...", "China and ORBIS Forum").
func (s *sent) basedInName(m *mention) {
	name := m.ent.name
	if m.name != "" && !isAcronym(m.name) {
		name = m.name
	}
	for _, c := range s.x.countryMatches(name) {
		before, after := name[:c.Start], name[c.End:]
		if strings.HasSuffix(before, "-") || strings.HasPrefix(after, "-") ||
			strings.HasSuffix(before, " and ") || strings.HasPrefix(after, " and ") {
			continue
		}
		ce := s.x.country(c.Code, "")
		if m.ent.country == "" {
			m.ent.country = c.Code
		}
		s.x.emitEntities("based-in-name", 0.9, graph.BasedIn, m.ent, ce, "", nil, s.evidence())
	}
}

// bilateralKey folds "A-B X", "A and B X" and "B-A X" to one key: A and
// B capitalised words (letters, digits, underscores), X anything on the
// same line; "" for other names.
func bilateralKey(name string) string {
	a, rest := capWord(name)
	switch {
	case a == "":
		return ""
	case strings.HasPrefix(rest, "-"):
		rest = rest[1:]
	case strings.HasPrefix(rest, " and "):
		rest = rest[len(" and "):]
	default:
		return ""
	}
	b, rest := capWord(rest)
	if b == "" || len(rest) < 2 || rest[0] != ' ' || strings.IndexByte(rest, '\n') >= 0 {
		return ""
	}
	if a > b {
		a, b = b, a
	}
	return normName(a + " " + b + rest)
}

// capWord splits s after a leading capitalised word: an ASCII capital
// then word characters.
func capWord(s string) (word, rest string) {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return "", s
	}
	i := 1
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

// findBilateral returns the institution whose name folds to the same
// bilateral key as name.
func (r *registry) findBilateral(name string) *entity {
	k := bilateralKey(name)
	if k == "" {
		return nil
	}
	return r.bilateral[k]
}

// findPrefix returns the agreement or event whose title starts with name
// ("China-Andes Joint Work Plan" for the plan's full title), when name
// has at least three words.
func (r *registry) findPrefix(k graph.Kind, name string) *entity {
	if k != graph.Agreement && k != graph.Event {
		return nil
	}
	n := normName(name)
	if strings.Count(n, " ") < 2 {
		return nil // fewer than three words
	}
	for _, e := range r.ents {
		if e.kind != k {
			continue
		}
		if full := normName(e.name); len(full) > len(n) && full[len(n)] == ' ' && strings.HasPrefix(full, n) {
			return e
		}
	}
	return nil
}

var knownAsRe = regexp.MustCompile(`^\s*(?:\([^)]*\))?\s*,\s*(?:also )?known as (?:the )?$`)

// knownAs reads "{A}, also known as the {B}" between two bodies as one
// body with two names: B becomes an alias of A and its mention refers to A.
func (s *sent) knownAs() {
	for k := 1; k < len(s.ms); k++ {
		a, b := s.ms[k-1], s.ms[k]
		if a.kind != graph.Institution || b.kind != graph.Institution || a.ent == nil || b.ent == nil || a.ent == b.ent {
			continue
		}
		if !knownAsRe.MatchString(s.text[a.e:b.s]) {
			continue
		}
		if !b.ref {
			b.ent.dropped = true
		}
		s.x.reg.bind(a.ent, b.ent.name)
		b.ent, b.ref = a.ent, true
		s.appos[b] = true
	}
}

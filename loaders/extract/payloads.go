package extract

import (
	"regexp"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// payloadNouns name the instruments a mission carries.
var payloadNouns = set(`instrument instruments payload payloads detector detectors retroreflector
	camera cameras cubesat cubesats spectrometer analyser analyzer radar imager magnetometer
	seismometer sensor experiment altimeter telescope`)

// payloadFilter filters payloadNouns.
var payloadFilter = filterOf(payloadNouns)

// findPayloadNames finds code names of instruments next to a payload
// noun: "the ozone sensor OZON", "the KUMO imager", "its TARA-2 cubesat".
func (s *sent) findPayloadNames() {
	for i, t := range s.toks {
		if !payloadFilter.may(t.w) || !payloadNouns[t.w] {
			continue
		}
		if k := i - 1; s.isCodeName(k) {
			s.add(graph.Project, k, k+1, s.w(k))
			continue
		}
		if k := i + 1; s.isCodeName(k) && !s.toks[k].skip && (k+1 >= len(s.toks) || !s.toks[k+1].cap) {
			s.add(graph.Project, k, k+1, s.w(k))
		}
	}
}

// isCodeName reports whether token k is a free word of capitals, digits
// and hyphens with at least two capitals ("OZON", "TARA-2").
func (s *sent) isCodeName(k int) bool {
	if k < 0 || k >= len(s.toks) || s.taken[k] || s.toks[k].skip || !s.toks[k].word {
		return false
	}
	caps := 0
	for _, r := range s.toks[k].w {
		switch {
		case r >= 'A' && r <= 'Z':
			caps++
		case r >= '0' && r <= '9' || r == '-':
		default:
			return false
		}
	}
	return caps >= 2
}

var (
	// carriesRe: "{M} carries the {C} dust counter {J} and ...": the
	// object runs to the next mission or the end of the clause.
	carriesRe = pattern(`(‹M›)(?: [\w-]+){0,2}? (?:also )?(carries|carried|carry(?:ing)?|holds|includes|included|bears|took|takes) ([^;]*?)(?:, and (?:the )?\{M|;|$)`)
	// flyOnRe: "{J}, which flies on the {M}", "the {J} imager aboard {M}".
	flyOnRe = pattern(`(‹J›)[^{};]{0,40}?\b(?:on|aboard|on board) (?:the )?(‹M›)`)
	// missionOwnsRe: "the {M}'s {J}".
	missionOwnsRe = pattern(`(‹M›)(?:'s|’s) (?:[\w-]+ ){0,2}?(‹J›)`)
	// payloadOwnerRe: "{C} dust counter", "the {I}'s {J} imager", "{C}'s {J}".
	payloadOwnerRe = pattern(`(‹C›|‹I›)(?:'s|’s)? (?:[a-z-]+ ){0,3}?(‹J›|(?:instruments?|payloads?|detectors?|retroreflector|cameras?|cubesats?|spectrometer|analy[sz]er|radar|imager|magnetometer|seismometer|sensor|experiment|altimeter|telescope)\b)`)
)

// rulePayloads: instruments named on a mission are PART_OF it, and the
// countries and bodies that own them take part in it: "{M} carries the
// {C} dust counter {J}", "{J}, which flies on {M}", "the {M}'s {J}".
func rulePayloads(s *sent, r rule) {
	if containsAny(s.t.lower, carryFilter) {
		s.carriedPayloads(r)
	}
	if strings.Contains(s.t.s, "{J") {
		s.payloadsOn(r)
	}
}

// carryFilter holds the verbs of carriesRe.
var carryFilter = keys("carr|holds|includes|included|bears|took|takes")

// carriedPayloads: "{M} carries the {C} dust counter {J} and ...".
func (s *sent) carriedPayloads(r rule) {
	for _, loc := range s.findAll(carriesRe) {
		m := s.firstWithin(loc[2], loc[3], "M")
		if m == nil || s.modal(loc[4]) {
			continue
		}
		s.payloadSpan(r, m, loc[6], loc[7], "")
	}
}

// payloadsOn: "{J}, which flies on {M}", "the {M}'s {J}".
func (s *sent) payloadsOn(r rule) {
	for _, g := range s.groups(flyOnRe) {
		j, m := first(g[1]), first(g[2])
		if s.modal(s.ph(j).b + 1) {
			continue
		}
		date := s.dateRightAfter(m) // "flew on {M} in May"
		s.emitR(r, graph.PartOf, j, m, date, nil)
		a := s.ph(j).a
		s.payloadSpan(r, m, max(0, strings.LastIndexAny(s.t.s[:a], ",;(")+1), s.ph(j).b, date)
	}
	for _, g := range s.groups(missionOwnsRe) {
		s.emitR(r, graph.PartOf, first(g[2]), first(g[1]), "", nil)
	}
}

// dateRightAfter returns the date written right after a mention with
// "in" or "on" ("flew on {M} in May", "{M}, on 3 May"), or "" when
// another word comes first.
func (s *sent) dateRightAfter(m *mention) string {
	p := s.ph(m)
	if p.b < 0 {
		return ""
	}
	rest := s.t.s[p.b:]
	gap := len(rest) - len(strings.TrimLeft(rest, " ,"))
	if gap == 0 || gap > 2 {
		return ""
	}
	d := s.at(p.b + gap)
	if d == nil || d.kind != kindDate || d.date.Until != "" {
		return ""
	}
	if t := strings.ToLower(d.date.Text); strings.HasPrefix(t, "in ") || strings.HasPrefix(t, "on ") {
		return d.date.Value
	}
	return ""
}

// payloadSpan states, for the template span [a, b) that lists payloads of
// m, that each project is part of m (on date, when the flight has one)
// and each owner takes part in it.
func (s *sent) payloadSpan(r rule, m *mention, a, b int, date string) {
	for _, j := range s.within(a, b, "J") {
		s.emitR(r, graph.PartOf, j, m, date, nil)
	}
	if !s.admits(payloadOwnerRe, a, b) {
		return
	}
	for _, loc := range payloadOwnerRe.FindAllStringSubmatchIndex(s.t.s[a:b], -1) {
		if owner := s.firstWithin(a+loc[2], a+loc[3], "CI"); owner != nil {
			s.emitR(r, graph.ParticipatedIn, owner, m, "", nil)
		}
	}
}

var supplyRe = regexp.MustCompile(`(?i)\b(?:supplied|provided|contributed|delivered|helped to calibrate|helped calibrate|calibrated)\b`)

// ruleSupplied: "{I} supplied a camera for the {M}", "{I} helped to
// calibrate the {M}'s imager": the supplier takes part in the mission of
// the phrase, else of the entry's heading.
func ruleSupplied(s *sent, r rule) {
	if !s.admits(supplyRe, 0, len(s.t.s)) {
		return
	}
	for _, loc := range supplyRe.FindAllStringIndex(s.t.s, -1) {
		if s.modal(loc[0]) {
			continue
		}
		end := len(s.t.s)
		if k := strings.IndexAny(s.t.s[loc[1]:], ";"); k >= 0 {
			end = loc[1] + k
		}
		if k := strings.Index(s.t.s[loc[1]:end], ", and "); k >= 0 {
			end = loc[1] + k
		}
		obj := s.t.lower[loc[1]:end]
		if !hasPayloadNoun(obj) {
			continue
		}
		subj := s.subject(loc[0], "IC")
		if subj == nil {
			continue
		}
		if m := s.firstWithin(loc[1], end, "M"); m != nil {
			s.emitR(r, graph.ParticipatedIn, subj, m, "", nil)
		} else if s.x.topicMission != nil {
			s.x.emitEntities(r.name, r.conf, graph.ParticipatedIn, subj.ent, s.x.topicMission, "", nil, s.evidence())
		}
	}
}

// hasPayloadNoun reports whether a lower-case phrase names an instrument.
func hasPayloadNoun(phrase string) bool {
	for _, w := range strings.FieldsFunc(phrase, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		if payloadNouns[w] {
			return true
		}
	}
	return false
}

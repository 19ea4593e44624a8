package extract

import (
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// meetingNouns head unnamed events ("a bilateral meeting with ...").
var meetingNouns = set(`meeting meetings talks dialogue consultation consultations roundtable symposium
	seminar workshop videoconference conference ceremony forum session`)

var meetingVerbs = set("held hosted had co-chaired chaired convened organised organized")

// findUnnamedEvents finds "held a bilateral meeting with X": an event with
// no name, named later from its host and guest.
func (s *sent) findUnnamedEvents() {
	s.findMeetings()
	for i := 0; i+3 < len(s.toks); i++ {
		if !meetingVerbs[s.w(i)] || s.w(i+1) != "a" && s.w(i+1) != "an" {
			continue
		}
		for k := i + 2; k < len(s.toks) && k <= i+4; k++ {
			if s.taken[k] || s.toks[k].cap {
				break
			}
			if meetingNouns[s.w(k)] && s.w(k+1) == "with" && s.free(i+2, k+1) {
				gen := s.words(i+2, k+1)
				m := s.add(graph.Event, i+2, k+1, gen)
				m.untitled, m.gen = true, strings.ToUpper(gen[:1])+gen[1:]
				break
			}
		}
	}
}

// nameUntitled names the untitled agreements and events of the sentence
// from the parties that signed, hosted or took part: "Memorandum of
// Understanding between Clean and University of Chinese Academy of
// Sciences", "Bilateral meeting between NSFC and AAS". Those with no
// parties are dropped.
func (s *sent) nameUntitled() {
	for _, m := range s.ms {
		e := m.ent
		if e == nil || !e.untitled || m.ref || e.name != e.gen {
			continue
		}
		parties := s.partiesOf(e)
		if len(parties) == 0 {
			e.dropped = true
			continue
		}
		short, long, brief := make([]string, len(parties)), make([]string, len(parties)), make([]string, len(parties))
		for i, p := range parties {
			short[i], long[i], brief[i] = p.shortName(), p.longName(), p.briefName()
		}
		e.name = e.gen + " between " + joinAnd(brief)
		for _, n := range []string{joinAnd(short), joinAnd(long)} {
			e.addAlias(e.gen + " between " + n)
		}
		if e.acronym != "" {
			e.addAlias(e.acronym)
		}
		if e.kind == graph.Event && e.date == "" {
			e.date = s.eventDate(s.ph(m).a, nil)
		}
	}
}

// partiesOf returns the mentions of the sentence that signed, hosted or
// took part in e: institutions and countries first; the affiliation of a
// person stands for the person.
func (s *sent) partiesOf(e *entity) []*mention {
	var out []*mention
	seen := map[*entity]bool{}
	add := func(m *mention) {
		if m != nil && m.ent != nil && !seen[m.ent] {
			seen[m.ent] = true
			out = append(out, m)
		}
	}
	byEnt := map[*entity]*mention{}
	for _, m := range s.ms {
		if m.ent != nil && byEnt[m.ent] == nil {
			byEnt[m.ent] = m
		}
	}
	for _, m := range s.ms {
		if m.untitled && m.ent == e {
			for _, p := range m.parties {
				add(p)
			}
		}
	}
	for _, f := range s.x.edges {
		if f.to != e || f.evidence.Start != s.src.Start {
			continue
		}
		m := byEnt[f.from]
		if m != nil && m.kind == graph.Person && s.aff[m] != nil && s.aff[m].kind == graph.Institution {
			m = s.aff[m]
		}
		if m != nil && m.kind != graph.Person {
			add(m)
		}
	}
	if len(out) == 0 {
		for _, f := range s.x.edges {
			if f.to == e && f.evidence.Start == s.src.Start {
				add(byEnt[f.from])
			}
		}
	}
	return out
}

// joinAnd joins names as "A and B" or "A, B and C".
func joinAnd(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// findMeetings reads "A met B" (or "A met with B") as an unnamed meeting at
// the verb, named later from the parties.
func (s *sent) findMeetings() {
	for i := 1; i+1 < len(s.toks); i++ {
		if s.w(i) != "met" || s.taken[i] || !s.toks[i+1].cap && s.w(i+1) != "with" {
			continue
		}
		if modalWord[s.lower(i-1)] {
			continue
		}
		m := s.add(graph.Event, i, i+1, "Meeting")
		m.untitled, m.gen = true, "Meeting"
	}
}

var modalWord = set("will would to not never may might could should shall")

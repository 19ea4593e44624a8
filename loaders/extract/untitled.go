package extract

import (
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// meetingNouns head unnamed events ("a bilateral meeting with ...").
var meetingNouns = set(`meeting meetings talks dialogue consultation consultations roundtable symposium
	seminar workshop videoconference conference ceremony forum session`)

var meetingVerbs = set("held hosted had co-chaired chaired convened organised organized")

// meetingVerbFilter filters meetingVerbs.
var meetingVerbFilter = filterOf(meetingVerbs)

// findUnnamedEvents finds "held a bilateral meeting with X": an event with
// no name, named later from its host and guest.
func (s *sent) findUnnamedEvents() {
	s.findMeetings()
	s.findEventPhrases()
	s.findVisits()
	for i := 0; i+3 < len(s.toks); i++ {
		if w := s.w(i); !meetingVerbFilter.may(w) || !meetingVerbs[w] {
			continue
		}
		if s.w(i+1) == "their" || s.w(i+1) == "its" {
			s.ownMeeting(i + 2)
			continue
		}
		if s.w(i+1) != "a" && s.w(i+1) != "an" {
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
// Understanding between Orbitron and Peking University", "Bilateral
// meeting between NSFC and KNAS". Those with no parties are dropped.
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

// ownMeeting reads "held their customary informal meeting" (from token
// k, after the possessive) as an untitled event named later from those
// who took part.
func (s *sent) ownMeeting(k int) {
	j, ord, mods := s.eventModifiers(k)
	if ord != "" || j >= len(s.toks) || !meetingNouns[s.w(j)] || s.taken[j] || !s.free(k, j+1) {
		return
	}
	if len(mods) > 0 && (mods[0] == "customary" || mods[0] == "usual" || mods[0] == "regular") {
		mods = mods[1:]
	}
	gen := strings.Join(append(mods, s.w(j)), " ")
	m := s.add(graph.Event, k, j+1, gen)
	m.untitled, m.gen = true, strings.ToUpper(gen[:1])+gen[1:]
}

// eventDeterminers open a lower-case event phrase.
var eventDeterminers = set("a an the its their")

// findEventPhrases finds events named only by a lower-case phrase with an
// ordinal or a place: "their 9th meeting" (of the body the sentence names
// before it), "a two-day water forum in Lusaka". The phrase becomes the
// event's name ("9th meeting of ASEAN", "Water forum in Lusaka").
func (s *sent) findEventPhrases() {
	for i := 0; i+2 < len(s.toks); i++ {
		if w := s.toks[i].w; len(w) > 5 || w == "" || w[0]|0x20 != 'a' && w[0]|0x20 != 't' && w[0]|0x20 != 'i' {
			continue // not a determiner: skip the map lookup
		}
		det := s.lower(i)
		if !eventDeterminers[det] || s.taken[i] {
			continue
		}
		k, ord, mods := s.eventModifiers(i + 1)
		if k >= len(s.toks) || !meetingNouns[s.w(k)] || s.taken[k] || s.w(k+1) == "with" {
			continue
		}
		place, topic := -1, ""
		after := k + 1
		if t := s.topicEnd(after); (det == "a" || det == "an") && s.w(after) == "on" && t > after+1 {
			topic, after = s.words(after, t), t
			if s.w(after) == "held" {
				after++
			}
		}
		if (det == "a" || det == "an") && s.w(after) == "in" && after+1 < len(s.toks) && s.toks[after+1].cap {
			place = after + 1
		}
		if ord == "" && place < 0 {
			continue
		}
		name := strings.TrimSpace(strings.Join(append(append([]string{ord}, mods...), s.w(k)), " "))
		if topic != "" {
			name += " " + topic
		}
		m := s.add(graph.Event, i+1, k+1, "")
		if of := s.ownerAfter(k + 1); of != nil {
			name += " of the " + of.name
			m.parent = of
		} else if det == "its" || det == "their" {
			if owner := s.ownerBefore(i); owner != nil {
				name += " of " + capitalPrefix(owner.name)
				m.parent = owner
			}
		}
		if place >= 0 {
			name += " in " + s.placeAt(place)
		}
		m.name = strings.ToUpper(name[:1]) + name[1:]
	}
}

// eventModifiers reads the lower-case words between a determiner and an
// event noun: an ordinal ("12th", "third") and descriptive words; lengths
// such as "two-day" are left out. It returns the noun's index.
func (s *sent) eventModifiers(k int) (int, string, []string) {
	ord := ""
	var mods []string
	for start := k; k < len(s.toks) && k <= start+3; k++ {
		w := s.w(k)
		switch {
		case s.taken[k] || !s.toks[k].word || meetingNouns[w]:
			return k, ord, mods
		case isOrdinalWord(w):
			ord = w
		case s.toks[k].cap:
			return k, ord, mods
		case strings.HasSuffix(w, "-day") || strings.HasSuffix(w, "-week"):
		default:
			mods = append(mods, w)
		}
	}
	return k, ord, mods
}

// isOrdinalWord reports whether w is an ordinal: "third", "12th", "21st".
func isOrdinalWord(w string) bool {
	if ordinals[w] {
		return true
	}
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		for _, c := range w[:n-2] {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return false
}

// ownerBefore returns the nearest institution mentioned before token i
// that is the body whose meeting "its" or "their" refers to.
func (s *sent) ownerBefore(i int) *mention {
	var owner *mention
	for _, m := range s.ms {
		if m.kind == graph.Institution && m.j <= i {
			owner = m
		}
	}
	return owner
}

// ownerAfter returns the institution named right after token k-1 by "of
// (the)": "the 5th meeting of the Arctic Council".
func (s *sent) ownerAfter(k int) *mention {
	if s.w(k) != "of" {
		return nil
	}
	k++
	if s.w(k) == "the" {
		k++
	}
	for _, m := range s.ms {
		if m.i == k && m.kind == graph.Institution {
			return m
		}
	}
	return nil
}

// placeAt returns the name of the place at token k, registering a place
// mention for a capitalised run that no finder took ("a forum in Lusaka").
func (s *sent) placeAt(k int) string {
	for _, m := range s.ms {
		if m.i == k {
			return m.name
		}
	}
	j := k
	for j < len(s.toks) && s.toks[j].cap && !s.taken[j] && !capStop[s.w(j)] {
		j++
	}
	if j == k {
		return s.w(k)
	}
	name := s.words(k, j)
	s.add(graph.Place, k, j, name)
	return name
}

// capitalPrefix keeps the leading capitalised words of a name ("BRICS
// group" -> "BRICS").
func capitalPrefix(name string) string {
	words := strings.Fields(name)
	n := 0
	for n < len(words) && isUpperInitial(words[n]) {
		n++
	}
	if n == 0 {
		return name
	}
	return strings.Join(words[:n], " ")
}

// visitModifiers may stand before "visit" in a visit's name.
var visitModifiers = set("state official working first")

// findVisits finds "{P}'s state visit to {C}" and names the visit after
// the visitor and the destination: "State visit of Ana Lima to Peru".
func (s *sent) findVisits() {
	for _, p := range s.ms { // the mentions before the loop: add appends past them
		if p.kind != graph.Person || s.w(p.j) != "'s" && s.w(p.j) != "’s" {
			continue
		}
		k := p.j + 1
		for visitModifiers[s.w(k)] {
			k++
		}
		if s.w(k) != "visit" || s.w(k+1) != "to" || !s.free(p.j+1, k+1) {
			continue
		}
		d := k + 2
		if s.w(d) == "the" {
			d++
		}
		dest := s.mentionAt(d)
		if dest == nil || dest.kind != graph.Country && dest.kind != graph.Place {
			continue
		}
		gen := s.words(p.j+1, k+1)
		name := strings.ToUpper(gen[:1]) + gen[1:] + " of " + p.name + " to " + dest.name
		s.add(graph.Event, p.j+1, k+1, name)
	}
}

// mentionAt returns the top-level mention starting at token k, or nil.
func (s *sent) mentionAt(k int) *mention {
	for _, m := range s.ms {
		if m.i == k {
			return m
		}
	}
	return nil
}

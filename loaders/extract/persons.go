package extract

import (
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// findPersons finds personal names: after an honorific ("Prof. Liu
// Jianguo"), after a title ("President Ana Costa", "Minister of Research
// and Innovation Li Wei"), after "Title of <organisation>," ("Deputy
// Director of X, Li Wei"), before an apposition with a title ("Zhao
// Xiaoming, President of ..."), after "according to", before "said", and
// any Chinese name shape (a common surname and a romanised Mandarin given name).
func (s *sent) findPersons() {
	for i := 0; i < len(s.toks); i++ {
		if s.taken[i] || !s.nameWord(i) {
			continue
		}
		j := s.nameEnd(i)
		if ok, from := s.personCue(i, j); ok {
			i = from
			j = s.nameEnd(i)
			if j-i > 3 && !s.anyWord(i, j, nameParticles) {
				j = i + 3
			}
			if j-i >= 2 || j-i == 1 && s.honorificBefore(i) && s.knownSurname(s.w(i)) {
				s.add(graph.Person, i, j, s.words(i, j))
			}
			i = j - 1
		}
	}
}

// nameWord reports whether token i can be part of a personal name.
func (s *sent) nameWord(i int) bool {
	t := s.toks[i]
	if !t.cap || !t.word || len(t.w) < 2 ||
		lex[t.w]&(fCapStop|fCelestial|fMonth|fTitle|fHonorific|fOrgHead|fModifier) != 0 || isAcronym(t.w) {
		return false
	}
	for _, r := range t.w {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// nameEnd returns the end of the run of name words starting at i.
func (s *sent) nameEnd(i int) int {
	j := i
	for j < len(s.toks) && !s.taken[j] && (s.nameWord(j) || nameParticles[s.w(j)] && j > i && j+1 < len(s.toks) && s.nameWord(j+1)) {
		j++
	}
	return j
}

// nameParticles join the parts of Arabic and other names ("Abdullah bin
// Mohammed Al Hamed").
var nameParticles = set("bin bint ibn Al al Abu abu El el de da van von der")

// personCue decides whether the name run [i, j) is a person, and where the
// name starts in it (a title such as "Minister of Science and Technology"
// may open the run).
func (s *sent) personCue(i, j int) (bool, int) {
	if k := s.afterField(i, j); k > i {
		return j-k >= 2 && s.titleBefore(i), k
	}
	switch {
	case s.honorificBefore(i), s.titleBefore(i) && j-i >= 2, s.afterTitleOf(i) && j-i >= 2:
		return true, i
	case j-i >= 2 && j-i <= 3 && s.titleAfter(j):
		return true, i
	case j-i >= 2 && s.chineseName(i):
		return true, i
	case j-i >= 2 && j-i <= 3 && s.lower(i-1) != "the" && (s.lower(i-1) == "to" && s.lower(i-2) == "according" || saidVerbs[s.w(j)]):
		return true, i
	}
	return false, i
}

var saidVerbs = set("said says stated told noted added explained announced remarked commented")

func (s *sent) lower(i int) string { return s.x.lowerWord(s.w(i)) }

// afterField skips the field words of a title at the start of a run
// ("Research and Innovation Ana Costa" after "Minister of")
// and returns where the name starts, or i when the run does not start with
// field words.
func (s *sent) afterField(i, j int) int {
	if !fieldWords[s.w(i)] || !s.titleBefore(i) {
		return i
	}
	k := i
	for k < len(s.toks) {
		w := s.w(k)
		if fieldWords[w] || (w == "and" || w == ",") && fieldWords[s.w(k+1)] {
			k++
			continue
		}
		break
	}
	if k == i {
		return i
	}
	return k
}

// honorificBefore reports whether "Prof.", "Dr", "Ms." and the like precede i.
func (s *sent) honorificBefore(i int) bool {
	k := i - 1
	if s.w(k) == "." {
		k--
	}
	return honorifics[s.w(k)]
}

// titleBefore reports whether a title ends right before i: "President",
// "Minister of Science and Technology", "CEO of".
func (s *sent) titleBefore(i int) bool {
	k := i - 1
	for k >= 0 && (fieldWords[s.w(k)] || s.w(k) == "and" || s.w(k) == "," || s.w(k) == "of" || s.w(k) == "for") {
		k--
	}
	return k >= 0 && titleHeads[s.w(k)] && !s.taken[k]
}

// afterTitleOf reports whether "Title of (the) <organisation or
// country>(,)" precedes i: "CEO of Orbitron Lars Holm", "Deputy
// Director of X, Li Wei".
func (s *sent) afterTitleOf(i int) bool {
	k := i - 1
	if s.w(k) == "," {
		k--
	}
	m := s.mentionEndingAt(k)
	if m == nil || m.kind != graph.Institution && m.kind != graph.Country {
		return false
	}
	k = m.i - 1
	if s.w(k) == "the" {
		k--
	}
	if s.w(k) != "of" {
		return false
	}
	for k--; k >= 0 && (fieldWords[s.w(k)] || s.w(k) == "and" || s.w(k) == "," || s.w(k) == "of"); k-- {
	}
	return k >= 0 && (titleHeads[s.w(k)] || titleHeads[s.lower(k)])
}

// mentionEndingAt returns the top-level mention whose last token is k
// (acronym parentheses after it allowed).
func (s *sent) mentionEndingAt(k int) *mention {
	k = s.prev(k)
	for _, m := range s.ms {
		if s.prev(m.j-1) == k {
			return m
		}
	}
	return nil
}

// titleAfter reports whether ", (a|an|the) Title" follows j.
func (s *sent) titleAfter(j int) bool {
	if s.w(j) != "," {
		return false
	}
	k := j + 1
	if s.w(k) == "a" || s.w(k) == "an" || s.w(k) == "the" {
		k++
	} else if s.w(k+1) == "'s" {
		k += 2
	}
	for n := 0; n < 3 && k < len(s.toks); n, k = n+1, k+1 {
		if titleHeads[s.w(k)] {
			return true
		}
		if !titleModifiers[s.w(k)] {
			return false
		}
	}
	return false
}

// chineseName reports whether tokens i, i+1 are a Chinese surname and a
// romanised Mandarin given name.
func (s *sent) chineseName(i int) bool {
	first, given := s.w(i), s.w(i+1)
	if fieldWords[given] || !isMandarinName(given) {
		return false
	}
	return chineseSurnames[first] || len(first) <= 5 && isMandarinName(first) && twoSyllables(given)
}

// twoSyllables reports whether a capitalised romanised Mandarin word has exactly two
// syllables ("Zhongde"), the commonest shape of a given name.
func twoSyllables(w string) bool {
	l := strings.ToLower(w)
	return len(l) >= 4 && !syllableSplit(l, 1) && syllableSplit(l, 2)
}

// knownSurname reports whether a one-word name after an honorific is the
// surname of a person the document knows.
func (s *sent) knownSurname(w string) bool {
	for _, e := range s.x.reg.ents {
		if e.kind == graph.Person && strings.Contains(" "+e.name+" ", " "+w+" ") {
			return true
		}
	}
	return false
}

// refHeads are the nouns of definite descriptions that refer back to an
// entity: "the meeting", "the academy", "the mission".
var (
	eventRefs     = set("meeting event ceremony summit conference forum talks visit session congress workshop symposium dialogue")
	instRefs      = set("academy foundation agency ministry university institute centre center administration organization organisation observatory council commission cluster society association")
	agreementRefs = set("agreement memorandum declaration plan accord treaty")
	missionRefs   = set("mission probe spacecraft lander rover orbiter launch satellite")
)

// findReferences resolves definite descriptions ("the meeting", "the
// academy") to the latest fitting entity, and finds untitled agreements
// ("an agreement", "a memorandum of understanding").
func (s *sent) findReferences() {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.taken[i+1] || s.toks[i+1].cap && !agreementNouns[s.w(i+1)] {
			continue
		}
		if i == 0 && (s.w(0) == "He" || s.w(0) == "She") && !s.taken[0] {
			s.ref(0, s.x.lastPerson())
		}
		if s.pairRef(i) {
			continue
		}
		if i == 0 && s.w(0) == "It" && !s.taken[0] && s.x.curEvent != nil && (s.w(1) == "was" || s.w(1) == "is") && eventPassives[s.w(2)] {
			s.ref(0, s.x.curEvent)
		}
		if s.toks[i].cap && !s.taken[i] && !s.toks[i+1].cap && s.x.bySurname(s.w(i)) != nil && !capStop[s.w(i)] {
			s.ref(i, s.x.bySurname(s.w(i)))
			continue
		}
		det, w := s.determinerAt(i), s.w(i+1)
		if det == "the" && !eventRefs[w] && s.x.curEvent != nil {
			for k := i + 2; k <= i+3 && k < len(s.toks); k++ {
				if eventRefs[s.w(k)] && s.free(i+1, k+1) && !s.hasCap(i+1, k) {
					s.ref(k, s.x.curEvent)
					break
				}
			}
		}
		switch {
		case det == "the" && eventRefs[w] && s.x.curEvent != nil:
			s.ref(i+1, s.x.curEvent)
		case det == "the" && instRefs[w]:
			s.ref(i+1, s.x.lastInstitution(w))
		case det == "the" && missionRefs[w] && w != "satellite" && w != "launch" && s.x.topicMission != nil:
			s.ref(i+1, s.x.topicMission)
		case det == "the" && payloadNouns[w] && !strings.HasSuffix(w, "s") && !s.toks[i+1].cap:
			s.ref(i+1, s.x.last(graph.Project))
		case det == "the" && missionRefs[w]:
			s.ref(i+1, s.x.last(graph.Mission))
		case (det == "the" || det == "this") && agreementRefs[w] && s.w(i+2) != "between":
			s.ref(i+1, s.x.last(graph.Agreement))
		case (det == "a" || det == "an") && agreementAdjectives[w] && jointTextNouns[s.w(i+2)] && s.free(i+1, i+3):
			gen := strings.ToUpper(w[:1]) + w[1:] + " " + strings.ToUpper(s.w(i + 2)[:1]) + s.w(i + 2)[1:]
			if j := s.topicEnd(i + 3); j > i+4 {
				s.add(graph.Agreement, i+1, j, gen+" "+s.words(i+3, j))
				break
			}
			m := s.add(graph.Agreement, i+1, i+3, gen)
			m.untitled, m.gen = true, gen
		case w == "memoranda" && s.w(i+2) == "of" && s.w(i+3) == "understanding" && s.free(i+1, i+4):
			m := s.add(graph.Agreement, i+1, i+4, "Memoranda of Understanding")
			m.untitled, m.gen = true, "Memoranda of Understanding"
		case agreementNouns[w] && (det == "a" || det == "an" || det == "the" || det == "framework" || det == "cooperation"):
			m := s.add(graph.Agreement, i+1, i+2, "Agreement")
			m.untitled, m.gen = true, "Agreement"
			if strings.EqualFold(w, "mou") || w == "memorandum" {
				m.gen = "Memorandum of Understanding"
			}
		}
	}
}

// determiners are the words before a reference that findReferences reads.
var determiners = []string{"the", "a", "an", "this", "framework", "cooperation"}

// determinerAt returns token i in lower case when it is one of
// determiners, else "".
func (s *sent) determinerAt(i int) string {
	w := s.w(i)
	if w == "" {
		return ""
	}
	if c := w[0] | 0x20; c != 't' && c != 'a' && c != 'f' && c != 'c' {
		return "" // no determiner starts so
	}
	for _, d := range determiners {
		if len(w) == len(d) && strings.EqualFold(w, d) {
			return d
		}
	}
	return ""
}

// topicEnd returns the end of the topic phrase that starts at token k
// with "on", "for" or "against" ("on ocean data sharing"), k when there
// is none. The phrase stops at punctuation, a capitalised word after the
// first, or a clause word.
func (s *sent) topicEnd(k int) int {
	if w := s.w(k); w != "on" && w != "for" && w != "against" {
		return k
	}
	j := k + 1
	for j < len(s.toks) && j-k <= 8 && s.toks[j].word && !s.taken[j] && !topicStops[s.w(j)] {
		j++
	}
	return j
}

// topicStops end a topic phrase.
var topicStops = set("in that which who was were is are signed adopted at by with between held")

// pairNouns follow "the two" or "both" when they mean two countries.
var pairNouns = set("governments countries sides nations")

// pairRef reads "the two governments" or "both sides" as the entry's two
// latest countries when it names exactly two: each of the two words
// refers to one of them.
func (s *sent) pairRef(i int) bool {
	k := i + 1
	if s.w(k) == "two" && strings.EqualFold(s.w(i), "the") {
		k++
	} else if !strings.EqualFold(s.w(i), "both") {
		return false
	}
	if !pairNouns[s.w(k)] || !s.free(k-1, k+1) || len(s.x.countries) != 2 {
		return false
	}
	s.ref(k-1, s.x.countries[0])
	s.ref(k, s.x.countries[1])
	return true
}

// eventPassives follow "It was" when "it" is the entry's event.
var eventPassives = set("hosted co-hosted organised organized co-organised co-organized held opened attended chaired convened")

// agreementAdjectives and jointTextNouns make untitled texts such as "a
// joint declaration" or "a bilateral agreement".
var (
	agreementAdjectives = set("joint bilateral trilateral multilateral new framework cooperation strategic")
	jointTextNouns      = set("agreement declaration statement communique memorandum accord protocol plan")
)

// ref adds a reference mention to e at token i.
func (s *sent) ref(i int, e *entity) {
	if e == nil {
		return
	}
	m := s.add(e.kind, i, i+1, e.name)
	m.ent, m.ref = e, true
}

// hasCap reports whether a capitalised word is among tokens [i, j).
func (s *sent) hasCap(i, j int) bool {
	for k := i; k < j; k++ {
		if s.toks[k].cap {
			return true
		}
	}
	return false
}

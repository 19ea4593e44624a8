package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/gazetteer"
)

// findMentions runs the mention finders in priority order: earlier finders
// take their tokens first, so a longer, more specific name wins ("Beijing
// Declaration" over "Beijing").
func (s *sent) findMentions() {
	s.findDates()
	s.findParentheses()
	s.findEvents()
	s.findAgreements()
	s.findInstitutions()
	s.extendDashNames()
	s.findKnown()
	s.findAppositiveInstitutions()
	s.findDescribedInstitutions()
	s.findBodies()
	s.findMissions()
	s.findAppositiveMissions()
	s.findCountries()
	s.findPlaces()
	s.findProjects()
	s.findPayloadNames()
	s.findNamedProjects()
	s.findPersons()
	s.findWeakHeadedOf()
	s.findSessions()
	s.findUnnamedEvents()
	s.findReferences()
	s.findNestedNames()
	s.sortMentions()
}

// findDates marks the date phrases of the sentence (package review).
func (s *sent) findDates() {
	for _, d := range s.dates {
		i, j, ok := s.tokenRange(d.Start, d.End)
		if !ok || !s.free(i, j) {
			continue
		}
		m := s.add(kindDate, i, j, d.Text)
		m.date = d
	}
}

// findParentheses reads "(ACR)" after a name as an acronym definition and
// "(the Long Name)" after an acronym as its expansion; both are skipped by
// the other finders so that "the China and ORBIS (the ...) Forum" reads as
// one name.
func (s *sent) findParentheses() {
	for i := 0; i < len(s.toks); i++ {
		if s.toks[i].w != "(" {
			continue
		}
		j := i + 1
		for j < len(s.toks) && s.toks[j].w != ")" && s.toks[j].w != "(" {
			j++
		}
		if j >= len(s.toks) || s.toks[j].w != ")" || j == i+1 {
			continue
		}
		inner := s.toks[i+1 : j]
		switch {
		case len(inner) == 1 && isAcronym(inner[0].w):
			s.acrAt[i] = inner[0].w
		case i > 0 && isAcronym(s.toks[i-1].w) && inner[0].w == "the" || i > 0 && isAcronym(s.toks[i-1].w) && inner[0].cap && len(inner) >= 2:
			s.expAt[i] = s.words(i+1, j)
			if inner[0].w == "the" {
				s.expAt[i] = s.words(i+2, j)
			}
		default:
			continue
		}
		for k := i; k <= j; k++ {
			s.toks[k].skip = true
			s.taken[k] = true
		}
		i = j
	}
}

// findKnown marks names the document has already introduced: acronyms
// ("the IGRC"), short names ("Orbitron"), persons.
func (s *sent) findKnown() {
	for i := 0; i < len(s.toks); i++ {
		if s.taken[i] {
			continue
		}
		f, j, ok := s.x.reg.match(s.toks, i)
		if !ok || !s.free(i, j) || f.ent.kind == graph.Country {
			continue
		}
		m := s.add(f.ent.kind, i, j, s.words(i, j))
		m.ent = f.ent
		i = j - 1
	}
}

// leftRun extends a name leftwards from token i over capitalised words,
// ordinals and years, and "and" between capitalised words; it stops at
// taken tokens, titles and words such as "The".
func (s *sent) leftRun(i int, ordinalsOK bool) int {
	l := i
	for l > 0 {
		k := s.prev(l - 1)
		if k < 0 || s.taken[k] && !s.toks[k].skip {
			break
		}
		t := s.toks[k]
		switch {
		case t.cap && !capStop[t.w] && !titleHeads[t.w] && !honorifics[t.w] && !t.skip:
			l = k
		case ordinalsOK && (isOrdinalWord(t.w) || isYear(t.w)):
			l = k
		case (t.w == "and" || t.w == "&") && k > 0 && s.toks[k-1].cap && !s.taken[k-1] &&
			!capStop[s.toks[k-1].w] && !isAcronym(s.toks[k-1].w) && !isHead(s.toks[k-1].w):
			l = k
		default:
			return s.next(l)
		}
	}
	return l
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w[0] == '1' || w[0] == '2'
}

// rightRun extends a name rightwards from token i when it is "of", "for"
// or "on" followed by capitalised words ("Institute of Automation"). With
// stopAtOrg, "and" before another organisation ends the run ("X Institutes
// and Y University" are two names). It returns the index after the name.
func (s *sent) rightRun(i int, preps map[string]bool, stopAtOrg bool) int {
	if i >= len(s.toks) || !preps[s.x.lowerWord(s.toks[i].w)] || s.taken[i] {
		return i
	}
	j := i + 1
	if s.w(j) == "the" {
		j++
	}
	k := j
	for k < len(s.toks) {
		t := s.toks[k]
		if t.skip {
			k++
			continue
		}
		if s.taken[k] || s.personStarts(k) {
			break
		}
		if t.cap && lex[t.w]&(fCapStop|fTitle) == 0 || isYear(t.w) && k > j {
			k++
			continue
		}
		if nameConnectors[t.w] && s.capAfter(k+1) {
			if t.w == "and" && stopAtOrg && (s.runHasHead(k+1) || s.w(k+1) == "the" || isAcronym(s.w(k+1)) ||
				s.x.isCountry(s.w(k+1)) || s.w(k+2) == "'s") {
				break
			}
			k++
			continue
		}
		if t.w == "," && fieldWords[s.w(k+1)] && s.fieldListAhead(k+1) {
			k++
			continue
		}
		break
	}
	for k > j && (nameConnectors[s.toks[k-1].w] || s.toks[k-1].skip) {
		k--
	}
	if k == j {
		return i
	}
	return k
}

// capAfter reports whether a capitalised word follows at k (after "the").
func (s *sent) capAfter(k int) bool {
	k = s.next(k)
	if s.w(k) == "the" {
		k++
	}
	return k < len(s.toks) && s.toks[k].cap && !s.taken[k] && !capStop[s.toks[k].w]
}

// runHasHead reports whether the capitalised run at k contains an
// organisation head.
func (s *sent) runHasHead(k int) bool {
	for ; k < len(s.toks) && (s.toks[k].cap || s.toks[k].w == "the"); k++ {
		if orgHeads[s.toks[k].w] {
			return true
		}
	}
	return false
}

// personStarts reports whether a Chinese personal name starts at k, which
// ends organisation names ("... Academy of Sciences Hou Jianguo").
func (s *sent) personStarts(k int) bool {
	return k+1 < len(s.toks) && s.toks[k].cap && chineseSurnames[s.toks[k].w] && s.toks[k+1].cap && isMandarinName(s.toks[k+1].w) &&
		!orgHeads[s.toks[k+1].w] && !fieldWords[s.toks[k+1].w]
}

// count returns the number of non-skipped tokens in [i, j).
func (s *sent) count(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if !s.toks[k].skip {
			n++
		}
	}
	return n
}

var ofPreps = set("of for on")

// findEvents finds named events: "Third Ministerial Meeting of the X
// Forum", "China-Kenya Ocean Science Day", "2024 Zhongguancun Forum".
// The organisation after "of" is a nested institution the event is part of.
func (s *sent) findEvents() {
	for i, t := range s.toks {
		if !t.cap || !eventHeads[t.w] || s.taken[i] {
			continue
		}
		l := s.leftRun(i, true)
		r := s.rightRun(i+1, ofPreps, false)
		if s.count(l, r) < 2 || !s.free(l, r) || s.hasLower(l, i) {
			continue
		}
		if t.w == "Congress" && i-l == 1 && s.x.isCountry(s.w(l)) {
			continue // a legislature ("US Congress"), not a meeting
		}
		m := s.add(graph.Event, l, r, s.words(l, r))
		if r > i+1 {
			s.eventParent(m, i+1, r)
		}
	}
	s.findForumEvents()
}

// hasLower reports whether [i, j) holds a lower-case word other than "and".
func (s *sent) hasLower(i, j int) bool {
	for k := i; k < j; k++ {
		t := s.toks[k]
		if t.word && !t.cap && !t.skip && t.w != "and" && !isOrdinalWord(t.w) && !isYear(t.w) {
			return true
		}
	}
	return false
}

// eventParent reads the organisation after "of (the)" in an event name.
func (s *sent) eventParent(ev *mention, i, r int) {
	j := i + 1
	if s.w(j) == "the" {
		j++
	}
	if j >= r || !orgHeads[s.toks[r-1].w] && !orgHeads[s.toks[j].w] {
		return
	}
	p := s.addNested(graph.Institution, j, r, s.words(j, r))
	ev.parent = p
}

// findForumEvents turns a forum name with an ordinal or a year ("the third
// Belt and Road Forum") into an event.
func (s *sent) findForumEvents() {
	for i, t := range s.toks {
		if t.w != "Forum" || s.taken[i] {
			continue
		}
		l := s.leftRun(i, true)
		if l > 0 && (ordinals[s.w(l-1)] || isYear(s.w(l-1))) {
			l--
		}
		if !ordinals[s.w(l)] && !isYear(s.w(l)) && s.w(i+1) != "session" {
			continue
		}
		r := s.rightRun(i+1, ofPreps, false)
		if s.free(l, r) && s.count(l, r) >= 2 {
			s.add(graph.Event, l, r, s.words(l, r))
		}
	}
}

var agreementPreps = set("of for on in between regarding concerning")

// findAgreements finds titled agreements ("Memorandum of Understanding on
// X", "Nairobi Declaration", "Joint Action Plan for X (2025-2027)") and
// untitled ones ("a Memorandum of Understanding (MoU)").
func (s *sent) findAgreements() {
	for i := 0; i < len(s.toks); i++ {
		if s.taken[i] {
			continue
		}
		if j, ok := s.memorandumAt(i); ok {
			i = s.addMemorandum(i, j) - 1
			continue
		}
		t := s.toks[i]
		if !t.cap || t.w == "Memorandum" {
			continue
		}
		if head := agreementHeads[t.w] || t.w == "Plan" && planQualifiers[s.w(i-1)]; !head {
			continue
		}
		if weakAgreementHeads[t.w] && !s.signVerbBefore(i) {
			continue
		}
		l := s.leftRun(i, false)
		r := s.rightRun(i+1, agreementPreps, false)
		for r > i+1 && r+1 < len(s.toks) && titleLinks[s.w(r)] && s.capAfter(r+1) {
			next := s.titleRunAfter(r + 1)
			if next == r+1 {
				break
			}
			r = next
		}
		if s.count(l, r) < 2 || !s.free(l, r) {
			continue
		}
		if p := s.periodAfter(r); p > r {
			s.dropDates(r, p)
			r = p
		} else if (s.w(r) == "for" || s.w(r) == "in") && len(s.w(r+1)) >= 4 && isYear(s.w(r + 1)[:4]) {
			s.dropDates(r+1, r+2)
			r += 2
		}
		s.add(graph.Agreement, l, r, s.words(l, r))
		i = r - 1
	}
}

// memorandumAt matches "Memorandum of Understanding" (any case) at i.
func (s *sent) memorandumAt(i int) (int, bool) {
	if !strings.EqualFold(s.w(i), "memorandum") || !strings.EqualFold(s.w(i+1), "of") ||
		!strings.EqualFold(s.w(i+2), "understanding") {
		return i, false
	}
	return i + 3, true
}

// addMemorandum adds a memorandum, titled when "on/for X" follows, and
// returns the index after it.
func (s *sent) addMemorandum(i, j int) int {
	k := s.next(j)
	acr := s.acrAt[s.prev(k-1)]
	if a, ok := s.acrAt[j]; ok {
		acr = a
	}
	r := k
	if s.w(k) != "between" {
		r = s.rightRun(k, topicPreps, false)
	}
	if r > k {
		m := s.add(graph.Agreement, i, r, "Memorandum of Understanding "+s.words(k, r))
		m.acr = acr
		return r
	}
	m := s.add(graph.Agreement, i, j, "Memorandum of Understanding")
	m.untitled, m.gen, m.acr = true, "Memorandum of Understanding", acr
	return j
}

// topicPreps open the topic of a memorandum ("on", "for").
var topicPreps = set("on for regarding concerning")

// signVerbBefore reports whether a sign verb occurs shortly before i.
func (s *sent) signVerbBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if signVerbs[s.lower(k)] != "" || s.w(k) == "ratified" {
			return true
		}
	}
	return false
}

// periodAfter extends an agreement title over up to three lower-case words
// when a period in parentheses follows ("... in Key areas (2025-2027)").
func (s *sent) periodAfter(r int) int {
	for k := r; k < len(s.toks) && k <= r+4; k++ {
		if s.w(k) == "(" && len(s.w(k+1)) >= 4 && isYear(s.w(k + 1)[:4]) {
			end := k + 2
			for end < len(s.toks) && s.w(end) != ")" && end < k+6 {
				end++
			}
			if s.w(end) == ")" {
				return end + 1
			}
			return r
		}
		if !s.toks[k].word {
			return r
		}
	}
	return r
}

// findInstitutions finds organisation names by their heads: "Ministry of
// X", "X Academy of Sciences", "University of X", "X Institute(s) of Y",
// "X Administration", "X Foundation", "X Center" and the like. "A of the
// B" where both are organisations gives two mentions, A part of B.
func (s *sent) findInstitutions() {
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if !t.cap || lex[t.w]&fOrgHead == 0 || s.taken[i] || i+1 < len(s.toks) && s.toks[i+1].cap && orgHeads[s.w(i+1)] {
			continue
		}
		l := s.leftAfterPerson(s.leftRun(i, false), i)
		var parent *mention
		if b := s.bodyEndingAt(l); b >= 0 && l < i {
			parent = s.addNested(graph.Institution, b, l+1, s.words(b, l+1))
			l = b
		}
		r := s.rightRun(i+1, ofPreps, true)
		if s.count(l, r) < 2 || !s.free(l, r) || weakOrgHeads[t.w] && l == i && !s.ofBody(i+1, r) {
			continue
		}
		if s.isPlaceName(l, r) {
			continue
		}
		if parent != nil {
			s.add(graph.Institution, l, r, s.words(l, r)).parent = parent
		} else if weakOrgHeads[t.w] && l == i {
			s.addWeakHeaded(i, r)
		} else {
			s.addInstitution(l, r)
		}
		i = r - 1
	}
}

// addWeakHeaded adds "Secretariat of the X" as a body that is part of X;
// an acronym defined after the phrase belongs to X.
func (s *sent) addWeakHeaded(i, r int) {
	p := i + 2
	if s.w(p) == "the" {
		p++
	}
	parent := s.addInstitution(p, r)
	s.add(graph.Institution, i, i+1, s.w(i)+" of the "+parent.name).parent = parent
}

// findWeakHeadedOf finds "the Secretariat of the X" when X was already
// found as a body: the weak head names a body that is part of X.
func (s *sent) findWeakHeadedOf() {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.taken[i] || !s.toks[i].cap || !weakOrgHeads[s.w(i)] {
			continue
		}
		if of := s.ownerAfter(i + 1); of != nil {
			m := s.add(graph.Institution, i, i+1, s.w(i)+" of the "+of.name)
			m.parent = of
		}
	}
}

// sessionHeads are the heads of standing bodies that meet in numbered
// sessions.
var sessionHeads = set("Forum Conference Congress Assembly Dialogue Summit Meeting")

// findSessions reads an ordinal before a standing forum ("the 8th Forum on
// Ocean Science") as one session of it: an event that is part of the
// forum.
func (s *sent) findSessions() {
	for _, m := range s.ms {
		k := m.i - 1
		if m.kind != graph.Institution || k < 0 || s.taken[k] || !isOrdinalWord(s.w(k)) || !s.hasSessionHead(m) {
			continue
		}
		forum := s.addNested(graph.Institution, m.i, m.j, m.name)
		forum.acr = m.acr
		m.kind, m.parent, m.acr = graph.Event, forum, ""
		m.i, m.s, m.name = k, s.toks[k].s, s.w(k)+" "+m.name
		s.taken[k] = true
	}
}

// hasSessionHead reports whether a body's name has a session head.
func (s *sent) hasSessionHead(m *mention) bool {
	for t := m.i; t < m.j; t++ {
		if sessionHeads[s.w(t)] {
			return true
		}
	}
	return false
}

// ofBody reports whether tokens [k, r) read "of (the) <organisation>":
// a weak head such as "Secretariat" then names a body of its own.
func (s *sent) ofBody(k, r int) bool {
	if s.w(k) != "of" || r <= k+2 {
		return false
	}
	for t := k + 1; t < r; t++ {
		if orgHeads[s.w(t)] {
			return true
		}
	}
	return false
}

// extendDashNames reads a place written after a spaced dash as part of an
// institution's name: "Ministry of Water - Kigali" names one body.
func (s *sent) extendDashNames() {
	for _, m := range s.ms {
		k := m.j
		if m.kind != graph.Institution || s.w(k) != "-" || k+1 >= len(s.toks) ||
			s.toks[k].s == s.toks[k-1].e || s.toks[k+1].s == s.toks[k].e {
			continue
		}
		j := k + 1
		for j < len(s.toks) && j-k <= 3 && s.toks[j].cap && s.toks[j].word && !s.taken[j] && !orgHeads[s.w(j)] {
			j++
		}
		if j == k+1 || j < len(s.toks) && s.toks[j].cap && s.toks[j].word {
			continue
		}
		for t := k; t < j; t++ {
			s.taken[t] = true
		}
		m.name += " - " + s.words(k+1, j)
		m.j, m.e = j, s.toks[j-1].e
	}
}

// isPlaceName reports whether [l, r) is a site rather than an
// organisation ("Jiuquan Satellite Launch Center").
func (s *sent) isPlaceName(l, r int) bool {
	for _, suf := range placeSuffixes {
		if k := r - len(suf); k > l {
			if _, ok := matchWords(s.toks, k, suf); ok {
				return true
			}
		}
	}
	return false
}

// addInstitution adds the institution [l, r), split at "of (the)" when
// both sides are organisations, with an acronym prefix ("CNSA Lunar ...
// Center") read as the parent.
func (s *sent) addInstitution(l, r int) *mention {
	if k, p := s.splitOf(l, r); k > 0 {
		child := s.add(graph.Institution, l, k, s.words(l, k))
		child.aliases = append(child.aliases, s.words(l, r))
		parent := s.addInstitution(p, r)
		child.parent = parent
		if a, ok := s.acrAt[r]; ok {
			child.acr, parent.noAcr = a, true
		}
		return child
	}
	m := s.add(graph.Institution, l, r, s.words(l, r))
	if b := s.bodyStartingAt(l, r); b > l {
		m.parent = s.addNested(graph.Institution, l, b, s.words(l, b))
		return m
	}
	if isAcronym(s.toks[l].w) && r-l >= 3 && !s.x.isCountry(s.toks[l].w) {
		m.parent = s.addNested(graph.Institution, l, l+1, s.toks[l].w)
		m.aliases = append(m.aliases, s.words(l+1, r))
	}
	return m
}

// splitOf finds "of (the)" in [l, r) with a complete organisation name
// before it and an organisation after it. It returns the index of "of" and
// the start of the parent, or 0.
func (s *sent) splitOf(l, r int) (int, int) {
	for k := l + 2; k < r-1; k++ {
		if s.toks[k].w != "of" {
			continue
		}
		p := k + 1
		if s.w(p) == "the" {
			p++
		}
		if s.bodyStartingAt(l, r) > k {
			continue // "of" inside a known name: "Chinese Academy of Sciences X Center"
		}
		if s.headIn(l, k) && s.count(l, k) >= 2 && (s.headIn(p, r) || s.x.isBody(s.words(p, r)) || s.isKnownAcronym(p, r)) && !s.x.isCountry(s.words(p, r)) {
			return k, p
		}
	}
	return 0, 0
}

// headIn reports whether an organisation head is among tokens [i, j).
func (s *sent) headIn(i, j int) bool {
	for k := i; k < j; k++ {
		if orgHeads[s.toks[k].w] {
			return true
		}
	}
	return false
}

// apposNouns name organisations in an apposition: "Orbitron, a Norwegian space
// company for ...", "Azercosmos, Azerbaijan's space agency".
var apposNouns = set(`cluster company firm startup start-up organisation organization institute agency
	association consortium network foundation university laboratory lab operator developer
	manufacturer maker group alliance carrier body centre center academy council`)

// findAppositiveInstitutions finds capitalised names followed by an
// apposition that says what kind of organisation they are.
func (s *sent) findAppositiveInstitutions() {
	for i := 0; i+3 < len(s.toks); i++ {
		if s.taken[i] || !s.toks[i].cap || capStop[s.toks[i].w] || s.w(i+1) != "," {
			continue
		}
		if !s.apposIsOrg(i + 2) {
			continue
		}
		l := i
		for l > 0 && s.toks[l-1].cap && !s.taken[l-1] && !capStop[s.toks[l-1].w] && i-l < 3 {
			l--
		}
		s.add(graph.Institution, l, i+1, s.words(l, i+1))
	}
}

// apposIsOrg reports whether the apposition at k ("a Norwegian space
// company", "Azerbaijan's space agency") ends in an organisation noun.
func (s *sent) apposIsOrg(k int) bool {
	switch {
	case s.w(k) == "a" || s.w(k) == "an":
		k++
	case s.w(k+1) == "'s":
		k += 2
	default:
		return false
	}
	for n := 0; n < 5 && k < len(s.toks); n, k = n+1, k+1 {
		w := s.toks[k].w
		if apposNouns[w] {
			return true
		}
		if !s.toks[k].word {
			return false
		}
	}
	return false
}

// findBodies marks bodies of the gazetteer ("UNESCO", "CNSA").
func (s *sent) findBodies() {
	for _, b := range s.bodies() {
		i, j, ok := s.tokenRange(b.Start, b.End)
		if !ok || !s.free(i, j) || !s.toks[i].cap {
			continue
		}
		m := s.add(graph.Institution, i, j, s.words(i, j))
		if s.w(i-1) == "the" && s.w(i-2) != "of" {
			m.s = s.toks[i].s
		}
	}
}

var missionRe = regexp.MustCompile(`^[A-Z][A-Za-z]+(?:['’][a-z]+)?-\d{1,3}[A-Z]?$`)

// rocketWords follow launcher names, not missions ("Long March-5 rocket").
var rocketWords = set("rocket rockets carrier launcher booster vehicle")

// findMissions finds missions named like "Fengyun-4", "Chang'e-6" or
// "Shenzhou-18", and a capitalised name right after "mission".
func (s *sent) findMissions() {
	for i, t := range s.toks {
		if s.taken[i] || !t.cap || strings.IndexByte(t.w, '-') < 0 || !missionRe.MatchString(t.w) || rocketWords[s.w(i+1)] || payloadNouns[s.w(i+1)] {
			continue
		}
		if months[strings.SplitN(t.w, "-", 2)[0]] || strings.HasPrefix(strings.ToUpper(t.w), "COVID") || strings.HasPrefix(t.w, "SARS") {
			continue
		}
		kind := graph.Mission
		if s.w(i-1) == "rover" || s.w(i-2) == "rover" || s.w(i+1) == "rover" {
			kind = graph.Project
		}
		s.add(kind, i, i+1, t.w)
	}
}

// findCountries marks countries by name, adjective or demonym, and the
// countries of compounds such as "Sino-Kenyan" (nested).
func (s *sent) findCountries() {
	for _, c := range s.countries() {
		i, j, ok := s.tokenRange(c.Start, c.End)
		if !ok {
			s.compoundCountry(c.Start)
			continue
		}
		if !s.free(i, j) {
			continue
		}
		m := s.add(graph.Country, i, j, s.words(i, j))
		m.code = c.Code
	}
	for i, t := range s.toks {
		if !s.taken[i] && strings.Contains(t.w, "-") && t.cap {
			s.compoundCountry(t.s)
		}
	}
}

// compoundCountry records the countries of the compound word at byte a as
// nested mentions.
func (s *sent) compoundCountry(a int) {
	i, _, _ := s.tokenRange(a, a+1)
	if i >= len(s.toks) || !strings.Contains(s.toks[i].w, "-") {
		return
	}
	for _, code := range s.x.compound(s.toks[i].w) {
		m := s.addNested(graph.Country, i, i+1, s.toks[i].w)
		m.code = code
	}
}

// placeVerbs make "in <Name>" a place ("held in Kunming").
var placeVerbs = set("held hosted established based headquartered located opened took convened launched set")

// findPlaces finds sites by their suffix ("... Satellite Launch Center",
// "Sichuan Province"), known cities and provinces, and an unknown
// capitalised name after "held in", "based in" and the like.
func (s *sent) findPlaces() {
	for i := range s.toks {
		if s.taken[i] || !s.toks[i].cap {
			continue
		}
		if j, ok := s.siteAt(i); ok {
			s.add(graph.Place, i, j, s.words(i, j))
			continue
		}
		if !placeFirsts.may(s.toks[i].w) {
			continue
		}
		if p, j, ok := knownPlaces.match(s.toks, i); ok && s.free(i, j) && s.w(j) != "-" {
			m := s.add(graph.Place, i, j, p.name)
			m.code = p.country
		}
	}
	s.findPlacesAfterIn()
}

// siteAt matches a capitalised run of one to three words followed by a
// site suffix.
func (s *sent) siteAt(i int) (int, bool) {
	for n := 1; n <= 3; n++ {
		k := i + n
		if !s.free(i, k) || !s.toks[k-1].cap || capStop[s.toks[k-1].w] {
			return i, false
		}
		for _, suf := range placeSuffixes {
			if j, ok := matchWords(s.toks, k, suf); ok && s.free(k, j) {
				return j, true
			}
		}
	}
	return i, false
}

// findPlacesAfterIn reads "held (on <date>) in <Name>" as a place.
func (s *sent) findPlacesAfterIn() {
	for i := 1; i+1 < len(s.toks); i++ {
		if s.w(i) != "in" || s.taken[i+1] || !s.toks[i+1].cap || capStop[s.w(i+1)] {
			continue
		}
		if !s.placeVerbBefore(i) {
			continue
		}
		j := i + 1
		for j < len(s.toks) && s.toks[j].cap && !s.taken[j] && j-i <= 3 {
			j++
		}
		if s.free(i+1, j) {
			s.add(graph.Place, i+1, j, s.words(i+1, j))
		}
	}
}

// placeVerbBefore reports whether a place verb precedes token i closely,
// dates in between allowed.
func (s *sent) placeVerbBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if placeVerbs[s.w(k)] {
			return true
		}
		if !s.taken[k] && s.toks[k].word && k < i-1 {
			return false
		}
	}
	return false
}

// findProjects finds projects named in apposition to a project noun ("a flood
// forecasting model, TIDEWATCH,") or after "named"/"called".
func (s *sent) findProjects() {
	for i := 0; i+2 < len(s.toks); i++ {
		if w := s.w(i); !projectFilter.may(w) || !projectNouns[w] {
			continue
		}
		k := i + 1
		if s.w(k) == "," || s.w(k) == "named" || s.w(k) == "called" || s.w(k) == "dubbed" {
			k++
		} else {
			continue
		}
		j := k
		for j < len(s.toks) && s.toks[j].cap && !s.taken[j] && !capStop[s.toks[j].w] && j-k < 4 {
			j++
		}
		end := s.w(j)
		if j > k && (end == "," || end == "." || end == "" || end == "which" || end == "that" || end == ";") {
			if missionNouns[s.w(i)] && missionRe.MatchString(s.w(k)) {
				continue
			}
			kind := graph.Project
			if missionNouns[s.w(i)] {
				kind = graph.Mission
			}
			s.add(kind, k, j, s.words(k, j))
		}
	}
}

// findNestedNames records the countries and gazetteer bodies named inside
// other names ("Austrian" in "Austrian Academy of Sciences") as nodes.
func (s *sent) findNestedNames() {
	for _, m := range append([]*mention(nil), s.ms...) {
		if m.kind != graph.Institution && m.kind != graph.Event && m.kind != graph.Agreement {
			continue
		}
		for _, c := range s.countries() {
			if c.Start < m.s || c.End > m.e {
				continue
			}
			i, j, ok := s.tokenRange(c.Start, c.End)
			if ok && (j-i < m.j-m.i) && !s.toks[i].skip {
				n := s.addNested(graph.Country, i, j, s.words(i, j))
				n.code = c.Code
			}
		}
		for _, b := range s.bodies() {
			if b.Start < m.s || b.End > m.e {
				continue
			}
			i, j, ok := s.tokenRange(b.Start, b.End)
			if ok && j-i < m.j-m.i && s.toks[i].cap && !s.toks[i].skip && !ofPreps[s.w(j)] {
				s.addNested(graph.Institution, i, j, s.words(i, j))
			}
		}
	}
}

// isUpperInitial reports whether w starts with an upper-case letter.
func isUpperInitial(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// isHead reports whether w ends names of organisations, events or agreements.
func isHead(w string) bool { return orgHeads[w] || eventHeads[w] || agreementHeads[w] }

// dropDates removes the date mentions inside tokens [i, j), which a longer
// name has absorbed.
func (s *sent) dropDates(i, j int) {
	out := s.ms[:0]
	for _, m := range s.ms {
		if m.kind == kindDate && m.i >= i && m.j <= j {
			continue
		}
		out = append(out, m)
	}
	s.ms = out
	for k := i; k < j; k++ {
		s.taken[k] = false
	}
}

// countries returns the gazetteer's country matches in the sentence,
// computed once.
func (s *sent) countries() []gazetteer.Match {
	s.matchGazetteer()
	return s.countryM
}

// bodies returns the gazetteer's body matches in the sentence, computed once.
func (s *sent) bodies() []gazetteer.Match {
	s.matchGazetteer()
	return s.bodyM
}

// matchGazetteer finds the countries and bodies of the sentence in one
// pass (longest first: "Chinese Academy of Sciences" is a body, and its
// country comes from the name rule basedInName).
func (s *sent) matchGazetteer() {
	if s.matched {
		return
	}
	s.matched = true
	for _, m := range s.x.allMatches(s.text) {
		if m.Body != nil {
			s.bodyM = append(s.bodyM, m)
		} else if m.Code != "" {
			s.countryM = append(s.countryM, m)
		}
	}
}

// appositive mission nouns: "The Space Variable Objects Monitor, a
// satellite developed by ...".
var apposMissionNouns = set("satellite mission probe spacecraft observatory lander rover orbiter telescope")

// findAppositiveMissions finds a capitalised name of two or more words
// followed by ", a ... satellite" (or mission, probe).
func (s *sent) findAppositiveMissions() {
	for i := 0; i+3 < len(s.toks); i++ {
		if s.w(i) != "," || s.w(i+1) != "a" && s.w(i+1) != "an" {
			continue
		}
		ok := false
		for k := i + 2; k < len(s.toks) && k <= i+5; k++ {
			if apposMissionNouns[s.w(k)] {
				ok = true
				break
			}
			if s.toks[k].cap || !s.toks[k].word {
				break
			}
		}
		l := i
		for l > 0 && s.toks[l-1].cap && !s.taken[l-1] && !capStop[s.toks[l-1].w] {
			l--
		}
		if ok && (i-l >= 2 || i-l == 1 && !s.x.isCountry(s.w(l)) && !months[s.w(l)]) {
			s.add(graph.Mission, l, i, s.words(l, i))
			continue
		}
		if l < i && s.apposProject(i+1) && !s.x.isCountry(s.w(l)) {
			s.add(graph.Project, l, i, s.words(l, i))
		}
	}
}

// fieldListAhead reports whether field words from k lead to "and" and a
// last field word: "Science, Technology and Innovation".
func (s *sent) fieldListAhead(k int) bool {
	for ; k+1 < len(s.toks) && fieldWords[s.w(k)]; k++ {
		switch s.w(k + 1) {
		case "and":
			return fieldWords[s.w(k+2)]
		case ",":
			k++
		default:
			if !fieldWords[s.w(k+1)] {
				return false
			}
		}
	}
	return false
}

// projectHeads are lower-case nouns after a project's name ("the Lunar
// Lander Neutrons and Dosimetry experiment").
var projectHeads = set("experiment instrument camera detector spectrometer telescope model platform programme program project initiative facility satellite")

// findNamedProjects finds a capitalised name of two or more words that
// either precedes a project noun or is followed by an acronym defined in
// parentheses and is no organisation: "Advanced Small Analyzer for
// Neutrals (ASAN)", "International Lunar Research Station (ILRS)".
func (s *sent) findNamedProjects() {
	for i := 0; i < len(s.toks); i++ {
		if s.taken[i] || !s.toks[i].cap || capStop[s.toks[i].w] || honorifics[s.toks[i].w] || titleHeads[s.toks[i].w] {
			continue
		}
		j := i
		for j < len(s.toks) && !s.taken[j] && (s.toks[j].cap && !capStop[s.toks[j].w] || nameConnectors[s.w(j)] && s.capAfter(j+1) && s.w(j) != "the") {
			j++
		}
		if s.count(i, j) < 2 && !missionNouns[s.w(j)] || s.headIn(i, j) {
			i = j
			continue
		}
		_, acr := s.acrAt[j]
		if missionNouns[s.w(j)] && j-i <= 2 && !s.anyWord(i, j, celestial) && (s.w(i-1) == "its" || s.w(i-1) == "the" || s.w(i-1) == "their") {
			s.add(graph.Mission, i, j, s.words(i, j))
			i = j
			continue
		}
		if acr || projectHeads[s.w(j)] && s.lower(i-1) == "the" {
			kind := graph.Project
			if missionNouns[s.lower(j-1)] {
				kind = graph.Mission
			}
			m := s.add(kind, i, j, s.words(i, j))
			if a, ok := s.acrAt[j]; ok {
				m.acr = a
			} else if a, ok := s.acrAt[j+1]; ok {
				m.acr = a
			}
		}
		i = j
	}
}

// describerNouns say what an organisation is right before its name: "the
// Chinese company Sinovac Biotech", "the Brazilian regulator Anvisa".
var describerNouns = set(`company firm regulator drugmaker agency operator startup start-up carrier
	manufacturer developer maker group institute university foundation laboratory`)

// findDescribedInstitutions finds "the <words> company <Name>": a
// capitalised name right after an organisation noun that a determiner
// opens within four words.
func (s *sent) findDescribedInstitutions() {
	for i := 1; i+1 < len(s.toks); i++ {
		if !describerNouns[s.w(i)] || s.taken[i+1] || !s.toks[i+1].cap || capStop[s.w(i+1)] {
			continue
		}
		det := false
		for k := i - 1; k >= 0 && k >= i-5; k-- {
			if w := s.lower(k); w == "the" || w == "a" || w == "an" {
				det = true
				break
			}
		}
		if !det {
			continue
		}
		j := i + 1
		for j < len(s.toks) && !s.taken[j] && (s.toks[j].cap && !capStop[s.w(j)] || isDigits(s.w(j)) && j > i+1) && j-i <= 3 {
			j++
		}
		if s.personStarts(i + 1) {
			continue
		}
		m := s.add(graph.Institution, i+1, j, s.words(i+1, j))
		if a, ok := s.acrAt[j]; ok {
			m.acr = a
		}
		i = j
	}
}

// apposProject reports whether "(a|an|the) <up to four words> <project
// noun>" starts at k: "CoronaVac, the inactivated vaccine ...".
func (s *sent) apposProject(k int) bool {
	if w := s.w(k); w != "a" && w != "an" && w != "the" {
		return false
	}
	for n := k + 1; n < len(s.toks) && n <= k+5; n++ {
		if projectHeads[s.w(n)] || s.w(n) == "vaccine" || s.w(n) == "drug" || s.w(n) == "supercomputer" {
			return true
		}
		if s.toks[n].cap || !s.toks[n].word {
			return false
		}
	}
	return false
}

// isDigits reports whether w is a number of one to four digits ("Group 42").
func isDigits(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// titleLinks may join the parts of a long agreement title ("... Building
// an All-Weather Community with a Shared Future for the New Era").
var titleLinks = set("a an with to in towards toward")

// titleRunAfter extends a title over capitalised words and connectors from
// k (after an optional article) and returns the index after them.
func (s *sent) titleRunAfter(k int) int {
	if s.w(k) == "a" || s.w(k) == "an" || s.w(k) == "the" {
		k++
	}
	j := k
	for j < len(s.toks) && !s.taken[j] && (s.toks[j].cap || (nameConnectors[s.w(j)] || titleLinks[s.w(j)] || s.w(j) == "a" || s.w(j) == "an") && s.capAfter(j+1)) {
		j++
	}
	if j == k {
		return k - 1
	}
	return j
}

// anyWord reports whether a word of set is among tokens [i, j).
func (s *sent) anyWord(i, j int, set map[string]bool) bool {
	for k := i; k < j; k++ {
		if set[s.w(k)] {
			return true
		}
	}
	return false
}

// leftAfterPerson cuts a name that starts with a titled person joined by
// "and" ("President Antonio Costa and European Commission ...") after the
// "and".
func (s *sent) leftAfterPerson(l, i int) int {
	if l == 0 || !titleHeads[s.w(l-1)] && !honorifics[s.w(l-1)] && s.w(l-1) != "." {
		return l
	}
	for k := l; k < i; k++ {
		if s.w(k) == "and" {
			return k + 1
		}
	}
	return l
}

// isKnownAcronym reports whether tokens [p, r) are one acronym the
// document or the gazetteer knows as an organisation.
func (s *sent) isKnownAcronym(p, r int) bool {
	if r-p != 1 || !isAcronym(s.w(p)) {
		return false
	}
	if s.x.reg.find(graph.Institution, s.w(p)) != nil {
		return true
	}
	_, ok := s.x.body(s.w(p))
	return ok
}

// bodyEndingAt returns the start token of a gazetteer body whose name ends
// with token l and starts before it ("Chinese Academy of Sciences" ending
// at "Sciences"), or -1.
func (s *sent) bodyEndingAt(l int) int {
	for _, b := range s.bodies() {
		i, j, ok := s.tokenRange(b.Start, b.End)
		if ok && j == l+1 && i < l && s.free(i, l+1) {
			return i
		}
	}
	return -1
}

// bodyStartingAt returns the end token of a gazetteer body that starts at
// token l and ends before r, or -1.
func (s *sent) bodyStartingAt(l, r int) int {
	for _, b := range s.bodies() {
		i, j, ok := s.tokenRange(b.Start, b.End)
		if ok && i == l && j < r && s.toks[j].cap {
			return j
		}
	}
	return -1
}

// planQualifiers make a "Plan" an agreement title ("Joint Action Plan",
// "Execution Plan").
var planQualifiers = set("Action Joint Execution Implementation Work Cooperation")

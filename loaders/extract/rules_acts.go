package extract

import (
	"regexp"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// signVerbs maps the verbs of signing to the act they record.
var signVerbs = map[string]string{
	"signed": "signed", "inked": "signed", "concluded": "signed", "exchanged": "signed",
	"ratified": "signed", "adopted": "adopted", "endorsed": "adopted", "renewed": "renewed", "extended": "renewed",
}

var signVerbRe = regexp.MustCompile(`(?i)\b(signed|inked|concluded|exchanged|ratified|adopted|endorsed|renewed|extended)\b`)

// signVerbSet, launchWords and developWords are the verbs the rules look
// for, found by wordLocs.
var (
	signVerbSet  = set("signed inked concluded exchanged ratified adopted endorsed renewed extended")
	launchWords  = set("launched sent")
	developWords = set("developed engineered built designed created unveiled")
)

// wordLocs returns, in order, the template positions of the words of set
// (in any letter case) as [start, end, start, end], the shape of a regexp
// submatch index with one group.
func (s *sent) wordLocs(words map[string]bool) [][]int {
	var out [][]int
	t := s.t.s
	for i := 0; i < len(t); {
		if !isASCIILetter(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && (isASCIILetter(t[j]) || t[j] >= 0x80) {
			j++
		}
		if (i == 0 || !isASCIILetter(t[i-1])) && words[s.x.lowerWord(t[i:j])] {
			out = append(out, []int{i, j, i, j})
		}
		i = j
	}
	return out
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// ruleSigned: "{P} and {P} signed a {A}", "{I}, a ... cluster, and the {I}
// signed a {A}", "{X} and {Y} adopted the {A} and the {A}". Actors after
// "except" sign nothing; a signer "on behalf of" bodies makes them sign.
func ruleSigned(s *sent, r rule) {
	for _, loc := range s.wordLocs(signVerbSet) {
		if s.modal(loc[0]) || strings.HasSuffix(s.lowerBefore(loc[0], 5), " by ") {
			continue
		}
		act := signVerbs[s.x.lowerWord(s.t.s[loc[2]:loc[3]])]
		ca, cb := s.clause(loc[0])
		after := s.t.s[loc[1]:cb]
		lowerAfter := s.t.lower[loc[1]:cb]
		if strings.HasPrefix(strings.TrimSpace(lowerAfter), "by") {
			continue
		}
		objs := s.objectsAfter(loc[1], cb)
		if len(objs) == 0 && forRe.MatchString(after) {
			if a := s.x.last(graph.Agreement); a != nil {
				for _, m := range s.signers(ca, loc[0]) {
					s.x.emitEntities(r.name, r.conf*0.9, graph.Signed, m.ent, a, s.actDate(loc[0]), map[string]string{"act": act}, s.evidence())
				}
			}
			continue
		}
		if len(objs) == 0 {
			continue
		}
		if strings.Contains(lowerAfter[:min(len(lowerAfter), 30)], "renewal") {
			act = "renewed"
		}
		signers := s.signers(ca, loc[0])
		signers = append(signers, s.onBehalf(loc[1], cb)...)
		signers = append(signers, s.signersBodies(signers)...)
		for _, a := range objs {
			for _, m := range signers {
				s.emitR(r, graph.Signed, m, a, s.actDate(loc[0]), map[string]string{"act": act})
			}
			if len(signers) == 0 {
				s.partiesSign(r, a, act, s.actDate(loc[0]))
			}
		}
	}
}

// signersBodies returns the institutions that signing persons are
// affiliated with in the sentence ("NSFC President Li and ..."), and the
// countries of heads of state or government: they sign for them.
func (s *sent) signersBodies(signers []*mention) []*mention {
	var out []*mention
	for _, m := range signers {
		if org := s.aff[m]; m.kind == graph.Person && org != nil && (org.kind == graph.Institution || s.headOfState(m)) {
			out = append(out, org)
		}
	}
	return out
}

// stateHeads are titles whose holder signs for the country.
var stateHeads = []string{"President ", "Prime Minister ", "Premier ", "leader ", "King ", "Chancellor "}

// headOfState reports whether the person's title right before the name
// is that of a head of state or government.
func (s *sent) headOfState(m *mention) bool {
	b := s.before(s.ph(m).a, 16)
	for _, h := range stateHeads {
		if strings.HasSuffix(b, h) && !strings.HasSuffix(b, "Vice "+h) {
			return true
		}
	}
	return false
}

// objectsAfter returns the agreements after a verb, up to the end of the
// clause or the next verb of signing.
func (s *sent) objectsAfter(a, b int) []*mention {
	for _, n := range s.wordLocs(signVerbSet) {
		if n[0] >= a && n[0] < b {
			b = n[0]
			break
		}
	}
	return s.within(a, b, "A")
}

// signers returns the actors of the clause before the verb at a.
func (s *sent) signers(ca, a int) []*mention {
	var out []*mention
	for _, m := range s.within(ca, a, "PIC") {
		if s.appos[m] || s.isParentInText(m) || s.afterPrep(m) && !s.afterGroupOf(m) || s.afterExcept(m) || s.possessive(m) || s.inByPhrase(m) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// inByPhrase reports whether the mention sits in a comma-delimited "...
// by X" phrase ("hosted by President X,"): the agent of another verb.
func (s *sent) inByPhrase(m *mention) bool {
	a := s.ph(m).a
	seg := s.t.s[strings.LastIndexByte(s.t.s[:a], ',')+1 : a]
	return strings.Contains(seg, " by ")
}

// afterExcept reports whether the mention is excluded: "all members
// except {C}".
func (s *sent) afterExcept(m *mention) bool {
	b := s.lowerBefore(s.ph(m).a, 40)
	i := strings.LastIndex(b, "except")
	return i >= 0 && !strings.ContainsAny(b[i:], ",;") || strings.HasSuffix(b, "except ")
}

var behalfRe = regexp.MustCompile(`(?i)on behalf of`)

// forRe matches a signature made for bodies named earlier: "signed for
// the two agencies", "signed on behalf of their academies".
var forRe = regexp.MustCompile(`(?i)^\s*(?:for|on behalf of) (?:the|their|both)\b`)

// onBehalf returns the bodies a signature was made for.
func (s *sent) onBehalf(a, b int) []*mention {
	if !s.admits(behalfRe, a, b) {
		return nil
	}
	loc := behalfRe.FindStringIndex(s.t.s[a:b])
	if loc == nil {
		return nil
	}
	return kinds(s.within(a+loc[1], b, "IC"), "IC")
}

// partiesSign makes the parties of "the agreement between A and B" sign it.
func (s *sent) partiesSign(r rule, a *mention, act, date string) {
	for _, p := range a.parties {
		s.emitR(r, graph.Signed, p, a, date, map[string]string{"act": act})
	}
}

var signedByRe = pattern(`(‹A›)(?:[^{};]|‹L›|‹D›){0,80}?\b(?:was |were |has been |have been |had been )?(signed|adopted|endorsed|renewed|concluded|inked)(?:(?: (?:in|at|on)(?: the)?)? (?:‹L›|‹D›)){0,3} by (?:the )?(‹LIST›)`)
var signedBetweenRe = pattern(`(‹A›)[^{};]{0,40}?\b(?:was |were )?(signed|concluded|inked|renewed) between (?:the )?(‹LIST›)`)

// ruleSignedPassive: "{A} was signed by {X} and {Y}", "{A} was signed
// between {X} and {Y}".
func ruleSignedPassive(s *sent, r rule) {
	for _, re := range []*regexp.Regexp{signedByRe, signedBetweenRe} {
		if re == signedByRe && !strings.Contains(s.t.lower, " by ") || re == signedBetweenRe && !strings.Contains(s.t.lower, " between ") {
			continue
		}
		for _, loc := range s.findAll(re) {
			if s.modal(loc[4]) {
				continue
			}
			a := s.firstWithin(loc[2], loc[3], "A")
			act := signVerbs[s.x.lowerWord(s.t.s[loc[4]:loc[5]])]
			signers := s.listed(s.within(loc[6], loc[7], "PIC"))
			for _, m := range append(signers, s.signersBodies(signers)...) {
				s.emitR(r, graph.Signed, m, a, s.actDate(loc[4]), map[string]string{"act": act})
			}
		}
	}
}

var betweenRe = pattern(`(‹A›) between (?:the )?(‹X›)(?: of (?:the )?‹I›)?,? and (?:the )?(‹X›)`)
var renewalRe = pattern(`\b(renewal|signing|conclusion|adoption) of (?:the )?(‹A›)`)

// ruleRenewal: "the renewal of the {A} between {I} and {I}": the parties
// renewed it. Also records the parties of every "{A} between X and Y".
func ruleRenewal(s *sent, r rule) {
	if strings.Contains(s.t.lower, " between ") {
		for _, g := range s.groups(betweenRe) {
			a := first(g[1])
			if a.untitled {
				a.parties = []*mention{first(g[2]), first(g[3])}
			}
		}
	}
	for _, loc := range s.findAll(renewalRe) {
		a := s.firstWithin(loc[4], loc[5], "A")
		if a == nil || s.modal(loc[0]) {
			continue
		}
		act := map[string]string{"renewal": "renewed", "signing": "signed", "conclusion": "signed", "adoption": "adopted"}[s.x.lowerWord(s.t.s[loc[2]:loc[3]])]
		if s.hasSignVerbFor(loc[0]) {
			continue
		}
		s.partiesSign(r, a, act, s.dateNear(loc[0]))
	}
}

// hasSignVerbFor reports whether a sign verb governs the noun at a ("signed
// the renewal of"), which rule signed-by-parties handles.
func (s *sent) hasSignVerbFor(a int) bool {
	return s.admits(signVerbRe, max(0, a-20), a) && signVerbRe.MatchString(s.before(a, 20))
}

var bothTextsRe = pattern(`\b(?:both|the two|these|the) (?:texts|documents|agreements|declarations|memoranda)\b[^{};]{0,20}?\b(?:were|was|had been) (?:adopted|signed|endorsed) (?:at|during) (?:the )?(‹E›)`)

// ruleTextsAdoptedAt: "Both texts were adopted at the {E}": the
// agreements of the sentence before are part of the event.
func ruleTextsAdoptedAt(s *sent, r rule) {
	for _, g := range s.groups(bothTextsRe) {
		for _, a := range s.x.prevAgreements {
			s.x.emitEntities(r.name, r.conf, graph.PartOf, a, first(g[1]).ent, "", nil, s.evidence())
		}
	}
}

var participantsAdoptedRe = regexp.MustCompile(`(?i)\b(?:the )?(?:participants|delegates|delegations|ministers|leaders|member states|parties|attendees)\b[^{};]{0,30}?\b(?:adopted|endorsed|signed|approved)\b`)

// ruleParticipantsAdopted: "The participants adopted the {A} and the {A}":
// what a meeting's participants adopt is part of the meeting (the
// sentence's event, else the entry's).
func ruleParticipantsAdopted(s *sent, r rule) {
	if !s.admits(participantsAdoptedRe, 0, len(s.t.s)) {
		return
	}
	loc := participantsAdoptedRe.FindStringIndex(s.t.s)
	if loc == nil || s.modal(loc[1]-8) {
		return
	}
	target := s.targetEvent()
	if target == nil {
		return
	}
	_, cb := s.clause(loc[1])
	act := "adopted"
	if strings.Contains(s.t.lower[loc[0]:loc[1]], "signed") {
		act = "signed"
	}
	for _, a := range s.within(loc[1], cb, "A") {
		s.x.emitEntities(r.name, r.conf, graph.PartOf, a.ent, target, "", nil, s.evidence())
		if a.untitled && a.ent.name == a.ent.gen {
			a.ent.name = a.ent.gen + " of the " + target.name
		}
		for _, p := range s.x.participants(target) {
			s.x.emitEntities(r.name, r.conf, graph.Signed, p, a.ent, target.date, map[string]string{"act": act}, s.evidence())
		}
	}
}

// participants returns the countries and institutions that took part in
// the event, in the order they were stated.
func (x *extractor) participants(ev *entity) []*entity {
	var out []*entity
	seen := map[*entity]bool{}
	for _, f := range x.edges {
		if f.typ == graph.ParticipatedIn && f.to == ev && !seen[f.from] &&
			(f.from.kind == graph.Country || f.from.kind == graph.Institution) {
			seen[f.from] = true
			out = append(out, f.from)
		}
	}
	return out
}

var atEventRe = pattern(`\b(?:at|during)(?: the (?:end|close|conclusion|opening|margins) of)? (?:the )?(?:(?:\{[CPI]\d+\}|[A-Z][\w-]*)(?:'s|’s)? ){0,4}["“]?(‹E›)`)

// ruleAdoptedAt: agreements signed or adopted at a meeting are part of it
// ("At the end of the {E}, ... adopted the {A} and the {A}"); "on the
// sidelines of" or "parallel to" a meeting is not "at" it.
func ruleAdoptedAt(s *sent, r rule) {
	for _, g := range s.groups(atEventRe) {
		ev := first(g[1])
		for _, loc := range s.wordLocs(signVerbSet) {
			_, cb := s.clause(loc[0])
			if s.modal(loc[0]) {
				continue
			}
			for _, a := range s.objectsAfter(loc[1], cb) {
				s.emitR(r, graph.PartOf, a, ev, "", nil)
			}
			for _, a := range s.within(0, loc[0], "A") {
				if strings.Contains(s.t.s[s.ph(a).b:loc[0]], "{") {
					continue
				}
				s.emitR(r, graph.PartOf, a, ev, "", nil)
			}
		}
	}
}

var fromSiteRe = pattern(`^[^;]*?\bfrom (?:the )?(‹L›)`)
var launchedByRe = pattern(`(‹M›)[^{};]{0,60}?\blaunched\b[^;]{0,80}?\bby (?:the )?(‹C›|‹I›)`)
var launchedThatRe = pattern(`(‹M›)[^{};]{0,60}?\b(?:that|which) (?:the )?(‹C›|‹I›) (?:had )?launched`)

// ruleLaunched: "{C} launched its ... mission, {M}, on {D} from the {L}"
// (site from "from the {L}"), "{M} was launched ... by {I}".
func ruleLaunched(s *sent, r rule) {
	for _, loc := range s.wordLocs(launchWords) {
		if s.modal(loc[0]) {
			continue
		}
		ca, cb := s.clause(loc[0])
		whos := kinds(s.signers(ca, loc[0]), "CI")
		missions := s.within(loc[1], cb, "M")
		if len(whos) == 0 || len(missions) == 0 {
			continue
		}
		props := map[string]string{}
		if g := s.groupsAt(fromSiteRe, loc[1], cb); g != nil {
			props["site"] = first(g[1]).ent.name
		}
		for _, m := range missions {
			for _, who := range whos {
				s.emitR(r, graph.Launched, who, m, s.actDate(loc[0]), props)
			}
		}
	}
	for _, g := range s.groups(launchedByRe) {
		s.emitR(r, graph.Launched, first(g[2]), first(g[1]), s.actDate(s.ph(first(g[1])).b), nil)
	}
	for _, loc := range s.findAll(launchedThatRe) {
		m, who := s.firstWithin(loc[2], loc[3], "M"), s.firstWithin(loc[4], loc[5], "CI")
		s.emitR(r, graph.Launched, who, m, s.actDate(loc[5]), nil)
	}
}

// groupsAt matches re against the template from a to b.
func (s *sent) groupsAt(re *regexp.Regexp, a, b int) [][]*mention {
	if !needed(re).admits(s.t.lower[a:b], s.t.odd) {
		return nil
	}
	loc := re.FindStringSubmatchIndex(s.t.s[a:b])
	if loc == nil {
		return nil
	}
	var gs [][]*mention
	for g := 0; 2*g < len(loc); g++ {
		if loc[2*g] < 0 {
			gs = append(gs, nil)
			continue
		}
		gs = append(gs, s.within(a+loc[2*g], a+loc[2*g+1], "PCIMAELJD"))
	}
	return gs
}

var (
	establishedByRe = pattern(`(‹I›|‹J›)[^{};]*?\b(?:was |is |were )?(?:established|founded|set up|created|inaugurated)(?: in)?(?: (‹D›))? by (?:the )?(‹LIST›)`)
	establishedRe   = pattern(`(‹X›)(?:,[^{};]{0,60}?,)? (?:\w+ )?(?:established|founded|set up|created|inaugurated) (?:the |a |an )?(?:[\w-]+ ){0,4}?(‹I›|‹J›)`)
	whichSetUpRe    = pattern(`(‹I›|‹J›), (?:which|that) (?:the )?(‹X›) (?:had )?(?:set up|established|founded|created|launched)`)
)

// ruleEstablishedBy: "{I} ... established in {D} by {I}", "{X} set up the {I}".
func ruleEstablishedBy(s *sent, r rule) {
	if !containsAny(s.t.lower, establishFilter) {
		return
	}
	for _, loc := range s.findAll(establishedByRe) {
		what := s.firstWithin(loc[2], loc[3], "IJ")
		if s.modal(strings.Index(s.t.s[loc[0]:], "by")+loc[0]-20) || s.appos[what] && !what.ref {
			continue
		}
		for _, m := range s.listed(s.within(loc[6], loc[7], "PIC")) {
			s.emitR(r, graph.Established, m, what, s.actDate(s.ph(what).b), nil)
		}
	}
	for _, g := range s.groups(whichSetUpRe) {
		s.emitR(r, graph.Established, first(g[2]), first(g[1]), s.dateNear(s.ph(first(g[2])).b), nil)
	}
	for _, loc := range s.findAll(establishedRe) {
		who, what := s.firstWithin(loc[2], loc[3], "PIC"), s.firstWithin(loc[4], loc[5], "IJ")
		if who == nil || what == nil || s.appos[who] || s.afterPrep(who) || s.modal(s.verbPos(loc[3], loc[4])) {
			continue
		}
		s.emitR(r, graph.Established, who, what, s.actDate(loc[4]), nil)
	}
}

// verbPos returns the position of the establishing verb between a and b.
func (s *sent) verbPos(a, b int) int {
	if l := phraseLocs(s.t.lower[a:b], establishVerbs, 1); l != nil {
		return a + l[0][0]
	}
	return a
}

// establishVerbs are the verbs after which an institution's place follows
// ("established in 2011 in Beijing").
var establishVerbs = []string{"established", "founded", "set up", "created"}

// phraseLocs returns the [start, end) of the first n (all when n < 0)
// whole-word occurrences in lower of any of phrases (lower-case, tried in
// order at each position), left to right and not overlapping: what
// FindAllStringIndex returns for (?i)\b(?:phrase|...)\b, without a regexp.
func phraseLocs(lower string, phrases []string, n int) [][2]int {
	var out [][2]int
	for i := 0; i < len(lower) && n != 0; i++ {
		if i > 0 && isWordByte(lower[i-1]) || !isWordByte(lower[i]) {
			continue
		}
		for _, p := range phrases {
			end := i + len(p)
			if strings.HasPrefix(lower[i:], p) && (end == len(lower) || !isWordByte(lower[end])) {
				out = append(out, [2]int{i, end})
				i, n = end-1, n-1
				break
			}
		}
	}
	return out
}

// isWordByte reports whether c is a word character of \b: an ASCII letter,
// digit or underscore.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// establishFilter holds the verbs of the establishing patterns.
var establishFilter = keys("established|founded|set up|created|inaugurated")

var establishedUntilRe = regexp.MustCompile(`(?i)\b(?:and|but|which|who)\s+(?:is |was |has |had )?(?:hosted|located|led|is|was)\b`)

var inPlaceRe = pattern(`^[^;]*?\bin (?:the )?(‹L›)`)

// ruleEstablishedIn: "{I}, established in {D} in {L}" and "{I} ...
// established ... as a centre in {L}": the institution is based there.
func ruleEstablishedIn(s *sent, r rule) {
	if !strings.Contains(s.t.s, "{L") || !containsAny(s.t.lower, establishFilter) {
		return
	}
	for _, loc := range phraseLocs(s.t.lower, establishVerbs, -1) {
		if s.modal(loc[0]) {
			continue
		}
		subj := s.clauseSubject(loc[0], "I")
		if subj == nil {
			continue
		}
		_, cb := s.clause(loc[0])
		end := cb
		if s.admits(establishedUntilRe, loc[1], cb) {
			if h := establishedUntilRe.FindStringIndex(s.t.s[loc[1]:cb]); h != nil {
				end = loc[1] + h[0]
			}
		}
		if g := s.groupsAt(inPlaceRe, loc[1], end); g != nil {
			place := first(g[1])
			s.emitR(r, graph.BasedIn, subj, place, s.dateNear(loc[0]), nil)
		}
	}
}

// clauseSubject returns the first mention of the clause of a (with a kind
// letter in letters) that no preposition governs.
func (s *sent) clauseSubject(a int, letters string) *mention {
	ca, _ := s.clause(a)
	for _, m := range s.within(ca, a, "PICEMAJL") {
		if s.afterPrep(m) || s.appos[m] {
			continue
		}
		if strings.IndexByte(letters, m.letter()) < 0 {
			return nil
		}
		return m
	}
	return nil
}

var developedByRe = pattern(`(‹J›|‹M›)(?:[^{};]{0,30}?\b(?:on|aboard) (?:the )?‹M›)?[^{};]{0,60}?\b(?:was |were |has been |is )?(jointly )?(?:developed|engineered|built|designed|created) by (?:the )?(‹LIST›)`)
var collabWithRe = pattern(`\bin (?:collaboration|cooperation|partnership) with (?:the )?(‹LIST›)`)

// ruleDeveloped: "{I} of the {I}, in collaboration with {I}, developed a
// ... model, {J}": every subject and collaborator developed it.
func ruleDeveloped(s *sent, r rule) {
	for _, loc := range s.wordLocs(developWords) {
		if s.modal(loc[0]) {
			continue
		}
		ca, cb := s.clause(loc[0])
		objs := s.within(loc[1], min(cb, loc[1]+160), "JM")
		if len(objs) == 0 {
			continue
		}
		var agents []*mention
		for _, m := range s.within(ca, loc[0], "PI") {
			if !s.appos[m] && !s.isParentInText(m) && (!s.afterPrep(m) || s.collabParty(m)) {
				agents = append(agents, m)
			}
		}
		for _, m := range agents {
			s.emitR(r, graph.Developed, m, objs[0], s.actDate(loc[0]), nil)
		}
	}
	for _, loc := range s.findAll(developedByRe) {
		what := s.firstWithin(loc[2], loc[3], "JM")
		devs := s.listed(kinds(s.within(loc[6], loc[7], "PI"), "PI"))
		for _, m := range devs {
			s.emitR(r, graph.Developed, m, what, s.actDate(s.ph(what).b), nil)
		}
		if loc[4] >= 0 {
			s.jointly(r, devs, s.actDate(s.ph(what).b))
		}
	}
}

// jointly states that bodies which "jointly" developed something
// collaborated.
func (s *sent) jointly(r rule, ms []*mention, date string) {
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if ms[i].kind != graph.Person && ms[j].kind != graph.Person {
				s.emitR(r, graph.CollaboratedWith, ms[i], ms[j], date, nil)
			}
		}
	}
}

// collabParty reports whether m is governed by "in collaboration with".
func (s *sent) collabParty(m *mention) bool {
	b := s.lowerBefore(s.ph(m).a, 40)
	return strings.Contains(b, "collaboration with") || strings.Contains(b, "cooperation with") ||
		strings.Contains(b, "partnership with") || strings.Contains(b, "together with")
}

// ruleInCollaboration: "{X}, in collaboration with {Y}, ...".
func ruleInCollaboration(s *sent, r rule) {
	for _, loc := range s.findAll(collabWithRe) {
		subj := s.subject(loc[0], "PIC")
		if subj == nil || s.modal(loc[0]) {
			continue
		}
		for _, m := range s.listed(s.within(loc[2], loc[3], "PIC")) {
			s.emitR(r, graph.CollaboratedWith, subj, m, s.actDate(loc[0]), nil)
		}
	}
}

var researchersFromRe = regexp.MustCompile(`^(?:the )?(\{[IC]\d+\}(?:(?:,|,? and) (?:the )?\{[IC]\d+\})+)`)

// researcherGroup are the lower-case nouns of "researchers from A and B".
var researcherGroup = set("researchers scientists biologists chemists physicists astronomers engineers team teams experts specialists scholars geologists ecologists")

// ruleResearchersFrom: "Biologists from {I} and {I} engineered ...": the
// bodies worked together, unless the group only took part in an event.
func ruleResearchersFrom(s *sent, r rule) {
	for _, a := range s.afterFrom(researcherGroup) {
		if s.t.kinds&kindBit('E') != 0 && s.groupsAt(groupFromListRe, a, len(s.t.s)) != nil {
			continue
		}
		loc := researchersFromRe.FindStringSubmatchIndex(s.t.s[a:])
		if loc == nil {
			continue
		}
		ms := s.listed(s.within(a+loc[2], a+loc[3], "IC"))
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				s.emitR(r, graph.CollaboratedWith, ms[i], ms[j], s.actDate(a), nil)
			}
		}
	}
}

var (
	cooperatedRe   = pattern(`(‹X›) and (?:the )?(‹X›) (?:have |had |are |were |have been )?(?:also )?(?:jointly |successfully |closely )?(?:cooperated|collaborated|partnered|teamed up|worked together|cooperating|collaborating|working together)`)
	cooperatedWith = pattern(`(‹X›)[^{};]{0,30}?\b(?:cooperated|collaborated|partnered|teamed up|worked) (?:closely )?with (?:the )?(‹X›)`)
	cooperationBtw = pattern(`cooperation between (?:the )?(‹X›) and (?:the )?(‹X›) since`)
)

// ruleCooperated: "{X} and {Y} collaborated", "{X} partnered with {Y}",
// "cooperation between {X} and {Y} since 1978".
func ruleCooperated(s *sent, r rule) {
	lower := s.t.lower
	var res []*regexp.Regexp
	if containsAny(lower, cooperationFilter) {
		res = append(res, cooperatedRe, cooperatedWith)
	}
	if strings.Contains(lower, "cooperation between") {
		res = append(res, cooperationBtw)
	}
	for _, re := range res {
		for _, loc := range s.findAll(re) {
			a, b := s.firstWithin(loc[2], loc[3], "PIC"), s.firstWithin(loc[4], loc[5], "PIC")
			if a == nil || b == nil || s.modal(loc[4]) || s.appos[a] || s.appos[b] {
				continue
			}
			s.emitR(r, graph.CollaboratedWith, a, b, s.actDate(loc[0]), nil)
		}
	}
}

var groupOfRe = regexp.MustCompile(`(?i)\b(?:leaders|heads|representatives|delegations?|ministers|officials|envoys)(?: of the| of| from the| from)\s*$`)

// afterGroupOf reports whether the mention follows "leaders of" and the
// like: the group acts for it.
func (s *sent) afterGroupOf(m *mention) bool {
	a := s.ph(m).a
	return s.admits(groupOfRe, max(0, a-30), a) && groupOfRe.MatchString(s.before(a, 30))
}

// possessive reports whether the mention is followed by "'s": a modifier
// ("Macron's state visit"), not an actor.
func (s *sent) possessive(m *mention) bool {
	p := s.ph(m)
	return p.b >= 0 && (strings.HasPrefix(s.t.s[p.b:], "'s") || strings.HasPrefix(s.t.s[p.b:], "’s"))
}

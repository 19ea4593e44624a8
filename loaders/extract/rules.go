package extract

import (
	"regexp"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// rule is a named relation rule; its name is the Rule of the edges it emits.
type rule struct {
	name string
	conf float64
	run  func(s *sent, r rule)
	// keys are lower-case words of which the template must contain one
	// (or its plural) for the rule to run: a cheap filter before its
	// patterns. Placeholders count as their letter: "p" for {P3}.
	keys []string
}

// keys splits a "|"-separated list of filter strings.
func keys(list string) []string { return strings.Split(list, "|") }

var signKeys = keys("signed|inked|concluded|exchanged|ratified|adopted|endorsed|renewed|extended")

// rules run in order on every sentence; the affiliation rules come first
// because they mark titles and appositions, which then neither act nor host.
var rules = []rule{
	{"title-before-name", 0.9, ruleTitleBefore, keys("p")},
	{"title-after-name", 0.9, ruleTitleAfter, keys("p")},
	{"headed-by-person", 0.85, ruleHeadedBy, keys("headed|led|chaired|directed")},
	{"served-as", 0.75, ruleServedAs, keys("as|to|appointed|named|became|posts")},
	{"apposition-based-in", 0.85, ruleApposBasedIn, keys("c|based")},
	{"located-in", 0.75, ruleLocatedIn, keys("in|of|based|headquartered|located")},
	{"part-of-organisation", 0.85, rulePartOfOrg, keys("of")},
	{"parent-of", 0.85, ruleParentOf, keys("parent")},
	{"subsidiary-of", 0.85, ruleSubsidiary, keys("subsidiary|unit|division|branch|member|part|affiliate|institute|laboratory|centre|center")},
	{"held-in-place", 0.9, ruleHeldInPlace, keys("held|hosted|took|convened|opened|staged|l")},
	{"met-in-place-for-event", 0.8, ruleMetInFor, keys("met|gathered|convened")},
	{"group-met-for-event", 0.75, ruleGroupMet, keys("met|gathered|convened|held|had")},
	{"visit-to", 0.85, ruleVisit, keys("e")},
	{"took-part", 0.75, ruleTookPart, keys("took|participated|spoke|attended")},
	{"event-adopted", 0.8, ruleEventAdopted, keys("adopted|endorsed")},
	{"hosted-by", 0.85, ruleHostedBy, keys("hosted|organised|organized|convened")},
	{"host-held-event", 0.8, ruleHostHeld, keys("hosted|organised|organized|convened|held|hosting|organising|organizing")},
	{"led-by", 0.85, ruleLedBy, keys("led|headed|chaired|head|chairmanship|leadership|presidency")},
	{"led-active", 0.8, ruleLedActive, keys("led|headed|chaired")},
	{"delegation", 0.8, ruleDelegation, keys("delegation")},
	{"met-with", 0.75, ruleMet, keys("e")},
	{"group-from-countries", 0.75, ruleGroupFrom, keys("from")},
	{"attended", 0.85, ruleAttended, keys("attended|took|participated|joined|spoke|addressed|payload|instrument|experiment|cubesat|device|camera|detector|astronaut|taikonaut|cosmonaut|crew|partners|participants|contributors")},
	{"keynote-at-event", 0.7, ruleKeynote, keys("keynote|address|speech|remarks|spoke|opened|video|presided")},
	{"signed-by-parties", 0.9, ruleSigned, signKeys},
	{"signed-passive", 0.85, ruleSignedPassive, signKeys},
	{"renewal-of-agreement", 0.85, ruleRenewal, keys("between|renewal|signing|conclusion|adoption")},
	{"adopted-at-event", 0.85, ruleAdoptedAt, signKeys},
	{"texts-adopted-at-event", 0.75, ruleTextsAdoptedAt, keys("texts|documents|agreements|declarations|memoranda")},
	{"participants-adopted", 0.75, ruleParticipantsAdopted, keys("participants|delegates|delegations|ministers|leaders|member|parties|attendees")},
	{"led-delegation", 0.75, ruleLedDelegation, keys("delegation")},
	{"launched", 0.9, ruleLaunched, keys("launched|sent")},
	{"established-by", 0.85, ruleEstablishedBy, keys("established|founded|set|created|inaugurated")},
	{"established-in-place", 0.8, ruleEstablishedIn, keys("established|founded|set|created")},
	{"developed-by", 0.85, ruleDeveloped, keys("developed|engineered|built|designed|created|unveiled")},
	{"payload-of-mission", 0.8, rulePayloads, keys("m")},
	{"supplied-payload", 0.75, ruleSupplied, keys("supplied|provided|contributed|delivered|calibrate|calibrated")},
	{"in-collaboration-with", 0.85, ruleInCollaboration, keys("collaboration|cooperation|partnership")},
	{"researchers-from", 0.75, ruleResearchersFrom, keys("from")},
	{"cooperated-with", 0.8, ruleCooperated, keys("cooperated|collaborated|partnered|teamed|worked|cooperation|cooperating|collaborating|working")},
	{"place-in-place", 0.7, rulePlaceInPlace, keys("l")},
}

// needs lists, for some rules, the placeholder kinds without which the
// rule cannot emit anything: space-separated groups of kind letters, each
// group met when the template has a placeholder of one of its letters
// ("E CI": an event, and a country or an institution). A cheap test
// before the rule's patterns; a rule not listed always runs.
var needs = map[string]string{
	"group-from-countries":   "E CI",
	"researchers-from":       "CI",
	"attended":               "EM",
	"host-held-event":        "E",
	"adopted-at-event":       "E A",
	"signed-passive":         "A",
	"established-by":         "IJ",
	"established-in-place":   "L I",
	"in-collaboration-with":  "PIC",
	"title-after-name":       "P IC",
	"title-before-name":      "P IC",
	"served-as":              "P I",
	"renewal-of-agreement":   "A",
	"participants-adopted":   "A",
	"texts-adopted-at-event": "E",
	"launched":               "M CI",
	"developed-by":           "JM PI",
}

// ruleNeeds holds needs by rule index, each group as a set of kinds.
var ruleNeeds = indexNeeds(rules)

func indexNeeds(rs []rule) [][]uint32 {
	out := make([][]uint32, len(rs))
	for i, r := range rs {
		for _, g := range strings.Fields(needs[r.name]) {
			out[i] = append(out[i], kindBits(g))
		}
	}
	return out
}

// hasAll reports whether every group of kinds has a placeholder in t.
func (t *template) hasAll(groups []uint32) bool {
	for _, g := range groups {
		if t.kinds&g == 0 {
			return false
		}
	}
	return true
}

// applyRules runs every rule on the sentence.
func (s *sent) applyRules() {
	if len(s.t.ph) == 0 {
		return
	}
	lower := s.t.lower
	present := wordsPresent(lower)
	for i, r := range rules {
		if !s.t.hasAll(ruleNeeds[i]) {
			continue
		}
		if present&ruleWordBits[i] != 0 || containsAny(lower, ruleOtherKeys[i]) {
			r.run(s, r)
		}
	}
}

// emitR emits an edge for rule r.
func (s *sent) emitR(r rule, typ graph.EdgeType, from, to *mention, date string, props map[string]string) {
	s.emit(r.name, r.conf, typ, from, to, date, props)
}

// pattern compiles a template pattern: `P` stands for a person
// placeholder, `X` for an actor (person, institution, country), `K`
// for any placeholder, and the other letters for their kinds.
func pattern(p string) *regexp.Regexp {
	r := strings.NewReplacer(
		"‹X›", `\{[PIC]\d+\}`, "‹P›", `\{P\d+\}`, "‹I›", `\{I\d+\}`, "‹C›", `\{C\d+\}`,
		"‹E›", `\{E\d+\}`, "‹A›", `\{A\d+\}`, "‹M›", `\{M\d+\}`, "‹L›", `\{L\d+\}`,
		"‹J›", `\{J\d+\}`, "‹D›", `\{D\d+\}`, "‹K›", `\{[A-Z]\d+\}`,
		"‹LIST›", `(?:\{C\d+\}(?:'s|’s)? (?:[\w-]+ ){0,3})?\{[PIC]\d+\}(?:(?:,| of(?: the)?)? \{[IC]\d+\})?(?:(?:,|,? and|,? &) (?:the )?(?:\{C\d+\}(?:'s|’s)? (?:[\w-]+ ){0,3})?\{[PIC]\d+\}(?: of(?: the)? \{I\d+\})?)*`,
	)
	return regexp.MustCompile(`(?i)` + r.Replace(p))
}

func first(ms []*mention) *mention {
	if len(ms) == 0 {
		return nil
	}
	return ms[0]
}

func kinds(ms []*mention, letters string) []*mention {
	var out []*mention
	for _, m := range ms {
		if strings.IndexByte(letters, m.letter()) >= 0 {
			out = append(out, m)
		}
	}
	return out
}

// listed returns the actors of a list group, leaving out the parents in
// "A of the B" and mentions marked as titles or appositions.
func (s *sent) listed(ms []*mention) []*mention {
	var out []*mention
	for _, m := range ms {
		if !m.isActor() || s.appos[m] || s.isParentInText(m) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// isParentInText reports whether the mention follows "<organisation> of (the)".
func (s *sent) isParentInText(m *mention) bool {
	p := s.ph(m)
	if p.a < 0 {
		return false
	}
	b := strings.TrimSuffix(s.before(p.a, 12), "the ")
	if !strings.HasSuffix(b, " of ") {
		return false
	}
	q := s.prevPlaceholder(p.a)
	return q != nil && q.kind == graph.Institution && strings.HasSuffix(s.t.s[:p.a], s.t.s[s.ph(q).b:p.a]) &&
		len(s.t.s[s.ph(q).b:p.a]) <= 8
}

// prevPlaceholder returns the mention placed right before position a.
func (s *sent) prevPlaceholder(a int) *mention {
	var m *mention
	for _, p := range s.t.ph {
		if p.b <= a {
			m = p.m
		}
	}
	return m
}

// modalWords before a verb make it unreal: "will sign", "plans to
// launch", "did not adopt".
var modalWords = set("will would shall may might could should can to not never cannot yet won't wouldn't didn't don't doesn't hasn't haven't isn't aren't wasn't weren't")

// modalSkip are words that may stand between a modal and its verb ("will
// be", "to jointly").
var modalSkip = set("be have been jointly also soon further")

// modal reports whether the verb at template position a is negated,
// future, planned or proposed.
func (s *sent) modal(a int) bool {
	var buf [2]string
	k := lastFields(s.before(a, 40), buf[:])
	for i := 0; i < k; i++ {
		w := s.x.lowerWord(strings.Trim(buf[i], ",.;:"))
		if modalWords[w] || strings.HasSuffix(w, "n't") {
			return true
		}
		if !modalSkip[w] {
			return false
		}
	}
	return false
}

// lastFields stores the last whitespace-separated fields of text in out,
// the last one first, and returns how many it stored; no allocation.
func lastFields(text string, out []string) int {
	n, end := 0, len(text)
	for n < len(out) {
		for end > 0 && isSpaceByte(text[end-1]) {
			end--
		}
		if end == 0 {
			break
		}
		start := end
		for start > 0 && !isSpaceByte(text[start-1]) {
			start--
		}
		out[n] = text[start:end]
		n++
		end = start
	}
	return n
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// dateNear returns the date mentioned in the clause of position a that is
// nearest to it; periods such as "(2025-2027)" do not count.
func (s *sent) dateNear(a int) string {
	ca, cb := s.clause(a)
	best, dist := "", 1<<30
	for _, p := range s.t.ph {
		if p.m.kind != kindDate || p.m.date.Until != "" || p.a < ca || p.b > cb {
			continue
		}
		d := p.a - a
		if d < 0 {
			d = a - p.b
		}
		if d < dist {
			best, dist = p.m.date.Value, d
		}
	}
	return best
}

// eventDate dates a relation with an event: the date stated near it, the
// event's own date, or the entry's context date. The event takes the
// date when it has none.
func (s *sent) eventDate(a int, ev *mention) string {
	d := s.dateNear(a)
	if ev != nil && ev.ent != nil && ev.kind == graph.Event {
		if d == "" || len(ev.ent.date) > len(d) && strings.HasPrefix(ev.ent.date, d) {
			d = ev.ent.date // "this year" near the summit of 22 November: the summit's day
		}
		if ev.ent.date == "" && len(d) >= 7 {
			ev.ent.date = d
		}
	}
	if d == "" {
		d = s.x.ctxDate
	}
	return d
}

// actDate dates an act with no event: the date near it, else the entry's.
func (s *sent) actDate(a int) string {
	if d := s.dateNear(a); d != "" {
		return d
	}
	if d, ok := s.shiftedDate(a); ok {
		return d // "three days after" the entry's day
	}
	return s.x.ctxDate
}

// --- affiliation ----------------------------------------------------------

var titlePhraseRe = regexp.MustCompile(`^\s*((?:[A-Z][\w'’.-]*|of|and|for|the|[,&]|leader|head|chief|envoy|ambassador|spokesperson)(?:\s*(?:[A-Z][\w'’.-]*|of|and|for|the|[,&]))*)\s*$`)

// ruleTitleBefore: "{C} Minister of Science and Technology {P}", "{I}
// President {P}", "CEO of {I} {P}", "Deputy Director of {I}, {P}".
func ruleTitleBefore(s *sent, r rule) {
	for k := 1; k < len(s.t.ph); k++ {
		p, q := s.t.ph[k], s.t.ph[k-1]
		if p.m.kind != graph.Person || q.m.kind != graph.Institution && q.m.kind != graph.Country {
			continue
		}
		seg := s.t.s[q.b:p.a]
		if strings.HasPrefix(seg, "'s ") || strings.HasPrefix(seg, "’s ") {
			seg = seg[strings.IndexByte(seg, ' '):]
		}
		if t := titlePhraseRe.FindStringSubmatch(seg); t != nil && hasTitleHead(t[1]) {
			role := roleTitle(t[1])
			if strings.HasSuffix(role, " of") || strings.HasSuffix(role, " of the") {
				continue
			}
			s.affiliate(r, p.m, q.m, role)
			continue
		}
		if strings.TrimSpace(seg) == "" || strings.TrimSpace(seg) == "," {
			start := 0
			if k >= 2 {
				start = s.t.ph[k-2].b
			}
			if role, ok := titleEnding(s.t.s[start:q.a]); ok {
				s.affiliate(r, p.m, q.m, role)
			}
		}
	}
}

// affiliate emits AFFILIATED_WITH and marks the organisation as the
// person's title, not an actor of the sentence.
func (s *sent) affiliate(r rule, p, org *mention, role string) {
	s.affiliateOn(r, p, org, role, "")
}

// affiliateOn is affiliate for a post taken on a date ("was appointed
// director of {I} in 2019"); a title stated in passing has none.
func (s *sent) affiliateOn(r rule, p, org *mention, role, date string) {
	s.appos[org] = true
	if s.aff[p] == nil || org.kind == graph.Institution {
		s.aff[p] = org
	}
	s.emitR(r, graph.AffiliatedWith, p, org, date, map[string]string{"role": role})
}

// hasTitleHead reports whether a phrase contains a title head.
func hasTitleHead(phrase string) bool {
	for i := 0; i < len(phrase); {
		for i < len(phrase) && (phrase[i] == ' ' || phrase[i] == ',') {
			i++
		}
		j := i
		for j < len(phrase) && phrase[j] != ' ' && phrase[j] != ',' {
			j++
		}
		if w := phrase[i:j]; w != "" && (titleHeads[w] || titleHeads[strings.ToLower(w)]) {
			return true
		}
		i = j
	}
	return false
}

// roleTitle trims a role to the title: from its first modifier or head.
func roleTitle(phrase string) string {
	words := strings.Fields(strings.Trim(phrase, " ,"))
	start := -1
	for i, w := range words {
		w = strings.Trim(w, ",")
		if titleModifiers[w] || titleHeads[w] || titleHeads[strings.ToLower(w)] {
			start = i
			break
		}
	}
	if start < 0 {
		return ""
	}
	return strings.Trim(strings.Join(words[start:], " "), " ,")
}

// titleEnding reads "... Title of (the) " at the end of text and returns
// the title ("Deputy Director", "head", "Minister of Higher Education and
// Science").
func titleEnding(text string) (string, bool) {
	t := strings.TrimRight(text, " ")
	t = strings.TrimSuffix(t, " the")
	t = strings.TrimSuffix(t, " The")
	if !strings.HasSuffix(t, " of") && t != "of" {
		return "", false
	}
	t = strings.TrimSuffix(t, "of")
	words := strings.Fields(t)
	i := len(words)
	for i > 0 {
		w := strings.Trim(words[i-1], ",")
		if isUpperInitial(w) || w == "and" || w == "of" || w == "for" || titleHeads[w] || titleModifiers[w] {
			i--
			if !isUpperInitial(w) && titleHeads[w] {
				break
			}
			continue
		}
		break
	}
	role := roleTitle(strings.Join(words[i:], " "))
	if role == "" || !hasTitleHead(role) {
		return "", false
	}
	return role, true
}

var titleAfterRe = regexp.MustCompile(`^,\s+(?:(?:a|an|the)\s+)?((?:[A-Za-z][\w'’-]*\s*){1,6}?)(?:,\s*|\s+(?:of|at|from|with|in)\s+(?:the\s+)?)\{([IC])(\d+)\}`)
var titleOfCountryRe = regexp.MustCompile(`^,\s+\{([IC])(\d+)\}(?:'s|’s)\s+((?:[A-Za-z][\w'’-]*[ ,]*){1,10})`)
var headedByRe = regexp.MustCompile(`^,?\s+(?:headed|led|chaired|directed) by\s+((?:[A-Z][\w-]*\s+){0,3})\{P(\d+)\}`)
var whoHeadsRe = regexp.MustCompile(`^,?\s+who\s+(?:heads|leads|chairs|directs|runs)\s+(?:the\s+)?\{([IC])(\d+)\}`)

// ruleHeadedBy: "{I}, headed by Administrator {P}": the person is
// affiliated with the body, with the title as role ("head" without one).
func ruleHeadedBy(s *sent, r rule) {
	for k, p := range s.t.ph {
		if p.m.kind != graph.Institution || k+1 >= len(s.t.ph) {
			continue
		}
		loc := headedByRe.FindStringSubmatchIndex(s.t.s[p.b:])
		if loc == nil || s.t.ph[k+1].m.kind != graph.Person {
			continue
		}
		role := strings.TrimSpace(s.t.s[p.b+loc[2] : p.b+loc[3]])
		if role == "" || !hasTitleHead(role) {
			role = "head"
		}
		s.affiliate(r, s.t.ph[k+1].m, p.m, role)
	}
}

// ruleTitleAfter: "{P}, President of the {I}", "{P}, a researcher from the
// {I}", "{P}, CEO, {I}", "{P}, who heads {I}".
func ruleTitleAfter(s *sent, r rule) {
	for k, p := range s.t.ph {
		if p.m.kind != graph.Person {
			continue
		}
		rest := s.t.s[p.b:]
		if !strings.HasPrefix(rest, ",") && !startsWho(rest) {
			continue // each pattern below starts with a comma or " who"
		}
		// No pattern below crosses a second placeholder: cut there, so
		// that the anchored patterns do not scan the rest of the sentence.
		rest = beforeBrace(rest, 2)
		if b := strings.IndexByte(rest, '{'); b < 0 || b+1 == len(rest) || rest[b+1] != 'I' && rest[b+1] != 'C' {
			continue // each pattern ends at an institution or country placeholder
		}
		if loc := titleAfterRe.FindStringSubmatchIndex(rest); loc != nil {
			role := rest[loc[2]:loc[3]]
			if hasTitleHead(role) && k+1 < len(s.t.ph) {
				org := s.t.ph[k+1].m
				if k+2 < len(s.t.ph) && org.kind == graph.Country && s.possessive(org) &&
					s.t.ph[k+2].m.kind == graph.Institution && s.t.ph[k+2].a-s.t.ph[k+1].b <= 4 {
					s.appos[org] = true
					org = s.t.ph[k+2].m
				}
				s.affiliate(r, p.m, org, roleTitle(role))
			}
			continue
		}
		if loc := titleOfCountryRe.FindStringSubmatchIndex(rest); loc != nil && k+1 < len(s.t.ph) {
			if role := roleTitle(strings.TrimRight(rest[loc[6]:loc[7]], " ,")); role != "" && hasTitleHead(role) {
				s.affiliate(r, p.m, s.t.ph[k+1].m, trimRoleTail(role))
				continue
			}
		}
		if whoHeadsRe.MatchString(rest) && k+1 < len(s.t.ph) {
			s.affiliate(r, p.m, s.t.ph[k+1].m, "head")
		}
	}
}

// beforeBrace returns text up to its n-th '{', or all of it.
func beforeBrace(text string, n int) string {
	for i := 0; i < len(text); i++ {
		if text[i] == '{' {
			if n--; n == 0 {
				return text[:i]
			}
		}
	}
	return text
}

// startsWho reports whether text is spaces then "who", as whoHeadsRe
// needs it when no comma comes first.
func startsWho(text string) bool {
	t := strings.TrimLeft(text, " \t\n\f\r")
	return len(t) < len(text) && strings.HasPrefix(t, "who")
}

// --- based in, part of ----------------------------------------------------

var (
	apposCountryRe = pattern(`(‹I›),\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(‹C›)`)
	possessiveRe   = pattern(`(‹C›)(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(‹I›)`)
	apposPossRe    = pattern(`(‹I›),\s+(‹C›)(?:'s|’s)\s+[a-z]`)
	basedSuffixRe  = pattern(`(‹L›|‹C›)-based\s+(?:[\w-]+\s+){0,3}?(‹I›)`)
	parentOfRe     = pattern(`(‹I›), (?:the|its) parent (?:[\w-]+ ){0,2}?of (?:the )?(‹I›)`)
	subsidiaryRe   = pattern(`(‹I›), (?:a|an|the) (?:wholly[ -]owned )?(?:subsidiary|unit|division|branch|member|part|affiliate|institute|laboratory|centre|center) of (?:the )?(?:[\w-]+ ){0,3}?(‹I›)`)
	descriptorRe   = pattern(`(‹C›) (?:[a-z-]+ ){0,2}(?:agency|academy|university|institute|company|ministry|organisation|organization|council|foundation|centre|center|operator|regulator) (‹I›)`)
)

// ruleApposBasedIn: "{I}, a {C} national cluster", "{C}'s {I}",
// "{I}, {C}'s space agency", "a {L}-based {I}".
func ruleApposBasedIn(s *sent, r rule) {
	if strings.Contains(s.t.s, "}, a") {
		for _, g := range s.groups(apposCountryRe) {
			s.basedIn(r, first(g[1]), first(g[2]))
		}
	}
	if strings.Contains(s.t.s, "'s ") || strings.Contains(s.t.s, "’s ") {
		for _, g := range s.groups(possessiveRe) {
			s.basedIn(r, first(g[2]), first(g[1]))
		}
		for _, g := range s.groups(apposPossRe) {
			s.basedIn(r, first(g[1]), first(g[2]))
		}
	}
	if strings.Contains(s.t.s, "-based") {
		for _, g := range s.groups(basedSuffixRe) {
			s.basedIn(r, first(g[2]), first(g[1]))
		}
	}
	if containsAny(s.t.s, descriptorFilter) {
		for _, g := range s.groups(descriptorRe) {
			s.basedIn(r, first(g[2]), first(g[1]))
		}
	}

}

func (s *sent) basedIn(r rule, inst, where *mention) {
	if inst == nil || where == nil {
		return
	}
	s.appos[where] = true
	s.emitR(r, graph.BasedIn, inst, where, "", nil)
}

var (
	locatedRe     = pattern(`(‹I›)[^{};]{0,40}?\b(?:based|headquartered|located)\s+in\s+(?:the\s+)?(‹L›|‹C›)`)
	instInRe      = pattern(`(‹I›) (?:in|of) (?:the )?(‹L›|‹C›)`)
	placeCountyRe = pattern(`(‹L›), (‹C›)`)
)

// ruleLocatedIn: "{I}, headquartered in {L}", "{I} in {C}", "{I} of {C}",
// "{L}, {C}".
func ruleLocatedIn(s *sent, r rule) {
	if containsAny(s.t.s, locatedFilter) {
		for _, g := range s.groups(locatedRe) {
			s.basedIn(r, first(g[1]), first(g[2]))
		}
	}
	if containsAny(s.t.s, inOfFilter) {
		s.instIn(r)
	}
	if strings.Contains(s.t.s, "}, {C") {
		for _, g := range s.groups(placeCountyRe) {
			s.basedIn(r, first(g[1]), first(g[2]))
		}
	}
}

// instIn: "{I} in {C}", "{I} of the {C}", "{I} in {L}".
func (s *sent) instIn(r rule) {
	for _, loc := range s.findAll(instInRe) {
		if strings.Contains(s.lowerBefore(loc[0], 30), "held") {
			continue
		}
		s.basedIn(r, s.firstWithin(loc[2], loc[3], "I"), s.firstWithin(loc[4], loc[5], "LC"))
	}
}

var partOfRe = pattern(`(‹I›|‹E›) of (?:the )?(‹I›)`)

// ruleSubsidiary: "{I}, a subsidiary of the state-owned {I}".
func ruleSubsidiary(s *sent, r rule) {
	for _, g := range s.groups(subsidiaryRe) {
		child, parent := first(g[1]), first(g[2])
		s.appos[parent] = true
		s.emitR(r, graph.PartOf, child, parent, "", nil)
	}
}

// ruleParentOf: "{I}, the parent ministry of {I}": the second is part of
// the first.
func ruleParentOf(s *sent, r rule) {
	for _, g := range s.groups(parentOfRe) {
		s.emitR(r, graph.PartOf, first(g[2]), first(g[1]), "", nil)
	}
}

// rulePartOfOrg: "{I} of the {I}" where the names were split, "{E} of the {I}".
func rulePartOfOrg(s *sent, r rule) {
	if !strings.Contains(s.t.s, "} of ") {
		return
	}
	for _, g := range s.groups(partOfRe) {
		a, b := first(g[1]), first(g[2])
		if a != nil && b != nil {
			s.appos[b] = true
			s.emitR(r, graph.PartOf, a, b, "", nil)
		}
	}
}

var placeInPlaceRe = pattern(`(‹L›)(?: in|,) (‹L›)`)

// rulePlaceInPlace: "{L} in {L}" (a site in a province).
func rulePlaceInPlace(s *sent, r rule) {
	for _, g := range s.groups(placeInPlaceRe) {
		a, b := first(g[1]), first(g[2])
		if a != nil && b != nil && isProvince(b.ent.name) {
			s.emitR(r, graph.BasedIn, a, b, "", nil)
		}
	}
}

// isProvince reports whether a place is a province or region.
func isProvince(name string) bool {
	if strings.HasSuffix(name, " Province") || strings.HasSuffix(name, " Region") {
		return true
	}
	for _, ps := range knownPlaces {
		for _, p := range ps {
			if p.name == name && p.typ == "province" {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// trimRoleTail cuts a role at its first lower-case word that is not a
// connector ("Minister of Foreign Affairs signed" -> "Minister of Foreign
// Affairs").
func trimRoleTail(role string) string {
	words := strings.Fields(role)
	for i, w := range words {
		if i > 0 && !isUpperInitial(w) && w != "of" && w != "and" && w != "for" && w != "the" {
			return strings.Trim(strings.Join(words[:i], " "), " ,")
		}
	}
	return strings.Trim(role, " ,")
}

var servedAsRe = regexp.MustCompile(`\b(?:served as|promoted (?:earlier (?:[a-z ]+|\{D\d+\}) )?to|appointed(?: as)?|named(?: as)?|became|elected(?: as)?|worked as)\s+(?:the\s+|a\s+|an\s+)?((?:[a-z-]+\s+){0,3}?(?:[a-z-]+))\s+(?:of|at)\s+(?:the\s+)?\{I(\d+)\}`)
var postsAtRe = regexp.MustCompile(`\b(?:held|holds) (?:posts|positions) (?:at|with) (?:the )?\{I(\d+)\}`)

// ruleServedAs: "{P} served as president of {I}", "He was promoted to vice
// minister of the {I}", "{P} held posts at the {I}": the sentence's person
// is affiliated with the body.
func ruleServedAs(s *sent, r rule) {
	if containsAny(s.t.s, servedAsFilter) {
		s.servedAs(r)
	}
	if containsAny(s.t.s, postsAtFilter) {
		s.postsAt(r)
	}
}

// Filters of ruleServedAs: the verbs of servedAsRe and the nouns of
// postsAtRe (both patterns are case-sensitive).
var (
	servedAsFilter = keys("served as|promoted|appointed|named|became|elected|worked as")
	postsAtFilter  = keys(" posts |positions ")
)

// servedAs: "{P} served as president of {I}".
func (s *sent) servedAs(r rule) {
	for _, loc := range s.findAll(servedAsRe) {
		role := s.t.s[loc[2]:loc[3]]
		if !hasTitleHead(role) {
			continue
		}
		if p := s.subject(loc[0], "P"); p != nil {
			s.affiliateOn(r, p, s.firstWithin(loc[4]-2, loc[5]+1, "I"), role, s.dateNear(loc[0]))
		}
	}
}

// postsAt: "{P} held posts at the {I}".
func (s *sent) postsAt(r rule) {
	for _, loc := range s.findAll(postsAtRe) {
		if p := s.subject(loc[0], "P"); p != nil {
			s.affiliate(r, p, s.firstWithin(loc[2]-2, loc[3]+1, "I"), "staff")
		}
	}
}

// Filters checked before the patterns they guard.
var (
	descriptorFilter   = keys("agency|academy|university|institute|company|ministry|organisation|organization|council|foundation|centre|center|operator|regulator")
	locatedFilter      = keys("based in|headquartered in|located in")
	inOfFilter         = keys("} in {|} in the {|} of {|} of the {")
	cooperationFilter  = keys("cooperated|collaborated|partnered|teamed up|worked|cooperating|collaborating|working together")
	attendFilter       = keys("attended|took part|participated|joined|spoke at|addressed")
	partnersFilter     = keys(" as partners| as participants| as contributors")
	contributionFilter = keys("payload|instrument|experiment|cubesat|device|camera|detector")
	crewFilter         = keys("astronaut|taikonaut|cosmonaut|crew")
)

// The filter keys of the rules are split in two: single words, looked up
// in one pass over the template's words (wordRules maps a word to the
// bits of the rules it enables), and other strings, searched one by one.
var wordRules, ruleWordBits, ruleOtherKeys = indexKeys(rules)

// ruleWordFilter filters the keys of wordRules.
var ruleWordFilter = func() (f wordFilter) {
	for w := range wordRules {
		f.add(w)
	}
	return f
}()

func indexKeys(rs []rule) (map[string]uint64, []uint64, [][]string) {
	byWord := map[string]uint64{}
	bits := make([]uint64, len(rs))
	other := make([][]string, len(rs))
	for i, r := range rs {
		for _, k := range r.keys {
			if isPlainWord(k) && i < 64 {
				byWord[k] |= 1 << uint(i)
				bits[i] |= 1 << uint(i)
			} else {
				other[i] = append(other[i], k)
			}
		}
	}
	return byWord, bits, other
}

// isPlainWord reports whether k is one lower-case word.
func isPlainWord(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 'a' || k[i] > 'z' {
			return false
		}
	}
	return true
}

// wordsPresent returns the bits of the rules whose filter words occur in
// the lower-case template, as whole words or with a plural "s".
func wordsPresent(lower string) uint64 {
	var bits uint64
	for i := 0; i < len(lower); {
		if lower[i] < 'a' || lower[i] > 'z' {
			i++
			continue
		}
		j := i
		for j < len(lower) && lower[j] >= 'a' && lower[j] <= 'z' {
			j++
		}
		w := lower[i:j]
		if ruleWordFilter.may(w) {
			bits |= wordRules[w]
		}
		if len(w) > 3 && w[len(w)-1] == 's' && ruleWordFilter.may(w[:len(w)-1]) {
			bits |= wordRules[w[:len(w)-1]]
		}
		i = j
	}
	return bits
}

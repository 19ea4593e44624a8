package extract

import (
	"regexp"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

var (
	heldInRe     = pattern(`held(?: the| a| an)? ?["“]?(‹E›)["”]?(?: (‹D›))?,?(?: in| at) (?:the )?(‹L›)`)
	eventHeldRe  = pattern(`(‹E›)[^{};]{0,40}?\b(?:was |were |is |are )?(?:held|hosted|took place|convened|opened|staged)(?: (‹D›))?(?: in| at) (?:the )?(‹L›)`)
	eventInRe    = pattern(`(‹E›)(?: (‹D›))? in (‹L›)`)
	metInForRe   = pattern(`\b(?:met|gathered|convened) in (‹L›)(?: (‹D›))? (?:for|at) (?:the )?(‹E›)`)
	visitToRe    = pattern(`(‹P›)(?:'s|’s) (‹E›) to (?:the )?(‹C›|‹L›)`)
	hostedByRe   = pattern(`\b(?:hosted|organi[sz]ed|convened|co-hosted) by (?:the )?((?:‹C› [\w -]{0,40}?)?(?:‹X›|‹L›)(?:(?:,? and|,? together with|,? with) (?:the )?(?:‹X›|‹L›))*)`)
	hostActiveRe = pattern(`\b(hosted|organi[sz]ed|convened|co-hosted|held) (?:the |a |an |its |their )?["“]?(‹E›)`)
	coHostRe     = pattern(`^(?: with|[^;]*? together with) (?:the )?(‹LIST›)`)
	whichHostsRe = pattern(`(‹E›), which (?:the )?(‹X›) (?:is |was |has been )?(?:hosting|hosted|organising|organizing|organised|organized)`)
)

// ruleHeldInPlace: "held the {E} on {D} in {L}", "{E}, held on {D} in {L}".
func ruleHeldInPlace(s *sent, r rule) {
	if !strings.Contains(s.t.s, "{E") || !strings.Contains(s.t.s, "{L") {
		return
	}
	for _, re := range []*regexp.Regexp{heldInRe, eventHeldRe, eventInRe} {
		for _, g := range s.groups(re) {
			ev, place := first(g[1]), first(g[3])
			if ev == nil || place == nil {
				continue
			}
			s.emitR(r, graph.Hosted, place, ev, s.eventDate(s.ph(ev).a, ev), nil)
		}
	}
}

// ruleMetInFor: "leaders met in {L} for the {E}": the place hosts the event.
func ruleMetInFor(s *sent, r rule) {
	for _, g := range s.groups(metInForRe) {
		place, ev := first(g[1]), first(g[3])
		s.emitR(r, graph.Hosted, place, ev, s.eventDate(s.ph(ev).a, ev), nil)
	}
}

// ruleVisit: "{P}'s state visit to {C}": the destination hosts the visit
// and the visitor takes part in it.
func ruleVisit(s *sent, r rule) {
	if !strings.Contains(s.t.s, "s {E") {
		return
	}
	for _, g := range s.groups(visitToRe) {
		p, ev, dest := first(g[1]), first(g[2]), first(g[3])
		if !strings.Contains(strings.ToLower(ev.name), "visit") {
			continue
		}
		d := s.dateNear(s.ph(ev).a)
		if d == "" && len(s.x.ctxDate) >= 7 {
			d = s.x.ctxDate[:7] // a visit spans days: the entry's day need not be its first
		}
		if ev.ent.date == "" {
			ev.ent.date = d
		}
		s.emitR(r, graph.Hosted, dest, ev, d, nil)
		s.emitR(r, graph.ParticipatedIn, p, ev, d, nil)
	}
}

// ruleHostedBy: "{E} hosted by {X}", "{I}, ... hosted by {I}": the host of
// the clause's subject.
func ruleHostedBy(s *sent, r rule) {
	for _, loc := range s.findAll(hostedByRe) {
		var hosts []*mention
		for _, m := range s.within(loc[2], loc[3], "PICL") {
			if !s.appos[m] && !s.isParentInText(m) {
				hosts = append(hosts, m)
			}
		}
		if len(hosts) == 0 || s.modal(loc[0]) {
			continue
		}
		subj := s.adjacentBefore(loc[0], "EI")
		if subj == nil {
			subj = s.subject(loc[0], "EI")
		}
		if subj == nil {
			continue
		}
		for _, host := range hosts {
			if host != subj {
				s.emitR(r, graph.Hosted, host, subj, s.eventDate(loc[0], subj), nil)
			}
		}
	}
}

// ruleHostHeld: "{P}, President of the {I}, held a {E}": the subject of
// "held" hosts, unless it only leads ("led by {P}, ... held") or is a
// group from countries.
func ruleHostHeld(s *sent, r rule) {
	for _, loc := range s.findAll(hostActiveRe) {
		ev := s.firstWithin(loc[4], loc[5], "E")
		if ev == nil || s.modal(loc[0]) {
			continue
		}
		ca, _ := s.clause(loc[0])
		text := s.t.lower[ca:loc[0]]
		if strings.Contains(text, "led by") || strings.Contains(text, "headed by") ||
			s.admits(groupFromRe, ca, loc[0]) && groupFromRe.MatchString(text) || s.admits(groupOfListRe, ca, loc[0]) && groupOfListRe.MatchString(text) {
			continue
		}
		host := s.subject(loc[0], "PIC")
		if host == nil {
			continue
		}
		d := s.eventDate(loc[0], ev)
		s.emitR(r, graph.Hosted, host, ev, d, nil)
		for _, m := range s.coHosts(s.ph(ev).b) {
			s.emitR(r, graph.Hosted, m, ev, d, nil)
		}
	}
	if !strings.Contains(s.t.s, ", which") {
		return
	}
	for _, g := range s.groups(whichHostsRe) {
		ev, host := first(g[1]), first(g[2])
		d := s.eventDate(s.ph(ev).a, ev)
		s.emitR(r, graph.Hosted, host, ev, d, nil)
		for _, m := range s.coHosts(s.ph(host).b) {
			s.emitR(r, graph.Hosted, m, ev, d, nil)
		}
	}
}

// coHosts returns the actors named by "with" right at template position
// a, or by "together with" later in its clause.
func (s *sent) coHosts(a int) []*mention {
	if a < 0 || a > len(s.t.s) {
		return nil
	}
	_, cb := s.clause(a)
	if g := s.groupsAt(coHostRe, a, cb); g != nil {
		return s.listed(g[1])
	}
	return nil
}

// subject returns the actor nearest before position a in its clause that
// is not a title, an apposition, a parent or after "except"/"by"/"from"
// and the like, with a kind letter in letters.
func (s *sent) subject(a int, letters string) *mention {
	ca, _ := s.clause(a)
	ms := s.within(ca, a, letters)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if s.appos[m] || s.isParentInText(m) || s.afterPrep(m) {
			continue
		}
		return m
	}
	return nil
}

// governingPreps are the prepositions that govern a mention so that it is
// not the subject of its clause.
var governingPreps = set("except excluding from by with to at in for between among on including than of into via")

// afterPrep reports whether a preposition governs the mention.
func (s *sent) afterPrep(m *mention) bool {
	p := s.ph(m)
	if p.a < 0 {
		return false
	}
	var buf [3]string
	n := lastFields(strings.TrimRight(s.before(p.a, 24), " \"“"), buf[:])
	words := buf[:n]
	if n > 0 && (words[0] == "the" || words[0] == "a" || words[0] == "an") {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	last := s.x.lowerWord(words[0])
	return governingPreps[last] || last == "to" && len(words) > 1 && strings.EqualFold(words[1], "parallel")
}

var ledUntilRe = regexp.MustCompile(`(?i)\b(?:held|hosted|organi[sz]ed|attended|signed|launched|opened)\b`)

var (
	ledByRe      = pattern(`\b(?:led|headed|chaired|co-chaired|head) by\b`)
	ledActiveRe  = pattern(`(‹P›|‹I›|‹C›)(?:,[^{};]{0,60}?,)? (?:has |had |have )?(?:also )?(?:led|headed|chaired|co-chaired) (?:the )?(‹E›|‹M›|‹I›)`)
	underRe      = pattern(`under (?:the )?(?:chairmanship|leadership|presidency) of (?:the )?(‹X›)[^;]*?(‹E›)`)
	underAfterRe = pattern(`(‹E›)[^{};]{0,40}?\bunder (?:the )?(?:chairmanship|leadership|presidency) of (?:the )?(‹X›)`)
)

// ruleLedBy: "..., led by {P} and {P}, held the {E}" and "{E}, chaired by
// {P}". The persons lead the event; a delegation's heads take part instead
// (rule delegation).
func ruleLedBy(s *sent, r rule) {
	var locs [][]int
	if s.admits(ledByRe, 0, len(s.t.s)) {
		locs = ledByRe.FindAllStringIndex(s.t.s, -1)
	}
	for _, loc := range locs {
		if strings.Contains(s.lowerBefore(loc[0], 60), "delegation") {
			continue
		}
		_, cb := s.clause(loc[1])
		end := cb
		if h := ledUntilRe.FindStringIndex(s.t.s[loc[1]:cb]); h != nil {
			end = loc[1] + h[0]
		}
		leaders := s.listed(s.within(loc[1], end, "PIC"))
		target := s.firstWithin(end, cb, "EM")
		if target == nil {
			target = s.subject(loc[0], "EMI")
		}
		if target == nil || target.kind == graph.Institution && len(leaders) == 0 {
			continue
		}
		for _, l := range leaders {
			s.emitR(r, graph.Led, l, target, s.eventDate(s.ph(target).a, target), nil)
		}
	}
	for _, g := range s.groups(underAfterRe) {
		ev := first(g[1])
		s.emitR(r, graph.Led, first(g[2]), ev, s.eventDate(s.ph(ev).a, ev), nil)
	}
	for _, g := range s.groups(underRe) {
		s.emitR(r, graph.Led, first(g[1]), first(g[2]), s.eventDate(s.ph(first(g[2])).a, first(g[2])), nil)
	}
}

// ruleLedActive: "{P} led the {E}", "{I} headed the {M}".
func ruleLedActive(s *sent, r rule) {
	for _, loc := range s.findAll(ledActiveRe) {
		who, what := s.firstWithin(loc[2], loc[3], "PIC"), s.firstWithin(loc[4], loc[5], "EMI")
		if who == nil || what == nil || s.appos[who] || s.modal(loc[4]) {
			continue
		}
		s.emitR(r, graph.Led, who, what, s.eventDate(loc[4], what), nil)
	}
}

var (
	delegFromRe = pattern(`delegations? (?:from|of) (?:the )?(‹LIST›)`)
	delegHeadRe = pattern(`delegations?\b[^;]*?\b(?:led|headed|head) by ([^;]*)`)
)

// ruleDelegation: "a delegation from {I} headed by {P} and {P}": the
// sending body and the heads take part in the sentence's event.
func ruleDelegation(s *sent, r rule) {
	ev := s.sentenceEvent()
	if ev == nil {
		return
	}
	for _, g := range s.groups(delegFromRe) {
		for _, m := range s.listed(g[1]) {
			s.emitR(r, graph.ParticipatedIn, m, ev, s.eventDate(s.ph(ev).a, ev), nil)
		}
	}
	for _, loc := range s.findAll(delegHeadRe) {
		for _, m := range s.within(loc[2], loc[3], "P") {
			s.emitR(r, graph.ParticipatedIn, m, ev, s.eventDate(s.ph(ev).a, ev), nil)
		}
	}
}

// sentenceEvent returns the sentence's first event, else the entry's
// current event.
// targetEvent returns the event a sentence speaks of: the one it names, or
// else the entry's current event (nil when there is neither).
func (s *sent) targetEvent() *entity {
	if ev := s.sentenceEvent(); ev != nil {
		return ev.ent
	}
	return s.x.curEvent
}

func (s *sent) sentenceEvent() *mention {
	for _, p := range s.t.ph {
		if p.m.kind == graph.Event {
			return p.m
		}
	}
	return nil
}

var groupFromRe = regexp.MustCompile(`(?i)\b(?:communities|community|delegations?|teams?|representatives|officials|ministers|participants|scientists|researchers) from (?:the )?\{[CI]\d+\}`)

// groupNouns name groups of people "from" countries or bodies.
var groupNouns = set("communities community delegation delegations team teams representatives officials ministers participants experts scientists researchers")

var groupFromListRe = pattern(`^(?:the )?(‹LIST›)[^;]*?\b(?:held|attended|joined|took part in|participated in) (?:the )?["“]?(‹E›)`)

// afterFrom returns the template positions right after " from " where the
// word before "from" is one of nouns (in lower case).
func (s *sent) afterFrom(nouns map[string]bool) []int {
	var out []int
	lower := s.t.lower
	for i := 0; ; {
		k := strings.Index(lower[i:], " from ")
		if k < 0 {
			return out
		}
		at := i + k
		w := lower[strings.LastIndexByte(lower[:at], ' ')+1 : at]
		if nouns[w] {
			out = append(out, at+len(" from "))
		}
		i = at + 1
	}
}

// ruleGroupFrom: "the scientific communities from {C} and {C}, ..., held
// the {E}": the countries take part.
func ruleGroupFrom(s *sent, r rule) {
	for _, a := range s.afterFrom(groupNouns) {
		g := s.groupsAt(groupFromListRe, a, len(s.t.s))
		if g == nil {
			continue
		}
		ev := first(g[2])
		for _, m := range s.listed(kinds(g[1], "CI")) {
			s.emitR(r, graph.ParticipatedIn, m, ev, s.eventDate(s.ph(ev).a, ev), nil)
		}
	}
}

var (
	attendedRe    = pattern(`\b(?:attended|took part in|participated in|joined|spoke at|addressed) (?:the |a |an )?["“]?(‹E›|‹M›)`)
	attendedByRe  = pattern(`(‹E›)[^{};]{0,40}?\battended by (?:the )?(‹LIST›)`)
	keynoteRe     = regexp.MustCompile(`(?i)\b(?:keynote|address|speech|remarks|spoke|opened|video message|presided)\b`)
	payloadRe     = pattern(`(‹X›)[^{};]{0,60}?\bpayloads?\b[^{};]{0,40}?(‹M›)`)
	payloadFromRe = pattern(`\b(?:payloads?|instruments?|experiments?|cubesats?|devices?|cameras?|detectors?)\b[^{};]{0,40}?\b(?:from|of|by) (?:the )?(‹LIST›)`)
	partnersRe    = pattern(`(‹LIST›) as (?:partners|participants|contributors) (?:in|of|on|to) (?:the )?(‹M›|‹E›)`)
	crewRe        = pattern(`\b(?:astronauts|taikonauts|cosmonauts|crew members|crew) (‹LIST›)`)
)

// ruleAttended: "{P} and {I} attended the {E}", "{E} was attended by
// {X}", payloads contributed to a mission.
func ruleAttended(s *sent, r rule) {
	lower := s.t.lower
	if containsAny(lower, attendFilter) {
		for _, loc := range s.findAll(attendedRe) {
			target := s.firstWithin(loc[2], loc[3], "EM")
			if s.modal(loc[0]) {
				continue
			}
			ca, _ := s.clause(loc[0])
			for _, m := range s.signers(ca, loc[0]) {
				s.emitR(r, graph.ParticipatedIn, m, target, s.eventDate(loc[0], target), nil)
			}
		}
	}
	if strings.Contains(lower, "attended by") {
		for _, g := range s.groups(attendedByRe) {
			for _, m := range s.listed(g[2]) {
				s.emitR(r, graph.ParticipatedIn, m, first(g[1]), s.eventDate(s.ph(first(g[1])).a, first(g[1])), nil)
			}
		}
	}
	if strings.Contains(lower, "payload") {
		for _, g := range s.groups(payloadRe) {
			s.emitR(r, graph.ParticipatedIn, first(g[1]), first(g[2]), "", nil)
		}
	}
	if containsAny(lower, partnersFilter) {
		for _, g := range s.groups(partnersRe) {
			for _, x := range s.listed(g[1]) {
				s.emitR(r, graph.ParticipatedIn, x, first(g[2]), "", nil)
			}
		}
	}
	s.missionContributors(r, lower)
}

// missionContributors: "{M} carries instruments from {X} and {Y}",
// "with astronauts {P}, {P} and {P}": they take part in the mission.
func (s *sent) missionContributors(r rule, lower string) {
	m := s.firstWithin(0, len(s.t.s), "M")
	if m == nil {
		return
	}
	var res []*regexp.Regexp
	if containsAny(lower, contributionFilter) {
		res = append(res, payloadFromRe)
	}
	if containsAny(lower, crewFilter) {
		res = append(res, crewRe)
	}
	for _, re := range res {
		for _, loc := range s.findAll(re) {
			for _, x := range s.listed(s.within(loc[2], loc[3], "PIC")) {
				s.emitR(r, graph.ParticipatedIn, x, m, s.actDate(loc[0]), nil)
			}
		}
	}
}

// ruleKeynote: a person giving a keynote, address or speech takes part in
// the event of the sentence or of the entry.
func ruleKeynote(s *sent, r rule) {
	if !s.admits(keynoteRe, 0, len(s.t.s)) || !keynoteRe.MatchString(s.t.s) {
		return
	}
	target := s.targetEvent()
	if target == nil {
		return
	}
	for _, p := range s.t.ph {
		if p.m.kind != graph.Person || s.modal(p.a) {
			continue
		}
		d := s.dateNear(p.a)
		if d == "" {
			d = target.date
		}
		s.x.emitEntities(r.name, r.conf, graph.ParticipatedIn, p.m.ent, target, d, nil, s.evidence())
	}
}

// adjacentBefore returns the mention right before template position a
// (only a comma or spaces between) when its kind letter is in letters.
func (s *sent) adjacentBefore(a int, letters string) *mention {
	m := s.prevPlaceholder(a)
	if m == nil || strings.IndexByte(letters, m.letter()) < 0 {
		return nil
	}
	if gap := strings.Trim(s.t.s[s.ph(m).b:a], " ,"); gap != "" {
		return nil
	}
	return m
}

// ruleMet: "{P}, President of the {I}, met {P}, CEO of the {I}": both
// persons and the bodies they speak for take part in the meeting.
func ruleMet(s *sent, r rule) {
	for _, p := range s.t.ph {
		ev := p.m
		if ev.kind != graph.Event || !ev.untitled || ev.gen != "Meeting" {
			continue
		}
		ca, cb := s.clause(p.a)
		parties := s.signers(ca, p.a)
		for _, m := range s.within(p.b, cb, "PIC") {
			if !s.appos[m] && !s.afterPrep(m) {
				parties = append(parties, m)
			}
		}
		date := s.eventDate(p.a, ev)
		for _, m := range parties {
			s.emitR(r, graph.ParticipatedIn, m, ev, date, nil)
			if org := s.aff[m]; org != nil && org.kind == graph.Institution {
				s.emitR(r, graph.ParticipatedIn, org, ev, date, nil)
			}
		}
	}
}

var ledDelegationRe = pattern(`(‹P›)[^{};]{0,40}?\bled (?:his|her|their|the|a) (?:country's |nation's |government's )?delegation`)

// ruleLedDelegation: "{P} led his country's delegation": the person, and
// the country they are affiliated with, take part in the event of the
// sentence or of the entry.
func ruleLedDelegation(s *sent, r rule) {
	target := s.targetEvent()
	if target == nil {
		return
	}
	for _, g := range s.groups(ledDelegationRe) {
		p := first(g[1])
		s.x.emitEntities(r.name, r.conf, graph.ParticipatedIn, p.ent, target, target.date, nil, s.evidence())
		if org := s.aff[p]; org != nil {
			s.x.emitEntities(r.name, r.conf, graph.ParticipatedIn, org.ent, target, target.date, nil, s.evidence())
		}
	}
}

var (
	tookPartRe   = regexp.MustCompile(`(?i)\b(?:took part|participated|spoke by video|attended)(?: (?:online|in person|virtually|by video))?(?:[.;]|$| at the opening| at the opening ceremony)`)
	eventAdoptRe = pattern(`(‹E›)[^{};]{0,30}? (?:adopted|endorsed) (?:the |a |an )?(‹A›)`)
)

// ruleTookPart: "Representatives of {C} and {C} took part." with no
// object: the actors of the clause take part in the entry's event.
func ruleTookPart(s *sent, r rule) {
	ev := s.x.curEvent
	if ev == nil {
		return
	}
	if !s.admits(tookPartRe, 0, len(s.t.s)) {
		return
	}
	for _, loc := range tookPartRe.FindAllStringIndex(s.t.s, -1) {
		if s.modal(loc[0]) {
			continue
		}
		ca, _ := s.clause(loc[0])
		for _, m := range s.within(ca, loc[0], "PIC") {
			if s.appos[m] || s.isParentInText(m) || s.afterPrep(m) && !s.afterGroupOf(m) && !s.afterFromGroup(m) || s.possessive(m) {
				continue
			}
			d := s.dateNear(loc[0])
			if d == "" {
				d = ev.date
			}
			s.x.emitEntities(r.name, r.conf, graph.ParticipatedIn, m.ent, ev, d, nil, s.evidence())
		}
	}
}

// afterFromGroup reports whether the mention follows "officials from"
// and the like: the group stands for it.
func (s *sent) afterFromGroup(m *mention) bool {
	a, b := max(0, s.ph(m).a-40), s.ph(m).b
	return s.admits(groupFromRe, a, b) && groupFromRe.MatchString(s.t.s[a:b])
}

// ruleEventAdopted: "The {E} adopted a {A}": the text is part of the
// event and signed by those who took part in it.
func ruleEventAdopted(s *sent, r rule) {
	for _, g := range s.groups(eventAdoptRe) {
		ev, a := first(g[1]), first(g[2])
		if ev == nil || a == nil || s.modal(s.ph(a).a-10) {
			continue
		}
		s.emitR(r, graph.PartOf, a, ev, "", nil)
		for _, p := range s.x.participants(ev.ent) {
			s.x.emitEntities(r.name, r.conf, graph.Signed, p, a.ent, ev.ent.date, map[string]string{"act": "adopted"}, s.evidence())
		}
	}
}

// groupOfListRe finds "leaders of {C}": the group, not the country, acts.
var groupOfListRe = regexp.MustCompile(`(?i)\b(?:leaders|ministers|heads|delegations?|representatives|officials) of (?:the )?\{[CI]\d+\}`)

// groupFilter holds the group nouns of groupHeldRe and groupMetRe.
var groupFilter = keys("leaders|ministers|heads|delegations|officials|delegates|representatives")

var groupHeldRe = pattern(`\b(?:leaders|ministers|heads|delegations)\b (?:of|from) (?:the )?(‹LIST›) (?:held|had|convened)\b[^;]*?(‹E›)`)

var groupMetRe = pattern(`\b(?:ministers|leaders|officials|delegates|representatives|heads)\b[^{};]{0,60}? (?:of|from|in) (?:the )?(‹LIST›)[^;]*?\b(?:met|gathered|convened)\b[^;]*?\b(?:for|at) (?:the )?(‹E›)`)

// ruleGroupMet: "The ministers of {C} and {C} met online for the {E}":
// the countries take part in the event.
func ruleGroupMet(s *sent, r rule) {
	if !containsAny(s.t.lower, groupFilter) {
		return
	}
	for _, g := range s.groups(groupHeldRe) {
		ev := first(g[2])
		for _, m := range s.listed(kinds(g[1], "CI")) {
			s.emitR(r, graph.ParticipatedIn, m, ev, s.eventDate(s.ph(ev).a, ev), nil)
		}
	}
	for _, g := range s.groups(groupMetRe) {
		ev := first(g[2])
		for _, m := range s.listed(kinds(g[1], "CI")) {
			s.emitR(r, graph.ParticipatedIn, m, ev, s.eventDate(s.ph(ev).a, ev), nil)
		}
	}
}

package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sdkg/sdkg/graph"
)

// Events are dated by their opening day (as "13-15 May" is). A report
// that a meeting "ended" on a day gives its last day; "the two-day
// meeting" gives its length. Together they give the opening day, which
// the event and its relations dated by the last day then take.

// endVerbs end an event: "the delegations ended their meeting on Friday".
var endVerbs = set("ended concluded closed finished")

// eventSpanDeterminers may stand between an end verb and the event.
var eventSpanDeterminers = set("the their its his her a an")

// noteSpan records, for the events of the sentence, that the day stated
// in it is their last ("ended their meeting on Friday") and how many days
// they lasted ("the two-day meeting").
func (s *sent) noteSpan(day string) {
	for _, m := range s.ms {
		if m.kind != graph.Event || m.ent == nil {
			continue
		}
		if n := dayCount(s.w(m.i - 1)); n > 1 {
			m.ent.days = n
		}
		if day != "" && m.ent.date == day && !m.ref && s.endsEvent(m) {
			m.ent.ended = true
		}
	}
}

// endsEvent reports whether an end verb governs the event mention: "ended
// (their) {E}", not under a modal ("will close the {E}").
func (s *sent) endsEvent(m *mention) bool {
	k := m.i - 1
	for k >= 0 && eventSpanDeterminers[s.lower(k)] {
		k--
	}
	return k >= 0 && endVerbs[s.lower(k)] && !s.modalBefore(k)
}

// modalBefore reports whether a modal word stands right before token k.
func (s *sent) modalBefore(k int) bool {
	return k > 0 && modalWords[s.lower(k-1)]
}

// numberWords are the spelt-out lengths of events.
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// dayCount reads "two-day" or "3-day" as a number of days, else 0.
func dayCount(w string) int {
	num, ok := strings.CutSuffix(strings.ToLower(w), "-day")
	if !ok {
		return 0
	}
	if n, ok := numberWords[num]; ok {
		return n
	}
	if n, err := strconv.Atoi(num); err == nil && n > 0 && n < 100 {
		return n
	}
	return 0
}

// openSpans moves the events known by their last day and length to their
// opening day, with the relations dated by the last day.
func (x *extractor) openSpans() {
	for _, e := range x.reg.ents {
		if e.kind != graph.Event || !e.ended || e.days < 2 {
			continue
		}
		last, err := time.Parse("2006-01-02", e.date)
		if err != nil {
			continue
		}
		first := last.AddDate(0, 0, 1-e.days).Format("2006-01-02")
		for _, f := range x.edges {
			if (f.to == e || f.from == e) && f.date == e.date {
				f.date = first
			}
		}
		e.date = first
	}
}

// relativeRe finds "three days after", "2 weeks before": an offset from
// the day the entry is at.
var relativeRe = regexp.MustCompile(`\b([a-z]+|\d+) (days?|weeks?) (after|before)\b`)

// shiftedDate dates the act at template position a that a phrase such as
// "three days after" places relative to the entry's day (its context
// date): an act inside the phrase's clause ("came three days after the
// UAE sent its probe") happened the offset before the day for "after"
// and after it for "before"; an act of the main clause ("Two days before
// the signing, China launched") the other way round. False when the
// sentence has no such phrase or the entry's day is not known to the day.
func (s *sent) shiftedDate(a int) (string, bool) {
	if len(s.x.ctxDate) != 10 || !strings.Contains(s.t.lower, " after") && !strings.Contains(s.t.lower, " before") {
		return "", false
	}
	ca, cb := s.clause(a)
	loc := relativeRe.FindStringSubmatchIndex(s.t.lower[ca:cb])
	if loc == nil {
		return "", false
	}
	n := dayCount(s.t.lower[ca+loc[2]:ca+loc[3]] + "-day")
	if n == 0 && s.t.lower[ca+loc[2]:ca+loc[3]] == "one" {
		n = 1
	}
	if strings.HasPrefix(s.t.lower[ca+loc[4]:ca+loc[5]], "week") {
		n *= 7
	}
	if n == 0 || n > 60 {
		return "", false
	}
	after := s.t.lower[ca+loc[6]:ca+loc[7]] == "after"
	end := ca + loc[1]
	inside := a >= end && !strings.Contains(s.t.s[end:a], ",")
	if inside == after {
		n = -n // the act came first
	}
	day, err := time.Parse("2006-01-02", s.x.ctxDate)
	if err != nil {
		return "", false
	}
	return day.AddDate(0, 0, n).Format("2006-01-02"), true
}

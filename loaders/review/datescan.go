package review

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token of a sentence for date scanning.
type tokKind uint8

const (
	tNum   tokKind = iota // digits only: "2025"
	tWord                 // letters only: "May"
	tMixed                // letters and digits: "75th", "2016h03", "311P"
	tPunct                // one other character: "(", "-", ","
)

type tok struct {
	s, e int
	k    tokKind
}

// tokenize cuts s into alphanumeric runs and single punctuation characters;
// spaces separate tokens and are dropped.
func tokenize(s string, buf []tok) []tok {
	toks := buf[:0]
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case unicode.IsSpace(r):
			i += n
		case isAlnum(r):
			j, digits, letters := i, false, false
			for j < len(s) {
				r2, n2 := rune(s[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(s[j:])
				}
				if !isAlnum(r2) {
					break
				}
				if r2 >= '0' && r2 <= '9' {
					digits = true
				} else {
					letters = true
				}
				j += n2
			}
			k := tMixed
			if !letters {
				k = tNum
			} else if !digits {
				k = tWord
			}
			toks = append(toks, tok{i, j, k})
			i = j
		default:
			toks = append(toks, tok{i, i + n, tPunct})
			i += n
		}
	}
	return toks
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r]
	}
	return unicode.IsLetter(r)
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return t
}()

// dateScanner matches date phrases over the tokens of one string.
type dateScanner struct {
	s    string
	toks []tok
}

// scanDates returns the raw date phrases of s, left to right, not overlapping.
func scanDates(s string) []rawDate {
	if !hasDigitOrMonth(s) {
		return nil
	}
	var buf [64]tok
	sc := dateScanner{s: s, toks: tokenize(s, buf[:])}
	var out []rawDate
	for i := 0; i < len(sc.toks); {
		if !sc.mayStart(i) {
			i++
			continue
		}
		if r, next, ok := sc.matchAt(i); ok {
			out = append(out, r)
			i = next
			continue
		}
		i++
	}
	return out
}

// hasDigitOrMonth is a cheap filter: every date phrase has a digit, an
// upper-case letter (a month or weekday name) or the word "year" ("this
// year").
func hasDigitOrMonth(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return strings.Contains(s, "year")
}

func (sc *dateScanner) text(i int) string {
	if i < 0 || i >= len(sc.toks) {
		return ""
	}
	return sc.s[sc.toks[i].s:sc.toks[i].e]
}

func (sc *dateScanner) kind(i int) tokKind {
	if i < 0 || i >= len(sc.toks) {
		return tPunct
	}
	return sc.toks[i].k
}

func (sc *dateScanner) is(i int, lit string) bool {
	return sc.text(i) == lit
}

// word returns token i lower-cased when it is one of the words the date
// patterns look for (prepositions, qualifiers, weekdays, "to", "and"), else
// the token itself if it is a lower-case word, else "". It does not
// allocate.
func (sc *dateScanner) word(i int) string {
	if sc.kind(i) != tWord {
		return ""
	}
	t := sc.text(i)
	if t[0] >= 'a' && t[0] <= 'z' {
		return t
	}
	return capitalWords[t]
}

// capitalWords maps the capitalised forms of the words the patterns look
// for to their lower case ("On" → "on", "Tuesday" → "tuesday").
var capitalWords = func() map[string]string {
	m := map[string]string{}
	add := func(w string) { m[strings.ToUpper(w[:1])+w[1:]] = w }
	for w := range datePreps {
		add(w)
	}
	for w := range dateQualifiers {
		add(w)
	}
	for w := range weekdays {
		add(w)
	}
	for _, w := range []string{"between", "to", "and", "until"} {
		add(w)
	}
	for w := range relativeYears {
		add(w)
	}
	return m
}()

// adjacent reports whether tokens i and j touch (no space between).
func (sc *dateScanner) adjacent(i, j int) bool {
	return i >= 0 && j < len(sc.toks) && sc.toks[i].e == sc.toks[j].s
}

// relativeYears open "this year", "last year", "next year": years counted
// from the issue year.
var relativeYears = map[string]int{"this": 0, "last": -1, "next": 1}

// prepositions that may open a date phrase and are kept in its Text.
var datePreps = map[string]bool{
	"on": true, "in": true, "since": true, "by": true, "until": true, "till": true, "during": true,
	"before": true, "after": true, "from": true, "around": true, "circa": true, "throughout": true,
	"of": true,
}

// qualifiers that may stand between a preposition and a year or month.
var dateQualifiers = map[string]bool{"early": true, "late": true, "mid": true}

// matchAt tries every pattern at token i; next is the token after the match.
func (sc *dateScanner) matchAt(i int) (rawDate, int, bool) {
	w := sc.word(i)
	if len(w) == 4 && sc.word(i+1) == "year" {
		if off, ok := relativeYears[w]; ok {
			return rawDate{start: sc.toks[i].s, end: sc.toks[i+1].e, relYear: off, isRelYear: true, prec: precYear}, i + 2, true
		}
	}
	if w == "from" || w == "between" {
		if r, next, ok := sc.matchFromTo(i); ok {
			return r, next, true
		}
	}
	if r, next, ok := sc.matchCore(i); ok {
		return r, next, true
	}
	if !datePreps[w] && !dateQualifiers[w] {
		return rawDate{}, 0, false
	}
	j := i + 1
	if datePreps[w] && dateQualifiers[sc.word(j)] {
		j++
	}
	if dateQualifiers[sc.word(j-1)] && sc.is(j, "-") && sc.adjacent(j-1, j) {
		j++
	}
	r, next, ok := sc.matchCore(j)
	if !ok {
		r, next, ok = sc.matchLoose(j, w)
	}
	if ok && w != "of" {
		r.start = sc.toks[i].s
	}
	return r, next, ok
}

// matchCore tries the patterns that stand on their own.
func (sc *dateScanner) matchCore(i int) (rawDate, int, bool) {
	switch sc.kind(i) {
	case tNum:
		if r, next, ok := sc.matchISO(i); ok {
			return r, next, true
		}
		if r, next, ok := sc.matchPeriod(i); ok {
			return r, next, true
		}
		return sc.matchDayMonth(i)
	case tMixed:
		return sc.matchDayMonth(i)
	case tWord:
		if r, next, ok := sc.matchMonthDay(i); ok {
			return r, next, true
		}
		return sc.matchMonthYear(i)
	}
	if sc.is(i, "(") {
		return sc.matchPeriod(i)
	}
	return rawDate{}, 0, false
}

// mayStart is a cheap filter: only numbers, "(", capitalised words and a few
// lower-case words can open a date phrase.
func (sc *dateScanner) mayStart(i int) bool {
	t := sc.text(i)
	switch sc.kind(i) {
	case tNum, tMixed:
		return true
	case tPunct:
		return t == "("
	}
	if len(t) > 10 {
		return false
	}
	if !startFilter.may(t) {
		return false
	}
	var buf [10]byte
	switch startWords[string(lowerASCII(buf[:], t))] {
	case startAny:
		return true
	case startMonth:
		return monthNumber(t) > 0 // capitalised: "may" and "march" are verbs
	}
	return false
}

// startBits filters startWords: a bit per hash of a word's length and
// its first, second and last letters in lower case. A clear bit spares
// the map lookup; a set bit may be a false positive.
type startBits [16]uint64

func startBit(w string) uint {
	h := uint32(lowerByte(w[0])) | uint32(lowerByte(w[len(w)-1]))<<8 | uint32(len(w))<<16
	if len(w) > 1 {
		h |= uint32(lowerByte(w[1])) << 24
	}
	return uint((h * 0x9E3779B1) >> 22)
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func (f *startBits) add(w string) { b := startBit(w); f[b/64] |= 1 << (b % 64) }

// may reports whether w (not empty) may be a start word, in any case.
func (f *startBits) may(w string) bool { b := startBit(w); return f[b/64]&(1<<(b%64)) != 0 }

var startFilter = func() (f startBits) {
	for w := range startWords {
		f.add(w)
	}
	return f
}()

// Classes of startWords.
const (
	startAny   = 1 // a preposition, a qualifier or "between", in any case
	startMonth = 2 // a month name, when capitalised
)

// startWords are the words that may open a date phrase, lower-cased: one
// lookup tells mayStart whether to try the patterns.
var startWords = func() map[string]uint8 {
	m := map[string]uint8{"between": startAny, "this": startAny, "last": startAny, "next": startAny}
	for w := range months {
		m[w] = startMonth
	}
	for w := range datePreps {
		m[w] = startAny
	}
	for w := range dateQualifiers {
		m[w] = startAny
	}
	return m
}()

// matchLoose tries what needs a preposition before it: a bare year ("in
// 2011"), a bare month ("in May"), a weekday ("on Tuesday").
func (sc *dateScanner) matchLoose(i int, prep string) (rawDate, int, bool) {
	if y, ok := sc.year(i); ok && !sc.continuesNumber(i) {
		return rawDate{start: sc.toks[i].s, end: sc.toks[i].e, year: y, prec: precYear}, i + 1, true
	}
	if m, next := sc.month(i); m > 0 && prep != "on" && prep != "of" {
		return rawDate{start: sc.toks[i].s, end: sc.toks[next-1].e, month: m, prec: precMonth}, next, true
	}
	if wd, ok := weekdays[sc.word(i)]; ok && prep == "on" && sc.text(i)[0] <= 'Z' {
		return rawDate{start: sc.toks[i].s, end: sc.toks[i].e, weekday: wd, isWeekday: true, prec: precDay}, i + 1, true
	}
	return rawDate{}, 0, false
}

// year returns the year token i holds (four digits, 1900-2100).
func (sc *dateScanner) year(i int) (int, bool) {
	if sc.kind(i) != tNum || sc.toks[i].e-sc.toks[i].s != 4 || sc.glued(i) {
		return 0, false
	}
	y, _ := atoiN(sc.text(i))
	return y, y >= 1900 && y <= 2100
}

// glued reports whether number token i is part of a larger number or code:
// a letter or digit touches it, or it follows "1," / "3." / "Shijian-" but
// not a qualifier ("mid-2024").
func (sc *dateScanner) glued(i int) bool {
	if !sc.adjacent(i-1, i) {
		return false
	}
	if sc.kind(i-1) != tPunct {
		return true
	}
	p := sc.text(i - 1)
	before := sc.kind(i-2) != tPunct && sc.adjacent(i-2, i-1)
	switch p {
	case ".", ",":
		return before && sc.kind(i-2) == tNum
	case "-":
		return before && !dateQualifiers[sc.word(i-2)]
	}
	return false
}

// continuesNumber reports whether number token i goes on as a decimal or a
// thousands group ("2011.5", "2011,000").
func (sc *dateScanner) continuesNumber(i int) bool {
	p := sc.text(i + 1)
	return (p == "." || p == ",") && sc.adjacent(i, i+1) && sc.kind(i+2) == tNum && sc.adjacent(i+1, i+2)
}

// day returns the day of the month token i holds ("13", "13th").
func (sc *dateScanner) day(i int) (int, bool) {
	t := sc.text(i)
	switch sc.kind(i) {
	case tNum:
	case tMixed:
		n := len(t) - 2
		if n < 1 {
			return 0, false
		}
		switch strings.ToLower(t[n:]) {
		case "st", "nd", "rd", "th":
			t = t[:n]
		default:
			return 0, false
		}
	default:
		return 0, false
	}
	if len(t) > 2 || sc.glued(i) || sc.continuesNumber(i) {
		return 0, false
	}
	d, ok := atoiN(t)
	return d, ok && d >= 1 && d <= 31
}

// month returns the month token i names and the token after it (after the
// period of an abbreviation such as "Sept."), or 0.
func (sc *dateScanner) month(i int) (int, int) {
	if sc.kind(i) != tWord {
		return 0, 0
	}
	w := sc.text(i)
	m := monthNumber(w)
	if m == 0 {
		return 0, 0
	}
	if len(w) <= 4 && !strings.EqualFold(w, "may") && !strings.EqualFold(w, "june") && !strings.EqualFold(w, "july") {
		if sc.is(i+1, ".") && sc.adjacent(i, i+1) {
			return m, i + 2
		}
	}
	return m, i + 1
}

// isDash reports whether token i is a range dash.
func (sc *dateScanner) isDash(i int) bool {
	t := sc.text(i)
	return t == "-" || t == "–" || t == "—"
}

// matchISO: "2024-06-03", "2024-06".
func (sc *dateScanner) matchISO(i int) (rawDate, int, bool) {
	y, ok := sc.year(i)
	if !ok || !sc.is(i+1, "-") || !sc.adjacent(i, i+1) || !sc.adjacent(i+1, i+2) || sc.kind(i+2) != tNum || len(sc.text(i+2)) != 2 {
		return rawDate{}, 0, false
	}
	m, _ := atoiN(sc.text(i + 2))
	if m < 1 || m > 12 {
		return rawDate{}, 0, false
	}
	r := rawDate{start: sc.toks[i].s, end: sc.toks[i+2].e, year: y, month: m, prec: precMonth}
	if sc.is(i+3, "-") && sc.adjacent(i+2, i+3) && sc.adjacent(i+3, i+4) && sc.kind(i+4) == tNum && len(sc.text(i+4)) == 2 {
		d, _ := atoiN(sc.text(i + 4))
		if !validDay(y, m, d) {
			return rawDate{}, 0, false
		}
		r.day, r.prec, r.end = d, precDay, sc.toks[i+4].e
		return r, i + 5, true
	}
	return r, i + 3, true
}

// matchPeriod: "(2025-2027)", "2025–2027", "2025-27", "2025 to 2027".
func (sc *dateScanner) matchPeriod(i int) (rawDate, int, bool) {
	j, open := i, false
	if sc.is(j, "(") {
		j, open = j+1, true
	}
	y1, ok := sc.year(j)
	if !ok {
		return rawDate{}, 0, false
	}
	if !sc.isDash(j+1) && !sc.is(j+1, "to") {
		return rawDate{}, 0, false
	}
	y2, ok := sc.periodEnd(y1, j+2, sc.isDash(j+1) && sc.adjacent(j+1, j+2))
	if !ok {
		return rawDate{}, 0, false
	}
	start, end, next := sc.toks[j].s, sc.toks[j+2].e, j+3
	if open && sc.is(j+3, ")") {
		start, end, next = sc.toks[i].s, sc.toks[j+3].e, j+4
	}
	return rawDate{start: start, end: end, year: y1, until: y2, prec: precYear}, next, true
}

// periodEnd reads the last year of a period at token i: four digits, or two
// when short is allowed ("2025-27").
func (sc *dateScanner) periodEnd(y1, i int, short bool) (int, bool) {
	if sc.kind(i) != tNum || sc.continuesNumber(i) || sc.is(i+1, "-") && sc.adjacent(i, i+1) {
		return 0, false
	}
	t := sc.text(i)
	n, _ := atoiN(t)
	switch {
	case len(t) == 4:
	case len(t) == 2 && short:
		n += y1 / 100 * 100
	default:
		return 0, false
	}
	return n, n > y1 && n <= 2100 && n-y1 <= 100
}

// matchFromTo: "from 2025 to 2027", "between 2024 and 2025".
func (sc *dateScanner) matchFromTo(i int) (rawDate, int, bool) {
	y1, ok := sc.year(i + 1)
	if !ok {
		return rawDate{}, 0, false
	}
	link := sc.word(i + 2)
	if sc.word(i) == "from" && link != "to" && link != "until" && !sc.isDash(i+2) || sc.word(i) == "between" && link != "and" {
		return rawDate{}, 0, false
	}
	y2, ok := sc.periodEnd(y1, i+3, false)
	if !ok {
		return rawDate{}, 0, false
	}
	return rawDate{start: sc.toks[i].s, end: sc.toks[i+3].e, year: y1, until: y2, prec: precYear}, i + 4, true
}

// matchDayMonth: "13 May", "13th May 2024", "13-15 May", "13 May, 2024".
func (sc *dateScanner) matchDayMonth(i int) (rawDate, int, bool) {
	d, ok := sc.day(i)
	if !ok {
		return rawDate{}, 0, false
	}
	j := i + 1
	if (sc.isDash(j) || sc.is(j, "to")) && sc.kindIsDay(j+1) {
		j += 2
	}
	if sc.is(j, "of") {
		j++
	}
	m, next := sc.month(j)
	if m == 0 {
		return rawDate{}, 0, false
	}
	r := rawDate{start: sc.toks[i].s, end: sc.toks[next-1].e, month: m, day: d, prec: precDay}
	return sc.withYear(r, next)
}

func (sc *dateScanner) kindIsDay(i int) bool {
	_, ok := sc.day(i)
	return ok
}

// withYear extends r by a following year ("13 May 2024", "May 13, 2024").
func (sc *dateScanner) withYear(r rawDate, next int) (rawDate, int, bool) {
	k := next
	if sc.is(k, ",") {
		k++
	}
	if y, ok := sc.year(k); ok && !sc.continuesNumber(k) {
		r.year, r.end = y, sc.toks[k].e
		return r, k + 1, true
	}
	return r, next, true
}

// matchMonthDay: "May 13", "Sept. 18", "May 13, 2024", "May 13-15".
func (sc *dateScanner) matchMonthDay(i int) (rawDate, int, bool) {
	m, j := sc.month(i)
	if m == 0 {
		return rawDate{}, 0, false
	}
	d, ok := sc.day(j)
	if !ok {
		return rawDate{}, 0, false
	}
	next := j + 1
	if sc.isDash(next) && sc.adjacent(j, next) && sc.kindIsDay(next+1) {
		next += 2
	}
	r := rawDate{start: sc.toks[i].s, end: sc.toks[next-1].e, month: m, day: d, prec: precDay}
	return sc.withYear(r, next)
}

// matchMonthYear: "March 2021", "Sept. 2023", "March, 2021".
func (sc *dateScanner) matchMonthYear(i int) (rawDate, int, bool) {
	m, j := sc.month(i)
	if m == 0 {
		return rawDate{}, 0, false
	}
	if sc.is(j, ",") {
		j++
	}
	y, ok := sc.year(j)
	if !ok || sc.continuesNumber(j) {
		return rawDate{}, 0, false
	}
	return rawDate{start: sc.toks[i].s, end: sc.toks[j].e, year: y, month: m, prec: precMonth}, j + 1, true
}

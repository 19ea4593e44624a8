package review

import (
	"strconv"
	"strings"
	"unicode"
)

// maxTitleLine is the longest title-block line read for a title, publisher
// or issue date; longer lines are text, not metadata.
const maxTitleLine = 300

// meta is what the title block states about the document.
type meta struct {
	title, publisher, issued string
}

// readMeta reads title, publisher and issue date from blocks[:end], the
// title block: the title is the run of headings it opens with (or its first
// plain line when it has none), the publisher its first other plain line,
// the issue date its first date of month precision or better ("May 2025",
// "Q2 2024 / June 2024"). Date segments are cut off both ("Science Diplomacy
// Wire — September 2023"); lines in other scripts are skipped.
func (p *parser) readMeta(end int) meta {
	var m meta
	var titles, plain []string
	runStart, runEnd := p.headingRun(end)
	for i := 0; i < end; i++ {
		b := p.blocks[i]
		if b.kind == blockBullet || b.kind == blockTable {
			continue
		}
		for _, text := range p.titleLines(b, runEnd > runStart) {
			if m.issued == "" {
				m.issued = issueDate(text[:min(len(text), maxTitleLine)])
			}
			if len(text) > maxTitleLine || !isLatin(text) || b.kind == blockHeading && (i < runStart || i >= runEnd) || p.info[i].prose {
				continue
			}
			if text = stripDates(text); text == "" {
				continue
			}
			if b.kind == blockHeading {
				titles = append(titles, text)
			} else {
				plain = append(plain, text)
			}
		}
	}
	if len(titles) == 0 && len(plain) > 0 {
		titles, plain = plain[:1], plain[1:]
	}
	m.title = titleCase(strings.Join(titles, " "))
	if len(plain) > 0 {
		m.publisher = titleCase(plain[0])
	}
	if m.issued == "" {
		m.issued = yearOnly(p, end)
	}
	return m
}

// headingRun returns the blocks [start, end) of the first run of headings
// before block limit.
func (p *parser) headingRun(limit int) (int, int) {
	start := 0
	for start < limit && p.blocks[start].kind != blockHeading {
		start++
	}
	end := start
	for end < limit && p.blocks[end].kind == blockHeading {
		end++
	}
	return start, end
}

// titleLines returns the cleaned lines of a title-block block. When the
// title comes from headings (join), the lines of a block form one name
// ("MANOHAR PARRIKAR INSTITUTE FOR" / "DEFENCE STUDIES AND ANALYSES");
// otherwise a line is joined to the next only when it ends with a small
// word, a hyphen or a comma, or the next begins in lower case. A line that
// holds a date always stands alone.
func (p *parser) titleLines(b block, join bool) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for i := b.first; i <= b.last; i++ {
		l := p.lines[i]
		text := cleanText(p.text[max(l.body, b.start):l.bodyEnd])
		switch {
		case text == "":
			continue
		case stripDates(text) != text:
			flush()
			out = append(out, text)
			continue
		case cur.Len() > 0 && !join && !continuesTitle(cur.String(), text):
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(text)
	}
	flush()
	return out
}

// continuesTitle reports whether line next carries on line prev.
func continuesTitle(prev, next string) bool {
	if r := next[0]; r >= 'a' && r <= 'z' {
		return true
	}
	if strings.HasSuffix(prev, "-") || strings.HasSuffix(prev, ",") {
		return true
	}
	k := strings.LastIndexByte(prev, ' ')
	return smallWords[strings.ToLower(prev[k+1:])]
}

// issueDate returns the first date of month or day precision in s, or an
// issue quarter ("Q2 2024" → its last month), or "".
func issueDate(s string) string {
	for _, r := range scanDates(s) {
		if r.year > 0 && r.prec >= precMonth && !r.isWeekday && r.until == 0 {
			if r.prec == precMonth {
				return isoMonth(r.year, r.month)
			}
			if validDay(r.year, r.month, r.day) {
				return isoDay(r.year, r.month, r.day)
			}
		}
	}
	if q, y, ok := quarter(s); ok {
		return isoMonth(y, q*3)
	}
	return ""
}

// quarter finds "Q1 2024" to "Q4 2024" in s.
func quarter(s string) (q, y int, ok bool) {
	for i := 0; i+7 <= len(s); i++ {
		if s[i] != 'Q' || s[i+1] < '1' || s[i+1] > '4' || s[i+2] != ' ' || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		if y, ok = atoiN(s[i+3 : i+7]); ok && (i+7 == len(s) || !isWordByte(s[i+7])) && y >= 1900 && y <= 2100 {
			return int(s[i+1] - '0'), y, true
		}
	}
	return 0, 0, false
}

// yearOnly returns the year of a title-block line that is only a year.
func yearOnly(p *parser, end int) string {
	for i := 0; i < end; i++ {
		b := p.blocks[i]
		s := strings.TrimSpace(cleanText(p.text[b.start:b.end]))
		if y, ok := atoiN(s); ok && len(s) == 4 && y >= 1900 && y <= 2100 {
			return strconv.Itoa(y)
		}
	}
	return ""
}

// stripDates removes date segments from the end of a title-block line:
// "sdkg sample corpus — June 2024" → "sdkg sample corpus"; "Q2 2024 / June
// 2024" → "".
func stripDates(s string) string {
	s = strings.TrimSpace(s)
	for s != "" {
		cut := -1
		for _, sep := range []string{" — ", " – ", " -- ", " - ", " | ", " / ", ", ", "—", "–"} {
			if k := strings.LastIndex(s, sep); k >= 0 && k > cut && isDateOnly(s[k+len(sep):]) {
				cut = k
			}
		}
		if cut < 0 {
			if isDateOnly(s) {
				return ""
			}
			return s
		}
		s = strings.TrimSpace(s[:cut])
	}
	return s
}

// isDateOnly reports whether s is nothing but dates: "June 2024", "Q2
// 2024", "2024", "January to April 2024", "Q2 2024 / June 2024".
func isDateOnly(s string) bool {
	var buf [16]tok
	toks := tokenize(s, buf[:])
	dated := false
	for _, t := range toks {
		w := s[t.s:t.e]
		switch {
		case t.k == tNum && len(w) <= 4:
			dated = dated || len(w) == 4
		case t.k == tWord && monthNumber(w) > 0:
			dated = true
		case t.k == tMixed && len(w) == 2 && w[0] == 'Q' && w[1] >= '1' && w[1] <= '4':
		case t.k == tWord && dateConnectors[strings.ToLower(w)]:
		case t.k == tPunct && strings.Contains("-–—/,.", w):
		default:
			return false
		}
	}
	return dated
}

// dateConnectors may join the dates of a date-only line.
var dateConnectors = map[string]bool{"to": true, "and": true, "through": true, "until": true, "till": true}

// smallWords stay lower case inside a title.
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true, "in": true,
	"of": true, "on": true, "or": true, "the": true, "to": true, "with": true, "from": true,
	"de": true, "da": true, "do": true, "del": true, "des": true, "du": true, "la": true,
}

// titleCase rewrites a line written all in capitals ("DEFENCE STUDIES AND
// ANALYSES") in title case; other text is returned as it is.
func titleCase(s string) string {
	if strings.IndexFunc(s, unicode.IsLower) >= 0 || strings.IndexFunc(s, unicode.IsUpper) < 0 {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(w)
		if i > 0 && smallWords[lw] {
			words[i] = lw
			continue
		}
		words[i] = capitalise(lw)
	}
	return strings.Join(words, " ")
}

// capitalise upper-cases the first letter of each hyphenated part.
func capitalise(w string) string {
	rs := []rune(w)
	start := true
	for i, r := range rs {
		if start && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		start = r == '-' || r == '/'
	}
	return string(rs)
}

// isLatin reports whether most letters of s are Latin.
func isLatin(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if r < 0x250 {
				latin++
			} else {
				other++
			}
		}
	}
	return latin >= other
}

package review

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [0] to [1].
type span [2]int

// titleAbbrevs never end a sentence: "Prof. Liu", "Ms. Okafor", "St. Petersburg".
var titleAbbrevs = map[string]bool{
	"prof": true, "dr": true, "mr": true, "mrs": true, "ms": true, "mx": true, "st": true, "mt": true,
	"gen": true, "col": true, "lt": true, "sen": true, "rep": true, "gov": true, "hon": true, "rev": true,
	"capt": true, "maj": true, "sgt": true, "fr": true, "jr": true, "sr": true, "co": true, "vs": true,
	"cf": true, "approx": true, "dept": true, "univ": true, "assoc": true, "amb": true, "adm": true,
	"cmdr": true, "pres": true, "supt": true, "messrs": true, "mme": true, "ft": true,
}

// numberAbbrevs do not end a sentence when a number follows: "No. 5", "Sept. 18".
var numberAbbrevs = map[string]bool{
	"no": true, "nos": true, "fig": true, "figs": true, "vol": true, "art": true, "p": true, "pp": true,
	"sec": true, "ch": true, "ed": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// quoteState tracks whether the scan is inside a quotation. Quotes are only
// tracked when they are balanced in the text, so that one stray mark cannot
// glue a whole paragraph into one sentence.
type quoteState struct {
	curly, straight bool // which kinds are balanced and tracked
	depth           int  // open curly quotes
	open            bool // inside straight quotes
}

func (q *quoteState) inside() bool { return q.depth > 0 || q.open }

// see updates the state for the character at s[i:] and returns its length.
func (q *quoteState) see(s string, i int) int {
	switch {
	case s[i] == '"':
		if q.straight {
			q.open = !q.open
		}
	case strings.HasPrefix(s[i:], "“"):
		if q.curly {
			q.depth++
		}
		return len("“")
	case strings.HasPrefix(s[i:], "”"):
		if q.curly && q.depth > 0 {
			q.depth--
		}
		return len("”")
	}
	return 1
}

// splitSentences appends to out the sentence spans of the cleaned text s.
// A sentence ends at ".", "!", "?" or "…" (with any closing quotes or
// brackets) followed by a space and a character that is not lower case,
// outside quotations, and not after an abbreviation, an initial or a dotted
// acronym ("Prof.", "J.", "U.S.", "i.e.", "Sept. 18").
func splitSentences(s string, out []span) []span {
	q := quoteState{
		curly:    strings.Count(s, "“") == strings.Count(s, "”"),
		straight: strings.Count(s, `"`)%2 == 0,
	}
	start := 0
	for i := 0; i < len(s); {
		n := terminalAt(s, i)
		if n == 0 {
			i += q.see(s, i)
			continue
		}
		end, after := closeRun(s, i+n, q)
		if sentenceEnds(s, i, end, after) {
			out = appendSpan(out, s, start, end)
			start, i, q = end+1, end+1, after
			continue
		}
		i += n
	}
	return appendSpan(out, s, start, len(s))
}

// terminalAt returns the length of sentence-ending punctuation at s[i:], or 0.
func terminalAt(s string, i int) int {
	switch s[i] {
	case '.', '!', '?':
		return 1
	}
	if strings.HasPrefix(s[i:], "…") {
		return len("…")
	}
	return 0
}

// closeRun skips further terminal marks and closing quotes or brackets from
// j, returning where they end and the quote state after them.
func closeRun(s string, j int, q quoteState) (int, quoteState) {
	for j < len(s) {
		switch {
		case s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == ')' || s[j] == ']' || s[j] == '\'':
			j++
		case s[j] == '"' || strings.HasPrefix(s[j:], "”"):
			j += q.see(s, j)
		case strings.HasPrefix(s[j:], "’") || strings.HasPrefix(s[j:], "…"):
			j += 3
		default:
			return j, q
		}
	}
	return j, q
}

// sentenceEnds decides whether the mark at i, whose closing run ends at end,
// ends a sentence.
func sentenceEnds(s string, i, end int, after quoteState) bool {
	if end >= len(s) || s[end] != ' ' || after.inside() {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[end+1:])
	if unicode.IsLower(next) {
		return false
	}
	return s[i] != '.' || !abbrevBefore(s, i, next)
}

// abbrevBefore reports whether the period at s[i] closes an abbreviation
// that does not end a sentence before next.
func abbrevBefore(s string, i int, next rune) bool {
	k := i
	for k > 0 && (isASCIILetter(s[k-1]) || s[k-1] == '.') {
		k--
	}
	if k == i || k > 0 && isWordByte(s[k-1]) {
		return false
	}
	w := s[k:i]
	switch {
	case strings.Contains(w, "."): // "U.S", "i.e", "Ph.D"
		return true
	case len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z': // an initial: "J. Smith"
		return true
	}
	lw := strings.ToLower(w)
	return titleAbbrevs[lw] || numberAbbrevs[lw] && next >= '0' && next <= '9'
}

// endsOpen reports whether a cleaned paragraph stops mid-sentence: it does
// not end with terminal punctuation or a colon, or ends with a title
// abbreviation ("head by Prof.").
func endsOpen(s string) bool {
	s = strings.TrimRight(s, `"”’')]`)
	if s == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '!', '?', '…', ':':
		return false
	case '.':
		k := len(s) - 1
		j := k
		for j > 0 && isASCIILetter(s[j-1]) {
			j--
		}
		w := strings.ToLower(s[j:k])
		return (j == 0 || !isWordByte(s[j-1])) && titleAbbrevs[w]
	}
	return true
}

func isASCIILetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// appendSpan appends s[a:b] trimmed, when it holds a letter or digit.
func appendSpan(out []span, s string, a, b int) []span {
	for a < b && s[a] == ' ' {
		a++
	}
	for b > a && s[b-1] == ' ' {
		b--
	}
	for i := a; i < b; i++ {
		if isWordByte(s[i]) {
			return append(out, span{a, b})
		}
	}
	return out
}

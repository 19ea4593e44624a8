package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence, with byte offsets.
type token struct {
	w    string
	s, e int
	word bool // letters or digits
	cap  bool // starts with an upper-case letter
	skip bool // inside a parenthesis that defines an acronym
}

// tokenize splits a sentence into words and punctuation. Hyphens and
// apostrophes inside words stay ("Chang'e-6", "Anna-Maria"); a possessive
// "'s" becomes its own token; "Prof." is the word "Prof" and a full stop.
func tokenize(text string) []token { return tokenizeInto(nil, text) }

// tokenizeInto is tokenize appending to buf[:0], so that a caller can
// reuse one buffer for sentence after sentence.
func tokenizeInto(buf []token, text string) []token {
	out := buf[:0]
	if need := len(text)/5 + 4; cap(out) < need {
		out = make([]token, 0, need)
	}
	i := 0
	for i < len(text) {
		r, n := runeAt(text, i)
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := wordEnd(text, i)
			out = appendWord(out, text, i, j)
			i = j
		default:
			out = append(out, token{w: text[i : i+n], s: i, e: i + n})
			i += n
		}
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// runeAt decodes the rune at text[i], without a call for ASCII.
func runeAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// wordEnd returns the end of the word starting at i.
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := runeAt(text, j)
		if isWordRune(r) {
			j += n
			continue
		}
		if r == '-' || r == '\'' || r == '’' || r == '.' && isAcronymDot(text, i, j) {
			if nr, _ := utf8.DecodeRuneInString(text[j+n:]); j+n < len(text) && isWordRune(nr) {
				j += n
				continue
			}
		}
		break
	}
	return j
}

// isAcronymDot reports whether the dot at j continues a dotted acronym
// ("U.S."): the word so far is single capital letters and dots.
func isAcronymDot(text string, i, j int) bool {
	w := text[i:j]
	return len(w) == 1 || len(w) >= 3 && w[len(w)-2] == '.'
}

// appendWord adds a word, splitting a possessive "'s" off it.
func appendWord(out []token, text string, i, j int) []token {
	w := text[i:j]
	if w[len(w)-1] != 'd' && w[len(w)-1] != 's' {
		return append(out, mkWord(text, i, j)) // neither "-based" nor "'s"
	}
	if k := strings.Index(w, "-based"); k > 0 && k+len("-based") == len(w) {
		out = append(out, mkWord(text, i, i+k))
		return append(out, token{w: "-based", s: i + k, e: j})
	}
	for _, p := range []string{"'s", "’s"} {
		if len(w) > len(p)+1 && w[len(w)-len(p):] == p {
			k := j - len(p)
			out = append(out, mkWord(text, i, k))
			return append(out, token{w: "'s", s: k, e: j})
		}
	}
	return append(out, mkWord(text, i, j))
}

func mkWord(text string, i, j int) token {
	c := text[i]
	upper := 'A' <= c && c <= 'Z'
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(text[i:])
		upper = unicode.IsUpper(r)
	}
	return token{w: text[i:j], s: i, e: j, word: true, cap: upper}
}

// isAcronym reports whether w looks like an acronym: two to ten letters,
// mostly capitals ("CAS", "MoU", "IGGCAS").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 10 {
		return false
	}
	up := 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r) && i > 0:
		case unicode.IsDigit(r) && i > 0:
		default:
			return false
		}
	}
	return up >= 2 && up*2 >= len(w)
}

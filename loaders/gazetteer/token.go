package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word or one punctuation mark of a text, with its byte span,
// its normalised form and what its case allows.
type token struct {
	start, end int
	norm       string // lower case, accents folded, dashes and apostrophes unified
	word       bool   // letters or digits, not punctuation
	upperFirst bool   // first letter is a capital
	glued      bool   // no space between this token and the previous one
}

// tokenize splits s into words (runs of letters, digits and combining marks)
// and single punctuation marks; spaces separate tokens and are dropped.
func tokenize(s string, out []token) []token {
	out = out[:0]
	lower := asciiLower(s)
	glued := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r < utf8.RuneSelf && isASCIIWord(byte(r)) || r >= utf8.RuneSelf && isWordRune(r):
			end := wordEnd(s, i)
			out = append(out, wordToken(s, lower, i, end, glued))
			i, glued = end, true
		case unicode.IsSpace(r):
			i, glued = i+size, false
		default:
			out = append(out, token{start: i, end: i + size, norm: punctNorm(r), glued: glued})
			i, glued = i+size, true
		}
	}
	return out
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordEnd returns the byte offset just past the word starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// asciiLower returns s with its ASCII capitals lowered and every other byte
// kept, so that byte offsets into s are offsets into the result.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// wordToken builds the token of s[start:end]; lower is asciiLower(s).
func wordToken(s, lower string, start, end int, glued bool) token {
	w := s[start:end]
	norm := lower[start:end]
	if !isASCII(w) {
		norm = foldWord(w)
	}
	upper := 'A' <= w[0] && w[0] <= 'Z'
	if w[0] >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(w)
		upper = unicode.IsUpper(r)
	}
	return token{start: start, end: end, norm: norm, word: true, upperFirst: upper, glued: glued}
}

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldWord lower-cases a word and removes its accents ("Côte" -> "cote").
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// punctNorm unifies the spellings of one punctuation mark.
func punctNorm(r rune) string {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return "-"
	case '\'', '\u2018', '\u2019', '\u02bc', '`':
		return "'"
	case '&':
		return "and"
	case '\u201c', '\u201d':
		return "\""
	}
	return string(r)
}

// caseRule says how a pattern token's case constrains the text token.
type caseRule uint8

const (
	anyCase     caseRule = iota // "of": any case
	capitalised                 // "China": the text token starts with a capital
	exactCase                   // "US", "CNPq": the very same spelling
)

// ruleFor returns the case rule of one pattern token; every token of an
// acronym is exact.
func ruleFor(tok string, acronym bool) caseRule {
	if acronym {
		return exactCase
	}
	upper, lower := 0, 0
	for _, r := range tok {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	first, _ := utf8.DecodeRuneInString(tok)
	switch {
	case upper == 0:
		return anyCase
	case lower == 0 || upper > 1 || !unicode.IsUpper(first):
		return exactCase
	}
	return capitalised
}

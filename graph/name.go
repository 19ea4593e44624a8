package graph

import (
	"strings"
	"unicode"
)

// NormalizeName folds a name for comparison: lower case, accents and
// punctuation removed, spaces collapsed, a leading "the " dropped.
// "The Chinese Academy of Sciences" and "chinese academy of sciences" fold
// to the same string.
func NormalizeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		r = foldAccent(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
			continue
		}
		if r != '\'' && r != '\u2019' && r != '.' {
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

func foldAccent(r rune) rune {
	const from, to = "àáâãäåāçćčèéêëēěìíîïīñńòóôõöøōùúûüūýÿžšś", "aaaaaaaccceeeeeeiiiiinnoooooooouuuuuyyzss"
	if i := strings.IndexRune(from, r); i >= 0 {
		return []rune(to)[len([]rune(from[:i]))]
	}
	return r
}

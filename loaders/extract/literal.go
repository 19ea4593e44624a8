package extract

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A pattern over templates is expensive to run on a sentence it cannot
// match. needed derives from each pattern the strings of which every match
// contains one (in lower case): "held", "{e" for "held ... (‹E›)", the
// verbs of an alternation. A template lacking all of them is not searched.

// requirement is a conjunction of clauses, each a list of lowered strings
// one of which every match contains; no clause means the pattern gives
// no such string.
type requirement struct {
	clauses [][]string
}

// maxClauses bounds the clauses kept per pattern, the most selective first.
const maxClauses = 4

// none reports whether the requirement says nothing.
func (q requirement) none() bool { return len(q.clauses) == 0 }

var requirements sync.Map // *regexp.Regexp -> requirement

// needed returns the requirement of re, derived once.
func needed(re *regexp.Regexp) requirement {
	if q, ok := requirements.Load(re); ok {
		return q.(requirement)
	}
	q := requirement{}
	if p, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		q = requirementOf(p.Simplify())
	}
	requirements.Store(re, q)
	return q
}

// requirementOf walks a syntax tree: a concatenation needs what each of
// its parts needs, an alternation one of what its branches need, a
// repetition at least once what its body needs.
func requirementOf(n *syntax.Regexp) requirement {
	switch n.Op {
	case syntax.OpLiteral:
		if lit, ok := lowerLiteral(n.Rune, n.Flags&syntax.FoldCase != 0); ok {
			return requirement{[][]string{{lit}}}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return requirementOf(n.Sub[0])
	case syntax.OpRepeat:
		if n.Min >= 1 {
			return requirementOf(n.Sub[0])
		}
	case syntax.OpConcat:
		var all [][]string
		for _, sub := range n.Sub {
			all = append(all, requirementOf(sub).clauses...)
		}
		sort.SliceStable(all, func(i, j int) bool { return clauseScore(all[i]) > clauseScore(all[j]) })
		return requirement{all[:min(len(all), maxClauses)]}
	case syntax.OpAlternate:
		var alts []string
		for _, sub := range n.Sub {
			q := requirementOf(sub)
			if q.none() {
				return requirement{}
			}
			alts = append(alts, q.clauses[0]...) // the branch's most selective clause
		}
		return requirement{[][]string{alts}}
	}
	return requirement{}
}

// clauseScore ranks clauses: longer strings are rarer, fewer are cheaper.
func clauseScore(alts []string) int {
	shortest := 1 << 30
	for _, a := range alts {
		shortest = min(shortest, len(a))
	}
	return 4*shortest - len(alts)
}

// lowerLiteral returns a literal in ASCII lower case, and false when a
// case-folding literal has a non-ASCII letter with other cases (which the
// ASCII-lowered template would not fold).
func lowerLiteral(runes []rune, fold bool) (string, bool) {
	var b strings.Builder
	for _, r := range runes {
		if fold && r >= utf8.RuneSelf && unicode.SimpleFold(r) != r {
			return "", false
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String(), b.Len() > 0
}

// admits reports whether text, given in ASCII lower case, may hold a match
// of the pattern. foldsOddly says the original text has a Kelvin sign or a
// long s, which (?i) matches as k and s: then anything may match.
func (q requirement) admits(lower string, foldsOddly bool) bool {
	if foldsOddly {
		return true
	}
	for _, c := range q.clauses {
		if !containsAny(lower, c) {
			return false
		}
	}
	return true
}

// oddFolds reports whether s has a character that case folding maps to an
// ASCII letter without being one (U+212A KELVIN SIGN, U+017F LATIN SMALL
// LETTER LONG S).
func oddFolds(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

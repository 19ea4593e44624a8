package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// template is a sentence with each top-level mention replaced by a
// placeholder such as {P3} (kind letter and mention index), and acronym
// parentheses removed. Relation rules are patterns over templates:
// "{P1}, President of the {I2} held a {E3}".
type template struct {
	s     string
	lower string // s with ASCII capitals lowered: offsets into s are offsets into lower
	ph    []placeholder
	kinds uint32 // the kind letters of the placeholders, as kindBit bits
	odd   bool   // s has a character (?i) folds to an ASCII letter
}

// kindBit is the bit of a kind letter ('A'..'Z') in a set of kinds.
func kindBit(letter byte) uint32 { return 1 << (letter - 'A') }

// kindBits returns the set of the kind letters in letters.
func kindBits(letters string) uint32 {
	var bits uint32
	for i := 0; i < len(letters); i++ {
		bits |= kindBit(letters[i])
	}
	return bits
}

// placeholder locates a mention in the template.
type placeholder struct {
	a, b int
	m    *mention
}

var phRe = regexp.MustCompile(`\{([A-Z])(\d+)\}`)

// buildTemplate writes the template of the sentence.
func (s *sent) buildTemplate() {
	var b strings.Builder
	b.Grow(len(s.text) + 4*len(s.ms))
	// The template and its placeholders are reused from sentence to
	// sentence: none outlives its sentence.
	t := &s.x.scratch.tmpl
	*t = template{ph: t.ph[:0]}
	pos, k := 0, 0
	for idx, m := range s.ms {
		if m.s < pos {
			continue
		}
		for ; k < len(s.toks) && s.toks[k].s < m.s; k++ {
			pos = s.copySkipping(&b, pos, k)
		}
		if m.s < pos {
			continue
		}
		b.WriteString(s.text[pos:m.s])
		a := b.Len()
		b.WriteString("{" + string(m.letter()) + strconv.Itoa(idx) + "}")
		t.ph = append(t.ph, placeholder{a, b.Len(), m})
		t.kinds |= kindBit(m.letter())
		pos = m.e
		for k < len(s.toks) && s.toks[k].s < m.e {
			k++
		}
	}
	for ; k < len(s.toks); k++ {
		pos = s.copySkipping(&b, pos, k)
	}
	b.WriteString(s.text[pos:])
	t.s = b.String()
	t.lower = asciiLower(t.s)
	t.odd = oddFolds(t.s)
	s.t = t
}

// copySkipping drops token k when it is a skipped parenthesis token: it
// writes the text before it and returns the position after it.
func (s *sent) copySkipping(b *strings.Builder, pos, k int) int {
	tk := s.toks[k]
	if !tk.skip || tk.s < pos {
		return pos
	}
	text := s.text[pos:tk.s]
	if tk.w == "(" {
		text = strings.TrimRight(text, " ")
	}
	b.WriteString(text)
	return tk.e
}

// at returns the mention of the placeholder that starts at template
// position a, or nil.
func (s *sent) at(a int) *mention {
	for _, p := range s.t.ph {
		if p.a == a {
			return p.m
		}
	}
	return nil
}

// ph returns the placeholder of mention m.
func (s *sent) ph(m *mention) placeholder {
	for _, p := range s.t.ph {
		if p.m == m {
			return p
		}
	}
	return placeholder{-1, -1, m}
}

// within returns the mentions whose placeholders lie in template range
// [a, b) and whose kind letter is in letters.
func (s *sent) within(a, b int, letters string) []*mention {
	var out []*mention
	for _, p := range s.t.ph {
		if p.a >= a && p.b <= b && strings.IndexByte(letters, p.m.letter()) >= 0 {
			out = append(out, p.m)
		}
	}
	return out
}

// firstWithin is first(s.within(a, b, letters)) without building the
// list.
func (s *sent) firstWithin(a, b int, letters string) *mention {
	for _, p := range s.t.ph {
		if p.a >= a && p.b <= b && strings.IndexByte(letters, p.m.letter()) >= 0 {
			return p.m
		}
	}
	return nil
}

// clause returns the bounds of the clause around template position pos:
// clauses are separated by semicolons.
func (s *sent) clause(pos int) (int, int) {
	a := strings.LastIndexByte(s.t.s[:pos], ';') + 1
	b := strings.IndexByte(s.t.s[pos:], ';')
	if b < 0 {
		return a, len(s.t.s)
	}
	return a, pos + b
}

// groups returns, for each match of re in the template, the mentions
// inside each submatch (nil for an unmatched group) and the match bounds.
func (s *sent) groups(re *regexp.Regexp) [][][]*mention {
	var out [][][]*mention
	for _, loc := range s.findAll(re) {
		var gs [][]*mention
		for g := 0; 2*g < len(loc); g++ {
			if loc[2*g] < 0 {
				gs = append(gs, nil)
				continue
			}
			gs = append(gs, s.within(loc[2*g], loc[2*g+1], "PCIMAELJD"))
		}
		out = append(out, gs)
	}
	return out
}

// lowerBefore is before in lower case (ASCII letters).
func (s *sent) lowerBefore(a, n int) string {
	return s.t.lower[max(0, a-n):a]
}

// asciiLower returns s with its ASCII capitals lowered and every other
// byte kept, so that byte offsets into s are offsets into the result.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// admits reports whether template range [a, b) has what every match of
// re contains (see needed): false means re cannot match there.
func (s *sent) admits(re *regexp.Regexp, a, b int) bool {
	return needed(re).admits(s.t.lower[a:b], s.t.odd)
}

// findAll is re.FindAllStringSubmatchIndex over the template, skipped
// when the template lacks a string every match of re contains.
func (s *sent) findAll(re *regexp.Regexp) [][]int {
	if !needed(re).admits(s.t.lower, s.t.odd) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s.t.s, -1)
}

// before returns up to n bytes of template text before position a.
func (s *sent) before(a, n int) string {
	return s.t.s[max(0, a-n):a]
}

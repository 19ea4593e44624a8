package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/gazetteer"
	"github.com/sdkg/sdkg/loaders/review"
)

// sent is one sentence being read: its tokens, mentions and template.
type sent struct {
	x      *extractor
	entry  *review.Entry
	src    review.Sentence
	text   string
	toks   []token
	taken  []bool
	ms     []*mention // top-level mentions
	nested []*mention
	dates  []review.DateMention
	acrAt  map[int]string // token index of "(" -> acronym defined inside
	expAt  map[int]string // token index of "(" -> expansion of the acronym before it
	t      *template
	// roles filled by the affiliation rules: mentions that are titles or
	// appositions of another and so neither act nor host.
	appos map[*mention]bool
	aff   map[*mention]*mention
	// gazetteer matches of the whole sentence, computed once
	countryM, bodyM []gazetteer.Match
	matched         bool
	// mbuf is the block the sentence's mentions are allocated from.
	mbuf []mention
}

// add records a top-level mention over tokens [i, j) and marks them taken.
func (s *sent) add(k graph.Kind, i, j int, name string) *mention {
	m := s.newMention()
	*m = mention{kind: k, i: i, j: j, s: s.toks[i].s, e: s.toks[j-1].e, name: name}
	for t := i; t < j; t++ {
		s.taken[t] = true
	}
	s.ms = append(s.ms, m)
	return m
}

// addNested records a mention inside another one: a node, not a template
// element.
func (s *sent) addNested(k graph.Kind, i, j int, name string) *mention {
	m := s.newMention()
	*m = mention{kind: k, i: i, j: j, s: s.toks[i].s, e: s.toks[j-1].e, name: name, nested: true}
	s.nested = append(s.nested, m)
	return m
}

// newMention returns a zero mention from the sentence's block of them:
// one allocation for several mentions.
func (s *sent) newMention() *mention {
	if len(s.mbuf) == cap(s.mbuf) {
		s.mbuf = make([]mention, 0, max(16, 2*cap(s.mbuf)))
	}
	s.mbuf = s.mbuf[:len(s.mbuf)+1]
	return &s.mbuf[len(s.mbuf)-1]
}

// free reports whether tokens [i, j) are all untaken.
func (s *sent) free(i, j int) bool {
	if i < 0 || j > len(s.toks) || i >= j || s.toks[i].skip || s.toks[j-1].skip {
		return false
	}
	for t := i; t < j; t++ {
		if s.taken[t] && !s.toks[t].skip {
			return false
		}
	}
	return true
}

// words returns the text of tokens [i, j) without acronym parentheses and
// quotes, with single spaces.
func (s *sent) words(i, j int) string {
	if w, ok := s.plainSpan(i, j); ok {
		return w
	}
	var b strings.Builder
	prev := -1
	for t := i; t < j; t++ {
		tk := s.toks[t]
		if tk.skip || isQuote(tk.w) {
			continue
		}
		if prev >= 0 && (s.text[s.toks[prev].e:tk.s] != "" || s.toks[prev].skip) {
			b.WriteByte(' ')
		}
		b.WriteString(tk.w)
		prev = t
	}
	return b.String()
}

// plainSpan returns the text of tokens [i, j) as a substring of the
// sentence when words would write exactly that: no skipped or quote
// tokens and nothing but one space or nothing between tokens.
func (s *sent) plainSpan(i, j int) (string, bool) {
	if i >= j {
		return "", i == j
	}
	for t := i; t < j; t++ {
		if tk := s.toks[t]; tk.skip || isQuote(tk.w) || t > i && tk.s-s.toks[t-1].e > 1 ||
			t > i && tk.s-s.toks[t-1].e == 1 && s.text[tk.s-1] != ' ' {
			return "", false
		}
	}
	return s.text[s.toks[i].s:s.toks[j-1].e], true
}

func isQuote(w string) bool {
	switch w {
	case "\"", "“", "”", "‘", "’", "'", "«", "»":
		return true
	}
	return false
}

// tokenRange returns the tokens covering bytes [a, b).
func (s *sent) tokenRange(a, b int) (int, int, bool) {
	i := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].e > a })
	j := i
	for j < len(s.toks) && s.toks[j].s < b {
		j++
	}
	if i >= j || s.toks[i].s != a || s.toks[j-1].e != b {
		return i, j, false
	}
	return i, j, true
}

// w returns the word at token index i, "" outside the sentence.
func (s *sent) w(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].w
}

// next returns the index of the first non-skipped token at or after i.
func (s *sent) next(i int) int {
	for i < len(s.toks) && s.toks[i].skip {
		i++
	}
	return i
}

// prev returns the index of the last non-skipped token at or before i.
func (s *sent) prev(i int) int {
	for i >= 0 && s.toks[i].skip {
		i--
	}
	return i
}

// sortMentions orders the top-level mentions by position.
func (s *sent) sortMentions() {
	slices.SortStableFunc(s.ms, byStart)
}

// byStart orders mentions by their start offset.
func byStart(a, b *mention) int { return cmp.Compare(a.s, b.s) }

package gazetteer

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Match is one mention found in a text.
type Match struct {
	Start, End int    // byte offsets into the text: text[Start:End] == Text
	Text       string // the mention as written
	Code       string // ISO alpha-2 when the mention is a country, else ""
	Body       *Body  // the body when the mention is one, else nil; shared, do not modify
	// Ambiguous is true when an acronym belongs to several bodies; Body is
	// then the first of them in data order, and BodiesByAcronym(Text) lists
	// them all.
	Ambiguous bool
}

// MatchCountries returns every country mention in text, in text order:
// names, official names, aliases, adjectives, demonyms, and combining forms
// followed by a hyphen and another country ("Sino-Danish" gives China and
// Denmark; "Indo-Pacific" gives nothing). At each position the longest
// pattern wins and matches never overlap; regions ("Latin American", "New
// South Wales") hide the country words inside them.
func (g *Gazetteer) MatchCountries(text string) []Match {
	return g.match(text, kindCountry|kindRegion)
}

// MatchBodies returns every body mention in text, in text order: canonical
// names, aliases, "<adjective> <name>" forms of national bodies ("Chinese
// Ministry of Education") and acronyms as whole words in their exact case,
// except in all-capitals lines of three or more words, where an acronym
// cannot be told from a word ("THE MOST IMPORTANT RESULTS"). The longest
// pattern wins; matches never overlap.
func (g *Gazetteer) MatchBodies(text string) []Match {
	return g.match(text, kindBody)
}

// MatchAll returns country and body mentions together, longest first and
// without overlaps, so that "Chinese Academy of Sciences" is one body and not
// the adjective "Chinese" followed by other words.
func (g *Gazetteer) MatchAll(text string) []Match {
	return g.match(text, kindCountry|kindRegion|kindBody)
}

// CountriesInCompound returns the countries named in a compound such as
// "Sino-Danish" ([CN DK]), "China-Denmark" ([CN DK]), "China-CELAC" ([CN])
// or "Indo-Pacific" ([]), in the order written, each once.
func (g *Gazetteer) CountriesInCompound(s string) []Country {
	var out []Country
	seen := map[string]bool{}
	for _, m := range g.MatchCountries(s) {
		if !seen[m.Code] {
			seen[m.Code] = true
			out = append(out, g.countries[g.byCode[m.Code]])
		}
	}
	return out
}

// matcher holds the state of one match call.
type matcher struct {
	g     *Gazetteer
	text  string
	toks  []token
	mask  kind
	path  []int        // token indices consumed by the current trie walk
	lines []int        // byte offsets of line starts, computed on first need
	caps  map[int]bool // line number -> the line is an all-capitals heading
}

// matchers recycles the token and path buffers of match calls: a
// Gazetteer is shared by goroutines, so each call takes its own.
var matchers = sync.Pool{New: func() any { return &matcher{path: make([]int, 0, 16)} }}

func (g *Gazetteer) match(text string, mask kind) []Match {
	m := matchers.Get().(*matcher)
	defer m.release()
	m.g, m.text, m.mask = g, text, mask
	m.toks = tokenize(text, m.toks)
	var out []Match
	for i := 0; i < len(m.toks); {
		c, ok := m.longestAt(i)
		if !ok {
			i++
			continue
		}
		if c.e.kind != kindRegion {
			out = append(out, m.toMatch(i, c))
		}
		i = c.end + 1
	}
	return out
}

// release clears what the matcher refers to and returns it to the pool.
func (m *matcher) release() {
	clear(m.toks) // the tokens' strings point into the text
	m.g, m.text, m.toks, m.path = nil, "", m.toks[:0], m.path[:0]
	m.lines, m.caps = nil, nil
	matchers.Put(m)
}

// candidate is the best entry found at one position: it ends at token end.
type candidate struct {
	e         *entry
	end       int
	ambiguous bool
}

// longestAt walks the trie from token i and returns the longest entry of
// the mask whose case rules and constraints hold.
func (m *matcher) longestAt(i int) (candidate, bool) {
	var best candidate
	if !m.g.starts.mayStart(m.toks[i].norm) {
		return best, false
	}
	found := false
	n := &m.g.root
	m.path = m.path[:0]
	skipped := false
	for j := i; j < len(m.toks); j++ {
		t := m.toks[j]
		if j > i && t.word && t.norm == "the" && !skipped {
			skipped = true // one optional "the" between two words of a name
			continue
		}
		skipped = false
		child := n.next[t.norm]
		if child == nil {
			break
		}
		n = child
		m.path = append(m.path, j)
		if c, ok := m.pick(n.entries, j); ok {
			best, found = c, true
		}
	}
	return best, found
}

// pick returns the first entry of the node that holds at token end j, and
// whether several bodies hold there.
func (m *matcher) pick(entries []*entry, j int) (candidate, bool) {
	var c candidate
	found := false
	for _, e := range entries {
		if e.kind&m.mask == 0 || !m.caseOK(e) || e.combining && !m.combiningOK(j) || e.acronym && m.inCapsLine(j) {
			continue
		}
		if !found {
			c, found = candidate{e: e, end: j}, true
			continue
		}
		if e.kind == kindBody && c.e.kind == kindBody && e.body != c.e.body {
			c.ambiguous = true
		}
	}
	return c, found
}

// caseOK checks the case rule of every pattern token against the text.
func (m *matcher) caseOK(e *entry) bool {
	for k, pt := range e.toks {
		t := m.toks[m.path[k]]
		switch pt.rule {
		case exactCase:
			if m.text[t.start:t.end] != pt.text {
				return false
			}
		case capitalised:
			if !t.upperFirst {
				return false
			}
		}
	}
	return true
}

// combiningOK reports whether the combining form at token j is glued to a
// hyphen that is glued to another country ("Sino-Danish", "Sino-US",
// "Austro-Hungarian", "Sino-Indo-Pakistani").
func (m *matcher) combiningOK(j int) bool {
	if j+2 >= len(m.toks) {
		return false
	}
	dash, next := m.toks[j+1], m.toks[j+2]
	if dash.norm != "-" || !dash.glued || !next.glued {
		return false
	}
	sub := &matcher{g: m.g, text: m.text, toks: m.toks, mask: kindCountry, path: make([]int, 0, 8)}
	c, ok := sub.longestAt(j + 2)
	return ok && c.e.kind == kindCountry
}

// inCapsLine reports whether token j sits in a line of three or more words
// and no lower-case letter ("THE MOST IMPORTANT RESULTS"): there an acronym
// cannot be told from an ordinary word, so acronyms do not match. Each line
// is looked at once per call, so the cost stays linear in the text.
func (m *matcher) inCapsLine(j int) bool {
	if m.lines == nil {
		m.lines = lineStarts(m.text)
	}
	n := sort.SearchInts(m.lines, m.toks[j].start+1) - 1 // the last line start <= token start
	if v, ok := m.caps[n]; ok {
		return v
	}
	end := len(m.text)
	if n+1 < len(m.lines) {
		end = m.lines[n+1]
	}
	v := capsHeading(m.text[m.lines[n]:end])
	if m.caps == nil {
		m.caps = map[int]bool{}
	}
	m.caps[n] = v
	return v
}

// lineStarts returns the byte offset of the start of every line of s.
func lineStarts(s string) []int {
	out := []int{0}
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			return out
		}
		i += k + 1
		out = append(out, i)
	}
}

// capsHeading reports whether line has at least three words and no
// lower-case letter.
func capsHeading(line string) bool {
	words, inWord := 0, false
	for _, r := range line {
		if unicode.IsLower(r) {
			return false
		}
		letter := unicode.IsLetter(r)
		if letter && !inWord {
			words++
		}
		inWord = letter
	}
	return words >= 3
}

func (m *matcher) toMatch(i int, c candidate) Match {
	start, end := m.toks[i].start, m.toks[c.end].end
	out := Match{Start: start, End: end, Text: m.text[start:end], Ambiguous: c.ambiguous}
	switch c.e.kind {
	case kindCountry:
		out.Code = c.e.code
	case kindBody:
		out.Body = &m.g.bodies[c.e.body]
	}
	return out
}

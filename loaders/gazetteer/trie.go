package gazetteer

import "strings"

// kind says what an entry names; a mask of kinds filters a match.
type kind uint8

const (
	kindCountry kind = 1 << iota
	kindRegion
	kindBody
)

// patTok is one token of a pattern and the case rule it imposes.
type patTok struct {
	norm, text string
	rule       caseRule
}

// entry is one pattern (a name, alias, adjective, acronym...) and what it names.
type entry struct {
	toks      []patTok
	kind      kind
	code      string // country code for kindCountry
	region    string // region name for kindRegion
	body      int    // index into Gazetteer.bodies for kindBody
	combining bool   // a combining form: matches only as "Sino-" before another country
	acronym   bool
}

// node is a trie node keyed by normalised tokens.
type node struct {
	next    map[string]*node
	entries []*entry
}

// pattern tokenises a name into pattern tokens. "the" tokens are dropped
// (they are optional in text) and so is a final full stop ("U.S."). Only
// the first word of a name must be capitalised in text; exact-case words
// stay exact wherever they are.
func pattern(name string, acronym bool) []patTok {
	toks := tokenize(name, nil)
	out := make([]patTok, 0, len(toks))
	for _, t := range toks {
		if t.word && t.norm == "the" && !acronym {
			continue
		}
		text := name[t.start:t.end]
		rule := anyCase
		if t.word {
			rule = ruleFor(text, acronym)
		}
		if rule == capitalised && len(out) > 0 {
			rule = anyCase // inner words of a name may be lower case in text ("Caribbean states")
		}
		out = append(out, patTok{norm: t.norm, text: text, rule: rule})
	}
	if len(out) > 1 && out[len(out)-1].norm == "." {
		out = out[:len(out)-1]
	}
	return out
}

// key is the normalised lookup key of a pattern.
func key(toks []patTok) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}

// lookupKey normalises a name given to CountryByName or BodyByName: like a
// pattern, and without a trailing possessive "'s".
func lookupKey(s string) ([]patTok, string) {
	toks := pattern(strings.TrimSpace(s), false)
	if n := len(toks); n > 2 && toks[n-2].norm == "'" && toks[n-1].norm == "s" {
		toks = toks[:n-2]
	} else if n > 1 && toks[n-1].norm == "'" {
		toks = toks[:n-1]
	}
	return toks, key(toks)
}

// spelling is the key of a pattern plus the spelling of its exact-case
// tokens: two names with the same spelling are the same name.
func spelling(toks []patTok) string {
	var b strings.Builder
	b.WriteString(key(toks))
	for _, t := range toks {
		if t.rule == exactCase {
			b.WriteString("\x00" + t.text)
		}
	}
	return b.String()
}

// insert adds e under its token path.
func (n *node) insert(e *entry) {
	cur := n
	for _, t := range e.toks {
		child := cur.next[t.norm]
		if child == nil {
			if cur.next == nil {
				cur.next = make(map[string]*node)
			}
			child = &node{}
			cur.next[t.norm] = child
		}
		cur = child
	}
	cur.entries = append(cur.entries, e)
}

// exactOK reports whether the exact-case tokens of e are spelled as in got;
// capitalisation is not checked (lookups by name are case-insensitive).
func exactOK(e *entry, got []patTok) bool {
	if len(got) != len(e.toks) {
		return false
	}
	for i, t := range e.toks {
		if t.rule == exactCase && got[i].text != t.text {
			return false
		}
	}
	return true
}

// startSet is a filter over the first tokens of the patterns: a token
// whose bit is clear starts no pattern, which spares the map lookup of
// most words of a text. Bits are set by a hash of the token's first two
// bytes, last byte and length; a set bit may be a false positive.
type startSet [1 << 14 / 64]uint64

func startBit(norm string) uint {
	if norm == "" {
		return 0
	}
	h := uint32(norm[0]) | uint32(norm[len(norm)-1])<<8 | uint32(len(norm))<<16
	if len(norm) > 1 {
		h |= uint32(norm[1]) << 24
	}
	return uint((h * 0x9E3779B1) >> (32 - 14))
}

func (f *startSet) add(norm string) { b := startBit(norm); f[b/64] |= 1 << (b % 64) }

// mayStart reports whether a pattern may start with the token norm.
func (f *startSet) mayStart(norm string) bool { b := startBit(norm); return f[b/64]&(1<<(b%64)) != 0 }

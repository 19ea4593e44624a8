package extract

import (
	_ "embed"
	"strings"
)

//go:embed data/places.tsv
var placesTSV string

// place is a known city or province.
type place struct {
	name, country, typ string
	words              []string // the words of name
}

// placeIndex maps the first word of a known place to the places starting
// with it, longest first.
type placeIndex map[string][]place

var knownPlaces = loadPlaces(placesTSV)

// placeFirsts filters the first words of known places.
var placeFirsts = func() (f wordFilter) {
	for w := range knownPlaces {
		f.add(w)
	}
	return f
}()

// loadPlaces reads data/places.tsv (name, country, type per line).
func loadPlaces(data string) placeIndex {
	idx := placeIndex{}
	for _, line := range strings.Split(data, "\n") {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) != 3 || strings.HasPrefix(f[0], "#") {
			continue
		}
		words := strings.Fields(f[0])
		idx[words[0]] = append(idx[words[0]], place{f[0], f[1], f[2], words})
	}
	for k, ps := range idx {
		sortByWordsDesc(ps)
		idx[k] = ps
	}
	return idx
}

func sortByWordsDesc(ps []place) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// match returns the known place whose words start at toks[i], if any, and
// the index after it.
func (idx placeIndex) match(toks []token, i int) (place, int, bool) {
	for _, p := range idx[toks[i].w] {
		if j, ok := matchWords(toks, i, p.words); ok {
			return p, j, true
		}
	}
	return place{}, i, false
}

// matchFields is matchWords over the space-separated words of text.
func matchFields(toks []token, i int, text string) (int, bool) {
	j := i
	for w := range strings.FieldsSeq(text) {
		if j >= len(toks) || toks[j].w != w {
			return i, false
		}
		j++
	}
	return j, true
}

// matchWords matches a word sequence against tokens from i, skipping
// nothing, and returns the index after it.
func matchWords(toks []token, i int, words []string) (int, bool) {
	j := i
	for _, w := range words {
		if j >= len(toks) || toks[j].w != w {
			return i, false
		}
		j++
	}
	return j, true
}

package extract

import (
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// entity is one real-world thing a document mentions; mentions of it in
// several sentences share it.
type entity struct {
	seq      int
	kind     graph.Kind
	name     string
	aliases  []string
	country  string
	acronym  string // acronym the document itself defined
	date     string // events: the day they took place
	untitled bool
	gen      string
	dropped  bool // an untitled agreement that never got a name
	ended    bool // events: date is the last day, not the first
	days     int  // events: how many days they lasted, when stated
	evidence *graph.Evidence
}

// addAlias adds a name the entity is also known by.
func (e *entity) addAlias(a string) {
	a = strings.TrimSpace(a)
	if a == "" || a == e.name {
		return
	}
	for _, x := range e.aliases {
		if x == a {
			return
		}
	}
	e.aliases = append(e.aliases, a)
}

// names returns the name and aliases.
func (e *entity) names() []string { return append([]string{e.name}, e.aliases...) }

// registry holds the entities of one document, found by kind and
// normalised name, and the surface forms to recognise in later sentences.
type registry struct {
	ents    []*entity
	byKey   map[nameKey]*entity
	surface map[string][]surface // first word -> forms
	// bilateral maps folded "A-B X" names of institutions to them.
	bilateral map[string]*entity
	// heads filters the keys of surface.
	heads wordFilter
}

// surface is a sequence of words that names an entity in this document.
type surface struct {
	ent  *entity
	text string // its words, separated by spaces
}

func newRegistry() *registry {
	// Sized for a short document, so that the maps do not grow in steps
	// from empty.
	return &registry{byKey: make(map[nameKey]*entity, 64), surface: make(map[string][]surface, 64), bilateral: map[string]*entity{}}
}

// reset empties the registry for another document, keeping the room its
// maps and list have grown.
func (r *registry) reset() {
	clear(r.ents[:cap(r.ents)])
	r.ents = r.ents[:0]
	clear(r.byKey)
	clear(r.surface)
	clear(r.bilateral)
	r.heads = wordFilter{}
}

// nameKey finds an entity by kind and folded name.
type nameKey struct {
	kind graph.Kind
	name string
}

func key(k graph.Kind, name string) nameKey { return nameKey{k, normName(name)} }

// normCache memoises graph.NormalizeName, which registries call for every
// lookup.
var normCache = memo[string, string]{max: normCacheMax}

const normCacheMax = 1 << 16

// normName is graph.NormalizeName, memoised.
func normName(s string) string { return normCache.of(s, graph.NormalizeName) }

// find returns the entity of kind k known by any of the names.
func (r *registry) find(k graph.Kind, names ...string) *entity {
	for _, n := range names {
		if e := r.byKey[key(k, n)]; e != nil && n != "" {
			return e
		}
	}
	return nil
}

// add returns the entity of kind k with one of the names, creating it when
// none exists, and records every name as its key and surface form.
func (r *registry) add(k graph.Kind, name string, aliases ...string) *entity {
	e := r.find(k, append([]string{name}, aliases...)...)
	if e == nil {
		e = &entity{seq: len(r.ents), kind: k, name: name}
		r.ents = append(r.ents, e)
	}
	for _, n := range append([]string{name}, aliases...) {
		r.bind(e, n)
	}
	return e
}

// bind makes n a name of e: a key for lookups and a surface form that later
// sentences recognise. A later binding of the same surface wins, so that
// "the MoU" means the latest memorandum.
func (r *registry) bind(e *entity, n string) {
	if n == "" {
		return
	}
	e.addAlias(n)
	r.byKey[key(e.kind, n)] = e
	if e.kind == graph.Institution && strings.ContainsAny(n, "- ") {
		if b := bilateralKey(n); b != "" && r.bilateral[b] == nil {
			r.bilateral[b] = e
		}
	}
	if e.kind == graph.Country || e.untitled {
		return
	}
	head := strings.TrimLeft(n, " \t")
	if k := strings.IndexAny(head, " \t\n"); k >= 0 {
		head = head[:k]
	}
	if head == "" {
		return
	}
	forms := r.surface[head]
	for i, f := range forms {
		if f.text == n {
			forms[i].ent = e
			return
		}
	}
	r.surface[head] = append(forms, surface{e, n})
	r.heads.add(head)
}

// match returns the longest known surface form starting at toks[i].
func (r *registry) match(toks []token, i int) (surface, int, bool) {
	best, bestJ := surface{}, i
	if !r.heads.may(toks[i].w) {
		return best, bestJ, false
	}
	for _, f := range r.surface[toks[i].w] {
		if j, ok := matchFields(toks, i, f.text); ok && j > bestJ {
			best, bestJ = f, j
		}
	}
	return best, bestJ, bestJ > i
}

// addSurface records a surface form under its first word.
func (r *registry) addSurface(head string, f surface) {
	r.surface[head] = append(r.surface[head], f)
	r.heads.add(head)
}

// bindSurface makes the word w recognised as e in later sentences without
// making it a name of e ("Wenchang" for "Wenchang Space Launch Site").
func (r *registry) bindSurface(e *entity, w string) {
	if _, ok := r.byKey[key(e.kind, w)]; ok {
		return
	}
	r.addSurface(w, surface{e, w})
}

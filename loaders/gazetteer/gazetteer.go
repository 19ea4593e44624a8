package gazetteer

import (
	"bytes"
	"embed"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/sdkg/sdkg/graph"
)

//go:embed data/countries.tsv data/bodies.tsv data/regions.tsv
var dataFS embed.FS

// Gazetteer indexes countries, regions and bodies for lookup and matching.
// It is immutable once built and safe for concurrent use.
type Gazetteer struct {
	countries  []Country      // sorted by Code
	byCode     map[string]int // Code -> index in countries
	bodies     []Body         // in file order
	byAcronym  map[string][]int
	countryKey map[string][]*entry // normalised name -> entries (CountryByName)
	bodyKey    map[string][]*entry // normalised name -> entries (BodyByName)
	regionKey  map[string]string   // normalised name -> region name
	root       node                // every pattern, for matching
	starts     startSet            // the first tokens of the patterns
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the gazetteer built from the embedded data files, parsed
// once. It panics if the embedded data is invalid, which the package tests
// rule out.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := LoadWithRegions(mustOpen("data/countries.tsv"), mustOpen("data/bodies.tsv"), mustOpen("data/regions.tsv"))
		if err != nil {
			panic("gazetteer: embedded data: " + err.Error())
		}
		defaultG = g
	})
	return defaultG
}

func mustOpen(name string) io.Reader {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic("gazetteer: " + err.Error())
	}
	return bytes.NewReader(b)
}

// Load builds a gazetteer from a countries file and a bodies file in the
// formats of data/countries.tsv and data/bodies.tsv, without regions. It
// returns an EINVALID error naming the file, line and field of the first
// problem: a malformed code, an unknown body type, a duplicate code or name,
// a body country that is not in the countries file, a parent that is not a
// body.
func Load(countries, bodies io.Reader) (*Gazetteer, error) {
	return LoadWithRegions(countries, bodies, nil)
}

// LoadWithRegions is Load plus a regions file (data/regions.tsv format);
// regions may be nil.
func LoadWithRegions(countries, bodies, regions io.Reader) (*Gazetteer, error) {
	cs, err := parseCountries(countries)
	if err != nil {
		return nil, err
	}
	bs, rows, err := parseBodies(bodies)
	if err != nil {
		return nil, err
	}
	var rgs []region
	if regions != nil {
		if rgs, err = parseRegions(regions); err != nil {
			return nil, err
		}
	}
	g := &Gazetteer{
		byCode: map[string]int{}, byAcronym: map[string][]int{}, countryKey: map[string][]*entry{},
		bodyKey: map[string][]*entry{}, regionKey: map[string]string{},
	}
	if err := g.addCountries(cs); err != nil {
		return nil, err
	}
	g.addRegions(rgs)
	if err := g.addBodies(bs, rows); err != nil {
		return nil, err
	}
	for k := range g.root.next {
		g.starts.add(k)
	}
	return g, nil
}

// addCountries indexes the countries; codes, alpha-3 codes and names must be
// unique across countries.
func (g *Gazetteer) addCountries(cs []Country) error {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Code < cs[j].Code })
	alpha3 := map[string]string{}
	for i, c := range cs {
		if _, dup := g.byCode[c.Code]; dup {
			return graph.Errorf(graph.EINVALID, "countries: code %q appears twice", c.Code)
		}
		if other, dup := alpha3[c.Alpha3]; dup {
			return graph.Errorf(graph.EINVALID, "countries: alpha3 %q of %s already belongs to %s", c.Alpha3, c.Code, other)
		}
		g.byCode[c.Code], alpha3[c.Alpha3] = i, c.Code
	}
	g.countries = cs
	for _, c := range cs {
		if err := g.addCountryNames(c); err != nil {
			return err
		}
	}
	return nil
}

func (g *Gazetteer) addCountryNames(c Country) error {
	seen := map[string]bool{}
	for _, name := range c.names() {
		e := &entry{toks: pattern(name, false), kind: kindCountry, code: c.Code}
		k := key(e.toks)
		if k == "" || seen[spelling(e.toks)] {
			continue
		}
		seen[spelling(e.toks)] = true
		for _, other := range g.countryKey[k] {
			if other.code != c.Code && sameSpelling(other, e) {
				return graph.Errorf(graph.EINVALID, "countries: name %q of %s already belongs to %s", name, c.Code, other.code)
			}
		}
		g.countryKey[k] = append(g.countryKey[k], e)
		g.root.insert(e)
	}
	for _, f := range c.Combining {
		g.root.insert(&entry{toks: pattern(f, false), kind: kindCountry, code: c.Code, combining: true})
	}
	return nil
}

// sameSpelling reports whether two entries with the same key also spell
// their exact-case tokens alike (then they clash).
func sameSpelling(a, b *entry) bool {
	return exactOK(a, b.toks) && exactOK(b, a.toks)
}

func (g *Gazetteer) addRegions(rgs []region) {
	for _, rg := range rgs {
		for _, name := range append([]string{rg.Name}, rg.Aliases...) {
			e := &entry{toks: pattern(name, false), kind: kindRegion, region: rg.Name}
			g.regionKey[key(e.toks)] = rg.Name
			g.root.insert(e)
		}
	}
}

// addBodies checks the cross-line rules of the bodies file and indexes it.
func (g *Gazetteer) addBodies(bs []Body, rows []row) error {
	g.bodies = bs
	for i, b := range bs {
		if b.Country != "" {
			if _, ok := g.byCode[b.Country]; !ok {
				return rows[i].errorf("country", "%q is not in the countries file", b.Country)
			}
		}
		if err := g.addBodyNames(i, rows[i]); err != nil {
			return err
		}
	}
	for i, b := range bs {
		if b.Parent != "" && !g.isCanonical(b.Parent) {
			return rows[i].errorf("parent", "%q is not the name of a body", b.Parent)
		}
		if b.Parent == b.Name {
			return rows[i].errorf("parent", "a body cannot be its own parent")
		}
	}
	g.addDerivedBodyNames()
	return nil
}

func (g *Gazetteer) addBodyNames(i int, rw row) error {
	b := g.bodies[i]
	seen := map[string]bool{}
	for _, name := range append([]string{b.Name}, b.Aliases...) {
		e := &entry{toks: pattern(name, false), kind: kindBody, body: i}
		k := key(e.toks)
		if k == "" || seen[spelling(e.toks)] {
			continue
		}
		seen[spelling(e.toks)] = true
		for _, other := range g.bodyKey[k] {
			if other.body != i && sameSpelling(other, e) {
				return rw.errorf("aliases", "name %q already belongs to %q", name, g.bodies[other.body].Name)
			}
		}
		g.bodyKey[k] = append(g.bodyKey[k], e)
		g.root.insert(e)
	}
	for _, a := range b.Acronyms {
		g.byAcronym[a] = append(g.byAcronym[a], i)
		g.root.insert(&entry{toks: pattern(a, true), kind: kindBody, body: i, acronym: true})
	}
	return nil
}

func (g *Gazetteer) isCanonical(name string) bool {
	_, k := lookupKey(name)
	for _, e := range g.bodyKey[k] {
		if g.bodies[e.body].Name == name {
			return true
		}
	}
	return false
}

// addDerivedBodyNames lets "Chinese Ministry of Education" match the
// ministry whose name is "Ministry of Education" and whose country is China:
// for every body with a country and names that name no country, each
// "<adjective> <name>" becomes a matching pattern, unless another body
// already owns that name. Derived names are not aliases: Body values do not
// list them.
func (g *Gazetteer) addDerivedBodyNames() {
	for i, b := range g.bodies {
		if b.Country == "" {
			continue
		}
		c := g.countries[g.byCode[b.Country]]
		for _, name := range append([]string{b.Name}, b.Aliases...) {
			if len(g.MatchCountries(name)) > 0 {
				continue
			}
			for _, adj := range c.Adjectives {
				e := &entry{toks: pattern(adj+" "+name, false), kind: kindBody, body: i}
				k := key(e.toks)
				if _, taken := g.bodyKey[k]; !taken {
					g.bodyKey[k] = []*entry{e}
					g.root.insert(e)
				}
			}
		}
	}
}

// Countries returns every country, sorted by Code. The slice is a copy.
func (g *Gazetteer) Countries() []Country {
	return append([]Country(nil), g.countries...)
}

// Country returns the country with ISO alpha-2 code (any case), or false.
func (g *Gazetteer) Country(code string) (Country, bool) {
	i, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// CountryByName returns the country that s names: its common or official
// name, an alias, an adjective or a demonym. The lookup ignores case (except
// for abbreviations written in capitals: "US" is the United States, "us" is
// nothing), accents, a leading "the", curly apostrophes and a trailing "'s".
// Regions and combining forms are not country names.
func (g *Gazetteer) CountryByName(s string) (Country, bool) {
	toks, k := lookupKey(s)
	for _, e := range g.countryKey[k] {
		if exactOK(e, toks) {
			return g.countries[g.byCode[e.code]], true
		}
	}
	return Country{}, false
}

// RegionByName returns the canonical name of the region that s names
// ("Latin American" -> "Latin America"), or false.
func (g *Gazetteer) RegionByName(s string) (string, bool) {
	_, k := lookupKey(s)
	r, ok := g.regionKey[k]
	return r, ok
}

// Bodies returns every body in data order. The slice is a copy.
func (g *Gazetteer) Bodies() []Body {
	return append([]Body(nil), g.bodies...)
}

// BodiesByAcronym returns every body with acronym acr, in its exact case,
// in data order; nil when there is none.
func (g *Gazetteer) BodiesByAcronym(acr string) []Body {
	var out []Body
	for _, i := range g.byAcronym[strings.TrimSpace(acr)] {
		out = append(out, g.bodies[i])
	}
	return out
}

// BodyByName returns the body whose canonical name or alias is name, or
// whose "<adjective> <name>" form it is ("Chinese Ministry of Education"),
// compared like CountryByName compares; acronyms are not names (see
// BodiesByAcronym).
func (g *Gazetteer) BodyByName(name string) (Body, bool) {
	toks, k := lookupKey(name)
	for _, e := range g.bodyKey[k] {
		if exactOK(e, toks) {
			return g.bodies[e.body], true
		}
	}
	return Body{}, false
}

package extract

import (
	"sync"

	"github.com/sdkg/sdkg/loaders/gazetteer"
)

// gazCache memoises, across documents, the gazetteer lookups that depend
// only on a name: the countries named in a short name and the body of a
// full name. A gazetteer never changes once built, so the answers hold
// for as long as the same gazetteer is asked; the cache starts afresh for
// another one and when it grows past gazCacheMax entries.
type gazCache struct {
	mu        sync.Mutex
	g         *gazetteer.Gazetteer
	countryOf map[string][]gazetteer.Match
	bodyOf    map[string]bodyHit
	compounds map[string][]string // word -> codes of CountriesInCompound
	isCountry map[string]bool     // name -> CountryByName found it
}

const gazCacheMax = 1 << 15

var shared gazCache

// reset empties the cache for gazetteer g; the caller holds mu.
func (c *gazCache) reset(g *gazetteer.Gazetteer) {
	c.g, c.countryOf, c.bodyOf = g, map[string][]gazetteer.Match{}, map[string]bodyHit{}
	c.compounds, c.isCountry = map[string][]string{}, map[string]bool{}
}

// compound returns the cached country codes of a compound word in g.
func (c *gazCache) compound(g *gazetteer.Gazetteer, w string) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.g != g {
		return nil, false
	}
	codes, ok := c.compounds[w]
	return codes, ok
}

// putCompound records the country codes of a compound word in g.
func (c *gazCache) putCompound(g *gazetteer.Gazetteer, w string, codes []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.g != g || len(c.compounds) >= gazCacheMax {
		c.reset(g)
	}
	c.compounds[w] = codes
}

// country returns whether name is a country of g, when cached.
func (c *gazCache) country(g *gazetteer.Gazetteer, name string) (isCountry, known bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.g != g {
		return false, false
	}
	isCountry, known = c.isCountry[name]
	return isCountry, known
}

// putCountry records whether name is a country of g.
func (c *gazCache) putCountry(g *gazetteer.Gazetteer, name string, isCountry bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.g != g || len(c.isCountry) >= gazCacheMax {
		c.reset(g)
	}
	c.isCountry[name] = isCountry
}

// countries returns the cached country matches of text in g.
func (c *gazCache) countries(g *gazetteer.Gazetteer, text string) ([]gazetteer.Match, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.g != g {
		return nil, false
	}
	m, ok := c.countryOf[text]
	return m, ok
}

// putCountries records the country matches of text in g.
func (c *gazCache) putCountries(g *gazetteer.Gazetteer, text string, m []gazetteer.Match) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.g != g || len(c.countryOf) >= gazCacheMax {
		c.reset(g)
	}
	c.countryOf[text] = m
}

// body returns the cached body lookup of name in g.
func (c *gazCache) body(g *gazetteer.Gazetteer, name string) (bodyHit, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.g != g {
		return bodyHit{}, false
	}
	h, ok := c.bodyOf[name]
	return h, ok
}

// putBody records the body lookup of name in g.
func (c *gazCache) putBody(g *gazetteer.Gazetteer, name string, h bodyHit) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.g != g || len(c.bodyOf) >= gazCacheMax {
		c.reset(g)
	}
	c.bodyOf[name] = h
}

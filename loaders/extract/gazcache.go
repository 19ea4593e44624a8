package extract

import (
	"sync"

	"github.com/sdkg/sdkg/loaders/gazetteer"
)

// memo memoises a pure function across documents. It is bounded: it
// starts afresh when it holds max entries.
type memo[K comparable, V any] struct {
	mu  sync.Mutex
	m   map[K]V
	max int
}

// of returns f(k), computed once while the memo keeps it. f runs outside
// the lock.
func (c *memo[K, V]) of(k K, f func(K) V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f(k)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= c.max {
		c.m = make(map[K]V)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

// gazCache memoises, across documents, the gazetteer lookups that depend
// only on a name: the countries named in a short name and the body of a
// full name. A gazetteer never changes once built, so the answers hold
// for as long as the same gazetteer is asked; the cache starts afresh for
// another one and when one of its maps grows past gazCacheMax entries.
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

// gazMemo returns f(g, k) from the map *m, a field of shared, while shared
// holds answers of g; otherwise it computes it (outside the lock) and
// records it.
func gazMemo[V any](g *gazetteer.Gazetteer, m *map[string]V, k string, f func(*gazetteer.Gazetteer, string) V) V {
	shared.mu.Lock()
	v, ok := (*m)[k]
	ok = ok && shared.g == g
	shared.mu.Unlock()
	if ok {
		return v
	}
	v = f(g, k)
	shared.mu.Lock()
	if shared.g != g || len(*m) >= gazCacheMax {
		shared.reset(g)
	}
	(*m)[k] = v
	shared.mu.Unlock()
	return v
}

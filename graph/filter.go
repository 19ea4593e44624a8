package graph

// Filter narrows the nodes and edges a read considers. The zero Filter
// admits everything.
type Filter struct {
	// Kinds admits only nodes of these kinds (seeds of a traversal are
	// always admitted).
	Kinds []Kind
	// Types admits only edges of these types.
	Types []EdgeType
	// From and To bound a time window, inclusive, as ISO dates at any
	// precision ("2019", "2021-06", "2025-05-13"); either may be empty. A
	// dated edge passes when its own span (DateBounds) overlaps the window.
	// An undated edge passes unless DatedOnly is set: undated edges
	// (affiliations, bases, part-of) describe structure, not events.
	From, To  string
	DatedOnly bool
	// MinConfidence admits only edges whose confidence is at least this.
	MinConfidence float64
	// Countries admits only nodes whose Country is one of these ISO
	// alpha-2 codes (seeds of a traversal are always admitted).
	Countries []string
}

// Validate reports EINVALID for unknown kinds or types, malformed dates, a
// window whose From is after its To, or a confidence outside [0, 1].
func (f *Filter) Validate() error {
	for _, k := range f.Kinds {
		if !k.Valid() {
			return Errorf(EINVALID, "filter: unknown node kind %q", k)
		}
	}
	for _, t := range f.Types {
		if !t.Valid() {
			return Errorf(EINVALID, "filter: unknown edge type %q", t)
		}
	}
	if !ValidDate(f.From) || !ValidDate(f.To) {
		return Errorf(EINVALID, "filter: invalid time window %q to %q", f.From, f.To)
	}
	if lo, _ := DateBounds(f.From); f.To != "" && lo != "" {
		if _, hi := DateBounds(f.To); lo > hi {
			return Errorf(EINVALID, "filter: window starts %q after it ends %q", f.From, f.To)
		}
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return Errorf(EINVALID, "filter: minimum confidence %v outside [0, 1]", f.MinConfidence)
	}
	return nil
}

// AdmitsNode reports whether n passes Kinds and Countries.
func (f *Filter) AdmitsNode(n *Node) bool {
	if len(f.Kinds) > 0 && !contains(f.Kinds, n.Kind) {
		return false
	}
	return len(f.Countries) == 0 || contains(f.Countries, n.Country)
}

// AdmitsEdge reports whether e passes Types, the time window and
// MinConfidence.
func (f *Filter) AdmitsEdge(e *Edge) bool {
	if len(f.Types) > 0 && !contains(f.Types, e.Type) {
		return false
	}
	if e.Confidence < f.MinConfidence {
		return false
	}
	return f.AdmitsDate(e.Date)
}

// AdmitsDate reports whether an edge dated date passes the time window.
func (f *Filter) AdmitsDate(date string) bool {
	if date == "" {
		return !f.DatedOnly
	}
	lo, hi := DateBounds(date)
	if f.From != "" {
		if wlo, _ := DateBounds(f.From); hi < wlo {
			return false
		}
	}
	if f.To != "" {
		if _, whi := DateBounds(f.To); lo > whi {
			return false
		}
	}
	return true
}

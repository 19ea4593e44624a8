package graph

import (
	"strconv"
)

// Edge is a relation between two nodes. Its identity is (Type, From, To,
// Date): the same relation stated with another date is another edge, so that
// relations recur across years. For COLLABORATED_WITH (symmetric) stores keep
// From < To.
type Edge struct {
	// ID is Key(); stores fill it on reads; it is ignored in input.
	ID   string   `json:"id,omitempty"`
	Type EdgeType `json:"type"`
	From string   `json:"from"`
	To   string   `json:"to"`
	// Date is ISO 8601 at its stated precision: "2025-05-13", "2025-05",
	// "2025", or "" when the text states none.
	Date string `json:"date,omitempty"`
	// Year is the year of Date, 0 when undated. Derived; ignored in input.
	Year int `json:"year,omitempty"`
	// Props holds role (AFFILIATED_WITH), act (SIGNED: signed, adopted,
	// renewed), site (LAUNCHED) and the like.
	Props map[string]string `json:"props,omitempty"`
	// Evidence is the sentence that states the edge. In facts it is the one
	// sentence of this document; on reads it is the first evidence stored
	// (use Store.Evidence for all of them).
	Evidence   *Evidence `json:"evidence,omitempty"`
	Confidence float64   `json:"confidence,omitempty"`
	Rule       string    `json:"rule,omitempty"`
	// FirstSeen and LastSeen are the smallest and largest issue dates of the
	// documents that support the edge. Filled on reads.
	FirstSeen string `json:"firstSeen,omitempty"`
	LastSeen  string `json:"lastSeen,omitempty"`
	// Weight and Years are set on roll-up edges only: how many relations an
	// aggregated edge stands for and in which years (ascending).
	Weight int   `json:"weight,omitempty"`
	Years  []int `json:"years,omitempty"`
}

// Key returns the identity of the edge: type, endpoints (ordered for
// symmetric types) and date, joined by "|".
func (e *Edge) Key() string {
	from, to := e.From, e.To
	if e.Type.Symmetric() && from > to {
		from, to = to, from
	}
	return string(e.Type) + "|" + from + "|" + to + "|" + e.Date
}

// Normalize orders the endpoints of a symmetric edge, sets Year from Date
// and ID from Key. It does not validate.
func (e *Edge) Normalize() {
	if e.Type.Symmetric() && e.From > e.To {
		e.From, e.To = e.To, e.From
	}
	e.Year = YearOf(e.Date)
	e.ID = e.Key()
}

// Other returns the endpoint of e that is not id (From when id is neither).
func (e *Edge) Other(id string) string {
	if e.From == id {
		return e.To
	}
	return e.From
}

// Evidence locates the sentence that states a fact.
type Evidence struct {
	Document string `json:"document,omitempty"`
	Entry    string `json:"entry,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	// Start and End are byte offsets of the sentence in the original document.
	Start int `json:"start"`
	End   int `json:"end"`
}

// ValidDate reports whether s is "", YYYY, YYYY-MM or YYYY-MM-DD with a
// plausible month and day.
func ValidDate(s string) bool {
	switch len(s) {
	case 0:
		return true
	case 4, 7, 10:
	default:
		return false
	}
	if _, ok := digits(s[:4]); !ok {
		return false
	}
	for _, part := range [2]struct{ at, max int }{{5, 12}, {8, 31}} {
		if len(s) <= part.at {
			break
		}
		v, ok := digits(s[part.at : part.at+2])
		if s[part.at-1] != '-' || !ok || v < 1 || v > part.max {
			return false
		}
	}
	return true
}

// digits reads s as a decimal number of ASCII digits only.
func digits(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// YearOf returns the year of an ISO date at any precision, 0 for "".
func YearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}

// DateBounds returns the first and last day covered by an ISO date at any
// precision: "2025" → "2025-01-01", "2025-12-31"; "2025-05" → "2025-05-01",
// "2025-05-31" (31 for every month: the bound is only compared, never shown).
// An empty date gives empty bounds.
func DateBounds(date string) (lo, hi string) {
	switch len(date) {
	case 4:
		return date + "-01-01", date + "-12-31"
	case 7:
		return date + "-01", date + "-31"
	default:
		return date, date
	}
}

package extract

import (
	"strings"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/review"
)

// kindDate marks date mentions; they are not nodes.
const kindDate graph.Kind = "Date"

// mention is a span of a sentence that names (or refers to) an entity.
type mention struct {
	kind     graph.Kind
	i, j     int // token range [i, j)
	s, e     int // byte range in the sentence
	name     string
	aliases  []string
	code     string // country code, for countries
	ent      *entity
	acr      string   // acronym defined right after it: "(CNSA)"
	noAcr    bool     // the acronym after it belongs to a longer name
	parent   *mention // PART_OF stated by the name itself
	parties  []*mention
	untitled bool   // an agreement or event without a title
	gen      string // the generic kind word of an untitled agreement or event
	nested   bool   // inside another mention: a node, not part of the template
	ref      bool   // a definite description ("the meeting") resolved to ent
	date     review.DateMention
}

// letter is the template letter of a kind.
func (m *mention) letter() byte {
	switch m.kind {
	case graph.Person:
		return 'P'
	case graph.Country:
		return 'C'
	case graph.Institution:
		return 'I'
	case graph.Mission:
		return 'M'
	case graph.Agreement:
		return 'A'
	case graph.Event:
		return 'E'
	case graph.Place:
		return 'L'
	case graph.Project:
		return 'J'
	}
	return 'D'
}

// isActor reports whether the mention can act: sign, host, take part.
func (m *mention) isActor() bool {
	return m.kind == graph.Person || m.kind == graph.Institution || m.kind == graph.Country
}

// shortName is how the mention's entity is named inside generated names
// ("Agreement between IGRC and UNESCO"): an acronym the document defined,
// else the text as written.
func (m *mention) shortName() string {
	if m.ent != nil && m.ent.acronym != "" {
		return m.ent.acronym
	}
	if m.ent != nil && m.ent.kind == graph.Country {
		return m.ent.name
	}
	return strings.TrimPrefix(m.name, "the ")
}

// longName is the full name of the mention's entity.
func (m *mention) longName() string {
	if m.ent != nil {
		return m.ent.name
	}
	return m.name
}

// briefName prefers any acronym of the entity, the document's or the
// gazetteer's.
func (m *mention) briefName() string {
	if m.ent != nil {
		if m.ent.acronym != "" {
			return m.ent.acronym
		}
		for _, a := range m.ent.aliases {
			if isAcronym(a) {
				return a
			}
		}
	}
	return m.shortName()
}

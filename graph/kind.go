package graph

import "strings"

// Kind is a node kind of the ontology.
type Kind string

// The eight node kinds.
const (
	Person      Kind = "Person"
	Country     Kind = "Country"
	Institution Kind = "Institution"
	Mission     Kind = "Mission"
	Agreement   Kind = "Agreement"
	Event       Kind = "Event"
	Place       Kind = "Place"
	Project     Kind = "Project"
)

// Kinds lists every node kind in a fixed order.
var Kinds = []Kind{Person, Country, Institution, Mission, Agreement, Event, Place, Project}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// ParseKind accepts a kind in any letter case ("person", "PERSON").
// It returns EINVALID naming the input for anything else.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if strings.EqualFold(string(k), s) {
			return k, nil
		}
	}
	return "", Errorf(EINVALID, "unknown node kind %q", s)
}

// EdgeType is a relation type of the ontology.
type EdgeType string

// The eleven edge types.
const (
	Signed           EdgeType = "SIGNED"
	Hosted           EdgeType = "HOSTED"
	CollaboratedWith EdgeType = "COLLABORATED_WITH"
	ParticipatedIn   EdgeType = "PARTICIPATED_IN"
	Led              EdgeType = "LED"
	AffiliatedWith   EdgeType = "AFFILIATED_WITH"
	BasedIn          EdgeType = "BASED_IN"
	PartOf           EdgeType = "PART_OF"
	Launched         EdgeType = "LAUNCHED"
	Established      EdgeType = "ESTABLISHED"
	Developed        EdgeType = "DEVELOPED"
)

// EdgeTypes lists every edge type in a fixed order.
var EdgeTypes = []EdgeType{Signed, Hosted, CollaboratedWith, ParticipatedIn, Led,
	AffiliatedWith, BasedIn, PartOf, Launched, Established, Developed}

// endpoints lists, per edge type, the allowed (from, to) kinds of ONTOLOGY.md.
var endpoints = map[EdgeType][2][]Kind{
	Signed:           {{Person, Institution, Country}, {Agreement}},
	Hosted:           {{Country, Place, Institution, Person}, {Event, Institution}},
	CollaboratedWith: {{Person, Institution, Country}, {Person, Institution, Country}},
	ParticipatedIn:   {{Person, Institution, Country}, {Event, Mission}},
	Led:              {{Person, Institution, Country}, {Event, Mission, Institution}},
	AffiliatedWith:   {{Person}, {Institution, Country}},
	BasedIn:          {{Institution, Place}, {Country, Place}},
	PartOf:           {{Institution, Event, Agreement, Project}, {Institution, Event, Mission, Project}},
	Launched:         {{Country, Institution}, {Mission}},
	Established:      {{Institution, Country, Person}, {Institution, Project}},
	Developed:        {{Institution, Person}, {Project, Mission}},
}

// partOf narrows PART_OF: Institution→Institution; Event→Event|Institution;
// Agreement→Event; Project→Mission|Project.
var partOf = map[Kind][]Kind{
	Institution: {Institution},
	Event:       {Event, Institution},
	Agreement:   {Event},
	Project:     {Mission, Project},
}

// Valid reports whether t is one of EdgeTypes.
func (t EdgeType) Valid() bool {
	_, ok := endpoints[t]
	return ok
}

// Symmetric reports whether the edge type has no direction (COLLABORATED_WITH).
func (t EdgeType) Symmetric() bool { return t == CollaboratedWith }

// Allows reports whether ONTOLOGY.md permits an edge of type t from a node of
// kind from to a node of kind to.
func (t EdgeType) Allows(from, to Kind) bool {
	ends, ok := endpoints[t]
	if !ok {
		return false
	}
	if t == PartOf {
		return contains(partOf[from], to)
	}
	return contains(ends[0], from) && contains(ends[1], to)
}

// ParseEdgeType accepts an edge type in any letter case.
// It returns EINVALID naming the input for anything else.
func ParseEdgeType(s string) (EdgeType, error) {
	for _, t := range EdgeTypes {
		if strings.EqualFold(string(t), s) {
			return t, nil
		}
	}
	return "", Errorf(EINVALID, "unknown edge type %q", s)
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

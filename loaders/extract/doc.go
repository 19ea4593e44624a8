// Package extract turns a parsed document (package review) into facts
// (package graph): it finds mentions of persons, institutions, countries,
// missions, agreements, events, places and projects in each sentence, and
// states relations between them with named rules. Every edge carries the
// sentence it came from, a confidence and the name of its rule.
//
// Extraction is deterministic and general: rules read sentence shapes
// ("X, President of Y", "held in Z", "signed a Memorandum of Understanding"),
// word lists of titles and organisation heads, the gazetteer of countries and
// well-known bodies, and an embedded list of cities; no rule names a person,
// event or agreement.
//
// It imports the standard library, package graph and the loaders' review and
// gazetteer packages.
package extract

// Package gazetteer holds the background knowledge that every analyst brings
// to a science-diplomacy text and that ONTOLOGY.md lets the loaders keep:
// the countries of ISO 3166-1 with their names, demonyms, adjectives and
// combining forms ("Sino-Danish" names China and Denmark), a few regions that
// look like countries but are not ("Latin American", "Indo-Pacific"), and
// the well-known institutions (UN agencies, forums, ministries, academies,
// space agencies, funders, universities) with their acronyms.
//
// The data lives in the TSV files under data/, embedded with go:embed; their
// sources are listed in SOURCES.md. Default parses them once. Matching is
// token based: text is split into word and punctuation tokens and walked
// through one trie of normalised token sequences, so its cost grows with the
// text, not with the number of entries.
//
// Case rules, the same for every entry:
//   - a pattern token written in capitals or mixed case ("US", "UAE", "CNPq",
//     the "U" of "U.S.") and every token of an acronym match only that exact
//     spelling;
//   - a capitalised pattern token ("China", "Chad", "Turkey", "Georgia")
//     matches a text token that starts with a capital, in any later case
//     ("CHINA" in a heading); "turkey" and "us" never match;
//   - a lower-case pattern token ("of", "and") matches any case.
//
// Accents and curly apostrophes are folded, "&" reads as "and", every dash
// reads as "-", and "the" inside a name is optional ("University of the
// Chinese Academy of Sciences").
//
// Choices about ambiguous names are documented in SOURCES.md:
// "Korea" and "Korean" mean South Korea, "Congo" and "Congolese" alone mean
// nothing (Republic of the Congo or DR Congo), "Dominican" means the
// Dominican Republic, "Georgia", "Jordan", "Chad" and "Turkey" match
// capitalised only and so still match a person or a US state so named.
// Acronyms are not global: BodiesByAcronym("AAS") returns both the
// Australian and the African Academy of Sciences.
//
// The package imports the standard library, golang.org/x/text for accent
// folding, and package graph for its coded errors.
package gazetteer

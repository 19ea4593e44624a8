// Package graph is the domain of sdkg: the ontology of ONTOLOGY.md as Go
// types (node kinds, edge types, nodes, edges, evidence, documents), the facts
// format that loaders produce, the filters and paging of reads, the coded
// errors, and the Store interface whose method comments are contracts.
//
// It imports the standard library only. Backends live in graph/embedded and
// graph/neo4j; both pass the conformance suite in graph/graphtest.
package graph

// Package embedded is the default graph.Store: the whole graph in memory,
// durable in a data directory.
//
// In memory: nodes by id and by kind, one adjacency list per node (types mixed),
// edges by key and by year, a word index over normalised names and aliases,
// per-document support sets (the nodes and edges each document supports and
// each edge's evidence per document), and the redirect tables of merges.
//
// On disk (Open(dir)): a write-ahead log of applied operations, each one
// length-prefixed, CRC-32C checksummed record fsynced before the operation
// is acknowledged (ApplyBatch writes one record per document and syncs
// them once; a failed sync after its documents reached memory marks the
// store broken until reopened), plus a snapshot of the whole state written to a
// temporary file and renamed, taken when the log grows past a size and on
// Close; it refers to documents and nodes by ordinal, so that loading it
// looks nothing up by string. Open loads the snapshot and replays the log after it; a torn or
// corrupt log tail is reported (or cut with RepairTail), never loaded as
// partial state. A hand-written log was chosen over bbolt because the
// graph lives in memory anyway: one sequential append and fsync per
// operation is the cheapest durable write, and the snapshot restores the
// indexes without a B-tree's page overhead.
//
// Concurrency: one writer at a time plans its change while readers go on,
// writes the log record, then mutates the state under a short exclusive
// lock; readers share a read lock. Derived answers (collaborators,
// roll-ups, layers, paths, paging) come from the pure functions of
// graph/derive.go, so that the Neo4j backend answers alike.
//
// Document.Hash is SHA-256 over a canonical binary encoding of the facts
// (nodes by id, edges by key), the same bytes the log record holds: it does
// not depend on the order of nodes and edges, like graph.Facts.ComputeHash,
// but its value differs from ComputeHash's (JSON costs more than the rest of
// an Apply). A hash given in the facts is trusted.
//
// Traversals keep per-query marks in a pooled bitset indexed by a dense
// node number, find induced edges from their lower-degree endpoint (hubs
// keep a neighbour index), and order edges by exact integer keys (type
// rank, positions of the endpoints among the answer's nodes, date) built
// from the adjacency entries, which carry what a traversal needs of the
// edge and the neighbour, so that answering loads each edge record once,
// to copy it.
//
// Writes plan in the canonical order the log record and the hash need
// (nodes by id, edges by key), reusing the writer's buffers, so that an
// Apply sorts once and allocates little besides what it stores.
//
// Node attributes accumulate: replacing or deleting a document removes the
// nodes and edges it alone supported and its evidence, confidence and
// props on edges, but names and aliases it added to surviving nodes stay.
package embedded

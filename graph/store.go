package graph

import "context"

// Store keeps the graph. Every method honours ctx (cancellation and
// deadline) and returns coded errors: EINVALID for bad arguments (nothing is
// written), ENOTFOUND for missing ids where stated, EUNAVAILABLE when the
// backend cannot be reached or the store is closed, EINTERNAL otherwise.
// Methods are safe for concurrent use; reads run concurrently with a write.
// Where an order is promised, every backend returns the same order.
type Store interface {
	// Apply stores the facts of one document in one transaction: all or
	// nothing. Facts are validated first (Facts.Validate); invalid facts
	// are EINVALID and nothing is written.
	//
	// It is idempotent: applying the same facts again changes nothing and
	// reports Unchanged. Applying changed facts for a stored document id
	// replaces what that document alone supported: its edges and nodes
	// that no other document supports and that the new facts no longer
	// state are removed; evidence from other documents stays.
	//
	// Nodes are merged by id: an existing node keeps its name, new names
	// become aliases, aliases are unioned, Country and Props are filled
	// where empty. An id (or a kind and normalised name) redirected by
	// MergeNodes lands on the kept node. Edges are merged by Key; the
	// confidence kept is the highest, props are unioned.
	Apply(ctx context.Context, f *Facts) (ApplySummary, error)

	// ApplyBatch is the bulk-load path: it applies the documents in order,
	// with the effect of Apply on each in turn (a document id given twice
	// is replaced by its later facts), and acknowledges them together: one
	// transaction on Neo4j, one sync of the log in the embedded store.
	// Every document is validated first (ValidateBatch); an invalid batch
	// is EINVALID, naming the document, and nothing is written. A document
	// that cannot be applied (ECONFLICT) ends the batch: the documents
	// before it are stored, nothing of it or after it is, and the error
	// names it. The summaries returned, in order, are those of the
	// documents stored, a prefix of fs (none on a failure of the backend).
	ApplyBatch(ctx context.Context, fs []*Facts) ([]ApplySummary, error)

	// DeleteDocument removes a document and everything only it supported.
	// ENOTFOUND when no such document is stored.
	DeleteDocument(ctx context.Context, id string) (ApplySummary, error)

	// MergeNodes folds drop into keep: drop's edges move to keep (edges
	// that become identical merge their evidence; edges that would join
	// keep to itself are removed), drop's name and aliases become keep's
	// aliases, drop is deleted, and later Applies that state drop's id or
	// (same kind) drop's names land on keep. ENOTFOUND for a missing id;
	// EINVALID when keep == drop or their kinds differ. Returns keep.
	MergeNodes(ctx context.Context, keep, drop string) (Node, error)

	// AddAlias adds an alias to a node (no-op when present). ENOTFOUND
	// for a missing id; EINVALID for an empty alias. Returns the node.
	AddAlias(ctx context.Context, id, alias string) (Node, error)

	// NodesByID returns one entry per id, in the order given, nil where
	// no node has that id (a merged-away id resolves to its keeper). At
	// most MaxPageSize*10 ids.
	NodesByID(ctx context.Context, ids []string) ([]*Node, error)

	// FindNodes returns one page of nodes matching q, ordered as q.Order
	// says.
	FindNodes(ctx context.Context, q NodeQuery) (NodePage, error)

	// Edges returns, for each id of q.Nodes in order, one page of the
	// edges touching that node in q.Direction that pass q.Filter's Types,
	// window and MinConfidence (and whose other endpoint passes Kinds and
	// Countries), ordered by (Date, ID) ascending, undated edges first.
	// ENOTFOUND is not returned for unknown ids: their page is empty.
	Edges(ctx context.Context, q EdgeQuery) ([]EdgePage, error)

	// Evidence returns, for each edge id in order, every evidence stored
	// for it, ordered by (Document, Start). Unknown ids get nil.
	Evidence(ctx context.Context, edgeIDs []string) ([][]Evidence, error)

	// Neighbourhood returns the subgraph reached from seeds in at most
	// depth hops (1 ≤ depth ≤ 3) over edges that pass f (either
	// direction), through nodes that pass f. Nodes are admitted in
	// breadth-first layers, each layer in ID order, until limit nodes
	// (seeds count; limit 0 means 500, at most 10000); Truncated tells
	// whether nodes were left out. Edges are those passing f among the
	// admitted nodes. Nodes and Edges are ordered by ID. ENOTFOUND when
	// no seed exists.
	Neighbourhood(ctx context.Context, seeds []string, depth int, f Filter, limit int) (Subgraph, error)

	// ShortestPaths returns up to k (1 ≤ k ≤ 100) shortest paths from one
	// node to another, ignoring direction, over edges that pass f and
	// intermediate nodes that pass f, of at most maxHops (1 ≤ maxHops ≤
	// 6) hops. All returned paths have the minimal length; they are
	// ordered by their node id sequences; each hop's edge is the one with
	// the smallest ID among those joining the two nodes. Empty (no error)
	// when none exists. ENOTFOUND when from or to does not exist.
	ShortestPaths(ctx context.Context, from, to string, f Filter, maxHops, k int) ([]Path, error)

	// Collaborators returns, for each id in order, the actors that worked
	// with it (ONTOLOGY.md "worked with"): both linked by a shared
	// Agreement (SIGNED), Event (PARTICIPATED_IN, HOSTED, LED), Mission
	// (PARTICIPATED_IN, LED, LAUNCHED, DEVELOPED) or Project (DEVELOPED,
	// ESTABLISHED), or by a direct COLLABORATED_WITH. Actors are Persons,
	// Institutions and Countries. Only edges passing f count; partners
	// must pass f's Kinds and Countries. Each partner carries the number
	// of distinct links (Via), the first and last dates among them and the
	// links themselves ordered by (Date, Node). Partners are ordered by
	// Count descending, then ID; at most limit per id (0 means 100).
	Collaborators(ctx context.Context, ids []string, f Filter, limit int) ([][]Collaborator, error)

	// Rollup aggregates "worked with" links to Level: COUNTRY (a person
	// counts for the country of their affiliation, directly or through an
	// affiliated institution; an institution for the country it is based
	// in; a country for itself) or INSTITUTION (a person counts for each
	// institution it is affiliated with). Each aggregated edge is
	// COLLABORATED_WITH between two distinct groups with Weight = number
	// of distinct links and Years the years of dated links. Actors with no
	// group are left out. Nodes and Edges are ordered by ID.
	Rollup(ctx context.Context, level Level, f Filter) (Subgraph, error)

	// CountsBy counts edges passing f by YEAR (dated edges only) or by
	// TYPE, or nodes passing f by KIND, ordered by key ascending; zero
	// counts are left out.
	CountsBy(ctx context.Context, by GroupBy, f Filter) ([]Count, error)

	// Documents returns one page of stored documents ordered by (Issued,
	// ID) ascending, with their node and edge counts; Entries are filled.
	Documents(ctx context.Context, p Page) (DocumentPage, error)

	// Totals counts what is stored.
	Totals(ctx context.Context) (Totals, error)

	// Ping returns nil when the store can serve reads.
	Ping(ctx context.Context) error

	// Close releases the store; later calls return EUNAVAILABLE.
	Close() error
}

// ApplySummary reports what an Apply or DeleteDocument changed. Added counts
// nodes and edges new to the store; Kept those that existed (from this or
// another document) and stay; Removed those deleted because nothing else
// supports them.
type ApplySummary struct {
	Document     string `json:"document"`
	Unchanged    bool   `json:"unchanged"`
	NodesAdded   int    `json:"nodesAdded"`
	NodesKept    int    `json:"nodesKept"`
	NodesRemoved int    `json:"nodesRemoved"`
	EdgesAdded   int    `json:"edgesAdded"`
	EdgesKept    int    `json:"edgesKept"`
	EdgesRemoved int    `json:"edgesRemoved"`
}

// NodeOrder orders FindNodes results.
type NodeOrder string

// Node orders: by name (then ID), by degree descending (then ID), or by
// full-text relevance (then ID; Text must be set).
const (
	ByName      NodeOrder = "NAME"
	ByDegree    NodeOrder = "DEGREE"
	ByRelevance NodeOrder = "RELEVANCE"
)

// NodeQuery selects nodes. All conditions must hold. Prefix and Contains
// compare case-insensitively against the name and every alias. Text is a
// full-text query over names and aliases (words, any order); with Text the
// default order is ByRelevance: exact name or alias matches first, then
// prefixes, then names with every word, then some words; within a score,
// shorter names first, then ID. Order defaults to ByName.
type NodeQuery struct {
	Kinds     []Kind
	Prefix    string
	Contains  string
	Text      string
	Countries []string
	Order     NodeOrder
	Page      Page
}

// NodePage is one page of FindNodes.
type NodePage struct {
	Nodes []Node
	PageInfo
}

// Direction of edges relative to a node.
type Direction string

// Directions. Symmetric edges count as both OUT and IN.
const (
	Out  Direction = "OUT"
	In   Direction = "IN"
	Both Direction = "BOTH"
)

// EdgeQuery selects the edges of nodes; Direction defaults to Both. Page
// applies to each node's list; its After is only allowed with one node.
type EdgeQuery struct {
	Nodes     []string
	Direction Direction
	Filter    Filter
	Page      Page
}

// EdgePage is one page of edges of one node.
type EdgePage struct {
	Edges []Edge
	PageInfo
}

// Subgraph is a set of nodes and the edges among them.
type Subgraph struct {
	Nodes     []Node
	Edges     []Edge
	Truncated bool
}

// Path is a walk from one node to another: Nodes[i] and Nodes[i+1] are
// joined by Edges[i] (in either direction).
type Path struct {
	Nodes []Node
	Edges []Edge
}

// Collaborator is a partner of an actor.
type Collaborator struct {
	Node  Node
	Count int
	First string // earliest date among Via, "" when none is dated
	Last  string // latest date among Via
	Via   []Via
}

// Via is one link between two collaborators: a shared node (an Agreement,
// Event, Mission or Project) or a direct COLLABORATED_WITH edge (Node empty).
type Via struct {
	Node *Node
	Edge *Edge // the direct COLLABORATED_WITH edge, when Node is nil
	Date string
}

// Level of a roll-up.
type Level string

// Roll-up levels.
const (
	LevelEntity      Level = "ENTITY"
	LevelInstitution Level = "INSTITUTION"
	LevelCountry     Level = "COUNTRY"
)

// GroupBy keys of CountsBy.
type GroupBy string

// CountsBy keys.
const (
	ByYear GroupBy = "YEAR"
	ByType GroupBy = "TYPE"
	ByKind GroupBy = "KIND"
)

// Count is one group of CountsBy.
type Count struct {
	Key   string
	Count int
}

// DocumentPage is one page of Documents.
type DocumentPage struct {
	Documents []Document
	PageInfo
}

// Totals counts what a store holds.
type Totals struct {
	Nodes     int
	Edges     int
	Documents int
	Evidence  int
}

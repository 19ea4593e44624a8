package graph

// Document is the provenance of a set of facts: one file, review issue or
// news item.
type Document struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	// Issued is the issue date at its precision ("2025-05").
	Issued string `json:"issued,omitempty"`
	// Source is where the document came from (a path or URL).
	Source string `json:"source,omitempty"`
	// Format is the input format the loaders recognised (review, wire,
	// digest, briefing, table, facts).
	Format string `json:"format,omitempty"`
	// Hash is a digest of the facts; stores use it to detect a reload of
	// the same content. Stores fill it when empty.
	Hash    string  `json:"hash,omitempty"`
	Entries []Entry `json:"entries,omitempty"`
	// Nodes and Edges count what the document supports. Filled on reads.
	Nodes int `json:"nodeCount,omitempty"`
	Edges int `json:"edgeCount,omitempty"`
}

// Entry is one item of a document: a section of a review, a wire story, a
// digest bullet.
type Entry struct {
	ID      string `json:"id"`
	Heading string `json:"heading,omitempty"`
	// Date is the entry's own date (a dateline or a digest item's date).
	Date string `json:"date,omitempty"`
	// Start and End are byte offsets of the entry in the original document.
	Start int `json:"start"`
	End   int `json:"end"`
}

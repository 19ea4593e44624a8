package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
)

// Facts are the nodes and edges one document states: the facts format of
// ONTOLOGY.md, printed by `sdkg extract` and applied by Store.Apply.
type Facts struct {
	Document Document `json:"document"`
	Nodes    []Node   `json:"nodes"`
	Edges    []Edge   `json:"edges"`
	// Optional lists names that gold files neither reward nor penalise.
	Optional []string `json:"optional,omitempty"`
}

// Limits of one Apply, and of one ApplyBatch (documents, and edges over
// all of them).
const (
	MaxApplyNodes     = 100_000
	MaxApplyEdges     = 250_000
	MaxBatchDocuments = 10_000
	MaxBatchEdges     = 1_000_000
)

// ValidateBatch checks the documents of an ApplyBatch: none nil, at most
// MaxBatchDocuments of them and MaxBatchEdges edges in all, each valid
// (Validate). The error names the first bad document and its position.
func ValidateBatch(fs []*Facts) error {
	if len(fs) > MaxBatchDocuments {
		return Errorf(EINVALID, "batch: %d documents exceed the limit of %d", len(fs), MaxBatchDocuments)
	}
	edges := 0
	for i, f := range fs {
		if f == nil {
			return Errorf(EINVALID, "batch: document %d of %d is nil", i+1, len(fs))
		}
		if err := f.Validate(); err != nil {
			return Wrap(EINVALID, err, "batch: document %d of %d: %s", i+1, len(fs), ErrorMessage(err))
		}
		if edges += len(f.Edges); edges > MaxBatchEdges {
			return Errorf(EINVALID, "batch: more than %d edges in all (document %d of %d, %q)", MaxBatchEdges, i+1, len(fs), f.Document.ID)
		}
	}
	return nil
}

// BatchError is the error of an ApplyBatch that document i of fs ended:
// err's code, naming the document by position and id.
func BatchError(err error, fs []*Facts, i int) error {
	return Wrap(ErrorCode(err), err, "batch: document %d of %d (%q): %s", i+1, len(fs), fs[i].Document.ID, ErrorMessage(err))
}

// ApplyEach applies fs with one Apply per document, stopping at the first
// error: the ApplyBatch of a backend that has no cheaper way (and the
// reference that the batched ones are tested against).
func ApplyEach(ctx context.Context, s Store, fs []*Facts) ([]ApplySummary, error) {
	if err := ValidateBatch(fs); err != nil {
		return nil, err
	}
	out := make([]ApplySummary, 0, len(fs))
	for i, f := range fs {
		sum, err := s.Apply(ctx, f)
		if err != nil {
			return out, BatchError(err, fs, i)
		}
		out = append(out, sum)
	}
	return out, nil
}

// Validate checks facts before anything is written: a document id; at most
// MaxApplyNodes nodes and MaxApplyEdges edges; every node valid and its id
// unique; every edge of a known type, with both endpoints among the nodes,
// endpoint kinds allowed by the ontology, a valid date and a confidence in
// [0, 1]. It returns the first problem as EINVALID, naming the node or edge.
func (f *Facts) Validate() error {
	if f.Document.ID == "" {
		return Errorf(EINVALID, "facts: empty document id")
	}
	if len(f.Nodes) > MaxApplyNodes {
		return Errorf(EINVALID, "document %q: %d nodes exceed the limit of %d", f.Document.ID, len(f.Nodes), MaxApplyNodes)
	}
	if len(f.Edges) > MaxApplyEdges {
		return Errorf(EINVALID, "document %q: %d edges exceed the limit of %d", f.Document.ID, len(f.Edges), MaxApplyEdges)
	}
	kinds := make(map[string]Kind, len(f.Nodes))
	for i := range f.Nodes {
		n := &f.Nodes[i]
		if err := n.Validate(); err != nil {
			return err
		}
		if _, dup := kinds[n.ID]; dup {
			return Errorf(EINVALID, "node %q: duplicate id", n.ID)
		}
		kinds[n.ID] = n.Kind
	}
	for i := range f.Edges {
		if err := validateEdge(&f.Edges[i], kinds); err != nil {
			return err
		}
	}
	return nil
}

func validateEdge(e *Edge, kinds map[string]Kind) error {
	if !e.Type.Valid() {
		return Errorf(EINVALID, "edge %s %q -> %q: unknown edge type", e.Type, e.From, e.To)
	}
	from, okF := kinds[e.From]
	to, okT := kinds[e.To]
	switch {
	case e.From == "" || e.To == "":
		return Errorf(EINVALID, "edge %s %q -> %q: empty endpoint", e.Type, e.From, e.To)
	case !okF:
		return Errorf(EINVALID, "edge %s %q -> %q: dangling edge, no node %q", e.Type, e.From, e.To, e.From)
	case !okT:
		return Errorf(EINVALID, "edge %s %q -> %q: dangling edge, no node %q", e.Type, e.From, e.To, e.To)
	case e.From == e.To:
		return Errorf(EINVALID, "edge %s %q -> %q: a node cannot relate to itself", e.Type, e.From, e.To)
	case !e.Type.Allows(from, to):
		return Errorf(EINVALID, "edge %s %q -> %q: %s cannot go from %s to %s", e.Type, e.From, e.To, e.Type, from, to)
	case !ValidDate(e.Date):
		return Errorf(EINVALID, "edge %s %q -> %q: invalid date %q", e.Type, e.From, e.To, e.Date)
	case e.Confidence < 0 || e.Confidence > 1:
		return Errorf(EINVALID, "edge %s %q -> %q: confidence %v outside [0, 1]", e.Type, e.From, e.To, e.Confidence)
	}
	return nil
}

// ComputeHash returns a digest of the document metadata, nodes and edges that
// does not depend on their order. Stores compare it to skip a reload of
// unchanged facts.
func (f *Facts) ComputeHash() string {
	c := Facts{Document: f.Document, Nodes: append([]Node(nil), f.Nodes...), Edges: append([]Edge(nil), f.Edges...)}
	c.Document.Hash = ""
	sort.Slice(c.Nodes, func(i, j int) bool { return c.Nodes[i].ID < c.Nodes[j].ID })
	for i := range c.Edges {
		c.Edges[i].Normalize()
	}
	sort.SliceStable(c.Edges, func(i, j int) bool { return c.Edges[i].ID < c.Edges[j].ID })
	b, err := json.Marshal(c)
	if err != nil { // cannot happen: Facts has only marshalable fields
		panic(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

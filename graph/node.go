package graph

// Node is an entity of the graph.
type Node struct {
	ID      string   `json:"id"`
	Kind    Kind     `json:"kind"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// Country is the ISO 3166-1 alpha-2 code of the node's country where
	// known: a Country node's own code, an Institution's or Place's base, a
	// Person's affiliation. Empty when unknown.
	Country string            `json:"country,omitempty"`
	Props   map[string]string `json:"props,omitempty"`
	// Degree is the number of stored edges touching the node. Stores fill
	// it on reads; it is ignored in input.
	Degree int `json:"degree,omitempty"`
}

// Validate checks the node on its own: a non-empty id and name, a known kind.
// Errors are EINVALID and name the node.
func (n *Node) Validate() error {
	switch {
	case n.ID == "":
		return Errorf(EINVALID, "node %q: empty id", n.Name)
	case len(n.ID) > MaxIDLen:
		return Errorf(EINVALID, "node %.40q...: id longer than %d bytes", n.ID, MaxIDLen)
	case !n.Kind.Valid():
		return Errorf(EINVALID, "node %q: unknown kind %q", n.ID, n.Kind)
	case n.Name == "":
		return Errorf(EINVALID, "node %q: empty name", n.ID)
	}
	return nil
}

// MaxIDLen bounds node ids.
const MaxIDLen = 512

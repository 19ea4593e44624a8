package server

import (
	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/server/gql"
	"github.com/sdkg/sdkg/server/gql/model"
)

// Costs. Every field costs 1 plus its children (gqlgen's default); a field
// that returns a page costs its page size times its children, so that the
// limit bounds the number of objects an operation can produce. A network
// costs one per ten nodes of its limit per hop; paths cost k times their
// children.

// pageCost is the page size a paged field will return at most.
func pageCost(first *int) int {
	if first == nil || *first <= 0 {
		return graph.DefaultPageSize
	}
	return min(*first, graph.MaxPageSize)
}

func paged(child int, first *int) int { return 1 + pageCost(first)*max(child, 1) }

func setComplexity(c *gql.ComplexityRoot) {
	q, e := &c.Query, &c.Entity
	q.Entities = func(child int, _ *model.EntityFilter, _ *graph.NodeOrder, first *int, _ *string) int {
		return paged(child, first)
	}
	q.Search = func(child int, _ string, _ []graph.Kind, first *int, _ *string) int { return paged(child, first) }
	q.Documents = func(child int, first *int, _ *string) int { return paged(child, first) }
	q.Network = func(child int, _ []string, depth *int, _ *model.GraphFilter, _ *graph.Level, limit *int) int {
		n, d := 500, 1
		if limit != nil && *limit > 0 {
			n = *limit
		}
		if depth != nil && *depth > 0 {
			d = *depth
		}
		return 1 + child + d*n/10
	}
	q.Paths = func(child int, _, _ string, _ *model.GraphFilter, _ *int, k *int) int {
		n := 1
		if k != nil && *k > 0 {
			n = *k
		}
		return 1 + n*max(child, 1)
	}
	e.Relations = func(child int, _ []graph.EdgeType, _ *graph.Direction, _, _ *string, first *int, _ *string) int {
		return paged(child, first)
	}
	e.Timeline = func(child int, _, _ *string, _ []graph.EdgeType, first *int, _ *string) int {
		return paged(child, first)
	}
	e.Collaborators = func(child int, _, _ *string, _ []graph.Kind, first *int) int { return paged(child, first) }
}

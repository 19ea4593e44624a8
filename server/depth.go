package server

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// CodeTooDeep is the extensions.code of an operation nested beyond the limit.
const CodeTooDeep = "EDEPTH"

// depthLimit refuses operations whose selections nest deeper than max
// (fragments are followed; introspection fields count like any other).
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, 0, d.max); depth > d.max {
		return codedError(CodeTooDeep, fmt.Sprintf("the operation nests deeper than the limit of %d", d.max))
	}
	return nil
}

// selectionDepth returns the depth of set below level, stopping as soon as
// it exceeds limit (so that fragment cycles, which validation rejects anyway,
// and huge documents cost little).
func selectionDepth(set ast.SelectionSet, level, limit int) int {
	if level > limit {
		return level
	}
	deepest := level
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.SelectionSet) == 0 {
				d = level + 1
			} else {
				d = selectionDepth(s.SelectionSet, level+1, limit)
			}
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, level, limit)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = selectionDepth(s.Definition.SelectionSet, level, limit)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

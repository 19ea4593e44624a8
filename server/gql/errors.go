package gql

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/sdkg/sdkg/graph"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// LogFunc records an error that clients only see as a code: an internal
// error's cause, a panic and its stack. ctx is the request's.
type LogFunc func(ctx context.Context, msg string, err error, stack []byte)

// ErrorPresenter translates errors once, at the edge: a coded domain error
// (*graph.Error) becomes its client-safe message with extensions.code; a
// deadline or cancellation becomes EUNAVAILABLE; an error gqlgen made itself
// (argument coercion, a missing non-null value) keeps its message with
// EINVALID unless it has a code; anything else is logged through logf and
// shown as "internal error" with EINTERNAL, so that no driver message, query
// text or stack reaches a client.
func ErrorPresenter(logf LogFunc) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := graphql.DefaultErrorPresenter(ctx, err)
		var de *graph.Error
		switch {
		case errors.As(err, &de):
			if de.Code == graph.EINTERNAL || de.Err != nil {
				logf(ctx, "resolver error", err, nil)
			}
			setError(out, de.Code, graph.ErrorMessage(err))
		case errors.Is(err, context.DeadlineExceeded):
			setError(out, graph.EUNAVAILABLE, "the request timed out")
		case errors.Is(err, context.Canceled):
			setError(out, graph.EUNAVAILABLE, "the request was cancelled")
		case out.Err == nil:
			if out.Extensions == nil || out.Extensions["code"] == nil {
				setError(out, graph.EINVALID, out.Message)
			}
		default:
			logf(ctx, "unexpected error", err, nil)
			setError(out, graph.EINTERNAL, "internal error")
		}
		return out
	}
}

func setError(e *gqlerror.Error, code, msg string) {
	e.Message = msg
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// Recover turns a resolver panic into an EINTERNAL error, logging the value
// and the stack through logf.
func Recover(logf LogFunc) graphql.RecoverFunc {
	return func(ctx context.Context, v any) error {
		logf(ctx, "panic in resolver", fmt.Errorf("%v", v), debug.Stack())
		return graph.Errorf(graph.EINTERNAL, "internal error")
	}
}

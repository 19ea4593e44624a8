package server

import (
	"context"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/sdkg/sdkg/server/gql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Cache sizes of parsed queries and of automatic persisted queries.
const (
	queryCacheSize = 1000
	apqCacheSize   = 1000
)

// CodeUnauthorized is the extensions.code of a mutation without a valid
// bearer token.
const CodeUnauthorized = "EUNAUTHORIZED"

// graphqlHandler builds gqlgen's server with explicit transports and the
// safety extensions.
func (s *server) graphqlHandler() http.Handler {
	cfg := gql.Config{Resolvers: &gql.Resolver{Store: s.store, Loader: s.opts.Loader}}
	setComplexity(&cfg.Complexity)
	srv := handler.New(gql.NewExecutableSchema(cfg))

	srv.AddTransport(transport.GET{})  // queries only: gqlgen refuses mutations over GET
	srv.AddTransport(transport.POST{}) // application/json; answers graphql-response+json when accepted
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](apqCacheSize)})
	if s.opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(depthLimit{max: s.opts.DepthLimit})
	srv.Use(extension.FixedComplexityLimit(s.opts.ComplexityLimit))
	srv.Use(mutationAuth{tokens: len(s.opts.Tokens) > 0})

	srv.AroundOperations(s.observeOperation)
	srv.AroundOperations(gql.Dataload(s.store, s.opts.BatchWait))
	srv.SetErrorPresenter(gql.ErrorPresenter(s.logError))
	srv.SetRecoverFunc(gql.Recover(s.logError))
	return srv
}

// logError logs what a client sees only as a code.
func (s *server) logError(ctx context.Context, msg string, err error, stack []byte) {
	attrs := []any{"error", err.Error()}
	if stack != nil {
		attrs = append(attrs, "stack", string(stack))
	}
	s.logger(ctx).Error(msg, attrs...)
}

// mutationAuth refuses mutations from requests without a configured bearer
// token, before anything runs.
type mutationAuth struct{ tokens bool }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = mutationAuth{}

func (mutationAuth) ExtensionName() string                   { return "MutationAuth" }
func (mutationAuth) Validate(graphql.ExecutableSchema) error { return nil }
func (a mutationAuth) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return nil
	}
	if infoFrom(ctx).method == http.MethodGet {
		return nil // the GET transport refuses every mutation, token or not
	}
	switch {
	case !a.tokens:
		return codedError(CodeUnauthorized, "mutations are disabled: the server has no tokens configured (SDKG_TOKENS)")
	case !infoFrom(ctx).authorized:
		return codedError(CodeUnauthorized, "mutations need a valid bearer token (Authorization: Bearer <token>)")
	}
	return nil
}

func codedError(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}

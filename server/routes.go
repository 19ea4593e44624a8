package server

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes lists every route of the API and the middleware of each.
//
//	GET, POST /graphql    GraphQL (queries over GET, everything over POST)
//	GET /playground       the gqlgen playground, pointed at /graphql
//	GET /healthz          200 while the process serves
//	GET /readyz           200 when the store answers Ping, else 503
//	GET /metrics          Prometheus metrics of this handler
func (s *server) routes() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(s.requestID(), s.logRequests(), s.recoverPanics(), s.countRequests())

	api := r.Group("/", s.cors(), s.limitBody(), s.timeout(), s.authenticate())
	gqlHandler := gin.WrapH(s.graphqlHandler())
	api.POST("/graphql", gqlHandler)
	api.GET("/graphql", gqlHandler)
	api.OPTIONS("/graphql", func(c *gin.Context) { c.Status(http.StatusNoContent) })

	r.GET("/playground", gin.WrapH(playground.Handler("sdkg GraphQL", "/graphql")))
	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	r.GET("/readyz", s.timeout(), s.ready)
	r.GET("/metrics", gin.WrapH(promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})))
	return r
}

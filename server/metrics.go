package server

import (
	"context"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// maxOperationNames bounds the operation-name label: names after the first
// this many distinct ones are counted as "other", so that clients cannot
// grow the metrics without bound.
const maxOperationNames = 200

// metrics are the collectors of one handler, in its own registry.
type metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec   // route, method, code
	operations *prometheus.CounterVec   // operation, type, result
	opLatency  *prometheus.HistogramVec // operation, type
	storeCalls *prometheus.HistogramVec // method, code

	mu    sync.Mutex
	names map[string]bool
}

func newMetrics() *metrics {
	m := &metrics{reg: prometheus.NewRegistry(), names: map[string]bool{}}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sdkg_http_requests_total", Help: "HTTP requests by route, method and status code.",
	}, []string{"route", "method", "code"})
	m.operations = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sdkg_graphql_operations_total", Help: "GraphQL operations by name, type and result (ok or error).",
	}, []string{"operation", "type", "result"})
	m.opLatency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "sdkg_graphql_operation_duration_seconds", Help: "GraphQL operation latency by name and type.",
		Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
	}, []string{"operation", "type"})
	m.storeCalls = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "sdkg_store_call_duration_seconds", Help: "graph.Store call latency by method and error code (empty: ok).",
		Buckets: prometheus.ExponentialBuckets(0.0001, 2, 18),
	}, []string{"method", "code"})
	m.reg.MustRegister(m.requests, m.operations, m.opLatency, m.storeCalls,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// countRequests counts every request by its route pattern (not its path,
// which clients choose).
func (s *server) countRequests() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		s.metrics.requests.WithLabelValues(route, c.Request.Method, strconv.Itoa(c.Writer.Status())).Inc()
	}
}

var validOperationName = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]{0,63}$`)

// operationLabel bounds the operation-name label (see maxOperationNames).
func (m *metrics) operationLabel(name string) string {
	if name == "" {
		return "anonymous"
	}
	if !validOperationName.MatchString(name) {
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.names[name] && len(m.names) >= maxOperationNames {
		return "other"
	}
	m.names[name] = true
	return name
}

// observeOperation times each operation and records its name for the
// request log.
func (s *server) observeOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	name, kind := oc.OperationName, "query"
	if oc.Operation != nil {
		kind = string(oc.Operation.Operation)
		if name == "" {
			name = oc.Operation.Name
		}
	}
	infoFrom(ctx).operation = name
	label := s.metrics.operationLabel(name)
	start := time.Now()
	respond := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := respond(ctx)
		if resp == nil {
			return nil
		}
		result := "ok"
		if len(resp.Errors) > 0 {
			result = "error"
		}
		s.metrics.operations.WithLabelValues(label, kind, result).Inc()
		s.metrics.opLatency.WithLabelValues(label, kind).Observe(time.Since(start).Seconds())
		return resp
	}
}

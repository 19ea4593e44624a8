package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/sdkg/sdkg/graph"
)

// requestInfo travels in a request's context: what the middleware and the
// GraphQL layer learn about the request, for logs and metrics.
type requestInfo struct {
	id         string
	method     string // HTTP method
	authorized bool
	operation  string // GraphQL operation name, set by the executor
}

type requestInfoKey struct{}

func infoFrom(ctx context.Context) *requestInfo {
	if ri, ok := ctx.Value(requestInfoKey{}).(*requestInfo); ok {
		return ri
	}
	return &requestInfo{}
}

// validRequestID is what a client-sent X-Request-Id must look like to be kept.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID gives every request an id (the client's X-Request-Id when
// sane, else a random one), echoed in the response header.
func (s *server) requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-Id")
		if !validRequestID.MatchString(id) {
			id = newRequestID()
		}
		c.Header("X-Request-Id", id)
		ctx := context.WithValue(c.Request.Context(), requestInfoKey{}, &requestInfo{id: id, method: c.Request.Method})
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

func newRequestID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	return hex.EncodeToString(b)
}

// logger returns the server's logger with the request id of ctx.
func (s *server) logger(ctx context.Context) *slog.Logger {
	return s.log.With("request_id", infoFrom(ctx).id)
}

// logRequests writes one JSON line per request.
func (s *server) logRequests() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		ctx := c.Request.Context()
		s.logger(ctx).LogAttrs(ctx, slog.LevelInfo, "request",
			slog.String("method", c.Request.Method), slog.String("path", c.Request.URL.Path),
			slog.Int("status", c.Writer.Status()), slog.Int("bytes", c.Writer.Size()),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("operation", infoFrom(ctx).operation), slog.String("remote", c.ClientIP()))
	}
}

// recoverPanics answers 500 with a coded error for a panic outside the
// GraphQL executor (which recovers its own), logging the stack.
func (s *server) recoverPanics() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if v := recover(); v != nil {
				s.logger(c.Request.Context()).Error("panic", "value", v, "stack", string(debug.Stack()))
				abortJSON(c, http.StatusInternalServerError, graph.EINTERNAL, "internal error")
			}
		}()
		c.Next()
	}
}

// abortJSON ends a request with a GraphQL-shaped error body.
func abortJSON(c *gin.Context, status int, code, msg string) {
	c.AbortWithStatusJSON(status, gin.H{"errors": []gin.H{{"message": msg, "extensions": gin.H{"code": code}}}})
}

// timeout bounds the request; the deadline reaches the store through the
// request's context.
func (s *server) timeout() gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), s.opts.RequestTimeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// limitBody refuses a body longer than MaxBodyBytes: 413 when it says so
// up front, a read error (and a 400 from the transport) when it lies.
func (s *server) limitBody() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > s.opts.MaxBodyBytes {
			abortJSON(c, http.StatusRequestEntityTooLarge, graph.EINVALID,
				"request body exceeds the limit of "+strconv.FormatInt(s.opts.MaxBodyBytes, 10)+" bytes")
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.opts.MaxBodyBytes)
		c.Next()
	}
}

// cors answers browsers from the configured origins: allowed origins get
// the CORS headers; a preflight from any other origin is 403.
func (s *server) cors() gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		if origin == "" {
			c.Next()
			return
		}
		c.Header("Vary", "Origin")
		allowed := slices.Contains(s.opts.CORSOrigins, "*") || slices.Contains(s.opts.CORSOrigins, origin)
		if allowed {
			c.Header("Access-Control-Allow-Origin", origin)
			c.Header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			c.Header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id")
			c.Header("Access-Control-Max-Age", "600")
		}
		if c.Request.Method == http.MethodOptions {
			if !allowed {
				abortJSON(c, http.StatusForbidden, "EFORBIDDEN", "origin "+origin+" is not allowed")
				return
			}
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		c.Next()
	}
}

// authenticate marks the request authorized when it carries one of the
// configured bearer tokens (compared in constant time). Whether a missing
// token matters is decided per operation: only mutations need one.
func (s *server) authenticate() gin.HandlerFunc {
	return func(c *gin.Context) {
		token, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if ok && token != "" {
			for _, t := range s.opts.Tokens {
				if subtle.ConstantTimeCompare([]byte(token), []byte(t)) == 1 {
					infoFrom(c.Request.Context()).authorized = true
					break
				}
			}
		}
		c.Next()
	}
}

// ready answers 200 when the store answers Ping, 503 with the error code
// otherwise (the cause is logged, not shown).
func (s *server) ready(c *gin.Context) {
	ctx := c.Request.Context()
	if err := s.store.Ping(ctx); err != nil {
		s.logger(ctx).Warn("store not ready", "error", err.Error())
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "unavailable", "code": graph.ErrorCode(err)})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

package neo4j

import (
	"log/slog"
	"os"
	"strings"
	"time"
)

// traceOn, set by SDKG_NEO4J_TRACE=1, logs every statement sdkg runs (alone or in a
// transaction): its duration, the size of its largest list parameter (the
// batch) and the opening of its text, never the parameters' values. It is
// how the write path was profiled; the cost when off is one branch.
var traceOn = os.Getenv("SDKG_NEO4J_TRACE") != ""

func trace(cypher string, params map[string]any, d time.Duration) {
	batch := 0
	for _, v := range params {
		switch xs := v.(type) {
		case []any:
			batch = max(batch, len(xs))
		case []map[string]any:
			batch = max(batch, len(xs))
		case []string:
			batch = max(batch, len(xs))
		}
	}
	q := strings.Join(strings.Fields(cypher), " ")
	if len(q) > 100 {
		q = q[:100]
	}
	slog.Info("neo4j statement", "ms", float64(d.Microseconds())/1000, "batch", batch, "cypher", q)
}

// traceTx logs the duration of a whole transaction, its commit included.
func traceTx(write bool, start time.Time) {
	slog.Info("neo4j transaction", "ms", float64(time.Since(start).Microseconds())/1000, "write", write)
}

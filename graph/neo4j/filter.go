package neo4j

import (
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// edgeWhereFor is a Cypher predicate on relationship r that mirrors
// graph.Filter.AdmitsEdge, its parameters from filterParams. It holds only
// the clauses f needs ("true" for an empty filter): a clause left in reads
// properties of every relationship expanded, also of those that another
// condition rejects.
func edgeWhereFor(f graph.Filter) string {
	var cs []string
	if len(f.Types) > 0 {
		cs = append(cs, "type(r) IN $types")
	}
	if f.MinConfidence > 0 {
		cs = append(cs, "coalesce(r.confidence, 0.0) >= $minConf")
	}
	if f.DatedOnly || f.From != "" || f.To != "" {
		cs = append(cs, `CASE WHEN r.lo IS NULL THEN NOT $datedOnly
			ELSE ($wlo IS NULL OR r.hi >= $wlo) AND ($whi IS NULL OR r.lo <= $whi) END`)
	}
	if len(cs) == 0 {
		return "true"
	}
	return "(" + strings.Join(cs, " AND ") + ")"
}

// nodeWhere returns a Cypher predicate on node variable v that mirrors
// graph.Filter.AdmitsNode. v is a literal of this package, never input.
func nodeWhere(v string) string {
	return "((size($kinds) = 0 OR " + v + ".kind IN $kinds) AND (size($countries) = 0 OR " + v + ".country IN $countries))"
}

// nodeWhereFor is nodeWhere with only the clauses f needs ("true" when f
// has no kinds and no countries).
func nodeWhereFor(f graph.Filter, v string) string {
	var cs []string
	if len(f.Kinds) > 0 {
		cs = append(cs, v+".kind IN $kinds")
	}
	if len(f.Countries) > 0 {
		cs = append(cs, v+".country IN $countries")
	}
	if len(cs) == 0 {
		return "true"
	}
	return "(" + strings.Join(cs, " AND ") + ")"
}

// filterParams turns a filter into the parameters of edgeWhereFor, nodeWhere
// and nodeWhereFor.
func filterParams(f graph.Filter) map[string]any {
	types := make([]string, len(f.Types))
	for i, t := range f.Types {
		types[i] = string(t)
	}
	kinds := make([]string, len(f.Kinds))
	for i, k := range f.Kinds {
		kinds[i] = string(k)
	}
	var wlo, whi any
	if f.From != "" {
		wlo, _ = graph.DateBounds(f.From)
	}
	if f.To != "" {
		_, whi = graph.DateBounds(f.To)
	}
	return map[string]any{"types": types, "kinds": kinds, "countries": nonNil(f.Countries),
		"minConf": f.MinConfidence, "datedOnly": f.DatedOnly, "wlo": wlo, "whi": whi}
}

func with(p map[string]any, kv ...any) map[string]any {
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i].(string)] = kv[i+1]
	}
	return p
}

package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// NodesByID implements graph.Store.
func (s *Store) NodesByID(ctx context.Context, ids []string) ([]*graph.Node, error) {
	if len(ids) > graph.MaxBatchIDs {
		return nil, graph.Errorf(graph.EINVALID, "nodes by id: %d ids exceed %d", len(ids), graph.MaxBatchIDs)
	}
	out := make([]*graph.Node, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.query(ctx, `UNWIND $ids AS id
		OPTIONAL MATCH (r:Redirect {from: id})
		WITH id, coalesce(r.to, id) AS rid
		MATCH (n:Entity {id: rid}) RETURN id, `+nodeMap+` AS n`, map[string]any{"ids": dedupe(ids)}, false)
	if err != nil {
		return nil, err
	}
	found := map[string]graph.Node{}
	for _, r := range recs {
		id, _ := r.Get("id")
		v, _ := r.Get("n")
		found[id.(string)] = nodeFrom(v)
	}
	for i, id := range ids {
		if n, ok := found[id]; ok {
			out[i] = &n
		}
	}
	return out, nil
}

// node returns one node or ENOTFOUND.
func (s *Store) node(ctx context.Context, id string) (graph.Node, error) {
	ns, err := s.NodesByID(ctx, []string{id})
	if err != nil {
		return graph.Node{}, err
	}
	if ns[0] == nil {
		return graph.Node{}, graph.Errorf(graph.ENOTFOUND, "node %q", id)
	}
	return *ns[0], nil
}

// FindNodes implements graph.Store. Without text, ordering and keyset paging
// run in Cypher; with text, the full-text index proposes candidates that
// graph.MatchNode scores and graph.PageNodes orders, as every backend does.
func (s *Store) FindNodes(ctx context.Context, q graph.NodeQuery) (graph.NodePage, error) {
	if err := graph.CheckNodeQuery(&q); err != nil {
		return graph.NodePage{}, err
	}
	if q.Text != "" {
		return s.findText(ctx, q)
	}
	return s.findOrdered(ctx, q)
}

const findWhere = `(size($kinds) = 0 OR n.kind IN $kinds)
	AND (size($countries) = 0 OR n.country IN $countries)
	AND ($prefix = '' OR any(x IN n.names WHERE x STARTS WITH $prefix))
	AND ($contains = '' OR any(x IN n.names WHERE x CONTAINS $contains))`

func findParams(q graph.NodeQuery) map[string]any {
	kinds := make([]string, len(q.Kinds))
	for i, k := range q.Kinds {
		kinds[i] = string(k)
	}
	return map[string]any{"kinds": kinds, "countries": nonNil(q.Countries),
		"prefix": graph.NameKey(q.Prefix), "contains": graph.NameKey(q.Contains)}
}

func (s *Store) findOrdered(ctx context.Context, q graph.NodeQuery) (graph.NodePage, error) {
	size, _ := q.Page.Size()
	p := with(findParams(q), "limit", int64(size+1), "rank", int64(0), "name", "", "id", "", "after", q.Page.After != "")
	if q.Page.After != "" {
		parts, _ := graph.DecodeCursor(q.Page.After, 3)
		rank, _ := strconv.Atoi(parts[0])
		with(p, "rank", int64(rank), "name", parts[1], "id", parts[2])
	}
	var cypher string
	if q.Order == graph.ByDegree {
		cypher = `MATCH (n:Entity) WHERE ` + findWhere + `
			WITH n, -COUNT { (n)--() } AS rank
			WHERE NOT $after OR rank > $rank OR (rank = $rank AND n.id > $id)
			RETURN ` + nodeMap + ` AS n ORDER BY rank, n.id LIMIT $limit`
	} else {
		cypher = `MATCH (n:Entity) WHERE ` + findWhere + `
			WITH n, toLower(n.name) AS name
			WHERE NOT $after OR name > $name OR (name = $name AND n.id > $id)
			RETURN ` + nodeMap + ` AS n ORDER BY name, n.id LIMIT $limit`
	}
	recs, err := s.query(ctx, cypher, p, false)
	if err != nil {
		return graph.NodePage{}, err
	}
	page := graph.NodePage{Nodes: recordNodes(recs, "n")}
	page.Total = -1
	if len(page.Nodes) > size {
		page.Nodes, page.HasNextPage = page.Nodes[:size], true
	}
	if n := len(page.Nodes); n > 0 {
		last := page.Nodes[n-1]
		if q.Order == graph.ByDegree {
			page.EndCursor = graph.EncodeCursor(strconv.Itoa(-last.Degree), "", last.ID)
		} else {
			page.EndCursor = graph.EncodeCursor("0", graph.NameKey(last.Name), last.ID)
		}
	}
	if q.Page.WithTotal {
		recs, err := s.query(ctx, "MATCH (n:Entity) WHERE "+findWhere+" RETURN count(n) AS c", findParams(q), false)
		if err != nil {
			return graph.NodePage{}, err
		}
		c, _ := recs[0].Get("c")
		page.Total = integer(c)
	}
	return page, nil
}

// luceneQuery turns text into an OR of escaped words for the full-text index.
func luceneQuery(text string) string {
	words := strings.Fields(graph.NormalizeName(text))
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " OR ")
}

func (s *Store) findText(ctx context.Context, q graph.NodeQuery) (graph.NodePage, error) {
	recs, err := s.query(ctx, `CALL db.index.fulltext.queryNodes('entity_text', $text, {limit: 10000}) YIELD node AS n
		WHERE `+findWhere+` RETURN `+nodeMap+` AS n`, with(findParams(q), "text", luceneQuery(q.Text)), false)
	if err != nil {
		return graph.NodePage{}, err
	}
	var matches []graph.ScoredNode
	for _, n := range recordNodes(recs, "n") {
		if score, ok := graph.MatchNode(&q, &n); ok {
			matches = append(matches, graph.ScoredNode{Node: n, Score: score})
		}
	}
	return graph.PageNodes(q, matches)
}

// Edges implements graph.Store.
func (s *Store) Edges(ctx context.Context, q graph.EdgeQuery) ([]graph.EdgePage, error) {
	if err := graph.CheckEdgeQuery(&q); err != nil {
		return nil, err
	}
	pattern := "(n)-[r]-(m)"
	switch q.Direction {
	case graph.Out:
		pattern = "(n)-[r]->(m) UNION ALL UNWIND $ids AS id MATCH (n:Entity {id: id})<-[r:COLLABORATED_WITH]-(m)"
	case graph.In:
		pattern = "(n)<-[r]-(m) UNION ALL UNWIND $ids AS id MATCH (n:Entity {id: id})-[r:COLLABORATED_WITH]->(m)"
	}
	where := " WHERE " + edgeWhereFor(q.Filter) + " AND " + nodeWhere("m") + " RETURN id, " + edgeMap + " AS r"
	parts := strings.Split(pattern, " UNION ALL ")
	cypher := "UNWIND $ids AS id MATCH (n:Entity {id: id}) MATCH " + parts[0] + where
	if len(parts) == 2 {
		cypher += " UNION ALL " + parts[1] + where
	}
	recs, err := s.query(ctx, cypher, with(filterParams(q.Filter), "ids", dedupe(q.Nodes)), false)
	if err != nil {
		return nil, err
	}
	byNode := map[string][]graph.Edge{}
	for _, r := range recs {
		id, _ := r.Get("id")
		v, _ := r.Get("r")
		byNode[id.(string)] = append(byNode[id.(string)], edgeFrom(v))
	}
	out := make([]graph.EdgePage, len(q.Nodes))
	for i, id := range q.Nodes {
		page, err := graph.PageEdges(byNode[id], q.Page)
		if err != nil {
			return nil, err
		}
		out[i] = page
	}
	return out, nil
}

// Evidence implements graph.Store.
func (s *Store) Evidence(ctx context.Context, edgeIDs []string) ([][]graph.Evidence, error) {
	if len(edgeIDs) > graph.MaxBatchIDs {
		return nil, graph.Errorf(graph.EINVALID, "evidence: %d ids exceed %d", len(edgeIDs), graph.MaxBatchIDs)
	}
	byType := map[graph.EdgeType][]string{}
	for _, id := range dedupe(edgeIDs) {
		t := graph.EdgeType(id[:max(strings.IndexByte(id, '|'), 0)])
		if t.Valid() {
			byType[t] = append(byType[t], id)
		}
	}
	found := map[string][]graph.Evidence{}
	for _, t := range graph.EdgeTypes {
		if len(byType[t]) == 0 {
			continue
		}
		q := fmt.Sprintf("UNWIND $keys AS k MATCH ()-[r:%s {key: k}]->() RETURN k, r.ev AS ev", t)
		recs, err := s.query(ctx, q, map[string]any{"keys": byType[t]}, false)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			k, _ := r.Get("k")
			ev, _ := r.Get("ev")
			found[k.(string)] = decodeEvidence(strs(ev))
		}
	}
	out := make([][]graph.Evidence, len(edgeIDs))
	for i, id := range edgeIDs {
		out[i] = found[id]
	}
	return out, nil
}

func decodeEvidence(raw []string) []graph.Evidence {
	out := make([]graph.Evidence, 0, len(raw))
	for _, s := range raw {
		if e, ok := decodeEvidenceText(s); ok {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Document != out[j].Document {
			return out[i].Document < out[j].Document
		}
		return out[i].Start < out[j].Start
	})
	return out
}

// Documents implements graph.Store.
func (s *Store) Documents(ctx context.Context, p graph.Page) (graph.DocumentPage, error) {
	if _, err := p.Size(); err != nil {
		return graph.DocumentPage{}, err
	}
	recs, err := s.query(ctx, `MATCH (d:Document) RETURN d {.id, .title, .publisher, .issued, .source, .format,
		.hash, .entries, nodes: size(d.nodes), edges: size(d.ekey)} AS d`, nil, false)
	if err != nil {
		return graph.DocumentPage{}, err
	}
	docs := make([]graph.Document, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("d")
		m := v.(map[string]any)
		docs = append(docs, graph.Document{ID: str(m, "id"), Title: str(m, "title"), Publisher: str(m, "publisher"),
			Issued: str(m, "issued"), Source: str(m, "source"), Format: str(m, "format"), Hash: str(m, "hash"),
			Entries: entriesFrom(str(m, "entries")), Nodes: integer(m["nodes"]), Edges: integer(m["edges"])})
	}
	return graph.PageDocuments(docs, p)
}

// Totals implements graph.Store.
func (s *Store) Totals(ctx context.Context) (graph.Totals, error) {
	recs, err := s.query(ctx, `CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
		CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges, sum(size(r.ev)) AS ev }
		CALL () { MATCH (d:Document) RETURN count(d) AS docs }
		RETURN nodes, edges, ev, docs`, nil, false)
	if err != nil {
		return graph.Totals{}, err
	}
	get := func(k string) int { v, _ := recs[0].Get(k); return integer(v) }
	return graph.Totals{Nodes: get("nodes"), Edges: get("edges"), Documents: get("docs"), Evidence: get("ev")}, nil
}

// CountsBy implements graph.Store.
func (s *Store) CountsBy(ctx context.Context, by graph.GroupBy, f graph.Filter) ([]graph.Count, error) {
	if err := graph.CheckCountsBy(by, &f); err != nil {
		return nil, err
	}
	var cypher string
	switch by {
	case graph.ByKind:
		cypher = "MATCH (n:Entity) WHERE " + nodeWhere("n") + " RETURN n.kind AS k, count(n) AS c"
	case graph.ByYear:
		cypher = "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.year IS NOT NULL AND " + edgeWhereFor(f) + " AND " + scope +
			" RETURN toString(r.year) AS k, count(r) AS c"
	default:
		cypher = "MATCH (a:Entity)-[r]->(b:Entity) WHERE " + edgeWhereFor(f) + " AND " + scope + " RETURN type(r) AS k, count(r) AS c"
	}
	recs, err := s.query(ctx, cypher, filterParams(f), false)
	if err != nil {
		return nil, err
	}
	t := graph.Tally{}
	for _, r := range recs {
		k, _ := r.Get("k")
		c, _ := r.Get("c")
		t[k.(string)] = integer(c)
	}
	return t.Counts(), nil
}

// scope mirrors graph.EdgeInScope: with Kinds or Countries, one endpoint
// must pass them.
var scope = "((size($kinds) = 0 AND size($countries) = 0) OR " + nodeWhere("a") + " OR " + nodeWhere("b") + ")"

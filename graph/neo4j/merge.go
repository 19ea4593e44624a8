package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/sdkg/sdkg/graph"
)

// MergeNodes implements graph.Store.
func (s *Store) MergeNodes(ctx context.Context, keep, drop string) (graph.Node, error) {
	if keep == drop {
		return graph.Node{}, graph.Errorf(graph.EINVALID, "cannot merge node %q into itself", keep)
	}
	_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		a := &applier{ctx: ctx, tx: tx}
		return nil, a.merge(keep, drop)
	})
	if err != nil {
		return graph.Node{}, err
	}
	return s.node(ctx, keep)
}

func (a *applier) merge(keep, drop string) error {
	nodes, err := a.loadNodes([]string{keep, drop})
	if err != nil {
		return err
	}
	k, d := nodes[keep], nodes[drop]
	switch {
	case k == nil:
		return graph.Errorf(graph.ENOTFOUND, "node %q", keep)
	case d == nil:
		return graph.Errorf(graph.ENOTFOUND, "node %q", drop)
	case k.Kind != d.Kind:
		return graph.Errorf(graph.EINVALID, "cannot merge %s %q into %s %q", d.Kind, drop, k.Kind, keep)
	}
	docs, err := a.moveEdges(keep, drop)
	if err != nil {
		return err
	}
	merged := mergeNode(k, d.Node)
	alldocs := k.Docs
	for _, x := range d.Docs {
		alldocs = addDoc(alldocs, x)
	}
	if _, err := a.run(fmt.Sprintf(`UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n.aliases = row.aliases,
		n.search = row.search, n.names = row.names, n.country = row.country, n.props = row.props, n.docs = row.docs`),
		map[string]any{"rows": []any{nodeRow(merged, alldocs)}}); err != nil {
		return err
	}
	if err := a.rewriteDocuments(append(docs, d.Docs...), keep, drop); err != nil {
		return err
	}
	return a.redirect(keep, d)
}

// moveEdges re-points drop's edges at keep, merging those that become
// identical and deleting those that would join keep to itself. It returns
// the documents that supported the moved edges.
func (a *applier) moveEdges(keep, drop string) ([]string, error) {
	recs, err := a.run("MATCH (:Entity {id: $drop})-[r]-() RETURN DISTINCT "+fullEdgeMap+" AS r", map[string]any{"drop": drop})
	if err != nil {
		return nil, err
	}
	var docs []string
	var moved []storedEdge
	var refs []edgeRef
	for _, r := range recs {
		v, _ := r.Get("r")
		e := *storedEdgeFrom(v)
		docs = append(docs, e.Docs...)
		if e.From == drop {
			e.From = keep
		}
		if e.To == drop {
			e.To = keep
		}
		if e.From == e.To {
			continue
		}
		e.Normalize()
		moved = append(moved, e)
		refs = append(refs, edgeRef{string(e.Type), e.From, e.To, e.ID})
	}
	existing, err := a.loadEdges(refs)
	if err != nil {
		return nil, err
	}
	var kept, added []storedEdge
	for _, e := range moved {
		if x, ok := existing[e.ID]; ok {
			kept = append(kept, unionEdges(x, e))
		} else {
			added = append(added, e)
		}
	}
	if _, err := a.run("MATCH (n:Entity {id: $drop}) DETACH DELETE n", map[string]any{"drop": drop}); err != nil {
		return nil, err
	}
	if err := a.writeEdges(kept, true); err != nil {
		return nil, err
	}
	return docs, a.writeEdges(added, false)
}

// unionEdges merges two stored statements of one edge.
func unionEdges(x *storedEdge, e storedEdge) storedEdge {
	out := *x
	out.Confidence = max(x.Confidence, e.Confidence)
	out.Props = unionProps(x.Props, e.Props)
	for i, d := range e.Docs {
		if !slices.Contains(out.Docs, d) {
			out.Docs, out.Seen = append(out.Docs, d), append(out.Seen, at(e.Seen, i))
		}
	}
	out.Ev = append(append([]string(nil), out.Ev...), e.Ev...)
	out.EvDoc = append(append([]string(nil), out.EvDoc...), e.EvDoc...)
	return out
}

// rewriteDocuments replaces drop by keep in the support lists of documents.
func (a *applier) rewriteDocuments(docs []string, keep, drop string) error {
	recs, err := a.run(`UNWIND $ids AS id MATCH (d:Document {id: id})
		RETURN DISTINCT d {.id, .nodes, .etype, .efrom, .eto, .ekey} AS d`, map[string]any{"ids": docs})
	if err != nil {
		return err
	}
	rows := make([]any, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("d")
		m := v.(map[string]any)
		d := storedDoc{ID: str(m, "id"), Nodes: strs(m["nodes"]), EType: strs(m["etype"]), EFrom: strs(m["efrom"]), ETo: strs(m["eto"])}
		d.Nodes = renameIn(d.Nodes, keep, drop)
		d.EFrom, d.ETo = renameIn(d.EFrom, keep, drop), renameIn(d.ETo, keep, drop)
		var et, ef, eto, ek []string
		seen := map[string]bool{}
		for i := range d.EType {
			e := graph.Edge{Type: graph.EdgeType(d.EType[i]), From: d.EFrom[i], To: d.ETo[i], Date: dateOfKey(strs(m["ekey"]), i)}
			if e.From == e.To {
				continue
			}
			e.Normalize()
			if seen[e.ID] {
				continue
			}
			seen[e.ID] = true
			et, ef, eto, ek = append(et, string(e.Type)), append(ef, e.From), append(eto, e.To), append(ek, e.ID)
		}
		rows = append(rows, map[string]any{"id": d.ID, "nodes": dedupe(d.Nodes), "etype": nonNil(et),
			"efrom": nonNil(ef), "eto": nonNil(eto), "ekey": nonNil(ek)})
	}
	_, err = a.run(`UNWIND $rows AS row MATCH (d:Document {id: row.id})
		SET d.nodes = row.nodes, d.etype = row.etype, d.efrom = row.efrom, d.eto = row.eto, d.ekey = row.ekey`,
		map[string]any{"rows": rows})
	return err
}

// dateOfKey reads the date, the last "|" field, of the i-th edge key.
func dateOfKey(keys []string, i int) string {
	if i >= len(keys) {
		return ""
	}
	k := keys[i]
	return k[strings.LastIndexByte(k, '|')+1:]
}

func renameIn(xs []string, keep, drop string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		if x == drop {
			x = keep
		}
		out[i] = x
	}
	return out
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// redirect records that drop's id and names now mean keep, and re-points
// older redirects to drop.
func (a *applier) redirect(keep string, d *storedNode) error {
	names := []string{graph.NormalizeName(d.Name)}
	for _, x := range d.Aliases {
		names = append(names, graph.NormalizeName(x))
	}
	if _, err := a.run("MATCH (r:Redirect {to: $drop}) SET r.to = $keep", map[string]any{"drop": d.ID, "keep": keep}); err != nil {
		return err
	}
	_, err := a.run(`CREATE (:Redirect {from: $drop, to: $keep, kind: $kind, name: $name})
		WITH 1 AS x UNWIND $names AS nm CREATE (:Redirect {to: $keep, kind: $kind, name: nm})`,
		map[string]any{"drop": d.ID, "keep": keep, "kind": string(d.Kind), "name": names[0], "names": dedupe(names[1:])})
	return err
}

// AddAlias implements graph.Store.
func (s *Store) AddAlias(ctx context.Context, id, alias string) (graph.Node, error) {
	alias = strings.TrimSpace(alias)
	if alias == "" {
		return graph.Node{}, graph.Errorf(graph.EINVALID, "node %q: empty alias", id)
	}
	_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		a := &applier{ctx: ctx, tx: tx}
		id = a.resolveID(id)
		nodes, err := a.loadNodes([]string{id})
		if err != nil {
			return nil, err
		}
		n, ok := nodes[id]
		if !ok {
			return nil, graph.Errorf(graph.ENOTFOUND, "node %q", id)
		}
		n.Aliases = cleanAliases(n.Name, append(n.Aliases, alias))
		_, err = a.run(`UNWIND $rows AS row MATCH (n:Entity {id: row.id})
			SET n.aliases = row.aliases, n.search = row.search, n.names = row.names`,
			map[string]any{"rows": []any{nodeRow(n.Node, n.Docs)}})
		return nil, err
	})
	if err != nil {
		return graph.Node{}, err
	}
	return s.node(ctx, id)
}

// resolveID follows a merge redirect, if any.
func (a *applier) resolveID(id string) string {
	recs, err := a.run("MATCH (r:Redirect {from: $id}) RETURN r.to AS to LIMIT 1", map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return id
	}
	to, _ := recs[0].Get("to")
	return to.(string)
}

package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// layoutVersion is the layout of stored edges that this code writes and
// reads, kept on the (:SdkgMeta {id: 'layout'}) node: 2 added the read
// view rv (readView) to every relationship.
const layoutVersion = 2

// migrateBatch is the number of relationships migrated per transaction.
const migrateBatch = 5000

// migrate brings a database written by an earlier layout up to
// layoutVersion: it gives every relationship without a read view one, a
// transaction per migrateBatch relationships (an interrupted migration
// resumes at the next Open), then records the version. A database at the
// current version costs one lookup.
func (s *Store) migrate(ctx context.Context) error {
	recs, err := s.query(ctx, "OPTIONAL MATCH (m:SdkgMeta {id: 'layout'}) RETURN m.version AS v", nil, false)
	if err != nil {
		return err
	}
	if v, _ := recs[0].Get("v"); v != nil && v.(int64) >= layoutVersion {
		return nil
	}
	for {
		n, err := s.addReadViews(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
	}
	_, err = s.query(ctx, "MERGE (m:SdkgMeta {id: 'layout'}) SET m.version = $v", map[string]any{"v": layoutVersion}, true)
	return err
}

// addReadViews writes the read view of up to migrateBatch relationships
// that have none and returns how many it wrote.
func (s *Store) addReadViews(ctx context.Context) (int, error) {
	out, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := run(ctx, tx, "MATCH ()-[r]->() WHERE r.rv IS NULL WITH r LIMIT $n RETURN elementId(r) AS eid, "+fullEdgeMap+" AS r",
			map[string]any{"n": migrateBatch})
		if err != nil {
			return 0, err
		}
		rows := make([]any, 0, len(recs))
		for _, r := range recs {
			eid, _ := r.Get("eid")
			v, _ := r.Get("r")
			rows = append(rows, map[string]any{"eid": eid, "rv": readView(*storedEdgeFrom(v))})
		}
		_, err = run(ctx, tx, "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r.rv = row.rv",
			map[string]any{"rows": rows})
		return len(rows), err
	})
	if err != nil {
		return 0, err
	}
	return out.(int), nil
}

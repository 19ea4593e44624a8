package neo4j

import "context"

// Wipe deletes everything the store holds, for tests that need an empty
// database between runs. The schema stays.
func (s *Store) Wipe(ctx context.Context) error {
	_, err := s.query(ctx, "MATCH (n) DETACH DELETE n", nil, true)
	return err
}

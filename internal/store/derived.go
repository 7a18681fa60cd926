package store

import (
	"context"
)

// Rebuild recomputes the tables derived from the events (the place names
// and the summaries) in one transaction, for a store whose events were
// written around the store (tools/gendb) or to repair one.
func (s *DB) Rebuild(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{
		`DELETE FROM places`,
		`INSERT INTO places (name) SELECT DISTINCT loc_name FROM events WHERE loc_name IS NOT NULL AND loc_name != ''`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return tx.Commit()
}

package store

import (
	"context"
)

// Rebuild recomputes the tables derived from the events (the place names
// and the summaries) in one transaction, for a store whose events were
// written around the store (tools/gendb) or to repair one, and adds the
// reports (event_docs) of evidence written without them, and in SQLite
// the keys of the full-text rows (gendata writes those rows alone). It never
// removes a report: evidence beyond an event's cap is gone, and its
// report is all that still counts it.
func (s *DB) Rebuild(ctx context.Context) error { return s.rebuild(ctx, nil) }

// rebuild is Rebuild leaving alone the tables and statements skip names
// (nil: none): tests rebuild an older version's tables with it.
func (s *DB) rebuild(ctx context.Context, skip func(tableOrStatement string) bool) error {
	if skip == nil {
		skip = func(string) bool { return false }
	}
	ins, err := s.derivedInserts()
	if err != nil {
		return err
	}
	reports, err := s.migrationInsert("0006_event_docs.sql", "event_docs")
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range s.derivedTables() {
		if skip(t) {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
			return err
		}
	}
	for _, q := range append(ins, reports) {
		if skip(q) {
			continue
		}
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return tx.Commit()
}

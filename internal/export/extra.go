package export

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// extraQuery finds, for every stored event, whether it is the main event
// of one of the sentences that tell it (no other event of that sentence
// has an earlier trigger) and when its first document was stored (of
// every document that reports it, event_docs, not only those whose
// evidence the event keeps). It has no placeholders, so SQLite and
// PostgreSQL run it as it is.
const extraQuery = `SELECT v.event_id,
	MAX(CASE WHEN NOT EXISTS (SELECT 1 FROM evidence w WHERE w.doc_id = v.doc_id AND w.sentence_index = v.sentence_index
		AND (w.trigger_start < v.trigger_start OR (w.trigger_start = v.trigger_start AND w.event_id < v.event_id))) THEN 1 ELSE 0 END),
	COALESCE((SELECT MIN(d.ingested_at) FROM event_docs x JOIN documents d ON d.id = x.doc_id WHERE x.event_id = v.event_id), '')
	FROM evidence v GROUP BY v.event_id`

// LoadExtra reads IsRootEvent and DATEADDED for every event of a store
// (store.DB.SQL()).
func LoadExtra(ctx context.Context, db *sql.DB) (map[int64]Extra, error) {
	rows, err := db.QueryContext(ctx, extraQuery)
	if err != nil {
		return nil, fmt.Errorf("read event roots and dates: %w", err)
	}
	defer rows.Close()
	out := map[int64]Extra{}
	for rows.Next() {
		var id int64
		var root int
		var added string
		if err := rows.Scan(&id, &root, &added); err != nil {
			return nil, fmt.Errorf("read event roots and dates: %w", err)
		}
		x := Extra{Root: root == 1}
		if t, err := time.Parse(time.RFC3339, added); err == nil {
			x.Added = t
		}
		out[id] = x
	}
	return out, rows.Err()
}

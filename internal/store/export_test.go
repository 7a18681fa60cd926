package store

import (
	"context"
	"strings"

	"github.com/annals-events/annals"
)

// ExplainEvents returns the query plan of the page of events f selects:
// SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN with
// sequential scans priced out (enable_seqscan off), so that the plan
// shows whether an index can serve the query at all, as it will on a big
// table.
func (s *DB) ExplainEvents(ctx context.Context, f annals.EventFilter) (string, error) {
	q, args := s.eventsQuery(f)
	return s.explain(ctx, q, args)
}

func (s *DB) explain(ctx context.Context, q string, args []any) (string, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	pre := "EXPLAIN QUERY PLAN "
	if s.d.name == "postgres" {
		pre = "EXPLAIN "
		if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
			return "", err
		}
		defer conn.ExecContext(context.Background(), `RESET enable_seqscan`)
	}
	rows, err := conn.QueryContext(ctx, s.d.q(pre+q), scrub(args)...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		// SQLite: id, parent, notused, detail; PostgreSQL: one text column
		v := vals[len(vals)-1]
		switch x := v.(type) {
		case []byte:
			lines = append(lines, string(x))
		case string:
			lines = append(lines, x)
		}
	}
	return strings.Join(lines, "\n"), rows.Err()
}

package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/annals-events/annals"
)

// ExplainEvents returns the query plan of the page of events f selects:
// SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN with
// sequential scans priced out (enable_seqscan off), so that the plan
// shows whether an index can serve the query at all, as it will on a big
// table.
func (s *DB) ExplainEvents(ctx context.Context, f annals.EventFilter) (string, error) {
	p, err := s.planPage(ctx, f)
	if err != nil {
		return "", err
	}
	q, args := s.eventsQuery(f, p)
	return s.explain(ctx, q, args)
}

// ExplainActors and ExplainNetwork are the query plans of Actors and
// Network, as ExplainEvents.
func (s *DB) ExplainActors(ctx context.Context, f annals.EventFilter, byCountry bool) (string, error) {
	q, args := s.actorsQuery(f, byCountry, 100)
	return s.explain(ctx, q, args)
}

func (s *DB) ExplainNetwork(ctx context.Context, f annals.EventFilter, byCountry bool) (string, error) {
	q, args := s.networkQuery(f, byCountry, 200)
	return s.explain(ctx, q, args)
}

// ExplainTimeline is the query plan of Timeline, as ExplainEvents.
func (s *DB) ExplainTimeline(ctx context.Context, a, b string, iv Interval, f annals.EventFilter) (string, error) {
	q, args, _ := s.timelineQuery(a, b, iv, f)
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

// SummaryDrift compares each summary table (and the place names) with the
// same summary recomputed from the events, and checks that every event's
// id is within its day's window (event_days); "" when all agree.
func (s *DB) SummaryDrift(ctx context.Context) (string, error) {
	ins, err := s.derivedInserts()
	if err != nil {
		return "", err
	}
	var out []string
	for _, st := range ins {
		// INSERT INTO t (cols) SELECT ...
		head, sel, _ := strings.Cut(st, "SELECT")
		table, cols, _ := strings.Cut(strings.TrimPrefix(head, "INSERT INTO "), " (")
		cols = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(cols), ")"))
		if table == "event_days" {
			// a window stays as wide when its events go: it must hold
			// every event of its day, and no more is asked of it
			rows, err := s.rowSet(ctx, `SELECT e.id, e.event_date FROM events e LEFT JOIN event_days d ON d.day = e.event_date
				WHERE d.day IS NULL OR e.id < d.min_id OR e.id > d.max_id`)
			if err != nil {
				return "", err
			}
			for k := range rows {
				out = append(out, table+": outside its day's window: "+k)
			}
			continue
		}
		if table == "event_fts" && s.d.name == "sqlite" {
			lines, err := s.ftsDrift(ctx, `SELECT`+sel)
			if err != nil {
				return "", err
			}
			out = append(out, lines...)
			continue
		}
		stored, err := s.rowSet(ctx, `SELECT `+cols+` FROM `+table)
		if err != nil {
			return "", err
		}
		want, err := s.rowSet(ctx, `SELECT`+sel)
		if err != nil {
			return "", err
		}
		for k, n := range want {
			if stored[k] != n {
				out = append(out, table+": missing "+k)
			}
		}
		for k, n := range stored {
			// a place name outlives its events, harmlessly: it only
			// widens the list of names a place filter looks up
			if want[k] != n && table != "places" {
				out = append(out, table+": stale "+k)
			}
		}
	}
	return strings.Join(out, "\n"), nil
}

// ftsDrift compares SQLite's event_fts, whose text cannot be read back
// (contentless), with the rows sel makes, word by word: the (word, event)
// pairs of each, through fts5vocab tables on one connection.
func (s *DB) ftsDrift(ctx context.Context, sel string) ([]string, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	for _, q := range []string{`DROP TABLE IF EXISTS temp.want_fts`, `DROP TABLE IF EXISTS temp.want_terms`, `DROP TABLE IF EXISTS temp.have_terms`,
		`CREATE VIRTUAL TABLE temp.want_fts USING fts5(text, tokenize = 'porter unicode61')`,
		`INSERT INTO temp.want_fts (rowid, text) ` + sel,
		`CREATE VIRTUAL TABLE temp.want_terms USING fts5vocab(temp, want_fts, instance)`,
		`CREATE VIRTUAL TABLE temp.have_terms USING fts5vocab(main, event_fts, instance)`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return nil, fmt.Errorf("%s: %w", q, err)
		}
	}
	defer conn.ExecContext(ctx, `DROP TABLE IF EXISTS temp.want_terms; DROP TABLE IF EXISTS temp.have_terms; DROP TABLE IF EXISTS temp.want_fts`)
	rows, err := conn.QueryContext(ctx, `SELECT 'event_fts: missing ' || doc || ' ' || term FROM (SELECT DISTINCT doc, term FROM temp.want_terms EXCEPT SELECT DISTINCT doc, term FROM temp.have_terms)
		UNION ALL SELECT 'event_fts: stale ' || doc || ' ' || term FROM (SELECT DISTINCT doc, term FROM temp.have_terms EXCEPT SELECT DISTINCT doc, term FROM temp.want_terms)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func (s *DB) rowSet(ctx context.Context, q string) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	set := map[string]int{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		var b strings.Builder
		for _, v := range vals {
			if x, ok := v.([]byte); ok {
				v = string(x)
			}
			fmt.Fprintf(&b, "%v|", v)
		}
		set[b.String()]++
	}
	return set, rows.Err()
}

// FromEvents runs fn with every aggregate read from the events, not the
// summaries.
func FromEvents(fn func()) {
	noSummaries = true
	defer func() { noSummaries = false }()
	fn()
}

// NoTextProbe runs fn with every text search read from all its matches
// (neither tested event by event nor read from event_fts in id order).
func NoTextProbe(fn func()) {
	noTextProbe = true
	defer func() { noTextProbe = false }()
	fn()
}

// OpenVersion opens a store migrated only up to version v, as an older
// annals left it.
func OpenVersion(dsn string, v int) (*DB, error) {
	maxMigration = v
	defer func() { maxMigration = 0 }()
	return Open(dsn)
}

// CountDrift compares every event's counts with those recomputed from its
// reports (event_docs), and checks that every evidence row has its report,
// every report its event and its document's outlet, and no event more
// evidence rows than the cap; "" when all hold.
func (s *DB) CountDrift(ctx context.Context) (string, error) {
	var out []string
	for _, c := range []struct{ what, q string }{
		{"counts", `SELECT e.id || ': mentions ' || e.num_mentions || ' articles ' || e.num_articles || ' sources ' || e.num_sources || ' confidence ' || e.confidence
			|| ', reports say ' || COALESCE(x.m, 0) || ' ' || COALESCE(x.a, 0) || ' ' || COALESCE(x.s, 0) || ' ' || COALESCE(x.c, 0)
			FROM events e LEFT JOIN (SELECT event_id, SUM(mentions) AS m, COUNT(*) AS a, COUNT(DISTINCT outlet) AS s, MAX(confidence) AS c
			FROM event_docs GROUP BY event_id) x ON x.event_id = e.id
			WHERE e.num_mentions != COALESCE(x.m, 0) OR e.num_articles != COALESCE(x.a, 0) OR e.num_sources != COALESCE(x.s, 0) OR e.confidence != COALESCE(x.c, 0)`},
		{"evidence without a report", `SELECT v.event_id || ' ' || v.doc_id FROM evidence v
			WHERE NOT EXISTS (SELECT 1 FROM event_docs x WHERE x.event_id = v.event_id AND x.doc_id = v.doc_id)`},
		{"report of no event", `SELECT x.event_id || ' ' || x.doc_id FROM event_docs x WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = x.event_id)`},
		{"report's outlet", `SELECT x.event_id || ' ' || x.doc_id || ' ' || x.outlet FROM event_docs x JOIN documents d ON d.id = x.doc_id
			WHERE x.outlet != CASE WHEN d.source = '' THEN d.id ELSE d.source END`},
		{"evidence over the cap", `SELECT event_id || ': ' || COUNT(*) FROM evidence GROUP BY event_id HAVING COUNT(*) > ` + fmt.Sprint(max(s.EvidenceCap, 0)) + ` AND ` + fmt.Sprint(s.EvidenceCap) + ` > 0`},
	} {
		rows, err := s.db.QueryContext(ctx, c.q)
		if err != nil {
			return "", fmt.Errorf("%s: %w", c.what, err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				rows.Close()
				return "", err
			}
			out = append(out, c.what+": "+line)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", err
		}
	}
	return strings.Join(out, "\n"), nil
}

// FTSQuery is the FTS5 query the SQLite store makes of a text filter.
func FTSQuery(q string) string { return ftsQuery(q) }

// RebuildV12 fills the derived tables of a version-12 store (one made
// by OpenVersion(dsn, 12), before the coarser summaries of migration
// 0013) from its events, as Rebuild did at that version.
func (s *DB) RebuildV12(ctx context.Context) error {
	newer, err := s.migrationStatements("0013_coarse_summaries.sql")
	if err != nil {
		return err
	}
	return s.rebuild(ctx, func(x string) bool {
		return strings.HasPrefix(x, "sum_pair_") || x == "sum_country_years" || slices.Contains(newer, x)
	})
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// dialect holds what differs between SQLite and PostgreSQL; the rest of
// the store is one implementation.
type dialect struct {
	name       string
	migrations string // folder under migrations/
	dollar     bool   // $1 placeholders
	ilike      string
	groupIDs   string              // aggregate of event ids as text
	dyadHint   string              // index hint for timelines
	bucket     map[Interval]string // event_date -> bucket start
	fts        func(arg string) (cond string, val any)
	// bin makes a column compare bytewise, for indexed prefix ranges
	bin func(col string) string
	// lo and hi are the lesser and greater of two values
	lo, hi string
	// noIndex keeps the planner off an index for a condition that
	// selects almost every row
	noIndex func(col string) string
	// unlikely tells the planner a condition is selective, so that it
	// reads the condition's index rather than scan in id order hoping to
	// meet a page of matches soon (which for a rare value is every row)
	unlikely func(cond string) string
	// ftsTop is the greatest event id with a full-text row, and
	// ftsSample counts at most ? matches (the fts value) among the events
	// after an id, for textDense
	ftsTop, ftsSample string
	// ftsProbe, when set, is the text condition tested event by event,
	// for words so common that a page is found sooner in id order
	ftsProbe string
	// textDelete and textInsert rewrite the full-text rows (event_fts,
	// migration 0012) of the events whose ids fill the %s placeholders,
	// from their evidence sentences
	textDelete, textInsert string
	// textDistinct says the full-text row is made from the set of
	// distinct texts of the event's kept sentences (SQLite's
	// textInsert), so it stays as it is while that set does
	// (textChanged); PostgreSQL's is made from every kept row in order.
	textDistinct bool
	// textHas returns the (event id, text) pairs of the VALUES rows in
	// %s that are the text of a sentence the event keeps evidence of
	// from a document not in the JSON array of document ids of the last
	// argument (a textDistinct dialect's, for textChanged)
	textHas string
}

var sqliteDialect = &dialect{
	name: "sqlite", migrations: "migrations/sqlite", ilike: "LIKE", groupIDs: "group_concat(id)", dyadHint: "INDEXED BY events_dyad",
	bin: func(col string) string { return col }, lo: "min", hi: "max",
	noIndex: func(col string) string { return "+" + col }, unlikely: func(c string) string { return "unlikely(" + c + ")" },
	bucket: map[Interval]string{
		IntervalDay:   `event_date`,
		IntervalWeek:  `date(event_date, '-' || ((CAST(strftime('%w', event_date) AS INTEGER) + 6) % 7) || ' days')`,
		IntervalMonth: `substr(event_date, 1, 7) || '-01'`,
	},
	// the ids of the matches, in id order, from the index
	fts: func(q string) (string, any) {
		return `e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)`, ftsQuery(q)
	},
	ftsTop:    `SELECT rowid FROM event_fts ORDER BY rowid DESC LIMIT 1`,
	ftsSample: `SELECT COUNT(*) FROM (SELECT 1 FROM event_fts WHERE event_fts MATCH ? AND rowid > ? LIMIT ?) AS x`,
	// an event tested against the query by its full-text row: MATCH with
	// rowid = seeks in the words' lists
	ftsProbe:   `EXISTS (SELECT 1 FROM event_fts WHERE event_fts MATCH ? AND rowid = e.id)`,
	textDelete: `DELETE FROM event_fts WHERE rowid IN (%s)`,
	textInsert: `INSERT INTO event_fts (rowid, text) SELECT event_id, group_concat(text, char(10)) FROM (SELECT DISTINCT v.event_id, s.text FROM evidence v
		JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index WHERE v.event_id IN (%s) ORDER BY v.event_id, s.text) GROUP BY event_id`,
	textDistinct: true,
	// each pair looked for among the event's rows (its primary key) until
	// one of another document tells that text
	textHas: `SELECT c.column1, c.column2 FROM (VALUES %s) AS c WHERE EXISTS (SELECT 1 FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index
		WHERE v.event_id = c.column1 AND s.text = c.column2 AND v.doc_id NOT IN (SELECT value FROM json_each(?)))`,
}

var postgresDialect = &dialect{
	name: "postgres", migrations: "migrations/postgres", dollar: true, ilike: "ILIKE", groupIDs: "string_agg(id::text, ',')",
	bin: func(col string) string { return col + ` COLLATE "C"` }, lo: "LEAST", hi: "GREATEST",
	noIndex: func(col string) string { return col }, unlikely: func(c string) string { return c },
	bucket: map[Interval]string{
		IntervalDay:   `event_date`,
		IntervalWeek:  `to_char(date_trunc('week', event_date::date), 'YYYY-MM-DD')`,
		IntervalMonth: `substr(event_date, 1, 7) || '-01'`,
	},
	// the ids of the matches from the GIN index of event_fts; OFFSET 0
	// keeps the planner from reading event_fts whole in id order (its
	// primary key) to meet a page of a rare word's matches
	fts: func(q string) (string, any) {
		return `e.id IN (SELECT f.event_id FROM event_fts f WHERE f.tsv @@ plainto_tsquery('english', ?) OFFSET 0)`, q
	},
	ftsTop:    `SELECT event_id FROM event_fts ORDER BY event_id DESC LIMIT 1`,
	ftsSample: `SELECT COUNT(*) FROM (SELECT 1 FROM event_fts WHERE tsv @@ plainto_tsquery('english', ?) AND event_id > ? LIMIT ?) AS x`,
	// an event tested by its row, found by its primary key
	ftsProbe:   `EXISTS (SELECT 1 FROM event_fts f WHERE f.event_id = e.id AND f.tsv @@ plainto_tsquery('english', ?))`,
	textDelete: `DELETE FROM event_fts WHERE event_id IN (%s)`,
	textInsert: `INSERT INTO event_fts (event_id, tsv) SELECT v.event_id, to_tsvector('english', string_agg(s.text, E'\n' ORDER BY v.doc_id, v.sentence_index))
		FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index WHERE v.event_id IN (%s) GROUP BY v.event_id`,
}

// q rewrites ? placeholders as $1, $2, ... for PostgreSQL. Question marks
// inside quoted strings are left alone.
func (d *dialect) q(query string) string {
	if !d.dollar {
		return query
	}
	var b strings.Builder
	n := 0
	quoted := false
	for i := 0; i < len(query); i++ {
		c := query[i]
		if c == '\'' {
			quoted = !quoted
		}
		if c == '?' && !quoted {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Name reports the store's engine: sqlite or postgres.
func (s *DB) Name() string { return s.d.name }

// scrub makes string arguments safe for either engine, keeping their
// byte lengths so stored offsets stay true: NUL (which PostgreSQL refuses
// in text) becomes a space and each byte of invalid UTF-8 a '?'. Readers
// clean text before coding; this is the last guard, so one bad record can
// never fail a batch.
func scrub(args []any) []any {
	for i, a := range args {
		if v, ok := a.(string); ok && (strings.IndexByte(v, 0) >= 0 || !utf8.ValidString(v)) {
			b := []byte(v)
			for j := 0; j < len(b); {
				r, n := utf8.DecodeRune(b[j:])
				switch {
				case r == 0:
					b[j] = ' '
				case r == utf8.RuneError && n == 1:
					b[j] = '?'
				}
				j += n
			}
			args[i] = string(b)
		}
	}
	return args
}

func (s *DB) exec(ctx context.Context, tx *wtx, query string, args ...any) (sql.Result, error) {
	args = scrub(args)
	if tx != nil && !tx.prepare {
		return tx.ExecContext(ctx, s.d.q(query), args...)
	}
	if tx != nil {
		st, err := tx.stmt(ctx, s.d.q(query))
		if err != nil {
			return nil, err
		}
		return st.ExecContext(ctx, args...)
	}
	return s.db.ExecContext(ctx, s.d.q(query), args...)
}

func (s *DB) query(ctx context.Context, tx *wtx, query string, args ...any) (*sql.Rows, error) {
	args = scrub(args)
	if tx != nil && !tx.prepare {
		return tx.QueryContext(ctx, s.d.q(query), args...)
	}
	if tx != nil {
		st, err := tx.stmt(ctx, s.d.q(query))
		if err != nil {
			return nil, err
		}
		return st.QueryContext(ctx, args...)
	}
	if st := s.readStmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.db.QueryContext(ctx, s.d.q(query), args...)
}

// readStmt is SQLite's kept statement of a read outside a transaction
// (readStmts), nil in PostgreSQL or when none is kept.
func (s *DB) readStmt(ctx context.Context, query string) *sql.Stmt {
	if s.d.name != "sqlite" {
		return nil
	}
	return s.reads.stmt(ctx, s.db, query)
}

// queryRow is QueryRow; a failed prepare shows as the row's error.
func (s *DB) queryRow(ctx context.Context, tx *wtx, query string, args ...any) rowScanner {
	args = scrub(args)
	if tx != nil && !tx.prepare {
		return tx.QueryRowContext(ctx, s.d.q(query), args...)
	}
	if tx != nil {
		st, err := tx.stmt(ctx, s.d.q(query))
		if err != nil {
			return errRow{err}
		}
		return st.QueryRowContext(ctx, args...)
	}
	if st := s.readStmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.db.QueryRowContext(ctx, s.d.q(query), args...)
}

type rowScanner interface{ Scan(...any) error }

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// wtx is a write transaction whose statements are prepared once and
// reused for every document of the batch: SQLite otherwise parses each
// statement again on every call. PostgreSQL's driver (pgx) already keeps
// a prepared statement per query text on each connection, across
// transactions, so there statements run as they are.
type wtx struct {
	*sql.Tx
	prepare bool
	stmts   map[string]*sql.Stmt
}

func (s *DB) begin(ctx context.Context) (*wtx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &wtx{Tx: tx, prepare: s.d.name != "postgres", stmts: map[string]*sql.Stmt{}}, nil
}

// stmt is the prepared statement of q in the transaction; statements
// close with it.
func (w *wtx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	w.stmts[q] = st
	return st, nil
}

var _ = fmt.Sprint

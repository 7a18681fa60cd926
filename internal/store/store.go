package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/annals-events/annals"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

//go:embed migrations
var migrations embed.FS

// ErrNotFound is returned for a missing document or event.
var ErrNotFound = errors.New("not found")

// ErrNewerSchema is returned by Open for a store that a newer annals has
// migrated past the migrations this one knows: writing to it with older
// code could leave its newer tables (summaries kept in the same
// transactions) out of step.
var ErrNewerSchema = errors.New("the store's schema is newer than this annals")

// Dedup sets the cross-document deduplication key: events with the same
// source, target and CAMEO code whose dates are at most WindowDays apart
// and whose places are at most MaxKm apart (or unknown) are one event.
type Dedup struct {
	WindowDays int
	MaxKm      float64
}

// DefaultDedup merges events of the same day within 50 km.
var DefaultDedup = Dedup{WindowDays: 0, MaxKm: 50}

// BusyTimeoutMS is how long a SQLite writer waits for another writer's
// lock before failing.
const BusyTimeoutMS = 30000

// MmapBytes is how much of a SQLite file its connections read through
// one memory map (PRAGMA mmap_size) shared by all of them, instead of
// each copying pages into its own 2 MB cache with a read system call per
// page missed; 0 turns it off. SQLite caps it at its build's
// SQLITE_MAX_MMAP_SIZE (2 GB in modernc.org/sqlite): the rest of a larger
// file is read as before. Under the load tool at a million events it
// took 10-15 % off the server's CPU per request (docs/scale.md).
var MmapBytes int64 = 2147418112

// DB is an open store.
type DB struct {
	db    *sql.DB
	d     *dialect
	Dedup Dedup
	// EvidenceCap is how many evidence rows an event keeps at most (see
	// the constant EvidenceCap); 0 keeps every one. The event's counts
	// count every report whatever it keeps.
	EvidenceCap int
	path        string
	reads       readStmts // SQLite's prepared reads
}

// IsPostgres reports whether a --db value names a PostgreSQL server.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens a store: a postgres:// URL opens PostgreSQL, anything else is
// the path of a SQLite file (created if needed). Pending migrations run.
func Open(dsn string) (*DB, error) {
	var s *DB
	if IsPostgres(dsn) {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		db.SetMaxOpenConns(16)
		s = &DB{db: db, d: postgresDialect, Dedup: DefaultDedup, EvidenceCap: EvidenceCap, path: redact(dsn)}
	} else {
		// Write transactions begin IMMEDIATE: a deferred one that reads
		// first and then writes fails at once with "database is locked"
		// when another writer got in between, and the busy timeout never
		// applies; an immediate one waits up to the timeout for the lock.
		db, err := sql.Open("sqlite", "file:"+dsn+"?_txlock=immediate&_pragma=busy_timeout("+strconv.Itoa(BusyTimeoutMS)+")&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=mmap_size("+strconv.FormatInt(MmapBytes, 10)+")")
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", dsn, err)
		}
		db.SetMaxOpenConns(8)
		s = &DB{db: db, d: sqliteDialect, Dedup: DefaultDedup, EvidenceCap: EvidenceCap, path: dsn}
	}
	// Two processes opening a new SQLite file at once race for its first
	// write (the schema table, the switch to WAL): SQLite answers the loser
	// "database is locked" at once in some of those steps, whatever the busy
	// timeout. The migrations are idempotent, so a locked one is tried
	// again, for as long as the busy timeout would have waited.
	deadline := time.Now().Add(time.Duration(BusyTimeoutMS) * time.Millisecond)
	for wait := 20 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		err := s.migrate()
		if err == nil {
			break
		}
		if s.d.name == "postgres" || !Transient(err) || time.Now().After(deadline) {
			s.db.Close()
			return nil, fmt.Errorf("migrate %s: %w", s.path, err)
		}
		time.Sleep(wait)
	}
	return s, nil
}

// redact hides a password in a connection URL.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil {
		return u.Redacted()
	}
	return "postgres"
}

// String names the store for messages.
func (s *DB) String() string { return s.path }

// Close closes the store.
func (s *DB) Close() error {
	s.reads.close()
	return s.db.Close()
}

// SQL exposes the handle for tests and tools.
func (s *DB) SQL() *sql.DB { return s.db }

// maxMigration, when set, stops migrations after that version (tests of
// upgrades make stores of older versions).
var maxMigration int

func (s *DB) migrate() error {
	ctx := context.Background()
	if s.d.name == "postgres" {
		// one migrator at a time across processes
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(727274)`); err != nil {
			return err
		}
		defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(727274)`)
	}
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	var v int
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return err
	}
	names, err := fs.Glob(migrations, s.d.migrations+"/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	if len(names) > 0 {
		if last, err := strconv.Atoi(strings.SplitN(path.Base(names[len(names)-1]), "_", 2)[0]); err == nil && v > last && maxMigration == 0 {
			return fmt.Errorf("%w: version %d, and this annals knows up to %d; upgrade annals to open it", ErrNewerSchema, v, last)
		}
	}
	for _, n := range names {
		num, err := strconv.Atoi(strings.SplitN(path.Base(n), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: bad name", n)
		}
		if num <= v || (maxMigration > 0 && num > maxMigration) {
			continue
		}
		b, _ := migrations.ReadFile(n)
		tx, err := s.db.Begin()
		if err != nil {
			return err
		}
		// another process may have applied it while this one waited
		var cur int
		if err := tx.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&cur); err != nil {
			tx.Rollback()
			return err
		}
		if num <= cur {
			tx.Rollback()
			continue
		}
		if _, err := tx.Exec(string(b)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", n, err)
		}
		if _, err := tx.Exec(s.d.q(`INSERT INTO schema_version (version) VALUES (?)`), num); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Has reports whether a document with this id or content hash is stored.
func (s *DB) Has(ctx context.Context, id, hash string) (bool, error) {
	var n int
	err := s.queryRow(ctx, nil, `SELECT COUNT(*) FROM documents WHERE id = ? OR content_hash = ?`, id, hash).Scan(&n)
	return n > 0, err
}

// AddResult says what Add did with each document.
type AddResult struct {
	Added, Skipped int
	Events         int // evidence rows written
}

// Add stores coded documents in one transaction: a document whose id or
// content hash is already stored is skipped; each event either joins an
// existing event under the dedup key or becomes a new one.
func (s *DB) Add(ctx context.Context, docs []*annals.CodedDocument) (AddResult, error) {
	var res AddResult
	tx, err := s.begin(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(time.RFC3339)
	touched := map[int64]*tally{}
	sm := newSums()
	if err := s.lock(ctx, tx, docKeys(docs), s.eventKeys(docs)); err != nil {
		return res, err
	}
	// one look-up for the batch: ids and hashes stored, and those earlier
	// in the batch
	seen, err := s.stored(ctx, tx, docs)
	if err != nil {
		return res, err
	}
	var fresh []*annals.CodedDocument
	for _, d := range docs {
		if seen["id|"+d.Article.ID] || seen["hash|"+d.ContentHash] {
			res.Skipped++
			continue
		}
		seen["id|"+d.Article.ID], seen["hash|"+d.ContentHash] = true, true
		fresh = append(fresh, d)
	}
	var rows [][]any
	for _, d := range fresh {
		a := d.Article
		pub := ""
		if a.HasDate() {
			pub = a.Published.Format("2006-01-02")
		}
		rows = append(rows, []any{a.ID, a.URL, a.Title, a.Source, pub, d.ContentHash, a.Text, now})
	}
	if err := s.insertRows(ctx, tx, `INSERT INTO documents (id, url, title, source, published, content_hash, text, ingested_at)`, rows, ``); err != nil {
		return res, fmt.Errorf("store documents: %w", err)
	}
	for _, d := range fresh {
		a := d.Article
		if err := s.writeCoding(ctx, tx, d, outlet(a.Source, a.ID), touched, sm); err != nil {
			return res, fmt.Errorf("store document %s: %w", a.ID, err)
		}
		res.Added++
		res.Events += len(d.Events)
	}
	ids := make([]string, len(fresh))
	for i, d := range fresh {
		ids[i] = d.Article.ID
	}
	if err := s.recount(ctx, tx, touched, sm, ids); err != nil {
		return res, err
	}
	if err := sm.apply(ctx, s, tx); err != nil {
		return res, err
	}
	return res, tx.Commit()
}

// writeCoding writes sentences, mentions, events and evidence of a stored
// document whose outlet (what num_sources counts) is outlet, and its
// reports of each event (event_docs), adding them to the events' tallies.
func (s *DB) writeCoding(ctx context.Context, tx *wtx, d *annals.CodedDocument, outlet string, touched map[int64]*tally, sm *sums) error {
	a := d.Article
	var sents, ments, evid [][]any
	for i, sp := range d.Sentences {
		txt := a.Text[sp.Start:sp.End]
		sents = append(sents, []any{a.ID, i, sp.Start, sp.End, txt})
	}
	// the text of sentence i as stored (exec scrubs it)
	sentence := func(i int) (string, bool) {
		if i < 0 || i >= len(sents) {
			return "", false
		}
		return scrub([]any{sents[i][4]})[0].(string), true
	}
	if err := s.insertRows(ctx, tx, `INSERT INTO sentences (doc_id, idx, start_off, end_off, text)`, sents, ``); err != nil {
		return err
	}
	for _, m := range d.Mentions {
		ments = append(ments, []any{a.ID, m.Sentence, m.Start, m.End, m.Text, m.Code, m.Entry, m.Ref})
	}
	if err := s.insertRows(ctx, tx, `INSERT INTO mentions (doc_id, sentence, start_off, end_off, text, code, entry, ref)`, ments, ``); err != nil {
		return err
	}
	// what this document tells of each event it reports
	type report struct {
		mentions, rows int
		conf           float64
	}
	reports := map[int64]*report{}
	first := map[[2]int64]bool{} // event id, sentence
	for i := range d.Events {
		e := &d.Events[i]
		id, date, err := s.match(ctx, tx, e)
		if err != nil {
			return err
		}
		if id == 0 {
			id, err = s.insertEvent(ctx, tx, e, sm)
			if err != nil {
				return err
			}
			date = e.EventDate
		}
		if touched[id] == nil {
			touched[id] = &tally{date: date}
		}
		sents := e.EvidenceSentences
		if len(sents) == 0 {
			sents = []int{e.SentenceIndex}
		}
		for k, si := range sents {
			// the first report of a sentence wins
			if first[[2]int64{id, int64(si)}] {
				continue
			}
			first[[2]int64{id, int64(si)}] = true
			n := 1
			if k == 0 {
				n = max(1, e.Mentions-len(sents)+1)
			}
			evid = append(evid, []any{id, a.ID, si, n, e.SourceText, e.TargetText, e.SourceSpan.Start, e.SourceSpan.End, e.TargetSpan.Start, e.TargetSpan.End,
				e.TriggerSpan.Start, e.TriggerSpan.End, e.Rule, e.Confidence, string(e.Mode)})
			txt, ok := sentence(si)
			touched[id].added = append(touched[id].added, addedRow{doc: a.ID, sentence: si, text: txt, hasText: ok})
			r := reports[id]
			if r == nil {
				r = &report{}
				reports[id] = r
			}
			r.mentions, r.rows, r.conf = r.mentions+n, r.rows+1, max(r.conf, e.Confidence)
		}
	}
	if err := s.insertRows(ctx, tx, `INSERT INTO evidence (event_id, doc_id, sentence_index, mentions, source_text, target_text,
		source_start, source_end, target_start, target_end, trigger_start, trigger_end, rule, confidence, mode)`, evid, ` ON CONFLICT DO NOTHING`); err != nil {
		return err
	}
	if len(reports) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(reports))
	for id := range reports {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	// the events another document of this outlet reports already
	told, err := s.outletTells(ctx, tx, outlet, ids)
	if err != nil {
		return err
	}
	rows := make([][]any, 0, len(ids))
	for _, id := range ids {
		r, t := reports[id], touched[id]
		rows = append(rows, []any{id, a.ID, outlet, r.mentions, r.rows, r.conf})
		t.mentions += r.mentions
		t.articles++
		if !told[id] {
			t.sources++
		}
		t.conf = max(t.conf, r.conf)
	}
	// a plain insert: a document reports an event once, and a second row
	// would count it twice, so a conflict fails the transaction
	return s.insertRows(ctx, tx, `INSERT INTO event_docs (event_id, doc_id, outlet, mentions, reports, confidence)`, rows, ``)
}

// insertRows inserts rows with multi-row INSERT statements.
func (s *DB) insertRows(ctx context.Context, tx *wtx, head string, rows [][]any, tail string) error {
	if len(rows) == 0 {
		return nil
	}
	// at most 32766 values a statement in SQLite, 65535 in PostgreSQL
	per := max(1, min(200, 30000/len(rows[0])))
	ph := `(` + strings.TrimSuffix(strings.Repeat("?,", len(rows[0])), ",") + `)`
	for len(rows) > 0 {
		n := min(len(rows), per)
		args := make([]any, 0, n*len(rows[0]))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := s.exec(ctx, tx, head+` VALUES `+strings.TrimSuffix(strings.Repeat(ph+",", n), ",")+tail, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// stored returns "id|"+id and "hash|"+hash for the documents of the batch
// already stored.
func (s *DB) stored(ctx context.Context, tx *wtx, docs []*annals.CodedDocument) (map[string]bool, error) {
	seen := map[string]bool{}
	for lo := 0; lo < len(docs); lo += 200 {
		part := docs[lo:min(len(docs), lo+200)]
		var args []any
		for _, d := range part {
			args = append(args, d.Article.ID)
		}
		for _, d := range part {
			args = append(args, d.ContentHash)
		}
		ph := strings.TrimSuffix(strings.Repeat("?,", len(part)), ",")
		rows, err := s.query(ctx, tx, `SELECT id, content_hash FROM documents WHERE id IN (`+ph+`) OR content_hash IN (`+ph+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, h string
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return nil, err
			}
			seen["id|"+id], seen["hash|"+h] = true, true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return seen, nil
}

// match finds the stored event an event joins under the dedup key.
func (s *DB) match(ctx context.Context, tx *wtx, e *annals.Event) (int64, string, error) {
	from, to := e.EventDate, e.EventDate
	if e.EventDate != "" && s.Dedup.WindowDays > 0 {
		if t, err := time.Parse("2006-01-02", e.EventDate); err == nil {
			from = t.AddDate(0, 0, -s.Dedup.WindowDays).Format("2006-01-02")
			to = t.AddDate(0, 0, s.Dedup.WindowDays).Format("2006-01-02")
		}
	}
	rows, err := s.query(ctx, tx, `SELECT id, event_date, lat, lon FROM events WHERE source = ? AND target = ? AND code = ? AND mode = ? AND event_date BETWEEN ? AND ? ORDER BY id`,
		e.Source, e.Target, e.Code, string(e.Mode), from, to)
	if err != nil {
		return 0, "", err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var date string
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&id, &date, &lat, &lon); err != nil {
			return 0, "", err
		}
		// located events merge with located events nearby; unlocated ones
		// with unlocated ones, so the result does not depend on the order
		// in which reports arrive
		switch {
		case e.Location == nil && !lat.Valid:
			return id, date, nil
		case e.Location != nil && lat.Valid && km(e.Location.Lat, e.Location.Lon, lat.Float64, lon.Float64) <= s.Dedup.MaxKm:
			return id, date, nil
		}
	}
	return 0, "", rows.Err()
}

// km is the great-circle distance.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

func (s *DB) insertEvent(ctx context.Context, tx *wtx, e *annals.Event, sm *sums) (int64, error) {
	var ln, country, adm1, lp any
	var lat, lon any
	if l := e.Location; l != nil {
		ln, country, adm1, lat, lon, lp = l.Name, l.Country, l.ADM1, l.Lat, l.Lon, l.Precision
		if l.Name != "" {
			if _, err := s.exec(ctx, tx, `INSERT INTO places (name) VALUES (?) ON CONFLICT DO NOTHING`, l.Name); err != nil {
				return 0, err
			}
		}
	}
	var id int64
	err := s.queryRow(ctx, tx, `INSERT INTO events (source, target, code, root, quad_class, goldstein, plover, mode, event_date, date_precision, date_source,
		loc_name, country, adm1, lat, lon, loc_precision, confidence, rule, source_text, target_text)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id`,
		e.Source, e.Target, e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, string(e.Mode), e.EventDate, e.DatePrecision, e.DateSource,
		ln, country, adm1, lat, lon, lp, e.Confidence, e.Rule, e.SourceText, e.TargetText).Scan(&id)
	if err == nil {
		sm.add(e.Source, e.Target, e.QuadClass, e.Goldstein, string(e.Mode), e.EventDate, 1)
		sm.stored(e.EventDate, id)
	}
	return id, err
}

// recount applies the tallies of a transaction to their events, deletes
// events left without any report (counting them out of the summaries),
// drops the evidence beyond the cap of the events over it and rewrites
// the full-text rows of the events whose text that changed. docs are the
// documents of a transaction that only added evidence (Add), all of whose
// evidence rows it wrote (the tallies' added rows); nil, for one that
// also took rows away (Replace), rewrites every touched event's row.
func (s *DB) recount(ctx context.Context, tx *wtx, touched map[int64]*tally, sm *sums, docs []string) error {
	// in id order, so concurrent writers lock rows in the same order
	keys := make([]int64, 0, len(touched))
	for id := range touched {
		keys = append(keys, id)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, id := range keys {
		t := touched[id]
		conf, arg := s.d.hi+`(confidence, ?)`, any(t.conf)
		if t.reconf {
			// the greatest confidence went with a report taken away
			conf, arg = `(SELECT COALESCE(MAX(confidence), 0) FROM event_docs WHERE event_id = ?)`, id
		}
		// the date lets PostgreSQL go straight to the event's partition
		if _, err := s.exec(ctx, tx, `UPDATE events SET num_mentions = num_mentions + ?, num_articles = num_articles + ?,
			num_sources = num_sources + ?, confidence = `+conf+` WHERE id = ? AND event_date = ?`,
			t.mentions, t.articles, t.sources, arg, id, t.date); err != nil {
			return err
		}
		if !t.removed {
			continue
		}
		rows, err := s.query(ctx, tx, `DELETE FROM events WHERE id = ? AND event_date = ? AND num_articles = 0
			RETURNING source, target, quad_class, goldstein, mode, event_date`, id, t.date)
		if err != nil {
			return err
		}
		for rows.Next() {
			var src, tgt, mode, date string
			var quad int
			var g float64
			if err := rows.Scan(&src, &tgt, &quad, &g, &mode, &date); err != nil {
				rows.Close()
				return err
			}
			sm.add(src, tgt, quad, g, mode, date, -1)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	dropped, err := s.prune(ctx, tx, keys)
	if err != nil {
		return err
	}
	if docs != nil {
		if keys, err = s.textChanged(ctx, tx, keys, touched, dropped, docs); err != nil {
			return fmt.Errorf("index text: %w", err)
		}
	}
	return s.indexText(ctx, tx, keys)
}

// Documents streams every stored document's article, for recoding.
func (s *DB) Documents(ctx context.Context, fn func(*annals.Article) error) error {
	rows, err := s.query(ctx, nil, `SELECT id, url, title, source, published, text FROM documents ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a := &annals.Article{}
		var pub string
		if err := rows.Scan(&a.ID, &a.URL, &a.Title, &a.Source, &pub, &a.Text); err != nil {
			return err
		}
		if pub != "" {
			a.Published, _ = time.Parse("2006-01-02", pub)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// RecodeResult says how a recode changed the stored events.
type RecodeResult struct {
	Documents      int
	Before, After  int // evidence rows
	EventsBefore   int
	EventsAfter    int
	Added, Removed int // evidence keys (source, target, code, mode, date) new or gone
}

// Replace swaps the coding of stored documents for a new one, in one
// transaction, and reports what changed.
func (s *DB) Replace(ctx context.Context, docs []*annals.CodedDocument) (RecodeResult, error) {
	var res RecodeResult
	tx, err := s.begin(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	touched := map[int64]*tally{}
	sm := newSums()
	// the documents first: then the events they report now, which no
	// other writer can change while their documents are locked, with
	// those their new coding reports
	if err := s.lock(ctx, tx, docKeys(docs), nil); err != nil {
		return res, err
	}
	evKeys := s.eventKeys(docs)
	for _, d := range docs {
		rows, err := s.query(ctx, tx, `SELECT e.source, e.target, e.code, e.event_date FROM event_docs x JOIN events e ON e.id = x.event_id WHERE x.doc_id = ?`, d.Article.ID)
		if err != nil {
			return res, err
		}
		for rows.Next() {
			var a, b, c, dt string
			if err := rows.Scan(&a, &b, &c, &dt); err != nil {
				rows.Close()
				return res, err
			}
			evKeys[s.eventKey(a, b, c, dt)] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return res, err
		}
	}
	if err := s.lock(ctx, tx, nil, evKeys); err != nil {
		return res, err
	}
	for _, d := range docs {
		id := d.Article.ID
		src := d.Article.Source
		if err := s.queryRow(ctx, tx, `SELECT source FROM documents WHERE id = ?`, id).Scan(&src); err != nil && err != sql.ErrNoRows {
			return res, err
		}
		out := outlet(src, id)
		// the document's reports as they were, taken out of their events
		old := map[string]int{}
		var oldIDs []int64
		rows, err := s.query(ctx, tx, `SELECT x.event_id, x.mentions, x.reports, x.confidence, e.source, e.target, e.code, e.mode, e.event_date, e.confidence
			FROM event_docs x JOIN events e ON e.id = x.event_id WHERE x.doc_id = ?`, id)
		if err != nil {
			return res, err
		}
		for rows.Next() {
			var eid int64
			var ments, reps int
			var conf, econf float64
			var a, b, c, m, dt string
			if err := rows.Scan(&eid, &ments, &reps, &conf, &a, &b, &c, &m, &dt, &econf); err != nil {
				rows.Close()
				return res, err
			}
			old[a+"|"+b+"|"+c+"|"+m+"|"+dt] += reps
			t := touched[eid]
			if t == nil {
				t = &tally{date: dt}
				touched[eid] = t
			}
			t.mentions -= ments
			t.articles--
			t.removed = true
			// the event's greatest confidence may have been this report's
			t.reconf = t.reconf || conf >= econf
			oldIDs = append(oldIDs, eid)
			res.Before += reps
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return res, err
		}
		for _, q := range []string{`DELETE FROM evidence WHERE doc_id = ?`, `DELETE FROM event_docs WHERE doc_id = ?`, `DELETE FROM mentions WHERE doc_id = ?`, `DELETE FROM sentences WHERE doc_id = ?`} {
			if _, err := s.exec(ctx, tx, q, id); err != nil {
				return res, err
			}
		}
		// an outlet no other document of it reports an event leaves it
		still, err := s.outletTells(ctx, tx, out, oldIDs)
		if err != nil {
			return res, err
		}
		for _, eid := range oldIDs {
			if !still[eid] {
				touched[eid].sources--
			}
		}
		if err := s.writeCoding(ctx, tx, d, out, touched, sm); err != nil {
			return res, fmt.Errorf("recode document %s: %w", id, err)
		}
		// two events of one key told by the same sentence ("cut ties ...
		// and suspended flights": two acts, one code) are one event with
		// one report in the store: count each sentence of a key once
		told := map[string]map[int]bool{}
		for _, e := range d.Events {
			k := e.Source + "|" + e.Target + "|" + e.Code + "|" + string(e.Mode) + "|" + e.EventDate
			if told[k] == nil {
				told[k] = map[int]bool{}
			}
			sents := e.EvidenceSentences
			if len(sents) == 0 {
				sents = []int{e.SentenceIndex}
			}
			n := 0
			for _, si := range sents {
				if !told[k][si] {
					told[k][si] = true
					n++
				}
			}
			if n == 0 {
				continue
			}
			res.After += n
			if old[k] > 0 {
				old[k] -= n
				if old[k] <= 0 {
					delete(old, k)
				}
			} else {
				res.Added++
			}
		}
		res.Removed += len(old)
		res.Documents++
	}
	if err := s.recount(ctx, tx, touched, sm, nil); err != nil {
		return res, err
	}
	if err := sm.apply(ctx, s, tx); err != nil {
		return res, err
	}
	return res, tx.Commit()
}

// Stats counts what is stored.
type Stats struct {
	Documents, Sentences, Mentions, Events, Evidence int
}

// Stats returns row counts.
func (s *DB) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences), (SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM evidence)`).Scan(&st.Documents, &st.Sentences, &st.Mentions, &st.Events, &st.Evidence)
	return st, err
}

// lock serialises writers that may merge into the same event: in
// PostgreSQL, where several workers write at once, it takes a transaction
// lock per document and per (source, target, code[, date]) of an event.
// Every writer takes document locks before event locks, each kind in
// sorted order, so two writers cannot deadlock (Replace takes its event
// locks in a second call, once it knows the events its documents report).
// SQLite has one writer at a time already (its write transactions begin
// IMMEDIATE).
func (s *DB) lock(ctx context.Context, tx *wtx, docs, events map[string]bool) error {
	if s.d.name != "postgres" {
		return nil
	}
	sorted := func(keys map[string]bool) []string {
		out := make([]string, 0, len(keys))
		for k := range keys {
			out = append(out, scrub([]any{k})[0].(string)) // an array is not scrubbed
		}
		sort.Strings(out)
		return out
	}
	all := append(sorted(docs), sorted(events)...)
	if len(all) == 0 {
		return nil
	}
	// one statement takes them all, in the array's order
	_, err := s.exec(ctx, tx, `SELECT COUNT(pg_advisory_xact_lock(hashtext(k))) FROM unnest(?::text[]) WITH ORDINALITY AS x(k, i)`, all)
	return err
}

// docKeys are the lock keys of documents.
func docKeys(docs []*annals.CodedDocument) map[string]bool {
	keys := map[string]bool{}
	for _, d := range docs {
		keys["doc|"+d.Article.ID] = true
	}
	return keys
}

// eventKeys are the lock keys of the events the documents' codings may
// merge into.
func (s *DB) eventKeys(docs []*annals.CodedDocument) map[string]bool {
	keys := map[string]bool{}
	for _, d := range docs {
		for _, e := range d.Events {
			keys[s.eventKey(e.Source, e.Target, e.Code, e.EventDate)] = true
		}
	}
	return keys
}

func (s *DB) eventKey(source, target, code, date string) string {
	k := source + "|" + target + "|" + code
	if s.Dedup.WindowDays == 0 {
		k += "|" + date // only same-day events can merge
	}
	return k
}

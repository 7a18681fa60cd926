package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/annals-events/annals"
)

const eventCols = `e.id, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein, e.plover, e.mode, e.event_date, e.date_precision, e.date_source,
	e.loc_name, e.country, e.adm1, e.lat, e.lon, e.loc_precision, e.confidence, e.rule, e.source_text, e.target_text,
	e.num_mentions, e.num_sources, e.num_articles`

func scanEvent(rows interface{ Scan(...any) error }) (annals.StoredEvent, error) {
	var e annals.StoredEvent
	var ln, country, adm1, lp sql.NullString
	var lat, lon sql.NullFloat64
	var mode string
	err := rows.Scan(&e.ID, &e.Source, &e.Target, &e.Code, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &mode, &e.EventDate, &e.DatePrecision, &e.DateSource,
		&ln, &country, &adm1, &lat, &lon, &lp, &e.Confidence, &e.Rule, &e.SourceText, &e.TargetText, &e.NumMentions, &e.NumSources, &e.NumArticles)
	e.Mode = annals.Mode(mode)
	e.EventID = fmt.Sprint(e.ID)
	e.Mentions = e.NumMentions
	if ln.Valid {
		e.Location = &annals.Location{Name: ln.String, Country: country.String, ADM1: adm1.String, Lat: lat.Float64, Lon: lon.Float64, Precision: lp.String}
	}
	return e, err
}

// Events returns events matching f in id order, with all their evidence
// when withEvidence is set. f.Limit defaults to 100; f.After is the cursor.
func (s *DB) Events(ctx context.Context, f annals.EventFilter, withEvidence bool) ([]annals.StoredEvent, error) {
	n := 0
	if withEvidence {
		n = -1
	}
	return s.EventList(ctx, f, n)
}

// EventList is Events with at most evidence rows of evidence per event (-1:
// all, 0: none); EvidenceCount says how many there are.
func (s *DB) EventList(ctx context.Context, f annals.EventFilter, evidence int) ([]annals.StoredEvent, error) {
	p, err := s.planPage(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	q, args := s.eventsQuery(f, p)
	rows, err := s.query(ctx, nil, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	var out []annals.StoredEvent
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if evidence != 0 && len(out) > 0 {
		ids := make([]int64, len(out))
		for i := range out {
			ids[i] = out[i].ID
		}
		evs, totals, err := s.evidenceOf(ctx, ids, evidence)
		if err != nil {
			return nil, err
		}
		for i := range out {
			ev, total := evs[out[i].ID], totals[out[i].ID]
			out[i].Evidence, out[i].EvidenceCount = ev, total
			if len(ev) > 0 {
				out[i].DocID, out[i].SentenceIndex, out[i].Sentence = ev[0].DocID, ev[0].SentenceIndex, ev[0].Sentence
				out[i].SourceSpan, out[i].TargetSpan, out[i].TriggerSpan = ev[0].SourceSpan, ev[0].TargetSpan, ev[0].TriggerSpan
			}
		}
	}
	return out, nil
}

// idWindow is a range of event ids, both ends included.
type idWindow struct{ lo, hi int64 }

// dateWindow is, for a page in id order with a date range (in SQLite),
// the ids between the least and the greatest of the events of its days
// (event_days, migration 0010): every event of the range is among them,
// and as events are stored mostly in the order of their dates, the first
// page of a month is found in the first rows of its window rather than
// after reading and sorting all the month's events. nil when f has no
// date range or another order.
func (s *DB) dateWindow(ctx context.Context, f annals.EventFilter) (*idWindow, error) {
	if s.d.name != "sqlite" || f.Sort != "" || (f.From == "" && f.To == "") {
		return nil, nil
	}
	var c []string
	var args []any
	if f.From != "" {
		c, args = append(c, `day >= ?`), append(args, f.From)
	}
	if f.To != "" {
		c, args = append(c, `day <= ?`), append(args, f.To)
	}
	var lo, hi sql.NullInt64
	if err := s.queryRow(ctx, nil, `SELECT MIN(min_id), MAX(max_id) FROM event_days WHERE `+strings.Join(c, ` AND `), args...).Scan(&lo, &hi); err != nil {
		return nil, err
	}
	if !lo.Valid { // no event in the range
		return &idWindow{1, 0}, nil
	}
	return &idWindow{lo.Int64, hi.Int64}, nil
}

// pagePlan is what a page of events is read with beyond its filter: the
// ids of its dates' window, and whether its text is dense.
type pagePlan struct {
	w         *idWindow
	denseText bool
}

func (s *DB) planPage(ctx context.Context, f annals.EventFilter) (pagePlan, error) {
	var p pagePlan
	var err error
	if p.w, err = s.dateWindow(ctx, f); err != nil {
		return p, err
	}
	p.denseText, err = s.textDense(ctx, f)
	return p, err
}

// noTextProbe reads every text search from its matches (for tests that
// compare the two).
var noTextProbe bool

// Dense text: at least textSample of the last textWindow events match.
const (
	textWindow = 100000
	textSample = 1000
)

// textDense says whether f's text matches so many events (at least one
// in a hundred of the latest) that a page in id order is found sooner by
// testing each event's full-text row than by reading every match (a word
// in a third of 5,000,000 events: 1.2 s), while a rarer word is read from
// its matches, fewer than the events a page would have to test.
func (s *DB) textDense(ctx context.Context, f annals.EventFilter) (bool, error) {
	if noTextProbe || s.d.ftsProbe == "" || f.Text == "" || f.Sort != "" || !hasWord(f.Text) || s.ftsFirst(f) {
		return false, nil
	}
	var top sql.NullInt64
	if err := s.queryRow(ctx, nil, s.d.ftsTop).Scan(&top); err != nil {
		if err == sql.ErrNoRows {
			return false, nil
		}
		return false, err
	}
	var n int
	_, v := s.d.fts(f.Text)
	err := s.queryRow(ctx, nil, s.d.ftsSample, v, top.Int64-textWindow, textSample).Scan(&n)
	// one in a hundred of the window (textSample is that of a full one)
	return n*100 >= min(int(top.Int64), textWindow), err
}

// ftsFirst says whether f's page is read from event_fts in id order
// (SQLite): a text filter with no other condition but modes, confidence
// and the cursor, in id order, whose words are ones to search for.
func (s *DB) ftsFirst(f annals.EventFilter) bool {
	if noTextProbe || s.d.name != "sqlite" || f.Text == "" || f.Actor != "" || !hasWord(f.Text) {
		return false
	}
	f.Text = ""
	return actorOnly(f)
}

// hasWord says whether a text filter has a letter or a digit to search for.
func hasWord(q string) bool {
	return strings.IndexFunc(q, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// pageWhere is the condition of a page of f read with p.
func (s *DB) pageWhere(f annals.EventFilter, p pagePlan) (string, []any) {
	cond, args := s.whereText(f, p.denseText)
	if w := p.w; w != nil {
		cond += ` AND e.id >= ? AND e.id <= ?`
		args = append(args, w.lo, w.hi)
	}
	return cond, args
}

// eventsQuery is the query of a page of events, read with p. An actor, as source or
// target, is two disjoint index reads in id order merged (UNION ALL with
// ORDER BY: SQLite's merge of co-routines, PostgreSQL's Merge Append), so
// the first page of a dense actor stops after a page, as a rare one does.
func (s *DB) eventsQuery(f annals.EventFilter, p pagePlan) (string, []any) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	ord, pos := orderBy(f)
	if s.ftsFirst(f) {
		// the page read from event_fts in rowid (event id) order, each
		// match looked up by its id, stopping at a page: no list of
		// every match, nor a test of each event
		g := f
		g.Text = ""
		cond, args := s.pageWhere(g, p)
		cur := ``
		if f.After > 0 {
			cur = ` AND f.rowid > ?`
		}
		q := `SELECT ` + eventCols + ` FROM event_fts f CROSS JOIN events e WHERE event_fts MATCH ?` + cur + ` AND e.id = f.rowid AND ` + cond + ` ORDER BY f.rowid LIMIT ?`
		a := []any{ftsQuery(f.Text)}
		if f.After > 0 {
			a = append(a, f.After)
		}
		return q, append(append(a, args...), limit)
	}
	if f.Actor == "" {
		cond, args := s.pageWhere(f, p)
		return `SELECT ` + eventCols + ` FROM events e WHERE ` + cond + ` ORDER BY ` + ord + ` LIMIT ?`, append(args, limit)
	}
	actor := f.Actor
	f.Actor = ""
	cond, args := s.pageWhere(f, p)
	cs, as := s.prefixCond("e.source", actor)
	ct, at := s.prefixCond("e.target", actor)
	a := append(append([]any{}, args...), as...)
	if s.d.name == "postgres" {
		// PostgreSQL sorts a UNION ALL whole: each arm takes its first
		// page (a merge of index scans over the partitions) and the two
		// pages are sorted
		q := `SELECT * FROM (SELECT ` + eventCols + ` FROM events e WHERE ` + cond + ` AND ` + cs + ` ORDER BY ` + ord + ` LIMIT ?) AS a
		UNION ALL
		SELECT * FROM (SELECT ` + eventCols + ` FROM events e WHERE ` + cond + ` AND ` + ct + ` AND NOT (` + cs + `) ORDER BY ` + ord + ` LIMIT ?) AS b
		ORDER BY ` + pos + ` LIMIT ?`
		a = append(a, limit)
		a = append(append(append(append(a, args...), at...), as...), limit)
		return q, append(a, limit)
	}
	// an actor alone (in id order) reads its two country-prefix indexes:
	// at millions of events SQLite's statistics favour a skip-scan of
	// events_dyad for the target arm, which reads and sorts every event
	// with that target (0.24 s for USA at 5M events instead of 2 ms)
	src, tgt := `events e`, `events e`
	// so does an actor within a date window, whose indexes read in id
	// order from the window's start (the skip-scan reads the target's
	// events of the dates and sorts them: 0.4 s at 5M events)
	if _, ok := country(strings.ToUpper(actor)); ok && (actorOnly(f) || p.w != nil) {
		src, tgt = `events e INDEXED BY events_src3`, `events e INDEXED BY events_tgt3`
	}
	q := `SELECT ` + eventCols + ` FROM ` + src + ` WHERE ` + cond + ` AND ` + cs + `
		UNION ALL
		SELECT ` + eventCols + ` FROM ` + tgt + ` WHERE ` + cond + ` AND ` + ct + ` AND NOT (` + cs + `)
		ORDER BY ` + pos + ` LIMIT ?`
	a = append(append(append(a, args...), at...), as...)
	return q, append(a, limit)
}

// Each streams every event matching f (no limit) to fn, for exports.
func (s *DB) Each(ctx context.Context, f annals.EventFilter, fn func(annals.StoredEvent) error) error {
	f.Limit = 5000
	for {
		evs, err := s.EventList(ctx, f, 1) // exports show the first report
		if err != nil {
			return err
		}
		for _, e := range evs {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(evs) < f.Limit {
			return nil
		}
		f.After = evs[len(evs)-1].ID
	}
}

// evidenceOf is evidence for the events of a page: at most limit rows
// each (-1: all), and how many each has. The events with at most
// evidenceInGo times limit rows have all of them read, in one query, and
// cut here (window functions cost SQLite ten times that query); the
// others, if any, are numbered in the database (ROW_NUMBER), in a second
// query, so that only their first limit rows leave it.
func (s *DB) evidenceOf(ctx context.Context, ids []int64, limit int) (map[int64][]annals.Evidence, map[int64]int, error) {
	cols := `v.doc_id, v.sentence_index, s.text, v.source_text, v.target_text,
		v.source_start, v.source_end, v.target_start, v.target_end, v.trigger_start, v.trigger_end, v.rule, v.confidence, v.mode, d.url, d.published, s.start_off
		FROM evidence v JOIN documents d ON d.id = v.doc_id JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index`
	out := map[int64][]annals.Evidence{}
	totals := map[int64]int{}
	read := func(q string, args []any) error {
		rows, err := s.query(ctx, nil, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e annals.Evidence
			var mode string
			var id int64
			var total int
			if err := rows.Scan(&id, &total, &e.DocID, &e.SentenceIndex, &e.Sentence, &e.SourceText, &e.TargetText, &e.SourceSpan.Start, &e.SourceSpan.End,
				&e.TargetSpan.Start, &e.TargetSpan.End, &e.TriggerSpan.Start, &e.TriggerSpan.End, &e.Rule, &e.Confidence, &mode, &e.URL, &e.Published, &e.SentenceStart); err != nil {
				return err
			}
			totals[id] = total
			if limit > 0 && len(out[id]) >= limit {
				continue
			}
			e.Mode = annals.Mode(mode)
			out[id] = append(out[id], e)
		}
		return rows.Err()
	}
	args := make([]any, 0, len(ids)+1)
	for _, id := range ids {
		args = append(args, id)
	}
	// how many rows the event has, from the evidence's primary key
	total := `(SELECT COUNT(*) FROM evidence c WHERE c.event_id = v.event_id)`
	q := `SELECT v.event_id, ` + total + `, ` + cols + ` WHERE v.event_id IN (` + placeholders(len(ids)) + `)`
	if limit > 0 {
		q += ` AND ` + total + ` <= ?`
		args = append(args, evidenceInGo*limit)
	}
	if err := read(q+` ORDER BY v.event_id, d.published, v.doc_id, v.sentence_index`, args); err != nil {
		return nil, nil, err
	}
	if limit <= 0 {
		return out, totals, nil
	}
	var rest []any
	for _, id := range ids {
		if _, ok := totals[id]; !ok {
			rest = append(rest, id)
		}
	}
	if len(rest) == 0 {
		return out, totals, nil
	}
	q = `SELECT event_id, total, doc_id, sentence_index, text, source_text, target_text, source_start, source_end, target_start, target_end,
		trigger_start, trigger_end, rule, confidence, mode, url, published, start_off FROM (SELECT v.event_id, COUNT(*) OVER (PARTITION BY v.event_id) AS total,
		ROW_NUMBER() OVER (PARTITION BY v.event_id ORDER BY d.published, v.doc_id, v.sentence_index) AS rn, ` + cols + `
		WHERE v.event_id IN (` + placeholders(len(rest)) + `)) AS x WHERE rn <= ? ORDER BY event_id, rn`
	if err := read(q, append(rest, limit)); err != nil {
		return nil, nil, err
	}
	return out, totals, nil
}

// evidenceInGo: when no event of a page has more than this many times
// the rows asked for each, evidenceOf reads all their rows and keeps the
// first of each itself; otherwise the database numbers them (ROW_NUMBER)
// and sends only those.
const evidenceInGo = 4

// evidence returns the sentences behind an event; spans are relative to
// the document text, SentenceStart lets callers make them sentence-relative.
func (s *DB) evidence(ctx context.Context, id int64, limit int) ([]annals.Evidence, int, error) {
	lim := ""
	if limit > 0 {
		lim = " LIMIT " + strconv.Itoa(limit)
	}
	rows, err := s.query(ctx, nil, `SELECT COUNT(*) OVER (), v.doc_id, v.sentence_index, s.text, v.source_text, v.target_text,
		v.source_start, v.source_end, v.target_start, v.target_end, v.trigger_start, v.trigger_end, v.rule, v.confidence, v.mode, d.url, d.published, s.start_off
		FROM evidence v JOIN documents d ON d.id = v.doc_id JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index
		WHERE v.event_id = ? ORDER BY d.published, v.doc_id, v.sentence_index`+lim, id)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []annals.Evidence
	total := 0
	for rows.Next() {
		var e annals.Evidence
		var mode string
		if err := rows.Scan(&total, &e.DocID, &e.SentenceIndex, &e.Sentence, &e.SourceText, &e.TargetText, &e.SourceSpan.Start, &e.SourceSpan.End,
			&e.TargetSpan.Start, &e.TargetSpan.End, &e.TriggerSpan.Start, &e.TriggerSpan.End, &e.Rule, &e.Confidence, &mode, &e.URL, &e.Published, &e.SentenceStart); err != nil {
			return nil, 0, err
		}
		e.Mode = annals.Mode(mode)
		out = append(out, e)
	}
	return out, total, rows.Err()
}

// Event returns one event with its evidence.
func (s *DB) Event(ctx context.Context, id int64) (annals.StoredEvent, error) {
	row := s.queryRow(ctx, nil, `SELECT `+eventCols+` FROM events e WHERE e.id = ?`, id)
	e, err := scanEvent(row)
	if err == sql.ErrNoRows {
		return e, ErrNotFound
	}
	if err != nil {
		return e, err
	}
	e.Evidence, e.EvidenceCount, err = s.evidence(ctx, id, -1)
	return e, err
}

// Document is a stored article with its mentions and the evidence of its
// events.
type Document struct {
	Article   annals.Article       `json:"article"`
	Sentences []annals.Span        `json:"sentences"`
	Mentions  []annals.Mention     `json:"mentions"`
	Events    []annals.StoredEvent `json:"events"`
}

// Document returns a stored document.
func (s *DB) Document(ctx context.Context, id string) (*Document, error) {
	d := &Document{}
	var pub string
	err := s.queryRow(ctx, nil, `SELECT id, url, title, source, published, text FROM documents WHERE id = ?`, id).
		Scan(&d.Article.ID, &d.Article.URL, &d.Article.Title, &d.Article.Source, &pub, &d.Article.Text)
	if err == sql.ErrNoRows {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if pub != "" {
		d.Article.Published, _ = time.Parse("2006-01-02", pub)
	}
	rows, err := s.query(ctx, nil, `SELECT start_off, end_off FROM sentences WHERE doc_id = ? ORDER BY idx`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var sp annals.Span
		rows.Scan(&sp.Start, &sp.End)
		d.Sentences = append(d.Sentences, sp)
	}
	rows.Close()
	rows, err = s.query(ctx, nil, `SELECT sentence, start_off, end_off, text, code, entry, ref FROM mentions WHERE doc_id = ? ORDER BY start_off`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var m annals.Mention
		rows.Scan(&m.Sentence, &m.Start, &m.End, &m.Text, &m.Code, &m.Entry, &m.Ref)
		d.Mentions = append(d.Mentions, m)
	}
	rows.Close()
	d.Events, err = s.Events(ctx, annals.EventFilter{DocID: id, Limit: 1000, Modes: []annals.Mode{annals.Asserted, annals.Intended, annals.Reported, annals.Negated, annals.Hypothetical}}, true)
	return d, err
}

// actorOnly says whether f (its actor taken out) has no condition but
// modes, confidence and the cursor, in id order.
func actorOnly(f annals.EventFilter) bool {
	return f.Source == "" && f.Target == "" && f.DyadA == "" && f.DyadB == "" && f.From == "" && f.To == "" &&
		f.Root == "" && f.Code == "" && f.QuadClass == 0 && f.Place == "" && f.Country == "" && f.Text == "" &&
		f.DocID == "" && f.At == nil && f.Sort == "" && f.AfterDate == ""
}

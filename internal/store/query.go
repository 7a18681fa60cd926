package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/annals-events/annals"
)

// where builds the SQL condition of a filter over events e. Each filter
// is written so that an index serves it (see migrations 0002): actor
// prefixes as equality on the country prefix and byte ranges, places
// through the table of place names.
func (s *DB) where(f annals.EventFilter) (string, []any) {
	var c []string
	var args []any
	add := func(cond string, a ...any) {
		c = append(c, cond)
		args = append(args, a...)
	}
	addc := func(cond string, a []any) { add(cond, a...) }
	if f.Actor != "" {
		cs, as := s.prefixCond("e.source", f.Actor)
		ct, at := s.prefixCond("e.target", f.Actor)
		add(`(`+cs+` OR `+ct+`)`, append(as, at...)...)
	}
	if f.Source != "" {
		addc(s.prefixCond("e.source", f.Source))
	}
	if f.Target != "" {
		addc(s.prefixCond("e.target", f.Target))
	}
	if f.DyadA != "" && f.DyadB != "" {
		a, b := strings.ToUpper(f.DyadA), strings.ToUpper(f.DyadB)
		a3, aok := country(a)
		b3, bok := country(b)
		if aok && bok {
			// the unordered pair of country prefixes, on events_pair
			lo, hi := min(a3, b3), max(a3, b3)
			s3, t3 := `substr(e.source, 1, 3)`, `substr(e.target, 1, 3)`
			add(s.d.lo+`(`+s3+`, `+t3+`) = ? AND `+s.d.hi+`(`+s3+`, `+t3+`) = ?`, lo, hi)
		}
		if !aok || !bok || len(a) > 3 || len(b) > 3 {
			sa, xa := s.prefixCond("e.source", a)
			tb, xb := s.prefixCond("e.target", b)
			sb, yb := s.prefixCond("e.source", b)
			ta, ya := s.prefixCond("e.target", a)
			add(`((`+sa+` AND `+tb+`) OR (`+sb+` AND `+ta+`))`, append(append(append(xa, xb...), yb...), ya...)...)
		}
	}
	if f.From != "" {
		add(`e.event_date >= ?`, f.From)
	}
	if f.To != "" {
		add(`e.event_date <= ?`, f.To)
	}
	if f.Root != "" {
		add(`e.root = ?`, f.Root)
	}
	if f.Code != "" {
		// a CAMEO code's root is its first two digits: the root's index
		// reads a dense code in id order
		if len(f.Code) >= 2 {
			add(`e.root = ?`, f.Code[:2])
			addc(s.rangeCond("e.code", f.Code))
		} else {
			addc(s.rangeCondWith("e.code", f.Code, s.d.unlikely))
		}
	}
	if f.QuadClass != 0 {
		add(`e.quad_class = ?`, f.QuadClass)
	}
	if f.Place != "" {
		// on the small table of place names, then events_place
		if p, ok := strings.CutSuffix(f.Place, "*"); ok {
			add(s.d.unlikely(`e.loc_name IN (SELECT name FROM places WHERE name `+s.d.ilike+` ? ESCAPE '\')`), likePrefix(p))
		} else {
			add(s.d.unlikely(`e.loc_name IN (SELECT name FROM places WHERE name `+s.d.ilike+` ? ESCAPE '\' OR name `+s.d.ilike+` ? ESCAPE '\')`),
				likeEscape(f.Place), likeEscape(f.Place)+" %")
		}
	}
	if f.At != nil {
		// on events_at (migration 0007): a place is a small part of the
		// events, read from its index rather than in id order hoping to
		// meet it soon
		add(s.d.unlikely(`e.lat = ?`)+` AND e.lon = ?`, f.At.Lat, f.At.Lon)
	}
	if f.Country != "" {
		add(`e.country = ?`, strings.ToUpper(f.Country))
	}
	if f.MinConfidence > 0 {
		// most events pass: a condition on the rows the other filters read
		add(s.d.noIndex(`e.confidence`)+` >= ?`, f.MinConfidence)
	}
	if f.Text != "" {
		if strings.IndexFunc(f.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			add(`1 = ?`, 0) // no word to search for ("*", a quote): nothing matches
		} else {
			cond, v := s.d.fts(f.Text)
			add(cond, v)
		}
	}
	if f.DocID != "" {
		// every event the document reports, whether or not its evidence
		// is among the rows the event keeps
		add(`e.id IN (SELECT event_id FROM event_docs WHERE doc_id = ?)`, f.DocID)
	}
	modes := f.Modes
	if len(modes) == 0 {
		modes = defaultModes
	}
	ph := make([]string, len(modes))
	col := "e.mode"
	for i, m := range modes {
		ph[i] = "?"
		args = append(args, string(m))
		if m == annals.Asserted {
			col = s.d.noIndex(col) // most events: an index would only slow it
		}
	}
	c = append(c, col+` IN (`+strings.Join(ph, ",")+`)`)
	switch {
	case f.Sort == "date" && f.After > 0:
		add(`(e.event_date > ? OR e.event_date = ? AND e.id > ?)`, f.AfterDate, f.AfterDate, f.After)
	case f.Sort == "-date" && f.After > 0:
		add(`(e.event_date < ? OR e.event_date = ? AND e.id < ?)`, f.AfterDate, f.AfterDate, f.After)
	case f.After > 0:
		add(`e.id > ?`, f.After)
	}
	return strings.Join(c, " AND "), args
}

// orderBy is the ORDER BY of a page of events in f's order, by column
// names (e) or, over a UNION, by the positions of eventCols (pos).
func orderBy(f annals.EventFilter) (e, pos string) {
	switch f.Sort {
	case "date":
		return "e.event_date, e.id", "10, 1"
	case "-date":
		return "e.event_date DESC, e.id DESC", "10 DESC, 1 DESC"
	}
	return "e.id", "1"
}

var defaultModes = []annals.Mode{annals.Asserted, annals.Intended, annals.Reported}

// country is the country prefix of an actor code, when it has one made
// of three ASCII bytes (so that bytes and characters agree).
func country(code string) (string, bool) {
	if len(code) < 3 {
		return "", false
	}
	for i := 0; i < 3; i++ {
		if code[i] >= 0x80 {
			return "", false
		}
	}
	return code[:3], true
}

// prefixCond is an indexed condition for "the actor code in col starts
// with p" (case-insensitively: codes are upper case): equality on the
// country prefix when p has one, and a byte range for the rest.
func (s *DB) prefixCond(col, p string) (string, []any) {
	p = strings.ToUpper(p)
	p3, ok := country(p)
	if !ok {
		return s.rangeCondWith(col, p, s.d.unlikely)
	}
	cond := `substr(` + col + `, 1, 3) = ?`
	if len(p) == 3 {
		return cond, []any{p3}
	}
	r, a := s.rangeCond(col, p)
	return cond + ` AND ` + r, append([]any{p3}, a...)
}

// rangeCond is "col starts with p" as a byte range, col >= p AND col <
// the next prefix, which a BINARY (SQLite) or "C" (PostgreSQL) index
// serves.
func (s *DB) rangeCond(col, p string) (string, []any) {
	return s.rangeCondWith(col, p, func(c string) string { return c })
}

// rangeCondWith is rangeCond with each comparison wrapped.
func (s *DB) rangeCondWith(col, p string, wrap func(string) string) (string, []any) {
	b := s.d.bin(col)
	hi, ok := nextPrefix(p)
	if !ok {
		return wrap(b + ` >= ?`), []any{p}
	}
	return `(` + wrap(b+` >= ?`) + ` AND ` + wrap(b+` < ?`) + `)`, []any{p, hi}
}

// nextPrefix is the least string greater than every string starting
// with p, in code point (UTF-8 byte) order; false when there is none.
func nextPrefix(p string) (string, bool) {
	r := []rune(p)
	for len(r) > 0 {
		last := r[len(r)-1]
		if last < utf8.MaxRune {
			last++
			if last == 0xD800 { // surrogates are not characters
				last = 0xE000
			}
			r[len(r)-1] = last
			return string(r), true
		}
		r = r[:len(r)-1]
	}
	return "", false
}

// likePrefix is a LIKE pattern matching values that start with s: the
// wildcards % and _ in s (and the escape character) match only themselves.
func likePrefix(s string) string { return likeEscape(s) + "%" }

// likeEscape is a LIKE pattern matching s alone.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// ftsQuery quotes each word so user text cannot break FTS5 syntax, and
// drops the words PostgreSQL's english configuration ignores, so that both
// stores find the same sentences ("attack on the base" needs no "on" or
// "the"). A query of stopwords alone keeps its words. An apostrophe ends
// a word, as PostgreSQL's parser reads it: "Pakistan's" is "Pakistan" and
// the stop word "s", so it finds "Pakistan" as PostgreSQL does, not only
// the phrase "Pakistan's".
func ftsQuery(s string) string {
	var parts, all []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		q := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		all = append(all, q)
		if !englishStop[strings.ToLower(w)] {
			parts = append(parts, q)
		}
	}
	if len(parts) == 0 {
		parts = all
	}
	return strings.Join(parts, " ")
}

// englishStop is PostgreSQL's english stop-word list (the Snowball list
// its english text search configuration uses).
var englishStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
		she her hers herself it its itself they them their theirs themselves what which who whom this that these those
		am is are was were be been being have has had having do does did doing a an the and but if or because as until
		while of at by for with about against between into through during before after above below to from up down in
		out on off over under again further then once here there when where why how all any both each few more most
		other some such no nor not only own same so than too very s t can will just don should now`) {
		m[w] = true
	}
	return m
}()

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
	q, args := s.eventsQuery(f)
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

// eventsQuery is the query of a page of events. An actor, as source or
// target, is two disjoint index reads in id order merged (UNION ALL with
// ORDER BY: SQLite's merge of co-routines, PostgreSQL's Merge Append), so
// the first page of a dense actor stops after a page, as a rare one does.
func (s *DB) eventsQuery(f annals.EventFilter) (string, []any) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	ord, pos := orderBy(f)
	if f.Actor == "" {
		cond, args := s.where(f)
		return `SELECT ` + eventCols + ` FROM events e WHERE ` + cond + ` ORDER BY ` + ord + ` LIMIT ?`, append(args, limit)
	}
	actor := f.Actor
	f.Actor = ""
	cond, args := s.where(f)
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
	if _, ok := country(strings.ToUpper(actor)); ok && actorOnly(f) {
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

// evidenceOf is evidence for the events of a page, in one query: at
// most limit rows each (-1: all), and how many each has.
func (s *DB) evidenceOf(ctx context.Context, ids []int64, limit int) (map[int64][]annals.Evidence, map[int64]int, error) {
	args := make([]any, 0, len(ids)+1)
	for _, id := range ids {
		args = append(args, id)
	}
	lim := ""
	if limit > 0 {
		lim = ` WHERE rn <= ?`
		args = append(args, limit)
	}
	rows, err := s.query(ctx, nil, `SELECT * FROM (SELECT v.event_id, COUNT(*) OVER (PARTITION BY v.event_id) AS total,
		ROW_NUMBER() OVER (PARTITION BY v.event_id ORDER BY d.published, v.doc_id, v.sentence_index) AS rn,
		v.doc_id, v.sentence_index, s.text, v.source_text, v.target_text,
		v.source_start, v.source_end, v.target_start, v.target_end, v.trigger_start, v.trigger_end, v.rule, v.confidence, v.mode, d.url, d.published, s.start_off
		FROM evidence v JOIN documents d ON d.id = v.doc_id JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index
		WHERE v.event_id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`)) AS x`+lim+` ORDER BY event_id, rn`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out := map[int64][]annals.Evidence{}
	totals := map[int64]int{}
	for rows.Next() {
		var e annals.Evidence
		var mode string
		var id int64
		var total, rn int
		if err := rows.Scan(&id, &total, &rn, &e.DocID, &e.SentenceIndex, &e.Sentence, &e.SourceText, &e.TargetText, &e.SourceSpan.Start, &e.SourceSpan.End,
			&e.TargetSpan.Start, &e.TargetSpan.End, &e.TriggerSpan.Start, &e.TriggerSpan.End, &e.Rule, &e.Confidence, &mode, &e.URL, &e.Published, &e.SentenceStart); err != nil {
			return nil, nil, err
		}
		e.Mode = annals.Mode(mode)
		out[id] = append(out[id], e)
		totals[id] = total
	}
	return out, totals, rows.Err()
}

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

// Interval of a timeline bucket.
type Interval string

// Intervals.
const (
	IntervalDay   Interval = "day"
	IntervalWeek  Interval = "week"
	IntervalMonth Interval = "month"
)

func bucketOf(date string, iv Interval) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	switch iv {
	case IntervalWeek:
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // weeks start on Monday
	case IntervalMonth:
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format("2006-01-02")
}

// Timeline returns the events between two actors (either direction, by
// country code prefix) per day, week or month: counts per quad class and
// the mean Goldstein score. The events of a bucket are the dyad's events
// from its Start to its End (EventList, paginated). Country pairs with no
// filter but dates, quad class and modes read the summary sum_dyad_days;
// any other filter reads the dyad index of the events.
func (s *DB) Timeline(ctx context.Context, a, b string, iv Interval, f annals.EventFilter) ([]annals.Bucket, error) {
	if iv != IntervalDay && iv != IntervalWeek && iv != IntervalMonth {
		return nil, fmt.Errorf("interval %q: want day, week or month", iv)
	}
	a, b = strings.ToUpper(a), strings.ToUpper(b)
	f.After = 0
	var q string
	var args []any
	if _, aok := country(a); aok && len(a) == 3 && len(b) == 3 && summarised(f) {
		if _, bok := country(b); bok {
			q, args = s.timelineSummary(a, b, iv, f)
			if iv == IntervalMonth {
				// whole months from sum_dyad_months
				rows, rargs, ok := dyadRows(f, `((src3 = ? AND tgt3 = ?) OR (src3 = ? AND tgt3 = ?))`, []any{a, b, b, a}, true)
				if ok {
					q, args = `SELECT m || '-01' AS b, quad_class, SUM(events), SUM(goldstein100) FROM (`+rows+`) AS x
						GROUP BY m, quad_class ORDER BY 1`, rargs
				}
			}
		}
	}
	if q == "" {
		q, args = s.timelineEvents(a, b, iv, f)
	}
	rows, err := s.query(ctx, nil, q, args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []annals.Bucket
	var g100 []int64
	idx := map[string]int{}
	for rows.Next() {
		var k string
		var q, n int
		var g int64
		if err := rows.Scan(&k, &q, &n, &g); err != nil {
			return nil, err
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, annals.Bucket{Start: k})
			g100 = append(g100, 0)
		}
		bk := &out[i]
		if q >= 1 && q <= 4 {
			bk.Quad[q] += n
		}
		g100[i] += g
		bk.Events += n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Goldstein = round2(float64(g100[i]) / 100 / float64(out[i].Events))
	}
	if len(out) > 1 {
		if n := bucketCount(out[0].Start, out[len(out)-1].Start, iv); n > MaxBuckets {
			return nil, &TooManyBuckets{N: n, Interval: iv}
		}
	}
	out = fillGaps(out, iv)
	for i := range out {
		out[i].End = bucketEnd(out[i].Start, iv)
	}
	return out, nil
}

// noSummaries makes every aggregate read the events (for tests that
// compare the two).
var noSummaries bool

// summarised reports whether the summaries key every filter f sets:
// dates, quad class and modes.
func summarised(f annals.EventFilter) bool {
	return !noSummaries && f.Actor == "" && f.Source == "" && f.Target == "" && f.DyadA == "" && f.DyadB == "" && f.Root == "" && f.Code == "" &&
		f.Place == "" && f.At == nil && f.Country == "" && f.Text == "" && f.DocID == "" && f.MinConfidence == 0
}

// datesParse reports whether f's dates are YYYY-MM-DD, as the month
// summaries need.
func datesParse(f annals.EventFilter) bool {
	_, _, _, _, ok := monthSplit(f.From, f.To)
	return ok
}

// summaryWhere is the condition of f's dates, quad class and modes over
// sum_dyad_days.
func summaryWhere(f annals.EventFilter) (string, []any) {
	c := []string{"events != 0"}
	var args []any
	if f.From != "" {
		c = append(c, "day >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		c = append(c, "day <= ?")
		args = append(args, f.To)
	}
	if f.QuadClass != 0 {
		c = append(c, "quad_class = ?")
		args = append(args, f.QuadClass)
	}
	m, margs := modesIn(f)
	return strings.Join(append(c, m), " AND "), append(args, margs...)
}

func modesIn(f annals.EventFilter) (string, []any) {
	modes := f.Modes
	if len(modes) == 0 {
		modes = defaultModes
	}
	var args []any
	for _, m := range modes {
		args = append(args, string(m))
	}
	return `mode IN (` + strings.TrimSuffix(strings.Repeat("?,", len(modes)), ",") + `)`, args
}

func (s *DB) timelineSummary(a, b string, iv Interval, f annals.EventFilter) (string, []any) {
	cond, args := summaryWhere(f)
	dir := `((src3 = ? AND tgt3 = ?) OR (src3 = ? AND tgt3 = ?))`
	bucket := strings.ReplaceAll(s.d.bucket[iv], "event_date", "day")
	q := `SELECT ` + bucket + ` AS b, quad_class, SUM(events), SUM(goldstein100) FROM sum_dyad_days
		WHERE ` + dir + ` AND day != '' AND ` + cond + ` GROUP BY ` + bucket + `, quad_class ORDER BY 1`
	return q, append([]any{a, b, b, a}, args...)
}

// timelineEvents is the timeline read from the events, on the dyad index:
// one index range per direction (source country, target country, date),
// then every other filter.
func (s *DB) timelineEvents(a, b string, iv Interval, f annals.EventFilter) (string, []any) {
	a3, b3 := strings.ToUpper(prefix3(a)), strings.ToUpper(prefix3(b))
	cond := `substr(e.source,1,3) = ? AND substr(e.target,1,3) = ? AND e.event_date != ''`
	fc, extra := s.where(f)
	dir := func(x, y, x3, y3 string) (string, []any) {
		c, args := cond, []any{x3, y3}
		if len(a) > 3 || len(b) > 3 {
			cx, ax := s.prefixCond("e.source", x)
			cy, ay := s.prefixCond("e.target", y)
			c += ` AND ` + cx + ` AND ` + cy
			args = append(append(args, ax...), ay...)
		}
		return c + ` AND ` + fc, append(args, extra...)
	}
	c1, args := dir(a, b, a3, b3)
	sel := `SELECT e.event_date, e.quad_class, ` + g100SQL(s.d) + ` AS g FROM events e ` + s.d.dyadHint + ` WHERE `
	inner := sel + c1
	if a != b {
		c2, args2 := dir(b, a, b3, a3)
		inner += ` UNION ALL ` + sel + c2
		args = append(args, args2...)
	}
	bucket := s.d.bucket[iv]
	q := `SELECT ` + bucket + ` AS b, quad_class, COUNT(*), SUM(g) FROM (` + inner + `) AS x GROUP BY ` + bucket + `, quad_class ORDER BY 1`
	return q, args
}

// g100SQL is an event's Goldstein score in hundredths, as the summaries
// hold it (migration 0003).
func g100SQL(d *dialect) string {
	if d.name == "postgres" {
		return `CAST(ROUND(e.goldstein::numeric * 100) AS BIGINT)`
	}
	return `CAST(ROUND(e.goldstein * 100) AS INTEGER)`
}

// bucketEnd is the last day of the bucket starting at start.
func bucketEnd(start string, iv Interval) string {
	t, err := time.Parse("2006-01-02", start)
	if err != nil {
		return start
	}
	switch iv {
	case IntervalWeek:
		t = t.AddDate(0, 0, 6)
	case IntervalMonth:
		t = t.AddDate(0, 1, -1)
	}
	return t.Format("2006-01-02")
}

// MaxBuckets caps a timeline's buckets, empty ones included.
const MaxBuckets = 20000

// TooManyBuckets is a timeline over the bucket cap; it is checked from
// the date range before any bucket is made.
type TooManyBuckets struct {
	N        int64
	Interval Interval
}

func (e *TooManyBuckets) Error() string {
	return fmt.Sprintf("the timeline would have %d %s buckets, over the cap of %d: narrow from and to, or use a longer interval", e.N, e.Interval, MaxBuckets)
}

// bucketCount is the number of buckets from the one starting at first to
// the one starting at last, both included.
func bucketCount(first, last string, iv Interval) int64 {
	a, err1 := time.Parse("2006-01-02", first)
	b, err2 := time.Parse("2006-01-02", last)
	if err1 != nil || err2 != nil || b.Before(a) {
		return 1
	}
	days := (b.Unix() - a.Unix()) / 86400 // not Sub: a Duration ends at 292 years
	switch iv {
	case IntervalMonth:
		return int64((b.Year()-a.Year())*12+int(b.Month())-int(a.Month())) + 1
	case IntervalWeek:
		return days/7 + 1
	}
	return days + 1
}

func round2(f float64) float64 { return float64(int64(f*100+0.5*sign(f))) / 100 }

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

func prefix3(s string) string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}

// ActorCount is an actor with its number of events.
type ActorCount struct {
	Code   string `json:"code"`
	Events int    `json:"events"`
}

// Actors returns actors (by code, or by country prefix when byCountry) by
// event count, as source or target, among events matching f. With no
// filter but modes it reads sum_actors; with dates, the month summaries
// (by code; by country when a quad class is set too); otherwise the
// events.
func (s *DB) Actors(ctx context.Context, f annals.EventFilter, byCountry bool, limit int) ([]ActorCount, error) {
	if limit <= 0 {
		limit = 100
	}
	col := "code"
	if byCountry {
		col = "substr(code, 1, 3)"
	}
	var q string
	var args []any
	switch {
	case summarised(f) && f.From == "" && f.To == "" && f.QuadClass == 0:
		m, margs := modesIn(f)
		q = `SELECT ` + col + ` AS c, SUM(events) AS n FROM sum_actors WHERE code != '' AND ` + m + `
			GROUP BY ` + col + ` HAVING SUM(events) > 0 ORDER BY 2 DESC, 1 LIMIT ?`
		args = append(margs, limit)
	case summarised(f) && f.QuadClass == 0 && datesParse(f):
		rows, rargs, _ := s.actorMonthRows(f)
		q = `SELECT ` + col + ` AS c, SUM(n) AS n FROM (` + rows + `) AS x WHERE code != '' GROUP BY ` + col + ` HAVING SUM(n) > 0 ORDER BY 2 DESC, 1 LIMIT ?`
		args = append(rargs, limit)
	case summarised(f) && byCountry && datesParse(f):
		rows, rargs, _ := dyadRows(f, "", nil, false)
		q = `SELECT code AS c, SUM(n) AS n FROM (SELECT src3 AS code, events AS n FROM (` + rows + `) AS r
			UNION ALL SELECT tgt3, events FROM (` + rows + `) AS r2) AS x
			WHERE code != '' GROUP BY code HAVING SUM(n) > 0 ORDER BY 2 DESC, 1 LIMIT ?`
		args = append(append(append([]any{}, rargs...), rargs...), limit)
	default:
		cond, cargs := s.where(f)
		q = `SELECT ` + col + ` AS c, COUNT(*) AS n FROM (SELECT e.source AS code FROM events e WHERE ` + cond + ` UNION ALL SELECT e.target FROM events e WHERE ` + cond + `) AS x
			WHERE code != '' GROUP BY ` + col + ` ORDER BY 2 DESC, 1 LIMIT ?`
		args = append(append(append([]any{}, cargs...), cargs...), limit)
	}
	rows, err := s.query(ctx, nil, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ActorCount
	for rows.Next() {
		var a ActorCount
		if err := rows.Scan(&a.Code, &a.Events); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Edge is a weighted link between two actors.
type Edge struct {
	Source      string  `json:"source"`
	Target      string  `json:"target"`
	Events      int     `json:"events"`
	Cooperation int     `json:"cooperation"` // quad classes 1-2
	Conflict    int     `json:"conflict"`    // quad classes 3-4
	Goldstein   float64 `json:"goldstein"`
}

// Network returns the actor graph among events matching f, by country
// prefix when byCountry, the strongest edges first. With no filter but
// modes it reads sum_pairs; by country with dates and quad class,
// sum_dyad_days; otherwise the events.
func (s *DB) Network(ctx context.Context, f annals.EventFilter, byCountry bool, limit int) ([]Edge, error) {
	if limit <= 0 {
		limit = 200
	}
	var q string
	var args []any
	switch {
	case summarised(f) && f.From == "" && f.To == "" && f.QuadClass == 0:
		table, sc, tc := "sum_pairs", "source", "target"
		if byCountry {
			table, sc, tc = "sum_dyads", "src3", "tgt3"
		}
		m, margs := modesIn(f)
		q = `SELECT ` + sc + ` AS a, ` + tc + ` AS b, SUM(events), SUM(cooperation), SUM(conflict), SUM(goldstein100)
			FROM ` + table + ` WHERE ` + m + ` AND ` + tc + ` != '' AND ` + sc + ` != '' AND substr(` + sc + `,1,3) != '---' AND substr(` + tc + `,1,3) != '---'
			AND ` + sc + ` != ` + tc + ` GROUP BY ` + sc + `, ` + tc + ` HAVING SUM(events) > 0 ORDER BY 3 DESC, 1, 2 LIMIT ?`
		args = append(margs, limit)
	case summarised(f) && byCountry && datesParse(f):
		rows, rargs, _ := dyadRows(f, "", nil, false)
		q = `SELECT src3, tgt3, SUM(events), SUM(CASE WHEN quad_class <= 2 THEN events ELSE 0 END), SUM(CASE WHEN quad_class >= 3 THEN events ELSE 0 END), SUM(goldstein100)
			FROM (` + rows + `) AS x WHERE src3 != '' AND tgt3 != '' AND src3 != '---' AND tgt3 != '---' AND src3 != tgt3
			GROUP BY src3, tgt3 HAVING SUM(events) > 0 ORDER BY 3 DESC, 1, 2 LIMIT ?`
		args = append(rargs, limit)
	default:
		cond, cargs := s.where(f)
		sc, tc := "e.source", "e.target"
		if byCountry {
			sc, tc = "substr(e.source,1,3)", "substr(e.target,1,3)"
		}
		q = `SELECT ` + sc + ` AS a, ` + tc + ` AS b, COUNT(*), SUM(CASE WHEN e.quad_class <= 2 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class >= 3 THEN 1 ELSE 0 END), SUM(` + g100SQL(s.d) + `)
		FROM events e WHERE ` + cond + ` AND e.target != '' AND e.source != '' AND substr(e.source,1,3) != '---' AND substr(e.target,1,3) != '---'
		AND ` + sc + ` != ` + tc + ` GROUP BY ` + sc + `, ` + tc + ` ORDER BY 3 DESC, 1, 2 LIMIT ?`
		args = append(cargs, limit)
	}
	rows, err := s.query(ctx, nil, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Edge
	for rows.Next() {
		var e Edge
		var g int64
		if err := rows.Scan(&e.Source, &e.Target, &e.Events, &e.Cooperation, &e.Conflict, &g); err != nil {
			return nil, err
		}
		e.Goldstein = round2(float64(g) / 100 / float64(e.Events))
		out = append(out, e)
	}
	return out, rows.Err()
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

// fillGaps adds empty buckets between the first and the last, so a
// timeline's x axis is time.
func fillGaps(bs []annals.Bucket, iv Interval) []annals.Bucket {
	if len(bs) < 2 {
		return bs
	}
	var out []annals.Bucket
	next := func(d time.Time) time.Time {
		switch iv {
		case IntervalWeek:
			return d.AddDate(0, 0, 7)
		case IntervalMonth:
			return d.AddDate(0, 1, 0)
		}
		return d.AddDate(0, 0, 1)
	}
	for i, b := range bs {
		out = append(out, b)
		if i+1 == len(bs) {
			continue
		}
		d, err1 := time.Parse("2006-01-02", b.Start)
		end, err2 := time.Parse("2006-01-02", bs[i+1].Start)
		if err1 != nil || err2 != nil {
			continue
		}
		for d = next(d); d.Before(end); d = next(d) {
			out = append(out, annals.Bucket{Start: d.Format("2006-01-02")})
		}
	}
	return out
}

// actorOnly says whether f (its actor taken out) has no condition but
// modes, confidence and the cursor, in id order.
func actorOnly(f annals.EventFilter) bool {
	return f.Source == "" && f.Target == "" && f.DyadA == "" && f.DyadB == "" && f.From == "" && f.To == "" &&
		f.Root == "" && f.Code == "" && f.QuadClass == 0 && f.Place == "" && f.Country == "" && f.Text == "" &&
		f.DocID == "" && f.At == nil && f.Sort == "" && f.AfterDate == ""
}

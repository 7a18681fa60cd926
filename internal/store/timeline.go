package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/annals-events/annals"
)

// Interval of a timeline bucket.
type Interval string

// Intervals.
const (
	IntervalDay   Interval = "day"
	IntervalWeek  Interval = "week"
	IntervalMonth Interval = "month"
)

func bucketOf(date string, iv Interval) string {
	if iv == IntervalDay {
		return date // what parsing and formatting it again would give
	}
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
// filter but dates and modes read the pair summaries (sum_pair_weeks for
// the whole weeks of a week timeline, sum_pair_days for days; migration
// 0013) or, by month, the month summaries; with a quad class too,
// sum_dyad_days; any other filter reads the dyad index of the events.
func (s *DB) Timeline(ctx context.Context, a, b string, iv Interval, f annals.EventFilter) ([]annals.Bucket, error) {
	if iv != IntervalDay && iv != IntervalWeek && iv != IntervalMonth {
		return nil, fmt.Errorf("interval %q: want day, week or month", iv)
	}
	a, b = strings.ToUpper(a), strings.ToUpper(b)
	f.After = 0
	q, args, shape := s.timelineQuery(a, b, iv, f)
	rows, err := s.query(ctx, nil, q, args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []annals.Bucket
	var g100 []int64
	idx := map[string]int{}
	bucket := func(k string) int {
		if shape != rowsByBucket {
			k = bucketOf(k, iv)
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, annals.Bucket{Start: k})
			g100 = append(g100, 0)
		}
		return i
	}
	for rows.Next() {
		var k string
		var g int64
		if shape == rowsOfPairs {
			var n int
			var qs [5]int
			if err := rows.Scan(&k, &n, &qs[1], &qs[2], &qs[3], &qs[4], &g); err != nil {
				return nil, err
			}
			i := bucket(k)
			for q := 1; q <= 4; q++ {
				out[i].Quad[q] += qs[q]
			}
			out[i].Events += n
			g100[i] += g
			continue
		}
		var q, n int
		if err := rows.Scan(&k, &q, &n, &g); err != nil {
			return nil, err
		}
		i := bucket(k)
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
	if shape != rowsByBucket && len(out) > 1 {
		// bucket starts are YYYY-MM-DD: their order is time's
		perm := make([]int, len(out))
		for i := range perm {
			perm[i] = i
		}
		slices.SortFunc(perm, func(i, j int) int { return strings.Compare(out[i].Start, out[j].Start) })
		sorted, sg := make([]annals.Bucket, len(out)), make([]int64, len(out))
		for i, p := range perm {
			sorted[i], sg[i] = out[p], g100[p]
		}
		out, g100 = sorted, sg
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

// The shapes of a timeline query's rows.
const (
	// (bucket start, quad class, events, goldstein100), in bucket order
	rowsByBucket = iota
	// (day or week start, quad class, events, goldstein100), in no
	// order: bucketed and sorted by Timeline
	rowsByDay
	// (day or week start, events, q1, q2, q3, q4, goldstein100), in no
	// order, from the pair summaries
	rowsOfPairs
)

// timelineQuery is the query of Timeline and the shape of its rows.
func (s *DB) timelineQuery(a, b string, iv Interval, f annals.EventFilter) (string, []any, int) {
	_, aok := country(a)
	_, bok := country(b)
	if !aok || !bok || len(a) != 3 || len(b) != 3 || !summarised(f) {
		q, args := s.timelineEvents(a, b, iv, f)
		return q, args, rowsByBucket
	}
	if iv == IntervalMonth {
		// whole months from sum_dyad_months
		rows, rargs, ok := dyadRows(f, `((src3 = ? AND tgt3 = ?) OR (src3 = ? AND tgt3 = ?))`, []any{a, b, b, a}, true, false)
		if ok {
			return `SELECT m || '-01' AS b, quad_class, SUM(events), SUM(goldstein100) FROM (` + rows + `) AS x
				GROUP BY m, quad_class ORDER BY 1`, rargs, rowsByBucket
		}
	}
	if f.QuadClass == 0 {
		if q, args, ok := pairTimeline(a, b, iv, f); ok {
			return q, args, rowsOfPairs
		}
	}
	q, args := s.timelineSummary(a, b, f)
	return q, args, rowsByDay
}

// pairTimeline is the timeline of a country pair by day or week from the
// pair summaries (no quad class: their rows count every class): the
// whole weeks of a week timeline from sum_pair_weeks, the days from
// sum_pair_days (the partial weeks at the range's ends by week), each
// part one range of the primary key (a3, b3, day or week, mode) grouped
// in its order. false when a date of f is not YYYY-MM-DD.
func pairTimeline(a, b string, iv Interval, f annals.EventFilter) (string, []any, bool) {
	if b < a {
		a, b = b, a
	}
	m, margs := modesIn(f)
	part := func(table, col, lo, hi string) (string, []any) {
		args := []any{a, b}
		c := ``
		if lo == "" {
			c += ` AND ` + col + ` != ''`
		} else {
			c += ` AND ` + col + ` >= ?`
			args = append(args, lo)
		}
		if hi != "" {
			c += ` AND ` + col + ` <= ?`
			args = append(args, hi)
		}
		return `SELECT ` + col + `, SUM(events), SUM(q1), SUM(q2), SUM(q3), SUM(q4), SUM(goldstein100) FROM ` + table + `
			WHERE a3 = ? AND b3 = ?` + c + ` AND ` + m + ` GROUP BY ` + col, append(args, margs...)
	}
	if iv == IntervalDay {
		if !datesParse(f) {
			return "", nil, false
		}
		q, args := part(`sum_pair_days`, `day`, f.From, f.To)
		return q, args, true
	}
	w, ok := weekSplit(f.From, f.To)
	if !ok {
		return "", nil, false
	}
	var parts []string
	var args []any
	if w.weeks {
		q, qa := part(`sum_pair_weeks`, `week`, w.w1, w.w2)
		parts, args = append(parts, q), append(args, qa...)
	}
	for _, d := range w.days {
		q, qa := part(`sum_pair_days`, `day`, d.from, d.to)
		parts, args = append(parts, q), append(args, qa...)
	}
	if len(parts) == 0 { // an empty range
		q, qa := part(`sum_pair_days`, `day`, "9999-12-31", "0000-01-01")
		parts, args = append(parts, q), append(args, qa...)
	}
	return strings.Join(parts, ` UNION ALL `), args, true
}

// weeks is a date range split for the week summaries: the whole weeks
// from the one starting w1 to the one starting w2 (Mondays, "" for an
// open end) when weeks is set, and the days of the partial weeks at the
// ends.
type weeks struct {
	weeks  bool
	w1, w2 string
	days   []span
}

// weekSplit splits an inclusive date range (either end may be open, "")
// into whole weeks (Monday to Sunday) and the days of the partial weeks
// at its ends. ok is false when a date is not YYYY-MM-DD.
func weekSplit(from, to string) (weeks, bool) {
	var f, t time.Time
	var err error
	if from != "" {
		if f, err = time.Parse("2006-01-02", from); err != nil {
			return weeks{}, false
		}
	}
	if to != "" {
		if t, err = time.Parse("2006-01-02", to); err != nil {
			return weeks{}, false
		}
	}
	day := func(d time.Time) string { return d.Format("2006-01-02") }
	monday := func(d time.Time) time.Time { return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)) }
	if from != "" && to != "" && t.Before(f) {
		return weeks{}, true
	}
	var w weeks
	var first, last time.Time // the first and last whole weeks' Mondays
	if from != "" {
		first = monday(f)
		if !first.Equal(f) {
			first = first.AddDate(0, 0, 7)
			end := first.AddDate(0, 0, -1) // the Sunday of from's week
			if to != "" && t.Before(end) {
				end = t
			}
			w.days = append(w.days, span{from, day(end)})
		}
		w.w1 = day(first)
	}
	if to != "" {
		last = monday(t)
		if !t.Equal(last.AddDate(0, 0, 6)) {
			if from == "" || !last.Before(f) { // else from's span has these days
				w.days = append(w.days, span{day(last), to})
			}
			last = last.AddDate(0, 0, -7)
		}
		w.w2 = day(last)
	}
	w.weeks = from == "" || to == "" || !last.Before(first)
	return w, true
}

// timelineSummary is the timeline of a country pair by day from
// sum_dyad_days, for a quad class: one arm per direction, each grouped
// by day and quad class in the order of the table's primary key (src3,
// tgt3, day, ...), so neither arm sorts. The arms' rows are not in one
// order, and a day may come from both: Timeline adds them up by bucket
// (the week of a day too, in Go) and sorts the buckets.
func (s *DB) timelineSummary(a, b string, f annals.EventFilter) (string, []any) {
	cond, cargs := summaryWhere(f)
	arm := `SELECT day, quad_class, SUM(events), SUM(goldstein100) FROM sum_dyad_days
		WHERE src3 = ? AND tgt3 = ? AND day != '' AND ` + cond + ` GROUP BY day, quad_class`
	q, args := arm, append([]any{a, b}, cargs...)
	if a != b {
		q += ` UNION ALL ` + arm
		args = append(append(args, b, a), cargs...)
	}
	return q, args
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
	if iv == IntervalDay {
		return start
	}
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

package store

import (
	"context"
	"fmt"
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
				rows, rargs, ok := dyadRows(f, `((src3 = ? AND tgt3 = ?) OR (src3 = ? AND tgt3 = ?))`, []any{a, b, b, a}, true, false)
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

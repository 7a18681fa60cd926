package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/annals-events/annals"
)

// span is an inclusive range of days.
type span struct{ from, to string }

// monthSplit splits an inclusive date range (either end may be open, "")
// into whole months m1..m2 (YYYY-MM, "" for an open end; months is false
// when there are none) and the days of partial months outside them. ok is
// false when a date is not YYYY-MM-DD.
func monthSplit(from, to string) (m1, m2 string, months bool, days []span, ok bool) {
	var f, t time.Time
	var err error
	if from != "" {
		if f, err = time.Parse("2006-01-02", from); err != nil {
			return "", "", false, nil, false
		}
	}
	if to != "" {
		if t, err = time.Parse("2006-01-02", to); err != nil {
			return "", "", false, nil, false
		}
	}
	if from != "" && to != "" && t.Before(f) {
		return "", "", false, nil, true
	}
	first := func(d time.Time) time.Time { return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC) }
	last := func(d time.Time) time.Time { return first(d).AddDate(0, 1, -1) }
	day := func(d time.Time) string { return d.Format("2006-01-02") }
	if from != "" && to != "" && from[:7] == to[:7] && (f.Day() != 1 || !t.Equal(last(t))) {
		return "", "", false, []span{{from, to}}, true
	}
	if from != "" {
		m1 = from[:7]
		if f.Day() != 1 {
			days = append(days, span{from, day(last(f))})
			m1 = first(f).AddDate(0, 1, 0).Format("2006-01")
		}
	}
	if to != "" {
		m2 = to[:7]
		if !t.Equal(last(t)) {
			days = append(days, span{day(first(t)), to})
			m2 = first(t).AddDate(0, -1, 0).Format("2006-01")
		}
	}
	months = m1 == "" || m2 == "" || m1 <= m2
	return m1, m2, months, days, true
}

// quadModes is the condition of f's quad class and modes on a summary.
func quadModes(f annals.EventFilter, quad bool) (string, []any) {
	c, args := modesIn(f)
	if quad && f.QuadClass != 0 {
		c += ` AND quad_class = ?`
		args = append(args, f.QuadClass)
	}
	return c, args
}

// periods is a date range split for the summaries: whole years y1..y2
// (YYYY, "" for an open end) when years is set, spans of whole months
// (YYYY-MM, inclusive, "" for an open end), and the days of partial
// months.
type periods struct {
	years  bool
	y1, y2 string
	months []span
	days   []span
}

// splitPeriods splits an inclusive date range as monthSplit does and, with
// byYear, the whole years of its whole months apart; the months left are
// those outside the years. ok is false when a date is not YYYY-MM-DD.
func splitPeriods(from, to string, byYear bool) (periods, bool) {
	m1, m2, months, days, ok := monthSplit(from, to)
	p := periods{days: days}
	if !ok || !months {
		return p, ok
	}
	if !byYear {
		p.months = []span{{m1, m2}}
		return p, true
	}
	// the first and last whole years: from the year of m1 when it is a
	// January, else the next; to the year of m2 when it is a December
	year := func(m string) int { y, _ := strconv.Atoi(m[:4]); return y }
	var y1, y2 string
	if m1 != "" {
		y := year(m1)
		if m1[5:] != "01" {
			y++
		}
		y1 = fmt.Sprintf("%04d", y)
	}
	if m2 != "" {
		y := year(m2)
		if m2[5:] != "12" {
			y--
		}
		y2 = fmt.Sprintf("%04d", y)
	}
	if y1 != "" && y2 != "" && y1 > y2 { // no whole year
		p.months = []span{{m1, m2}}
		return p, true
	}
	p.years, p.y1, p.y2 = true, y1, y2
	if m1 != "" && m1[5:] != "01" {
		p.months = append(p.months, span{m1, m1[:4] + "-12"})
	}
	if m2 != "" && m2[5:] != "12" {
		p.months = append(p.months, span{m2[:4] + "-01", m2})
	}
	return p, true
}

// periodCond is the condition on a summary's period column (year or
// month) for the inclusive span lo..hi ("" for an open end); dated leaves
// out the undated (an empty period) when lo is open.
func periodCond(col, lo, hi string, dated bool) (string, []any) {
	var c string
	var args []any
	if dated && lo == "" {
		c += ` AND ` + col + ` != ''`
	}
	if lo != "" {
		c += ` AND ` + col + ` >= ?`
		args = append(args, lo)
	}
	if hi != "" {
		c += ` AND ` + col + ` <= ?`
		args = append(args, hi)
	}
	return c, args
}

// dyadRows is a query of (src3, tgt3, quad_class, events, goldstein100,
// m) from the dyad summaries, for f's dates, quad class and modes: whole
// years from sum_dyad_years when byYear (m is then the year), whole
// months from sum_dyad_months, partial ones from sum_dyad_days; m is
// otherwise the month. pair, when set, restricts the dyads. dated leaves
// out undated events when the range has no start. false when f's dates
// do not parse.
func dyadRows(f annals.EventFilter, pair string, pairArgs []any, dated, byYear bool) (string, []any, bool) {
	p, ok := splitPeriods(f.From, f.To, byYear)
	if !ok {
		return "", nil, false
	}
	qm, qmArgs := quadModes(f, true)
	if pair != "" {
		qm += ` AND ` + pair
		qmArgs = append(qmArgs, pairArgs...)
	}
	var parts []string
	var args []any
	if p.years {
		pc, pargs := periodCond("year", p.y1, p.y2, dated)
		parts = append(parts, `SELECT src3, tgt3, quad_class, events, goldstein100, year AS m FROM sum_dyad_years WHERE events != 0 AND `+qm+pc)
		args = append(append(args, qmArgs...), pargs...)
	}
	for _, m := range p.months {
		pc, pargs := periodCond("month", m.from, m.to, dated)
		parts = append(parts, `SELECT src3, tgt3, quad_class, events, goldstein100, month AS m FROM sum_dyad_months WHERE events != 0 AND `+qm+pc)
		args = append(append(args, qmArgs...), pargs...)
	}
	for _, d := range p.days {
		parts = append(parts, `SELECT src3, tgt3, quad_class, events, goldstein100, substr(day, 1, 7) AS m FROM sum_dyad_days
			WHERE events != 0 AND day >= ? AND day <= ? AND `+qm)
		args = append(append(args, d.from, d.to), qmArgs...)
	}
	if len(parts) == 0 { // an empty range
		parts = []string{`SELECT src3, tgt3, quad_class, events, goldstein100, month AS m FROM sum_dyad_months WHERE 1 = 0`}
	}
	return strings.Join(parts, ` UNION ALL `), args, true
}

// actorRows is a query of (code, n): actor counts for f's dates and
// modes, whole years from sum_actor_years (sum_country_years, whose codes
// are country prefixes, when byCountry), the whole months outside them
// from sum_actor_months and partial ones from the events (on their date
// index). false when f's dates do not parse.
func (s *DB) actorRows(f annals.EventFilter, byCountry bool) (string, []any, bool) {
	p, ok := splitPeriods(f.From, f.To, true)
	if !ok {
		return "", nil, false
	}
	var parts []string
	var args []any
	m, margs := modesIn(f)
	if p.years {
		table := `sum_actor_years`
		if byCountry {
			table = `sum_country_years`
		}
		pc, pargs := periodCond("year", p.y1, p.y2, false)
		parts = append(parts, `SELECT code, events AS n FROM `+table+` WHERE events != 0 AND `+m+pc)
		args = append(append(args, margs...), pargs...)
	}
	for _, sp := range p.months {
		pc, pargs := periodCond("month", sp.from, sp.to, false)
		parts = append(parts, `SELECT code, events AS n FROM sum_actor_months WHERE events != 0 AND `+m+pc)
		args = append(append(args, margs...), pargs...)
	}
	for _, d := range p.days {
		g := f
		g.From, g.To = d.from, d.to
		cond, cargs := s.where(g)
		parts = append(parts, `SELECT e.source AS code, 1 AS n FROM events e WHERE `+cond, `SELECT e.target, 1 FROM events e WHERE `+cond)
		args = append(append(args, cargs...), cargs...)
	}
	if len(parts) == 0 {
		parts = []string{`SELECT code, events AS n FROM sum_actor_months WHERE 1 = 0`}
	}
	return strings.Join(parts, ` UNION ALL `), args, true
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

package when

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Precision of a resolved date.
const (
	Day   = "day"
	Week  = "week"
	Month = "month"
	Year  = "year"
)

// How a date was found: the Source of an expression and an event's
// date_source.
const (
	Explicit    = "explicit"    // a calendar date, weekday, month or year named in the clause
	Relative    = "relative"    // counted from publication ("yesterday", "last week") or from another event ("a week later")
	Context     = "context"     // the clause names no date: that of the statement its quotation continues, or of the article's lede
	Publication = "publication" // no expression dates the clause or its story: the article's date
)

// anchor says what an expression is counted from.
type anchor int

const (
	anchorNone     anchor = iota // resolved on its own or against publication
	anchorPrevious               // the previous dated event of the article: "the next day", "a week later"
	anchorClause                 // the clause its "after"/"before" clause hangs on: "two days after insurgents attacked"
)

// Expr is a temporal expression over tokens [First, Last).
type Expr struct {
	First, Last int
	Text        string
	Date        time.Time
	Precision   string
	Source      string // Explicit or Relative
	Resolved    bool   // false: it needs a publication date the article lacks
	// End is the last day of a range ("from 1 to 5 March", "between
	// January and March"); zero for a single date.
	End time.Time
	// Until marks the end of a period ("until the end of 2028"): it dates
	// no event.
	Until bool
	// Dateline marks the date of a dateline ("HANOI, Feb. 9 (UPI) —"),
	// the story's and no event's.
	Dateline bool

	fromPub bool       // counted from publication: "yesterday", "on Monday", "March 3"
	before  *time.Time // for an anchorClause expression, the last dated day before it
	anchor  anchor
	offset  int    // for an anchored expression: how many units from the anchor
	unit    string // Day, Week, Month, Year or hours
}

// dates reports whether the expression can date the clause it stands in.
func (e *Expr) dates() bool { return !e.Until && !e.Dateline && e.anchor != anchorClause }

// IsTimeWord reports whether a lower-cased word names a time: a month, a
// weekday, or a day or part of one relative to now ("yesterday",
// "evening"). The coder uses it to keep times out of actor phrases.
func IsTimeWord(w string) bool {
	_, m := months[w]
	_, d := weekdays[w]
	return m || d || timeWords[w]
}

func dayNum(s string) (int, bool) {
	// most words are no number: trimming only shortens them from the
	// right, so a word that does not open as a number cannot become one
	if s == "" || (s[0] < '0' || s[0] > '9') && s[0] != '+' && s[0] != '-' {
		return 0, false
	}
	for len(s) > 0 && strings.IndexByte("stndrh", s[len(s)-1]) >= 0 {
		s = s[:len(s)-1] // 1st, 2nd, 3rd, 18th
	}
	n, err := atoi(s)
	return n, err == nil && n >= 1 && n <= 31
}

func yearNum(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	n, err := atoi(s)
	return n, err == nil && n >= 1900 && n <= 2100
}

func isInt(s string) bool {
	_, err := atoi(s)
	return err == nil
}

// errNotInt stands for strconv.Atoi's syntax error.
var errNotInt = errors.New("not an integer")

// atoi is strconv.Atoi for the words of a text, most of which are not
// numbers: a word that is not an optional sign and decimal digits is
// errNotInt at once, without Atoi's error, which allocates.
func atoi(s string) (int, error) {
	i := 0
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		i = 1
	}
	if i == len(s) {
		return 0, errNotInt
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, errNotInt
		}
	}
	return strconv.Atoi(s)
}

func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

func monthStart(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

// shift counts n units from base; the result is as precise as the unit.
func shift(base time.Time, n int, unit string) (time.Time, string) {
	switch unit {
	case Week:
		return base.AddDate(0, 0, 7*n), Week
	case Month:
		return monthStart(base.Year(), base.Month()+time.Month(n)), Month
	case Year:
		return time.Date(base.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), Year
	case hours:
		return base, Day
	}
	return base.AddDate(0, 0, n), Day
}

// coarser returns the less precise of two precisions.
func coarser(a, b string) string {
	rank := map[string]int{Day: 0, Week: 1, Month: 2, Year: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// weekdayDate resolves a weekday named without "last" or "next": in a
// past clause the most recent on or before ref (or the day after ref, for
// time zones), in a future one the next on or after it, without tense the
// nearest, looking back unknownReach days first.
func weekdayDate(ref time.Time, wd time.Weekday, dir direction) time.Time {
	back := int(ref.Weekday()-wd+7) % 7
	fwd := (7 - back) % 7
	switch dir {
	case dirFuture:
		return ref.AddDate(0, 0, fwd)
	case dirPast:
		if fwd >= 1 && fwd <= pastTimeZoneLead {
			return ref.AddDate(0, 0, fwd)
		}
		return ref.AddDate(0, 0, -back)
	}
	if back <= unknownReach {
		return ref.AddDate(0, 0, -back)
	}
	return ref.AddDate(0, 0, fwd)
}

// dayMonthDate resolves a day and month named without a year, as
// weekdayDate does, over the years around ref.
func dayMonthDate(ref time.Time, m time.Month, d int, dir direction) (time.Time, bool) {
	var cands []time.Time
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if t.Month() == m { // 31 April is no date
			cands = append(cands, t)
		}
	}
	if len(cands) == 0 {
		return time.Time{}, false
	}
	limit := ref.AddDate(0, 0, pastTimeZoneLead)
	var best time.Time
	for _, t := range cands {
		switch dir {
		case dirPast:
			if !t.After(limit) {
				best = t
			}
		case dirFuture:
			if !t.Before(ref) && best.IsZero() {
				best = t
			}
		default:
			if best.IsZero() || absDays(t, ref) < absDays(best, ref) {
				best = t
			}
		}
	}
	return best, !best.IsZero()
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// yearOf is the year of a month named without one: in a past clause (or
// one without tense) the most recent such month not after ref's, in a
// future clause the next one not before it ("will return by March" read in
// November is next March).
func yearOf(m time.Month, ref time.Time, dir direction) int {
	switch {
	case dir == dirFuture && m < ref.Month():
		return ref.Year() + 1
	case dir != dirFuture && m > ref.Month():
		return ref.Year() - 1
	}
	return ref.Year()
}

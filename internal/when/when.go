package when

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/annals-events/annals"
	dps "github.com/markusmobius/go-dateparser"
)

// Precision of a resolved date.
const (
	Day        = "day"
	Week       = "week"
	Month      = "month"
	Year       = "year"
	Published  = "published"  // no expression: the article's date
	Unresolved = "unresolved" // the expression needs a publication date the article lacks
)

// Expr is a temporal expression over tokens [First, Last).
type Expr struct {
	First, Last int
	Text        string
	Date        time.Time
	Precision   string
	Resolved    bool
	// End is the last day of a range ("from 1 to 5 March", "between
	// January and March"); zero for a single date.
	End time.Time
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun": 6, "jun.": 6, "july": 7, "jul": 7, "jul.": 7,
	"august": 8, "aug": 8, "aug.": 8, "september": 9, "sep": 9, "sep.": 9, "sept": 9, "sept.": 9,
	"october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12, "dec.": 12,
}

var weekdays = map[string]time.Weekday{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

// IsTimeWord reports whether a lower-cased word names a time: a month, a
// weekday, or a day or part of one relative to now ("yesterday",
// "evening"). The coder uses it to keep times out of actor phrases.
func IsTimeWord(w string) bool {
	_, m := months[w]
	_, d := weekdays[w]
	return m || d || timeWords[w]
}

var timeWords = map[string]bool{"today": true, "yesterday": true, "tonight": true, "tomorrow": true,
	"morning": true, "afternoon": true, "evening": true, "night": true, "overnight": true,
	"week": true, "month": true, "year": true}

var numbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3}

func dayNum(s string) (int, bool) {
	s = strings.TrimRight(s, "stndrh") // 1st, 2nd, 3rd, 18th
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= 31
}

func yearNum(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1900 && n <= 2100
}

func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

var (
	cacheMu sync.Mutex
	cache   = map[string]time.Time{}
)

// parseCalendar parses an explicit calendar span with go-dateparser,
// preferring dates not after ref, or not before it when future is set.
func parseCalendar(s string, ref time.Time, future bool) (time.Time, bool) {
	key := s + "|" + ref.Format("2006-01-02") + "|" + strconv.FormatBool(future)
	cacheMu.Lock()
	d, ok := cache[key]
	cacheMu.Unlock()
	if !ok {
		src := dps.Past
		if future {
			src = dps.Future
		}
		cfg := &dps.Configuration{CurrentTime: ref, PreferredDateSource: src, Languages: []string{"en"}, PreferredDayOfMonth: dps.First}
		pd, err := dps.Parse(cfg, s)
		if err != nil || pd.Time.IsZero() {
			return time.Time{}, false
		}
		d = day(pd.Time)
		cacheMu.Lock()
		if len(cache) > 100000 {
			cache = map[string]time.Time{}
		}
		cache[key] = d
		cacheMu.Unlock()
	}
	return d, true
}

// Find returns the temporal expressions in tokens toks[first:last],
// resolved against pub (zero when the article has no date).
func Find(toks []annals.Token, first, last int, text string, pub time.Time) []Expr {
	var out []Expr
	hasRef := !pub.IsZero()
	ref := day(pub)
	w := func(i int) string {
		if i < first || i >= last {
			return ""
		}
		return toks[i].Lower
	}
	add := func(i, j int, t time.Time, prec string, needsRef bool) {
		e := Expr{First: i, Last: j, Text: text[toks[i].Start:toks[j-1].End], Precision: prec}
		if needsRef && !hasRef {
			e.Precision = Unresolved
		} else {
			e.Date, e.Resolved = t, true
		}
		out = append(out, e)
	}
	parsed := false // the sentence carries a dependency analysis
	for k := first; k < last && !parsed; k++ {
		parsed = toks[k].Rel != ""
	}
	for i := first; i < last; i++ {
		t := w(i)
		fut := func() bool { return ahead(toks, first, last, i, parsed) }
		// "from 1 to 5 March", "between 1 and 5 March 2024": a day range
		if d1, ok := dayNum(t); ok && (w(i-1) == "from" || w(i-1) == "between") && (w(i+1) == "to" || w(i+1) == "and" || w(i+1) == "-" || w(i+1) == "–") {
			if d2, ok := dayNum(w(i + 2)); ok {
				if m, ok := months[w(i+3)]; ok {
					j := i + 4
					y, hasYear := yearNum(w(j))
					needs := !hasYear
					if !hasYear {
						y = yearOf(m, ref, fut())
					} else {
						j++
					}
					if d1 <= d2 {
						add(i-1, j, time.Date(y, m, d1, 0, 0, 0, 0, time.UTC), Day, needs)
						out[len(out)-1].End = time.Date(y, m, d2, 0, 0, 0, 0, time.UTC)
						i = j - 1
						continue
					}
				}
			}
		}
		// ISO dates: 2024-03-18
		if len(t) == 10 && t[4] == '-' && t[7] == '-' {
			if d, err := time.Parse("2006-01-02", t); err == nil {
				add(i, i+1, d, Day, false)
				continue
			}
		}
		// DAY MONTH [YEAR] | MONTH DAY [,] [YEAR] | MONTH YEAR | MONTH
		if n, ok := dayNum(t); ok {
			if m, ok := months[w(i+1)]; ok && !(w(i+1) == "may" && toks[i+1].Text == "may") {
				j := i + 2
				if y, ok := yearNum(w(j)); ok {
					add(i, j+1, time.Date(y, m, n, 0, 0, 0, 0, time.UTC), Day, false)
					i = j
					continue
				}
				if d, ok := parseCalendar(toks[i].Text+" "+toks[i+1].Text, refOrNow(pub), fut()); ok {
					add(i, j, d, Day, true)
				} else {
					add(i, j, time.Time{}, Unresolved, true)
				}
				i = j - 1
				continue
			}
		}
		if m, ok := months[t]; ok && (t != "may" || toks[i].Text == "May") && (t != "march" || toks[i].Text == "March") {
			j := i + 1
			if n, ok := dayNum(w(j)); ok && toks[j].Tag == "CD" {
				k := j + 1
				if w(k) == "," {
					k++
				}
				if y, ok := yearNum(w(k)); ok {
					add(i, k+1, time.Date(y, m, n, 0, 0, 0, 0, time.UTC), Day, false)
					i = k
					continue
				}
				if d, ok := parseCalendar(toks[i].Text+" "+toks[j].Text, refOrNow(pub), fut()); ok {
					add(i, j+1, d, Day, true)
				} else {
					add(i, j+1, time.Time{}, Unresolved, true)
				}
				i = j
				continue
			}
			if y, ok := yearNum(w(j)); ok {
				add(i, j+1, time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Month, false)
				i = j
				continue
			}
			// a bare month needs a cue: "in January", "last March", "since May"
			p := w(i - 1)
			rangeEnd := (p == "to" || p == "and" || p == "through" || p == "-") && len(out) > 0 && out[len(out)-1].Last == i-1
			if rangeEnd || p == "in" || p == "since" || p == "last" || p == "this" || p == "early" || p == "late" || p == "mid" || p == "until" || p == "from" || p == "by" || p == "of" {
				start := i
				if p == "last" || p == "this" || p == "early" || p == "late" || p == "mid" {
					start = i - 1
				}
				y := yearOf(m, ref, fut() && p != "last" && p != "since") // "in December" read in January is last December
				if p == "last" && m == ref.Month() {
					y--
				}
				add(start, i+1, time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Month, true)
			}
			continue
		}
		// YEAR with a cue
		if y, ok := yearNum(t); ok && toks[i].Tag == "CD" {
			p := w(i - 1)
			rangeEnd := (p == "to" || p == "and" || p == "through" || p == "-") && len(out) > 0 && out[len(out)-1].Last == i-1
			if rangeEnd || p == "in" || p == "since" || p == "from" || p == "until" || p == "by" || p == "during" || p == "of" || p == "before" || p == "after" {
				add(i, i+1, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Year, false)
			}
			continue
		}
		// weekdays: the most recent on or before publication; in a clause
		// about what is to come, or after "next", the next one after it
		if wd, ok := weekdays[t]; ok {
			j := i + 1
			if s := w(j); s == "night" || s == "morning" || s == "evening" || s == "afternoon" {
				j++
			}
			start := i
			back := int(ref.Weekday()-wd+7) % 7
			switch {
			case w(i-1) == "last":
				start = i - 1
				if back == 0 {
					back = 7
				}
			case w(i-1) == "next" || w(i-1) != "since" && fut():
				if w(i-1) == "next" {
					start = i - 1
				}
				back = -(int(wd-ref.Weekday()+7) % 7)
				if back == 0 {
					back = -7
				}
			}
			add(start, j, ref.AddDate(0, 0, -back), Day, true)
			i = j - 1
			continue
		}
		switch t {
		case "today", "tonight":
			add(i, i+1, ref, Day, true)
			continue
		case "yesterday":
			add(i, i+1, ref.AddDate(0, 0, -1), Day, true)
			continue
		case "overnight":
			add(i, i+1, ref, Day, true)
			continue
		}
		// last/this/next week|month|year, earlier this month
		if t == "last" || t == "this" || t == "earlier" || t == "past" {
			j := i + 1
			k := i
			if t == "earlier" && w(j) == "this" {
				j++
			}
			unit := w(j)
			last := t == "last" || t == "past"
			switch unit {
			case "week":
				d := ref
				if last {
					d = ref.AddDate(0, 0, -7)
				}
				add(k, j+1, d, Week, true)
				i = j
				continue
			case "month":
				d := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
				if last {
					d = d.AddDate(0, -1, 0)
				}
				add(k, j+1, d, Month, true)
				i = j
				continue
			case "year":
				d := time.Date(ref.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
				if last {
					d = d.AddDate(-1, 0, 0)
				}
				add(k, j+1, d, Year, true)
				i = j
				continue
			case "night":
				if t == "last" {
					add(k, j+1, ref.AddDate(0, 0, -1), Day, true)
					i = j
					continue
				}
			}
		}
		// N days|weeks|months|years ago
		if n, ok := numbers[t]; ok || isInt(t) {
			if !ok {
				n, _ = strconv.Atoi(t)
			}
			unit := strings.TrimSuffix(w(i+1), "s")
			if w(i+2) == "ago" && n > 0 && n < 200 {
				switch unit {
				case "day":
					add(i, i+3, ref.AddDate(0, 0, -n), Day, true)
				case "week":
					add(i, i+3, ref.AddDate(0, 0, -7*n), Week, true)
				case "month":
					d := ref.AddDate(0, -n, 0)
					add(i, i+3, time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC), Month, true)
				case "year":
					add(i, i+3, time.Date(ref.Year()-n, 1, 1, 0, 0, 0, 0, time.UTC), Year, true)
				}
				if unit == "day" || unit == "week" || unit == "month" || unit == "year" {
					i += 2
				}
			}
		}
	}
	return mergeRanges(toks, out)
}

// yearOf is the year of a month named without one: the publication year,
// or the year before for a later month ("in December" read in January), or
// for a clause about what is to come the year after for an earlier month
// ("will return by March" read in November).
func yearOf(m time.Month, ref time.Time, future bool) int {
	switch {
	case future && m < ref.Month():
		return ref.Year() + 1
	case !future && m > ref.Month():
		return ref.Year() - 1
	}
	return ref.Year()
}

// futureAux are the auxiliaries of a clause about what is still to come;
// an infinitive ("agreed to meet on Monday", "plans to visit in March")
// looks ahead too.
var futureAux = map[string]bool{"will": true, "shall": true, "'ll": true, "wo": true, "would": true, "going": true}

// ahead reports whether the clause holding token i speaks of what is still
// to come, read from the tree: the predicate the expression attaches to
// has a future auxiliary or is an infinitive. Without a tree (parsed is
// false), a future auxiliary shortly before the expression decides. Find
// asks only for tokens that start an expression.
func ahead(toks []annals.Token, first, last, i int, parsed bool) bool {
	if !parsed {
		for k := i - 1; k >= first && k >= i-12; k-- {
			if futureAux[toks[k].Lower] {
				return true
			}
		}
		return false
	}
	// up to the predicate
	k := i
	for n := 0; n <= last-first; n++ {
		t := &toks[k]
		if k != i && (t.UPOS == "VERB" || t.UPOS == "ADJ" && t.Rel == "root") {
			break
		}
		if t.Head < 0 || first+t.Head >= last {
			return false
		}
		k = first + t.Head
	}
	for j := first; j < last; j++ {
		if first+toks[j].Head != k || j == k {
			continue
		}
		switch {
		case toks[j].Rel == "aux" && futureAux[toks[j].Lower]:
			return true
		case toks[j].Rel == "mark" && toks[j].Lower == "to":
			return true
		}
	}
	return false
}

// mergeRanges joins "from January to March", "between 2019 and 2021":
// the range starts at the first date and ends with the second.
func mergeRanges(toks []annals.Token, ex []Expr) []Expr {
	var out []Expr
	for i := 0; i < len(ex); i++ {
		e := ex[i]
		if i+1 < len(ex) && e.Resolved && ex[i+1].Resolved && e.First > 0 && ex[i+1].First == e.Last+1 {
			lead, join := toks[e.First-1].Lower, toks[e.Last].Lower
			if (lead == "from" || lead == "between") && (join == "to" || join == "and" || join == "until" || join == "through" || join == "-" || join == "–") {
				n := ex[i+1]
				e.First--
				e.Last = n.Last
				e.End = n.Date
				e.Text = e.Text + " " + toks[e.Last-1-(n.Last-n.First)].Text + " " + n.Text
				if e.Text != "" {
					e.Text = lead + " " + strings.TrimPrefix(e.Text, lead+" ")
				}
				out = append(out, e)
				i++
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func refOrNow(pub time.Time) time.Time {
	if pub.IsZero() {
		return time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return pub
}

// ForEvent picks the date of an event: the expression nearest the trigger
// in the trigger's sentence, preferring one in the same clause (no
// sentence-level clause breaks between), else the publication date.
func ForEvent(exprs []Expr, trigger int, pub time.Time) (string, string) {
	best, dist := -1, 1<<30
	for i, e := range exprs {
		d := e.First - trigger
		if d < 0 {
			d = trigger - e.Last + 1
			d += 2 // a date after the trigger is more often its own
		}
		if d < dist {
			best, dist = i, d
		}
	}
	if best >= 0 {
		e := exprs[best]
		if !e.Resolved {
			return "", Unresolved
		}
		return e.Date.Format("2006-01-02"), e.Precision
	}
	if pub.IsZero() {
		return "", Unresolved
	}
	return pub.Format("2006-01-02"), Published
}

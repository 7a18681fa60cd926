package when

import (
	"strconv"
	"strings"
	"time"

	"github.com/annals-events/annals"
)

// sentence is one sentence's expressions and clauses.
type sentence struct {
	cl    *clauses
	exprs []Expr
}

// Find returns the temporal expressions in tokens toks[first:last],
// resolved against pub (zero when the article has no date); one counted
// from the previous dated event ("the next day") counts from the
// sentence's own earlier expressions, else from pub. ForDoc resolves
// those across the article.
func Find(toks []annals.Token, first, last int, text string, pub time.Time) []Expr {
	s := analyze(toks, first, last, text, pub, first == 0)
	var prev *time.Time
	s.resolvePrevious(&prev, pub)
	return s.exprs
}

// resolvePrevious resolves the expressions counted from the previous
// dated event (*prev, nil when none: publication), in order, and moves
// *prev on past every dated day.
func (s *sentence) resolvePrevious(prev **time.Time, pub time.Time) {
	for i := range s.exprs {
		e := &s.exprs[i]
		if e.anchor == anchorClause && *prev != nil {
			d := **prev
			e.before = &d
		}
		if e.anchor == anchorPrevious {
			switch {
			case *prev != nil:
				e.Date, e.Precision = shift(**prev, e.offset, e.unit)
				e.Resolved = true
			case !pub.IsZero():
				e.Date, e.Precision = shift(day(pub), e.offset, e.unit)
				e.Resolved = true
			}
		}
		if e.Resolved && e.dates() && e.Precision == Day && e.End.IsZero() {
			d := e.Date
			*prev = &d
		}
	}
}

// analyze finds the expressions of one sentence; lead is set for the
// article's first sentence, whose dateline may carry a date.
func analyze(toks []annals.Token, first, last int, text string, pub time.Time, lead bool) *sentence {
	cl := split(toks, first, last)
	f := &finder{toks: toks, first: first, last: last, text: text, hasRef: !pub.IsZero(), ref: day(pub), cl: cl}
	f.run()
	out := mergeRanges(toks, f.out)
	for i := range out {
		e := &out[i]
		e.Until = until(toks, first, e.First)
		e.Dateline = lead && dateline(toks, first, last, e)
		if e.anchor == anchorClause && e.Last < last {
			for s := range cl.segs {
				if cl.segs[s].opener == e.Last {
					cl.segs[s].offset = i
				}
			}
		}
	}
	return &sentence{cl: cl, exprs: out}
}

type finder struct {
	toks        []annals.Token
	first, last int
	text        string
	hasRef      bool
	ref         time.Time
	cl          *clauses
	out         []Expr
}

func (f *finder) w(i int) string {
	if i < f.first || i >= f.last {
		return ""
	}
	return f.toks[i].Lower
}

// add records tokens [i, j) as an expression; needsRef says the date
// counts from publication.
func (f *finder) add(i, j int, t time.Time, prec, src string, needsRef bool) *Expr {
	e := Expr{First: i, Last: j, Text: f.text[f.toks[i].Start:f.toks[j-1].End], Precision: prec, Source: src, fromPub: needsRef}
	if !needsRef || f.hasRef {
		e.Date, e.Resolved = t, true
	}
	f.out = append(f.out, e)
	return &f.out[len(f.out)-1]
}

// anchored records an expression counted from another event.
func (f *finder) anchored(i, j int, a anchor, n int, unit string) {
	e := f.add(i, j, time.Time{}, "", Relative, true)
	e.Date, e.Resolved, e.fromPub = time.Time{}, false, false
	e.anchor, e.offset, e.unit = a, n, unit
	_, e.Precision = shift(time.Time{}, 0, unit)
}

func (f *finder) rangeEnd(i int) bool {
	p := f.w(i - 1)
	return (p == "to" || p == "and" || p == "through" || p == "-") && len(f.out) > 0 && f.out[len(f.out)-1].Last == i-1
}

func (f *finder) run() {
	for i := f.first; i < f.last; i++ {
		if j := f.at(i); j > i {
			i = j - 1
		}
	}
}

// at looks for an expression starting at token i and returns the token
// after it, or i when there is none.
func (f *finder) at(i int) int {
	w, t := f.w, f.w(i)
	dir := func() direction { return f.cl.direction(i, i+1) }
	// "from 1 to 5 March", "between 1 and 5 March 2024": a day range
	if d1, ok := dayNum(t); ok && (w(i-1) == "from" || w(i-1) == "between") && (w(i+1) == "to" || w(i+1) == "and" || w(i+1) == "-" || w(i+1) == "–") {
		if d2, ok := dayNum(w(i + 2)); ok && d1 <= d2 {
			if m, ok := months[w(i+3)]; ok {
				j := i + 4
				y, hasYear := yearNum(w(j))
				if hasYear {
					j++
				} else {
					y = yearOf(m, f.ref, dir())
				}
				e := f.add(i-1, j, time.Date(y, m, d1, 0, 0, 0, 0, time.UTC), Day, Explicit, !hasYear)
				e.End = time.Date(y, m, d2, 0, 0, 0, 0, time.UTC)
				return j
			}
		}
	}
	// ISO dates: 2024-03-18
	if len(t) == 10 && t[4] == '-' && t[7] == '-' {
		if d, err := time.Parse("2006-01-02", t); err == nil {
			f.add(i, i+1, d, Day, Explicit, false)
			return i + 1
		}
	}
	// DAY MONTH [YEAR]
	if n, ok := dayNum(t); ok {
		if m, ok := months[w(i+1)]; ok && !(w(i+1) == "may" && f.toks[i+1].Text == "may") {
			if y, ok := yearNum(w(i + 2)); ok {
				f.add(i, i+3, time.Date(y, m, n, 0, 0, 0, 0, time.UTC), Day, Explicit, false)
				return i + 3
			}
			f.dayMonth(i, i+2, m, n)
			return i + 2
		}
	}
	if m, ok := months[t]; ok && (t != "may" || f.toks[i].Text == "May") && (t != "march" || f.toks[i].Text == "March") {
		return f.month(i, m)
	}
	// YEAR with a cue
	if y, ok := yearNum(t); ok && f.toks[i].Tag == "CD" {
		p := w(i - 1)
		if f.rangeEnd(i) || p == "in" || p == "since" || p == "from" || p == "until" || p == "by" || p == "during" || p == "of" || p == "before" || p == "after" {
			f.add(i, i+1, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Year, Explicit, false)
		}
		return i + 1
	}
	if wd, ok := weekdays[t]; ok {
		return f.weekday(i, wd)
	}
	if n, ok := publicationDays[t]; ok {
		f.add(i, i+1, f.ref.AddDate(0, 0, n), Day, Relative, true)
		return i + 1
	}
	if j := f.counted(i); j > i {
		return j
	}
	if j := f.named(i); j > i {
		return j
	}
	return i
}

// dayMonth records a day and month named without a year, on the side of
// publication the clause's tense says.
func (f *finder) dayMonth(i, j int, m time.Month, n int) {
	if !f.hasRef {
		f.add(i, j, time.Time{}, Day, Explicit, true)
		return
	}
	if d, ok := dayMonthDate(f.ref, m, n, f.cl.direction(i, j)); ok {
		f.add(i, j, d, Day, Explicit, false)
	}
}

// month: MONTH DAY [,] [YEAR] | MONTH YEAR | a bare month after a cue.
func (f *finder) month(i int, m time.Month) int {
	w := f.w
	j := i + 1
	if n, ok := dayNum(w(j)); ok && f.toks[j].Tag == "CD" {
		k := j + 1
		if w(k) == "," {
			k++
		}
		if y, ok := yearNum(w(k)); ok {
			f.add(i, k+1, time.Date(y, m, n, 0, 0, 0, 0, time.UTC), Day, Explicit, false)
			return k + 1
		}
		f.dayMonth(i, j+1, m, n)
		return j + 1
	}
	if y, ok := yearNum(w(j)); ok {
		f.add(i, j+1, monthStart(y, m), Month, Explicit, false)
		return j + 1
	}
	// a bare month needs a cue: "in January", "last March", "since May"
	p := w(i - 1)
	switch p {
	case "in", "since", "last", "this", "early", "late", "mid", "until", "from", "by", "of", "next":
	default:
		if !f.rangeEnd(i) {
			return i + 1
		}
	}
	start := i
	if p == "last" || p == "this" || p == "early" || p == "late" || p == "mid" || p == "next" {
		start = i - 1
	}
	dir := f.cl.direction(start, i+1)
	switch p {
	case "last", "since":
		dir = dirPast
	case "next":
		dir = dirFuture
	}
	y := yearOf(m, f.ref, dir)
	switch {
	case p == "last" && m == f.ref.Month():
		y--
	case p == "next" && m == f.ref.Month():
		y++
	case p == "this":
		y = f.ref.Year()
	}
	f.add(start, i+1, monthStart(y, m), Month, Explicit, true)
	return i + 1
}

// weekday: "on Monday", "Tuesday night", "last Thursday", "next Friday".
func (f *finder) weekday(i int, wd time.Weekday) int {
	w := f.w
	j := i + 1
	if partsOfDay[w(j)] {
		j++
	}
	start := i
	var d time.Time
	switch w(i - 1) {
	case "last":
		start = i - 1
		back := int(f.ref.Weekday()-wd+7) % 7
		if back == 0 {
			back = 7
		}
		d = f.ref.AddDate(0, 0, -back)
	case "next":
		start = i - 1
		fwd := int(wd-f.ref.Weekday()+7) % 7
		if fwd == 0 {
			fwd = 7
		}
		d = f.ref.AddDate(0, 0, fwd)
	case "since":
		d = weekdayDate(f.ref, wd, dirPast)
	default:
		d = weekdayDate(f.ref, wd, f.cl.direction(i, j))
	}
	f.add(start, j, d, Day, Explicit, true)
	return j
}

// count reads a count at token i ("two", "a", "36") after any words that
// leave it a count ("just over a week"): the count, the token after it
// and whether there is one.
func (f *finder) count(i int) (int, int, bool) {
	if n, ok := numbers[f.w(i)]; ok {
		return n, i + 1, true
	}
	if isInt(f.w(i)) && f.toks[i].Tag == "CD" {
		n, _ := strconv.Atoi(f.w(i))
		return n, i + 1, n > 0 && n < 200
	}
	return 0, i, false
}

// counted reads "two days ago", "a week later", "three days after the
// attack", "hours after", "the next day", "the day before".
func (f *finder) counted(i int) int {
	w := f.w
	n, j, ok := f.count(i)
	unit := units[w(j)]
	if !ok {
		// "days later", "hours after": an uncounted unit
		if u := units[w(i)]; u != "" && strings.HasSuffix(w(i), "s") {
			n, j, unit = -1, i, u
		} else {
			return i
		}
	}
	if unit == "" {
		return i
	}
	if n < 0 && unit != hours {
		return i // "days later": how many is not said
	}
	if unit == hours {
		n = 0
	}
	after := w(j + 1)
	switch {
	case after == "ago":
		if n <= 0 && unit != hours {
			return i
		}
		var d time.Time
		var prec string
		switch unit {
		case Day, hours:
			d, prec = f.ref.AddDate(0, 0, -n), Day
		default:
			d, prec = shift(f.ref, -n, unit)
		}
		f.add(i, j+2, d, prec, Relative, true)
		return j + 2
	case after == "after" || after == "before":
		sign := laterWords[after]
		if _, ok := f.cl.opens(j + 1); ok {
			// "two days after insurgents killed ...": the clause after it is
			// counted from the clause this one hangs on, backwards
			f.anchored(i, j+1, anchorClause, -sign*n, unit)
			return j + 1
		}
		f.anchored(i, j+2, anchorPrevious, sign*n, unit)
		return j + 2
	case laterWords[after] != 0:
		f.anchored(i, j+2, anchorPrevious, laterWords[after]*n, unit)
		return j + 2
	}
	return i
}

// named reads the named relative days and periods: "the next day", "the
// following week", "the day after", "that day", "the same day", "within
// hours", "this morning", "last night", "last week", "earlier this month",
// "next year".
func (f *finder) named(i int) int {
	w, t := f.w, f.w(i)
	unitAt := func(k int) string {
		if partsOfDay[w(k)] {
			return Day
		}
		if u := units[w(k)]; u != "" && u != hours && !strings.HasSuffix(w(k), "s") {
			return u
		}
		return ""
	}
	switch {
	case t == "the" && nextWords[w(i+1)] != 0 && unitAt(i+2) != "":
		f.anchored(i, i+3, anchorPrevious, nextWords[w(i+1)], unitAt(i+2))
		return i + 3
	case t == "the" && unitAt(i+1) != "" && (w(i+2) == "after" || w(i+2) == "before"):
		sign := laterWords[w(i+2)]
		if _, ok := f.cl.opens(i + 2); ok {
			f.anchored(i, i+2, anchorClause, -sign, unitAt(i+1))
			return i + 2
		}
		f.anchored(i, i+3, anchorPrevious, sign, unitAt(i+1))
		return i + 3
	case t == "the" && w(i+1) == "same" && unitAt(i+2) != "":
		f.anchored(i, i+3, anchorPrevious, 0, unitAt(i+2))
		return i + 3
	case t == "that" && f.toks[i].Tag == "DT" && unitAt(i+1) == Day:
		f.anchored(i, i+2, anchorPrevious, 0, Day)
		return i + 2
	case t == "within" && w(i+1) == "hours":
		f.anchored(i, i+2, anchorPrevious, 0, hours)
		return i + 2
	case t == "this" && partsOfDay[w(i+1)]:
		f.add(i, i+2, f.ref, Day, Relative, true)
		return i + 2
	case t == "last" && w(i+1) == "night":
		f.add(i, i+2, f.ref.AddDate(0, 0, -1), Day, Relative, true)
		return i + 2
	}
	// last/this/next week|month|year, earlier/later this month
	if t != "last" && t != "this" && t != "earlier" && t != "later" && t != "past" && t != "next" {
		return i
	}
	j := i + 1
	if (t == "earlier" || t == "later") && w(j) == "this" {
		j++
	} else if t == "earlier" || t == "later" {
		return i
	}
	n := 0
	switch t {
	case "last", "past":
		n = -1
	case "next":
		n = 1
	}
	switch unit := w(j); unit {
	case "week":
		d := f.ref.AddDate(0, 0, 7*n)
		f.add(i, j+1, d, Week, Relative, true)
		return j + 1
	case "month", "year":
		d, prec := shift(f.ref, n, unit)
		f.add(i, j+1, d, prec, Relative, true)
		return j + 1
	}
	return i
}

// until reports an expression that ends a period: "until March", "till
// the end of 2028".
func until(toks []annals.Token, first, i int) bool {
	for k, n := i-1, 0; k >= first && n < 5; k, n = k-1, n+1 {
		switch toks[k].Lower {
		case "until", "till", "til":
			return true
		case "the", "end", "of", "early", "late", "mid", "middle", "beginning", "start":
			continue
		}
		return false
	}
	return false
}

// dateline reports an expression in the dateline that opens a story:
// capitalised words, brackets and commas before it, a colon, a dash or an
// agency in brackets just after ("KABUL [Afghanistan], March 3 :",
// "HANOI, Feb. 9 (UPI) —").
func dateline(toks []annals.Token, first, last int, e *Expr) bool {
	if e.First-first > 8 || e.First == first {
		return false
	}
	for k := first; k < e.First; k++ {
		t := &toks[k]
		switch t.Text {
		case ",", "[", "]", "(", ")", "/", "-":
			continue
		}
		if t.Text == "" || t.Text[0] < 'A' || t.Text[0] > 'Z' {
			return false
		}
	}
	for k := e.Last; k < last && k < e.Last+4; k++ {
		switch toks[k].Text {
		case ":", "—", "–", "-", "--", "(":
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
		if i+1 < len(ex) && e.Resolved && ex[i+1].Resolved && e.anchor == anchorNone && ex[i+1].anchor == anchorNone && e.First > 0 && ex[i+1].First == e.Last+1 {
			lead, join := toks[e.First-1].Lower, toks[e.Last].Lower
			if (lead == "from" || lead == "between") && (join == "to" || join == "and" || join == "until" || join == "through" || join == "-" || join == "–") {
				n := ex[i+1]
				e.First--
				e.Last = n.Last
				e.End = n.Date
				e.Text = lead + " " + e.Text + " " + join + " " + n.Text
				out = append(out, e)
				i++
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

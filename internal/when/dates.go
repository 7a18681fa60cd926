package when

import (
	"time"

	"github.com/annals-events/annals"
)

// Date is the date of an event: the day (or the first day of the week,
// month or year Precision names), and how it was found. A zero Date is
// an event whose date cannot be known: its clause counts from a
// publication date the article lacks.
type Date struct {
	Day       time.Time
	Precision string
	Source    string
}

// String is the date as events carry it, YYYY-MM-DD, or "".
func (d Date) String() string {
	if d.Day.IsZero() {
		return ""
	}
	return d.Day.Format("2006-01-02")
}

func fromExpr(e *Expr) Date {
	if !e.Resolved {
		return Date{}
	}
	return Date{Day: e.Date, Precision: e.Precision, Source: e.Source}
}

// Dates holds the resolved temporal expressions of one document and
// dates its events.
type Dates struct {
	pub   time.Time
	sents []*sentence
	// story is the day of the lede, for clauses that name none
	story Date
	// carry[i] is the date of the statement a quotation open at the start
	// of sentence i continues
	carry []Date
}

// ForDoc finds and resolves the temporal expressions of every sentence of
// doc, in order: an expression counted from the previous dated event
// ("a week later", "the next day") counts from the last day named before
// it in the article, else from publication.
func ForDoc(doc *annals.Doc, pub time.Time) *Dates {
	d := &Dates{pub: pub, sents: make([]*sentence, len(doc.Sentences))}
	text := ""
	if doc.Article != nil {
		text = doc.Article.Text
	}
	d.carry = make([]Date, len(doc.Sentences))
	quoted := make([][]bool, len(doc.Sentences)) // per token: inside a quotation
	inQuote := false
	for i, s := range doc.Sentences {
		d.sents[i] = analyze(doc.Tokens, s.First, s.Last, text, pub, i == 0)
		q := make([]bool, s.Last-s.First)
		for k := s.First; k < s.Last; k++ {
			switch doc.Tokens[k].Text {
			case "“":
				inQuote = true
			case "”":
				inQuote = false
			case "\"":
				inQuote = !inQuote
			}
			q[k-s.First] = inQuote
		}
		quoted[i] = q
		if i == 0 {
			d.story = d.lede(d.sents[0], s)
		}
	}
	// what a quotation says counts from its speaker's day, the story's
	if !d.story.Day.IsZero() && !d.story.Day.Equal(day(pub)) {
		for i, s := range doc.Sentences {
			d.requote(doc, s, i, quoted[i], text)
		}
	}
	var prev *time.Time
	var said Date // the date of the statement an open quotation belongs to
	open := false
	for i, s := range doc.Sentences {
		a := d.sents[i]
		a.resolvePrevious(&prev, pub)
		if open {
			d.carry[i] = said
		}
		for k := s.First; k < s.Last; k++ {
			q := quoted[i][k-s.First]
			if q && !open {
				said = Date{}
				if r, ok := d.dateOf(a, a.cl.segOf(k), k, 0); ok {
					said = r
				}
			}
			open = q
		}
	}
	return d
}

// requote dates again, from the story's day, the expressions of sentence
// i that stand in a quotation and count from publication.
func (d *Dates) requote(doc *annals.Doc, s annals.Sentence, i int, quoted []bool, text string) {
	a := d.sents[i]
	any := false
	for _, e := range a.exprs {
		any = any || e.fromPub && quoted[e.First-s.First]
	}
	if !any {
		return
	}
	b := analyze(doc.Tokens, s.First, s.Last, text, d.story.Day, i == 0)
	if len(b.exprs) != len(a.exprs) {
		return
	}
	for j := range a.exprs {
		e := &a.exprs[j]
		if e.fromPub && quoted[e.First-s.First] && b.exprs[j].First == e.First {
			e.Date = b.exprs[j].Date
		}
	}
}

// storyReach is how many days before publication the lede's day may lie
// and still be the day of the story's undated clauses.
const storyReach = 7

// lede returns the first day the first sentence's main clause names
// outside a clause about what is to come, when it lies near publication:
// the story's day ("Mediator Qatar said Wednesday that ...", published on
// Thursday).
func (d *Dates) lede(a *sentence, s annals.Sentence) Date {
	if d.pub.IsZero() {
		return Date{}
	}
	ref := day(d.pub)
	for i := range a.exprs {
		e := &a.exprs[i]
		if !e.dates() || !e.Resolved || e.Precision != Day || e.anchor != anchorNone || a.cl.segOf(e.First) != 0 ||
			!e.End.IsZero() || a.cl.direction(e.First, e.Last) == dirFuture {
			continue
		}
		if e.Date.Before(ref.AddDate(0, 0, -storyReach)) || e.Date.After(ref.AddDate(0, 0, pastTimeZoneLead)) {
			continue
		}
		return Date{Day: e.Date, Precision: Day, Source: Context}
	}
	return Date{}
}

// Exprs returns the expressions of sentence i.
func (d *Dates) Exprs(i int) []Expr { return d.sents[i].exprs }

// Event returns the date of an event whose trigger is token trig of
// sentence si: the expression of the trigger's own clause nearest the
// trigger; failing one, the date of the clause that reports it, of the
// clause a "when" or participle clause hangs on, or of the noun phrase a
// relative clause modifies; a clause after "N days after" counts back
// from the clause it hangs on. A clause with no date of its own takes
// the date of the statement its quotation continues, else the day of the
// article's lede (the story's day, when it lies within a week before
// publication), else the publication date.
func (d *Dates) Event(si, trig int) Date {
	a := d.sents[si]
	if r, ok := d.dateOf(a, a.cl.segOf(trig), trig, 0); ok {
		return r
	}
	if c := d.carry[si]; !c.Day.IsZero() {
		return Date{Day: c.Day, Precision: c.Precision, Source: Context}
	}
	if !d.story.Day.IsZero() {
		return d.story
	}
	return d.published()
}

func (d *Dates) published() Date {
	if d.pub.IsZero() {
		return Date{}
	}
	return Date{Day: day(d.pub), Precision: Day, Source: Publication}
}

func (d *Dates) dateOf(a *sentence, s, pos, depth int) (Date, bool) {
	if depth > len(a.cl.segs) {
		return Date{}, false
	}
	if e := a.own(s, pos); e != nil {
		return fromExpr(e), true
	}
	if r, ok := a.afterNamed(s); ok {
		return r, true
	}
	sg := a.cl.segs[s]
	switch sg.link {
	case linkReported, linkSame:
		return d.dateOf(a, sg.parent, sg.opener, depth+1)
	case linkRelative:
		if e := a.antecedent(sg); e != nil {
			return fromExpr(e), true
		}
	case linkApart:
		if sg.offset < 0 {
			break
		}
		o := &a.exprs[sg.offset]
		base, ok := d.dateOf(a, sg.parent, sg.opener, depth+1)
		if !ok {
			base = d.published()
		}
		if base.Day.IsZero() {
			return Date{}, true
		}
		t, prec := shift(base.Day, o.offset, o.unit)
		return Date{Day: t, Precision: coarser(prec, base.Precision), Source: Relative}, true
	}
	return Date{}, false
}

// afterNamed dates a clause that names no date of its own but hangs a
// counted "after" or "before" on a noun phrase set before it: "a day
// after the bombing, the government declared ..." tells of an event
// already named, so the clause counts from the last dated day before it.
func (a *sentence) afterNamed(s int) (Date, bool) {
	for c, sg := range a.cl.segs {
		if sg.parent != s || sg.offset < 0 || sg.link != linkApart {
			continue
		}
		o := &a.exprs[sg.offset]
		if o.before == nil || a.cl.hasFinite(c) || a.cl.finiteBefore(s, o.First) {
			continue
		}
		t, prec := shift(*o.before, -o.offset, o.unit)
		return Date{Day: t, Precision: prec, Source: Relative}, true
	}
	return Date{}, false
}

// own returns the expression of segment s nearest token pos that can date
// it, nil when none: one after pos first, as a date after the trigger is
// more often its own.
func (a *sentence) own(s, pos int) *Expr {
	var best *Expr
	dist := 1 << 30
	for i := range a.exprs {
		e := &a.exprs[i]
		if !e.dates() || a.cl.segOf(e.First) != s {
			continue
		}
		dd := e.First - pos
		if dd < 0 {
			dd = pos - e.Last + 1 + 2
		}
		if dd < dist {
			best, dist = e, dd
		}
	}
	return best
}

// antecedent returns the expression in the noun phrase a relative clause
// modifies: the last one of its parent before it with no verb between
// ("an April 1 strike on the consulate, which killed seven").
func (a *sentence) antecedent(sg segment) *Expr {
	var best *Expr
	for i := range a.exprs {
		e := &a.exprs[i]
		if !e.dates() || e.Last > sg.opener || a.cl.segOf(e.First) != sg.parent {
			continue
		}
		verb := false
		for k := e.Last; k < sg.opener; k++ {
			verb = verb || isVerb(&a.cl.toks[k])
		}
		if !verb {
			best = e
		}
	}
	return best
}

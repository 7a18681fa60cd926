package eval

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/annals-events/annals"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// NewsEvent is one hand-coded event of a news gold record
// (../shared/eval/news_dev.jsonl): the sentence holding Cue tells it.
type NewsEvent struct {
	Cue      string   `json:"cue"`
	Source   Prefixes `json:"source"`
	Target   Prefixes `json:"target"`
	Roots    []string `json:"roots"`
	Mode     string   `json:"mode"`
	Required *bool    `json:"required"`
	Note     string   `json:"note"`
	// Date is the day (or the start of the week, month or year, as
	// DatePrecision says) the event happened, when the text fixes it;
	// DateBasis says how: explicit (its own clause or the clause reporting
	// it names the date) or context (other sentences fix it). news_dev's
	// dates come from news_dev_dates.tsv.
	Date          string `json:"date"`
	DatePrecision string `json:"date_precision"`
	DateBasis     string `json:"date_basis"`
	// Places are the names a careful coder accepts for where the event
	// happened (a three-letter code accepts a location given only as that
	// country), PlaceCountry the place's country and PlaceBasis how the
	// text tells it (clause, article, dateline, implied or none; see
	// PlaceClause). news_dev's places come from news_dev_places.tsv.
	Places       []string `json:"places"`
	PlaceCountry string   `json:"place_country"`
	PlaceBasis   string   `json:"place_basis"`
}

func (g *NewsEvent) required() bool { return g.Required == nil || *g.Required }

// Trap is something that must not be coded as having happened in the
// sentence holding Cue.
type Trap struct {
	Cue    string   `json:"cue"`
	Roots  []string `json:"roots"`
	Source Prefixes `json:"source"`
	Target Prefixes `json:"target"`
	Why    string   `json:"why"`
}

// Prefixes are alternative actor-code prefixes; a JSON string is one
// prefix and null (Any) matches any code, empty included.
type Prefixes struct {
	Any  bool
	List []string
}

// UnmarshalJSON reads a string, a list of strings or null.
func (p *Prefixes) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case nil:
		*p = Prefixes{Any: true}
	case string:
		*p = Prefixes{List: []string{strings.ToUpper(x)}}
	case []any:
		*p = Prefixes{}
		for _, e := range x {
			p.List = append(p.List, strings.ToUpper(fmt.Sprint(e)))
		}
	default:
		return fmt.Errorf("actor prefixes: want a string, a list or null, got %s", b)
	}
	return nil
}

// match reports whether code starts with one of the prefixes.
func (p Prefixes) match(code string) bool {
	if p.Any {
		return true
	}
	code = strings.ToUpper(code)
	if code == "" {
		return false
	}
	for _, x := range p.List {
		if strings.HasPrefix(code, x) {
			return true
		}
	}
	return false
}

// given reports whether the field was present in the JSON (null included).
func (p Prefixes) given() bool { return p.Any || len(p.List) > 0 }

func (p Prefixes) String() string {
	if p.Any {
		return "-"
	}
	return strings.Join(p.List, "|")
}

var (
	quoteFold = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
		"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u2033", `"`,
		"\u2013", "-", "\u2014", "-", "\u2012", "-", "\u2010", "-", "\u2011", "-", "\u00a0", " ")
	spaces = regexp.MustCompile(`\s+`)
	folder = cases.Fold()
)

// normCue folds a text for cue matching as score_news.py does: NFKC,
// straight quotes and dashes, collapsed white space, case folded.
func normCue(s string) string {
	s = quoteFold.Replace(norm.NFKC.String(s))
	return folder.String(strings.TrimSpace(spaces.ReplaceAllString(s, " ")))
}

func eventRoot(e *annals.Event) string {
	r := strings.TrimSpace(e.Root)
	if r == "" {
		r = strings.TrimSpace(e.Code)
	}
	if r == "" {
		return ""
	}
	if len(r) < 2 {
		r = "0" + r
	}
	return r[:2]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s || x == "*" {
			return true
		}
	}
	return false
}

// MatchNews matches the counted events evs of a news record (those whose
// mode is asserted, intended or reported, as Run passes them) to its gold
// events by the scoring rule of ../shared/eval/README.md: greedy, required
// gold events first, each event and each gold event matched at most once.
// It returns, per event of evs, the index of the gold event it matched in
// rec.Events, or -1. tools/genconf judges news events with it.
func MatchNews(rec Record, evs []annals.Event) []int {
	m, _, _ := matchNews(rec, evs)
	return m
}

// matchNews is MatchNews, with the events' folded sentences and the gold
// event each event matched (by gold index: the event's index).
func matchNews(rec Record, evs []annals.Event) (match []int, sents []string, hitOf map[int]int) {
	var gevs []NewsEvent
	if rec.Events != nil {
		gevs = *rec.Events
	}
	sents = make([]string, len(evs))
	match = make([]int, len(evs))
	for k := range evs {
		sents[k] = normCue(evs[k].Sentence)
		match[k] = -1
	}
	hitOf = map[int]int{}
	var order []int
	for pass := 0; pass < 2; pass++ {
		for i := range gevs {
			if gevs[i].required() == (pass == 0) {
				order = append(order, i)
			}
		}
	}
	for _, gi := range order {
		g := &gevs[gi]
		cue := normCue(g.Cue)
		for k := range evs {
			if match[k] >= 0 || !strings.Contains(sents[k], cue) || !contains(g.Roots, eventRoot(&evs[k])) {
				continue
			}
			if !g.Source.match(evs[k].Source) || !g.Target.match(evs[k].Target) {
				continue
			}
			match[k], hitOf[gi] = gi, k
			break
		}
	}
	return match, sents, hitOf
}

// scoreNews applies the news scoring rule of ../shared/eval/README.md to
// one record: greedy matching, required events first.
func (r *Report) scoreNews(rec Record, evs []annals.Event) {
	gevs := *rec.Events
	match, sents, hitOf := matchNews(rec, evs)
	used := map[int]int{}
	for k, gi := range match {
		if gi >= 0 {
			used[k] = gi
		}
	}
	r.Emitted += len(evs)
	r.Matched += len(used)
	r.scoreArgs(gevs, evs, sents)
	r.scoreDates(rec, evs, hitOf)
	r.scorePlaces(rec, evs, hitOf)
	for k := range evs {
		b := confBucket(evs[k].Confidence)
		r.ConfEmitted[b]++
		if _, ok := used[k]; ok {
			r.ConfMatched[b]++
		}
	}
	var lines []string
	found := 0
	for i := range gevs {
		if !gevs[i].required() {
			continue
		}
		r.Expected++
		if _, ok := hitOf[i]; ok {
			found++
			r.RequiredFound++
		} else {
			lines = append(lines, "  MISS  "+fmtGold(&gevs[i]))
		}
	}
	for i, k := range hitOf {
		r.ModePairs++
		if gold := cmp.Or(gevs[i].Mode, string(annals.Asserted)); gold == string(cmp.Or(evs[k].Mode, annals.Asserted)) {
			r.ModeSame++
		}
	}
	for k := range evs {
		if _, ok := used[k]; !ok {
			lines = append(lines, "  SPUR  "+fmtEvent(&evs[k]))
		}
	}
	for k := range evs {
		for _, t := range rec.Traps {
			if !strings.Contains(sents[k], normCue(t.Cue)) || !contains(t.Roots, eventRoot(&evs[k])) {
				continue
			}
			if t.Source.given() && !t.Source.match(evs[k].Source) || t.Target.given() && !t.Target.match(evs[k].Target) {
				continue
			}
			r.TrapHits++
			lines = append(lines, fmt.Sprintf("  TRAP  %s  [%s]", fmtEvent(&evs[k]), t.Why))
			break
		}
	}
	if len(lines) > 0 {
		req := 0
		for i := range gevs {
			if gevs[i].required() {
				req++
			}
		}
		r.Errors = append(r.Errors, fmt.Sprintf("== %s: required %d/%d, emitted %d, matched %d\n%s", rec.ID, found, req, len(evs), len(used), strings.Join(lines, "\n")))
	}
}

// scoreArgs counts, among events whose sentence holds a gold cue and whose
// root is that gold event's, how many have the right source, target and
// both (score_args.py): it tells "found the event, attached the wrong
// actor" apart from finding nothing.
func (r *Report) scoreArgs(gevs []NewsEvent, evs []annals.Event, sents []string) {
	for k := range evs {
		e := &evs[k]
		var so, to, bo, any bool
		for i := range gevs {
			g := &gevs[i]
			if !strings.Contains(sents[k], normCue(g.Cue)) || !contains(g.Roots, eventRoot(e)) {
				continue
			}
			any = true
			sm, tm := g.Source.match(e.Source), g.Target.match(e.Target)
			so, to, bo = so || sm, to || tm, bo || sm && tm
		}
		if !any {
			continue
		}
		r.ArgN++
		r.ArgSource += b2i(so)
		r.ArgTarget += b2i(to)
		r.ArgBoth += b2i(bo)
	}
}

// confBuckets are the lower bounds of the confidence bands reported.
var confBuckets = [...]float64{0, 0.5, 0.6, 0.7, 0.8, 0.9}

// PrecisionAt is, on a news set, the share of the counted events with
// confidence x or more that match a gold event, and how many there are;
// x is one of the bands reported (0, 0.5, 0.6, 0.7, 0.8, 0.9), a lower
// one rounds up to the band above it.
func (r *Report) PrecisionAt(x float64) (float64, int) {
	m, e := 0, 0
	for i, lo := range confBuckets {
		if lo >= x-1e-9 {
			m, e = m+r.ConfMatched[i], e+r.ConfEmitted[i]
		}
	}
	return div(m, e), e
}

func confBucket(c float64) int {
	b := 0
	for i, lo := range confBuckets {
		if c >= lo-1e-9 {
			b = i
		}
	}
	return b
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func fmtGold(g *NewsEvent) string {
	opt := ""
	if !g.required() {
		opt = " (optional)"
	}
	return fmt.Sprintf("%s -> %s %s %s%s cue=%q", g.Source, g.Target, strings.Join(g.Roots, "/"), g.Mode, opt, g.Cue)
}

func fmtEvent(e *annals.Event) string {
	s := spaces.ReplaceAllString(e.Sentence, " ")
	if len(s) > 160 {
		s = s[:160]
	}
	return fmt.Sprintf("%s -> %s %s %s (%s) | %s", orQuote(e.Source), orQuote(e.Target), e.Code, e.Mode, e.Rule, s)
}

func orQuote(s string) string {
	if s == "" {
		return "''"
	}
	return s
}

func (r *Report) printNews(w io.Writer) {
	s := r.Scores()
	fmt.Fprintf(w, "records %d, required events %d (found %d), emitted %d, matched %d\n", r.N, r.Expected, r.RequiredFound, r.Emitted, r.Matched)
	fmt.Fprintf(w, "news precision=%.2f recall=%.2f f1=%.2f matched=%d emitted=%d required=%d traps=%d mode_agree=%.2f\n",
		s["precision"], s["recall"], s["f1"], r.Matched, r.Emitted, r.Expected, r.TrapHits, s["mode_agree"])
	fmt.Fprintf(w, "precision at confidence >= x:")
	for _, x := range confBuckets {
		p, e := r.PrecisionAt(x)
		fmt.Fprintf(w, "  %.1f: %.2f (%d)", x, p, e)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "args root_matched=%d source_acc=%.2f target_acc=%.2f both_acc=%.2f\n", r.ArgN, s["source_acc"], s["target_acc"], s["both_acc"])
	if r.Dates.N > 0 {
		r.Dates.line(w, "matched")
	}
	if r.CueDates.N > 0 {
		r.CueDates.line(w, "at_cues")
	}
	if r.Places.N > 0 {
		r.Places.line(w, "matched")
	}
	if r.CuePlaces.N > 0 {
		r.CuePlaces.line(w, "at_cues")
	}
}

package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/annals-events/annals"
)

// Record is one gold record, in either format.
type Record struct {
	ID          string       `json:"id"`
	Date        *string      `json:"date"`
	Text        string       `json:"text"`
	Expected    *[]GoldEvent `json:"expected"`
	Pentaclass  *int         `json:"pentaclass"`
	SourceSpans []string     `json:"source_spans"`
	TargetSpans []string     `json:"target_spans"`
	// news records (news_dev.jsonl)
	Published string       `json:"published"`
	Events    *[]NewsEvent `json:"events"`
	Traps     []Trap       `json:"traps"`
}

// GoldEvent is one expected event.
type GoldEvent struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// Coder is what eval needs from the pipeline.
type Coder func(a *annals.Article) []annals.Event

// PentaOf maps a CAMEO root to its penta class, in the Phoenix convention
// the cameo_class labels follow (../shared/cameo/README.md): reducing
// relations (16) is verbal conflict (3), though its quad class is material
// conflict; the lexicon's cameo.tsv says the same for every code (a test
// checks it).
func PentaOf(root string) int {
	switch {
	case root == "16":
		return 3
	case root <= "02":
		return 0
	case root <= "05":
		return 1
	case root <= "08":
		return 2
	case root <= "13":
		return 3
	}
	return 4
}

// Load reads a JSONL gold file.
func Load(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if r.Expected == nil && r.Pentaclass == nil && r.Events == nil {
			return nil, fmt.Errorf("%s:%d: record has none of expected, pentaclass or events", path, n)
		}
		annotateDates(&r)
		annotatePlaces(&r)
		out = append(out, r)
	}
	return out, sc.Err()
}

func countable(evs []annals.Event) []annals.Event {
	var out []annals.Event
	for _, e := range evs {
		if e.Countable() {
			out = append(out, e)
		}
	}
	return out
}

func agree(gold, got string) bool {
	if len(gold) < 3 {
		return true
	}
	if strings.HasPrefix(gold, "---") {
		return true
	}
	return len(got) >= 3 && got[:3] == gold[:3]
}

func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// Report is the result of a run, printed by Print.
type Report struct {
	Kind string
	N    int
	// event sets
	Expected, Emitted, Matched int
	RootTP, RootGold, RootPred map[string]int
	Confusion                  map[string]map[string]int
	// penta
	Correct      int
	PentaTP      [5]int
	PentaGold    [5]int
	PentaPred    [5]int
	SrcF1, TgtF1 float64
	SrcN, TgtN   int
	// news
	RequiredFound, TrapHits, ModePairs, ModeSame int
	ArgN, ArgSource, ArgTarget, ArgBoth          int
	ConfEmitted, ConfMatched                     [len(confBuckets)]int
	// Dates scores the dates of matched events on dated gold events;
	// CueDates, filled by ScoreDatesAtCues, every dated gold event.
	Dates, CueDates DateScore
	// Places scores the locations of matched events on gold events with
	// an annotated place; CuePlaces, filled by ScorePlacesAtCues, every
	// gold event with one, placed at its cue.
	Places, CuePlaces PlaceScore
	Errors            []string
}

// Article is what the coder is fed for the record: its id, text and date
// (date or published; zero when missing or not YYYY-MM-DD).
func (rec Record) Article() *annals.Article {
	a := &annals.Article{ID: rec.ID, Text: rec.Text}
	date := rec.Published
	if rec.Date != nil {
		date = *rec.Date
	}
	if date != "" {
		if t, err := time.Parse("2006-01-02", date); err == nil {
			a.Published = t
		}
	}
	return a
}

// Run scores recs with code.
func Run(recs []Record, code Coder) *Report {
	r := &Report{RootTP: map[string]int{}, RootGold: map[string]int{}, RootPred: map[string]int{}, Confusion: map[string]map[string]int{}}
	for _, rec := range recs {
		evs := countable(code(rec.Article()))
		r.N++
		if rec.Events != nil {
			r.Kind = "news"
			r.scoreNews(rec, evs)
		} else if rec.Expected != nil {
			r.Kind = "events"
			r.scoreEvents(rec, evs)
		} else {
			r.Kind = "penta"
			r.scorePenta(rec, evs)
		}
	}
	return r
}

func (r *Report) scoreEvents(rec Record, evs []annals.Event) {
	exp := *rec.Expected
	used := make([]bool, len(evs))
	r.Expected += len(exp)
	r.Emitted += len(evs)
	for _, e := range evs {
		r.RootPred[root(e.Code)]++
	}
	var missed []string
	for _, g := range exp {
		gr := root(g.Code)
		r.RootGold[gr]++
		hit := -1
		dyad := -1
		for i, e := range evs {
			if used[i] {
				continue
			}
			if agree(g.Source, e.Source) && (g.Target == "" || agree(g.Target, e.Target)) {
				if dyad < 0 {
					dyad = i
				}
				if root(e.Code) == gr {
					hit = i
					break
				}
			}
		}
		row := r.Confusion[gr]
		if row == nil {
			row = map[string]int{}
			r.Confusion[gr] = row
		}
		if hit >= 0 {
			used[hit] = true
			r.Matched++
			r.RootTP[gr]++
			row[gr]++
			continue
		}
		if dyad >= 0 {
			row[root(evs[dyad].Code)]++
		} else {
			row["none"]++
		}
		missed = append(missed, fmt.Sprintf("%s->%s %s", g.Source, g.Target, g.Code))
	}
	var extra []string
	for i, e := range evs {
		if !used[i] {
			extra = append(extra, fmt.Sprintf("%s->%s %s (%s)", e.Source, e.Target, e.Code, e.Rule))
		}
	}
	if len(missed) > 0 || len(extra) > 0 {
		r.Errors = append(r.Errors, fmt.Sprintf("%s: %s\n  missed: %s\n  extra:  %s", rec.ID, rec.Text, strings.Join(missed, "; "), strings.Join(extra, "; ")))
	}
}

func (r *Report) scorePenta(rec Record, evs []annals.Event) {
	gold := *rec.Pentaclass
	r.PentaGold[gold]++
	var best *annals.Event
	for i := range evs {
		if best == nil || evs[i].Confidence > best.Confidence {
			best = &evs[i]
		}
	}
	pred := -1
	if best != nil {
		pred = PentaOf(root(best.Code))
		r.PentaPred[pred]++
	}
	if pred == gold {
		r.Correct++
		r.PentaTP[gold]++
	}
	if rec.SourceSpans != nil {
		r.SrcN++
		if best != nil {
			r.SrcF1 += bestOverlap(best.SourceText, rec.SourceSpans)
		}
	}
	if rec.TargetSpans != nil {
		r.TgtN++
		if best != nil {
			r.TgtF1 += bestOverlap(best.TargetText, rec.TargetSpans)
		}
	}
	if pred != gold {
		p := "no event"
		if best != nil {
			p = fmt.Sprintf("%d (%s->%s %s %s)", pred, best.Source, best.Target, best.Code, best.Rule)
		}
		r.Errors = append(r.Errors, fmt.Sprintf("%s: %s\n  gold %d, predicted %s", rec.ID, rec.Text, gold, p))
	}
}

func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// overlapF1 is the token-overlap F1 of two strings (lower-cased,
// punctuation dropped).
func overlapF1(pred, gold string) float64 {
	p, g := tokens(pred), tokens(gold)
	if len(p) == 0 || len(g) == 0 {
		return 0
	}
	cnt := map[string]int{}
	for _, w := range g {
		cnt[w]++
	}
	common := 0
	for _, w := range p {
		if cnt[w] > 0 {
			cnt[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	prec := float64(common) / float64(len(p))
	rec := float64(common) / float64(len(g))
	return 2 * prec * rec / (prec + rec)
}

func bestOverlap(pred string, golds []string) float64 {
	best := 0.0
	for _, g := range golds {
		if f := overlapF1(pred, g); f > best {
			best = f
		}
	}
	return best
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func div(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores returns the headline figures: for event sets precision, recall
// and F1; for penta sets accuracy, macro-F1, source-span and target-span F1.
func (r *Report) Scores() map[string]float64 {
	if r.Kind == "news" {
		p, rc := div(r.Matched, r.Emitted), div(r.RequiredFound, r.Expected)
		return map[string]float64{"precision": p, "recall": rc, "f1": f1(p, rc), "traps": float64(r.TrapHits), "mode_agree": div(r.ModeSame, r.ModePairs),
			"source_acc": div(r.ArgSource, r.ArgN), "target_acc": div(r.ArgTarget, r.ArgN), "both_acc": div(r.ArgBoth, r.ArgN)}
	}
	if r.Kind == "events" {
		p, rc := div(r.Matched, r.Emitted), div(r.Matched, r.Expected)
		return map[string]float64{"precision": p, "recall": rc, "f1": f1(p, rc)}
	}
	macro := 0.0
	for c := 0; c < 5; c++ {
		macro += f1(div(r.PentaTP[c], r.PentaPred[c]), div(r.PentaTP[c], r.PentaGold[c]))
	}
	return map[string]float64{"accuracy": div(r.Correct, r.N), "macro_f1": macro / 5,
		"source_span_f1": r.SrcF1 / float64(max(r.SrcN, 1)), "target_span_f1": r.TgtF1 / float64(max(r.TgtN, 1))}
}

// Print writes the report.
func (r *Report) Print(w io.Writer, errors bool) {
	s := r.Scores()
	if r.Kind == "news" {
		r.printNews(w)
	} else if r.Kind == "events" {
		fmt.Fprintf(w, "records %d, expected events %d, emitted %d, matched %d\n", r.N, r.Expected, r.Emitted, r.Matched)
		fmt.Fprintf(w, "root+dyad  precision %.3f  recall %.3f  F1 %.3f\n\n", s["precision"], s["recall"], s["f1"])
		roots := map[string]bool{}
		for k := range r.RootGold {
			roots[k] = true
		}
		for k := range r.RootPred {
			roots[k] = true
		}
		var keys []string
		for k := range roots {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(w, "root  gold  pred  tp    P      R      F1\n")
		for _, k := range keys {
			p, rc := div(r.RootTP[k], r.RootPred[k]), div(r.RootTP[k], r.RootGold[k])
			fmt.Fprintf(w, "%-4s  %4d  %4d  %3d  %.3f  %.3f  %.3f\n", k, r.RootGold[k], r.RootPred[k], r.RootTP[k], p, rc, f1(p, rc))
		}
		fmt.Fprintf(w, "\nconfusion (gold root -> emitted root for the same dyad, or none)\n")
		var gk []string
		for k := range r.Confusion {
			gk = append(gk, k)
		}
		sort.Strings(gk)
		for _, g := range gk {
			var cells []string
			var ck []string
			for k := range r.Confusion[g] {
				ck = append(ck, k)
			}
			sort.Strings(ck)
			for _, k := range ck {
				cells = append(cells, fmt.Sprintf("%s:%d", k, r.Confusion[g][k]))
			}
			fmt.Fprintf(w, "  %s -> %s\n", g, strings.Join(cells, " "))
		}
	} else {
		fmt.Fprintf(w, "records %d\npentaclass accuracy %.3f  macro-F1 %.3f\nsource-span F1 %.3f (%d records)  target-span F1 %.3f (%d records)\n\n",
			r.N, s["accuracy"], s["macro_f1"], s["source_span_f1"], r.SrcN, s["target_span_f1"], r.TgtN)
		fmt.Fprintf(w, "class  gold  pred  tp    P      R      F1\n")
		for c := 0; c < 5; c++ {
			p, rc := div(r.PentaTP[c], r.PentaPred[c]), div(r.PentaTP[c], r.PentaGold[c])
			fmt.Fprintf(w, "%-5d  %4d  %4d  %3d  %.3f  %.3f  %.3f\n", c, r.PentaGold[c], r.PentaPred[c], r.PentaTP[c], p, rc, f1(p, rc))
		}
	}
	if errors {
		fmt.Fprintf(w, "\nerrors (%d)\n", len(r.Errors))
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
		errorBlock(w, "date", "matched events", r.Dates.Errors)
		errorBlock(w, "date", "at the gold cues", r.CueDates.Errors)
		errorBlock(w, "place", "matched events", r.Places.Errors)
		errorBlock(w, "place", "at the gold cues", r.CuePlaces.Errors)
	}
}

// errorBlock prints a list of date or place errors under its heading.
func errorBlock(w io.Writer, what, name string, errs []string) {
	if len(errs) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s errors, %s (%d)\n", what, name, len(errs))
	for _, e := range errs {
		fmt.Fprintln(w, e)
	}
}

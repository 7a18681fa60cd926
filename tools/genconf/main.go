// Command genconf fits the coder's confidence model
// (internal/coder/lexicon/confidence.tsv) on the project's own annotated
// sentences and articles. It codes every row of an annotated file (.tsv)
// and judges each countable event against the row (package annot:
// expected, forbidden, or unlisted); it codes every article of a news gold
// file (.jsonl, the format of ../shared/eval/news_dev.jsonl), merges the
// tellings of each event as the pipeline does and judges the events the
// way annals eval scores them (eval.MatchNews: a matched event is right,
// an unmatched one wrong). It then fits an L2-regularised logistic
// regression from the events' evidence features (coder.Calibrate) to
// those verdicts. Unlisted events count as wrong (a row lists the events
// that must be there, so an event it does not mention is usually, not
// always, wrong; -unlisted-weight weighs them); the tellings of one event
// of an article share one weight (-news-weight).
//
// Usage (from the repository root; this is how the embedded file was made):
//
//	T=internal/coder/testdata
//	go run ./tools/genconf -out internal/coder/lexicon/confidence.tsv \
//	    -eval $T/heldout2.tsv,$T/articles-heldout.jsonl \
//	    $T/sentences.tsv $T/heldout.tsv $T/articles.jsonl
//
// -eval reports, for each file not fitted on, the share of events judged
// right at each confidence band (an article's event counted once, at the
// highest confidence of its tellings), beside the same for the coder's
// rule-of-thumb confidence. Refit after changing the lexicon or the coder:
// a row's weight (row=verbs.tsv:accuse/of/112) is keyed by its content,
// not its line.
//
// The fit is deterministic. Keep annotated sets out of the fit to measure
// the result on (heldout2.tsv, articles-heldout.jsonl), and never fit on
// the evaluation sets under ../shared/eval.
package main

import (
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/coder"
	"github.com/annals-events/annals/internal/coder/annot"
	"github.com/annals-events/annals/internal/eval"
	"github.com/annals-events/annals/internal/pipeline"
)

func main() {
	log.SetFlags(0)
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

// sample is one judged event.
type sample struct {
	feats []string
	y, wt float64
	rule  float64 // the coder's rule-of-thumb confidence
	// grp numbers the event the sample becomes once repeats merge: the
	// tellings of one event of an article share it, and the event's
	// confidence is the highest of theirs
	grp  int
	desc string // the event, for -dump
}

// describe names an event for -dump.
func describe(id string, e *annals.Event) string {
	return fmt.Sprintf("%s %d %s>%s %s %s | %s", id, e.SentenceIndex, e.Source, e.Target, e.Code, e.Rule, strings.Join(strings.Fields(e.Sentence), " "))
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("genconf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "internal/coder/lexicon/confidence.tsv", "output `FILE` (- for standard output)")
	evalFiles := fs.String("eval", "", "also report how the fitted model ranks the events of these comma-separated annotated `FILES` (not fitted on)")
	lexDir := fs.String("lexicon-dir", "", "code with the lexicon in this folder instead of the embedded one")
	unlisted := fs.Float64("unlisted-weight", 1, "weight of events a row neither expects nor forbids (counted as wrong)")
	newsWeight := fs.Float64("news-weight", 1, "weight of an event of a news file (.jsonl), shared among its tellings")
	l2 := fs.Float64("l2", 3, "L2 penalty on the weights")
	minCount := fs.Int("min-count", 3, "drop features seen on fewer events")
	dump := fs.String("dump", "", "also write the judged events of the fitted files to `FILE`: verdict (1 right, 0 wrong), weight, event number, features and the event, tab-separated")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("genconf: name at least one annotated file (internal/coder/testdata/*.tsv, *.jsonl)")
	}
	// no confidence floor: every event is judged, whatever the old model said
	p, err := pipeline.New(pipeline.Options{LexiconDir: *lexDir, MinConfidence: -1, Dirs: func(d string) iofs.FS { return os.DirFS(d) }})
	if err != nil {
		return err
	}
	j := judge{unlisted: *unlisted, news: *newsWeight}
	samples, files, nrows, err := j.collect(p, fs.Args())
	if err != nil {
		return err
	}
	if *dump != "" {
		if err := writeSamples(*dump, samples); err != nil {
			return err
		}
	}
	m := fit(samples, *l2, *minCount)
	w := stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if err := m.write(w, files, samples, *unlisted, *newsWeight, *l2); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "genconf: %d rows and articles, %d events (%d right), %d features; log-loss %.3f\n",
		nrows, countEvents(samples), countRight(samples), len(m.w), m.logLoss(samples))
	if *evalFiles != "" {
		for _, path := range strings.Split(*evalFiles, ",") {
			ev, _, n, err := j.collect(p, []string{path})
			if err != nil {
				return err
			}
			unit := "rows"
			if isNews(path) {
				unit = "articles"
			}
			fmt.Fprintf(stderr, "genconf: on %s (%d %s, %d events, %d right): log-loss %.3f, share right at confidence >= x:%s\n",
				path, n, unit, countEvents(ev), countRight(ev), m.logLoss(ev), m.bands(ev))
			fmt.Fprintf(stderr, "genconf: the rule-of-thumb confidence there:%s\n", bands(ev, func(s sample) float64 { return s.rule }))
		}
	}
	return nil
}

// judge turns coded events into judged samples.
type judge struct {
	unlisted float64 // weight of an event an annotated row does not mention
	news     float64 // weight of an event of a news file
	grps     int     // events numbered so far (sample.grp)
}

// isNews reports whether path is a news gold file (JSON lines in the
// format of ../shared/eval/news_dev.jsonl) rather than annotated rows.
func isNews(path string) bool { return strings.HasSuffix(path, ".jsonl") }

// collect codes the rows of the annotated files and the articles of the
// news files, and judges their countable events.
func (j *judge) collect(p *pipeline.Pipeline, paths []string) (samples []sample, files []string, nrows int, err error) {
	var curFeats [][]string
	var curEvs []annals.Event
	p.Coder.OnFeatures = func(e annals.Event, f []string) {
		curFeats = append(curFeats, append([]string(nil), f...))
		curEvs = append(curEvs, e)
	}
	defer func() { p.Coder.OnFeatures = nil }()
	for _, path := range paths {
		if isNews(path) {
			recs, err := eval.Load(path)
			if err != nil {
				return nil, nil, 0, err
			}
			files = append(files, fmt.Sprintf("%s (%d articles)", filepath.ToSlash(path), len(recs)))
			nrows += len(recs)
			for _, rec := range recs {
				if rec.Events == nil {
					return nil, nil, 0, fmt.Errorf("%s: record %q has no events: not a news gold record", path, rec.ID)
				}
				curFeats, curEvs = curFeats[:0], curEvs[:0]
				a := rec.Article()
				ref := a.Published
				if ref.IsZero() {
					ref = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
				}
				res := p.Process(a, ref)
				if res.Err != nil {
					return nil, nil, 0, fmt.Errorf("%s: %s: %v", path, rec.ID, res.Err)
				}
				samples = j.judgeNews(samples, rec, res.Doc, curFeats, curEvs)
			}
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, 0, err
		}
		rows, err := annot.Read(f, filepath.Base(path))
		f.Close()
		if err != nil {
			return nil, nil, 0, err
		}
		files = append(files, fmt.Sprintf("%s (%d rows)", filepath.ToSlash(path), len(rows)))
		nrows += len(rows)
		for _, r := range rows {
			ref, err := time.Parse("2006-01-02", r.Date)
			if err != nil {
				return nil, nil, 0, fmt.Errorf("%s:%d: bad date %q", path, r.Line, r.Date)
			}
			curFeats, curEvs = curFeats[:0], curEvs[:0]
			p.Process(&annals.Article{ID: "row", Text: r.Text, Published: ref}, ref)
			for i, e := range curEvs {
				if !e.Countable() {
					continue
				}
				s := sample{feats: curFeats[i], rule: e.Confidence, grp: j.grps, desc: describe(fmt.Sprintf("%s:%d", path, r.Line), &e)}
				j.grps++
				switch r.Judge(e) {
				case annot.Right:
					s.y, s.wt = 1, 1
				case annot.Wrong:
					s.y, s.wt = 0, 1
				default:
					s.y, s.wt = 0, j.unlisted
				}
				samples = append(samples, s)
			}
		}
	}
	return samples, files, nrows, nil
}

// judgeNews judges the events of one article the way annals eval scores
// them: the tellings of an event merge (coder.MergeRepeats, as the
// pipeline does), the merged events are matched to the record's gold
// events (eval.MatchNews), and every telling of a matched event is right,
// of an unmatched one wrong. The tellings of one event share its weight.
func (j *judge) judgeNews(samples []sample, rec eval.Record, doc *annals.Doc, feats [][]string, evs []annals.Event) []sample {
	merged, group := coder.RepeatGroups(doc, evs)
	var counted []annals.Event
	at := make([]int, len(merged)) // index in counted, -1 when not counted
	for k := range merged {
		at[k] = -1
		if merged[k].Countable() {
			at[k] = len(counted)
			counted = append(counted, merged[k])
		}
	}
	match := eval.MatchNews(rec, counted)
	tellings := make([]int, len(merged))
	for i, g := range group {
		if g >= 0 && evs[i].Countable() {
			tellings[g]++
		}
	}
	for i := range evs {
		g := group[i]
		if g < 0 || at[g] < 0 || !evs[i].Countable() {
			continue
		}
		s := sample{feats: feats[i], rule: evs[i].Confidence, wt: j.news / float64(tellings[g]), grp: j.grps + g, desc: describe(rec.ID, &evs[i])}
		if match[at[g]] >= 0 {
			s.y = 1
		}
		samples = append(samples, s)
	}
	j.grps += len(merged)
	return samples
}

// bands is the share of events judged right at confidence >= x.
func (m *model) bands(ss []sample) string {
	return bands(ss, func(s sample) float64 { return sigmoid(m.z(s.feats)) })
}

// bands counts events, not tellings: an event's confidence is the highest
// of its tellings' (coder.MergeRepeats), as annals eval sees it.
func bands(ss []sample, conf func(sample) float64) string {
	best := map[int]float64{}
	right := map[int]bool{}
	for _, s := range ss {
		c := conf(s)
		if b, ok := best[s.grp]; !ok || c > b {
			best[s.grp] = c
		}
		right[s.grp] = s.y == 1
	}
	var b strings.Builder
	for _, x := range []float64{0, 0.3, 0.5, 0.7, 0.8, 0.9} {
		n, r := 0, 0
		for g, c := range best {
			if c >= x {
				n++
				if right[g] {
					r++
				}
			}
		}
		if n > 0 {
			fmt.Fprintf(&b, " %.1f: %.2f (%d)", x, float64(r)/float64(n), n)
		}
	}
	return b.String()
}

// countEvents counts events once however many sentences tell them.
func countEvents(ss []sample) int {
	g := map[int]bool{}
	for _, s := range ss {
		g[s.grp] = true
	}
	return len(g)
}

// countRight counts the events judged right.
func countRight(ss []sample) int {
	g := map[int]bool{}
	for _, s := range ss {
		if s.y == 1 {
			g[s.grp] = true
		}
	}
	return len(g)
}

// model is a fitted logistic regression.
type model struct {
	bias float64
	w    map[string]float64
}

func (m *model) z(feats []string) float64 {
	z := m.bias
	for _, f := range feats {
		z += m.w[f]
	}
	return z
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func (m *model) logLoss(ss []sample) float64 {
	var sum, wt float64
	for _, s := range ss {
		p := min(1-1e-9, max(1e-9, sigmoid(m.z(s.feats))))
		sum -= s.wt * (s.y*math.Log(p) + (1-s.y)*math.Log(1-p))
		wt += s.wt
	}
	return sum / wt
}

// fit minimises the weighted log-loss plus l2/2 times the squared
// weights (not the bias) by full-batch gradient descent with a fixed
// schedule: deterministic for the same samples.
func fit(ss []sample, l2 float64, minCount int) *model {
	count := map[string]int{}
	for _, s := range ss {
		for _, f := range s.feats {
			count[f]++
		}
	}
	var names []string
	for f, n := range count {
		if n >= minCount {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	idx := map[string]int{}
	for i, f := range names {
		idx[f] = i
	}
	xs := make([][]int, len(ss))
	var total float64
	for i, s := range ss {
		for _, f := range s.feats {
			if k, ok := idx[f]; ok {
				xs[i] = append(xs[i], k)
			}
		}
		total += s.wt
	}
	w := make([]float64, len(names))
	g := make([]float64, len(names))
	var b float64
	const steps, rate = 3000, 0.5
	for it := 0; it < steps; it++ {
		clear(g)
		var gb float64
		for i, s := range ss {
			z := b
			for _, k := range xs[i] {
				z += w[k]
			}
			d := s.wt * (sigmoid(z) - s.y)
			gb += d
			for _, k := range xs[i] {
				g[k] += d
			}
		}
		b -= rate * gb / total
		for k := range w {
			w[k] -= rate * (g[k] + l2*w[k]) / total
		}
	}
	m := &model{bias: b, w: map[string]float64{}}
	for k, f := range names {
		if math.Abs(w[k]) >= 0.005 {
			m.w[f] = w[k]
		}
	}
	return m
}

func (m *model) write(w io.Writer, files []string, ss []sample, unlisted, news, l2 float64) error {
	var b strings.Builder
	b.WriteString("# Confidence weights of the annals coder: confidence = 1/(1+exp(-(bias + sum of the weights of the event's features))).\n")
	b.WriteString("# Generated by tools/genconf (do not edit by hand); features are described in internal/coder/confidence.go and docconfidence.go.\n")
	fmt.Fprintf(&b, "# Fitted on the project's own annotated sentences and articles (%s), %d countable events, %d judged right;\n",
		strings.Join(files, ", "), countEvents(ss), countRight(ss))
	fmt.Fprintf(&b, "# unlisted events weigh %.2f as wrong, an article's event %.2f shared among its tellings, L2 %.2f. Log-loss on those events %.3f.\n", unlisted, news, l2, m.logLoss(ss))
	b.WriteString("# Share right among the fitted events at confidence >= x:" + m.bands(ss) + "\n")
	fmt.Fprintf(&b, "bias\t%.3f\n", m.bias)
	names := make([]string, 0, len(m.w))
	for f := range m.w {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		fmt.Fprintf(&b, "%s\t%.3f\n", f, m.w[f])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSamples writes the judged events for inspection (-dump).
func writeSamples(path string, ss []sample) error {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "%g\t%.3f\t%d\t%s\t%s\n", s.y, s.wt, s.grp, strings.Join(s.feats, " "), s.desc)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

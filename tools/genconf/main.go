// Command genconf fits the coder's confidence model
// (internal/coder/lexicon/confidence.tsv) on the project's own annotated
// sentences: it codes every row, judges each countable event against the
// row (package annot: expected, forbidden, or unlisted), and fits an
// L2-regularised logistic regression from the events' evidence features
// (coder.Calibrate) to those verdicts. Unlisted events count as wrong (a
// row lists the events that must be there, so an event it does not
// mention is usually, not always, wrong; -unlisted-weight weighs them).
//
// Usage (from the repository root; this is how the embedded file was made):
//
//	go run ./tools/genconf -out internal/coder/lexicon/confidence.tsv \
//	    -eval internal/coder/testdata/heldout2.tsv \
//	    internal/coder/testdata/sentences.tsv internal/coder/testdata/heldout.tsv
//
// -eval reports, for files not fitted on, the share of events judged right
// at each confidence band, beside the same for the coder's rule-of-thumb
// confidence. Refit after changing the lexicon or the coder: a row's weight
// (row=verbs.tsv:accuse/of/112) is keyed by its content, not its line.
//
// The fit is deterministic. Keep one annotated set out of the fit to
// measure the result on (heldout2.tsv), and never fit on the evaluation
// sets under ../shared/eval.
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
	"github.com/annals-events/annals/internal/coder/annot"
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
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("genconf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "internal/coder/lexicon/confidence.tsv", "output `FILE` (- for standard output)")
	eval := fs.String("eval", "", "also report how the fitted model ranks the events of these comma-separated annotated `FILES` (not fitted on)")
	lexDir := fs.String("lexicon-dir", "", "code with the lexicon in this folder instead of the embedded one")
	unlisted := fs.Float64("unlisted-weight", 1, "weight of events a row neither expects nor forbids (counted as wrong)")
	l2 := fs.Float64("l2", 3, "L2 penalty on the weights")
	minCount := fs.Int("min-count", 3, "drop features seen on fewer events")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("genconf: name at least one annotated file (internal/coder/testdata/*.tsv)")
	}
	p, err := pipeline.New(pipeline.Options{LexiconDir: *lexDir, Dirs: func(d string) iofs.FS { return os.DirFS(d) }})
	if err != nil {
		return err
	}
	samples, files, nrows, err := collect(p, fs.Args(), *unlisted)
	if err != nil {
		return err
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
	if err := m.write(w, files, nrows, samples, *unlisted, *l2); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "genconf: %d rows, %d events (%d right), %d features; log-loss %.3f\n",
		nrows, len(samples), countRight(samples), len(m.w), m.logLoss(samples))
	if *eval != "" {
		ev, _, n, err := collect(p, strings.Split(*eval, ","), *unlisted)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "genconf: on %s (%d rows, %d events, %d right): log-loss %.3f, share right at confidence >= x:%s\n",
			*eval, n, len(ev), countRight(ev), m.logLoss(ev), m.bands(ev))
		fmt.Fprintf(stderr, "genconf: the rule-of-thumb confidence there:%s\n", bands(ev, func(s sample) float64 { return s.rule }))
	}
	return nil
}

// collect codes the rows of the annotated files and judges their
// countable events.
func collect(p *pipeline.Pipeline, paths []string, unlisted float64) (samples []sample, files []string, nrows int, err error) {
	var curFeats [][]string
	var curEvs []annals.Event
	p.Coder.OnFeatures = func(e annals.Event, f []string) {
		curFeats = append(curFeats, append([]string(nil), f...))
		curEvs = append(curEvs, e)
	}
	defer func() { p.Coder.OnFeatures = nil }()
	for _, path := range paths {
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
				s := sample{feats: curFeats[i], rule: e.Confidence}
				switch r.Judge(e) {
				case annot.Right:
					s.y, s.wt = 1, 1
				case annot.Wrong:
					s.y, s.wt = 0, 1
				default:
					s.y, s.wt = 0, unlisted
				}
				samples = append(samples, s)
			}
		}
	}
	return samples, files, nrows, nil
}

// bands is the share of events judged right at confidence >= x.
func (m *model) bands(ss []sample) string {
	return bands(ss, func(s sample) float64 { return sigmoid(m.z(s.feats)) })
}

func bands(ss []sample, conf func(sample) float64) string {
	var b strings.Builder
	for _, x := range []float64{0, 0.3, 0.5, 0.7, 0.8, 0.9} {
		n, r := 0, 0
		for _, s := range ss {
			if conf(s) >= x {
				n++
				if s.y == 1 {
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

func countRight(ss []sample) int {
	n := 0
	for _, s := range ss {
		if s.y == 1 {
			n++
		}
	}
	return n
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

func (m *model) write(w io.Writer, files []string, nrows int, ss []sample, unlisted, l2 float64) error {
	var b strings.Builder
	b.WriteString("# Confidence weights of the annals coder: confidence = 1/(1+exp(-(bias + sum of the weights of the event's features))).\n")
	b.WriteString("# Generated by tools/genconf (do not edit by hand); features are described in internal/coder/confidence.go.\n")
	fmt.Fprintf(&b, "# Fitted on %d annotated sentences of the project's own (%s), %d countable events, %d judged right;\n",
		nrows, strings.Join(files, ", "), len(ss), countRight(ss))
	fmt.Fprintf(&b, "# unlisted events weigh %.2f as wrong, L2 %.2f. Log-loss on those events %.3f.\n", unlisted, l2, m.logLoss(ss))
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

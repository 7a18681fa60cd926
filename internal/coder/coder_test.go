package coder_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/coder/annot"
	"github.com/annals-events/annals/internal/cputime"
	"github.com/annals-events/annals/internal/pipeline"
)

var (
	pOnce sync.Once
	pVal  *pipeline.Pipeline
	pErr  error
)

func testPipeline(t testing.TB) *pipeline.Pipeline {
	pOnce.Do(func() { pVal, pErr = pipeline.New(pipeline.Options{}) })
	if pErr != nil {
		t.Fatal(pErr)
	}
	return pVal
}

func code(t testing.TB, date, txt string) []annals.Event {
	ref, err := time.Parse("2006-01-02", date)
	if err != nil {
		t.Fatal(err)
	}
	return testPipeline(t).Process(&annals.Article{ID: "t", Text: txt, Published: ref}, ref).Events
}

// like matches a code against a pattern (annot.Like).
func like(got, pat string) bool { return annot.Like(got, pat) }

func render(evs []annals.Event) string {
	var parts []string
	for _, e := range evs {
		parts = append(parts, e.Source+">"+e.Target+":"+e.Code+":"+string(e.Mode))
	}
	return strings.Join(parts, " | ")
}

// checkRows codes every row of an annotated file (package annot): each
// expected event must be emitted (source, target, code and mode), one
// marked "!" must not be, and "none" (alone or before '!' items) means no
// countable event. It returns the rows and the failures, one line each.
func checkRows(t *testing.T, path string) (n int, failures []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := filepath.Base(path)
	rows, err := annot.Read(f, name)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, r := range rows {
		if prev, dup := seen[r.Text]; dup {
			t.Errorf("%s:%d: the same sentence as line %d", name, r.Line, prev)
		}
		seen[r.Text] = r.Line
		evs := code(t, r.Date, r.Text)
		if !r.Holds(evs) {
			failures = append(failures, fmt.Sprintf("%s:%d: %s\n got  %s\n want %s", name, r.Line, r.Text, render(evs), r.Expected))
		}
	}
	return len(rows), failures
}

// TestSentences runs testdata/sentences.tsv, the regression suite: every
// row must hold.
func TestSentences(t *testing.T) {
	n, failures := checkRows(t, "testdata/sentences.tsv")
	for _, f := range failures {
		t.Error(f)
	}
	t.Logf("%d annotated sentences, %d failed", n, len(failures))
	if n < 300 {
		t.Errorf("only %d sentences", n)
	}
}

// TestHeldout measures the coder on testdata/heldout.tsv: sentences
// written for annals by a coder who did not work on the coder's rules, in
// the structures news uses (participles, relative clauses, passives,
// attributions, headlines, denials, conditionals). It is a measurement, not
// a regression suite: it fails only when the share of rows that hold falls
// below heldoutFloor, and lists the failures with -v.
func TestHeldout(t *testing.T) { measure(t, "held-out", "testdata/heldout.tsv", heldoutFloor) }

// measure reports the share of an annotated set's rows that hold, lists
// the failures with -v, and fails below floor.
func measure(t *testing.T, name, path string, floor float64) {
	n, failures := checkRows(t, path)
	share := float64(n-len(failures)) / float64(n)
	t.Logf("%s sentences: %d of %d hold (%.1f%%)", name, n-len(failures), n, 100*share)
	if testing.Verbose() {
		for _, f := range failures {
			t.Log(f)
		}
	}
	if share < floor {
		t.Errorf("%s share %.3f fell below %.3f", name, share, floor)
	}
}

// heldoutFloor is a little under the share measured last (221 of 323,
// 68.4%); raise it as the coder improves.
const heldoutFloor = 0.65

// TestHeldout2 measures the coder on testdata/heldout2.tsv, a second
// held-out set written once heldout.tsv had been used to guide rules:
// original wire-style sentences annotated without reading the coder's rules
// or lexicons. Like TestHeldout it is a measurement, failing only when the
// share of rows that hold falls below heldout2Floor; -v lists the failures.
// Keep it unseen: do not tune rules to its rows.
func TestHeldout2(t *testing.T) {
	measure(t, "held-out-2", "testdata/heldout2.tsv", heldout2Floor)
}

// heldout2Floor is a few points under the share measured last (183 of
// 240, 76.2%; 174 when the set was added); raise it as the coder improves.
const heldout2Floor = 0.73

// TestVerbSmoke is a lexicon smoke test, separate from the annotated
// sentences: each frequent verb in a bare "X VERBED Y on Monday." frame,
// over a few country pairs, yields its code with X as source and Y as target.
func TestVerbSmoke(t *testing.T) {
	verbs := []struct{ verb, code string }{
		{"condemned", "111"}, {"criticised", "111"}, {"accused", "112"}, {"threatened", "130"}, {"warned", "130"},
		{"invaded", "192"}, {"visited", "042"}, {"hosted", "043"}, {"met", "040"}, {"supported", "051"},
		{"praised", "051"}, {"welcomed", "051"}, {"thanked", "051"}, {"recognised", "054"}, {"urged", "020"},
		{"rejected", "120"}, {"sanctioned", "163"}, {"blockaded", "191"}, {"attacked", "190"}, {"shelled", "194"},
		{"bombed", "195"}, {"invited", "0*"},
	}
	pairs := [][2]string{{"Pakistan", "PAK"}, {"Iran", "IRN"}, {"Saudi Arabia", "SAU"}, {"Yemen", "YEM"}, {"DR Congo", "COD"}}
	for _, v := range verbs {
		for i := 0; i+1 < len(pairs); i += 2 {
			a, b := pairs[i], pairs[i+1]
			txt := a[0] + " " + v.verb + " " + b[0] + " on Monday."
			found := false
			evs := code(t, "2024-01-18", txt)
			for _, e := range evs {
				if e.Source == a[1] && e.Target == b[1] && like(e.Code, v.code) && e.Mode == annals.Asserted {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: got %s, want %s>%s:%s", txt, render(evs), a[1], b[1], v.code)
			}
		}
	}
}

// TestEvidence checks the provenance every event carries.
func TestEvidence(t *testing.T) {
	txt := "ISLAMABAD: Iran launched strikes on Pakistan on Tuesday. Pakistan condemned the strikes.\n\nIran launched strikes on Pakistan, officials said."
	evs := code(t, "2024-01-17", txt)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	for _, e := range evs {
		if e.Rule == "" || e.Confidence <= 0 || e.Confidence > 1 || e.Plover == "" && e.Root != "01" || e.QuadClass == 0 {
			t.Errorf("incomplete event %+v", e)
		}
		if txt[e.TriggerSpan.Start:e.TriggerSpan.End] == "" || !strings.Contains(e.Sentence, txt[e.SourceSpan.Start:e.SourceSpan.End]) {
			t.Errorf("spans do not point into the sentence: %+v", e)
		}
		file := strings.SplitN(e.Rule, ":", 2)[0]
		if _, err := os.Stat(path.Join("lexicon", strings.Fields(file)[0])); err != nil {
			t.Errorf("rule %q does not name a lexicon file", e.Rule)
		}
	}
	// the repeated lede is one event with two mentions
	var strike *annals.Event
	for i := range evs {
		if evs[i].Source == "IRN" && evs[i].Target == "PAK" && evs[i].Root == "19" {
			if strike != nil {
				t.Errorf("repeated event emitted twice")
			}
			strike = &evs[i]
		}
	}
	if strike == nil || strike.Mentions != 2 || len(strike.EvidenceSentences) != 2 {
		t.Errorf("repeated event: %+v", strike)
	}
}

// TestRepeatsByTrigger checks that two acts of one kind told with other
// words stay two events: a condemnation of the attack and a criticism of
// silence are both 111, and both were made.
//
// The same holds for two triggers of one sentence ("cut ties ... and
// suspended flights": two reductions of relations, one code).
func TestRepeatsByTrigger(t *testing.T) {
	for _, c := range []struct {
		date, txt, src, tgt, code string // code: a prefix of the events' codes
	}{
		{"2024-01-28", "Pakistan condemned the attack. Pakistan also criticised Iran for its silence.", "PAK", "IRN", "111"},
		{"2025-04-24", "India cut diplomatic ties with Pakistan and suspended all flights to Pakistan.", "IND", "PAK", "16"},
	} {
		n := 0
		for _, e := range code(t, c.date, c.txt) {
			if e.Source == c.src && e.Target == c.tgt && strings.HasPrefix(e.Code, c.code) {
				n++
				if e.Mentions != 1 {
					t.Errorf("%q: merged: %+v", c.txt, e)
				}
			}
		}
		if n != 2 {
			t.Errorf("%q: %d events %s>%s %s*, want 2", c.txt, n, c.src, c.tgt, c.code)
		}
	}
}

// TestActorPhrases checks that source_text and target_text give the noun
// phrase the sentence uses for each actor, and that the spans agree with the
// text.
func TestActorPhrases(t *testing.T) {
	cases := []struct{ text, source, target string }{
		{"The Kenyan army shelled a militant camp in southern Somalia on Friday.", "The Kenyan army", "a militant camp in southern Somalia"},
		{"Somali troops killed at least 12 al-Shabaab fighters in Lower Shabelle.", "Somali troops", "at least 12 al-Shabaab fighters in Lower Shabelle"},
		{"Germany's foreign minister, Annalena Baerbock, met her Chinese counterpart, Wang Yi, in Berlin.", "Germany's foreign minister, Annalena Baerbock", "her Chinese counterpart, Wang Yi"},
		{"Ukraine on Monday rejected Hungary's proposal for a ceasefire.", "Ukraine", "Hungary's proposal"},
		{"The Turkish government on Tuesday condemned the Syrian army in a statement.", "The Turkish government", "the Syrian army"},
	}
	for _, c := range cases {
		evs := code(t, "2024-03-01", c.text)
		if len(evs) == 0 {
			t.Errorf("%s: no event", c.text)
			continue
		}
		e := evs[0]
		if e.SourceText != c.source || e.TargetText != c.target {
			t.Errorf("%s\n  got source %q target %q\n  want source %q target %q", c.text, e.SourceText, e.TargetText, c.source, c.target)
		}
		if c.text[e.SourceSpan.Start:e.SourceSpan.End] != e.SourceText || c.text[e.TargetSpan.Start:e.TargetSpan.End] != e.TargetText {
			t.Errorf("%s: spans and texts disagree: %+v", c.text, e)
		}
	}
}

// BenchmarkCode runs the whole coding path over the demo corpus on one
// goroutine: as the pipeline runs it, parsing every sentence for the coder
// to read its tree (tree=true), and with the coder reading word order and
// tags instead (tree=false: the syntax stage runs only on the sentences
// the place locator needs a tree for).
func BenchmarkCode(b *testing.B) {
	base := testPipeline(b)
	var arts []*annals.Article
	f, err := os.Open("../demo/corpus.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		arts = append(arts, &annals.Article{ID: a.ID, Text: a.Text, Published: time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)})
	}
	for _, tree := range []bool{true, false} {
		p := *base
		c := *base.Coder
		c.Tree = tree
		p.Coder = &c
		b.Run(fmt.Sprintf("tree=%v", tree), func(b *testing.B) {
			sents := 0
			for _, a := range arts {
				sents += len(p.Process(a, a.Published).Doc.Sentences)
			}
			b.ResetTimer()
			cpu0 := cputime.Self()
			for i := 0; i < b.N; i++ {
				for _, a := range arts {
					p.Process(a, a.Published)
				}
			}
			b.ReportMetric(float64(sents*b.N)/b.Elapsed().Seconds(), "sentences/s")
			if c := cputime.Self() - cpu0; c > 0 { // steadier on a shared machine
				b.ReportMetric(float64(sents*b.N)/c.Seconds(), "sentences/cpu-s")
			}
		})
	}
}

// BenchmarkLoad measures loading every model and dictionary, and reports
// the heap the process holds afterwards.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := pipeline.New(pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	p, _ := pipeline.New(pipeline.Options{})
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(p)
}

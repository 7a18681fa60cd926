package text

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/annals-events/annals/internal/cputime"
)

// TestFeatTable checks the tagger's feature table finds every feature of
// the model by its template and parts, at its own index, and nothing for
// names the model lacks.
func TestFeatTable(t *testing.T) {
	tg, err := DefaultTagger()
	if err != nil {
		t.Fatal(err)
	}
	ft := tg.ft
	if len(ft.names)+1 != len(tg.offs) {
		t.Fatalf("%d names for %d offsets", len(ft.names), len(tg.offs))
	}
	lookup := func(name string) int32 {
		tpl, x, y, _ := parseName(name)
		var hy uint64
		if twoParts(tpl) {
			hy = strHash(y)
		}
		return ft.find(featHash(tpl, strHash(x), hy))
	}
	for i, name := range ft.names {
		if got := lookup(name); got != int32(i) {
			t.Fatalf("feature %q: index %d, want %d", name, got, i)
		}
	}
	for _, name := range []string{"i word qwertyuiop", "i-1 tag+i word NN qwertyuiop", "i tag+i-2 tag NN", "i suffix", "bias x", ""} {
		if got := lookup(name); got >= 0 {
			t.Errorf("%q: found feature %d (%q)", name, got, ft.names[got])
		}
	}
}

// TestNormalizeYear checks the four-character numbers normalize reads as
// years are those strconv.Atoi parses.
func TestNormalizeYear(t *testing.T) {
	for _, c := range []struct{ w, want string }{{"1990", "!YEAR"}, {"+199", "!YEAR"}, {"-199", "!YEAR"}, {"19a0", "!DIGITS"}, {"1_00", "!DIGITS"}, {"++12", "++12"}, {"Iraq", "iraq"}, {"19-0", "!HYPHEN"}} {
		if got := normalize(c.w, ""); got != c.want {
			t.Errorf("normalize(%q) = %q, want %q", c.w, got, c.want)
		}
	}
}

// BenchmarkTagger runs the Penn tagger alone over the demo corpus's
// sentences, segmented once, and reports sentences per CPU-second (the
// process's CPU time: steadier than wall time on a shared machine).
func BenchmarkTagger(b *testing.B) {
	tg, err := DefaultTagger()
	if err != nil {
		b.Fatal(err)
	}
	bs, err := os.ReadFile("../demo/corpus.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var sents [][]Token
	for _, line := range strings.Split(string(bs), "\n") {
		var a struct{ Text string }
		if json.Unmarshal([]byte(line), &a) != nil {
			continue
		}
		toks, ss, _ := Segment(a.Text)
		for _, s := range ss {
			sents = append(sents, toks[s.First:s.Last])
		}
	}
	b.ResetTimer()
	cpu0 := cputime.Self()
	for b.Loop() {
		for _, s := range sents {
			tg.Tag(s)
		}
	}
	if c := cputime.Self() - cpu0; c > 0 {
		b.ReportMetric(float64(len(sents)*b.N)/c.Seconds(), "sentences/cpu-s")
	}
}

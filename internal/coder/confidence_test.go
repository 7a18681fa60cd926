package coder

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadConfidenceErrors: a damaged confidence.tsv is refused with the
// file, line and reason.
func TestLoadConfidenceErrors(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"bias\t0.1\nsrc=role\tx\n", "confidence.tsv:2: bad weight"},
		{"bias\t0.1\n# c\nsrc=role\n", "confidence.tsv:3: want 2 tab-separated columns"},
		{"tgt=none\t-1\ntgt=none\t-2\n", "confidence.tsv:2: feature \"tgt=none\" given twice"},
		{"bias\tNaN\n", "confidence.tsv:1: bad weight"},
	} {
		_, err := loadConfidence(fstest.MapFS{ConfidenceFile: &fstest.MapFile{Data: []byte(c.file)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.file, err, c.want)
		}
	}
	m, err := loadConfidence(fstest.MapFS{})
	if m != nil || err != nil {
		t.Errorf("no confidence.tsv: %v, %v; want no model and no error", m, err)
	}
}

// TestConfidenceScore: the score is the logistic function of the bias and
// the weights of the features present; unknown features weigh nothing.
func TestConfidenceScore(t *testing.T) {
	m, err := loadConfidence(fstest.MapFS{ConfidenceFile: &fstest.MapFile{Data: []byte("# w\nbias\t-1\ntgt=none\t-2\nsrc=role\t3\n")}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		feats []string
		z     float64
	}{
		{nil, -1}, {[]string{"src=role"}, 2}, {[]string{"src=role", "tgt=none", "unknown=x"}, 0},
	} {
		if got, want := m.score(c.feats), 1/(1+math.Exp(-c.z)); math.Abs(got-want) > 1e-12 {
			t.Errorf("score(%v) = %v, want %v", c.feats, got, want)
		}
	}
}

// TestEmbeddedConfidence: the embedded lexicon carries a model, and every
// feature it weighs is one eventFeatures can produce (a renamed feature
// would silently weigh nothing).
func TestEmbeddedConfidence(t *testing.T) {
	lx, err := LoadLexicon(Embedded(), strings.ToLower)
	if err != nil {
		t.Fatal(err)
	}
	if lx.conf == nil || len(lx.conf.w) < 20 {
		t.Fatalf("embedded confidence model missing or tiny: %+v", lx.conf)
	}
	keys := map[string]bool{}
	for _, p := range lx.byLoc {
		keys[p.key] = true
	}
	prefixes := []string{"base=", "file=", "mode=", "root=", "src=", "tgt=", "mark=", "spec=", "row=", "rank=", "fan=", "events=", "length=", "pos=", "clause=", "srcgap=", "tgtgap=", "dyad=",
		"doc=", "sent=", "aspect=", "quote=", "told=", "telling=", "age=", "srcseen=", "tgtseen="}
	for f := range lx.conf.w {
		ok := false
		for _, p := range prefixes {
			ok = ok || strings.HasPrefix(f, p)
		}
		if !ok {
			t.Errorf("confidence.tsv weighs %q, which no event has", f)
		}
		if key, isRow := strings.CutPrefix(f, "row="); isRow && !keys[key] {
			t.Errorf("confidence.tsv weighs row %s, which the lexicon no longer has: run tools/genconf", key)
		}
	}
}

// FuzzLoadConfidence checks the loader never panics and never accepts a
// weight that is not a finite number.
func FuzzLoadConfidence(f *testing.F) {
	f.Add([]byte("bias\t0.2\ntgt=none\t-0.5\n"))
	f.Add([]byte("# c\r\n\nsrc=role\t1e3\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := loadConfidence(fstest.MapFS{ConfidenceFile: &fstest.MapFile{Data: b}})
		if err != nil {
			return
		}
		for k, v := range m.w {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("accepted weight %v for %q", v, k)
			}
		}
	})
}

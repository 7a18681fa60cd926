package coder

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annals-events/annals"
)

// TestRecodeErrors: a damaged row of recode.tsv is reported as file:line
// with the reason.
func TestRecodeErrors(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"strike\t190\tcivil\t*\t999\tx", `recode.tsv:1: unknown CAMEO code "999"`},
		{"strike\t190|998\tcivil\t*\t143\tx", `recode.tsv:1: unknown CAMEO code "998"`},
		{"strike\t190\trole=MILITARY\t*\t143\tx", `recode.tsv:1: role "MILITARY": want three letters`},
		{"strike\t190\tarmed\t*\t143\tx", `recode.tsv:1: unknown source condition "armed"`},
		{"strike\t190\tcivil\t143\tx", "recode.tsv:1: want 6 tab-separated columns, got 5"},
		{"strike|\t190\tcivil\t*\t143\tx", `recode.tsv:1: empty lemma in "strike|"`},
	} {
		_, err := LoadLexicon(lexiconWith(t, "recode.tsv", c.line), strings.ToLower)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s", c.line, err, c.want)
		}
	}
}

// TestRecode: the rows recode by who acts, the first that matches wins,
// and a row that names "---" codes nothing.
func TestRecode(t *testing.T) {
	lx, err := LoadLexicon(Embedded(), strings.ToLower)
	if err != nil {
		t.Fatal(err)
	}
	m := func(code, text string) annals.Mention { return annals.Mention{Code: code, Text: text} }
	for _, c := range []struct {
		lemma, code string
		src         annals.Mention
		sentence    string
		want        string
	}{
		{"strike", "190", m("GBRLAB", "coal workers"), "", "143"},
		{"strike", "190", m("RUSMIL", "Russian forces"), "", "190"},
		{"block", "170", m("INDAGR", "farmers"), "", "144"},
		{"block", "170", m("CHNMIL", "the coast guard"), "", "191"},
		{"attack", "190", m("---CVL", "protesters"), "", "145"},
		{"kill", "190", m("AFGINS", "a suicide bomber"), "", "1831"},
		{"arrive", "042", m("CHNMIL", "Chinese troops"), "Chinese peacekeepers arrived in Juba", "074"},
		{"arrive", "042", m("CHNMIL", "Chinese troops"), "Chinese troops arrived in Juba", "042"},
		{"leave", "040", m("USAMIL", "American troops"), "", "0874"},
		{"leave", "040", m("BGDGOV", "the prime minister"), "", "---"},
		{"gather", "040", m("---CVL", "protesters"), "", "141"},
		{"gather", "040", m("IGOUNO", "UN observers"), "", "040"},
	} {
		if got, _ := lx.recode(c.lemma, c.code, c.src, c.sentence); got != c.want {
			t.Errorf("%s %s by %s (%q): %s, want %s", c.lemma, c.code, c.src.Code, c.src.Text, got, c.want)
		}
	}
}

// FuzzLoadRecode checks the loader never panics on a damaged recode.tsv.
func FuzzLoadRecode(f *testing.F) {
	cameo, _ := fs.ReadFile(Embedded(), "cameo.tsv")
	rec, _ := fs.ReadFile(Embedded(), "recode.tsv")
	f.Add(rec)
	f.Add([]byte("*\t18*\ttext=\t*\t1831\tx\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m := fstest.MapFS{"cameo.tsv": &fstest.MapFile{Data: cameo}, "recode.tsv": &fstest.MapFile{Data: b}}
		lx, err := LoadLexicon(m, strings.ToLower)
		if err == nil && lx == nil {
			t.Fatal("no lexicon and no error")
		}
		if err == nil {
			lx.recode("strike", "190", annals.Mention{Code: "GBRLAB", Text: "workers"}, "workers struck")
		}
	})
}

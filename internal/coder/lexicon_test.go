package coder

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func lexiconWith(t *testing.T, file, line string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	names, err := fs.Glob(Embedded(), "*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(Embedded(), n)
		if err != nil {
			t.Fatal(err)
		}
		if n == file {
			b = append([]byte(line+"\n"), b...)
		}
		m[n] = &fstest.MapFile{Data: b}
	}
	return m
}

func patterns(lx *Lexicon) int {
	n := 0
	for _, ps := range lx.verbs {
		n += len(ps)
	}
	return n
}

// TestLexiconLongLine: a 2 MB line in verbs.tsv neither drops the rows
// after it (bufio.Scanner stopped at 64 KB) nor passes unnoticed.
func TestLexiconLongLine(t *testing.T) {
	lemma := func(s string) string { return s }
	want, err := LoadLexicon(Embedded(), lemma)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 2<<20)
	lx, err := LoadLexicon(lexiconWith(t, "verbs.tsv", "# "+long), lemma)
	if err != nil {
		t.Fatalf("a 2 MB comment line: %v", err)
	}
	if patterns(lx) != patterns(want) {
		t.Errorf("a 2 MB comment line in verbs.tsv: %d verb patterns, want %d", patterns(lx), patterns(want))
	}
	_, err = LoadLexicon(lexiconWith(t, "verbs.tsv", long), lemma)
	if err == nil || !strings.Contains(err.Error(), "verbs.tsv:1: want") {
		t.Errorf("a 2 MB malformed row: %v", err)
	}
}

// FuzzLoadLexicon checks the lexicon loader never panics on damaged rows.
func FuzzLoadLexicon(f *testing.F) {
	cameo, _ := fs.ReadFile(Embedded(), "cameo.tsv")
	f.Add([]byte("attack\t\t190\tok\n"))
	f.Add([]byte("sign\tagreement|deal\t057\tok\r\n# c\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m := fstest.MapFS{"cameo.tsv": &fstest.MapFile{Data: cameo}, "verbs.tsv": &fstest.MapFile{Data: b}}
		lx, err := LoadLexicon(m, strings.ToLower)
		if err == nil && lx == nil {
			t.Fatal("no lexicon and no error")
		}
	})
}

// TestLint: a row that asks for the same words as one chosen before it
// never fires, and a confidence weight on a row the lexicon lacks is
// reported; the embedded curated files shadow none of their own rows with
// another code.
func TestLint(t *testing.T) {
	lemma := strings.ToLower
	m := lexiconWith(t, "verbs.tsv", "")
	m["verbs-extra.tsv"] = &fstest.MapFile{Data: []byte("# an extra tier\nattack\t\t173\tx\n")}
	lx, err := LoadLexicon(m, lemma)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range lx.Lint() {
		found = found || strings.HasPrefix(l, "verbs-extra.tsv:2: never fires (code 173): verbs.tsv:")
	}
	if !found {
		t.Errorf("the shadowed attack row is not reported: %q", lx.Lint())
	}
	m = lexiconWith(t, "verbs.tsv", "")
	m[ConfidenceFile] = &fstest.MapFile{Data: []byte("bias\t0\nrow=verbs.tsv:no such verb//190\t1\n")}
	lx, err = LoadLexicon(m, lemma)
	if err != nil {
		t.Fatal(err)
	}
	if l := strings.Join(lx.Lint(), "\n"); !strings.Contains(l, `weighs row "verbs.tsv:no such verb//190"`) {
		t.Errorf("a stale confidence row is not reported:\n%s", l)
	}
	lx, err = LoadLexicon(Embedded(), lemma)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lx.Lint() {
		if (strings.HasPrefix(l, "verbs.tsv:") || strings.HasPrefix(l, "nouns.tsv:")) && strings.Contains(l, "never fires") {
			t.Errorf("curated row shadowed: %s", l)
		}
	}
}

// TestReciprocalTable: reciprocal.tsv rows load by kind, and an unknown
// kind is reported with its line.
func TestReciprocalTable(t *testing.T) {
	m := lexiconWith(t, "verbs.tsv", "")
	m["reciprocal.tsv"] = &fstest.MapFile{Data: []byte("# kinds\npredicate\tClash\tx\nobject\teach  other\tx\n")}
	lx, err := LoadLexicon(m, strings.ToLower)
	if err != nil {
		t.Fatal(err)
	}
	if !lx.reciprocal["clash"] || !lx.recipMarks["object"]["each other"] {
		t.Errorf("rows not loaded: %v %v", lx.reciprocal, lx.recipMarks)
	}
	m["reciprocal.tsv"] = &fstest.MapFile{Data: []byte("verb\tmeet\tx\n")}
	if _, err := LoadLexicon(m, strings.ToLower); err == nil || !strings.Contains(err.Error(), "reciprocal.tsv:1: unknown row kind") {
		t.Errorf("an unknown kind: %v", err)
	}
}

// TestVerdictTable: verdicts.tsv rows load by kind, nouns and verbs by
// lemma; a bad kind, an unknown code or a coded frame or label is reported with its
// line.
func TestVerdictTable(t *testing.T) {
	m := lexiconWith(t, "verbs.tsv", "")
	m["verdicts.tsv"] = &fstest.MapFile{Data: []byte("# kinds\nadjective\tIllegal\t111\t\nnoun\tprovocations\t111\tx\nframe\tconstitute\t-\t\nlabel\tcalls\t-\t\n")}
	lx, err := LoadLexicon(m, func(w string) string { return strings.TrimSuffix(strings.ToLower(w), "s") })
	if err != nil {
		t.Fatal(err)
	}
	if lx.verdicts["adjective"]["illegal"] != "111" || lx.verdicts["noun"]["provocation"] != "111" || lx.verdicts["frame"]["constitute"] != "-" || lx.verdicts["label"]["call"] != "-" {
		t.Errorf("rows not loaded: %v", lx.verdicts)
	}
	for _, c := range []struct{ row, want string }{
		{"verb\tjeopardize\t999\t\n", "verdicts.tsv:1: unknown CAMEO code"},
		{"frame\tconstitute\t111\t\n", "verdicts.tsv:1: a frame has no code"},
		{"label\tcall\t111\t\n", "verdicts.tsv:1: a label has no code"},
		{"phrase\tact of war\t111\t\n", "verdicts.tsv:1: unknown row kind"},
	} {
		m["verdicts.tsv"] = &fstest.MapFile{Data: []byte(c.row)}
		if _, err := LoadLexicon(m, strings.ToLower); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.row, err, c.want)
		}
	}
}

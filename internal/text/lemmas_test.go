package text

import (
	"strings"
	"testing"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
)

// TestLemmaTable checks lemmaTable gives golem's lemma for every form of
// its English dictionary, in lower and upper case, and for words it
// lacks.
func TestLemmaTable(t *testing.T) {
	g, err := golem.New(en.New())
	if err != nil {
		t.Fatal(err)
	}
	res, err := en.New().GetResource()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := newLemmaTable(res)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(res), "\n") {
		for _, w := range strings.Split(line, "\t") {
			for _, v := range []string{w, strings.ToUpper(w), w + "qx"} {
				n++
				if got, want := lt.Lemma(v), g.Lemma(v); got != want {
					t.Fatalf("Lemma(%q) = %q, golem gives %q", v, got, want)
				}
			}
		}
	}
	if n < 100000 {
		t.Fatalf("%d forms", n)
	}
	if _, err := newLemmaTable([]byte("go\tgoes\nalone\n")); err == nil {
		t.Error("a line of one form: no error")
	}
}

package geo

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/annals-events/annals"
)

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// FuzzLoad feeds the loader arbitrary gazetteer lines: it returns an
// error or a gazetteer, never panics, and what it indexes is never a
// non-place name (rules.tsv) or a word of one or two letters but for a
// country or a large city.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("C\tPakistan|Islamic Republic of Pakistan\tPAK\t\t30\t70\t0\t\t\n"))
	f.Add([]byte("P\tQuetta|Kwatah\tPAK\tPK.02\t30.18\t66.99\t733675\tPPLA\t1167528\n"))
	f.Add([]byte("P\tAth|At|Ât\tBEL\tBE.WAL\t50.6\t3.7\t26681\tPPL\t1\n# comment\n\n"))
	f.Add([]byte("A\tBay|Republic\tSOM\tSO-BY\t2\t43\t0\tADM1\tapprox\n"))
	f.Add([]byte("P\tBo\tSLE\tSL.03\t7.9\t-11.7\t174354\tPPLA\t2\n"))
	f.Add([]byte("P\tx\tAAA\t\tnan\t1\t2\t\t\n"))
	f.Add([]byte("P\ta\tb\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := Load(gz(b))
		if err != nil {
			return
		}
		g.names(func(k string, ps []*Place) {
			if k == "" || k != Key(k) {
				t.Errorf("key %q is not normalised", k)
			}
			for _, p := range ps {
				kind := "P"
				if p.Kind == Country {
					kind = "C"
				}
				if !indexable(k, kind, p.Population) {
					t.Errorf("indexed %q for %s (%s, %d people), a name the loader must drop", k, p.Name, p.Kind, p.Population)
				}
			}
		})
	})
}

// TestLoadDropsNonPlaces checks the loader's rules on lines written for
// the test: listed words and short names go, a country's and a large
// city's short names and every other name stay.
func TestLoadDropsNonPlaces(t *testing.T) {
	g, err := Load(gz([]byte("P\tAth|At|Ât|Athum\tBEL\tBE.WAL\t50.6\t3.7\t26681\tPPL\t1\n" +
		"A\tBay|Republic|Bay Region\tSOM\tSO-BY\t2\t43\t0\tADM1\tapprox\n" +
		"P\tBo\tSLE\tSL.03\t7.9\t-11.7\t174354\tPPLA\t2\n" +
		"C\tUS|United States\tUSA\t\t38\t-97\t0\t\t\n")))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"Ath": true, "Athum": true, "At": false, "Ât": false, "Bay": false, "Republic": false, "Bay Region": true, "Bo": true, "US": true, "United States": true} {
		if got := len(g.Lookup(name)) > 0; got != want {
			t.Errorf("Lookup(%q) found %v, want %v", name, got, want)
		}
	}
}

// FuzzTree runs the locator's tree walks over arbitrary heads and
// relations (cycles included, as a parser's errors may make): every walk
// ends, and a place's attachment is always a token of the sentence.
func FuzzTree(f *testing.F) {
	f.Add([]byte{0xff, 1, 0, 2, 1, 3, 2, 4})
	f.Add([]byte{1, 5, 0, 5, 3, 6, 2, 7, 1, 1})
	rels := []string{"root", "nsubj", "obj", "obl", "nmod", "acl", "acl:relcl", "conj", "case", "compound", "appos", "nmod:poss", "mark", "advcl", "det"}
	f.Fuzz(func(t *testing.T, b []byte) {
		n := len(b) / 2
		if n == 0 || n > 40 {
			return
		}
		toks := make([]annals.Token, n)
		for i := range toks {
			h := int(b[2*i]) % (n + 1)
			toks[i] = annals.Token{Span: annals.Span{Start: i * 2, End: i*2 + 1}, Text: "w", Lower: "in", Head: h - 1, Rel: rels[int(b[2*i+1])%len(rels)], UPOS: []string{"VERB", "NOUN", "ADP"}[i%3]}
		}
		tr := tree{toks, 10, 10 + n}
		for a := 10; a < 10+n; a++ {
			tr.clauseOf(a)
			if p, at := tr.prepOf(&Mention{First: a, Last: a + 1}); p != "" && (at < -1 || at >= 10+n) {
				t.Fatalf("attachment %d outside the sentence", at)
			}
			for g := 10; g < 10+n; g++ {
				tr.hangsOn(a, g, "190")
				tr.hangsOn(a, g, "111")
			}
		}
	})
}

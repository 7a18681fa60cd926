package text

import (
	"strings"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/syntax"
	"github.com/annals-events/annals/internal/syntax/conllu"
)

// TestParseWithFrontEndTags scores the trees the coder and the locator
// read (FrontEnd.ProcessContext and ParsedSentence: the parser over this
// package's Penn tags, its own taggers not run) against the news golden trees of the syntax stage,
// beside the parser with its own tags, and checks the tags are kept.
func TestParseWithFrontEndTags(t *testing.T) {
	gold, err := conllu.ReadFile("../syntax/testdata/news.conllu")
	if err != nil {
		t.Skip("no news golden trees:", err)
	}
	tg, err := DefaultTagger()
	if err != nil {
		t.Fatal(err)
	}
	p, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	var words, uasFE, lasFE, uasOwn, lasOwn int
	for _, s := range gold {
		if len(s.Words) == 0 {
			continue
		}
		toks := make([]annals.Token, len(s.Words))
		for i, w := range s.Words {
			toks[i] = annals.Token{Text: w.Form, Lower: strings.ToLower(w.Form)}
		}
		tg.TagForms(toks, p.PastForm)
		fe := append([]annals.Token(nil), toks...)
		for i := range fe {
			fe[i].Tag = treebankTag(fe[i].Tag)
		}
		tags := make([]string, len(fe))
		for i := range fe {
			tags[i] = fe[i].Tag
		}
		p.ParseWithXPOS(fe)
		own := append([]annals.Token(nil), toks...)
		p.Parse(own)
		for i, w := range s.Words {
			if fe[i].Tag != tags[i] {
				t.Fatalf("%q: ParseWithXPOS changed the tag of %q from %s to %s", s.Text, w.Form, tags[i], fe[i].Tag)
			}
			words++
			rel := strings.SplitN(w.Deprel, ":", 2)[0]
			if fe[i].Head+1 == w.Head {
				uasFE++
				if strings.SplitN(fe[i].Rel, ":", 2)[0] == rel {
					lasFE++
				}
			}
			if own[i].Head+1 == w.Head {
				uasOwn++
				if strings.SplitN(own[i].Rel, ":", 2)[0] == rel {
					lasOwn++
				}
			}
		}
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(words) }
	t.Logf("news golden trees, %d words: front-end tags UAS %.1f LAS %.1f; the parser's own tags UAS %.1f LAS %.1f",
		words, pct(uasFE), pct(lasFE), pct(uasOwn), pct(lasOwn))
	// a floor some points under what the shipped models score, so that a
	// real regression fails and noise does not
	if pct(uasFE) < 82 || pct(lasFE) < 78 {
		t.Errorf("front-end tags: UAS %.1f LAS %.1f, under the floor 82 / 78", pct(uasFE), pct(lasFE))
	}
}

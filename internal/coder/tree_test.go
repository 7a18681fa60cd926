package coder

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/syntax/conllu"
)

// TestTreeSubjects reads the doer of a predicate from the hand-made trees
// of testdata/tree_subjects.conllu: the relations the coder follows
// (subject, by-agent of a passive, controller, coordination, participles,
// relative clauses, appositives), the phrases that name no actor (places,
// events), and the signs of a parse gone wrong on which the coder falls
// back to its reading of the words.
func TestTreeSubjects(t *testing.T) {
	sents, err := conllu.ReadFile("testdata/tree_subjects.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) < 20 {
		t.Fatalf("only %d trees", len(sents))
	}
	for _, cs := range sents {
		t.Run(cs.Text, func(t *testing.T) {
			if got := conllu.TokenText(&cs); !strings.HasPrefix(cs.Text, got) {
				t.Fatalf("the words %q are not the text", got)
			}
			s, pred, want := treeCase(t, &cs)
			if r := comment(&cs, "repaired"); r != "" {
				ms, ok := s.gardenPathSubject(pred)
				got := "fallback"
				if ok {
					got = codesText(ms)
				}
				if got != r {
					t.Errorf("garden-path doer of %q: got %s, want %s", s.tok(pred).Text, got, r)
				}
			}
			got := ""
			switch ms, found := s.treeSubject(pred); {
			case !s.plausibleTree():
				got = "implausible"
			case !found:
				got = "fallback"
			case len(ms) == 0:
				got = "none"
			default:
				got = codesText(ms)
			}
			if got != want {
				t.Errorf("doer of %q: got %s, want %s", s.tok(pred).Text, got, want)
			}
		})
	}
}

// codesText is the codes of ms, space-separated, or "none".
func codesText(ms []annals.Mention) string {
	if len(ms) == 0 {
		return "none"
	}
	var codes []string
	for _, m := range ms {
		codes = append(codes, m.Code)
	}
	return strings.Join(codes, " ")
}

// comment returns the value of a "# key = value" comment, or "".
func comment(cs *conllu.Sentence, key string) string {
	for _, c := range cs.Comments {
		if k, v, ok := strings.Cut(c, " = "); ok && k == key {
			return v
		}
	}
	return ""
}

// treeCase builds the coder's view of one hand-made tree: its tokens with
// heads and relations, its mentions, the predicate and the answer wanted.
func treeCase(t *testing.T, cs *conllu.Sentence) (*sentence, int, string) {
	t.Helper()
	doc := &annals.Doc{Article: &annals.Article{ID: "tree", Text: cs.Text}}
	at := 0
	for i, w := range cs.Words {
		doc.Tokens = append(doc.Tokens, annals.Token{Span: annals.Span{Start: at, End: at + len(w.Form)},
			Text: w.Form, Lower: strings.ToLower(w.Form), Tag: w.XPOS, Lemma: w.Lemma, UPOS: w.UPOS, Head: w.Head - 1, Rel: w.Deprel})
		at += len(w.Form)
		if cs.Words[i].SpaceAfter() {
			at++
		}
	}
	doc.Sentences = []annals.Sentence{{First: 0, Last: len(doc.Tokens)}}
	s := &sentence{doc: doc, first: 0, last: len(doc.Tokens)}
	pred, want := -1, ""
	for _, c := range cs.Comments {
		k, v, ok := strings.Cut(c, " = ")
		if !ok {
			continue
		}
		switch k {
		case "predicate":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > len(doc.Tokens) {
				t.Fatalf("predicate %q", v)
			}
			pred = n - 1
		case "want":
			want = v
		case "mentions":
			for _, f := range strings.Split(v, ";") {
				m, err := treeMention(strings.Fields(f), len(doc.Tokens))
				if err != nil {
					t.Fatalf("mentions %q: %v", f, err)
				}
				m.Span = annals.Span{Start: doc.Tokens[m.First].Start, End: doc.Tokens[m.Last-1].End}
				s.ms = append(s.ms, m)
			}
		}
	}
	if pred < 0 || want == "" {
		t.Fatal("a tree needs a predicate and a want")
	}
	return s, pred, want
}

// treeMention reads "FIRST[-LAST] [CODE] [place]" (1-based, inclusive).
func treeMention(f []string, n int) (annals.Mention, error) {
	var m annals.Mention
	if len(f) == 0 {
		return m, fmt.Errorf("empty")
	}
	a, b, _ := strings.Cut(f[0], "-")
	if b == "" {
		b = a
	}
	first, err1 := strconv.Atoi(a)
	last, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || first < 1 || last < first || last > n {
		return m, fmt.Errorf("range %q", f[0])
	}
	m.First, m.Last = first-1, last
	for _, x := range f[1:] {
		if x == "place" {
			m.Place = true
		} else {
			m.Code = x
		}
	}
	return m, nil
}

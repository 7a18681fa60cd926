package text

import (
	"strings"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/syntax"
)

// parseSentence runs the syntax stage over one sentence's tokens. UD
// splits hyphenated words ("Saudi-led" is Saudi, -, led) where annals keeps
// them whole for its dictionaries, so the parser sees the split pieces and
// each whole word takes the arc of its piece that attaches outside it.
// Tags and lemmas of a hyphenated word stay the word's own: an adjective
// before a noun ("Saudi-led coalition"), else the last piece's tag.
func parseSentence(p *syntax.Parser, toks []annals.Token, sub []annals.Token, group []int) ([]annals.Token, []int) {
	sub, group = sub[:0], group[:0]
	split := false
	for i := range toks {
		t := &toks[i]
		if !hyphenated(t.Text) {
			sub = append(sub, annals.Token{Span: t.Span, Text: t.Text, Lower: t.Lower})
			group = append(group, i)
			continue
		}
		split = true
		start := 0
		for k := 1; k < len(t.Text)-1; k++ {
			if t.Text[k] == '-' {
				sub = appendPiece(sub, t, start, k)
				group = append(group, i)
				sub = appendPiece(sub, t, k, k+1)
				group = append(group, i)
				start = k + 1
			}
		}
		sub = appendPiece(sub, t, start, len(t.Text))
		group = append(group, i)
	}
	if !split {
		p.Parse(toks)
		return sub, group
	}
	p.Parse(sub)
	// the representative piece of each word: the one whose head lies
	// outside the word (the last such piece)
	rep := make([]int, len(toks))
	for i := range rep {
		rep[i] = -1
	}
	for k := range sub {
		if h := sub[k].Head; h < 0 || group[h] != group[k] {
			rep[group[k]] = k // following heads always leaves the word or ends at the root
		}
	}
	for i := range toks {
		k := rep[i]
		r := &sub[k]
		t := &toks[i]
		t.Rel = r.Rel
		t.Head = -1
		if r.Head >= 0 {
			t.Head = group[r.Head]
		}
		if !hyphenated(t.Text) {
			t.Tag, t.UPOS, t.Lemma = r.Tag, r.UPOS, r.Lemma
			continue
		}
		t.Lemma = t.Lower
		switch {
		case r.Rel == "amod" || r.Rel == "compound" || r.UPOS == "ADJ":
			t.Tag, t.UPOS = "JJ", "ADJ"
		case r.UPOS == "PROPN" || sub[k].Tag == "NNP":
			t.Tag, t.UPOS, t.Lemma = "NNP", "PROPN", t.Text
		case strings.HasPrefix(r.Tag, "NN"):
			t.Tag, t.UPOS = r.Tag, r.UPOS
		default:
			t.Tag, t.UPOS = "JJ", "ADJ"
		}
	}
	return sub, group
}

func appendPiece(sub []annals.Token, t *annals.Token, i, j int) []annals.Token {
	text := t.Text[i:j]
	return append(sub, annals.Token{Span: annals.Span{Start: t.Start + i, End: t.Start + j}, Text: text, Lower: lower(text)})
}

// hyphenated reports a word with an inner ASCII hyphen between letters or
// digits ("Saudi-led", "al-Qaeda", "U.S.-backed"), not a dash token.
func hyphenated(w string) bool {
	if len(w) < 3 {
		return false
	}
	for k := 1; k < len(w)-1; k++ {
		if w[k] == '-' && w[k-1] != '-' && w[k+1] != '-' {
			return true
		}
	}
	return false
}

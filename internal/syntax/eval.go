package syntax

import (
	"fmt"
	"io"
	"strings"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/syntax/conllu"
)

// Scores counts agreement with gold sentences, as the CoNLL 2018 shared
// task evaluation (conll18_ud_eval.py) does on gold tokenization: every
// word counts, punctuation included; a lemma counts as right where the
// gold lemma is "_"; LAS compares the universal part of the relation
// only (before ':'), and needs the head right too.
type Scores struct {
	Sentences int
	Words     int
	UPOS      int
	XPOS      int
	Lemma     int
	UAS       int // head right
	LAS       int // head and universal relation right
	RelFull   int // head and full relation (with subtype) right
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// UPOSAcc and the methods below return percentages.
func (s Scores) UPOSAcc() float64  { return pct(s.UPOS, s.Words) }
func (s Scores) XPOSAcc() float64  { return pct(s.XPOS, s.Words) }
func (s Scores) LemmaAcc() float64 { return pct(s.Lemma, s.Words) }
func (s Scores) UASAcc() float64   { return pct(s.UAS, s.Words) }
func (s Scores) LASAcc() float64   { return pct(s.LAS, s.Words) }

// String is a one-line report.
func (s Scores) String() string {
	return fmt.Sprintf("%d sentences, %d words: UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f (LAS with subtypes %.2f)",
		s.Sentences, s.Words, s.UPOSAcc(), s.XPOSAcc(), s.LemmaAcc(), s.UASAcc(), s.LASAcc(), pct(s.RelFull, s.Words))
}

// Report writes the scores as a small table.
func (s Scores) Report(w io.Writer) error {
	_, err := fmt.Fprintf(w, "sentences %d\nwords     %d\nUPOS      %6.2f\nXPOS      %6.2f\nlemma     %6.2f\nUAS       %6.2f\nLAS       %6.2f\n",
		s.Sentences, s.Words, s.UPOSAcc(), s.XPOSAcc(), s.LemmaAcc(), s.UASAcc(), s.LASAcc())
	return err
}

// Tokens returns the words of a sentence as tokens (Text, Lower; with
// goldTags also Tag, UPOS and Lemma from the gold columns).
func Tokens(s *conllu.Sentence, goldTags bool) []annals.Token {
	toks := make([]annals.Token, len(s.Words))
	for i := range s.Words {
		w := &s.Words[i]
		toks[i] = annals.Token{Text: w.Form, Lower: strings.ToLower(w.Form)}
		if goldTags {
			toks[i].Tag, toks[i].UPOS, toks[i].Lemma = w.XPOS, w.UPOS, w.Lemma
		}
	}
	return toks
}

// ParseSentence parses a sentence's gold tokens and returns a copy with
// the predicted columns (LEMMA, UPOS, XPOS, HEAD, DEPREL) replaced; with
// goldTags the gold UPOS, XPOS and lemma are kept and only the tree is
// predicted.
func (p *Parser) ParseSentence(s *conllu.Sentence, goldTags bool) conllu.Sentence {
	toks := Tokens(s, goldTags)
	if goldTags {
		p.ParseTagged(toks)
	} else {
		p.Parse(toks)
	}
	out := conllu.Sentence{Comments: s.Comments, Text: s.Text, Words: make([]conllu.Word, len(s.Words))}
	for i := range s.Words {
		w := s.Words[i]
		w.Lemma, w.UPOS, w.XPOS = toks[i].Lemma, toks[i].UPOS, toks[i].Tag
		w.Head = toks[i].Head + 1
		w.Deprel = toks[i].Rel
		w.Deps = "_"
		out.Words[i] = w
	}
	return out
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// Evaluate parses the gold sentences' tokens (with predicted tags, or
// the gold ones if goldTags) and scores the result.
func Evaluate(p *Parser, gold []conllu.Sentence, goldTags bool) Scores {
	var sc Scores
	for i := range gold {
		sys := p.ParseSentence(&gold[i], goldTags)
		sc.Add(&gold[i], &sys)
	}
	return sc
}

// Add scores one system sentence against its gold sentence (same words).
func (sc *Scores) Add(gold, sys *conllu.Sentence) {
	sc.Sentences++
	for j := range gold.Words {
		g, s := &gold.Words[j], &sys.Words[j]
		sc.Words++
		if g.UPOS == s.UPOS {
			sc.UPOS++
		}
		if g.XPOS == s.XPOS {
			sc.XPOS++
		}
		if g.Lemma == "_" || g.Lemma == s.Lemma {
			sc.Lemma++
		}
		if g.Head == s.Head {
			sc.UAS++
			if universal(g.Deprel) == universal(s.Deprel) {
				sc.LAS++
			}
			if g.Deprel == s.Deprel {
				sc.RelFull++
			}
		}
	}
}

// EvaluateFile reads a gold CoNLL-U file (gzip or plain) and scores the
// parser on it, for "annals eval --ud GOLD.conllu".
func EvaluateFile(p *Parser, path string, goldTags bool) (Scores, error) {
	gold, err := conllu.ReadFile(path)
	if err != nil {
		return Scores{}, err
	}
	return Evaluate(p, gold, goldTags), nil
}

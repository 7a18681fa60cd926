package coder_test

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/coder"
)

func inferred(e *annals.Event) bool {
	return e.DateSource == "publication" || e.DateSource == "context"
}

// mergeRepeatsQuadratic is MergeRepeats as it was before issue 18: every
// telling scanned every earlier event of its kind, and every evidence
// sentence of the one it joined. lemma gives a telling's trigger lemma.
func mergeRepeatsQuadratic(evs []annals.Event, lemma func(annals.Event) string) []annals.Event {
	idx := map[string][]int{}
	var out []annals.Event
	var lemmas []string
	for _, e := range evs {
		k := e.Source + "|" + e.Target + "|" + e.Code + "|" + string(e.Mode)
		lem := lemma(e)
		merged := false
		for _, i := range idx[k] {
			o := &out[i]
			if lemmas[i] != lem {
				continue
			}
			if o.EventDate != e.EventDate && !inferred(o) && !inferred(&e) {
				continue
			}
			if inferred(o) && !inferred(&e) {
				o.EventDate, o.DatePrecision, o.DateSource = e.EventDate, e.DatePrecision, e.DateSource
			}
			found := false
			for _, v := range o.EvidenceSentences {
				found = found || v == e.SentenceIndex
			}
			if !found {
				o.EvidenceSentences = append(o.EvidenceSentences, e.SentenceIndex)
				o.Mentions++
			}
			if e.Confidence > o.Confidence {
				o.Confidence = e.Confidence
			}
			merged = true
			break
		}
		if merged {
			continue
		}
		e.Mentions = 1
		e.EvidenceSentences = []int{e.SentenceIndex}
		idx[k] = append(idx[k], len(out))
		out = append(out, e)
		lemmas = append(lemmas, lem)
	}
	return out
}

// TestMergeRepeatsAsBefore: the indexed MergeRepeats folds random
// tellings (few kinds, two trigger lemmas, few days, some with dates only
// inferred, from the publication or the story, repeats within a sentence) exactly as the quadratic
// one did.
func TestMergeRepeatsAsBefore(t *testing.T) {
	// sentences of two tokens: "strike" at bytes 0-5, "attack" at 7-13
	doc := &annals.Doc{}
	for si := range 40 {
		doc.Tokens = append(doc.Tokens, annals.Token{Span: annals.Span{Start: 14 * si, End: 14*si + 6}, Lemma: "strike"}, annals.Token{Span: annals.Span{Start: 14*si + 7, End: 14*si + 13}, Lemma: "attack"})
		doc.Sentences = append(doc.Sentences, annals.Sentence{Index: si, First: 2 * si, Last: 2*si + 2})
	}
	lemma := func(e annals.Event) string {
		if e.TriggerSpan.Start%14 == 0 {
			return "strike"
		}
		return "attack"
	}
	r := rand.New(rand.NewSource(18))
	for round := range 2000 {
		var evs []annals.Event
		si := 0
		for range r.Intn(40) {
			si += r.Intn(2)
			e := annals.Event{DocID: "d", Source: []string{"IRN", "PAK"}[r.Intn(2)], Target: "AFG", Code: []string{"190", "042"}[r.Intn(2)],
				Mode: annals.Asserted, SentenceIndex: si, Confidence: float64(r.Intn(10)) / 10,
				EventDate: fmt.Sprintf("2024-01-%02d", 1+r.Intn(4)), DatePrecision: "day", DateSource: "clause"}
			e.TriggerSpan.Start = 14*si + 7*r.Intn(2)
			switch r.Intn(6) {
			case 0:
				e.EventDate, e.DateSource = "2024-01-03", "publication"
			case 1:
				e.DateSource = "context" // a date inferred from the story, any day
			}
			evs = append(evs, e)
		}
		want := mergeRepeatsQuadratic(append([]annals.Event(nil), evs...), lemma)
		got := coder.MergeRepeats(doc, append([]annals.Event(nil), evs...))
		for i := range got {
			got[i].EventID = ""
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: %d tellings merged into\n%+v\nwant\n%+v", round, len(evs), got, want)
		}
	}
}

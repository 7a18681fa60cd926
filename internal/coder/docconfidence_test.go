package coder_test

import (
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/pipeline"
)

// TestDocFeatures: the document-level confidence features of events in a
// short article of our own: position, repeated tellings, past perfect
// background and quotation.
func TestDocFeatures(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{MinConfidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		e     annals.Event
		feats string
	}
	var evs []got
	p.Coder.OnFeatures = func(e annals.Event, f []string) { evs = append(evs, got{e, " " + strings.Join(f, " ") + " "}) }
	txt := "ISLAMABAD — Iran launched missile strikes on Pakistan on Tuesday. Pakistan recalled its ambassador from Tehran. " +
		`"We condemn the strikes by Iran," the Pakistani foreign minister said. ` +
		"Tehran had accused Pakistan last year of sheltering militants. Iran launched missile strikes on Pakistan, officials said."
	ref := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	p.Process(&annals.Article{ID: "d", Text: txt, Published: ref}, ref)
	find := func(sent int, code string) got {
		for _, g := range evs {
			if g.e.SentenceIndex == sent && strings.HasPrefix(g.e.Code, code) {
				return g
			}
		}
		t.Fatalf("no %s event in sentence %d: %+v", code, sent, evs)
		return got{}
	}
	has := func(g got, want ...string) {
		t.Helper()
		for _, w := range want {
			if neg := strings.HasPrefix(w, "!"); neg == strings.Contains(g.feats, " "+strings.TrimPrefix(w, "!")+" ") {
				t.Errorf("%s %s>%s in sentence %d: features%s; want %s", g.e.Code, g.e.Source, g.e.Target, g.e.SentenceIndex, g.feats, w)
			}
		}
	}
	lede, again := find(0, "19"), find(4, "19")
	has(lede, "doc=article", "sent=<=0", "told=<=2", "!telling=later", "!aspect=pluperfect", "!quote=in")
	has(again, "sent=<=6", "told=<=2", "telling=later")
	has(find(3, "11"), "aspect=pluperfect", "age=>31")
	has(find(2, "11"), "quote=in")
	has(find(1, "16"), "sent=<=1", "!quote=in", "tgtseen=<=6")
}

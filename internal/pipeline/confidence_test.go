package pipeline

import (
	"testing"
	"time"

	"github.com/annals-events/annals"
)

// TestMinConfidence: by default the pipeline keeps only events at or
// above DefaultMinConfidence; a negative floor keeps them all, and the
// events both keep are the same.
func TestMinConfidence(t *testing.T) {
	pub := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	a := &annals.Article{ID: "c", Published: pub,
		Text: "The Afghan Taliban denounced the strikes, saying they killed several women and children. Pakistan's army said it struck militant hideouts in Afghanistan."}
	def, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	all, err := New(Options{MinConfidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if def.MinConfidence != DefaultMinConfidence || all.MinConfidence != 0 {
		t.Fatalf("floors %v and %v", def.MinConfidence, all.MinConfidence)
	}
	kept, every := def.Process(a, pub).Events, all.Process(a, pub).Events
	below := 0
	for _, e := range every {
		if e.Confidence < DefaultMinConfidence {
			below++
		}
	}
	if below == 0 {
		t.Fatal("no event under the floor: the test text no longer tests it")
	}
	if len(kept) != len(every)-below {
		t.Errorf("kept %d of %d events, %d of them under the floor", len(kept), len(every), below)
	}
	for _, e := range kept {
		if e.Confidence < DefaultMinConfidence {
			t.Errorf("kept %s %s->%s at confidence %.2f", e.Code, e.Source, e.Target, e.Confidence)
		}
	}
}

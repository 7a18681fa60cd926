package pipeline

import (
	"sort"
	"testing"
	"time"

	"github.com/annals-events/annals"
)

// TestMinConfidence: by default the pipeline keeps only events at or
// above DefaultMinConfidence; a negative floor keeps them all; a floor
// between the events' confidences keeps exactly those at or above it.
func TestMinConfidence(t *testing.T) {
	pub := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	a := &annals.Article{ID: "c", Published: pub,
		Text: "The Somali government condemned the raids, saying they had killed a number of farmers and herders. Kenya's army said it hit militant camps in Somalia. Officials said the negotiations could restart. Al-Shabaab fighters later assaulted a police station, villagers said."}
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
	for _, e := range def.Process(a, pub).Events {
		if e.Confidence < DefaultMinConfidence {
			t.Errorf("default floor kept %s %s->%s at confidence %.2f", e.Code, e.Source, e.Target, e.Confidence)
		}
	}
	every := all.Process(a, pub).Events
	var confs []float64
	for _, e := range every {
		confs = append(confs, e.Confidence)
	}
	sort.Float64s(confs)
	if len(confs) < 2 || confs[0] == confs[len(confs)-1] {
		t.Fatalf("the test text needs events of different confidence, got %v", confs)
	}
	floor := confs[len(confs)/2]
	if floor == confs[0] {
		floor = confs[len(confs)-1]
	}
	mid, err := New(Options{MinConfidence: floor})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, c := range confs {
		if c >= floor {
			want++
		}
	}
	if got := len(mid.Process(a, pub).Events); got != want {
		t.Errorf("floor %.2f kept %d events, want %d of %v", floor, got, want, confs)
	}
}

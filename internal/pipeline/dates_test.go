package pipeline

import (
	"testing"
	"time"

	"github.com/annals-events/annals"
)

// TestEventDates: the pipeline dates each event from its own clause and
// says how, and a later telling with no date of its own merges into the
// dated one.
func TestEventDates(t *testing.T) {
	p, err := New(Options{MinConfidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2024, 1, 19, 0, 0, 0, 0, time.UTC) // a Friday
	a := &annals.Article{ID: "d", Published: pub, Text: "Iran struck militant bases in Pakistan on Tuesday. " +
		"Two days later, Pakistan struck militant hideouts inside Iran. " +
		"Pakistan struck militant hideouts inside Iran, the army said."}
	evs := p.Process(a, pub).Events
	var iran, pak []annals.Event
	for _, e := range evs {
		switch {
		case len(e.Source) >= 3 && e.Source[:3] == "IRN":
			iran = append(iran, e)
		case len(e.Source) >= 3 && e.Source[:3] == "PAK":
			pak = append(pak, e)
		}
	}
	if len(iran) != 1 || iran[0].EventDate != "2024-01-16" || iran[0].DateSource != "explicit" || iran[0].DatePrecision != "day" {
		t.Errorf("Iran's strike: %+v", iran)
	}
	// the retelling of the strikes, undated, joins the strikes dated "two days later"
	if len(pak) != 1 || pak[0].EventDate != "2024-01-18" || pak[0].DateSource != "relative" || len(pak[0].EvidenceSentences) != 2 {
		t.Errorf("Pakistan's strikes: %+v", pak)
	}
}

package store_test

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
)

// TestTextRowFollowsKeptEvidence: an event's full-text row, which Add
// rewrites only when the texts of the event's kept evidence change, finds
// the event by exactly the words of the sentences it keeps, batch after
// batch, under a cap of 4 rows: a report adding a new word that is kept
// makes the event findable by it; one whose row the cap drops at once
// does not; an old row dropped takes away its words unless another kept
// row has its text; a report of a text already kept changes nothing; and
// each time the stored rows are those a rebuild makes (SummaryDrift).
func TestTextRowFollowsKeptEvidence(t *testing.T) {
	tmpl := map[string]*annals.CodedDocument{}
	for _, w := range []string{"", "Quetta", "Kandahar"} {
		text := "Iran struck Pakistan on Tuesday."
		if w != "" {
			text = "Iran struck Pakistan on Tuesday near " + w + "."
		}
		d := coded(t, "t"+w, "2024-01-17", "Wire", text)
		if len(d.Events) != 1 || d.Events[0].Source != "IRN" || d.Events[0].Target != "PAK" || len(d.Sentences) != 1 {
			t.Fatalf("%q codes as %+v", text, d.Events)
		}
		if w != "" {
			// the same event (a place would make it another), told
			// by a sentence with one more word
			d.Events = tmpl[""].Events
		}
		tmpl[w] = d
	}
	other := coded(t, "tr", "2024-01-17", "Wire", "Russia shelled Kharkiv on Wednesday.")
	if len(other.Events) == 0 {
		t.Fatal("no event in the second template")
	}
	base := time.Date(2024, 1, 16, 0, 0, 0, 0, time.UTC)
	// doc is a report of the template of word w published day days after
	// base, its event of confidence conf
	doc := func(id, w string, day int, conf float64) *annals.CodedDocument {
		tm := tmpl[w]
		if w == "Kharkiv" {
			tm = other
		}
		a := *tm.Article
		a.ID, a.Published = id, base.AddDate(0, 0, day)
		d := *tm
		d.Article, d.ContentHash = &a, "hash-"+id
		d.Events = slices.Clone(tm.Events)
		for i := range d.Events {
			d.Events[i].Confidence = conf
		}
		return &d
	}
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.EvidenceCap = 4
		found := func(w string) int {
			evs, err := db.Events(ctx, annals.EventFilter{Text: w, Modes: allModes}, false)
			if err != nil {
				t.Fatal(err)
			}
			return len(evs)
		}
		for _, step := range []struct {
			what string
			docs []*annals.CodedDocument
			kept []string       // the strike's evidence rows after the step
			want map[string]int // events found by each word
		}{
			{"four reports of one text", []*annals.CodedDocument{doc("a1", "", 1, 0.5), doc("a2", "", 2, 0.5), doc("a3", "", 3, 0.5), doc("a4", "", 4, 0.5)},
				[]string{"a1", "a2", "a3", "a4"}, map[string]int{"struck": 1, "Quetta": 0, "Kandahar": 0}},
			{"the earliest report adds a word, a4 dropped", []*annals.CodedDocument{doc("b", "Quetta", 0, 0.3)},
				[]string{"a1", "a2", "a3", "b"}, map[string]int{"struck": 1, "Quetta": 1, "Kandahar": 0}},
			{"a report the cap drops at once", []*annals.CodedDocument{doc("c", "Kandahar", 9, 0.1)},
				[]string{"a1", "a2", "a3", "b"}, map[string]int{"struck": 1, "Quetta": 1, "Kandahar": 0}},
			{"an earlier report of a kept text drops a3", []*annals.CodedDocument{doc("d", "", -1, 0.5)},
				[]string{"a1", "a2", "b", "d"}, map[string]int{"struck": 1, "Quetta": 1, "Kandahar": 0}},
			{"two earlier reports drop b, the only row of Quetta", []*annals.CodedDocument{doc("e1", "", -3, 0.5), doc("e2", "", -2, 0.5)},
				[]string{"a1", "d", "e1", "e2"}, map[string]int{"struck": 1, "Quetta": 0, "Kandahar": 0}},
			{"a confident report brings Quetta back", []*annals.CodedDocument{doc("f", "Quetta", 5, 0.9)},
				[]string{"d", "e1", "e2", "f"}, map[string]int{"struck": 1, "Quetta": 1, "Kandahar": 0}},
			{"a kept text again, dropping d, and a new event", []*annals.CodedDocument{doc("g", "Quetta", 6, 0.95), doc("h", "Kharkiv", 0, 0.5)},
				[]string{"e1", "e2", "f", "g"}, map[string]int{"struck": 1, "Quetta": 1, "Kandahar": 0, "Kharkiv": 1}},
		} {
			if _, err := db.Add(ctx, step.docs); err != nil {
				t.Fatal(err)
			}
			var kept []string
			for _, r := range evidenceRows(t, db.SQL(), strike(t, db).ID) {
				kept = append(kept, r.doc)
			}
			slices.Sort(kept)
			if !slices.Equal(kept, step.kept) {
				t.Fatalf("%s: the strike keeps %v, want %v: the case tests something else", step.what, kept, step.kept)
			}
			for w, n := range step.want {
				if got := found(w); got != n {
					t.Errorf("%s: %q finds %d events, want %d", step.what, w, got, n)
				}
			}
			drift, err := db.SummaryDrift(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if drift != "" {
				t.Errorf("%s: the stored full-text rows are not a rebuild's:\n%s", step.what, drift)
			}
		}
	})
}

// TestTextRowRandomBatches: reports of one strike, told by one or two
// sentences drawn from a few texts (some words in one text only), with
// random publication days and confidences, stored in random batches under
// a cap of 5, so that batches add texts the event has, texts it lacks,
// rows the cap drops at once and rows that push old ones out: after every
// batch event_fts is what a rebuild makes (SummaryDrift), and at the end
// each word finds the strike exactly when a sentence it keeps has it.
func TestTextRowRandomBatches(t *testing.T) {
	words := []string{"Quetta", "Kandahar", "Herat", "Zahedan"}
	one := coded(t, "one", "2024-01-17", "Wire", "Iran struck Pakistan on Tuesday.")
	two := coded(t, "two", "2024-01-17", "Wire", "Iran struck Pakistan on Tuesday. Iran also struck Pakistan on Tuesday, officials said.")
	if len(one.Events) != 1 || len(two.Events) != 1 || len(two.Events[0].EvidenceSentences) != 2 {
		t.Fatalf("the templates code as %+v and %+v", one.Events, two.Events)
	}
	// the texts: the templates', and each with one of the words
	var tmpls []*annals.CodedDocument
	for _, w := range append([]string{""}, words...) {
		for _, base := range []*annals.CodedDocument{one, two} {
			text := base.Article.Text
			if w != "" {
				text = strings.Replace(text, "Tuesday.", "Tuesday near "+w+".", 1)
			}
			d := coded(t, "t", "2024-01-17", "Wire", text)
			if len(d.Sentences) != len(base.Sentences) {
				t.Fatalf("%q: %d sentences", text, len(d.Sentences))
			}
			d.Events = base.Events // the same event, whatever place a word names
			tmpls = append(tmpls, d)
		}
	}
	r := rand.New(rand.NewSource(16))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []*annals.CodedDocument
	for k := range 150 {
		tm := tmpls[r.Intn(len(tmpls))]
		a := *tm.Article
		a.ID, a.Published = fmt.Sprintf("r%03d", k), base.AddDate(0, 0, r.Intn(30))
		d := *tm
		d.Article, d.ContentHash = &a, "hash-"+a.ID
		d.Events = slices.Clone(tm.Events)
		d.Events[0].Confidence = 0.1 * float64(1+r.Intn(9))
		docs = append(docs, &d)
	}
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.EvidenceCap = 5
		for rest := docs; len(rest) > 0; {
			n := min(len(rest), 1+r.Intn(6))
			if _, err := db.Add(ctx, rest[:n]); err != nil {
				t.Fatal(err)
			}
			rest = rest[n:]
			drift, err := db.SummaryDrift(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if drift != "" {
				t.Fatalf("after %d documents: the stored full-text rows are not a rebuild's:\n%s", len(docs)-len(rest), drift)
			}
		}
		id := strike(t, db).ID
		var kept []string
		rows, err := db.SQL().QueryContext(ctx, `SELECT s.text FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index WHERE v.event_id = `+fmt.Sprint(id))
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			kept = append(kept, s)
		}
		rows.Close()
		some := 0
		for _, w := range words {
			want := 0
			for _, s := range kept {
				if strings.Contains(s, w) {
					want = 1
				}
			}
			some += want
			evs, err := db.Events(ctx, annals.EventFilter{Text: w, Modes: allModes}, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != want {
				t.Errorf("%q finds %d events; the strike's kept sentences %v", w, len(evs), kept)
			}
		}
		if some == 0 || some == len(words) {
			t.Errorf("the strike keeps %d of the %d words: the case tests less than it should", some, len(words))
		}
	})
}

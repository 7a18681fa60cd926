package store_test

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/demo"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

// searchQueries are what an analyst types into the event browser.
var searchQueries = []string{
	"air strike", "air strikes", "strikes", "missile", "drone attack", "militants", "ambassador", "ambassadors recalled",
	"ceasefire", "talks", "border crossing", "retaliation", "condemned", "Pakistan's strikes", "killed", "refugees",
	"foreign minister", "protesters", "cross-border", "the army",
}

// TestTextSearchParity: the same text queries return the same events
// from SQLite (FTS5, Porter stemmer, PostgreSQL's stop words) and from
// PostgreSQL (english configuration), over the demo corpus; and stemming
// finds inflected forms in SQLite ("air strike" finds "air strikes").
func TestTextSearchParity(t *testing.T) {
	bs := storetest.Backends(t)
	if len(bs) < 2 {
		t.Skip("needs PostgreSQL too (ANNALS_TEST_POSTGRES)")
	}
	docs := demoDocs(t)
	ctx := context.Background()
	found := map[string]map[string][]string{} // backend -> query -> event keys
	for _, b := range bs {
		db := b.Open(t)
		for i := 0; i < len(docs); i += 10 {
			if _, err := db.Add(ctx, docs[i:min(i+10, len(docs))]); err != nil {
				t.Fatal(err)
			}
		}
		found[b.Name] = map[string][]string{}
		for _, q := range searchQueries {
			found[b.Name][q] = searchKeys(t, db, q)
		}
	}
	sq, pq := found["sqlite"], found["postgres"]
	for _, q := range searchQueries {
		t.Logf("q=%q: SQLite %d events, PostgreSQL %d", q, len(sq[q]), len(pq[q]))
		if len(sq[q]) == 0 {
			t.Errorf("q=%q finds nothing: two empty answers agree whatever the stores do", q)
		}
		if fmt.Sprint(sq[q]) != fmt.Sprint(pq[q]) {
			t.Errorf("q=%q: SQLite finds %d events, PostgreSQL %d\n sqlite:   %v\n postgres: %v", q, len(sq[q]), len(pq[q]), sq[q], pq[q])
		}
	}
	if len(sq["air strike"]) == 0 || len(sq["air strike"]) < len(sq["air strikes"]) {
		t.Errorf("stemming: 'air strike' finds %d events, 'air strikes' %d", len(sq["air strike"]), len(sq["air strikes"]))
	}
	if len(sq["strikes"]) == 0 {
		t.Error("'strikes' finds nothing")
	}
}

// demoDocs codes the demo corpus.
func demoDocs(t *testing.T) []*annals.CodedDocument {
	t.Helper()
	var docs []*annals.CodedDocument
	err := ingest.Read([]string{"-"}, ingest.Options{Stdin: bytes.NewReader(demo.Corpus)}, func(a *annals.Article) error {
		docs = append(docs, coded(t, a.ID, a.Published.Format("2006-01-02"), a.Source, a.Text))
		return nil
	}, func(e *ingest.InputError) { t.Fatal(e) })
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// searchKeys returns the sorted identities of the events a text query
// finds: the same events in two stores have the same keys.
func searchKeys(t *testing.T, db *store.DB, q string) []string {
	t.Helper()
	evs, err := db.Events(context.Background(), annals.EventFilter{Text: q}, false)
	if err != nil {
		t.Fatalf("q=%q: %v", q, err)
	}
	var keys []string
	for _, e := range evs {
		keys = append(keys, e.Source+">"+e.Target+":"+e.Code+":"+string(e.Mode)+"@"+e.EventDate)
	}
	sort.Strings(keys)
	return keys
}

// TestSortedPages: events sorted by date (either way) page through every
// matching event once, in order, in both stores, with and without an actor
// filter (whose query merges two reads).
func TestSortedPages(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := open(t)
		var docs []*annals.CodedDocument
		ingest.Read([]string{"-"}, ingest.Options{Stdin: bytes.NewReader(demo.Corpus)}, func(a *annals.Article) error {
			docs = append(docs, coded(t, a.ID, a.Published.Format("2006-01-02"), a.Source, a.Text))
			return nil
		}, func(e *ingest.InputError) { t.Fatal(e) })
		if _, err := db.Add(context.Background(), docs); err != nil {
			t.Fatal(err)
		}
		for _, actor := range []string{"", "PAK"} {
			want, err := db.Events(context.Background(), annals.EventFilter{Actor: actor, Limit: 10000}, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, sort := range []string{"date", "-date"} {
				f := annals.EventFilter{Actor: actor, Sort: sort, Limit: 6}
				seen := map[int64]bool{}
				var prev *annals.StoredEvent
				for {
					page, err := db.Events(context.Background(), f, false)
					if err != nil {
						t.Fatal(err)
					}
					for i := range page {
						e := &page[i]
						if seen[e.ID] {
							t.Fatalf("actor %q sort %s: event %d twice", actor, sort, e.ID)
						}
						seen[e.ID] = true
						if prev != nil {
							after := e.EventDate > prev.EventDate || e.EventDate == prev.EventDate && e.ID > prev.ID
							if sort == "-date" {
								after = e.EventDate < prev.EventDate || e.EventDate == prev.EventDate && e.ID < prev.ID
							}
							if !after {
								t.Fatalf("actor %q sort %s: %s/%d after %s/%d", actor, sort, e.EventDate, e.ID, prev.EventDate, prev.ID)
							}
						}
						prev = e
					}
					if len(page) < f.Limit {
						break
					}
					f.After, f.AfterDate = page[len(page)-1].ID, page[len(page)-1].EventDate
				}
				if len(seen) != len(want) {
					t.Errorf("actor %q sort %s: %d events paged, %d match", actor, sort, len(seen), len(want))
				}
			}
		}
	})
}

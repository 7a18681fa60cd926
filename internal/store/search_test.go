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
	"ceasefire", "talks", "border crossing", "sanctions", "condemned", "attack on the base", "killed", "refugees",
	"foreign minister", "protesters", "nuclear", "the army",
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
	var docs []*annals.CodedDocument
	err := ingest.Read([]string{"-"}, ingest.Options{Stdin: bytes.NewReader(demo.Corpus)}, func(a *annals.Article) error {
		docs = append(docs, coded(t, a.ID, a.Published.Format("2006-01-02"), a.Source, a.Text))
		return nil
	}, func(e *ingest.InputError) { t.Fatal(e) })
	if err != nil {
		t.Fatal(err)
	}
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

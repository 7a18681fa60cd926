package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
)

// recodeInBatches replaces docs in their order, batch documents a
// transaction, as annals recode does (in id order).
func recodeInBatches(t testing.TB, db *store.DB, docs []*annals.CodedDocument, batch int) {
	t.Helper()
	for lo := 0; lo < len(docs); lo += batch {
		if _, err := db.Replace(context.Background(), docs[lo:min(len(docs), lo+batch)]); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRecodeKeepsEvidence: a recode of every document that moves the
// documents whose evidence an event told by three times the cap kept to
// another event leaves the event with the cap's choice from the reports
// that still tell it, exactly as a store that keeps every row would
// choose, and counts that count every report. Trimmed batch by batch, the
// rows dropped for kept ones that a later batch took away were gone: the
// event kept 42 rows of the 225 documents still telling it (and none when
// every report is in one sentence and the moved ones come last).
func TestRecodeKeepsEvidence(t *testing.T) {
	docs := reports(t, 3*store.EvidenceCap)
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		all := open(t)
		all.EvidenceCap = 0
		addIn(t, all, docs, nil, 50)
		seed := open(t)
		addIn(t, seed, docs, nil, 50)
		kept := map[string]bool{}
		for _, r := range evidenceRows(t, seed.SQL(), strike(t, seed).ID) {
			kept[r.doc] = true
		}
		// the documents whose evidence the strike kept now tell another
		// event; the others tell the strike as before, and come first in
		// the recode's order (the order of their ids, in annals recode)
		other := coded(t, "other", "2024-01-17", "", "Pakistan and Iran signed a trade agreement on Monday.")
		var recode, moved []*annals.CodedDocument
		for _, d := range docs {
			if !kept[d.Article.ID] {
				recode = append(recode, d)
				continue
			}
			c := *other
			a := *d.Article
			a.Text = other.Article.Text
			c.Article = &a
			moved = append(moved, &c)
		}
		recode = append(recode, moved...)
		recodeInBatches(t, all, recode, 64)
		want := keep(evidenceRows(t, all.SQL(), strike(t, all).ID), store.EvidenceCap)
		wantCounts := counts(t, all)

		// batch by batch with the cap on: what was lost
		old := open(t)
		addIn(t, old, docs, nil, 50)
		recodeInBatches(t, old, recode, 64)
		oldRows := len(evidenceRows(t, old.SQL(), strike(t, old).ID))
		t.Logf("trimmed batch by batch, the strike keeps %d evidence rows of the %d documents still telling it; want %d",
			oldRows, len(docs)-len(kept), len(want))

		// as annals recode does: the cap off while recoding, then trimmed
		db := open(t)
		addIn(t, db, docs, nil, 50)
		db.EvidenceCap = 0
		recodeInBatches(t, db, recode, 64)
		db.EvidenceCap = store.EvidenceCap
		n, err := db.Prune(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := rowKeys(evidenceRows(t, db.SQL(), strike(t, db).ID))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("after the recode the strike keeps %d evidence rows:\n%v\nwant %d:\n%v", len(got), got, len(want), want)
		}
		if n != 1 {
			t.Errorf("Prune trimmed %d events, want the strike", n)
		}
		if c := counts(t, db); !reflect.DeepEqual(c, wantCounts) {
			t.Errorf("counts %v\nwant %v", c, wantCounts)
		}
		noDrift(t, db, "recoded")
		if n, err := db.Prune(ctx); err != nil || n != 0 {
			t.Errorf("a second Prune trimmed %d events (%v)", n, err)
		}
	})
}

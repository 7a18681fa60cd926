package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/gendata"
	"github.com/annals-events/annals/internal/store/storetest"
)

// textQueries are text filters over gendata's sentences: dense, rare,
// two words of one sentence, absent.
var textQueries = []string{"struck", "shelled", "Kabul", "struck near", "near Kabul", "archive", "government", "absentword"}

// TestTextIndexUpgrade: a store of version 11 (per-sentence full-text
// index) migrated to event_fts (migration 0012, backfilled) answers every
// text filter with the events the per-sentence index found, in the same
// order, page after page by the cursor; so does the index as a rebuild
// makes it.
func TestTextIndexUpgrade(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.DSN(t)
			old, err := store.OpenVersion(dsn, 11)
			if err != nil {
				t.Fatal(err)
			}
			if err := gendata.Generate(ctx, old.SQL(), old.Name(), 3000, 5); err != nil {
				t.Fatal(err)
			}
			pg := old.Name() == "postgres"
			if !pg {
				// version 11 kept each sentence's full-text row
				for _, q := range []string{`INSERT INTO sentence_fts (text, doc_id, idx) SELECT text, doc_id, idx FROM sentences ORDER BY doc_id, idx`,
					`INSERT INTO sentence_fts_keys (doc_id, idx, fts) SELECT doc_id, idx, rowid FROM sentence_fts`} {
					if _, err := old.SQL().ExecContext(ctx, q); err != nil {
						t.Fatal(err)
					}
				}
			}
			// the events each query finds as version 11 searched: a
			// sentence of the event's evidence matches
			want := map[string][]int64{}
			for _, q := range textQueries {
				sql, arg := `SELECT DISTINCT v.event_id FROM evidence v JOIN sentence_fts s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index WHERE sentence_fts MATCH ? ORDER BY 1`, store.FTSQuery(q)
				if pg {
					sql, arg = `SELECT DISTINCT v.event_id FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index
						WHERE to_tsvector('english', s.text) @@ plainto_tsquery('english', $1) ORDER BY 1`, q
				}
				rows, err := old.SQL().QueryContext(ctx, sql, arg)
				if err != nil {
					t.Fatal(err)
				}
				for rows.Next() {
					var id int64
					rows.Scan(&id)
					want[q] = append(want[q], id)
				}
				rows.Close()
				if q != "absentword" && len(want[q]) < 10 {
					t.Fatalf("q=%q: %d events before the upgrade: the case tests nothing", q, len(want[q]))
				}
			}
			old.Close()
			db, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			check := func(when string) {
				for _, q := range textQueries {
					var got []int64
					f := annals.EventFilter{Text: q, Modes: allModes, Limit: 13}
					for {
						evs, err := db.Events(ctx, f, false)
						if err != nil {
							t.Fatal(err)
						}
						for _, e := range evs {
							got = append(got, e.ID)
						}
						if len(evs) < f.Limit {
							break
						}
						f.After = evs[len(evs)-1].ID
					}
					if !slices.Equal(got, want[q]) {
						t.Errorf("%s: q=%q: %d events %v, version 11 found %d %v", when, q, len(got), head(got), len(want[q]), head(want[q]))
					}
				}
			}
			check("migrated")
			if err := db.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			check("rebuilt")
		})
	}
}

func head(ids []int64) []int64 { return ids[:min(len(ids), 20)] }

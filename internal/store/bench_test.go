package store_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
)

var codes = []struct {
	code, root string
	quad       int
	g          float64
}{{"190", "19", 4, -10}, {"040", "04", 1, 1}, {"111", "11", 3, -2}, {"057", "05", 1, 8}, {"163", "16", 4, -8}, {"070", "07", 2, 7}}

var actors = []string{"PAK", "IRN", "AFG", "ISR", "RUS", "UKR", "USA", "CHN", "IND", "TUR", "SYR", "SAU", "EGY", "SDN", "PAKGOV", "IRNGOV", "AFGGOV", "ISRMIL", "RUSMIL", "UKRMIL"}

// BigDB returns a store with n synthetic events (and one document holding
// their evidence), cached at $ANNALS_BENCH_DB when set.
func BigDB(b *testing.B, n int) *store.DB {
	path := os.Getenv("ANNALS_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "big.db")
	}
	fresh := false
	if _, err := os.Stat(path); err != nil {
		fresh = true
	}
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if !fresh {
		return db
	}
	start := time.Now()
	tx, _ := db.SQL().Begin()
	tx.Exec(`INSERT INTO documents (id, content_hash, text, ingested_at, source) VALUES ('d', 'h', 'Synthetic.', '', 'bench')`)
	tx.Exec(`INSERT INTO sentences (doc_id, idx, start_off, end_off, text) VALUES ('d', 0, 0, 10, 'Synthetic.')`)
	st, _ := tx.Prepare(`INSERT INTO events (source, target, code, root, quad_class, goldstein, plover, mode, event_date, date_precision, confidence, rule, source_text, target_text, num_mentions, num_sources, num_articles) VALUES (?,?,?,?,?,?,'','asserted',?,'day',0.8,'bench','','',1,1,1)`)
	ev, _ := tx.Prepare(`INSERT INTO evidence (event_id, doc_id, sentence_index, mentions, source_text, target_text, source_start, source_end, target_start, target_end, trigger_start, trigger_end, rule, confidence, mode) VALUES (?, 'd', 0, 1, '', '', 0, 0, 0, 0, 0, 0, 'bench', 0.8, 'asserted')`)
	r := rand.New(rand.NewSource(1))
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		c := codes[r.Intn(len(codes))]
		a, t := actors[r.Intn(len(actors))], actors[r.Intn(len(actors))]
		res, err := st.Exec(a, t, c.code, c.root, c.quad, c.g, base.AddDate(0, 0, r.Intn(3650)).Format("2006-01-02"))
		if err != nil {
			b.Fatal(err)
		}
		id, _ := res.LastInsertId()
		ev.Exec(id)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	db.SQL().Exec(`ANALYZE`)
	b.Logf("built %d events in %s", n, time.Since(start))
	return db
}

// BenchmarkTimeline1M answers a dyad timeline over a 1,000,000-event store.
func BenchmarkTimeline1M(b *testing.B) {
	db := BigDB(b, 1_000_000)
	defer db.Close()
	ctx := context.Background()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		tl, err := db.Timeline(ctx, "PAK", "IRN", store.IntervalMonth, annals.EventFilter{})
		if err != nil {
			b.Fatal(err)
		}
		n = len(tl)
	}
	b.ReportMetric(float64(n), "buckets")
}

// BenchmarkEvents1M pages through filtered events of a 1,000,000-event store.
func BenchmarkEvents1M(b *testing.B) {
	db := BigDB(b, 1_000_000)
	defer db.Close()
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Events(ctx, annals.EventFilter{DyadA: "PAK", DyadB: "IRN", Limit: 50}, true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAdd(b *testing.B) {
	db := open(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		d := coded(b, fmt.Sprint("doc", i), "2024-01-17", "Wire", fmt.Sprintf("Iran struck Pakistan on Tuesday. Report %d.", i))
		if _, err := db.Add(ctx, []*annals.CodedDocument{d}); err != nil {
			b.Fatal(err)
		}
	}
}

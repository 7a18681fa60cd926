package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

var (
	pOnce sync.Once
	pl    *pipeline.Pipeline
)

func coded(t testing.TB, id, date, source, text string) *annals.CodedDocument {
	pOnce.Do(func() {
		var err error
		pl, err = pipeline.New(pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
	})
	pub, _ := time.Parse("2006-01-02", date)
	a := &annals.Article{ID: id, Source: source, Text: text, Published: pub}
	d := pl.Process(a, pub).Coded()
	return d
}

func open(t testing.TB) *store.DB {
	return storetest.Backends(t)[0].Open(t)
}

// each runs a test against every backend: SQLite, and PostgreSQL when
// configured.
func each(t *testing.T, fn func(t *testing.T, open func(testing.TB) *store.DB)) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) { fn(t, b.Open) })
	}
}

func attacks(t *testing.T, db *store.DB) []annals.StoredEvent {
	evs, err := db.Events(context.Background(), annals.EventFilter{Source: "IRN", Target: "PAK", Root: "19"}, true)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func TestDedupAcrossDocuments(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		a := coded(t, "a", "2024-01-17", "Wire A", "Iran struck Pakistan on Tuesday.")
		b := coded(t, "b", "2024-01-17", "Wire B", "On Tuesday Iran struck Pakistan, killing two children.")
		c := coded(t, "c", "2024-01-17", "Wire A", "Iran struck Pakistan again on Monday.")
		if _, err := db.Add(ctx, []*annals.CodedDocument{a, b, c}); err != nil {
			t.Fatal(err)
		}
		evs := attacks(t, db)
		if len(evs) != 2 {
			t.Fatalf("want the Tuesday strike and the Monday strike, got %d events", len(evs))
		}
		tue := evs[0]
		if tue.EventDate != "2024-01-16" || tue.NumArticles != 2 || tue.NumSources != 2 || tue.NumMentions != 2 || len(tue.Evidence) != 2 {
			t.Errorf("Tuesday strike: %+v", tue)
		}
		// the same report again, by id or by content, changes nothing
		dup := coded(t, "a-copy", "2024-01-17", "Wire C", "Iran struck Pakistan on Tuesday.")
		res, err := db.Add(ctx, []*annals.CodedDocument{a, dup})
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != 0 || res.Skipped != 2 {
			t.Errorf("re-adding: %+v", res)
		}
		if evs := attacks(t, db); evs[0].NumArticles != 2 || evs[0].NumMentions != 2 {
			t.Errorf("re-adding changed counts: %+v", evs[0])
		}
		// re-coding never double counts
		r, err := db.Replace(ctx, []*annals.CodedDocument{coded(t, "a", "2024-01-17", "Wire A", "Iran struck Pakistan on Tuesday."), b, c})
		if err != nil {
			t.Fatal(err)
		}
		if r.Added != 0 || r.Removed != 0 {
			t.Errorf("recode with the same dictionaries changed %+v", r)
		}
		if evs := attacks(t, db); len(evs) != 2 || evs[0].NumArticles != 2 || evs[0].NumMentions != 2 {
			t.Errorf("after recode: %+v", evs)
		}
	})
}

func TestDedupWindow(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.Dedup = store.Dedup{WindowDays: 1, MaxKm: 50}
		db.Add(ctx, []*annals.CodedDocument{
			coded(t, "a", "2024-01-17", "Wire A", "Iran struck Pakistan on Tuesday."),
			coded(t, "b", "2024-01-17", "Wire B", "Iran struck Pakistan on Monday."),
		})
		if evs := attacks(t, db); len(evs) != 1 || evs[0].NumArticles != 2 {
			t.Errorf("a one-day window should merge Monday and Tuesday: %+v", evs)
		}
	})
}

func TestDistanceSplitsEvents(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.Add(ctx, []*annals.CodedDocument{
			coded(t, "a", "2024-01-17", "Wire A", "Iran struck targets in Quetta on Tuesday."),
			coded(t, "b", "2024-01-17", "Wire B", "Iran struck targets in Peshawar on Tuesday."),
		})
		evs, _ := db.Events(ctx, annals.EventFilter{Source: "IRN", Root: "19"}, false)
		if len(evs) != 2 {
			t.Errorf("strikes 600 km apart should be two events: %d", len(evs))
		}
	})
}

func TestQueriesAndAggregates(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.Add(ctx, []*annals.CodedDocument{
			coded(t, "a", "2024-01-17", "Wire A", "Iran struck Pakistan on Tuesday."),
			coded(t, "b", "2024-01-19", "Wire A", "Pakistan struck militants inside Iran on Thursday."),
			coded(t, "c", "2024-04-23", "Wire B", "Pakistan and Iran signed eight agreements on Monday. Pakistan did not attack Iran."),
		})
		tl, err := db.Timeline(ctx, "PAK", "IRN", store.IntervalMonth, annals.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		// January's strikes, two empty months, April's agreements
		if len(tl) != 4 || tl[0].Start != "2024-01-01" || tl[0].Quad[4] != 2 || tl[1].Events != 0 || tl[2].Start != "2024-03-01" ||
			tl[3].Start != "2024-04-01" || tl[3].Quad[1] != 2 || tl[3].Goldstein <= 0 || tl[0].Goldstein >= 0 {
			t.Errorf("timeline %+v", tl)
		}
		// a bucket's events are a separate, paginated query
		if evs, _ := db.Events(ctx, annals.EventFilter{DyadA: "PAK", DyadB: "IRN", From: tl[0].Start, To: tl[0].End}, false); len(tl[0].End) != 10 || len(evs) != 2 {
			t.Errorf("bucket %s to %s: %d events", tl[0].Start, tl[0].End, len(evs))
		}
		// negated events only on request
		neg, _ := db.Events(ctx, annals.EventFilter{Modes: []annals.Mode{annals.Negated}}, false)
		all, _ := db.Events(ctx, annals.EventFilter{}, false)
		if len(neg) != 1 || len(all) == 0 {
			t.Errorf("negated %d, default %d", len(neg), len(all))
		}
		for _, e := range all {
			if e.Mode == annals.Negated {
				t.Error("negated event in the default query")
			}
		}
		txt, _ := db.Events(ctx, annals.EventFilter{Text: "agreements"}, false)
		if len(txt) != 2 {
			t.Errorf("full-text search found %d", len(txt))
		}
		net, _ := db.Network(ctx, annals.EventFilter{}, true, 10)
		if len(net) == 0 {
			t.Error("empty network")
		}
		acts, _ := db.Actors(ctx, annals.EventFilter{}, true, 10)
		if len(acts) < 2 || acts[0].Code != "IRN" && acts[0].Code != "PAK" {
			t.Errorf("actors %+v", acts)
		}
		doc, err := db.Document(ctx, "c")
		if err != nil || len(doc.Mentions) == 0 || len(doc.Events) != 3 || len(doc.Sentences) != 2 {
			t.Errorf("document: %v %+v", err, doc)
		}
		if _, err := db.Document(ctx, "nope"); err != store.ErrNotFound {
			t.Errorf("missing document: %v", err)
		}
		// cursor pagination
		p1, _ := db.Events(ctx, annals.EventFilter{Limit: 2}, false)
		p2, _ := db.Events(ctx, annals.EventFilter{Limit: 2, After: p1[len(p1)-1].ID}, false)
		if len(p1) != 2 || len(p2) == 0 || p2[0].ID <= p1[1].ID {
			t.Errorf("pagination %v %v", p1, p2)
		}
	})
}

func TestPostgresMigrationsAreIdempotent(t *testing.T) {
	dsn := storetest.PostgresURL(t)
	if dsn == "" {
		t.Skip("no PostgreSQL test server ($ANNALS_TEST_POSTGRES)")
	}
	for i := 0; i < 2; i++ {
		db, err := store.Open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		var parts int
		db.SQL().QueryRow(`SELECT COUNT(*) FROM pg_inherits WHERE inhparent = 'events'::regclass`).Scan(&parts)
		if parts < 50 {
			t.Errorf("events has %d partitions", parts)
		}
		db.Close()
	}
}

func TestMigrationsAreIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	for i := 0; i < 2; i++ {
		db, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var mode string
		db.SQL().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		var fk int
		db.SQL().QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
		if mode != "wal" || fk != 1 {
			t.Errorf("journal_mode %s, foreign_keys %d", mode, fk)
		}
		db.Close()
	}
}

// TestSQLiteReadsThroughMmap: every connection of a SQLite store reads
// the file through its memory map (store.MmapBytes).
func TestSQLiteReadsThroughMmap(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	var conns []*sql.Conn
	for range 3 { // distinct connections, each opened with the DSN's pragmas
		c, err := db.SQL().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	for i, c := range conns {
		var n int64
		if err := c.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&n); err != nil || n != store.MmapBytes || n == 0 {
			t.Errorf("connection %d: mmap_size %d (%v), want %d", i, n, err, store.MmapBytes)
		}
	}
}

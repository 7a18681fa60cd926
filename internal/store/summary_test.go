package store_test

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/gendata"
	"github.com/annals-events/annals/internal/store/storetest"
)

// TestSummariesNeverDrift: after random ingests (new events, duplicates,
// dedup merges across documents) and recodes (events moved and deleted),
// every summary table equals the same summary recomputed from the events,
// and every event's counts those recomputed from its reports, in SQLite
// and PostgreSQL.
func TestSummariesNeverDrift(t *testing.T) {
	texts := []string{
		"Iran struck Pakistan on Tuesday.",
		"On Tuesday Iran struck Pakistan, killing two children.",
		"Pakistan and Iran signed a trade agreement on Monday.",
		"Russian forces shelled Kharkiv on Wednesday. Ukraine accused Russia of war crimes.",
		"The United States imposed sanctions on Iran. China criticised the sanctions.",
		"Israel bombed Gaza overnight. Egypt offered talks with Israel.",
		"Pakistan did not attack Iran.",
		"India and China held talks in Beijing.",
	}
	dates := []string{"2024-01-17", "2024-01-18", "2024-02-20", "2023-12-31"}
	var tmpl []*annals.CodedDocument
	for i, d := range dates {
		for j, x := range texts {
			tmpl = append(tmpl, coded(t, fmt.Sprint("t", i, j), d, fmt.Sprint("Wire ", j%3), x))
		}
	}
	clone := func(t *annals.CodedDocument, id, hash string) *annals.CodedDocument {
		a := *t.Article
		a.ID = id
		d := *t
		d.Article, d.ContentHash = &a, hash
		return &d
	}
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		// a cap of two evidence rows drops some; ref keeps them all, and
		// the counts of both are those recounted from all of them
		db.EvidenceCap = 2
		ref := open(t)
		ref.EvidenceCap = 0
		r := rand.New(rand.NewSource(7))
		var ids []string
		for round := 0; round < 12; round++ {
			var batch []*annals.CodedDocument
			for range 1 + r.Intn(6) {
				k := len(ids) + len(batch)
				batch = append(batch, clone(tmpl[r.Intn(len(tmpl))], fmt.Sprint("d", k), fmt.Sprint("h", k)))
			}
			if r.Intn(3) == 0 && len(ids) > 0 { // a document already stored
				batch = append(batch, clone(tmpl[0], ids[0], "h-dup"))
			}
			res, err := db.Add(ctx, batch)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ref.Add(ctx, batch); err != nil {
				t.Fatal(err)
			}
			for _, d := range batch[:res.Added] {
				ids = append(ids, d.Article.ID)
			}
			if round%2 == 1 {
				// recode some stored documents to other texts
				var re []*annals.CodedDocument
				for range 1 + r.Intn(3) {
					id := ids[r.Intn(len(ids))]
					re = append(re, clone(tmpl[r.Intn(len(tmpl))], id, "recode-"+id))
				}
				if _, err := db.Replace(ctx, re); err != nil {
					t.Fatal(err)
				}
				if _, err := ref.Replace(ctx, re); err != nil {
					t.Fatal(err)
				}
			}
			drift, err := db.SummaryDrift(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if drift != "" {
				t.Fatalf("round %d: summaries drifted from the events:\n%s", round, drift)
			}
			noDrift(t, db, fmt.Sprint("round ", round))
			if got, want := counts(t, db), oldCounts(t, ref); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d: counts %v, recounted from every report %v", round, got, want)
			}
		}
		sameAggregates(t, db)
		st, _ := db.Stats(ctx)
		if st.Events < 5 {
			t.Errorf("only %d events: the test exercises nothing", st.Events)
		}
		if all, _ := ref.Stats(ctx); all.Evidence <= st.Evidence {
			t.Errorf("the cap dropped none of %d evidence rows: the test exercises nothing", all.Evidence)
		}
		// a rebuild changes nothing
		if err := db.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		if drift, _ := db.SummaryDrift(ctx); drift != "" {
			t.Errorf("after rebuild:\n%s", drift)
		}
		noDrift(t, db, "after rebuild")
	})
}

// sameAggregates: timelines, actor lists and networks read from the
// summaries equal the same read from the events.
func sameAggregates(t *testing.T, db *store.DB) {
	ctx := context.Background()
	filters := []annals.EventFilter{{}, {From: "2024-01-17", To: "2024-02-20"}, {QuadClass: 4}, {Modes: []annals.Mode{annals.Negated}},
		// whole months, open ends, one partial month, across a year, empty
		{From: "2024-01-01", To: "2024-01-31"}, {From: "2024-01-18"}, {To: "2024-01-17"}, {From: "2024-01-17", To: "2024-01-18"},
		{From: "2023-12-01", To: "2024-02-29", QuadClass: 4}, {From: "2023-12-31", To: "2024-01-16"}, {From: "2024-03-01", To: "2024-02-01"},
		{Modes: []annals.Mode{annals.Asserted, annals.Intended, annals.Reported, annals.Negated, annals.Hypothetical}},
		// whole years (the year summaries), with months and days beside them
		{From: "2024-01-01", To: "2024-12-31"}, {From: "2023-01-01", To: "2024-12-31"}, {From: "2023-12-01", To: "2025-01-31"},
		{From: "2023-12-15", To: "2024-12-31", QuadClass: 4}, {From: "2024-01-01"}, {To: "2023-12-31"}, {From: "2023-02-01", To: "2024-01-31"}}
	both := func(name string, fn func() (any, error)) { sameFromEvents(t, name, false, fn) }
	for _, f := range filters {
		for _, d := range [][2]string{{"IRN", "PAK"}, {"RUS", "UKR"}, {"USA", "IRN"}, {"ISR", "ISR"}} {
			for _, iv := range []store.Interval{store.IntervalDay, store.IntervalWeek, store.IntervalMonth} {
				both(fmt.Sprintf("timeline %v %s %+v", d, iv, f), func() (any, error) { return db.Timeline(ctx, d[0], d[1], iv, f) })
			}
		}
		for _, byCountry := range []bool{false, true} {
			both(fmt.Sprintf("actors %v %+v", byCountry, f), func() (any, error) { return db.Actors(ctx, f, byCountry, 100) })
			both(fmt.Sprintf("network %v %+v", byCountry, f), func() (any, error) { return db.Network(ctx, f, byCountry, 100) })
		}
	}
}

// TestUpgradeBuildsSummaries: a store written by the first schema (as
// annals stored events before the summaries) upgrades on Open: the
// summaries and place names are made from its events, and its filters
// use the new indexes.
func TestUpgradeBuildsSummaries(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.DSN(t)
			old, err := store.OpenVersion(dsn, 1)
			if err != nil {
				t.Fatal(err)
			}
			if err := gendata.Generate(ctx, old.SQL(), old.Name(), 3000, 2); err != nil {
				t.Fatal(err)
			}
			old.Close()
			db, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var v, n int
			db.SQL().QueryRow(`SELECT MAX(version) FROM schema_version`).Scan(&v)
			db.SQL().QueryRow(`SELECT COUNT(*) FROM sum_dyad_days`).Scan(&n)
			if v < 3 || n == 0 {
				t.Fatalf("after the upgrade: version %d, %d dyad-day rows", v, n)
			}
			if drift, err := db.SummaryDrift(ctx); err != nil || drift != "" {
				t.Errorf("upgraded summaries differ from the events (%v):\n%s", err, drift)
			}
			noDrift(t, db, "upgraded")
			plan, err := db.ExplainEvents(ctx, annals.EventFilter{DyadA: "USA", DyadB: "RUS"})
			if err != nil {
				t.Fatal(err)
			}
			if msg := badPlan(db.Name(), plan, []string{"events_pair"}); msg != "" {
				t.Errorf("dyad on the upgraded store: %s\n%s", msg, plan)
			}
			if evs, err := db.Events(ctx, annals.EventFilter{Place: "Kabul"}, false); err != nil || len(evs) == 0 {
				t.Errorf("place filter on the upgraded store: %d events, %v", len(evs), err)
			}
		})
	}
}

package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/gendata"
	"github.com/annals-events/annals/internal/store/storetest"
)

// coarseFilters are date ranges for the coarser summaries (migration
// 0013): whole weeks, partial weeks at either end or both, a range
// inside one week, open ends, whole and partial years, an empty range,
// all modes, a quad class (which the pair summaries do not key); dense
// when USA-RUS has events in it in a store of planDB.
var coarseFilters = []struct {
	f     annals.EventFilter
	dense bool
}{
	{annals.EventFilter{}, true}, {annals.EventFilter{From: "2020-01-06", To: "2020-03-29"}, true},
	{annals.EventFilter{From: "2020-01-01", To: "2020-03-31"}, true}, {annals.EventFilter{From: "2020-01-08", To: "2020-01-10"}, false},
	{annals.EventFilter{From: "2020-01-08", To: "2020-01-14"}, false}, {annals.EventFilter{From: "2021-06-01"}, true},
	{annals.EventFilter{To: "2017-02-15"}, true}, {annals.EventFilter{From: "2018-01-01", To: "2019-12-31"}, true},
	{annals.EventFilter{From: "2016-05-17", To: "2019-02-03"}, true}, {annals.EventFilter{From: "2021-01-01", To: "2020-01-01"}, false},
	{annals.EventFilter{Modes: allModes}, true}, {annals.EventFilter{From: "2019-12-30", To: "2020-02-02", Modes: []annals.Mode{annals.Negated}}, false},
	{annals.EventFilter{From: "2020-01-01", To: "2020-03-31", QuadClass: 4}, false}, {annals.EventFilter{QuadClass: 1}, true},
}

// sameFromEvents fails t when fn's answer differs from the same read
// from the events (or is empty when nonEmpty).
func sameFromEvents(t *testing.T, name string, nonEmpty bool, fn func() (any, error)) {
	t.Helper()
	got, err := fn()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var want any
	store.FromEvents(func() { want, err = fn() })
	if err != nil {
		t.Fatalf("%s from the events: %v", name, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the summaries give %+v, the events %+v", name, got, want)
	}
	if nonEmpty && reflect.ValueOf(got).Len() == 0 {
		t.Errorf("%s: empty: the test exercises nothing", name)
	}
}

// TestCoarseSummariesAnswerAsEvents: dyad timelines by day and week (the
// pair summaries, either direction, a pair with itself, an absent pair)
// and actors by country (the countries' year summary) equal the same
// read from the events, over synthetic years of events, in SQLite and
// PostgreSQL; the pair summaries are read by their primary key with no
// sort in SQLite, and a quad class reads sum_dyad_days instead.
func TestCoarseSummariesAnswerAsEvents(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := planDB(t, open)
		ctx := context.Background()
		for _, c := range coarseFilters {
			f := c.f
			for _, d := range [][2]string{{"USA", "RUS"}, {"RUS", "USA"}, {"USA", "USA"}, {"PAK", "IRN"}, {"XXX", "YYY"}} {
				for _, iv := range []store.Interval{store.IntervalDay, store.IntervalWeek, store.IntervalMonth} {
					sameFromEvents(t, fmt.Sprintf("timeline %v by %s %+v", d, iv, f), c.dense && d == [2]string{"USA", "RUS"},
						func() (any, error) { return db.Timeline(ctx, d[0], d[1], iv, f) })
				}
			}
			sameFromEvents(t, fmt.Sprintf("actors by country %+v", f), c.dense, func() (any, error) { return db.Actors(ctx, f, true, 100) })
		}
		for _, c := range []struct {
			iv   store.Interval
			f    annals.EventFilter
			want []string
		}{
			{store.IntervalDay, annals.EventFilter{}, []string{"sum_pair_days"}},
			{store.IntervalWeek, annals.EventFilter{}, []string{"sum_pair_weeks"}},
			{store.IntervalWeek, annals.EventFilter{From: "2020-01-01", To: "2020-03-31"}, []string{"sum_pair_weeks", "sum_pair_days"}},
			{store.IntervalDay, annals.EventFilter{QuadClass: 4}, []string{"sum_dyad_days"}},
		} {
			plan, err := db.ExplainTimeline(ctx, "USA", "RUS", c.iv, c.f)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !reads(plan, w) {
					t.Errorf("timeline by %s %+v: does not read %s:\n%s", c.iv, c.f, w, plan)
				}
			}
			if db.Name() == "sqlite" && (strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, "SCAN sum_")) {
				t.Errorf("timeline by %s %+v: sorts or scans a summary:\n%s", c.iv, c.f, plan)
			}
			if db.Name() == "postgres" && !strings.Contains(plan, "_pkey") {
				t.Errorf("timeline by %s %+v: not read by a primary key:\n%s", c.iv, c.f, plan)
			}
		}
		plan, err := db.ExplainActors(ctx, annals.EventFilter{From: "2018-01-01", To: "2020-12-31"}, true)
		if err != nil {
			t.Fatal(err)
		}
		if !reads(plan, "sum_country_years") || reads(plan, "sum_actor_years") {
			t.Errorf("actors by country of whole years: not from sum_country_years alone:\n%s", plan)
		}
	})
}

// TestCoarseSummariesUpgrade: a store of version 12 (before the coarser
// summaries) upgrades on Open: the new tables are made from its
// summaries, equal those recomputed from the events, and answer as the
// events do, in SQLite and PostgreSQL; new events then keep them current.
func TestCoarseSummariesUpgrade(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.DSN(t)
			old, err := store.OpenVersion(dsn, 12)
			if err != nil {
				t.Fatal(err)
			}
			if err := gendata.Generate(ctx, old.SQL(), old.Name(), 3000, 3); err != nil {
				t.Fatal(err)
			}
			if err := old.RebuildV12(ctx); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := old.SQL().QueryRow(`SELECT COUNT(*) FROM sum_pair_days`).Scan(&n); err == nil {
				t.Fatal("a version-12 store has sum_pair_days")
			}
			old.Close()
			db, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, table := range []string{"sum_pair_days", "sum_pair_weeks", "sum_country_years"} {
				if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil || n == 0 {
					t.Errorf("after the upgrade: %d rows in %s (%v)", n, table, err)
				}
			}
			if drift, err := db.SummaryDrift(ctx); err != nil || drift != "" {
				t.Errorf("upgraded summaries differ from the events (%v):\n%s", err, drift)
			}
			for _, iv := range []store.Interval{store.IntervalDay, store.IntervalWeek} {
				sameFromEvents(t, "upgraded timeline by "+string(iv), true, func() (any, error) { return db.Timeline(ctx, "USA", "RUS", iv, annals.EventFilter{}) })
			}
			sameFromEvents(t, "upgraded actors by country", true, func() (any, error) {
				return db.Actors(ctx, annals.EventFilter{From: "2016-01-01", To: "2019-12-31"}, true, 100)
			})
			// written through the store after the upgrade
			doc := coded(t, "after", "2020-01-08", "Wire", "Iran struck Pakistan on Tuesday. Pakistan and Iran signed a trade agreement.")
			if _, err := db.Add(ctx, []*annals.CodedDocument{doc}); err != nil {
				t.Fatal(err)
			}
			if drift, err := db.SummaryDrift(ctx); err != nil || drift != "" {
				t.Errorf("after a new document (%v):\n%s", err, drift)
			}
			sameFromEvents(t, "timeline by week after a new document", true, func() (any, error) {
				return db.Timeline(ctx, "PAK", "IRN", store.IntervalWeek, annals.EventFilter{From: "2020-01-01", To: "2020-01-31"})
			})
		})
	}
}

package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
)

// placesPlanCases are the map's counts per place with the filters the
// dashboard and the API send, and the index each must read in SQLite
// (any of those listed).
var placesPlanCases = []struct {
	name    string
	f       annals.EventFilter
	indexes []string
	noSort  bool // SQLite groups in index order, with no temporary b-tree
}{
	{"everything", annals.EventFilter{}, []string{"COVERING INDEX events_map"}, true},
	{"all modes", annals.EventFilter{Modes: allModes}, []string{"COVERING INDEX events_map"}, true},
	{"years", annals.EventFilter{From: "2016-01-01", To: "2023-12-31"}, []string{"COVERING INDEX events_map", "events_date"}, false},
	{"month", annals.EventFilter{From: "2020-03-01", To: "2020-03-31"}, []string{"events_date", "COVERING INDEX events_map"}, false},
	{"quad", annals.EventFilter{QuadClass: 4}, []string{"COVERING INDEX events_map"}, true},
	{"dyad dense", annals.EventFilter{DyadA: "USA", DyadB: "RUS"}, []string{"events_pair"}, false},
	{"dyad rare", annals.EventFilter{DyadA: "ZWE", DyadB: "BFA"}, []string{"events_pair"}, false},
	{"actor", annals.EventFilter{Actor: "PAK"}, []string{"events_src3", "events_tgt3"}, false},
	{"root", annals.EventFilter{Root: "19", From: "2020-01-01"}, []string{"events_root", "events_rootid"}, false},
	{"country", annals.EventFilter{Country: "AFG"}, []string{"events_country"}, false},
	{"at", annals.EventFilter{At: &annals.Point{Lat: 34.53, Lon: 69.17}}, []string{"events_at", "events_map"}, false},
	{"text", annals.EventFilter{Text: "struck"}, []string{"VIRTUAL TABLE INDEX 0:M"}, false},
}

// TestPlacesUseIndexes: the map's count per place never scans the
// events, in SQLite and PostgreSQL; over the whole store SQLite reads
// only events_map, in order. A place's drill-down, the events endpoint
// with at, reads events_at.
func TestPlacesUseIndexes(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := planDB(t, open)
		ctx := context.Background()
		for _, c := range placesPlanCases {
			plan, err := db.ExplainPlaces(ctx, c.f)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			// reading all of events_map is the count over everything:
			// the index holds a few columns of each event, in group order
			checked := strings.ReplaceAll(plan, "SCAN e USING COVERING INDEX events_map", "READ COVERING INDEX events_map")
			if msg := badPlan(db.Name(), checked, c.indexes); msg != "" {
				t.Errorf("places %s (%+v): %s\n%s", c.name, c.f, msg, plan)
			}
			if db.Name() == "sqlite" && c.noSort && strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("places %s: sorts its rows\n%s", c.name, plan)
			}
			if testing.Verbose() && (c.name == "everything" || c.name == "month") {
				t.Logf("places %s:\n%s", c.name, plan)
			}
		}
		// a place's events, unsorted: latest first (the map's drill-down)
		// from events_at_date (PostgreSQL: events_at), in id order (the
		// event browser) from events_at
		kabul, none := &annals.Point{Lat: 34.53, Lon: 69.17}, &annals.Point{Lat: 0, Lon: 0}
		for _, f := range []annals.EventFilter{{At: kabul, Sort: "-date"}, {At: none, Sort: "-date"}, {At: kabul, Sort: "-date", After: 5000, AfterDate: "2020-03-01"},
			{At: kabul, Sort: "date"}, {At: kabul}, {At: none}, {At: kabul, After: 5000}} {
			plan, err := db.ExplainEvents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			ix := []string{"events_at"}
			if f.Sort != "" {
				ix = []string{"events_at_date"}
			}
			if f.After > 0 && f.Sort == "" {
				// after a cursor in id order a dense place is found soonest
				// reading on from the cursor, as a dense source is
				ix = append(ix, "INTEGER PRIMARY KEY (rowid>?)")
			}
			if msg := badPlan(db.Name(), plan, ix); msg != "" {
				t.Errorf("events at %+v, sort %q: %s\n%s", *f.At, f.Sort, msg, plan)
			}
			if db.Name() == "sqlite" && strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("events at %+v, sort %q: sorted\n%s", *f.At, f.Sort, plan)
			}
		}
	})
}

// TestPlacesCount: the counts per place equal the events with each
// filter, and a place's events with At are the events counted there.
func TestPlacesCount(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := planDB(t, open)
		ctx := context.Background()
		for _, f := range []annals.EventFilter{{}, {From: "2020-03-01", To: "2020-06-30"}, {DyadA: "USA", DyadB: "RUS", Modes: allModes}, {QuadClass: 2}} {
			pc, err := db.Places(ctx, f, 0)
			if err != nil {
				t.Fatal(err)
			}
			all := f
			all.Limit = 1_000_000
			evs, err := db.Events(ctx, all, false)
			if err != nil {
				t.Fatal(err)
			}
			located := 0
			for _, e := range evs {
				if e.Location != nil {
					located++
				}
			}
			if pc.Located != located || pc.Unlocated != len(evs)-located || pc.TotalPlaces < 5 {
				t.Errorf("%+v: %d located, %d not, in %d places; the events: %d, %d located", f, pc.Located, pc.Unlocated, pc.TotalPlaces, len(evs), located)
			}
			for _, p := range pc.Places[:3] {
				g := all
				g.At = &annals.Point{Lat: p.Lat, Lon: p.Lon}
				at, err := db.Events(ctx, g, false)
				if err != nil {
					t.Fatal(err)
				}
				var quad [5]int
				for _, e := range at {
					quad[e.QuadClass]++
				}
				if len(at) != p.Events || quad != p.Quad {
					t.Errorf("%+v: %s counts %d %v, at its point %d %v", f, p.Name, p.Events, p.Quad, len(at), quad)
				}
			}
		}
	})
}

package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
)

// TestLikeWildcardsEscaped: actor=% or _ match only actors starting with
// those characters, not every event.
func TestLikeWildcardsEscaped(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.Add(ctx, []*annals.CodedDocument{coded(t, "a", "2024-01-17", "Wire A", "Iran struck Pakistan on Tuesday.")})
		for _, f := range []annals.EventFilter{{Actor: "%"}, {Actor: "_"}, {Source: "%"}, {Target: "___"}, {DyadA: "%", DyadB: "%"}, {Code: "%"}, {Place: "%"}, {Actor: `\`}} {
			evs, err := db.Events(ctx, f, false)
			if err != nil || len(evs) != 0 {
				t.Errorf("%+v: %d events, %v; want none", f, len(evs), err)
			}
		}
		if evs, _ := db.Events(ctx, annals.EventFilter{Actor: "IR"}, false); len(evs) != 1 {
			t.Errorf("actor=IR: %d events, want the strike", len(evs))
		}
	})
}

// TestTimelineFilters: the timeline honours every filter, not only the
// dates.
func TestTimelineFilters(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.Add(ctx, []*annals.CodedDocument{
			coded(t, "a", "2024-01-17", "Wire A", "Iran struck Pakistan on Tuesday."),
			coded(t, "b", "2024-02-20", "Wire B", "Pakistan and Iran signed a trade agreement on Monday."),
		})
		count := func(f annals.EventFilter) int {
			tl, err := db.Timeline(ctx, "IRN", "PAK", store.IntervalMonth, f)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, b := range tl {
				n += b.Events
			}
			return n
		}
		all := count(annals.EventFilter{})
		if all < 2 {
			t.Fatalf("timeline of %d events, want the strike and the agreement", all)
		}
		if n := count(annals.EventFilter{QuadClass: 4}); n != 1 {
			t.Errorf("quad=4: %d events, want the strike", n)
		}
		if n := count(annals.EventFilter{Root: "19"}); n != 1 {
			t.Errorf("root=19: %d events, want the strike", n)
		}
		if n := count(annals.EventFilter{Text: "agreement"}); n == 0 || n == all {
			t.Errorf("q=agreement: %d of %d events", n, all)
		}
		if n := count(annals.EventFilter{From: "2024-02-01"}); n == 0 || n == all {
			t.Errorf("from: %d of %d events", n, all)
		}
	})
}

// TestTimelineBucketCap: two events a millennium apart make a daily
// timeline of 3.3 million buckets; it is refused from the range before
// any bucket is made.
func TestTimelineBucketCap(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.Add(ctx, []*annals.CodedDocument{
			coded(t, "a", "1000-01-02", "Wire A", "Iran struck Pakistan."),
			coded(t, "b", "9999-12-31", "Wire B", "Iran struck Pakistan again."),
		})
		_, err := db.Timeline(ctx, "IRN", "PAK", store.IntervalDay, annals.EventFilter{})
		var tm *store.TooManyBuckets
		if !errors.As(err, &tm) || tm.N < 3_000_000 || !strings.Contains(err.Error(), "cap of 20000") {
			t.Fatalf("daily timeline over 9,000 years: %v", err)
		}
		tl, err := db.Timeline(ctx, "IRN", "PAK", store.IntervalMonth, annals.EventFilter{From: "9999-01-01"})
		if err != nil || len(tl) != 1 {
			t.Errorf("narrowed: %d buckets, %v", len(tl), err)
		}
	})
}

// TestPlaceFilter: place matches a place's name (any case), or its name
// and more words ("Kharkiv" finds "Kharkiv region"), never a part of a
// word or a name inside a longer one; NAME* matches names that start
// with NAME. Both stores answer the same.
func TestPlaceFilter(t *testing.T) {
	docs := demoDocs(t)
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		if _, err := db.Add(ctx, docs); err != nil {
			t.Fatal(err)
		}
		all, err := db.Events(ctx, annals.EventFilter{Limit: 100000}, false)
		if err != nil {
			t.Fatal(err)
		}
		names := func(evs []annals.StoredEvent) []string {
			var out []string
			for _, e := range evs {
				if e.Location != nil {
					out = append(out, e.Location.Name)
				}
			}
			slices.Sort(out)
			return out
		}
		// what each query must find, by the place names of the events
		for _, c := range []struct {
			place string
			match func(name string) bool
			some  bool // the demo has such events
		}{
			{"Kabul", func(n string) bool { return n == "Kabul" }, true},
			{"kabul", func(n string) bool { return n == "Kabul" }, true},
			{"Kharkiv", func(n string) bool { return n == "Kharkiv" || strings.HasPrefix(n, "Kharkiv ") }, true},
			{"Kab", func(string) bool { return false }, false},
			{"bul", func(string) bool { return false }, false},
			{"Waziristan", func(string) bool { return false }, false}, // not "a military post in North Waziristan"
			{"Kab*", func(n string) bool { return strings.HasPrefix(n, "Kab") }, true},
			{"k*", func(n string) bool { return strings.HasPrefix(strings.ToLower(n), "k") }, true},
			{"Kab%", func(string) bool { return false }, false},
			{"K_bul", func(string) bool { return false }, false},
		} {
			got, err := db.Events(ctx, annals.EventFilter{Place: c.place, Limit: 100000}, false)
			if err != nil {
				t.Fatalf("place=%q: %v", c.place, err)
			}
			var want []string
			for _, n := range names(all) {
				if c.match(n) {
					want = append(want, n)
				}
			}
			if g := names(got); !slices.Equal(g, want) || c.some == (len(want) == 0) {
				t.Errorf("place=%q finds %q, want %q", c.place, g, want)
			}
		}
	})
}

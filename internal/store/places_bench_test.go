package store_test

import (
	"context"
	"testing"

	"github.com/annals-events/annals"
)

// BenchmarkPlaces is the map's count per place and quad class (GET
// /api/v1/places) over the whole store, a year, a month and a dense dyad,
// and a place's first page of events (its drill-down, at=LAT,LON).
func BenchmarkPlaces(b *testing.B) {
	db := BigDB(b)
	defer db.Close()
	ctx := context.Background()
	for _, c := range []struct {
		name string
		f    annals.EventFilter
	}{
		{"all", annals.EventFilter{}},
		{"year", annals.EventFilter{From: "2020-01-01", To: "2020-12-31"}},
		{"month", annals.EventFilter{From: "2020-03-01", To: "2020-03-31"}},
		{"quad=4", annals.EventFilter{QuadClass: 4}},
		{"dyad=USA-RUS", annals.EventFilter{DyadA: "USA", DyadB: "RUS"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				res, err := db.Places(ctx, c.f, 0)
				if err != nil {
					b.Fatal(err)
				}
				n = res.Located
			}
			b.ReportMetric(float64(n), "located")
		})
	}
	// the densest place, Kabul: a page of 10 latest first (the map's
	// popup) and of 50 in id order (the event browser)
	kabul := &annals.Point{Lat: 34.53, Lon: 69.17}
	b.Run("drill-down/latest", func(b *testing.B) {
		benchEvents(b, db, annals.EventFilter{At: kabul, Sort: "-date", Limit: 10})
	})
	b.Run("drill-down/by-id", func(b *testing.B) {
		benchEvents(b, db, annals.EventFilter{At: kabul})
	})
}

package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/gendata"
	"github.com/annals-events/annals/internal/store/storetest"
)

// benchN is the size of the benchmark database: $ANNALS_BENCH_N, or
// 100,000 events.
func benchN() int {
	n := 100_000
	fmt.Sscan(os.Getenv("ANNALS_BENCH_N"), &n)
	return n
}

// BigDB returns a store of benchN() synthetic events made by gendata
// (tools/gendb), kept at $ANNALS_BENCH_DB (a SQLite file or a postgres://
// URL) when set, so a large one is built once.
func BigDB(b *testing.B) *store.DB {
	dsn := os.Getenv("ANNALS_BENCH_DB")
	if dsn == "" {
		dsn = filepath.Join(b.TempDir(), "big.db")
	}
	db, err := store.Open(dsn)
	if err != nil {
		b.Fatal(err)
	}
	var n int
	db.SQL().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n)
	if n == 0 {
		start := time.Now()
		if err := gendata.Generate(context.Background(), db.SQL(), db.Name(), benchN(), 1); err != nil {
			b.Fatal(err)
		}
		if err := db.Rebuild(context.Background()); err != nil {
			b.Fatal(err)
		}
		if _, err := db.SQL().Exec(`ANALYZE`); err != nil {
			b.Fatal(err)
		}
		db.Close()
		// reopen, as a server would: whatever Open does on a store
		// written outside it happens now
		if db, err = store.Open(dsn); err != nil {
			b.Fatal(err)
		}
		db.SQL().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n)
		b.Logf("built %d events in %s", n, time.Since(start))
	}
	b.ReportMetric(float64(n), "events")
	return db
}

func benchEvents(b *testing.B, db *store.DB, f annals.EventFilter) {
	ctx := context.Background()
	if f.Limit == 0 {
		f.Limit = 50
	}
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		evs, err := db.EventList(ctx, f, 3) // as the API lists them
		if err != nil {
			b.Fatal(err)
		}
		n = len(evs)
	}
	b.ReportMetric(float64(n), "rows")
}

// BenchmarkEventsByDyad is the first page of events between a dense pair,
// a rare pair and an absent one.
func BenchmarkEventsByDyad(b *testing.B) {
	db := BigDB(b)
	defer db.Close()
	for _, d := range [][2]string{{"USA", "RUS"}, {"PAK", "IRN"}, {"ZWE", "BFA"}, {"XXX", "YYY"}} {
		b.Run(d[0]+"-"+d[1], func(b *testing.B) { benchEvents(b, db, annals.EventFilter{DyadA: d[0], DyadB: d[1]}) })
	}
}

// BenchmarkEventsByFilter is the first page of events with each single
// filter the API offers, dense and rare values.
func BenchmarkEventsByFilter(b *testing.B) {
	db := BigDB(b)
	defer db.Close()
	all := []annals.Mode{annals.Asserted, annals.Intended, annals.Reported, annals.Negated, annals.Hypothetical}
	for _, c := range []struct {
		name string
		f    annals.EventFilter
	}{
		{"actor=USA", annals.EventFilter{Actor: "USA"}},
		{"actor=ZWE", annals.EventFilter{Actor: "ZWE"}},
		{"actor=ZWEREB", annals.EventFilter{Actor: "ZWEREB"}},
		{"source=USAGOV", annals.EventFilter{Source: "USAGOV"}},
		{"source=BFA", annals.EventFilter{Source: "BFA"}},
		{"target=RUS", annals.EventFilter{Target: "RUS"}},
		{"target=XXX", annals.EventFilter{Target: "XXX"}},
		{"root=04", annals.EventFilter{Root: "04"}},
		{"root=99", annals.EventFilter{Root: "99"}},
		{"code=19", annals.EventFilter{Code: "19"}},
		{"code=195", annals.EventFilter{Code: "195"}},
		{"quad=4", annals.EventFilter{QuadClass: 4}},
		{"dates=month", annals.EventFilter{From: "2020-03-01", To: "2020-03-31"}},
		{"dates=day", annals.EventFilter{From: "2021-06-01", To: "2021-06-01"}},
		{"country=PSE", annals.EventFilter{Country: "PSE"}},
		{"country=XXX", annals.EventFilter{Country: "XXX"}},
		{"place=Gaza", annals.EventFilter{Place: "Gaza"}},
		{"place=Yangon", annals.EventFilter{Place: "Yangon"}},
		{"text=struck", annals.EventFilter{Text: "struck"}},
		{"text=absentword", annals.EventFilter{Text: "absentword"}},
		{"mode=negated", annals.EventFilter{Modes: []annals.Mode{annals.Negated}}},
		{"mode=all", annals.EventFilter{Modes: all}},
		{"doc", annals.EventFilter{DocID: "gen-00001000", Modes: all}},
		{"actor+root+month", annals.EventFilter{Actor: "PAK", Root: "19", From: "2021-06-01", To: "2021-06-30"}},
	} {
		b.Run(c.name, func(b *testing.B) { benchEvents(b, db, c.f) })
	}
}

// BenchmarkTimeline is a dyad timeline over the whole store by month
// (USA-RUS and so on), week and day (USA-RUS-week, USA-RUS-day: the
// load tool asks for all three), dense and rare pairs.
func BenchmarkTimeline(b *testing.B) {
	db := BigDB(b)
	defer db.Close()
	ctx := context.Background()
	for _, d := range [][2]string{{"USA", "RUS"}, {"PAK", "IRN"}, {"ZWE", "BFA"}} {
		for _, iv := range []store.Interval{store.IntervalMonth, store.IntervalWeek, store.IntervalDay} {
			name := d[0] + "-" + d[1]
			if iv != store.IntervalMonth {
				name += "-" + string(iv)
			}
			b.Run(name, func(b *testing.B) {
				n := 0
				for i := 0; i < b.N; i++ {
					tl, err := db.Timeline(ctx, d[0], d[1], iv, annals.EventFilter{})
					if err != nil {
						b.Fatal(err)
					}
					n = len(tl)
				}
				b.ReportMetric(float64(n), "buckets")
			})
		}
	}
}

var year = annals.EventFilter{From: "2020-01-01", To: "2020-12-31"}

// BenchmarkActors lists actors by events: all time, and one year.
func BenchmarkActors(b *testing.B) {
	db := BigDB(b)
	defer db.Close()
	ctx := context.Background()
	for _, c := range []struct {
		name      string
		f         annals.EventFilter
		byCountry bool
	}{{"all", annals.EventFilter{}, false}, {"year", year, false}, {"year-country", year, true},
		{"decade-country", annals.EventFilter{From: "2015-01-01", To: "2024-12-31"}, true}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := db.Actors(ctx, c.f, c.byCountry, 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNetwork is the country network: all time, one year and one
// quarter.
func BenchmarkNetwork(b *testing.B) {
	db := BigDB(b)
	defer db.Close()
	ctx := context.Background()
	quarter := annals.EventFilter{From: "2020-01-01", To: "2020-03-31"} // as the load tool asks
	for name, f := range map[string]annals.EventFilter{"all": {}, "year": year, "quarter": quarter} {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := db.Network(ctx, f, true, 200); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAdd stores batches of 20 coded documents (coded beforehand)
// into SQLite and PostgreSQL, as ingest does, and reports documents/s.
func BenchmarkAdd(b *testing.B) {
	texts := []string{
		"Iran struck Pakistan on Tuesday. Pakistan condemned the strike and recalled its ambassador.",
		"Pakistan and Iran signed a trade agreement on Monday in Islamabad.",
		"Russian forces shelled Kharkiv on Wednesday. Ukraine accused Russia of war crimes.",
		"The United States imposed sanctions on Iran. China criticised the sanctions.",
		"Israel bombed Gaza overnight. Egypt offered talks with Israel and Hamas.",
	}
	var tmpl []*annals.CodedDocument
	for i := range 50 {
		day := fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)
		tmpl = append(tmpl, coded(b, fmt.Sprint("t", i), day, fmt.Sprint("Wire ", i%7), texts[i%len(texts)]))
	}
	const batch = 20
	for _, be := range storetest.Backends(b) {
		b.Run(be.Name, func(b *testing.B) {
			db := be.Open(b)
			ctx := context.Background()
			k := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				docs := make([]*annals.CodedDocument, batch)
				for j := range docs {
					t := tmpl[k%len(tmpl)]
					a := *t.Article
					a.ID = fmt.Sprint("doc", k)
					d := *t
					d.Article, d.ContentHash = &a, fmt.Sprint("hash", k)
					docs[j] = &d
					k++
				}
				if _, err := db.Add(ctx, docs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkMergeReported merges one more report (a document of its own)
// into an event that many documents already report, as a story repeated
// by thousands of documents does; ns/op is one Add of that document.
func BenchmarkMergeReported(b *testing.B) {
	tmpl := coded(b, "tmpl", "2024-01-17", "Wire", "Iran struck Pakistan on Tuesday.")
	k := 0
	doc := func() *annals.CodedDocument {
		a := *tmpl.Article
		a.ID, a.Source = fmt.Sprintf("rep%07d", k), fmt.Sprint("Wire ", k%50)
		d := *tmpl
		d.Article, d.ContentHash = &a, fmt.Sprint("hash", k)
		k++
		return &d
	}
	for _, be := range storetest.Backends(b) {
		for _, n := range []int{100, 1000, 10000} {
			b.Run(fmt.Sprintf("%s/reports=%d", be.Name, n), func(b *testing.B) {
				db := be.Open(b)
				ctx := context.Background()
				for lo := 0; lo < n; lo += 500 {
					var docs []*annals.CodedDocument
					for range min(500, n-lo) {
						docs = append(docs, doc())
					}
					if _, err := db.Add(ctx, docs); err != nil {
						b.Fatal(err)
					}
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if _, err := db.Add(ctx, []*annals.CodedDocument{doc()}); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				evs, err := db.Events(ctx, annals.EventFilter{Source: "IRN", Target: "PAK"}, false)
				if err != nil || len(evs) != 1 || evs[0].NumArticles != n+b.N {
					b.Fatalf("want one event of %d reports: %v %+v", n+b.N, err, evs)
				}
			})
		}
	}
}

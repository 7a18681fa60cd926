package store_test

import (
	"context"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

// TestDateSourceStored: how an event's date was found is stored and read
// back with it.
func TestDateSourceStored(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		d := coded(t, "src", "2024-01-19", "Wire A", "Iran struck militant bases in Pakistan on Tuesday. Two days later, Pakistan launched strikes inside Iran.")
		want := map[string][2]string{}
		for _, e := range d.Events {
			want[e.Source+">"+e.Target] = [2]string{e.EventDate, e.DateSource}
		}
		if len(want) == 0 {
			t.Fatal("no events coded")
		}
		if _, err := db.Add(ctx, []*annals.CodedDocument{d}); err != nil {
			t.Fatal(err)
		}
		evs, err := db.Events(ctx, annals.EventFilter{}, false)
		if err != nil {
			t.Fatal(err)
		}
		sources := map[string]bool{}
		for _, e := range evs {
			w, ok := want[e.Source+">"+e.Target]
			if !ok || w != [2]string{e.EventDate, e.DateSource} {
				t.Errorf("%s>%s stored %s %s, coded %v", e.Source, e.Target, e.EventDate, e.DateSource, w)
			}
			sources[e.DateSource] = true
		}
		if !sources["explicit"] || !sources["relative"] {
			t.Errorf("date sources stored: %v", sources)
		}
	})
}

// TestDateSourceUpgrade: a store written before date_source had the
// publication fallback in date_precision ('published', 'unresolved');
// the migration moves it to date_source and leaves a precision.
func TestDateSourceUpgrade(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			dsn := b.DSN(t)
			old, err := store.OpenVersion(dsn, 7)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range []string{"published", "unresolved", "day"} {
				date := "2024-01-17"
				if p == "unresolved" {
					date = ""
				}
				q := `INSERT INTO events (source, target, code, root, quad_class, goldstein, plover, mode, event_date, date_precision, confidence, rule, source_text, target_text)
					VALUES ('IRN', 'PAK', '190', '19', 4, -10, 'ASSAULT', 'asserted', '` + date + `', '` + p + `', 0.9, 'verbs.tsv:1', 'Iran', 'Pakistan')`
				if _, err := old.SQL().Exec(q); err != nil {
					t.Fatalf("row %d: %v", i, err)
				}
			}
			old.Close()
			db, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			rows, err := db.SQL().Query(`SELECT date_precision, date_source FROM events ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var got [][2]string
			for rows.Next() {
				var p, s string
				if err := rows.Scan(&p, &s); err != nil {
					t.Fatal(err)
				}
				got = append(got, [2]string{p, s})
			}
			want := [][2]string{{"day", "publication"}, {"", ""}, {"day", ""}}
			if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
				t.Errorf("after the upgrade %v, want %v", got, want)
			}
		})
	}
}

package store_test

import (
	"context"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/gendata"
)

// planDB is a store of synthetic events (gendata: a few dense countries,
// a long tail), with planner statistics.
func planDB(t *testing.T, open func(testing.TB) *store.DB) *store.DB {
	db := open(t)
	ctx := context.Background()
	if err := gendata.Generate(ctx, db.SQL(), db.Name(), 6000, 1); err != nil {
		t.Fatal(err)
	}
	if err := db.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	noDrift(t, db, "generated")
	return db
}

var allModes = []annals.Mode{annals.Asserted, annals.Intended, annals.Reported, annals.Negated, annals.Hypothetical}

// In SQLite a text filter alone is read from event_fts in rowid order
// (FTS5's index flag 64), a dense one with other filters tests each event
// (0:=M: MATCH with rowid =), a rare one reads its matches (0:M).

// planCases are the filters of the API and annals query, each with a
// dense, a rare and an absent value, and the index each must use in
// SQLite (any of those listed).
var planCases = []struct {
	name    string
	f       annals.EventFilter
	indexes []string
}{
	{"dyad dense", annals.EventFilter{DyadA: "USA", DyadB: "RUS"}, []string{"events_pair"}},
	{"dyad rare", annals.EventFilter{DyadA: "ZWE", DyadB: "BFA"}, []string{"events_pair"}},
	{"dyad absent", annals.EventFilter{DyadA: "XXX", DyadB: "YYY"}, []string{"events_pair"}},
	{"dyad long codes", annals.EventFilter{DyadA: "USAGOV", DyadB: "RUSMIL"}, []string{"events_pair"}},
	{"actor dense", annals.EventFilter{Actor: "USA"}, []string{"events_src3", "events_tgt3"}},
	{"actor rare", annals.EventFilter{Actor: "ZWEREB"}, []string{"events_src3", "events_tgt3", "events_dedup", "events_target"}},
	{"actor short", annals.EventFilter{Actor: "U"}, []string{"events_dedup", "events_target"}},
	{"source dense", annals.EventFilter{Source: "USA"}, []string{"events_src3"}},
	{"source rare", annals.EventFilter{Source: "BFAGOV"}, []string{"events_src3", "events_dedup"}},
	{"target dense", annals.EventFilter{Target: "RUS"}, []string{"events_tgt3"}},
	{"target absent", annals.EventFilter{Target: "XXX"}, []string{"events_tgt3"}},
	{"root dense", annals.EventFilter{Root: "04"}, []string{"events_rootid", "events_root"}},
	{"root absent", annals.EventFilter{Root: "99"}, []string{"events_rootid", "events_root"}},
	{"code prefix", annals.EventFilter{Code: "19"}, []string{"events_code", "events_rootid"}},
	{"code rare", annals.EventFilter{Code: "195"}, []string{"events_code", "events_rootid"}},
	{"code short", annals.EventFilter{Code: "1"}, []string{"events_code"}},
	{"quad dense", annals.EventFilter{QuadClass: 1}, []string{"events_quad"}},
	{"quad", annals.EventFilter{QuadClass: 2}, []string{"events_quad"}},
	{"dates month", annals.EventFilter{From: "2020-03-01", To: "2020-03-31"}, []string{"INTEGER PRIMARY KEY (rowid>? AND rowid<?)"}},
	{"dates absent", annals.EventFilter{From: "1990-03-01", To: "1990-03-31"}, []string{"INTEGER PRIMARY KEY (rowid>? AND rowid<?)"}},
	{"dates sorted", annals.EventFilter{From: "2020-03-01", To: "2020-03-31", Sort: "-date"}, []string{"events_date"}},
	{"actor root month", annals.EventFilter{Actor: "PAK", Root: "19", From: "2021-06-01", To: "2021-06-30"}, []string{"events_tgt3 (<expr>=? AND rowid>? AND rowid<?)"}},
	{"country dense", annals.EventFilter{Country: "AFG"}, []string{"events_country"}},
	{"country absent", annals.EventFilter{Country: "XXX"}, []string{"events_country"}},
	{"place dense", annals.EventFilter{Place: "Kabul"}, []string{"events_place"}},
	{"place part", annals.EventFilter{Place: "ang"}, []string{"events_place"}},
	{"text dense", annals.EventFilter{Text: "struck"}, []string{"SCAN f VIRTUAL TABLE INDEX 64:M"}},
	{"text dense cursor", annals.EventFilter{Text: "struck", After: 3000}, []string{"SCAN f VIRTUAL TABLE INDEX 64:M1>"}},
	{"text dense actor", annals.EventFilter{Text: "struck", Actor: "PAK"}, []string{"event_fts EXISTS VIRTUAL TABLE INDEX 0:=M"}},
	{"text dense root", annals.EventFilter{Text: "struck", Root: "04"}, []string{"event_fts EXISTS VIRTUAL TABLE INDEX 0:=M"}},
	{"text rare", annals.EventFilter{Text: "Report 1234"}, []string{"SCAN f VIRTUAL TABLE INDEX 64:M"}},
	{"text rare actor", annals.EventFilter{Text: "Report 1234", Actor: "USA"}, []string{"event_fts VIRTUAL TABLE INDEX 0:M"}},
	{"text absent", annals.EventFilter{Text: "absentword"}, []string{"SCAN f VIRTUAL TABLE INDEX 64:M"}},
	{"mode rare", annals.EventFilter{Modes: []annals.Mode{annals.Negated}}, []string{"events_mode"}},
	{"document", annals.EventFilter{DocID: "gen-00000100", Modes: allModes}, []string{"event_docs_doc"}},
	{"cursor", annals.EventFilter{Source: "USA", After: 1000}, []string{"events_src3", "INTEGER PRIMARY KEY (rowid>?)"}},
	{"cursor rare", annals.EventFilter{Source: "ZWE", After: 1000}, []string{"events_src3"}},
}

// TestFiltersUseIndexes: every filter's first page is read through an
// index, never a scan of the events, in SQLite and PostgreSQL, whether
// its value is dense, rare or absent.
func TestFiltersUseIndexes(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := planDB(t, open)
		ctx := context.Background()
		for _, c := range planCases {
			plan, err := db.ExplainEvents(ctx, c.f)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if msg := badPlan(db.Name(), plan, c.indexes); msg != "" {
				t.Errorf("%s (%+v): %s\n%s", c.name, c.f, msg, plan)
			}
			if c.f.Text != "" && db.Name() == "sqlite" && strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("%s (%+v): the text's matches are sorted, not read in id order\n%s", c.name, c.f, plan)
			}
			if c.f.Text != "" && db.Name() == "postgres" && !pgTextIndexed.MatchString(plan) {
				t.Errorf("%s (%+v): the text is not read from event_fts's GIN index nor tested by its primary key\n%s", c.name, c.f, plan)
			}
		}
	})
}

// pgTextIndexed is a PostgreSQL plan reading a text filter's matches
// from the GIN index of event_fts, or testing each event by its row
// (its primary key, equal to the event's id: not a walk of the index).
var pgTextIndexed = regexp.MustCompile(`Bitmap Index Scan on event_fts_tsv|event_fts_pkey on event_fts f.*\n\s*Index Cond: \(event_id = e\.id\)`)

// badPlan says what is wrong with a plan, "" when nothing is.
func badPlan(engine, plan string, indexes []string) string {
	if engine == "postgres" {
		// partitions are events_y2020 ...; an index on one is named after
		// it, so any index scan on events counts
		for _, l := range strings.Split(plan, "\n") {
			if strings.Contains(l, "Seq Scan on events") || strings.Contains(l, "Seq Scan on evidence") || strings.Contains(l, "Seq Scan on event_docs") || strings.Contains(l, "Seq Scan on event_fts") {
				return "sequential scan: " + strings.TrimSpace(l)
			}
		}
		return ""
	}
	for _, l := range strings.Split(plan, "\n") {
		l = strings.TrimSpace(l)
		// the events table is e; a SCAN of it reads every row, unless
		// in id order testing each event's own sentences (a dense
		// word: a page is found in the first rows)
		if (strings.HasPrefix(l, "SCAN e ") || l == "SCAN e") && !strings.Contains(plan, "event_fts EXISTS VIRTUAL TABLE INDEX 0:=M") || strings.HasPrefix(l, "SCAN v") || strings.HasPrefix(l, "SCAN evidence") {
			return "scan: " + l
		}
	}
	for _, ix := range indexes {
		if strings.Contains(plan, ix) {
			return ""
		}
	}
	return "none of " + strings.Join(indexes, ", ")
}

// TestCursorPagesAreStable: paging a dense filter with the cursor reads
// every event once, in id order, as one page does.
func TestCursorPagesAreStable(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := planDB(t, open)
		ctx := context.Background()
		for _, f := range []annals.EventFilter{{Actor: "USA"}, {DyadA: "USA", DyadB: "RUS"}, {Place: "Kabul"}, {Code: "19"}} {
			all := f
			all.Limit = 100000
			want, err := db.Events(ctx, all, false)
			if err != nil || len(want) < 20 {
				t.Fatalf("%+v: %d events, %v", f, len(want), err)
			}
			var got []int64
			p := f
			p.Limit = 7
			for {
				evs, err := db.Events(ctx, p, false)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range evs {
					got = append(got, e.ID)
				}
				if len(evs) < p.Limit {
					break
				}
				p.After = evs[len(evs)-1].ID
			}
			if len(got) != len(want) {
				t.Fatalf("%+v: pages hold %d events, one query %d", f, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i].ID || (i > 0 && got[i] <= got[i-1]) {
					t.Fatalf("%+v: page order differs at %d", f, i)
				}
			}
		}
	})
}

// TestYearAggregatesReadYearSummaries: the network and the actor list of
// whole years read the year summaries alone (not twelve months each, nor
// the events), a range with partial years adds only the months and days
// outside them, and every answer equals the same read from the events.
func TestYearAggregatesReadYearSummaries(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := planDB(t, open)
		ctx := context.Background()
		for _, c := range []struct {
			f          annals.EventFilter
			want, not  []string
			aggregates bool
		}{
			{annals.EventFilter{From: "2020-01-01", To: "2020-12-31"}, []string{"sum_dyad_years"}, []string{"sum_dyad_months", "sum_dyad_days", "events"}, true},
			{annals.EventFilter{From: "2018-01-01", To: "2021-12-31", QuadClass: 4}, []string{"sum_dyad_years"}, []string{"sum_dyad_months", "sum_dyad_days", "events"}, true},
			{annals.EventFilter{From: "2019-07-15", To: "2020-12-31"}, []string{"sum_dyad_years", "sum_dyad_months", "sum_dyad_days"}, []string{"events"}, true},
			{annals.EventFilter{From: "2020-03-01", To: "2020-03-31"}, []string{"sum_dyad_months"}, []string{"sum_dyad_years", "events"}, true},
		} {
			plan, err := db.ExplainNetwork(ctx, c.f, true)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !reads(plan, w) {
					t.Errorf("network %+v: does not read %s:\n%s", c.f, w, plan)
				}
			}
			for _, n := range c.not {
				if reads(plan, n) {
					t.Errorf("network %+v: reads %s:\n%s", c.f, n, plan)
				}
			}
			if c.f.QuadClass == 0 {
				plan, err := db.ExplainActors(ctx, c.f, false)
				if err != nil {
					t.Fatal(err)
				}
				years := reads(plan, "sum_actor_years")
				if years != slices.Contains(c.want, "sum_dyad_years") {
					t.Errorf("actors %+v: reads sum_actor_years %v:\n%s", c.f, years, plan)
				}
			}
			for _, byCountry := range []bool{false, true} {
				got, err := db.Network(ctx, c.f, byCountry, 100)
				if err != nil {
					t.Fatal(err)
				}
				gotA, err := db.Actors(ctx, c.f, byCountry, 100)
				if err != nil {
					t.Fatal(err)
				}
				var want []store.Edge
				var wantA []store.ActorCount
				store.FromEvents(func() {
					want, err = db.Network(ctx, c.f, byCountry, 100)
					if err == nil {
						wantA, err = db.Actors(ctx, c.f, byCountry, 100)
					}
				})
				if err != nil {
					t.Fatal(err)
				}
				if len(got) == 0 || !reflect.DeepEqual(got, want) {
					t.Errorf("network %+v by country %v: %d edges from the summaries, %d from the events, or they differ", c.f, byCountry, len(got), len(want))
				}
				if len(gotA) == 0 || !reflect.DeepEqual(gotA, wantA) {
					t.Errorf("actors %+v by country %v: %d from the summaries, %d from the events, or they differ", c.f, byCountry, len(gotA), len(wantA))
				}
			}
		}
	})
}

// reads says whether a query plan reads table (events: the events table,
// aliased e, or in PostgreSQL any of its partitions).
func reads(plan, table string) bool {
	re := `\b` + table + `\b`
	if table == "events" {
		re = `\b(SCAN|SEARCH) e\b| on events_`
	}
	return regexp.MustCompile(re).MatchString(plan)
}

// TestDatePagesReadTheirWindow: a page in id order with a date range, alone
// or with other filters, reads the ids of its days' window (event_days)
// in id order, with no sort of every event in the range (SQLite), and
// holds the same events as filtering every event by its date.
func TestDatePagesReadTheirWindow(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := planDB(t, open)
		ctx := context.Background()
		all, err := db.Events(ctx, annals.EventFilter{Limit: 1 << 20, Modes: allModes}, false)
		if err != nil || len(all) != 6000 {
			t.Fatalf("%d events, %v", len(all), err)
		}
		// a cursor within March 2020: its fifth event
		var after int64
		for i, n := 0, 0; i < len(all) && n < 5; i++ {
			if strings.HasPrefix(all[i].EventDate, "2020-03") {
				after, n = all[i].ID, n+1
			}
		}
		for _, f := range []annals.EventFilter{
			{From: "2020-03-01", To: "2020-03-31"}, {From: "2020-03-01", To: "2020-03-31", After: after},
			{From: "2023-06-01"}, {To: "2016-01-31"}, {From: "1990-01-01", To: "1990-12-31"},
			{Actor: "PAK", Root: "19", From: "2021-06-01", To: "2021-06-30"}, {Root: "04", From: "2019-01-01", To: "2019-03-31"},
			{Source: "USA", From: "2018-02-10", To: "2018-02-10"},
		} {
			f.Modes, f.Limit = allModes, 20
			if db.Name() == "sqlite" {
				plan, err := db.ExplainEvents(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(plan, "rowid>? AND rowid<?") || strings.Contains(plan, "TEMP B-TREE") {
					t.Errorf("%+v: not read in id order within its window:\n%s", f, plan)
				}
			}
			got, err := db.Events(ctx, f, false)
			if err != nil {
				t.Fatal(err)
			}
			var want []int64
			for _, e := range all {
				if len(want) < f.Limit && e.ID > f.After && (f.From == "" || e.EventDate >= f.From) && (f.To == "" || e.EventDate <= f.To) &&
					(f.Root == "" || e.Root == f.Root) && (f.Source == "" || strings.HasPrefix(e.Source, f.Source)) &&
					(f.Actor == "" || strings.HasPrefix(e.Source, f.Actor) || strings.HasPrefix(e.Target, f.Actor)) {
					want = append(want, e.ID)
				}
			}
			var ids []int64
			for _, e := range got {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(ids, want) {
				t.Errorf("%+v: events %v, want %v", f, ids, want)
			}
			if len(want) == 0 && f.From != "1990-01-01" {
				t.Errorf("%+v: no event: the case tests nothing", f)
			}
		}
	})
}

// TestDenseTextPages: a common word's pages, read in id order testing
// each event's sentences, hold the events that reading every match
// gives, page after page, alone and with other filters.
func TestDenseTextPages(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		db := planDB(t, open)
		ctx := context.Background()
		for _, f := range []annals.EventFilter{{Text: "struck"}, {Text: "struck", Actor: "USA"}, {Text: "struck near"}, {Text: "struck", Root: "19", From: "2016-01-01", To: "2021-12-31"}} {
			pages := func() []int64 {
				var ids []int64
				p := f
				p.Limit = 17
				for range 4 {
					evs, err := db.Events(ctx, p, false)
					if err != nil {
						t.Fatal(err)
					}
					for _, e := range evs {
						ids = append(ids, e.ID)
					}
					if len(evs) < p.Limit {
						break
					}
					p.After = evs[len(evs)-1].ID
				}
				return ids
			}
			got := pages()
			var want []int64
			store.NoTextProbe(func() { want = pages() })
			if len(want) < 20 || !slices.Equal(got, want) {
				t.Errorf("%+v: pages %v, from every match %v", f, got, want)
			}
		}
	})
}

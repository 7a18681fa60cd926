package store

import (
	"reflect"
	"testing"
	"time"
)

// TestSplitPeriods: a date range is its whole years, the whole months
// outside them and the days of partial months, each day in exactly one.
func TestSplitPeriods(t *testing.T) {
	for _, c := range []struct {
		from, to string
		want     periods
	}{
		{"2020-01-01", "2020-12-31", periods{years: true, y1: "2020", y2: "2020"}},
		{"2020-03-01", "2020-03-31", periods{months: []span{{"2020-03", "2020-03"}}}},
		{"2020-03-01", "2021-02-28", periods{months: []span{{"2020-03", "2021-02"}}}},
		{"2019-07-01", "2021-03-31", periods{years: true, y1: "2020", y2: "2020", months: []span{{"2019-07", "2019-12"}, {"2021-01", "2021-03"}}}},
		{"2019-07-15", "2020-12-31", periods{years: true, y1: "2020", y2: "2020", months: []span{{"2019-08", "2019-12"}}, days: []span{{"2019-07-15", "2019-07-31"}}}},
		{"", "", periods{years: true}},
		{"2020-02-01", "", periods{years: true, y1: "2021", months: []span{{"2020-02", "2020-12"}}}},
		{"", "2020-06-30", periods{years: true, y2: "2019", months: []span{{"2020-01", "2020-06"}}}},
		{"2020-06-10", "2020-06-20", periods{days: []span{{"2020-06-10", "2020-06-20"}}}},
		{"2021-01-01", "2020-01-01", periods{}},
	} {
		got, ok := splitPeriods(c.from, c.to, true)
		if !ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q..%q: %+v %v, want %+v", c.from, c.to, got, ok, c.want)
		}
	}
	if p, _ := splitPeriods("2020-01-01", "2020-12-31", false); p.years || !reflect.DeepEqual(p.months, []span{{"2020-01", "2020-12"}}) {
		t.Errorf("by month: %+v", p)
	}
	if _, ok := splitPeriods("2020-1-1", "", true); ok {
		t.Error("a date not YYYY-MM-DD parsed")
	}
}

// TestWeekSplit: a date range is its whole weeks (Monday to Sunday) and
// the days of the partial weeks at its ends, each day of it in exactly
// one of them and no day outside it in any, for ranges of every length
// and weekday, open ends included.
func TestWeekSplit(t *testing.T) {
	day := func(d time.Time) string { return d.Format("2006-01-02") }
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC) // a Wednesday
	lo, hi := base.AddDate(0, 0, -30), base.AddDate(0, 0, 60)
	check := func(from, to string) {
		w, ok := weekSplit(from, to)
		if !ok {
			t.Fatalf("%q..%q: not split", from, to)
		}
		if w.weeks && (w.w1 != "" && bucketOf(w.w1, IntervalWeek) != w.w1 || w.w2 != "" && bucketOf(w.w2, IntervalWeek) != w.w2) {
			t.Errorf("%q..%q: weeks %q..%q do not start on Mondays", from, to, w.w1, w.w2)
		}
		for d := lo; !d.After(hi); d = d.AddDate(0, 0, 1) {
			k, n := day(d), 0
			if mon := bucketOf(k, IntervalWeek); w.weeks && (w.w1 == "" || mon >= w.w1) && (w.w2 == "" || mon <= w.w2) {
				n++
			}
			for _, sp := range w.days {
				if k >= sp.from && k <= sp.to {
					n++
				}
			}
			in := (from == "" || k >= from) && (to == "" || k <= to)
			if in && n != 1 || !in && n != 0 {
				t.Errorf("%q..%q: %s is in %d parts (%+v)", from, to, k, n, w)
			}
		}
	}
	for i := 0; i < 20; i++ {
		from := day(base.AddDate(0, 0, i))
		check(from, "")
		check("", from)
		for n := -2; n < 24; n++ {
			check(from, day(base.AddDate(0, 0, i+n)))
		}
	}
	check("", "")
	if _, ok := weekSplit("2020-1-1", ""); ok {
		t.Error("a date not YYYY-MM-DD parsed")
	}
}

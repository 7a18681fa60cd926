package store

import (
	"reflect"
	"testing"
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

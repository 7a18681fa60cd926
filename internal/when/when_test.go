package when

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/text"
)

func find(t *testing.T, s string, pub time.Time) []Expr {
	t.Helper()
	fe, err := text.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := fe.Process(&annals.Article{Text: s})
	return Find(d.Tokens, 0, len(d.Tokens), s, pub)
}

func TestFind(t *testing.T) {
	thu := time.Date(2024, 1, 18, 15, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		in, text, date, prec string
	}{
		{"Iran struck Pakistan on 18 March 2023.", "18 March 2023", "2023-03-18", Day},
		{"The talks were held on March 18, 2022, in Doha.", "March 18, 2022", "2022-03-18", Day},
		{"The strikes came on January 16.", "January 16", "2024-01-16", Day},
		{"He was arrested on March 18.", "March 18", "2023-03-18", Day}, // not after publication
		{"The accord was signed on 2021-08-15.", "2021-08-15", "2021-08-15", Day},
		{"Pakistan retaliated on Thursday.", "Thursday", "2024-01-18", Day},
		{"Iran struck on Tuesday night.", "Tuesday night", "2024-01-16", Day},
		{"They met on Monday.", "Monday", "2024-01-15", Day},
		{"They met last Thursday.", "last Thursday", "2024-01-11", Day},
		{"Militants attacked in December.", "December", "2023-12-01", Month}, // year boundary
		{"The envoy returned in January.", "January", "2024-01-01", Month},
		{"The border closed in March 2023.", "March 2023", "2023-03-01", Month},
		{"The group was founded in 2013.", "2013", "2013-01-01", Year},
		{"Attacks have risen since 2021.", "2021", "2021-01-01", Year},
		{"Officials met yesterday.", "yesterday", "2024-01-17", Day},
		{"Protests continued today.", "today", "2024-01-18", Day},
		{"The ministers met last week.", "last week", "2024-01-11", Week},
		{"Clashes erupted earlier this month.", "earlier this month", "2024-01-01", Month},
		{"Trade fell last month.", "last month", "2023-12-01", Month},
		{"The deal was signed last year.", "last year", "2023-01-01", Year},
		{"The village was shelled two days ago.", "two days ago", "2024-01-16", Day},
		{"The war began three years ago.", "three years ago", "2021-01-01", Year},
		{"The border was shut 6 months ago.", "6 months ago", "2023-07-01", Month},
		// what is still to come lies after publication
		{"The envoys will return to their posts by January 26.", "January 26", "2024-01-26", Day},
		{"The ministers will meet on Monday.", "Monday", "2024-01-22", Day},
		{"The two sides agreed to hold talks on Tuesday.", "Tuesday", "2024-01-23", Day},
		{"Iran said it would reopen the crossing on March 3.", "March 3", "2024-03-03", Day},
		{"Talks will resume next Friday.", "next Friday", "2024-01-19", Day},
		{"The army will withdraw in December.", "December", "2024-12-01", Month},
		// and what has happened before it, even in a clause with an infinitive elsewhere
		{"Iran struck on Tuesday to punish militants.", "Tuesday", "2024-01-16", Day},
	}
	for _, tt := range tests {
		ex := find(t, tt.in, thu)
		if len(ex) != 1 {
			t.Errorf("%q: %d expressions %+v", tt.in, len(ex), ex)
			continue
		}
		e := ex[0]
		if e.Text != tt.text || e.Date.Format("2006-01-02") != tt.date || e.Precision != tt.prec || !e.Resolved {
			t.Errorf("%q: got %q %s %s, want %q %s %s", tt.in, e.Text, e.Date.Format("2006-01-02"), e.Precision, tt.text, tt.date, tt.prec)
		}
	}
}

func TestNoFalseDates(t *testing.T) {
	thu := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"Iran may strike again.",        // "may" the modal
		"The march on Islamabad began.", // "march" the noun
		"He had 2013 supporters.",       // a number, not a year
		"Police killed 15 militants.",   // a count
		"The Sunday Times reported it.", // a newspaper: still a weekday word, accepted risk
	} {
		ex := find(t, s, thu)
		if s == "The Sunday Times reported it." {
			continue
		}
		if len(ex) != 0 {
			t.Errorf("%q: found %+v", s, ex)
		}
	}
}

func TestUndatedArticle(t *testing.T) {
	// explicit dates resolve without a publication date; relative ones do not
	ex := find(t, "On 18 March 2023 they met; on Monday they met again.", time.Time{})
	if len(ex) != 2 {
		t.Fatalf("%+v", ex)
	}
	if !ex[0].Resolved || ex[0].Date.Format("2006-01-02") != "2023-03-18" {
		t.Errorf("explicit date %+v", ex[0])
	}
	if ex[1].Resolved {
		t.Errorf("weekday without a publication date should be unresolved: %+v", ex[1])
	}
}

func BenchmarkFind(b *testing.B) {
	fe, _ := text.Default()
	s := "Pakistan carried out strikes inside Iran on Thursday, two days after Tehran struck targets in Pakistan, and the envoys met on 18 March 2023 and last week."
	d := fe.Process(&annals.Article{Text: s})
	pub := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	for i := 0; i < b.N; i++ {
		Find(d.Tokens, 0, len(d.Tokens), s, pub)
	}
}

func TestRanges(t *testing.T) {
	thu := time.Date(2024, 4, 18, 0, 0, 0, 0, time.UTC)
	tests := []struct{ in, start, end, prec string }{
		{"Talks were held from 1 to 5 March.", "2024-03-01", "2024-03-05", Day},
		{"Fighting raged between 10 and 12 January 2023.", "2023-01-10", "2023-01-12", Day},
		{"Strikes continued from January to March.", "2024-01-01", "2024-03-01", Month},
		{"The war lasted from 2014 to 2022.", "2014-01-01", "2022-01-01", Year},
	}
	for _, tt := range tests {
		ex := find(t, tt.in, thu)
		if len(ex) != 1 {
			t.Errorf("%q: %+v", tt.in, ex)
			continue
		}
		e := ex[0]
		if e.Date.Format("2006-01-02") != tt.start || e.End.Format("2006-01-02") != tt.end || e.Precision != tt.prec {
			t.Errorf("%q: %s..%s %s", tt.in, e.Date.Format("2006-01-02"), e.End.Format("2006-01-02"), e.Precision)
		}
	}
}

// TestFindAheadAcrossTheYear: a month earlier than the publication month,
// in a clause about what is to come, is next year's.
func TestFindAheadAcrossTheYear(t *testing.T) {
	nov := time.Date(2024, 11, 20, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"The troops will leave by March.":           "2025-03-01",
		"The troops left in March.":                 "2024-03-01",
		"The court will rule on January 9.":         "2025-01-09",
		"The court ruled on January 9.":             "2024-01-09",
		"Elections are expected to be held in May.": "2025-05-01",
	} {
		ex := find(t, in, nov)
		if len(ex) != 1 || ex[0].Date.Format("2006-01-02") != want {
			t.Errorf("%q: %+v, want %s", in, ex, want)
		}
	}
}

// TestAtoi checks atoi agrees with strconv.Atoi, value and success.
func TestAtoi(t *testing.T) {
	for _, s := range []string{"", "+", "-", "0", "12", "+12", "-3", "1_000", "0x1f", "12a", "a12", "1.5", "99999999999999999999", "١٢"} {
		n, err := atoi(s)
		m, err2 := strconv.Atoi(s)
		if n != m || (err == nil) != (err2 == nil) {
			t.Errorf("atoi(%q) = %d, %v; Atoi: %d, %v", s, n, err, m, err2)
		}
	}
}

// TestDayNum checks dayNum against its plain definition: the word less
// its trailing letters of an ordinal suffix, as atoi reads it, 1 to 31.
func TestDayNum(t *testing.T) {
	plain := func(s string) (int, bool) {
		n, err := atoi(strings.TrimRight(s, "stndrh"))
		return n, err == nil && n >= 1 && n <= 31
	}
	for _, s := range []string{"", "1", "1st", "2nd", "3rd", "18th", "31", "32", "0", "+5th", "-3", "th", "st", "h", "5thh", "5x", "x5", "May", "12s", "７", "1st.", "０1", "+", "-", "15dr", "2021"} {
		n, ok := dayNum(s)
		wn, wok := plain(s)
		if n != wn || ok != wok {
			t.Errorf("dayNum(%q) = %d, %v; want %d, %v", s, n, ok, wn, wok)
		}
	}
}

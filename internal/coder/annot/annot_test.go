package annot

import (
	"strings"
	"testing"

	"github.com/annals-events/annals"
)

func TestRead(t *testing.T) {
	rows, err := Read(strings.NewReader("# comment\n\n2024-01-02\tPakistan struck Iran.\tPAK*>IRN:19*:asserted | !IRN>PAK:*:*\n2024-01-03\tNothing.\tnone\n"), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Line != 3 || len(rows[0].Items) != 2 || !rows[0].Items[1].Absent || !rows[1].None {
		t.Fatalf("rows %+v", rows)
	}
	for _, c := range []struct{ in, want string }{
		{"2024-01-02\ttext\n", "x.tsv:1: want 3 tab-separated columns"},
		{"# c\n2024-01-02\ttext\tPAK:190:asserted\n", "x.tsv:2: expected event \"PAK:190:asserted\""},
	} {
		if _, err := Read(strings.NewReader(c.in), "x.tsv"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
}

func TestLike(t *testing.T) {
	for _, c := range []struct {
		got, pat string
		want     bool
	}{
		{"PAKGOV", "PAK*", true}, {"PAKGOV", "*GOV", true}, {"PAKGOV", "PAK", false}, {"", "-", true},
		{"PAK", "-", false}, {"anything", "*", true}, {"190", "190", true}, {"1901", "190", false},
	} {
		if Like(c.got, c.pat) != c.want {
			t.Errorf("Like(%q, %q) = %v", c.got, c.pat, !c.want)
		}
	}
}

func TestHoldsAndJudge(t *testing.T) {
	rows, err := Read(strings.NewReader("2024-01-02\tt\tPAK*>IRN:19*:asserted | !IRN>PAK:*:*\n2024-01-02\tt2\tnone\n"), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	r, none := rows[0], rows[1]
	right := annals.Event{Source: "PAKMIL", Target: "IRN", Code: "195", Mode: annals.Asserted}
	wrong := annals.Event{Source: "IRN", Target: "PAK", Code: "190", Mode: annals.Asserted}
	other := annals.Event{Source: "USA", Target: "IRN", Code: "111", Mode: annals.Asserted}
	negated := annals.Event{Source: "USA", Target: "IRN", Code: "111", Mode: annals.Negated}
	if !r.Holds([]annals.Event{right, other}) || r.Holds([]annals.Event{right, wrong}) || r.Holds([]annals.Event{other}) {
		t.Error("Holds: expected and forbidden items misread")
	}
	if r.Judge(right) != Right || r.Judge(wrong) != Wrong || r.Judge(other) != Unlisted {
		t.Error("Judge misreads the row")
	}
	if none.Holds([]annals.Event{other}) || !none.Holds([]annals.Event{negated}) || none.Judge(other) != Wrong {
		t.Error("none: a countable event must fail the row, a negated one not")
	}
}

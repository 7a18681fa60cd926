package actors

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/geo"
	"github.com/annals-events/annals/internal/text"
)

var (
	dictOnce sync.Once
	dictVal  *Dict
	dictErr  error
)

func testDict(t testing.TB) *Dict {
	dictOnce.Do(func() {
		// with the gazetteer's judgement, as the pipeline loads it
		g, err := geo.Default()
		if err != nil {
			dictErr = err
			return
		}
		dictVal, dictErr = LoadWith(Embedded(), g)
	})
	if dictErr != nil {
		t.Fatal(dictErr)
	}
	return dictVal
}

func recognize(t testing.TB, date, txt string) []annals.Mention {
	fe, err := text.Default()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := time.Parse("2006-01-02", date)
	if err != nil {
		t.Fatal(err)
	}
	doc := fe.Process(&annals.Article{Text: txt, Published: ref})
	return testDict(t).Recognize(doc, ref)
}

// TestMentions runs the table in testdata/mentions.tsv: every expected
// mention must be found with its code, in order; coded mentions that are
// not expected fail too.
func TestMentions(t *testing.T) {
	f, err := os.Open("testdata/mentions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, failed := 0, 0
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 3 {
			t.Fatalf("mentions.tsv:%d: want 3 columns", ln)
		}
		n++
		var got []string
		for _, m := range recognize(t, c[0], c[1]) {
			if m.Code != "" {
				got = append(got, m.Text+"="+m.Code)
			}
		}
		if strings.Join(got, "|") != c[2] {
			failed++
			t.Errorf("mentions.tsv:%d: %s (%s)\n got  %s\n want %s", ln, c[1], c[0], strings.Join(got, "|"), c[2])
		}
	}
	t.Logf("%d mention cases, %d failed", n, failed)
	if n < 300 {
		t.Errorf("only %d cases", n)
	}
}

func TestSpansMatchText(t *testing.T) {
	txt := "ISLAMABAD (Reuters) - Pakistani and Afghan officials met. Both countries agreed."
	for _, m := range recognize(t, "2024-01-18", txt) {
		if txt[m.Start:m.End] != m.Text {
			t.Errorf("mention %q has span text %q", m.Text, txt[m.Start:m.End])
		}
	}
}

func TestUnknownNamesKeptUncoded(t *testing.T) {
	var uncoded []string
	for _, m := range recognize(t, "2024-01-18", "Zorvani Kessler met officials of the Qarat Federation in Lahore.") {
		if m.Code == "" {
			uncoded = append(uncoded, m.Text)
		}
	}
	if strings.Join(uncoded, "|") != "Zorvani Kessler|Qarat Federation" {
		t.Errorf("uncoded mentions %q", uncoded)
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(Embedded()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRecognize(b *testing.B) {
	d := testDict(b)
	fe, _ := text.Default()
	txt, err := os.ReadFile("../text/testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	ref := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	doc := fe.Process(&annals.Article{Text: string(txt), Published: ref})
	n := len(d.Recognize(doc, ref))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Recognize(doc, ref)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "mentions/s")
}

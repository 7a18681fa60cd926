package geo_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/geo"
	"github.com/annals-events/annals/internal/pipeline"
)

func TestPlaces(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/places.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	ln, mentions, failed := 0, 0, 0
	ref := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	for sc.Scan() {
		ln++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		r := p.Process(&annals.Article{ID: "t", Text: c[0], Published: ref}, ref)
		var got []string
		for _, m := range r.Places {
			s := m.Text + "=" + m.Best.Country + "/" + m.Best.Kind
			if m.Actor {
				s += "!"
			}
			got = append(got, s)
		}
		g := strings.Join(got, "|")
		if g == "" {
			g = "none"
		}
		if c[1] != "none" {
			mentions += strings.Count(c[1], "|") + 1
		}
		if g != c[1] {
			failed++
			t.Errorf("places.tsv:%d: %s\n got  %s\n want %s", ln, c[0], g, c[1])
		}
	}
	t.Logf("%d place mentions, %d rows failed", mentions, failed)
	if mentions < 100 {
		t.Errorf("only %d place mentions", mentions)
	}
}

func TestLocation(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	cases := []struct{ text, name, prec string }{
		{"Iran launched strikes on bases in Pakistan's southwestern Baluchistan province.", "Baluchistan", "adm1"},
		{"Pakistani police arrested five men in Karachi.", "Karachi", "city"},
		{"Pakistan struck militants inside Afghanistan.", "Afghanistan", "country"},
		{"Iran struck Pakistan.", "Pakistan", "country"},       // the target's territory for an attack
		{"Pakistan and Iran signed eight agreements.", "", ""}, // no place, not a capital by default
	}
	for _, c := range cases {
		evs := p.Process(&annals.Article{ID: "t", Text: c.text, Published: ref}, ref).Events
		if len(evs) == 0 {
			t.Errorf("%q: no event", c.text)
			continue
		}
		l := evs[0].Location
		if c.name == "" {
			if l != nil {
				t.Errorf("%q: location %+v, want none", c.text, l)
			}
			continue
		}
		if l == nil || l.Name != c.name || l.Precision != c.prec || l.Lat == 0 {
			t.Errorf("%q: location %+v, want %s (%s)", c.text, l, c.name, c.prec)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	gz, err := os.ReadFile("gazetteer.tsv.gz")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := geo.Load(gz); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g, _ := geo.Default()
	names := []string{"Hyderabad", "Quetta", "Sistan-Baluchestan", "Washington", "Tripoli", "Nowhere Town"}
	for i := 0; i < b.N; i++ {
		g.Lookup(names[i%len(names)])
	}
}

// TestLocality checks which names stand only for a town or region: those
// the actor stage reads as "where" rather than "who".
func TestLocality(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"Mumbai": true, "Karachi": true, "Kharkiv": true,
		"Kabul": false, "Moscow": false, "Pakistan": false, "Washington": false, "Nowhereville": false,
	} {
		if got := g.Locality(name); got != want {
			t.Errorf("Locality(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestTown(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"Kherson": "UKR", "Kharkiv": "UKR", "Quetta": "PAK",
		// capitals and countries are the dictionaries' own; unknown names
		// and small places are no town
		"Kabul": "", "Pakistan": "", "Nowhereville": "",
	} {
		got, ok := g.Town(name)
		if got != want || ok != (want != "") {
			t.Errorf("Town(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"time"
)

// Article is one generated article in the JSONL ingest format.
type Article struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

var pairs = [][2]string{{"Pakistan", "Iran"}, {"Pakistan", "Afghanistan"}, {"Israel", "Iran"}, {"Russia", "Ukraine"},
	{"India", "Pakistan"}, {"China", "Taiwan"}, {"Turkey", "Syria"}, {"Saudi Arabia", "Yemen"}, {"Egypt", "Sudan"},
	{"Ethiopia", "Somalia"}, {"Rwanda", "DR Congo"}, {"Israel", "Lebanon"}, {"United States", "China"}, {"Iraq", "Turkey"}}

var sentences = []string{
	"%s carried out air strikes on militant hideouts inside %s on %s.",
	"%s accused %s of sheltering militants, officials said on %s.",
	"The foreign minister of %s met his counterpart from %s in Geneva on %s.",
	"%s condemned the attack by %s on %s.",
	"%s and %s signed an agreement on border trade on %s.",
	"%s urged %s to release the detained journalists on %s.",
	"%s imposed sanctions on %s on %s.",
	"%s recalled its ambassador from %s on %s.",
	"Troops from %s shelled villages in %s on %s.",
	"%s pledged to provide humanitarian aid to %s on %s.",
}

var sources = []string{"Wire A", "Wire B", "Daily C", "Herald D", "Times E"}

// Generate writes n articles as JSON lines, deterministically for a seed.
// Every article text is unique (it carries its number).
func Generate(w io.Writer, n int, seed int64) error {
	r := rand.New(rand.NewSource(seed))
	enc := json.NewEncoder(w)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		day := base.AddDate(0, 0, r.Intn(300))
		pub := day.AddDate(0, 0, 1)
		var b strings.Builder
		k := 3 + r.Intn(4)
		for j := 0; j < k; j++ {
			p := pairs[r.Intn(len(pairs))]
			a, t := p[0], p[1]
			if r.Intn(2) == 0 {
				a, t = t, a
			}
			s := sentences[r.Intn(len(sentences))]
			fmt.Fprintf(&b, s, a, t, day.Weekday().String())
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "\n\nThis is generated article number %d.", i)
		a := Article{ID: fmt.Sprintf("gen-%06d", i), Published: pub.Format("2006-01-02"), Source: sources[r.Intn(len(sources))],
			Title: fmt.Sprintf("Generated report %d", i), Text: b.String()}
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return nil
}

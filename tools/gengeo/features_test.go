package main

import (
	"strings"
	"testing"

	"github.com/annals-events/annals/internal/geo"
)

// TestFeatures: the curated features file parses, every row says where
// its name comes from, no name is given twice, and the embedded gazetteer
// was regenerated after the file last changed (every curated name is in
// it, as the kind and country the file gives).
func TestFeatures(t *testing.T) {
	centroid := map[string][2]float64{}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range []string{"SDN", "PSE", "SYR", "EGY", "UKR", "AZE", "MDA", "GEO", "PAK", "TUR", "PAN", "ISR"} {
		centroid[cc] = [2]float64{}
	}
	var lines []string
	n, err := features("features.tsv", centroid, &lines)
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 || n != len(lines) {
		t.Fatalf("%d features, %d rows", n, len(lines))
	}
	seen := map[string]bool{}
	for _, l := range lines {
		c := strings.Split(l, "\t")
		kind := map[string]string{"R": geo.Region, "S": geo.Site}[c[0]]
		for _, name := range strings.Split(c[1], "|") {
			k := geo.Key(name)
			if seen[k] {
				t.Errorf("%q given twice", name)
			}
			seen[k] = true
			found := false
			for _, p := range g.Lookup(name) {
				if p.Kind == kind && p.Country == c[2] {
					found = true
				}
			}
			if !found {
				t.Errorf("%q (%s, %q) is not in the embedded gazetteer: run tools/gengeo/generate.sh", name, kind, c[2])
			}
		}
	}
	var bad []string
	if _, err := features("testdata/bad.tsv", centroid, &bad); err == nil {
		t.Error("a row without its source accepted")
	}
}

package geo

import (
	"bytes"
	"compress/gzip"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestKeyASCII: the ASCII path of Key gives what the Unicode path gives,
// and byKey finds what byName(Key) finds.
func TestKeyASCII(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "Gaza", "GAZA", "gaza", "Port-au-Prince", "  Côte d'Ivoire ", "Cote d'Ivoire", "al-Qaeda's",
		"New  York", "--x--", "U.S.", "9/11", "Xi'an", "St. Petersburg", "Tel Aviv-Yafo", "a\tb\nc", "!!!", "Ürümqi", "Sana'a"} {
		if got, want := Key(s), unicodeKey(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
		if got, want := len(g.byKey(s)), len(g.byName(unicodeKey(s))); got != want {
			t.Errorf("byKey(%q): %d places, want %d", s, got, want)
		}
	}
}

// TestIndexOrder checks the name index against one built the plain way
// from the embedded file (a map from each name's key to its places, in
// the file's order): the same names, each with the same places in the
// same order.
func TestIndexOrder(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gazetteerGz))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{} // key -> the places' ordinals in the file
	place := 0
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		c := strings.Split(l, "\t")
		pop, _ := strconv.Atoi(c[6])
		seen := map[string]bool{}
		for _, n := range strings.Split(c[1], "|") {
			if k := Key(n); k != "" && !seen[k] && indexable(k, c[0], pop) {
				seen[k] = true
				want[k] = append(want[k], place)
			}
		}
		place++
	}
	ordinal := map[*Place]int{}
	for i := range g.places {
		ordinal[&g.places[i]] = i
	}
	n := 0
	g.names(func(k string, ps []*Place) {
		n++
		got := []int{}
		for _, p := range g.byName(k) {
			got = append(got, ordinal[p])
		}
		if !slices.Equal(got, want[k]) {
			t.Fatalf("%q: places %v, want %v", k, got, want[k])
		}
	})
	if n != len(want) {
		t.Fatalf("%d names, want %d", n, len(want))
	}
}

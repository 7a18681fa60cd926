package geo

import "testing"

// TestKeyASCII: the ASCII path of Key gives what the Unicode path gives,
// and byKey finds what byName[Key] finds.
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
		if got, want := len(g.byKey(s)), len(g.byName[unicodeKey(s)]); got != want {
			t.Errorf("byKey(%q): %d places, want %d", s, got, want)
		}
	}
}

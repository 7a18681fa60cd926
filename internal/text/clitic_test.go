package text

import (
	"strings"
	"testing"
)

// cliticByConcat is clitic as it was written first, joining each
// apostrophe and suffix: the reference for TestClitic.
func cliticByConcat(w string) int {
	lw := len(w)
	if lw > 3 && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")) {
		if k := strings.LastIndex(w, "n"); k > 0 {
			return k
		}
	}
	for _, suf := range []string{"s", "re", "ve", "ll", "d", "m", "S"} {
		for _, ap := range []string{"'", "’", "ʼ", "‘"} {
			c := ap + suf
			if len(w) > len(c) && strings.HasSuffix(w, c) {
				return len(w) - len(c)
			}
		}
	}
	return 0
}

// TestClitic: clitic finds where the reference does, for words with and
// without each apostrophe and suffix, and the short words around the
// length limits.
func TestClitic(t *testing.T) {
	words := []string{"", "s", "'s", "a's", "Iran's", "Iran’s", "Korea‘s", "IRAN'S", "they're", "we've", "we'll", "I'd", "I'm",
		"don't", "can’t", "n't", "'re", "’s", "x’s", "ʼs", "aʼs", "its", "James'", "s's", "''s", "’’s", "cats", "o'clock", "rock'n'roll"}
	for _, w := range words {
		if got, want := clitic(w), cliticByConcat(w); got != want {
			t.Errorf("clitic(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestLower: lower is strings.ToLower with the typographic apostrophes
// folded, whether or not the word has them.
func TestLower(t *testing.T) {
	for _, w := range []string{"", "iran", "Iran", "IRAN’S", "Korea‘s", "don’t", "Ⰰ", "ÉLYSÉE", "Côte", "“Quoted”", "a’b’c"} {
		want := strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(w))
		if got := lower(w); got != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
	}
}

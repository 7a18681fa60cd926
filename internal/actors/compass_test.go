package actors

import (
	"strings"
	"testing"
)

// TestCompassAdjective: a compass word before an adjective opens a
// region's adjective ("South Asian visas"), not an unknown name that would
// stand as an actor without a code.
func TestCompassAdjective(t *testing.T) {
	for _, text := range []string{
		"Dhaka suspended South Asian visas for Pakistani nationals.",
		"Ghana hosted a summit of Central Asian envoys.",
		"The ministers discussed East African trade.",
	} {
		for _, tree := range []bool{false, true} {
			for _, m := range recognizeWith(t, "2024-06-10", text, tree) {
				if m.Code == "" && compassWords[strings.ToLower(m.Text)] {
					t.Errorf("%s (tree %v): %q became an unknown name", text, tree, m.Text)
				}
			}
		}
	}
}

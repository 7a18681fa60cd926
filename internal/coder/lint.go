package coder

import (
	"fmt"
	"sort"
	"strings"
)

// Lint lists, as file:line: message, the lexicon rows that can never
// decide an event: a row another row with the same trigger and the same
// words after it always wins over (the curated row over PETRARCH-2's, the
// first of two in one tier; "redundant" when both give the same code,
// "never fires" when the shadowed row's code is lost), and confidence
// weights on rows the lexicon no longer has. annals dict check prints
// them.
func (lx *Lexicon) Lint() []string {
	var out []string
	for _, m := range []map[string][]*pattern{lx.verbs, lx.nouns} {
		for first, ps := range m {
			for j, b := range ps {
				if b.trigger[0] != first {
					continue // listed under the word as written as well
				}
				for _, a := range ps[:j] {
					if a != b && a.trigger[0] == first && samePattern(a, b) {
						if a.code == b.code {
							out = append(out, fmt.Sprintf("%s: redundant: %s asks for the same words with the same code", b.loc, a.loc))
						} else {
							out = append(out, fmt.Sprintf("%s: never fires (code %s): %s asks for the same words and is chosen first (code %s)", b.loc, b.code, a.loc, a.code))
						}
						break
					}
				}
			}
		}
	}
	if lx.conf != nil {
		keys := map[string]bool{}
		for _, p := range lx.byLoc {
			keys[p.key] = true
		}
		for f := range lx.conf.w {
			if k, ok := strings.CutPrefix(f, "row="); ok && !keys[k] {
				out = append(out, fmt.Sprintf("%s: weighs row %q, which the lexicon no longer has (refit with tools/genconf)", ConfidenceFile, k))
			}
		}
	}
	sort.Strings(out)
	return out
}

// samePattern reports whether two rows ask for the same words.
func samePattern(a, b *pattern) bool {
	if len(a.trigger) != len(b.trigger) || len(a.follow) != len(b.follow) {
		return false
	}
	for i := range a.trigger {
		if a.trigger[i] != b.trigger[i] {
			return false
		}
	}
	for i := range a.follow {
		x, y := append([]string(nil), a.follow[i]...), append([]string(nil), b.follow[i]...)
		sort.Strings(x)
		sort.Strings(y)
		if strings.Join(x, "|") != strings.Join(y, "|") {
			return false
		}
	}
	return true
}

package actors

import (
	"strings"

	"github.com/annals-events/annals"
)

var pairNouns = map[string]bool{"countries": true, "sides": true, "nations": true, "neighbours": true,
	"neighbors": true, "governments": true, "states": true, "capitals": true, "leaders": true, "parties": true, "allies": true, "rivals": true}

var groupNouns = map[string]bool{"group": true, "militants": true, "militant": true, "affiliate": true, "outfit": true,
	"organisation": true, "organization": true, "movement": true, "insurgents": true, "rebels": true, "fighters": true, "faction": true}

// armedRoles are the roles a "the group"/"the militants" reference can take.
var armedRoles = []string{"INS", "REB", "SEP", "UAF", "CRM", "IMG"}

func isArmed(code string) bool {
	if strings.HasPrefix(code, "IMG") {
		return true
	}
	for i := 3; i+3 <= len(code); i += 3 {
		for _, r := range armedRoles {
			if code[i:i+3] == r {
				return true
			}
		}
	}
	return false
}

func isPersonish(m annals.Mention) bool {
	return m.Entry != "" && strings.HasPrefix(m.Entry, "leaders.tsv")
}

// references finds reference phrases in sentence si and resolves them to
// salient earlier mentions. Keys are the first token of each phrase.
func (c *context) references(si int, cur []annals.Mention, day int) map[int][]annals.Mention {
	s := c.doc.Sentences[si]
	toks := c.doc.Tokens
	out := map[int][]annals.Mention{}
	mk := func(first, last int, src annals.Mention) annals.Mention {
		m := annals.Mention{Sentence: si, First: first, Last: last, Code: src.Code, Entry: src.Entry, Ref: true}
		m.Span = annals.Span{Start: toks[first].Start, End: toks[last-1].End}
		m.Text = m.Span.Of(c.doc.Article.Text)
		return m
	}
	// candidates: earlier sentences, then this sentence up to i. The
	// sentence's part grows as i moves on (cur is in text order), so no
	// token copies what came before it.
	var here []annals.Mention
	k := 0
	for i := s.First; i < s.Last; i++ {
		w := toks[i].Lower
		for ; k < len(cur) && cur[k].Last <= i; k++ {
			if cur[k].Code != "" {
				here = append(here, cur[k])
			}
		}
		seen := pool{c.seen, here}
		// "both countries", "the two sides", "both"
		if w == "both" || w == "the" && i+1 < s.Last && toks[i+1].Lower == "two" {
			j := i + 1
			if w == "the" {
				j = i + 2
			}
			if j < s.Last && pairNouns[toks[j].Lower] {
				cands := seen
				if i > s.First && isVerbTag(toks[i-1].Tag) {
					// "China urged both countries": the pair is not the
					// sentence's own subject
					cands = pool{earlier: c.seen}
				}
				if a, b, ok := lastPair(cands); ok {
					// "both countries" names the states, not the bodies
					// that last stood for them.
					if pairNouns[toks[j].Lower] && (toks[j].Lower == "countries" || toks[j].Lower == "nations" || toks[j].Lower == "states" || toks[j].Lower == "neighbours" || toks[j].Lower == "neighbors") {
						a.Code, b.Code = a.Code[:3], b.Code[:3]
					}
					out[i] = []annals.Mention{mk(i, j+1, a), mk(i, j+1, b)}
				}
				i = j
				continue
			}
		}
		if w == "the" && i+1 < s.Last {
			j := i + 1
			if toks[j].Lower == "militant" || toks[j].Lower == "armed" || toks[j].Lower == "jihadist" || toks[j].Lower == "terrorist" {
				if j+1 < s.Last && groupNouns[toks[j+1].Lower] {
					j++
				}
			}
			if groupNouns[toks[j].Lower] {
				if m, ok := last(seen, func(m annals.Mention) bool { return isArmed(m.Code) && !strings.HasPrefix(m.Code, "---") }); ok {
					out[i] = []annals.Mention{mk(i, j+1, m)}
				}
				i = j
				continue
			}
			if toks[j].Lower == "country" || toks[j].Lower == "kingdom" || toks[j].Lower == "republic" {
				// the last country named, else the country of the last actor
				// ("Argentina's president announced the country would leave")
				// the country of the sentence's subject ("the Saudi crown
				// prince told the US envoy that the kingdom ..."), else the
				// last country named, else the country of the last actor
				m, ok := c.sentenceSubject(si, i, cur)
				if !ok {
					m, ok = last(seen, func(m annals.Mention) bool { return len(m.Code) == 3 && isoCountries[m.Code] })
				}
				if !ok {
					m, ok = last(seen, func(m annals.Mention) bool { return len(m.Code) > 3 && isoCountries[m.Code[:3]] })
				}
				if ok {
					m.Code = m.Code[:3]
					out[i] = []annals.Mention{mk(i, j+1, m)}
				}
				i = j
				continue
			}
		}
		// "Ethiopia's foreign minister said his country would ...": the
		// country of the last actor that has one
		if (w == "his" || w == "her" || w == "its" || w == "their") && i+1 < s.Last && toks[i+1].Lower == "country" {
			if m, ok := last(seen, func(m annals.Mention) bool { return len(m.Code) >= 3 && isoCountries[m.Code[:3]] }); ok {
				m.Code = m.Code[:3]
				out[i] = []annals.Mention{mk(i, i+2, m)}
			}
			i++
			continue
		}
		// "said its forces had retaliated": a role word owned by a pronoun
		// takes the country of the clause's subject, or of the last state
		if (w == "its" || w == "their" || w == "his" || w == "her") && i+1 < s.Last && toks[i].Tag == "PRP$" || w == "her" && i+1 < s.Last {
			if e, j := c.d.match(toks, i+1, s.Last); e != nil && e.agent && !needsCountry[toks[j-1].Lower] {
				if m, ok := c.owner(si, i, cur, seen); ok {
					out[i] = []annals.Mention{mk(i, j, m)}
					out[i][0].Code = m.Code[:3] + strings.TrimPrefix(e.pick(day).code, "~")
					i = j - 1
					continue
				}
			}
		}
		if toks[i].Tag == "PRP" && (w == "he" || w == "she") {
			if m, ok := last(seen, isPersonish); ok {
				out[i] = []annals.Mention{mk(i, i+1, m)}
			}
			continue
		}
		if toks[i].Tag == "PRP" && w == "it" && i == s.First && i+1 < s.Last && (isVerbTag(toks[i+1].Tag) || toks[i+1].Tag == "MD") {
			// "It warned that ...": the subject of the sentence before
			if m, ok := c.subjectOf(si-1, func(m annals.Mention) bool { return !isPersonish(m) && !strings.HasPrefix(m.Code, "---") }); ok {
				out[i] = []annals.Mention{mk(i, i+1, m)}
				continue
			}
		}
		if toks[i].Tag == "PRP" && w == "it" && i+1 < s.Last && (isVerbTag(toks[i+1].Tag) || toks[i+1].Tag == "MD") {
			// "the air force says it has killed": the last body or state
			if m, ok := last(seen, func(m annals.Mention) bool { return !isPersonish(m) && !strings.HasPrefix(m.Code, "---") }); ok && m.Sentence >= si-1 {
				out[i] = []annals.Mention{mk(i, i+1, m)}
			}
			continue
		}
		if toks[i].Tag == "PRP" && w == "they" {
			if a, b, ok := c.lastCoordinated(seen); ok {
				out[i] = []annals.Mention{mk(i, i+1, a), mk(i, i+1, b)}
			} else if m, ok := last(seen, func(m annals.Mention) bool { return isArmed(m.Code) }); ok {
				out[i] = []annals.Mention{mk(i, i+1, m)}
			}
		}
	}
	return out
}

// subjectOf returns the first coded mention of sentence si that is not
// inside a prepositional phrase and passes ok: the sentence's subject.
func (c *context) subjectOf(si int, ok func(annals.Mention) bool) (annals.Mention, bool) {
	if si < 0 {
		return annals.Mention{}, false
	}
	toks := c.doc.Tokens
	for _, m := range c.seen[c.from[si]:c.from[si+1]] {
		if m.Sentence != si || m.First > c.doc.Sentences[si].First && toks[m.First-1].Tag == "IN" {
			continue
		}
		if ok(m) {
			return m, true
		}
		break
	}
	return annals.Mention{}, false
}

// sentenceSubject returns the first mention of sentence si, before token
// i and outside a prepositional phrase, when it has a country.
func (c *context) sentenceSubject(si, i int, cur []annals.Mention) (annals.Mention, bool) {
	toks := c.doc.Tokens
	for _, m := range cur {
		if m.Last > i {
			break
		}
		if m.First > c.doc.Sentences[si].First && toks[m.First-1].Tag == "IN" {
			continue
		}
		if len(m.Code) >= 3 && isoCountries[m.Code[:3]] {
			return m, true
		}
		break
	}
	return annals.Mention{}, false
}

// owner resolves "its" or "their" before a role word at i: the subject of
// its sentence when one came before, else the last state or body.
func (c *context) owner(si, i int, cur []annals.Mention, seen pool) (annals.Mention, bool) {
	if m, ok := c.sentenceSubject(si, i, cur); ok {
		return m, true
	}
	return last(seen, func(m annals.Mention) bool { return len(m.Code) >= 3 && isoCountries[m.Code[:3]] })
}

// pool is the candidates of a reference: the coded mentions of earlier
// sentences, then those of its own sentence before it, most recent last.
// It reads both in place, so resolving costs nothing per earlier mention.
type pool struct{ earlier, here []annals.Mention }

func (p pool) len() int { return len(p.earlier) + len(p.here) }

func (p pool) at(i int) annals.Mention {
	if i < len(p.earlier) {
		return p.earlier[i]
	}
	return p.here[i-len(p.earlier)]
}

func last(seen pool, ok func(annals.Mention) bool) (annals.Mention, bool) {
	n := seen.len()
	for i := n - 1; i >= 0 && i >= n-12; i-- {
		if m := seen.at(i); ok(m) {
			return m, true
		}
	}
	return annals.Mention{}, false
}

// pairWindow is how many mentions back "both countries" looks for its two
// states: far enough for any news paragraph, and it keeps a document full
// of one country's name from making every "both" read all of them.
const pairWindow = 64

// lastPair returns the two most recent distinct country-level actors.
func lastPair(seen pool) (annals.Mention, annals.Mention, bool) {
	var a annals.Mention
	found := false
	n := seen.len()
	for i := n - 1; i >= 0 && i >= n-pairWindow; i-- {
		m := seen.at(i)
		if len(m.Code) < 3 || !isoCountries[m.Code[:3]] {
			continue
		}
		if !found {
			a, found = m, true
			continue
		}
		if m.Code[:3] != a.Code[:3] {
			return m, a, true
		}
	}
	return a, a, false
}

// lastCoordinated returns the most recent "X and Y" pair of mentions.
func (c *context) lastCoordinated(seen pool) (annals.Mention, annals.Mention, bool) {
	toks := c.doc.Tokens
	n := seen.len()
	for i := n - 1; i > 0 && i >= n-6; i-- {
		a, b := seen.at(i-1), seen.at(i)
		if a.Sentence == b.Sentence && b.First-a.Last == 1 && toks[a.Last].Lower == "and" {
			return a, b, true
		}
	}
	return annals.Mention{}, annals.Mention{}, false
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }

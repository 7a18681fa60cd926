package coder

import (
	"strings"

	"github.com/annals-events/annals"
)

// storyTargetRoots are the roots of acts that are always aimed at someone:
// agreeing, cooperating, yielding, demanding, disapproving, rejecting,
// threatening, posturing, reducing relations, coercing, assaulting,
// fighting. When the sentence names no target ("Pakistan said it was
// suspending all trade", "Zelenskiy welcomed the decision"), a careful
// coder reads it from the story: the other side of the source's dyad.
// Statements (01), appeals (02), investigations (09) and protests (14)
// stay without one: those are often addressed to no one in particular.
var storyTargetRoots = map[string]bool{
	"03": true, "04": true, "05": true, "06": true, "07": true, "08": true,
	"10": true, "11": true, "12": true, "13": true, "15": true, "16": true,
	"17": true, "18": true, "19": true, "20": true,
}

// storyTargetCodes are statements that answer someone: a denial of
// responsibility ("Russia denied any involvement") is a reply to whoever
// accused, the other side.
var storyTargetCodes = map[string]bool{"016": true}

// domesticCodes are acts a state does to its own people: arrests,
// restrictions on political freedoms, bans, curfews, emergencies,
// violent repression ("police fired tear gas to disperse them"). Without
// a target in their sentence they are aimed at no one abroad, whatever
// the story's dyad.
var domesticCodes = map[string]bool{"173": true, "175": true, "1721": true, "1722": true, "1723": true, "1724": true}

// storySide is the identity of an actor for the story's dyads: its
// country, or the whole code of an international, non-governmental or
// militant body ("IGOEUR" and "IGOUNO" are two sides, not one); "" for
// an actor without one.
func storySide(code string) string {
	switch {
	case len(code) < 3 || strings.HasPrefix(code, "---"):
		return ""
	case strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG"):
		if len(code) >= 6 {
			return code[:6]
		}
		return code
	}
	return code[:3]
}

// StoryTargets gives a directed event without a target the source's other
// side in the story: the side it is paired with most often in the
// document's events that name both; between sides paired equally often,
// the one the document's actor mentions (ms) name most (the story is
// about it), then the pair named first. It
// runs on a document's final events, after TargetPlaces; the confidence
// drops and the rule says so. An event whose source is in no such pair
// keeps its empty target. An event without a target that repeats one of
// its sentence's events with the same source and root and a target ("met
// the prime minister ... and discussed matters") is dropped: it is the
// same act, told twice. It returns the events kept.
func StoryTargets(evs []annals.Event, ms []annals.Mention) []annals.Event {
	evs = dropUntargetedRepeats(evs)
	named := map[string]int{}
	for _, m := range ms {
		if side := storySide(m.Code); side != "" {
			named[side]++
		}
	}
	type pair struct{ a, b string }
	count := map[pair]int{}
	first := map[pair]int{}
	for i := range evs {
		e := &evs[i]
		if !e.Countable() {
			continue
		}
		s, t := storySide(e.Source), storySide(e.Target)
		if s == "" || t == "" || s == t {
			continue
		}
		p := pair{min(s, t), max(s, t)}
		if _, ok := first[p]; !ok {
			first[p] = i
		}
		count[p]++
	}
	if len(count) == 0 {
		return evs
	}
	drop := map[int]bool{}
	for i := range evs {
		e := &evs[i]
		if e.Target != "" || e.TargetText != "" || !e.Countable() || !storyTargetRoots[e.Root] && !storyTargetCodes[e.Code] || domesticCodes[e.Code] {
			continue
		}
		s := storySide(e.Source)
		if s == "" {
			continue
		}
		best, bestN, bestFirst := "", 0, 0
		for p, n := range count {
			other := ""
			switch s {
			case p.a:
				other = p.b
			case p.b:
				other = p.a
			default:
				continue
			}
			if n > bestN || n == bestN && (named[other] > named[best] || named[other] == named[best] && first[p] < bestFirst) {
				best, bestN, bestFirst = other, n, first[p]
			}
		}
		if best == "" {
			continue
		}
		if nominalRepeat(evs, i) || nominalTwin(evs, i, best) {
			drop[i] = true // "the Pakistani raids came a day after ...": the raids told before
			continue
		}
		e.Target = best
		e.Rule += " (target: the story's other side)"
		e.Confidence = round2(e.Confidence - 0.1)
	}
	if len(drop) == 0 {
		return evs
	}
	out := evs[:0]
	for i, e := range evs {
		if !drop[i] {
			out = append(out, e)
		}
	}
	return out
}

// nominalTwin reports an event named by a noun whose sentence tells the
// same act by a verb: same source and root, and a target that is, or is
// about to be, the story's side best ("launched military exercises": the
// exercises are the launching).
func nominalTwin(evs []annals.Event, i int, best string) bool {
	e := &evs[i]
	if !strings.HasPrefix(e.Rule, "nouns.tsv") {
		return false
	}
	for j := range evs {
		x := &evs[j]
		if j != i && x.SentenceIndex == e.SentenceIndex && x.Countable() && !strings.HasPrefix(x.Rule, "nouns.tsv") &&
			x.Source == e.Source && x.Root == e.Root && (x.Target == "" && x.TargetText == "" || storySide(x.Target) == best) {
			return true
		}
	}
	return false
}

// nominalRepeat reports an event named by a noun ("the strikes") whose
// sentence names no target, when an earlier sentence already told a
// countable event of the same root by the same side: the noun refers back
// to that act instead of telling a new one.
func nominalRepeat(evs []annals.Event, i int) bool {
	e := &evs[i]
	if !strings.HasPrefix(e.Rule, "nouns.tsv") {
		return false
	}
	side := storySide(e.Source)
	for j := range evs {
		x := &evs[j]
		if x.SentenceIndex < e.SentenceIndex && x.Countable() && x.Root == e.Root && storySide(x.Source) == side && x.Target != "" {
			return true
		}
	}
	return false
}

// dropUntargetedRepeats removes the countable events without a target
// whose sentence holds a countable event with the same source and root
// that has one.
func dropUntargetedRepeats(evs []annals.Event) []annals.Event {
	type key struct {
		sent      int
		src, root string
	}
	targeted := map[key]bool{}
	for _, e := range evs {
		if e.Countable() && e.Target != "" && e.Source != "" {
			targeted[key{e.SentenceIndex, e.Source, e.Root}] = true
		}
	}
	if len(targeted) == 0 {
		return evs
	}
	out := evs[:0]
	for _, e := range evs {
		if e.Countable() && e.Target == "" && e.TargetText == "" && e.Source != "" && targeted[key{e.SentenceIndex, e.Source, e.Root}] {
			continue
		}
		out = append(out, e)
	}
	return out
}

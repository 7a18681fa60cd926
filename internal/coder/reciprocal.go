package coder

import (
	"strings"

	"github.com/annals-events/annals"
)

// Coordinated actors and the direction of their event. "American and
// British warships shot down drones" is one event per conjunct against the
// object; only a reciprocal predicate (reciprocal.tsv: meet, agree, clash,
// "held talks", "restored ties") with no other target makes the conjuncts
// act on each other, one event per direction.

// reciprocal reports whether the event of code, told by the words at toks
// (the trigger, the pattern's words, a complement), is one that
// coordinated actors do to each other: one of the words is a reciprocal
// predicate, and the code is not one with a direction of its own.
//
// The trigger's own word makes any code reciprocal ("traded blame",
// "exchanged accusations"); a word of the pattern or the complement only
// an act that two sides can do together (consulting, agreeing,
// cooperating, easing, cutting ties, fighting), not the governor's own act
// ("failed to agree on a ceasefire" is a failure of each). "joint" or
// "bilateral" before one of the words makes it reciprocal too ("held
// joint drills").
func (s *sentence) reciprocal(info *CodeInfo, toks []int) bool {
	if directed(info) {
		return false
	}
	for i, k := range toks {
		if k < s.first || k >= s.last {
			continue
		}
		if i > 0 && !jointRoots[info.Root] {
			return false
		}
		t := s.tok(k)
		if s.c.lx.reciprocal[t.Lemma] || s.c.lx.reciprocal[t.Lower] || isVerb(t) && s.c.lx.reciprocal[verbLemma(s.c.lx, t)] || s.jointBefore(k) {
			return true
		}
	}
	return false
}

// jointRoots are the CAMEO roots of acts two sides can do together.
var jointRoots = map[string]bool{"03": true, "04": true, "05": true, "06": true, "08": true, "16": true, "19": true}

// objectWords returns the head noun of the phrase right after k and its
// possessive determiner ("deepen a partnership", "reopened their border"),
// the ones that stand there.
func (s *sentence) objectWords(k int) []int {
	if k < s.first {
		return nil
	}
	var out []int
	for i := k + 1; i < s.last && i <= k+5; i++ {
		t := s.tok(i)
		switch {
		case s.inMention[i]:
			return out
		case isNoun(t):
			if i+1 < s.last && isNoun(s.tok(i+1)) && !s.inMention[i+1] {
				continue // the last of a compound: "peace talks"
			}
			return append(out, i)
		case t.Tag == "PRP$":
			out = append(out, i)
		case t.Tag == "DT" || strings.HasPrefix(t.Tag, "JJ") || t.Tag == "CD" || t.Tag == "VBN":
		default:
			return out
		}
	}
	return out
}

// directed reports a code whose sides differ in kind whatever the
// predicate: visiting, hosting and mediating have a guest, a host,
// parties; praising, defending, rallying support, apologising and
// forgiving are done to a third party ("Russia and China expressed support
// for the campaign" do not support each other).
func directed(info *CodeInfo) bool {
	if info == nil {
		return true
	}
	switch info.Code {
	case "042", "043", "045", "038", "039", "051", "052", "053", "055", "056":
		return true
	}
	return false
}

// sameSide reports whether mention m names one of the coordinated sources
// (the same actor code): not a target of theirs.
func sameSide(m annals.Mention, src []annals.Mention) bool {
	for _, a := range src {
		if m.Code != "" && m.Code == a.Code {
			return true
		}
	}
	return false
}

// allSameSide reports whether every mention of ms names one of src.
func allSameSide(ms, src []annals.Mention) bool {
	for _, m := range ms {
		if !sameSide(m, src) {
			return false
		}
	}
	return len(ms) > 0
}

// otherSide returns the mentions of tgt that name none of src.
func otherSide(tgt, src []annals.Mention) []annals.Mention {
	var kept []annals.Mention
	for _, b := range tgt {
		if !sameSide(b, src) {
			kept = append(kept, b)
		}
	}
	return kept
}

// objectMark reports a reciprocal object of reciprocal.tsv ("each other",
// "one another") starting at token i.
func (s *sentence) objectMark(i int) bool {
	if i+1 >= s.last {
		return false
	}
	return s.c.lx.recipMarks["object"][s.tok(i).Lower+" "+s.tok(i+1).Lower]
}

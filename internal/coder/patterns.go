package coder

// Matching the lexicon's patterns at a trigger: its particles and the words
// that must follow it.

import (
	"github.com/annals-events/annals/internal/when"
	"strings"

	"github.com/annals-events/annals"
)

// verbLike: the tagger calls some verbs nouns ("attacks", "strikes") after
// a subject; treat a noun right after an actor mention as a verb when the
// next token starts an object.
func (s *sentence) verbLike(v int) bool {
	if v == s.first || v+1 >= s.last {
		return false
	}
	if s.tree && s.rel(v) == "root" && s.tok(v).UPOS == "VERB" && s.c.lx.verbs[verbLemma(s.c.lx, s.tok(v))] != nil &&
		len(s.children(v, subjectRels)) > 0 && len(s.children(v, objectRels)) > 0 {
		// the parser found the sentence's main verb, with its subject and
		// object, where the tagger saw a noun: "snipers positioned along
		// the fence shot dead dozens"
		return true
	}
	for _, m := range s.ms {
		if m.Last == v {
			if d := s.tok(max(m.First-1, s.first)); m.First > s.first && (d.Lower == "a" || d.Lower == "an") ||
				s.tok(m.Last-1).Tag == "JJ" && (s.tok(v+1).Tag == "NN" || s.tok(v+1).Tag == "NNS") ||
				d.Lower == "the" && s.tok(v).Tag == "NN" && isNoun(s.tok(v+1)) {
				return false // "a Chinese research ship", "the EU aid package" (but "the US shares intelligence")
			}
			n := s.tok(v + 1)
			if s.c.lx.verbs[s.tok(v).Lemma] != nil && s.mentionStarts(v+1) && !s.inMention[v] {
				return true // "Mali junta expels French ambassador": an actor follows
			}
			return n.Tag == "DT" || n.Tag == "NNP" || n.Tag == "PRP$" || n.Tag == "CD" || isNoun(n) && s.c.lx.verbs[s.tok(v).Lemma] != nil ||
				s.c.lx.family[s.tok(v).Lemma+" "+n.Lower] != "" || // "China and Russia call on the US to ..."
				s.particle(v) || // "Germany and UNICEF hand over 30 vehicles"
				n.Lower == "to" && s.c.lx.family[s.tok(v).Lemma] != "" // "Al-Shabaab refuses to lift ..."
		}
	}
	return false
}

// mentionStarts reports an actor mention starting at token k.
func (s *sentence) mentionStarts(k int) bool {
	for _, m := range s.ms {
		if m.First == k {
			return true
		}
	}
	return false
}

// matchPattern finds the most specific pattern for the trigger at v. It
// returns the pattern, the index after the trigger words, and the tokens
// the follow words matched.
func (s *sentence) matchPattern(pats []*pattern, v, end int) (*pattern, int, []int) {
	var best *pattern
	bestAfter, bestSpan := v+1, 0
	var bestUsed []int
	// every token any matchOne below reads lies in [v-8, end)
	g := s.windowSig(v-8, end)
	for _, p := range pats {
		if best != nil && (len(p.trigger) < len(best.trigger) || len(p.trigger) == len(best.trigger) && content(p.follow) < content(best.follow)) {
			break // patterns are sorted most specific first
		}
		if !mayMatch(p, g) {
			continue // a word it needs is not there: no reading below matches
		}
		after, used, ok := s.matchOne(p, v, end)
		if !ok && len(p.trigger) == 1 && len(p.follow) > 0 && s.passive(v) {
			// "UN sanctions against Iran were lifted": the object stands
			// before a passive verb
			start := max(s.first, v-8)
			if _, u, ok2 := s.matchOne(p, start-1, v); ok2 {
				after, used, ok = v+1, u, true
			}
		}
		if !ok && len(p.trigger) > 1 && len(p.follow) > 0 && s.passive(v) {
			// "the strike by coal workers was called off": the particles
			// follow the verb, the object stands before it
			if a, _, ok1 := s.matchOne(&pattern{trigger: p.trigger}, v, end); ok1 {
				start := max(s.first, v-8)
				if _, u, ok2 := s.matchOne(&pattern{trigger: p.trigger[:1], follow: p.follow}, start-1, v); ok2 {
					after, used, ok = a, u, true
				}
			}
		}
		if !ok {
			continue
		}
		span := 0
		if len(used) > 0 {
			span = used[len(used)-1] - v
		}
		// among equally specific patterns, annals' own before PETRARCH's,
		// then the one whose words lie nearest the trigger: "rejected
		// accusation that ... offer" is a denial
		better := best == nil || len(p.follow) > len(best.follow) ||
			len(p.follow) == len(best.follow) && (p.curated && !best.curated || p.curated == best.curated && span < bestSpan)
		if better {
			best, bestAfter, bestUsed, bestSpan = p, after, used, span
		}
	}
	return best, bestAfter, bestUsed
}

// matchOne matches one pattern at v.
func (s *sentence) matchOne(p *pattern, v, end int) (int, []int, bool) {
	j := v + 1
	for _, w := range p.trigger[1:] {
		for j < end && s.tok(j).Tag == "RB" && s.tok(j).Lower != "not" {
			j++
		}
		if j >= end || s.tok(j).Lemma != w && s.tok(j).Lower != w {
			return 0, nil, false
		}
		j++
	}
	var used []int
	k := j
	for fi, alts := range p.follow {
		if alts[0] == actorItem {
			// the object itself must be an actor, and not a possessor:
			// "called Erdogan to apologise", not "called the decision to
			// start talks irrational" or "called Polish Solidarity's strike"
			m, ok := s.actorAt(k, end)
			if !ok {
				return 0, nil, false
			}
			used = append(used, m.First)
			k = m.Last
			continue
		}
		found := false
		// six words, not counting the names of actors: "accepted Turkish
		// President Recep Tayyip Erdogan's invitation"
		limit := k + 6
		for i := k; i < limit && i < end; i++ {
			if s.inMention[i] {
				limit++
			}
		}
		limit = min(end, limit)
		for ; k < limit; k++ {
			t := s.tok(k)
			if k > j && (t.Tag == "MD" || (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "VBN" && isNoun(s.tok(k-1))) && !isAux(t)) && !has(alts, t.Lemma) && !has(alts, t.Lower) {
				break // another clause's verb: "said he would not provide support"
			}
			if !p.curated && isNoun(t) && !has(alts, t.Lemma) && !has(alts, t.Lower) && s.c.lx.nouns[t.Lemma] != nil && k+1 < end && s.tok(k+1).Tag == "IN" {
				// "announced its withdrawal from the deal": the object is an
				// event of its own, and the words after it are its own
				break
			}
			if t.Tag == "IN" && k+1 < end && when.IsTimeWord(s.tok(k+1).Lower) {
				continue // "whom Peru called a traitor on Monday": a date, not "call on"
			}
			if has(alts, t.Lemma) || has(alts, t.Lower) {
				// a noun item must head its phrase: "attacked government
				// forces" is not "attacked the government".
				if isNoun(t) && fi == len(p.follow)-1 && k+1 < end && (s.tok(k+1).Tag == "NN" || s.tok(k+1).Tag == "NNS") && !has(alts, s.tok(k+1).Lemma) && !lightHeads[s.tok(k+1).Lemma] {
					continue
				}
				found = true
				used = append(used, k)
				k++
				break
			}
		}
		if !found {
			return 0, nil, false
		}
	}
	return j, used, true
}

// actorItem is the follow item that stands for the object actor itself.
const actorItem = "@actor"

// actorAt returns the actor mention that starts at k, past determiners,
// when it is not a possessor ("Iran's decision"), alone or as the first
// word of a name that is ("Polish Solidarity's strike": a demonym the
// recognizer read apart from the unknown name it begins).
func (s *sentence) actorAt(k, end int) (annals.Mention, bool) {
	for k < end && (s.tok(k).Tag == "DT" || (s.tok(k).Tag == "PRP$" || s.tok(k).Tag == "JJ") && !s.inMention[k]) { // ("into western Rwanda")
		k++
	}
	for _, m := range s.ms {
		if m.First == k && m.Last <= end {
			e := m.Last
			for e < s.last && e < m.Last+3 && (s.tok(e).Tag == "NNP" || s.tok(e).Tag == "NNPS") {
				e++ // "Georgian Dream's": the demonym names part of a name that owns
			}
			if e < s.last && s.tok(e).Tag == "POS" {
				// "into Russia's Kursk region": a place of the possessor's
				// stands for it
				return m, s.possessedPlace(e+1, end)
			}
			return m, true
		}
	}
	return annals.Mention{}, false
}

// possessedPlace reports whether the noun phrase from k (after a
// possessive) is headed by a place noun ("Kursk region", "northern
// border"): names, adjectives and nouns up to its head.
func (s *sentence) possessedPlace(k, end int) bool {
	for ; k < end && k < s.last; k++ {
		t := s.tok(k)
		if placeNouns[t.Lemma] && (k+1 >= end || k+1 >= s.last || !isNoun(s.tok(k+1))) {
			return true
		}
		if !(t.Tag == "JJ" || t.Tag == "NNP" || t.Tag == "NN" || s.inMention[k]) {
			return false
		}
	}
	return false
}

// actorSlot returns the index in s.ms of the mention that p's @actor item
// matched (used holds one token per follow item), or -1.
func (s *sentence) actorSlot(p *pattern, used []int) int {
	if p == nil {
		return -1
	}
	for fi, alts := range p.follow {
		if alts[0] != actorItem || fi >= len(used) {
			continue
		}
		for i, m := range s.ms {
			if m.First == used[fi] {
				return i
			}
		}
	}
	return -1
}

func has(xs []string, x string) bool {
	for _, a := range xs {
		if a == x {
			return true
		}
	}
	return false
}

// lightHeads are nouns that add nothing to the noun before them: "ended
// mediation efforts" ends mediation, "launched attack operations" attacks.
var lightHeads = map[string]bool{"effort": true, "efforts": true, "operation": true, "operations": true,
	"activity": true, "activities": true, "process": true, "programme": true, "program": true}

// particle reports whether the token after v completes a two-word verb
// of the lexicon ("hand over", "carry out").
func (s *sentence) particle(v int) bool {
	n := s.tok(v + 1).Lower
	for _, p := range s.c.lx.verbs[s.tok(v).Lemma] {
		if len(p.trigger) > 1 && p.trigger[1] == n {
			return true
		}
	}
	return false
}

// sharpen gives the event of the support verb whose pattern took token k
// of the nominal trigger at n the nominal's more precise code: "carried
// out a chemical attack" is 2041, not 190.
func (s *sentence) sharpen(n, k int, p *pattern) bool {
	for i := len(s.events) - 1; i >= 0; i-- {
		e := &s.events[i]
		ti := s.tokenAt(e.TriggerSpan.Start)
		if ti < 0 || ti >= n || ti < n-8 || !supportVerbs[verbLemma(s.c.lx, s.tok(ti))] {
			continue
		}
		if info := s.c.lx.Info(p.code); info != nil && e.Code != p.code {
			e.Code, e.Rule = p.code, e.Rule+" + "+p.loc
			e.Root, e.QuadClass, e.Goldstein, e.Plover = info.Root, info.Quad, info.Goldstein, info.Plover
		}
		return true
	}
	return false
}

// specific reports whether a pattern with follow words matches the verb at
// v ("announced sanctions" is a sanction, not a statement).
func (s *sentence) specific(v int) bool {
	p, _, _ := s.matchPattern(s.c.lx.verbs[s.tok(v).Lemma], v, s.clauseEnd(v))
	return p != nil && len(p.follow) > 0 && p.code != "---"
}

// verbLemma returns the lemma under which the lexicon knows a verb. The
// dictionary lemmatizer leaves some inflected verbs alone ("launching" is
// also a noun); for verb tags, regular suffixes are tried too.
func verbLemma(lx *Lexicon, t *annals.Token) string {
	if lx.verbs[t.Lemma] != nil || !isVerb(t) {
		return t.Lemma
	}
	w := t.Lower
	var cands []string
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		b := w[:len(w)-3]
		cands = append(cands, b, b+"e")
		if n := len(b); n > 2 && b[n-1] == b[n-2] {
			cands = append(cands, b[:n-1]) // "shelling" -> "shell" is covered; "hitting" -> "hit"
		}
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		cands = append(cands, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		b := w[:len(w)-2]
		cands = append(cands, b, w[:len(w)-1])
		if n := len(b); n > 2 && b[n-1] == b[n-2] {
			cands = append(cands, b[:n-1])
		}
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		cands = append(cands, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "es") && len(w) > 3:
		cands = append(cands, w[:len(w)-2], w[:len(w)-1])
	case strings.HasSuffix(w, "s") && len(w) > 3:
		cands = append(cands, w[:len(w)-1])
	}
	for _, c := range cands {
		if lx.verbs[c] != nil {
			return c
		}
	}
	return t.Lemma
}

// supportVerbs carry a nominal event without adding their own meaning.
var supportVerbs = map[string]bool{"begin": true, "start": true, "launch": true, "carry": true, "conduct": true, "stage": true,
	"mount": true, "continue": true, "step": true, "intensify": true, "escalate": true, "resume": true, "hold": true,
	"make": true, "pay": true, "undertake": true, "perform": true, "unleash": true, "wage": true, "complete": true,
	"go": true, "give": true, "issue": true, "open": true, "deliver": true, "express": true, "lodge": true}

// measureVerbs put a measure into effect by naming it: whoever "announced
// sanctions" or "declared a ceasefire" is the one imposing or observing it.
var measureVerbs = map[string]bool{"announce": true, "declare": true, "unveil": true, "order": true, "introduce": true,
	"approve": true, "adopt": true, "impose": true}

// lightVerb reports a support or measure verb: one whose object names
// the event ("launched an offensive", "ordered restrictions").
func lightVerb(lx *Lexicon, t *annals.Token) bool {
	l := verbLemma(lx, t)
	return supportVerbs[l] || measureVerbs[l]
}

// agreedOn are the words whose "on" or "over" phrase names what is agreed:
// the measure in "struck a deal on fresh sanctions targeting Chad" or
// "agreed on a package of sanctions" is one the agreeing side intends to
// take, coded as intended with the agreeing side as its source.
var agreedOn = map[string]bool{"agreement": true, "deal": true, "accord": true, "consensus": true,
	"understanding": true, "agree": true, "compromise": true}

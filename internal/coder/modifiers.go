package coder

import (
	"fmt"

	"github.com/annals-events/annals"
)

// Clauses that describe a noun: a non-restrictive relative clause in the
// past perfect whose subject is the relative pronoun ("Wagner fighters, who had
// fought alongside the army, seized ...") tells who the noun is, not what
// happened in the story; a participle after a noun ("tourists visiting a
// meadow") is an event only when it has an actor argument of its own, a
// target besides the noun it describes.

// relWords open a relative clause.
var relWords = map[string]bool{"who": true, "which": true, "that": true, "whom": true, "whose": true, "where": true}

// describing drops the events told only to describe a noun.
func (s *sentence) describing() {
	s.drop(func(_ int, e annals.Event) string {
		ti := s.tokenAt(e.TriggerSpan.Start)
		if ti < 0 {
			return ""
		}
		if r := s.appositiveRelative(ti); r >= 0 {
			return fmt.Sprintf("%s %s->%s: in a relative clause (%q) that describes a noun, not coded", e.Code, e.Source, e.Target, s.tok(r).Text)
		}
		if s.attributive(ti) {
			return fmt.Sprintf("%s %s->%s: %q is a participle used as an adjective, not coded", e.Code, e.Source, e.Target, s.tok(ti).Text)
		}
		if e.Target == "" && s.describingParticiple(ti, e) {
			return fmt.Sprintf("%s %s->: a participle describing %q with no actor of its own, not coded", e.Code, e.Source, e.SourceText)
		}
		return ""
	})
}

// appositiveRelative returns the relative pronoun of the non-restrictive
// relative clause whose verb group holds v with the pronoun as its subject
// (", who had denied", ", which have fought"), or -1.
//
// Only a clause in the past perfect tells the noun's history, before the
// story's time ("who had fought alongside the army", "which had issued
// impeachment motions"); one in the simple past may be the story's news
// ("the mayor, who joined the march on Friday night, called
// ..."), and the present perfect an ongoing state the story is about
// ("the army, which has battled the rebels since ...").
func (s *sentence) appositiveRelative(v int) int {
	k := v - 1
	perfect := false
	for k > s.first && (isAux(s.tok(k)) || s.tok(k).Tag == "RB" || s.tok(k).Tag == "MD") {
		perfect = perfect || s.tok(k).Lemma == "have" && s.tok(k).Tag == "VBD" && s.tok(v).Tag == "VBN"
		k--
	}
	if k <= s.first || !perfect {
		return -1
	}
	if l := s.tok(k).Lower; (l == "who" || l == "which") && s.tok(k-1).Text == "," {
		return k
	}
	return -1
}

// describingParticiple reports a trigger that is a participle right after
// the noun it describes, that noun giving the event's source: "tourists
// visiting a meadow", "warships patrolling the Red Sea".
func (s *sentence) describingParticiple(v int, e annals.Event) bool {
	t := s.tok(v)
	if !(t.Tag == "VBG" || t.Tag == "VBN") || v-1 <= s.first || !participial(t) {
		return false
	}
	p := s.tok(v - 1)
	if !isNoun(p) || !s.inMention[v-1] {
		return false
	}
	return e.SourceSpan.End <= p.End && e.SourceSpan.End >= p.Start
}

// relativeAt reports a relative clause opening at k after the noun it
// describes ("a theatre where civilians were sheltering", "the group that
// kidnapped the journalists"): its actors are not the main predicate's
// object.
func (s *sentence) relativeAt(k int) bool {
	if k-1 <= s.first || !relWords[s.tok(k).Lower] {
		return false
	}
	t, p := s.tok(k), s.tok(k-1)
	if t.Lower == "that" && t.Tag != "WDT" {
		return false // a complementizer
	}
	return isNoun(p) || p.Text == ","
}

// attributive reports a past participle (or the past form the tagger
// took for a tense) used as an adjective before its noun: "wounded soldiers", "the armed groups", "a heavily armed
// minority". It is preceded by a determiner, a number, an adjective, an
// adverb after one of those, a preposition or a relative adverb, and
// followed by the noun (past adjectives).
func (s *sentence) attributive(v int) bool {
	tag := s.tok(v).Tag
	if tag != "VBN" && tag != "VBD" || v-1 < s.first || v+1 >= s.last {
		return false
	}
	p := v - 1
	for p > s.first && s.tok(p).Tag == "RB" {
		p-- // "a heavily armed minority"
	}
	switch s.tok(p).Tag {
	case "DT", "PDT", "CD", "JJ", "PRP$", "POS", "IN", "WRB":
	default:
		return false
	}
	if p < v-1 && s.tok(p).Tag == "IN" {
		return false // "was by far deployed"
	}
	if tag == "VBD" && (s.tok(p).Tag == "IN" || s.tok(p).Tag == "JJ") {
		// a past tense the tagger read right: "the strike that/IN killed
		// civilians", "the secretary-general/JJ urged Israel"
		return false
	}
	for k := v + 1; k < s.last && k <= v+3; k++ {
		t := s.tok(k)
		if isNoun(t) {
			return t.Tag == "NN" || t.Tag == "NNS" // a common noun: not "urged Israel"
		}
		if t.Tag != "JJ" {
			return false
		}
	}
	return false
}

// closedRelative returns the mention a restrictive relative clause
// describes when that clause has closed before the verb group at vg,
// which is then the main clause's: "A Ukrainian airliner that had just
// taken off from Tehran was shot down". The clause opens with its pronoun
// as subject (no actor before its own verb) and holds a verb of its own
// before vg. It returns -1 otherwise.
func (s *sentence) closedRelative(vg int) int {
	r := s.clauseStart(vg)
	if r <= s.first+1 || r >= vg || !relativePronoun(s.tok(r)) || s.tok(r-1).Text == "," {
		return -1
	}
	own := -1 // the clause's own verb
	for k := r + 1; k < vg; k++ {
		t := s.tok(k)
		if s.inMention[k] && own < 0 {
			return -1 // "the town that Russian troops seized": a subject of its own
		}
		if isVerb(t) && !isAux(t) && own < 0 {
			own = k
		}
	}
	if own < 0 {
		return -1
	}
	for i := len(s.ms) - 1; i >= 0; i-- {
		if m := s.ms[i]; m.Last <= r && m.Last >= r-3 && allNouns(s.doc.Tokens[m.Last:r]) {
			return i // the mention or its head noun before the pronoun
		}
	}
	return -1
}

// relativePronoun reports who, which or a relative "that".
func relativePronoun(t *annals.Token) bool {
	return t.Lower == "who" || t.Lower == "which" || t.Lower == "that" && t.Tag == "WDT"
}

// phraseConjunct reports a mention coordinated with the one before it
// when that one stands inside a prepositional phrase: the second conjunct
// of "over Syria and Iraq" is in the phrase too.
func (s *sentence) phraseConjunct(i int) bool {
	if i <= 0 {
		return false
	}
	a, b := s.ms[i-1], s.ms[i]
	if a.Last > b.First || a.First <= s.first {
		return false
	}
	gap := s.doc.Tokens[a.Last:b.First]
	if !coordGap(gap) || !conjGap(gap) && !s.listCloses(i-1) {
		return false
	}
	if gap[0].Text == "," && b.Last < s.last && s.finite(b.Last) {
		return false // "rockets at northern Israel, and Israeli jets struck": the next clause's subject
	}
	k := s.startPP(a.First)
	if k < 0 && s.tok(a.First-1).Tag == "IN" && !subordinators[s.tok(a.First-1).Lower] {
		k = a.First - 1
	}
	// (not "of": "the foreign ministers of Chile and Peru condemned"
	// names whose ministers)
	return k >= 0 && s.tok(k).Lower != "of"
}

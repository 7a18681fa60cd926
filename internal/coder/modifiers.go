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
// ("Zourabichvili, who joined the protest on Thursday evening, called
// ..."), and the present perfect an ongoing state the story is about
// ("the military, which has fought the RSF since ...").
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

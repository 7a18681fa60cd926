package coder

import (
	"github.com/annals-events/annals"
)

// An object named by a proper name no dictionary knows is often told by
// the appositive after it: "stormed Baabda Palace, the Lebanese
// president's official residence", "attacked Tskhinvali, the capital of
// South Ossetia", "met Nabih Berri, the speaker of Lebanon's parliament".
// The actor the appositive names (its owner, or the place or body it
// belongs to) is what the act is aimed at.

// appositiveMax is how many words an appositive may run before the comma
// or the clause end that closes it.
const appositiveMax = 10

// appositiveOwner returns the coded actor of the appositive that follows a
// proper-name object starting at from (the first word after the
// predicate and its pattern): the name's words, a comma, then a noun
// phrase opened by a determiner or possessive, up to the next comma or
// the clause end at end. A relative or participle clause ends it too.
func (s *sentence) appositiveOwner(from, end int) (annals.Mention, bool) {
	k := from
	for k < end && s.tok(k).Lower == "the" {
		k++
	}
	name := k
	for k < end && (s.tok(k).Tag == "NNP" || s.tok(k).Tag == "NNPS") {
		k++
	}
	if k == name || k >= end || s.tok(k).Text != "," {
		return annals.Mention{}, false
	}
	for i := name; i < k; i++ {
		for _, m := range s.ms {
			if m.First <= i && i < m.Last && m.Code != "" {
				return annals.Mention{}, false // a name the dictionaries know is its own target
			}
		}
	}
	a := k + 1
	if a >= end {
		return annals.Mention{}, false
	}
	if t := s.tok(a); t.Tag != "DT" && t.Tag != "PRP$" && !s.inMention[a] {
		return annals.Mention{}, false // ", killing ...", ", saying ...": no appositive
	}
	for j := a; j < end && j <= a+appositiveMax; j++ {
		t := s.tok(j)
		if t.Text == "," || relPronoun(t) || isVerb(t) && !s.inMention[j] {
			break
		}
		for _, m := range s.ms {
			if m.First == j && m.Code != "" {
				return m, true
			}
		}
	}
	return annals.Mention{}, false
}

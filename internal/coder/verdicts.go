package coder

// Verdicts: a speaker who says that an actor's act is unlawful or
// unacceptable criticises the actor ('"Israel's occupation of Palestinian
// territories is unlawful," the court said').

import (
	"fmt"

	"github.com/annals-events/annals"
)

// verdictAdjectives are the predicate adjectives of a verdict, with the
// code of the criticism they make.
var verdictAdjectives = map[string]string{
	"unlawful": "111", "illegal": "111", "illegitimate": "111", "unacceptable": "111",
	"criminal": "111", "barbaric": "111", "outrageous": "111", "shameful": "111",
	"disgraceful": "111", "reckless": "111", "irresponsible": "111", "inhumane": "111",
}

// verdictPreps may join the subject's head to its modifiers ("China's
// claims in the South China Sea").
var verdictPreps = map[string]bool{"of": true, "in": true, "on": true, "against": true, "over": true, "toward": true, "towards": true}

// verdicts codes each 'X's act is <verdict adjective>' that a speaker says.
func (s *sentence) verdicts() {
	for i := s.first + 1; i+1 < s.last; i++ {
		be := s.tok(i)
		if be.Lemma != "be" || !isVerb(be) || s.tok(i-1).Tag == "MD" {
			continue // ("would be illegal" is no verdict yet)
		}
		code := verdictAdjectives[s.tok(i+1).Lower]
		if code == "" {
			continue // (nor "is not illegal")
		}
		tgt, ok := s.verdictOn(i)
		if !ok {
			continue
		}
		src, ok := s.verdictSpeaker(i)
		if !ok || src.Code == tgt.Code || s.criticised(src.Code, tgt.Code) {
			continue
		}
		e := s.event(src, &tgt, code, "verdict: be "+s.tok(i+1).Lower, i+1, i+2, annals.Asserted)
		e.Confidence = 0.7
		s.events = append(s.events, e)
		s.tr.add(fmt.Sprintf("%s: a verdict on %s's act, %s %s->%s", s.tok(i+1).Text, tgt.Text, code, src.Code, tgt.Code))
	}
}

// verdictOn returns the actor whose act the subject of the copula at i
// names: the possessor or adjective that opens it ("Israel's occupation of
// ...", "the Russian strikes").
func (s *sentence) verdictOn(i int) (annals.Mention, bool) {
	a := i
	for a > s.first {
		t := s.tok(a - 1)
		if !(s.inMention[a-1] || isNoun(t) || t.Tag == "JJ" || t.Tag == "DT" || t.Tag == "POS" || t.Lower == "'s" || verdictPreps[t.Lower]) {
			break
		}
		a--
	}
	if a >= i {
		return annals.Mention{}, false
	}
	if s.tok(a).Tag == "DT" {
		a++
	}
	for _, m := range s.ms {
		if m.First != a || m.Code == "" || m.Place || m.Last >= i {
			continue
		}
		if n := s.tok(m.Last); n.Tag == "POS" || n.Lower == "'s" || isNoun(n) && !s.inMention[m.Last] {
			return m, true
		}
	}
	return annals.Mention{}, false
}

// verdictSpeaker returns who says the verdict at i: the speaker named
// after the quotation, the subject of a reporting verb before it, or the
// one who opened a quotation left open.
func (s *sentence) verdictSpeaker(i int) (annals.Mention, bool) {
	for _, m := range s.ms {
		if m.First > i && m.Code != "" && s.speaker(m) {
			return m, true
		}
	}
	for k := len(s.reports) - 1; k >= 0; k-- {
		if r := s.reports[k]; r.verb < i && r.speaker.Code != "" {
			return r.speaker, true
		}
	}
	return s.carriedSpeaker(i)
}

// criticised reports an event of root 11 from src to tgt already coded
// (an accusation the claims pass made of the same words).
func (s *sentence) criticised(src, tgt string) bool {
	for _, e := range s.events {
		if e.Source == src && e.Target == tgt && len(e.Code) >= 2 && e.Code[:2] == "11" {
			return true
		}
	}
	return false
}

package coder

// Verdicts: a speaker who says that an actor's act is unlawful or
// unacceptable criticises the actor ('"Israel's occupation of Palestinian
// territories is unlawful," the court said'), and so does one who calls it
// a violation or a provocation, or says it jeopardized something. The
// words are rows of lexicon/verdicts.tsv.

import (
	"fmt"

	"github.com/annals-events/annals"
)

// verdictPreps may join the subject's head to its modifiers ("China's
// claims in the South China Sea").
var verdictPreps = map[string]bool{"of": true, "in": true, "on": true, "against": true, "over": true, "toward": true, "towards": true}

// verdicts codes each 'X's act is <verdict adjective>' that a speaker says.
func (s *sentence) verdicts() {
	s.nounVerdicts()
	for i := s.first + 1; i+1 < s.last; i++ {
		be := s.tok(i)
		if be.Lemma != "be" || !isVerb(be) || s.tok(i-1).Tag == "MD" {
			continue // ("would be illegal" is no verdict yet)
		}
		code := s.c.lx.verdicts["adjective"][s.tok(i+1).Lower]
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

// nounVerdicts codes a verdict noun after a verdict frame ("such attacks
// constitute a violation", "the Tbilisi government has committed one more
// provocation", "this represents an unacceptable escalation") and a
// verdict verb whose subject is an act ("Petro's decision jeopardized
// national security"), when a speaker says it: the speaker criticises
// the act's doer, or no one named ("this represents ...").
func (s *sentence) nounVerdicts() {
	words := s.c.lx.verdicts
	for i := s.first + 1; i < s.last; i++ {
		t := s.tok(i)
		vg, code := -1, ""
		switch {
		case isNoun(t) && words["noun"][t.Lemma] != "":
			code = words["noun"][t.Lemma]
			k := i - 1
			for k > s.first && (s.tok(k).Tag == "DT" || s.tok(k).Tag == "JJ" || s.tok(k).Tag == "RB" || s.tok(k).Tag == "CD" || s.tok(k).Tag == "NN" && !s.inMention[k] || s.tok(k).Lower == "another" ||
				(s.tok(k).Lower == "and" || s.tok(k).Lower == "or" || s.tok(k).Text == ",") && (s.tok(k-1).Tag == "JJ" || s.tok(k-1).Tag == "NN")) {
				k--
			}
			if k >= s.first && s.tok(k).Lower == "to" && k > s.first && s.tok(k-1).Lemma == "amount" {
				k-- // "amounts to a war crime"
			}
			if !isVerb(s.tok(k)) || words["frame"][s.tok(k).Lemma] == "" {
				s.labelVerdict(i, k, code)
				continue
			}
			vg = k
		case isVerb(t) && t.Tag != "VBG" && words["verb"][t.Lemma] != "":
			code, vg = words["verb"][t.Lemma], i
		default:
			continue
		}
		for vg > s.first && (isAux(s.tok(vg-1)) || s.tok(vg-1).Tag == "RB" || isQuote(s.tok(vg-1).Text)) {
			if negators[s.tok(vg-1).Lower] {
				vg = -1
				break
			}
			vg--
		}
		if vg < 0 || vg > s.first && s.tok(vg-1).Tag == "MD" {
			continue // "is not a violation", "would be a provocation"
		}
		src, ok := s.verdictSpeaker(i)
		if !ok {
			continue
		}
		tgt, named := s.verdictDoer(vg, src)
		if !named && !s.demonstrativeSubject(vg) {
			continue
		}
		var tp *annals.Mention
		if named {
			if tgt.Code == src.Code || s.criticised(src.Code, tgt.Code) {
				continue
			}
			tp = &tgt
		}
		e := s.event(src, tp, code, "verdict: "+t.Lemma, i, i+1, annals.Asserted)
		e.Confidence = 0.7
		s.events = append(s.events, e)
		s.tr.add(fmt.Sprintf("%s: a verdict by %s, %s", t.Text, src.Text, code))
	}
}

// verdictDoer returns whom the subject of the verb group at vg names: an
// actor right before it ("the Kyiv regime has undertaken"), the possessor
// of its head noun ("Petro's decision jeopardized"), or the doer of an act
// the article told before ("such attacks constitute").
func (s *sentence) verdictDoer(vg int, src annals.Mention) (annals.Mention, bool) {
	for _, m := range s.ms {
		if m.Last == vg && m.Code != "" && !m.Place {
			return m, true
		}
	}
	if m, ok := s.verdictOn(vg); ok {
		return m, true
	}
	a := vg - 1
	if a >= s.first && isNoun(s.tok(a)) && !s.inMention[a] {
		for a > s.first && (isNoun(s.tok(a-1)) || s.tok(a-1).Tag == "JJ" || s.tok(a-1).Tag == "DT") && !s.inMention[a-1] {
			a--
		}
		if m, ok := s.doerOfObject(a, vg, src); ok {
			return m, true
		}
	}
	return annals.Mention{}, false
}

// demonstrativeSubject reports a subject that points back at what was
// just told: "This represents", "It was".
func (s *sentence) demonstrativeSubject(vg int) bool {
	k := vg - 1
	for k >= s.first && isQuote(s.tok(k).Text) {
		k--
	}
	if k < s.first {
		return false
	}
	switch s.tok(k).Lower {
	case "this", "that", "it":
		return k == s.first || isQuote(s.tok(k-1).Text) || s.tok(k-1).Text == ","
	}
	return false
}

// labelPreps join a label verb's object to its modifiers ("the strike on
// its consulate", "the incursion into the Kursk region").
var labelPreps = map[string]bool{"of": true, "on": true, "in": true, "into": true, "against": true, "by": true, "from": true, "at": true, "near": true, "over": true}

// labelVerdict codes a verdict noun at i that a label verb's subject
// gives its object ("Kucan called the intervention an act of aggression",
// "Moscow described the raid as a provocation"): the subject criticises
// the object's doer (its possessor or demonym, else the doer of the act
// the article told before), or the object itself when it is an actor.
// k is the token before the verdict's determiners and adjectives.
func (s *sentence) labelVerdict(i, k int, code string) {
	j := k
	if j > s.first+1 && s.tok(j).Lower == "of" && s.tok(j-1).Lemma == "act" {
		j -= 2 // "an act of aggression"
		for j > s.first && (s.tok(j).Tag == "DT" || s.tok(j).Tag == "JJ") {
			j--
		}
	}
	if j > s.first && s.tok(j).Lower == "as" {
		j-- // "described the raid as a provocation"
	}
	o := j
	for o > s.first && (s.inMention[o] || isNoun(s.tok(o)) || s.tok(o).Tag == "JJ" || s.tok(o).Tag == "DT" || s.tok(o).Tag == "POS" || s.tok(o).Tag == "PRP$" || s.tok(o).Tag == "CD" ||
		labelPreps[s.tok(o).Lower] && o < j) {
		o-- // ("called the strike on its consulate ...": the object's own modifiers)
	}
	v := s.tok(o)
	if o == j || !isVerb(v) || s.c.lx.verdicts["label"][v.Lemma] == "" {
		return
	}
	for g := o - 1; g >= s.first && g >= o-3 && (isAux(s.tok(g)) || s.tok(g).Tag == "RB" || s.tok(g).Tag == "MD"); g-- {
		if negators[s.tok(g).Lower] || s.tok(g).Tag == "MD" {
			return // "did not call it a violation", "would call it a provocation"
		}
	}
	src := s.subject(o)
	if len(src) == 0 || src[0].Code == "" {
		return
	}
	var tp *annals.Mention
	for _, m := range s.ms {
		if m.First > o && m.First <= o+2 && m.Last <= j+1 && m.Code != "" && !m.Place && (m.Last == j+1 || s.tok(m.Last).Tag == "POS" || isNoun(s.tok(m.Last)) || s.tok(m.Last).Tag == "JJ") {
			tp = &m // "called Russia's invasion", "called the Russian strikes", "called Hamas"
			break
		}
	}
	if tp == nil {
		if m, ok := s.doerOfObject(o+1, j+1, src[0]); ok {
			tp = &m // "called the strikes an act of aggression": whoever struck
		}
	}
	if tp != nil && (tp.Code == src[0].Code || s.criticised(src[0].Code, tp.Code)) {
		return
	}
	e := s.event(src[0], tp, code, "verdict: "+v.Lemma+" + "+s.tok(i).Lemma, i, i+1, annals.Asserted)
	e.Confidence = 0.7
	s.events = append(s.events, e)
	s.tr.add(fmt.Sprintf("%s: %s gives it a verdict, %s", s.tok(i).Text, src[0].Text, code))
}

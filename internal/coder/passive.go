package coder

import "github.com/annals-events/annals"

// Passive predicates: the patient stands as the subject and the doer, when
// the sentence names one, in the by-phrase ("Four regions of Ukraine were
// annexed by Russia"). An agentless passive names no doer, and the coder
// invents none: "was arrested on a warrant from the court" has no source.

// passiveTarget returns the actors the subject of passive v names: its
// own actor, else the one its "of" phrase names ("regions of Ukraine",
// "the capital of Sudan").
//
// Where force is used (root from 17), a place the subject stands in
// stands for its state: "three villages in northern Burkina Faso were
// attacked".
func (s *sentence) passiveTarget(v int, root string) []annals.Mention {
	if tgt := s.subject(v); len(tgt) > 0 {
		return tgt
	}
	cs := s.clauseStart(v)
	for i := len(s.ms) - 1; i >= 0; i-- {
		m := s.ms[i]
		if m.Last > v || m.First < cs || m.First-2 < s.first {
			continue
		}
		k := m.First - 1
		if s.tok(k).Tag == "DT" {
			k--
		}
		for k > cs && s.tok(k).Tag == "JJ" {
			k-- // "in northern Burkina Faso"
		}
		p := s.tok(k).Lower
		if k-1 < cs || !(p == "of" || root >= "17" && (p == "in" || p == "near")) || !isNoun(s.tok(k-1)) || s.inMention[k-1] {
			continue
		}
		// nothing but the rest of the noun phrase and the verb group
		// between the actor and v: "regions of Ukraine were annexed"
		ok := true
		for j := m.Last; j < v; j++ {
			if t := s.tok(j); !(isAux(t) || t.Tag == "RB" || isNoun(t) || t.Tag == "JJ") || t.Text == "," {
				ok = false
				break
			}
		}
		// and the head noun opens the clause's subject, after no
		// preposition: not "the capture of Bakhmut in a battle with ..."
		if ok && s.startPP(k-1) < 0 {
			return s.coordinated(i)
		}
		break
	}
	return nil
}

// passiveAgent returns the doer of passive v named in [v+1, end): "by
// X", or "from X" where the phrase hangs on the verb ("a mortar bomb was
// fired at it from the Gaza Strip"), not on a noun ("arrested on a warrant
// from the ICC" names no arrester).
func (s *sentence) passiveAgent(v, end int) []annals.Mention {
	return s.agentWith(v, end, func(k int) bool {
		p := s.tok(k - 1)
		return !(isNoun(p) && !s.inMention[k-1])
	})
}

// participleAgent returns the by-agent of a passive participle that
// describes a noun in [from, end): "drones launched by the Houthis",
// "a convoy escorted by UN troops".
func (s *sentence) participleAgent(from, end int) []annals.Mention {
	for k := from + 1; k+1 < end; k++ {
		if s.tok(k).Lower != "by" {
			continue
		}
		if p := s.tok(k - 1); (p.Tag == "VBN" || p.Tag == "VBD") && k-2 >= from && isNoun(s.tok(k-2)) {
			return s.byAgent(k-1, end)
		}
		return nil
	}
	return nil
}

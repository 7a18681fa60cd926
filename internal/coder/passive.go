package coder

import (
	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/when"
)

// Passive predicates and agents: where a predicate is passive (an
// auxiliary before a participle, a participle after its noun), who its
// doer is ("by X"), and the past forms that describe a noun ("the
// journalists detained during the protest"). The patient stands as the
// subject and the doer, when the sentence names one, in the by-phrase
// ("Four regions of Ukraine were annexed by Russia"). An agentless passive
// names no doer, and the coder invents none: "was arrested on a warrant
// from the court" has no source.

// passiveTarget returns the actors the subject of passive v names: its
// own actor, else the one its "of" phrase names ("regions of Ukraine",
// "the capital of Sudan").
//
// Where force is used (root from 17), a place the subject stands in
// stands for its state: "three villages in northern Burkina Faso were
// attacked". When fired is set (the row's own object word stands before
// the verb: "rockets were fired"), the subject is what was fired and the
// target is where it was aimed (aimedAt).
func (s *sentence) passiveTarget(v int, root string, fired bool) []annals.Mention {
	if tgt := s.subject(v); len(tgt) > 0 {
		if !fired || !allMeans(tgt) {
			return tgt
		}
		// "dozens of rockets were fired from Lebanon at Israel": the
		// weapons the row names as what is fired ("fire missile") are not
		// its target; where they were aimed is (but "drones were shot
		// down": the drones are what was hit)
		return s.aimedAt(v, root)
	}
	if fired {
		return s.aimedAt(v, root) // "dozens of rockets were fired from Lebanon at northern Israel"
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

// passive reports a be/get auxiliary before a past participle, or a
// participle modifying a noun with a by-agent ("warplanes supported by
// Russia").
func (s *sentence) passive(v int) bool {
	if t := s.tok(v); (t.Tag == "VBD" || t.Tag == "VBN") && s.headline() && v > s.first && isNoun(s.tok(v-1)) &&
		patientVerbs[verbLemma(s.c.lx, t)] && !s.objectNext(v) {
		// a headline tells what happened in the present tense; its past
		// form without an object is a passive: "Two French soldiers
		// killed in Afghanistan", "Journalist abducted in Syria"
		return true
	}
	if s.tok(v).Tag == "VBD" && v > s.first && isNoun(s.tok(v-1)) {
		return s.reducedRelative(v) || s.patientParticiple(v)
	}
	if (s.tok(v).Tag == "VBN" || s.tok(v).Tag == "VBD") && v-2 >= s.first && s.tok(v-1).Text == "," && isNoun(s.tok(v-2)) && v+1 < s.last &&
		(s.tok(v+1).Lower == "by" || patientVerbs[verbLemma(s.c.lx, s.tok(v))] && !s.objectNext(v)) {
		return true // "The ceasefire, brokered by Egypt and Qatar,", "Eighteen fishermen, held captive in Libya,"
	}
	if s.tok(v).Tag != "VBN" {
		return false
	}
	if v > s.first && isNoun(s.tok(v-1)) && s.reducedRelative(v) {
		return true // "there were ten soldiers killed in ..."
	}
	if v > s.first && isNoun(s.tok(v-1)) && v+1 < s.last {
		// "freed the blogger and activists arrested last week": a
		// participle after a noun, once the main verb has come
		for k := v - 2; k >= s.first; k-- {
			if t := s.tok(k); (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP") && !isAux(t) ||
				t.Tag == "VBN" && k > s.first && s.tok(k-1).Lemma == "have" { // "have freed the blogger, along with activists arrested last week"
				return true
			}
		}
		// a participle after a noun: "warplanes supported by Russia",
		// "the civilians imprisoned for acting against Moscow"
		switch n := s.tok(v + 1); {
		case n.Lower == "by":
			return true
		case n.Tag == "IN" || n.Tag == "," || n.Tag == "RB" || n.Tag == "TO":
			// only when a main verb follows; otherwise the tagger called a
			// past tense a participle ("protesters rallied in Islamabad")
			for k := v + 2; k < s.last; k++ {
				if t := s.tok(k); t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" {
					return true
				}
			}
		}
	}
	for i := v - 1; i >= s.first && i >= v-3; i-- {
		t := s.tok(i)
		if t.Lemma == "be" || t.Lemma == "get" {
			return true
		}
		if t.Tag != "RB" && t.Tag != "VBN" && !when.IsTimeWord(t.Lower) { // ("was today called off")
			return false
		}
	}
	return false
}

// nounBy reports whether the "by" before mention start m follows a noun
// ("the violation of its airspace by Iran"), not a participle.
func (s *sentence) nounBy(from, m int) bool {
	for k := m - 1; k > from; k-- {
		if s.tok(k).Lower == "by" {
			return isNoun(s.tok(k - 1))
		}
	}
	return false
}

// byAgent returns the mention after "by" (or "from") following v: a
// passive's agent, or who gives "support from X".
func (s *sentence) byAgent(from, end int) []annals.Mention { return s.agentAfter(from, end, true) }

// agentAfter is byAgent, with "from" naming the agent only when withFrom
// is set: "a withdrawal from ECOWAS" is not ECOWAS's.
func (s *sentence) agentAfter(from, end int, withFrom bool) []annals.Mention {
	return s.agentWith(from, end, func(int) bool { return withFrom })
}

// agentWith is agentAfter, with "from" at token k naming the agent when
// fromOK(k) says so.
func (s *sentence) agentWith(from, end int, fromOK func(k int) bool) []annals.Mention {
	for i, m := range s.ms {
		if m.First <= from || m.First >= end || m.First == s.first {
			continue
		}
		// "by Russia", "by the army", "by prison guards", "by a wave of
		// Russian missiles" (a quantity of them: quantities)
		for k, back := m.First-1, m.First-3; k > from && k >= back; k-- {
			w := s.tok(k)
			if w.Lower == "of" && k-1 > from && quantities[s.tok(k-1).Lower] {
				k--
				back = k - 2
				continue
			}
			if w.Lower == "by" || w.Lower == "from" && fromOK(k) {
				if s.hazardBefore(m.Last, min(m.Last+4, end)) {
					return nil // "killed by the Malaysia Airlines flight MH17 crash"
				}
				if n := i + 1; m.Code == "" && n < len(s.ms) && s.ms[n].First == m.Last && s.ms[n].Code != "" {
					return s.coordinated(n) // "by Kazakh security forces": the coded head of the phrase
				}
				return s.coordinated(i)
			}
			if !(w.Tag == "DT" || w.Tag == "JJ" || isNoun(w) || w.Tag == "PRP$") {
				break
			}
		}
	}
	return nil
}

// reducedRelative reports whether a past form the tagger read as a past
// tense is a participle after its noun: "there were ten soldiers killed
// in ...". ("Five policemen killed in Helmand were buried" reads the same
// as "Russia vetoed on Friday a resolution ... that is ...", so a later
// verb alone is not taken as a sign.)
func (s *sentence) reducedRelative(v int) bool {
	i := v - 1
	for i > s.first && (isNoun(s.tok(i)) || s.tok(i).Tag == "JJ" || s.tok(i).Tag == "CD" || s.tok(i).Tag == "DT") {
		i--
	}
	if i > s.first && s.tok(i).Lemma == "be" && s.tok(i-1).Tag == "EX" {
		return true
	}
	return false
}

// patientVerbs only make sense with the one they act on: without an object
// after them, their past form is a participle.
var patientVerbs = map[string]bool{"jail": true, "imprison": true, "arrest": true, "detain": true, "kill": true, "wound": true,
	"injure": true, "abduct": true, "kidnap": true, "capture": true, "release": true, "free": true, "execute": true,
	"convict": true, "sentence": true, "accuse": true, "charge": true, "deport": true, "expel": true, "behead": true,
	"torture": true, "exile": true, "indict": true, "hold": true, "seize": true, "arm": true, "equip": true}

// patientParticiple reports whether the past form at v, after a noun, is a
// participle modifying it: "the mayor, a member of Hamas jailed over a year
// ago", "officials accused of playing a role". The verb needs an object
// and has none, and the clause's own verb came earlier.
func (s *sentence) patientParticiple(v int) bool {
	if !patientVerbs[verbLemma(s.c.lx, s.tok(v))] || v+1 >= s.last {
		return false
	}
	switch n := s.tok(v + 1); {
	case n.Tag == "DT" || n.Tag == "CD" || n.Tag == "PRP" || n.Tag == "PRP$" || isNoun(n) || n.Tag == "JJ":
		return false // an object: "killed five soldiers"
	case (n.Lower == "at" || n.Lower == "more" || n.Lower == "over" || n.Lower == "about" || n.Lower == "nearly" || n.Lower == "up") &&
		v+3 < s.last && (s.tok(v+2).Tag == "CD" || s.tok(v+3).Tag == "CD"):
		return false // "killed at least 20"
	}
	for k := v - 2; k >= s.first; k-- {
		if t := s.tok(k); (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP") && !isAux(t) {
			return true
		}
	}
	// "the journalists detained during the protest were released": the
	// clause's own verb follows, past phrases and no noun phrase of its
	// own ("police arrested on Friday five men who ..." has one)
	if n := s.tok(v + 1); n.Tag != "IN" && n.Tag != "RB" && n.Tag != "RP" {
		return false
	}
	for k := v + 2; k < s.last; k++ {
		t := s.tok(k)
		switch {
		case t.Lower == "who" || t.Lower == "which" || t.Lower == "that" || t.Tag == "," || t.Tag == "CC":
			return false
		case t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD":
			return true
		case (t.Tag == "DT" || t.Tag == "CD") && s.tok(k-1).Tag != "IN":
			return false // a noun phrase not inside a prepositional phrase
		}
	}
	return false
}

// aimedAt returns the actor after passive v that a weapon was aimed at
// ("at northern Israel", "towards Israel"), or nil.
func (s *sentence) aimedAt(v int, root string) []annals.Mention {
	for i, m := range s.ms {
		if m.First <= v || m.First >= s.clauseEnd(v) {
			continue
		}
		k := m.First - 1
		for k > v && (s.tok(k).Tag == "DT" || s.tok(k).Tag == "JJ") {
			k--
		}
		if has(aimPreps, s.tok(k).Lower) && !s.namesThing(m, root) {
			return oneSide(s.coordinated(i))
		}
	}
	return nil
}

// aimPreps name where a weapon is aimed.
var aimPreps = []string{"at", "on", "into", "towards", "toward", "against"}

// allMeans reports mentions that all name weapons or platforms (Mention.Means).
func allMeans(ms []annals.Mention) bool {
	for _, m := range ms {
		if !m.Means {
			return false
		}
	}
	return len(ms) > 0
}

// clauseVictims returns, from the tree, the subject of the passive killing
// or wounding that the clause of v modifies: "three Pakistani soldiers
// were killed when militants attacked an air base" (the soldiers), or
// nil.
func (s *sentence) clauseVictims(v int) []annals.Mention {
	if !s.tree || s.rel(v) != "advcl" {
		return nil
	}
	h := s.head(v)
	if h < 0 || !s.passiveTree(h) || !resultVerbs[verbLemma(s.c.lx, s.tok(h))] {
		return nil
	}
	for _, d := range s.children(h, subjectRels) {
		if i, ok := s.phraseMention(d); ok && s.ms[i].Code != "" && !s.ms[i].Place {
			return s.coordinated(i)
		}
	}
	return nil
}

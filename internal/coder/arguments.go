package coder

// Arguments: the actors of a predicate, its subject (with coordination,
// relative clauses and participles) and its object or target.

import (
	"sort"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/when"
)

// beforeApposition returns the mention that an apposition closing at the
// comma c describes: the apposition opens at an earlier comma, holds a
// noun phrase and no verb of its own, and the mention ends at that comma
// and stands at the start of its clause. It returns -1 otherwise.
func (s *sentence) beforeApposition(c int) int {
	for k := c - 1; k > s.first && k >= c-25; k-- {
		t := s.tok(k)
		if t.Text == "," {
			if k+1 >= c || !(s.tok(k+1).Tag == "DT" || s.tok(k+1).Tag == "PRP$" || s.tok(k+1).Tag == "JJ" || isNoun(s.tok(k+1)) || s.inMention[k+1]) {
				return -1
			}
			for i := len(s.ms) - 1; i >= 0; i-- {
				m := s.ms[i]
				if m.Last != k || s.clauseStart(m.First) > s.first+1 || !(m.First == s.first || s.tok(m.First-1).Tag == "DT") {
					continue
				}
				if m.Code != "" {
					return i
				}
				// "Maria Santos, deputy head of the Chilean
				// government's water agency, accused": a
				// name no dictionary knows, said who he is by the apposition
				for j, a := range s.ms {
					if a.First > k && a.Last <= c && a.Code != "" {
						return j
					}
				}
			}
			return -1
		}
		if isVerb(t) && t.Tag != "VBN" && t.Tag != "VBG" || t.Tag == "MD" || t.Tag == "WDT" || t.Tag == "WP" || t.Text == "(" || t.Text == ")" || t.Text == "\"" {
			return -1
		}
	}
	return -1
}

// objectNext reports a noun phrase right after the verb at v: its object.
func (s *sentence) objectNext(v int) bool {
	if v+1 >= s.last {
		return false
	}
	n := s.tok(v + 1)
	if n.Tag == "JJ" {
		// "seized military facilities", but not "held captive in Libya"
		for k := v + 2; k < s.last && k <= v+4; k++ {
			if t := s.tok(k); isNoun(t) {
				return true
			} else if t.Tag != "JJ" && t.Tag != "," && t.Tag != "CC" {
				return false
			}
		}
		return false
	}
	return n.Tag == "DT" || n.Tag == "CD" || n.Tag == "PRP" || n.Tag == "PRP$" || isNoun(n)
}

// subject returns the actor(s) before v in its clause, or the subject of
// the clause a relative pronoun or participle hangs from.
func (s *sentence) subject(v int) []annals.Mention {
	if s.tree {
		if ms, ok := s.treeSubject(v); ok {
			return ms
		}
	} else if s.c.Tree && s.parsedTree {
		if ms, ok := s.gardenPathSubject(v); ok {
			return ms
		}
	}
	if ms, ok := s.frontedSubject(v); ok {
		return ms
	}
	cs := s.clauseStart(v)
	// a finite verb between a candidate and v owns the candidate, unless v
	// is coordinated with it ("condemned the attack and summoned ...").
	vg := v
	for vg > s.first && (s.tok(vg-1).Tag == "MD" || s.tok(vg-1).Tag == "RB" || isAux(s.tok(vg-1))) {
		vg--
	}
	coordVP := vg > s.first && (s.tok(vg-1).Lower == "and" || s.tok(vg-1).Lower == "or" || s.tok(vg-1).Lower == "but")
	if !coordVP && s.headlineCoord(vg) {
		// "Putin announces partial mobilisation, threatens West": a
		// headline joins its verbs with a comma
		for g := vg - 2; g > s.first && g >= vg-20; g-- {
			if tg := s.tok(g); (tg.Tag == "VBZ" || tg.Tag == "VBP") && !isAux(tg) {
				if subj := s.subject(g); len(subj) > 0 {
					return subj
				}
				break
			}
		}
	}
	if coordVP {
		// "ISIL had attacked Iraq and taken Mosul": the first verb's subject
		// ("suspending a treaty on sharing waters ... and closing the
		// crossing": a participle coordinated with the participle before)
		gerund := s.tok(v).Tag == "VBG"
		for g := vg - 2; g > cs && g >= vg-20; g-- {
			if tg := s.tok(g); isVerb(tg) && !isAux(tg) && (tg.Tag != "VBG" || gerund && g > s.first && s.tok(g-1).Text == ",") {
				if subj := s.subject(g); len(subj) > 0 {
					return subj
				}
				break
			}
		}
	}
	if !coordVP {
		for i := vg - 1; i > cs; i-- {
			t := s.tok(i)
			if ((t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP") && !isAux(t) ||
				t.Tag == "VBN" && i > s.first && s.tok(i-1).Lemma == "be" && s.tok(i-1).Tag != "VBN" && // "people were killed when ..."
					!(i+1 < vg && s.tok(i+1).Lower == "to")) && !s.inMention[i] && // (but "are believed to have kidnapped")
				!(t.Tag == "VBD" && i > s.first && isNoun(s.tok(i-1)) && s.patientParticiple(i)) {
				cs = i
				break
			}
		}
	}
	// '"We condemn it," the ministry's spokesman said': a first person in
	// a quotation is whoever the sentence says spoke it
	if p := s.pronounSubject(vg); p >= 0 && (s.tok(p).Lower == "we" || s.tok(p).Lower == "i") && (s.quotedAt(p) || s.openAt(p)) {
		for i, m := range s.ms {
			if m.First > vg && m.Code != "" && (s.speaker(m) || s.quotedAs(m)) {
				return s.coordinated(i)
			}
		}
		// 'The ambassador said: "... We called upon Iran to cooperate."':
		// the quotation opened in an earlier sentence
		if m, ok := s.carriedSpeaker(p); ok {
			return []annals.Mention{m}
		}
	}
	// "the FARC said they will lay down arms": a pronoun subject of a
	// reported clause is the speaker
	if p := s.pronounSubject(vg); p >= 0 {
		for k := len(s.reports) - 1; k >= 0; k-- {
			if s.reports[k].verb < p {
				return []annals.Mention{s.reports[k].speaker}
			}
		}
	}
	if i := s.closedRelative(vg); i >= 0 {
		return s.coordinated(i) // "A Ukrainian airliner that had just taken off from Tehran was shot down"
	}
	if vg-1 > s.first && s.tok(vg-1).Text == "," {
		// "China, which has close ties with both sides, offered": the
		// relative clause has closed; the verb is the main one
		for k := vg - 2; k > s.first && k >= vg-25; k-- {
			if rel := s.tok(k).Lower; (rel == "which" || rel == "who") && s.tok(k-1).Text == "," {
				for i := len(s.ms) - 1; i >= 0; i-- {
					// the mention or its head noun before the comma: "The
					// African Union mission, which ..."
					if m := s.ms[i]; m.Last <= k-1 && m.Last >= k-3 && allNouns(s.doc.Tokens[m.Last:k-1]) {
						return s.coordinated(i)
					}
				}
				break
			}
		}
	}
	if vg-1 > s.first && s.tok(vg-1).Text == "," {
		// "France, the region's former colonial power, condemned": an
		// apposition has closed; the actor before it is the subject
		if i := s.beforeApposition(vg - 1); i >= 0 {
			return s.coordinated(i)
		}
	}
	best := -1
	for i := len(s.ms) - 1; i >= 0; i-- {
		m := s.ms[i]
		if m.Last > v || m.First < cs {
			continue
		}
		if m.Place && m.Last < v && isNoun(s.tok(m.Last)) {
			continue // "the Mumbai attacks killed": where, not who
		}
		if s.participleObject(m, cs) {
			continue // "the coalition fighting Houthi rebels has declared": a participle's object
		}
		if s.phraseConjunct(i) {
			continue // "Israeli jets flying over Syria and Iraq struck": inside the phrase, as Syria is
		}
		if m.First > s.first {
			pi := m.First - 1
			for k := pi; k > s.first && k >= m.First-3; k-- {
				t := s.tok(k)
				if !(t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "NN" || t.Tag == "NNS") {
					break
				}
				if p := s.tok(k - 1); p.Tag == "IN" {
					if t.Tag == "CD" && (p.Lower == "around" || p.Lower == "about" || p.Lower == "over" || p.Lower == "nearly" || p.Lower == "some" || p.Lower == "under") {
						break // "Around 3,000 Islamic State members": a number, not a phrase
					}
					pi = k - 1 // "released in the Rwandan capital", "the strike by coal workers"
					break
				}
				if t.Tag == "DT" || t.Tag == "PRP$" {
					break // the phrase starts here ("In recent years the Taliban")
				}
			}
			p := s.tok(pi)
			quantity := p.Lower == "of" && pi > s.first && quantities[s.tok(pi-1).Lower] // "thousands of protesters", "supporters of the junta"
			if (p.Tag == "IN" && !subordinators[p.Lower] || p.Tag == "TO") && !quantity {
				continue // inside a prepositional phrase
			}
		}
		best = i
		break
	}
	// "The Ogaden National Liberation Front (ONLF) declared": the name, not
	// the acronym in parentheses
	if best > 0 && s.ms[best].First > s.first && s.tok(s.ms[best].First-1).Text == "(" && s.ms[best-1].Last == s.ms[best].First-1 {
		best--
	}
	if best < 0 && v-1 > s.first && s.tok(v-1).Lower == "to" {
		// "Japan decided to ease ...": the governing verb's subject
		for g := v - 2; g >= s.first && g >= v-8; g-- {
			if t := s.tok(g); isVerb(t) && !isAux(t) {
				return s.subject(g)
			}
		}
	}
	if best < 0 {
		// relative clause or participle: the subject of the clause before
		if cs > s.first && (s.tok(cs).Lower == "which" || s.tok(cs).Lower == "who" || s.tok(cs).Lower == "that" || s.tok(cs).Text == "," || s.tok(cs).Lower == "while" || s.tok(cs).Lower == "after" || s.tok(cs).Lower == "before") {
			if s.ownSubject(cs+1, vg) {
				return nil // "after the skirmish went wrong": a subject that is no actor
			}
			if rel := s.tok(cs).Lower; rel == "which" || rel == "who" || rel == "that" {
				// the relative pronoun stands for the noun before it, even
				// inside a phrase: "its campaign against the militant group
				// that has seized ..."
				a := cs
				if a-1 > s.first && s.tok(a-1).Text == "," {
					a--
				}
				for i := len(s.ms) - 1; i >= 0; i-- {
					if m := s.ms[i]; m.Last == a {
						if k := s.startPP(m.First); rel == "which" && m.Place && k > s.first && locatives[s.tok(k).Lower] && isNoun(s.tok(k-1)) && !s.inMention[k-1] {
							return nil // "the bombing in Quetta, which killed 12": the noun the place modifies
						}
						if rel == "which" && s.namesPlace(i) {
							// "a raid on a market in Goma, Congo, which
							// wounded dozens": a place does not act
							return nil
						}
						return s.coordinated(i)
					}
				}
				if isNoun(s.tok(a - 1)) {
					return nil // "the step which ...": no actor
				}
			}
			for i := len(s.ms) - 1; i >= 0; i-- {
				m := s.ms[i]
				if m.Last <= cs && (m.First == s.first || s.tok(m.First-1).Tag != "IN") {
					if s.tok(cs).Lower == "which" || s.tok(cs).Lower == "who" || s.tok(cs).Lower == "that" {
						return s.coordinated(i)
					}
					// participle clauses take the main clause's doer: the
					// by-agent of a passive ("the market was hit by a
					// shell, killing 68": no actor), else the first
					// mention of the sentence not inside a PP, unless a
					// noun that is no actor is the main clause's subject
					// ("two car bombs exploded near the ministry, killing")
					if s.tok(cs).Text == "," && s.tok(v).Tag == "VBG" {
						if g := s.finiteBefore(cs); g >= 0 {
							if s.passive(g) {
								return s.byAgent(g+1, cs)
							}
							if l := verbLemma(s.c.lx, s.tok(v)); reportingVerbs[verbLemma(s.c.lx, s.tok(g))] && g == cs-1 &&
								(reportingVerbs[l] || s.c.lx.family[l] != "" && s.c.lx.family[l] != "=") {
								// "..., Sheikh Mohammed said, urging calm": a
								// speech act after the attribution is the
								// speaker's (but "shelled Houla, activists
								// said, killing 100": the shelling killed)
								if subj := s.subject(g); len(subj) > 0 {
									return subj
								}
							}
							if s.ownSubject(s.first, g) && !s.mentionBefore(g) {
								return nil
							}
						}
					}
					return s.coordinated(s.firstSubject(cs))
				}
			}
		}
		return nil
	}
	return s.coordinated(best)
}

// ownSubject reports whether a noun phrase that is no actor stands between
// from and the verb group at vg, outside prepositional phrases: the clause
// has a subject of its own.
func (s *sentence) ownSubject(from, vg int) bool {
	inPP := false
	for k := from; k < vg; k++ {
		t := s.tok(k)
		switch {
		case t.Tag == "IN" || t.Tag == "TO":
			inPP = true
		case (isNoun(t) || t.Tag == "PRP") && !s.inMention[k] && !inPP && !when.IsTimeWord(t.Lower):
			return true
		case t.Tag == "DT" && !inPP && k+1 < vg && !s.inMention[k+1] && !(k+2 < vg && s.inMention[k+2]):
			return true // "the skirmish" even when tagged as an adjective
		case t.Tag == "," || isVerb(t):
			inPP = false
		}
	}
	return false
}

// finiteBefore returns the nearest finite verb (or passive participle)
// before k, -1 when none.
func (s *sentence) finiteBefore(k int) int {
	for g := k - 1; g >= s.first; g-- {
		t := s.tok(g)
		if (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP") && !isAux(t) || t.Tag == "VBN" && g > s.first && s.tok(g-1).Lemma == "be" {
			return g
		}
	}
	return -1
}

// mentionBefore reports whether an actor mention outside a prepositional
// phrase stands before g.
func (s *sentence) mentionBefore(g int) bool {
	i := s.firstSubject(g)
	return i >= 0 && s.ms[i].Last <= g && !s.ms[i].Place
}

func (s *sentence) firstSubject(before int) int {
	for i, m := range s.ms {
		if m.Last > before {
			break
		}
		if m.First == s.first || s.tok(m.First-1).Tag != "IN" {
			return i
		}
	}
	return -1
}

// coordinated returns mention i with the mentions joined to it by "and"
// or commas, and reference mentions that share its span.
func (s *sentence) coordinated(i int) []annals.Mention {
	if i < 0 {
		return nil
	}
	out := []annals.Mention{s.ms[i]}
	// same span (a reference resolved to two actors)
	for j := range s.ms {
		if j != i && s.ms[j].Span == s.ms[i].Span {
			out = append(out, s.ms[j])
		}
	}
	// leftwards: "Pakistan and Iran", "Egypt, Qatar and Turkey"; a comma
	// alone is a list only when a conjunction closes it ("the US commander
	// in Iraq, General David Petraeus," is one person)
	conj := false
	for j := i - 1; j >= 0; j-- {
		a, b := s.ms[j], s.ms[j+1]
		if a.Span == b.Span {
			continue
		}
		if a.Last > b.First {
			break
		}
		gap := s.doc.Tokens[a.Last:b.First]
		if !conj && len(gap) == 1 && gap[0].Text == "," && b.Last < s.last && s.tok(b.Last).Text == "," && s.startPP(a.First) < 0 {
			if b.Code == "" && a.Code != "" {
				out = []annals.Mention{a} // "A spokesman for the Taliban, Qari Yussouf Ahmadi,": the known one
			} else {
				out = append(out, a) // "Germany's foreign minister, Annalena Baerbock,": one person
			}
			break
		}
		after := b.Last
		for after+1 < s.last && s.tok(after).Tag == "RB" {
			after++ // "Finland, Sweden formally apply"
		}
		headline := (a.First == s.first || subordinators[s.tok(a.First-1).Lower] || s.nameList(a.First)) && len(gap) == 1 && gap[0].Text == "," &&
			after < s.last && (isVerb(s.tok(after)) || after == b.Last && isNoun(s.tok(after))) // "Pakistan, Iran agree to ...", "as India, Pakistan trade fire"
		if !coordGap(gap) || !conj && !conjGap(gap) && !headline {
			break
		}
		if k := s.startPP(a.First); k == s.first && placeCases[s.tok(k).Lower] && len(gap) == 1 && gap[0].Text == "," {
			break // "In Kigali, rebel and government forces": where, then who
		}
		conj = true
		if k := s.startPP(a.First); k >= 0 && s.startPP(b.First) < 0 && b.Last < s.last && s.finite(b.Last) {
			break // "rockets at northern Israel, and Israeli jets struck"
		}
		out = append(out, a)
	}
	// rightwards for objects: "struck Iran and Afghanistan", but not the
	// subject of the next clause ("at Israel, and Israeli jets struck")
	for j := i + 1; j < len(s.ms); j++ {
		a, b := s.ms[j-1], s.ms[j]
		if b.Last < s.last && s.finite(b.Last) && a.Last < b.First && s.tok(a.Last).Text == "," {
			break // ", and Israeli jets struck": the next clause's subject
		}
		if a.Span == b.Span {
			if j-1 == i || containsMention(out, a) {
				continue
			}
			break
		}
		if a.Last > b.First {
			break
		}
		gap := s.doc.Tokens[a.Last:b.First]
		if h := headNouns(gap); h > 0 && h < len(gap) && h <= 3 {
			// "sanctions on Russian tankers and Chinese suppliers": the
			// first conjunct's head nouns stand between the two actors
			gap = gap[h:]
		}
		if !coordGap(gap) || !containsMention(out, a) {
			break
		}
		if !conjGap(gap) && !s.listCloses(j) {
			break
		}
		out = append(out, b)
	}
	return dedupMentions(out)
}

// consumedIn reports whether a pattern's words took a token of mention m.
func (s *sentence) consumedIn(m annals.Mention) bool {
	for k := m.First; k < m.Last; k++ {
		if s.consumed[k] {
			return true
		}
	}
	return false
}

// finite reports a finite verb (or modal, or auxiliary) at i.
func (s *sentence) finite(i int) bool {
	t := s.tok(i)
	return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"
}

// startPP returns the preposition whose phrase the token at i opens,
// past determiners and adjectives, or -1.
func (s *sentence) startPP(i int) int {
	for k := i - 1; k >= s.first && k >= i-3; k-- {
		t := s.tok(k)
		if t.Tag == "IN" && !subordinators[t.Lower] {
			return k
		}
		if !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "PRP$") {
			return -1
		}
	}
	return -1
}

func containsMention(ms []annals.Mention, m annals.Mention) bool {
	for _, x := range ms {
		if x.Span == m.Span && x.Code == m.Code {
			return true
		}
	}
	return false
}

func dedupMentions(ms []annals.Mention) []annals.Mention {
	var out []annals.Mention
	for _, m := range ms {
		if !containsMention(out, m) {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

var locatives = map[string]bool{"in": true, "inside": true, "at": true, "near": true, "across": true, "within": true,
	"from": true, "outside": true, "along": true, "throughout": true, "around": true, "over": true, "during": true, "since": true}

// object returns the first actor after from (before end), preferring one
// after a preposition the pattern named; locative mentions count only when
// allowLoc is set and nothing else is found.
func (s *sentence) object(from, end int, preps []string, allowLoc bool) ([]annals.Mention, bool) {
	return s.objectRoot(from, end, preps, allowLoc, "")
}

// objectRoot is object with the event's root, which lets "withdrew from X"
// and "recalled its envoy from X" take X.
func (s *sentence) objectRoot(from, end int, preps []string, allowLoc bool, root string) ([]annals.Mention, bool) {
	if from < s.purposeFrom && end > s.purposeFrom {
		end = s.purposeFrom // "seized power in order to crush the rebels": not at the rebels
	}
	var loc, own = -1, -1
	before := func(m annals.Mention) string {
		p := ""
		if m.First > s.first {
			p = s.tok(m.First - 1).Lower
			if p == "the" && m.First-1 > s.first {
				p = s.tok(m.First - 2).Lower
			}
		}
		return p
	}
	// the pattern's preposition names the target ("send ... to Ukraine"),
	// wherever other names stand before it
	for i, m := range s.ms {
		if m.First >= from && m.First < end && len(preps) > 0 && has(preps, before(m)) && !s.namesThing(m, root) {
			return oneSide(s.coordinated(i)), false
		}
	}
	agent := false
	for i, m := range s.ms {
		if m.First < from || m.First >= end {
			continue
		}
		p := before(m)
		if p == "by" || agent && (p == "and" || p == "or" || p == ",") {
			agent = true
			continue // a passive agent: "a truce mediated by Norway and Switzerland"
		}
		agent = false
		if s.speaker(m) {
			continue // ", US Deputy Secretary Jeffrey Kupfer said"
		}
		if m.Code == "" && p == "of" {
			continue // "the border village of Banjska": a place's name
		}
		if s.namesThing(m, root) {
			continue
		}
		if m.Code == "" && m.Last < s.last && (s.tok(m.Last).Tag == "NN" || s.tok(m.Last).Tag == "NNS") && root != "15" && root < "17" {
			continue // "Leopard tanks", "Patriot missiles": a name naming a thing (but "raided the Jenin camp": where force is used)
		}
		if m.Last < s.last && s.finite(m.Last) && m.First > s.first && (s.tok(m.First-1).Text == "," || s.tok(m.First-1).Lower == "and" || s.tok(m.First-1).Tag == "DT" && s.tok(m.First-2).Lower == "and") {
			continue // ", and the separatist authorities agreed": the next clause's subject
		}
		if m.Code == "" && s.renamesConsumed(m) {
			continue
		}
		if s.consumed[m.First] || s.tok(m.First).Tag == "PRP$" && (s.consumedIn(m) || m.Ref) {
			if own < 0 {
				own = i // the pattern's own object word ("recalled its ambassador")
			}
			continue
		}
		if p == "from" && (root == "16" || root == "08") && m.Code != "" {
			return oneSide(s.coordinated(i)), false
		}
		if locatives[p] && !s.possessor(m) {
			if loc < 0 && m.Code != "" {
				loc = i
			}
			continue
		}
		return oneSide(s.coordinated(i)), false
	}
	if allowLoc && loc >= 0 && s.ms[loc].Code != "" {
		return oneSide(s.coordinated(loc)), true
	}
	if own >= 0 {
		return oneSide(s.coordinated(own)), false
	}
	return nil, false
}

// oneSide keeps, of coordinated targets, the first of each side:
// "praised the government and people of Japan", "support for the
// Iranian government and people" are aimed at one party. Roles that
// stand apart from their state (rebels, insurgents, the opposition,
// elites out of office) stay parties of their own ("talks with the
// government and the rebels").
func oneSide(ms []annals.Mention) []annals.Mention {
	if len(ms) < 2 {
		return ms
	}
	out := make([]annals.Mention, 0, len(ms))
	seen := map[string]bool{}
	for _, m := range ms {
		if side := storySide(m.Code); side != "" && !challenger(m.Code) {
			if seen[side] {
				continue
			}
			seen[side] = true
		}
		out = append(out, m)
	}
	return out
}

// challengerRoles are the roles that stand apart from their own state.
var challengerRoles = map[string]bool{"REB": true, "INS": true, "OPP": true, "UAF": true, "SEP": true, "RAD": true, "ELI": true}

// challenger reports an actor code with one of challengerRoles.
func challenger(code string) bool {
	for k := 3; k+3 <= len(code); k += 3 {
		if challengerRoles[code[k:k+3]] {
			return true
		}
	}
	return false
}

// namesThing reports a city that only names a thing after it: "the Paris
// climate agreement", "the Minsk accords" are no one's; but where force is
// used the place struck stands for its state ("attacked Goma airport").
func (s *sentence) namesThing(m annals.Mention, root string) bool {
	if !m.Place || m.Last >= s.last || root == "15" || root >= "17" {
		return false
	}
	t := s.tok(m.Last).Tag
	return t == "NN" || t == "NNS"
}

// possessor reports whether mention m owns the noun after it ("at Iran's
// decision", "over Russia's withdrawal"): whose act it is, not a place,
// whatever preposition stands before it.
func (s *sentence) possessor(m annals.Mention) bool {
	return m.Last < s.last && s.tok(m.Last).Tag == "POS" && m.Code != ""
}

// causeSubject finds the doer of the event a reaction responds to when
// a cause clause follows the reaction ("voiced alarm after Israel
// expanded its offensive", "protested when China sent ships"): the
// subject, or the possessor, right after one of causeMarks at clause end
// ce. The reacting actor itself does not count.
func (s *sentence) causeSubject(ce int, src annals.Mention) ([]annals.Mention, bool) {
	if ce >= s.last || !causeMarks[s.tok(ce).Lower] {
		return nil, false
	}
	for i, m := range s.ms {
		if m.First <= ce || m.First > ce+2 || m.Code == "" {
			continue
		}
		if m.First == ce+2 && s.tok(ce+1).Tag != "DT" {
			break
		}
		if m.Code == src.Code {
			break
		}
		if m.Last < s.last && (s.finite(m.Last) || s.tok(m.Last).Tag == "POS" || s.tok(m.Last).Tag == "MD") {
			return s.coordinated(i), true
		}
		break
	}
	return nil, false
}

// causeMarks open a clause that tells what a reaction responds to.
var causeMarks = map[string]bool{"after": true, "following": true, "when": true, "because": true, "over": true}

// speaker reports whether mention m is the subject of a reporting verb
// that follows it: "..., the foreign ministry said".
func (s *sentence) speaker(m annals.Mention) bool {
	a := m.First
	for a-1 > s.first && (s.inMention[a-1] || s.tok(a-1).Tag == "NNP" || s.tok(a-1).Tag == "NNPS" || s.tok(a-1).Tag == "JJ" || s.tok(a-1).Tag == "DT" ||
		s.tok(a-1).Lower == "of" || s.tok(a-1).Lower == "on" || s.tok(a-1).Lower == "from" || isNoun(s.tok(a-1))) { // ", officials on both sides said"
		a-- // "..., US Deputy Secretary of Energy Jeffrey Kupfer said"
	}
	for a-1 > s.first && isQuote(s.tok(a-1).Text) {
		a-- // '"Israel must stop the bombardment," Erdogan said'
	}
	if a-1 <= s.first || s.tok(a-1).Text != "," {
		return false
	}
	for k := m.Last; k < s.last && k < m.Last+10; k++ {
		t := s.tok(k)
		if isVerb(t) {
			return reportingVerbs[verbLemma(s.c.lx, t)] && (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP")
		}
		if !(t.Tag == "NNP" || t.Tag == "NNPS" || isNoun(t) || t.Lower == "of" || t.Tag == "JJ" || t.Tag == "POS" || t.Tag == "," || t.Tag == "DT" || s.inMention[k]) {
			return false
		}
	}
	return false
}

// hazards are the natural causes that a possessor or adjective can make
// look like an actor's act: "Nepal's monsoon floods killed 200 people".
var hazards = map[string]bool{"flood": true, "earthquake": true, "quake": true, "storm": true, "cyclone": true, "typhoon": true,
	"hurricane": true, "landslide": true, "wildfire": true, "fire": true, "heatwave": true, "drought": true, "epidemic": true,
	"outbreak": true, "disease": true, "avalanche": true, "tsunami": true, "rain": true, "monsoon": true,
	"crash": true, "accident": true, "collision": true}

// hazardBefore reports whether a hazard noun heads the subject between the
// end of its actor mention and the verb.
func (s *sentence) hazardBefore(from, v int) bool {
	for i := from; i < v && i < s.last; i++ {
		if isNoun(s.tok(i)) && hazards[s.tok(i).Lemma] {
			return true
		}
		if isVerb(s.tok(i)) && !isAux(s.tok(i)) {
			return false
		}
	}
	return false
}

// accidentVerbs tell an accident: the participle after one ("a helicopter
// collided with a jet, killing 67") says what the accident did, and its
// subject did not act.
var accidentVerbs = map[string]bool{"collide": true, "crash": true, "capsize": true, "derail": true, "sink": true, "overturn": true}

// afterAccident reports whether the participle at v follows, after a
// comma, a clause whose verb is an accident's.
func (s *sentence) afterAccident(v int) bool {
	if v-1 <= s.first || s.tok(v-1).Text != "," {
		return false
	}
	for k := v - 2; k >= s.first; k-- {
		if t := s.tok(k); isVerb(t) && !isAux(t) {
			return accidentVerbs[verbLemma(s.c.lx, t)]
		}
	}
	return false
}

// nameList reports whether the sentence opens with actors joined by
// commas alone up to token k: a headline's list ("Spain, Ireland, Norway
// recognise").
func (s *sentence) nameList(k int) bool {
	if k <= s.first {
		return false
	}
	for t := s.first; t < k; t++ {
		if !s.inMention[t] && s.tok(t).Text != "," {
			return false
		}
	}
	return true
}

// ownSide reports whether every target belongs to a source's country:
// "India and China agreed to disengage troops" acts on their own troops.
func ownSide(src, tgt []annals.Mention) bool {
	if len(tgt) == 0 {
		return false
	}
	for _, g := range tgt {
		own := false
		for _, m := range src {
			own = own || len(g.Code) >= 3 && len(m.Code) >= 3 && g.Code[:3] == m.Code[:3]
		}
		if !own {
			return false
		}
	}
	return true
}

// allNouns reports whether every token is a common noun.
func allNouns(toks []annals.Token) bool {
	for _, t := range toks {
		if t.Tag != "NN" && t.Tag != "NNS" {
			return false
		}
	}
	return true
}

// headNouns counts the common nouns that open gap: the head of a phrase
// whose actor is a modifier ("Russian shadow fleet tankers").
func headNouns(gap []annals.Token) int {
	n := 0
	for n < len(gap) && (gap[n].Tag == "NN" || gap[n].Tag == "NNS") {
		n++
	}
	return n
}

// conjGap reports a conjunction between two mentions.
func conjGap(gap []annals.Token) bool {
	for _, t := range gap {
		if t.Lower == "and" || t.Lower == "or" || t.Lower == "well" {
			return true
		}
	}
	return false
}

// listCloses reports whether the list of mentions going on from mention j
// ends with a conjunction: "Iran, Iraq and Syria".
func (s *sentence) listCloses(j int) bool {
	for k := j + 1; k < len(s.ms); k++ {
		gap := s.doc.Tokens[s.ms[k-1].Last:s.ms[k].First]
		if s.ms[k-1].Last > s.ms[k].First || !coordGap(gap) {
			return false
		}
		if conjGap(gap) {
			return true
		}
	}
	return false
}

// coordGap reports whether the tokens between two mentions coordinate
// them: "and", ",", ", and", "and the", "as well as".
func coordGap(gap []annals.Token) bool {
	if len(gap) == 0 || len(gap) > 3 {
		return false
	}
	conj, commas := false, 0
	for _, t := range gap {
		switch t.Lower {
		case "and", "or", "as", "well":
			conj = true
		case ",":
			commas++
		case "the", "its", "their":
		default:
			if !(conj && (t.Tag == "JJ" || t.Tag == "VBN" || t.Tag == "CD")) {
				return false // (an adjective or number of the next conjunct: "the government and regional forces", "two Iranian and three Chinese companies")
			}
		}
	}
	return conj || commas == 1 && gap[0].Text == "," // ("Saudi Arabia, the UAE, Bahrain and Egypt")
}

// quantities head a noun phrase whose "of" phrase is the real subject:
// "thousands of protesters rallied".
var quantities = map[string]bool{"thousands": true, "hundreds": true, "dozens": true, "scores": true, "millions": true,
	"tens": true, "some": true, "many": true, "several": true, "members": true, "group": true, "groups": true,
	"number": true, "crowds": true, "crowd": true, "team": true, "delegation": true, "unit": true, "units": true,
	"supporters": true, "followers": true, "loyalists": true,
	"wave": true, "barrage": true, "salvo": true, "volley": true, "swarm": true, "hail": true, "string": true, "series": true}

// pronounSubject returns the index of a personal pronoun right before the
// verb group starting at vg ("they will", "it had"), or -1.
func (s *sentence) pronounSubject(vg int) int {
	if vg-1 < s.first {
		return -1
	}
	t := s.tok(vg - 1)
	switch t.Lower {
	case "they", "it", "he", "she", "we", "i":
		return vg - 1
	}
	return -1
}

// quotedAt reports whether token k stands inside quotation marks: an odd
// number of them before it in the sentence.
func (s *sentence) quotedAt(k int) bool {
	n := 0
	for i := s.first; i < k; i++ {
		if isQuote(s.tok(i).Text) {
			n++
		}
	}
	return n%2 == 1
}

// participleObject reports whether mention m is the object of a participle
// after a noun: "the coalition fighting (the) Houthi rebels".
func (s *sentence) participleObject(m annals.Mention, cs int) bool {
	k := m.First - 1
	if k > cs && s.tok(k).Tag == "DT" {
		k--
	}
	return k-1 > cs && participial(s.tok(k)) && isNoun(s.tok(k-1))
}

// participial reports a gerund or participle that is not a preposition
// in disguise ("including", "following").
func participial(t *annals.Token) bool {
	switch t.Lower {
	case "including", "excluding", "according", "following", "regarding", "concerning", "considering", "during", "pending":
		return false
	}
	return t.Tag == "VBG"
}

// mentionIn reports whether an actor mention starts in [from, to).
func (s *sentence) mentionIn(from, to int) bool {
	for _, m := range s.ms {
		if m.First >= from && m.First < to {
			return true
		}
	}
	return false
}

// namesPlace reports whether mention i names only where something is: a
// town or region ("Mumbai"), or a country qualifying the town or capital
// before it ("Damascus, Syria").
func (s *sentence) namesPlace(i int) bool {
	m := s.ms[i]
	if m.Place {
		return true
	}
	if i == 0 {
		return false
	}
	p := s.ms[i-1] // "Damascus, Syria": a town (or capital) and its own country
	return (p.Place || p.Code == m.Code && m.Code != "") && p.Last+1 == m.First && s.tok(m.First-1).Text == ","
}

// frontedSubject reads the doer of a gerund in a phrase that opens the
// sentence ("After holding talks with the opposition, the army chief
// announced ..."): the subject of the main clause after the comma that
// closes the phrase, the first actor there that a finite verb follows.
// ok is false when v is no such gerund.
func (s *sentence) frontedSubject(v int) ([]annals.Mention, bool) {
	if s.tok(v).Tag != "VBG" || v-1 != s.first || s.tok(s.first).Tag != "IN" {
		return nil, false
	}
	comma := -1
	for k := v + 1; k < s.last; k++ {
		if s.tok(k).Text == "," {
			comma = k
			break
		}
		if s.finite(k) {
			return nil, false // "After talks failed, ...": not a gerund phrase
		}
	}
	if comma < 0 {
		return nil, false
	}
	for i, m := range s.ms {
		if m.First <= comma {
			continue
		}
		k := m.Last
		for k < s.last && (s.tok(k).Tag == "RB" || isAux(s.tok(k))) {
			k++
		}
		if k < s.last && (s.finite(k) || isVerb(s.tok(k)) && k > m.Last) {
			return s.coordinated(i), true
		}
		return nil, true // the main clause's subject names no actor
	}
	return nil, true
}

// renamesConsumed reports a name that an apposition after it calls by a
// pattern's own object word: "shut Torkham, a key trade route" (the route
// is what was shut; so is Torkham, and no one is aimed at by naming it).
func (s *sentence) renamesConsumed(m annals.Mention) bool {
	if m.Last+1 >= s.last || s.tok(m.Last).Text != "," {
		return false
	}
	for k := m.Last + 1; k < s.last && k <= m.Last+5; k++ {
		t := s.tok(k)
		if s.consumed[k] {
			return true
		}
		if t.Tag != "DT" && t.Tag != "JJ" && !isNoun(t) {
			return false
		}
	}
	return false
}

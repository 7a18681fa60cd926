package coder

// Verbal triggers: a verb's pattern, complement, arguments and the event
// they make, and the codes that depend on who acts.

import (
	"fmt"
	"strings"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/when"
)

func (t *Trace) add(s string) {
	if t != nil {
		t.Lines = append(t.Lines, s)
		t.Sentences = append(t.Sentences, t.cur)
	}
}

// complement finds "to VERB" after v within the clause and returns the
// complement verb's index.
func (s *sentence) complement(v, end int) int {
	for i := v + 1; i < end && i < v+10; i++ {
		if s.tok(i).Lower == "to" && i+1 < s.last && (s.tok(i+1).Tag == "VB" || s.tok(i+1).Tag == "VBG" || s.c.lx.compCat[s.tok(i+1).Lemma] != "") {
			return i + 1 // "pledged to cooperate", "committed to opening"
		}
		if s.tok(i).Lower == "that" && i > v+1 {
			break
		}
	}
	// "demanded that Iran withdraw", "agreed on cooperating"
	for i := v + 1; i < end && i < v+10; i++ {
		t := s.tok(i)
		if t.Lower == "that" && i > v+1 {
			break // "rejected accusations that it had used ... to aid": a noun's clause
		}
		if t.Tag == "VB" || t.Tag == "VBG" && i > v+1 && (s.tok(i-1).Lower == "on" || s.tok(i-1).Lower == "for") {
			return i
		}
		// "demanded that Afghanistan act": a verb right after the subject
		if s.tok(v+1).Lower == "that" && i > v+2 && (t.Tag == "VBP" || isNoun(t) && s.c.lx.compCat[t.Lemma] != "") && s.inMention[i-1] {
			return i
		}
	}
	return -1
}

func (s *sentence) verb(v int, skip map[int]bool) {
	t := s.tok(v)
	lx := s.c.lx
	cs, ce := s.clauseStart(v), s.clauseEnd(v)
	pats := lx.verbs[verbLemma(lx, t)]
	fam := lx.family[t.Lemma]
	if fam == "" {
		fam = lx.family[verbLemma(lx, t)] // "planning" read as a noun's lemma
	}
	// two-word governors: "call on"
	if v+1 < s.last {
		if f, ok := lx.family[t.Lemma+" "+s.tok(v+1).Lower]; ok {
			fam = f
		}
	}
	var p *pattern
	after := v + 1
	var used []int
	if len(pats) > 0 {
		p, after, used = s.matchPattern(pats, v, ce)
	}
	code, rule := "", ""
	if p != nil {
		code, rule = p.code, p.loc
	}
	if p != nil && len(p.follow) == 0 && bareStatementCodes[p.code] && fam == "" {
		// "cited South Korean media", "described it as": a verb of saying
		// with nothing the lexicon codes is no statement event
		s.tr.add(t.Text + ": a bare verb of saying (" + p.loc + "), not coded")
		return
	}
	if p != nil && catchAll(p) && rule == p.loc && lightVerb(lx, t) && s.nominalObject(v) {
		// "ordered visa restrictions", "announced new tariffs": the noun
		// is the event, with this verb's subject; the bare row's code
		// (order: 100, a demand) is not another
		s.tr.add(t.Text + ": the object is an event of its own; " + p.loc + " not coded")
		return
	}
	comp := -1
	// the trigger, the pattern's words and the complement: what tells
	// whether coordinated actors act on each other (reciprocal.tsv)
	recipToks := append([]int{v}, used...)
	if fam == "=" {
		// "scheduled to attend", "wants to re-examine", "helped to carry
		// out": the infinitive is the event, with this verb's subject
		if c := s.complement(v, s.clauseEnd(min(s.last-1, v+2))); c > v && s.tok(c-1).Lower == "to" {
			if l := verbLemma(lx, t); (l == "want" || l == "expect") && s.mentionIn(v+1, c-1) {
				fam = "02" // "wants Russia to attack": an appeal to Russia
			} else {
				s.transparent[c] = true
				return
			}
		}
		if fam == "=" {
			fam = "" // "began joint exercises": the verb's own patterns
		}
	}
	if fam != "" {
		comp = s.complement(v, s.clauseEnd(min(s.last-1, v+2)))
		if comp >= 0 {
			cl := s.tok(comp).Lemma
			cat := lx.compCat[cl]
			if comp+1 < s.last {
				if c2, ok := lx.compCat[cl+" "+s.tok(comp+1).Lower]; ok {
					cat = c2
				}
			}
			// "vowed to continue the offensive": an aspect verb's object is
			// what is promised
			if cat == "" && (aspectVerbs[cl] || lx.family[cl] == "=") {
				cat = s.nounCategory(comp+1, min(comp+6, s.last))
			}
			// the complement's own words decide: "return to negotiations"
			// is a meeting, "return the hostages" a release
			if cp, _, _ := s.matchPattern(lx.verbs[cl], comp, ce); cp != nil && len(cp.follow) > 0 && cp.curated {
				if cp.code == "---" {
					// "planned to hold a news conference": the complement's
					// own row says it is no act, so neither is its promise
					s.tr.add(t.Text + ": its complement " + s.tok(comp).Text + " is no event (" + cp.loc + ")")
					skip[comp] = true
					return
				}
				if c := coopCategory(cp.code); c != "" {
					cat = c
				}
			}
			c2, ok := lx.compMap[fam+"/"+cat]
			if !ok {
				c2 = lx.compMap[fam+"/*"]
				if p != nil && content(p.follow) > 0 && p.code != "---" {
					c2 = "" // "declined to comment": the pattern knows better
				}
			}
			if c2 != "" {
				code = c2
				rule = "complements.tsv " + fam + "/" + cat + " (" + t.Lemma + " to " + cl + ")"
				skip[comp] = true
				recipToks = append(recipToks, comp)
				// the complement's own object words are part of this event
				if cp, _, cu := s.matchPattern(lx.verbs[cl], comp, ce); cp != nil {
					for _, u := range cu {
						s.consumed[u] = true
					}
					recipToks = append(recipToks, cu...)
				}
			}
		}
	}
	if recipientVerbs[verbLemma(lx, t)] && comp < 0 && s.nominalFrom(v, ce) {
		s.tr.add(t.Text + ": what is received is the event")
		return
	}
	if code == "043" && verbLemma(lx, t) == "receive" && !s.passive(v) && !s.guestAfter(after) {
		s.tr.add(t.Text + ": receives things, not guests")
		return
	}
	if code == "" || code == "---" {
		if p != nil && code == "---" {
			s.tr.add(t.Text + ": suppressed by " + p.loc)
		} else if len(pats) > 0 {
			s.tr.add(t.Text + ": no pattern matched")
		}
		return
	}
	for _, u := range used {
		// a verb or an event noun in the pattern ("condemned the Israeli
		// strike") can still be an event of its own, unless the verb undoes
		// it ("lifted the sanctions", "the sanctions were lifted")
		if l := verbLemma(lx, t); !isVerb(s.tok(u)) && (lx.nouns[s.tok(u).Lemma] == nil || supportVerbs[l] || measureVerbs[l] || undoes(lx, code, s.tok(u).Lemma)) {
			s.consumed[u] = true // "launched an air strike" is one event, "condemned the strike" two
		}
	}
	info := lx.Info(code)
	baseRoot := "" // the act's own root, before a promise or refusal recodes it
	if info != nil {
		baseRoot = info.Root
	}
	mode := s.mode(v, cs)
	if fam == "03" && mode == annals.Asserted && strings.HasPrefix(code, "03") {
		mode = annals.Intended
	}
	// "has not ruled out military action": the option stays open, a threat
	if mode == annals.Negated && verbLemma(lx, t) == "rule" && v+1 < s.last && s.tok(v+1).Lower == "out" && info != nil && (info.Quad == 4 || p != nil && strings.HasPrefix(p.code, "13")) {
		if c := futureCode(lx, code); c != "" {
			rule += " + not ruled out (" + code + " -> " + c + ")"
			code, mode = c, annals.Asserted
			info = lx.Info(code)
		}
	}
	// "he would not provide support", "they will not end the strike": a
	// refusal (12x), asserted
	if fam == "" && mode == annals.Negated && info != nil && s.modalNot(v) {
		if c := refusalCode(lx, code); c != "" {
			rule += " + will not (" + code + " -> " + c + ")"
			code, mode = c, annals.Asserted
			info = lx.Info(code)
		}
	}
	// "would respond forcefully to any violation", "would strike if
	// attacked": force held out on a condition is a threat, made now
	if fam == "" && mode == annals.Hypothetical && info != nil && s.conditionalForce(v, ce) {
		if c := futureCode(lx, code); strings.HasPrefix(c, "13") {
			rule += " + would, on a condition (" + code + " -> " + c + ")"
			code, mode = c, annals.Asserted
			info = lx.Info(code)
		}
	}
	// "the rebels will release the hostages" is a promise: CAMEO codes an
	// intent (03x), and "will strike" a threat (13x)
	if fam == "" && mode == annals.Intended && info != nil {
		if c := futureCode(lx, code); c != "" {
			rule += " + will (" + code + " -> " + c + ")"
			code = c
			info = lx.Info(code)
		}
	}
	// Roles
	var src, tgt []annals.Mention
	pair := false // coordinated sources acting on each other
	conf := 0.85
	if p != nil && len(p.follow) > 0 || comp >= 0 {
		conf = 0.9
	}
	preps := prepsOf(p)
	if s.passive(v) && !(fam == "03" && comp > v) { // ("is committed to opening": an adjective)
		fired := false // the row's own object word stands before the verb: "rockets were fired"
		for _, u := range used {
			fired = fired || u < v
		}
		tgt = s.passiveTarget(v, baseRoot, fired)
		// the agent stands inside the participle's own phrase: not "by
		// Putin" in "the civilians imprisoned for ... were released by Putin"
		pe := ce
		for k := v + 1; k < ce; k++ {
			if tk := s.tok(k); tk.Tag == "VBD" || tk.Tag == "VBZ" || tk.Tag == "VBP" || tk.Tag == "MD" {
				pe = k
				break
			}
		}
		src = s.passiveAgent(v, pe)
		conf -= 0.05
		if len(src) == 0 {
			// "UN sanctions against Iran were lifted": whoever imposed them
			for _, u := range used {
				if u < v && undoes(lx, code, s.tok(u).Lemma) {
					for i, m := range s.ms {
						if m.Last <= u && m.Last >= u-2 {
							src = s.coordinated(i)
						}
					}
					if len(src) == 0 {
						src = s.byAgent(u, v) // "the strike by coal workers was called off"
					}
				}
			}
		}
		for _, u := range used {
			if u < v && (len(tgt) == 0 || tgt[0].First < u) {
				// "the sanctions on Venezuela were lifted": the target is
				// attached to the object that stands before the verb
				if t2, _ := s.objectRoot(u+1, v, preps, false, ""); len(t2) > 0 {
					tgt = t2
				}
			}
		}
	} else {
		src = s.subject(v)
		if l := verbLemma(s.c.lx, s.tok(max(v-1, s.first))); len(src) == 0 && t.Tag == "VBG" && v > s.first && (aspectVerbs[l] || l == "deny" || l == "admit") {
			src = s.subject(v - 1) // "Kenya began sending troops", "the rebels denied shelling"
		}
		if len(src) == 0 && t.Tag == "VBG" && v > s.first && documents[s.tok(v-1).Lemma] {
			// "the board passed a resolution censuring Iran": the author of
			// the object the participle describes
			for g := v - 2; g >= s.first && g >= v-6; g-- {
				if tg := s.tok(g); (tg.Tag == "VBD" || tg.Tag == "VBZ" || tg.Tag == "VBP") && !isAux(tg) {
					src = s.subject(g)
					break
				}
			}
		}
		end := ce
		if comp > v {
			end = comp // "demanded that Afghanistan act": up to the complement
		} else {
			for k := after; k < ce; k++ {
				if s.relativeAt(k) {
					end = k // "bombed a theatre where civilians were sheltering": not the clause's actors
					break
				}
				if tk, pt := s.tok(k), s.tok(k-1).Tag; (tk.Tag == "VBD" || tk.Tag == "VBZ" || tk.Tag == "VBP") && !isAux(tk) && !s.inMention[k] &&
					pt != "DT" && pt != "CD" && pt != "JJ" && pt != "PRP$" && // ("the two exiled dissidents")
					!(reportingVerbs[verbLemma(lx, tk)] && pt == "PRP") { // ("strikes on what it said were bases")
					end = k // "condemned the strikes and said its forces ...": the next predicate's
					break
				}
			}
		}
		allowLoc := info != nil
		var locTarget bool
		root := baseRoot
		tgt, locTarget = s.objectRoot(after, end, preps, allowLoc, root)
		if len(tgt) > 0 && len(preps) > 0 && allSameSide(tgt, src) {
			// "met the Irish prime minister and the NATO chief at the White
			// House": the pattern's preposition named the source's own
			// place; the object is the target
			if t2, l2 := s.objectRoot(after, end, nil, allowLoc, root); len(t2) > 0 && !allSameSide(t2, src) {
				tgt, locTarget = t2, l2
			}
		}
		if len(tgt) > 0 && allOwnCountry(tgt, src) && (root == "15" || root == "07" || strings.HasPrefix(code, "087")) {
			// "Kenya will deploy police officers to Haiti": its own people
			// are what it sends or pulls out; where they go is the target
			if t2, l2 := s.objectRoot(tgt[len(tgt)-1].Last, end, preps, allowLoc, root); len(t2) > 0 && !allOwnCountry(t2, src) {
				tgt, locTarget = t2, l2
			}
		}
		if info != nil && info.Quad == 4 && (len(otherSide(tgt, src)) == 0 || allMeans(tgt)) {
			// "shot down drones launched by the Houthis": force on a thing
			// is aimed at whoever the participle after it says sent it
			// (the source's own is no target of its)
			if ag := s.participleAgent(after, end); len(ag) > 0 {
				tgt = ag
			}
		}
		if i := s.actorSlot(p, used); i >= 0 {
			tgt, locTarget = s.coordinated(i), false // the row's @actor is its target
		}
		if len(tgt) == 1 && len(src) > 0 && s.possessor(tgt[0]) && ownSide(src, tgt) {
			// "reaffirmed Pakistan's support for the Iranian leadership":
			// the source's own country owning the object is not what the
			// act is aimed at; an actor after the object is
			if t2, l2 := s.objectRoot(tgt[0].Last+1, end, preps, allowLoc, root); len(t2) > 0 && t2[0].Code != "" && !ownSide(src, t2) {
				tgt, locTarget = t2, l2
			}
		}
		if len(tgt) == 0 && comp > 0 && fam != "02" { // (an appeal is aimed at whom it asks, not at what they should act on)
			tgt, locTarget = s.objectRoot(comp, ce, preps, allowLoc, root)
		}
		if len(tgt) == 0 && comp < 0 && info != nil && (info.Quad == 1 || info.Quad == 3) {
			// "condemned the violation of its airspace by Iran": the
			// agent of the object is what a verbal reaction is aimed at
			// (not "a ceasefire brokered by the United States")
			if ag := s.byAgent(after, end); len(ag) > 0 && (len(src) == 0 || ag[0].Code != src[0].Code) && s.nounBy(after, ag[0].First) {
				tgt = ag
			}
		}
		if len(tgt) == 0 && comp < 0 && info != nil && (info.Quad == 1 || info.Quad == 3) && len(src) > 0 {
			// "the Taliban denounced the strikes": a reaction to an event
			// told earlier is aimed at whoever did it
			if m, ok := s.doerOfObject(after, end, src[0]); ok {
				tgt = []annals.Mention{m}
			}
		}
		if len(tgt) == 0 && comp < 0 && info != nil && (info.Quad == 1 || info.Quad == 3) && len(src) > 0 {
			// "voiced alarm after Israel expanded its offensive": aimed at
			// the doer of what it reacts to
			if ms, ok := s.causeSubject(ce, src[0]); ok {
				tgt = ms
			}
		}
		if (len(tgt) == 0 || len(tgt) == 1 && tgt[0].Code == "") && info != nil && comp < 0 {
			// "stormed Baabda Palace, the president's residence": the
			// appositive tells whose the unknown name is
			if m, ok := s.appositiveOwner(after, end); ok && (len(src) == 0 || !selfTarget(src[0], m)) {
				tgt, locTarget = []annals.Mention{m}, m.Place
			}
		}
		coop := info != nil && info.Quad <= 2
		if coop && len(tgt) > 0 && tgt[0].First > s.first && s.tok(tgt[0].First-1).Lower == "against" && !s.consumed[tgt[0].First-2] {
			// (but "lifted sanctions against Iran": the pattern's noun
			// takes the "against")
			tgt = nil // cooperation against a common enemy
		}
		if coop && len(src) > 1 && len(tgt) > 0 && s.startPP(tgt[0].First) >= 0 {
			switch s.tok(s.startPP(tgt[0].First)).Lower {
			case "on", "about", "over", "regarding", "concerning":
				tgt = nil // "agreed to share intelligence on Russian submarines": a topic
			}
		}
		if info != nil && info.Quad <= 2 {
			// what cooperating actors deepen, restore or seek is their
			// relation ("seeking to deepen a partnership", "reopened
			// their border"); a reaction's object ("condemned the deal")
			// is not
			recipToks = append(append(recipToks, s.objectWords(v)...), s.objectWords(comp)...)
		}
		recip := s.reciprocal(info, recipToks)
		if len(src) > 1 && (s.mutual(v, ce) || locTarget && recip || recip && ownSide(src, tgt)) {
			tgt = nil // "pledged to work together", "clashed in Ladakh", "agreed to disengage troops": both directions
		}
		if len(src) > 1 && recip && len(tgt) > 0 && tgt[0].Code == "" {
			tgt = nil // "the two sides agreed to reopen the Torkham crossing"
		}
		pair = len(src) > 1 && len(tgt) == 0 && (recip || s.mutual(v, ce))

		if info != nil && info.Quad == 4 && (len(tgt) == 0 || locTarget) {
			// "three soldiers were killed when militants attacked an air
			// base": those the attack killed are whom it struck
			if vt := s.clauseVictims(v); len(vt) > 0 {
				tgt, locTarget = vt, false
			}
		}
		if locTarget {
			conf -= 0.1 // the place stands for the target
		}
		tgt = placeStandsFor(root, src, tgt)
	}
	// "accused X of Y": what follows is the content of the accusation
	if t.Lemma == "accuse" || t.Lemma == "blame" || t.Lemma == "allege" {
		s.reportedFrom = v + 1
		s.reportedUnder = v
	}
	if len(src) > 0 && !s.passive(v) && s.hazardBefore(src[0].Last, v) {
		s.tr.add(t.Text + ": the subject is a natural hazard, not " + src[0].Text)
		src = nil
	}
	if len(src) > 0 && t.Tag == "VBG" && s.afterAccident(v) {
		s.tr.add(t.Text + ": what an accident did, not an act of " + src[0].Text)
		src = nil
	}
	if len(src) == 0 {
		s.tr.add(t.Text + ": " + code + " from " + rule + " has no source actor")
		return
	}
	if c, why := s.noTarget(code, src, tgt, v, ce); c != code {
		code, rule = c, rule+" ("+why+")"
	}
	if len(tgt) == 0 && mediation[code] {
		// "a deal mediated by the UAE": the mediator acts between the
		// parties the sentence names first
		tgt = s.parties(v, src[0])
	}
	if len(tgt) == 0 && !pair {
		if p != nil && catchAll(p) && rule == p.loc {
			// PETRARCH-2's bare rows ("rule" 060, "force" 170, "join"
			// 040) were right 6-18% of the time on unseen news; alone
			// they say too little to code an event without a target
			s.tr.add(fmt.Sprintf("%s: %s from the catch-all row %s has no target, not coded", t.Text, code, rule))
			return
		}
		conf -= 0.15
	}
	s.emit(src, tgt, code, rule, v, v+1, mode, conf, pair)
	if code == "043" && len(tgt) > 0 && len(src) > 0 {
		// "received ministers from the government": a host's guests visit
		for _, g := range tgt {
			if g.Code != "" && g.Code != src[0].Code {
				s.add(g, &src[0], "042", rule+" (hosted: the guest visits)", v, v+1, mode, conf-0.1)
			}
		}
	}
}

// mediation codes are aimed at the parties a mediator stands between.
var mediation = map[string]bool{"045": true}

// parties returns the actors of the sentence's first subject (with their
// conjuncts) before v, other than the mediator: "Russia and Ukraine
// exchanged prisoners in a deal mediated by the UAE".
func (s *sentence) parties(v int, mediator annals.Mention) []annals.Mention {
	i := s.firstSubject(v)
	if i < 0 || s.ms[i].Last > v {
		return nil
	}
	var out []annals.Mention
	for _, m := range s.coordinated(i) {
		if m.Code != "" && m.Code != mediator.Code {
			out = append(out, m)
		}
	}
	return out
}

// noTarget recodes force used on no one: troops moved into a region of
// their own country are mobilised (154), not occupying (192); missiles
// fired into the sea are a show of force (150), not an air strike.
func (s *sentence) noTarget(code string, src, tgt []annals.Mention, v, end int) (string, string) {
	for _, g := range tgt {
		if len(g.Code) < 3 || len(src[0].Code) < 3 || g.Code[:3] != src[0].Code[:3] {
			return code, "" // a foreign or unknown target
		}
	}
	switch verbLemma(s.c.lx, s.tok(v)) {
	case "move", "send", "deploy", "dispatch", "mass", "bring", "pour", "roll", "order":
		if strings.HasPrefix(code, "192") {
			return "154", "no foreign territory: 154"
		}
	}
	if len(tgt) == 0 && (strings.HasPrefix(code, "19") || strings.HasPrefix(code, "18")) {
		for k := v + 1; k < end && k < v+20; k++ {
			if l := s.tok(k).Lower; l == "sea" || l == "ocean" || l == "waters" {
				for j := k - 1; j > v && j >= k-4; j-- {
					if l := s.tok(j).Lower; l == "into" || l == "toward" || l == "towards" {
						return "150", "fired into the sea: 150"
					}
				}
			}
		}
	}
	return code, ""
}

func prepsOf(p *pattern) []string {
	if p == nil {
		return nil
	}
	var out []string
	for _, alts := range p.follow {
		for _, a := range alts {
			switch a {
			case "on", "against", "with", "to", "into", "at", "upon", "for", "from":
				out = append(out, a)
			}
		}
	}
	return out
}

// emit creates the events of a trigger: each source to each target, and
// both directions between coordinated sources with no target when the
// predicate is reciprocal (recip) or they act on "each other".
func (s *sentence) emit(src, tgt []annals.Mention, code, rule string, ts, te int, mode annals.Mode, conf float64, recip bool) {
	if len(src) > 1 {
		// "American and British warships shot down drones" the actors
		// stage gave to one of them: no conjunct's own is a target
		tgt = otherSide(tgt, src)
	}
	if len(tgt) == 0 && len(src) > 1 && (recip || s.eachOther(ts)) {
		for _, a := range src {
			for _, b := range src {
				if a.Code != b.Code {
					b := b
					s.add(a, &b, code, rule, ts, te, mode, conf-0.05)
				}
			}
		}
		return
	}
	for _, a := range src {
		if len(tgt) == 0 {
			s.add(a, nil, code, rule, ts, te, mode, conf)
			continue
		}
		// a target that is the source itself ("Kenya reached out to Somalia,
		// and the two countries ...": the pair holds Kenya) is no second,
		// untargeted event beside the real target
		others := 0
		for _, b := range tgt {
			if !selfTarget(a, b) {
				others++
			}
		}
		for _, b := range tgt {
			if others > 0 && selfTarget(a, b) {
				continue
			}
			b := b
			s.add(a, &b, code, rule, ts, te, mode, conf)
		}
	}
}

// pairMember reports a reference that resolved to two actors at once ("the
// two neighbors", "both countries"): another mention of the sentence has
// the same span.
func (s *sentence) pairMember(m annals.Mention) bool {
	for _, x := range s.ms {
		if x.Ref && x.Span == m.Span && x.Code != m.Code {
			return true
		}
	}
	return false
}

// selfTarget reports a target that names the source itself: the same
// mention, or the same actor code.
func selfTarget(src, tgt annals.Mention) bool {
	return tgt.Span == src.Span && !src.Ref || tgt.Code == src.Code && src.Code != ""
}

func (s *sentence) add(src annals.Mention, tgt *annals.Mention, code, rule string, ts, te int, mode annals.Mode, conf float64) {
	if tgt != nil && tgt.Span == src.Span && !src.Ref {
		tgt = nil // one mention found as both: "the strike by coal workers was called off"
	}
	if tgt != nil && tgt.Code == src.Code && src.Code != "" {
		tgt = nil // "ICRC rejected accusations that it ...": no target, not a self-target
	}
	if tgt != nil && !tgt.Ref && len(tgt.Code) == 3 && len(src.Code) >= 3 && tgt.Code == src.Code[:3] && s.modifiesRelation(*tgt) {
		tgt = nil // "threatened tariffs on the old U.S. ally": the source's own country modifies whom it acts on
	}
	if tgt != nil && tgt.Ref && len(tgt.Code) >= 3 && len(src.Code) >= 3 && tgt.Code[:3] == src.Code[:3] && s.tok(tgt.First).Tag == "PRP$" {
		tgt = nil // "withdraw its ambassador": its own, not a target
	}
	if tgt != nil && tgt.Ref && len(tgt.Code) == 3 && len(src.Code) >= 3 && tgt.Code == src.Code[:3] && s.pairMember(*tgt) {
		return // "closed the crossing amid tensions between the two neighbors": the pair's other member is the target, not the source's own country
	}
	if tgt == nil || !tgt.Ref {
		if l := verbLemma(s.c.lx, s.tok(ts)); src.Code != "" && s.doers != nil {
			s.doers[l] = src // who did what the article later calls "the strikes"
			if len(code) >= 2 {
				s.doers["root:"+code[:2]] = src // or "the attack"
			}
		}
	}
	if src.Ref {
		conf -= 0.15
	}
	if src.Code == "" {
		conf -= 0.25
	}
	if tgt != nil && tgt.Code == "" {
		conf -= 0.1
	}
	if tgt != nil && tgt.Ref {
		conf -= 0.1
	}
	if mode == annals.Reported {
		conf -= 0.2 // the content of a claim ranks below the claim
	}
	if cs := s.clauseStart(ts); cs > s.first && s.boundary(cs) {
		conf -= 0.1 // subordinate, relative or participle clause
	}
	e := s.event(src, tgt, code, rule, ts, te, mode)
	if e.Code == "---" {
		s.tr.add(s.tok(ts).Text + ": " + e.Rule + ": no event")
		return
	}
	e.Confidence = round2(conf)
	for _, o := range s.events {
		if o.Source == e.Source && o.Target == e.Target && o.Code == e.Code && o.TriggerSpan == e.TriggerSpan {
			return
		}
	}
	s.events = append(s.events, e)
}

// relationNouns name one side by its relation to another: in "the
// longtime U.S. partner" the country modifying the noun is not the one
// meant.
var relationNouns = map[string]bool{"partner": true, "ally": true, "neighbour": true, "neighbor": true,
	"backer": true, "rival": true, "adversary": true, "foe": true, "enemy": true, "client": true, "proxy": true}

// modifiesRelation reports a mention that modifies or possesses a relation
// noun, past adjectives: "the longtime U.S. partner", "Iran's regional
// rival".
func (s *sentence) modifiesRelation(m annals.Mention) bool {
	k := m.Last
	if k < s.last && s.tok(k).Tag == "POS" {
		k++
	}
	for k < s.last && s.tok(k).Tag == "JJ" {
		k++
	}
	return k < s.last && relationNouns[s.tok(k).Lemma]
}

func round2(f float64) float64 {
	if f < 0.05 {
		f = 0.05
	}
	return float64(int(f*100+0.5)) / 100
}

func (s *sentence) event(src annals.Mention, tgt *annals.Mention, code, rule string, ts, te int, mode annals.Mode) annals.Event {
	doc := s.doc
	sent := doc.Sentences[s.si]
	e := annals.Event{
		SentenceIndex: s.si,
		Sentence:      sent.Of(doc.Article.Text),
		Source:        src.Code,
		SourceText:    src.Text,
		SourceSpan:    src.Span,
		Code:          code,
		Mode:          mode,
		Rule:          rule,
		TriggerSpan:   annals.Span{Start: doc.Tokens[ts].Start, End: doc.Tokens[te-1].End},
	}
	e.SourceSpan = s.phrase(src.Span, ts, te, false)
	e.SourceText = doc.Article.Text[e.SourceSpan.Start:e.SourceSpan.End]
	if tgt != nil {
		e.Target = tgt.Code
		e.TargetSpan = s.phrase(tgt.Span, ts, te, true)
		e.TargetText = doc.Article.Text[e.TargetSpan.Start:e.TargetSpan.End]
	}
	lemma := verbLemma(s.c.lx, s.tok(ts))
	if c, r := s.c.lx.recode(lemma, code, src, e.Sentence); r != nil {
		e.Code, e.Rule = c, rule+" (by who acts: "+c+")"
	} else if code == "190" && aerial(e.SourceText) {
		e.Code, e.Rule = "195", rule+" (from the air: 195)"
	} else if c := repressed(code, src, tgt); c != code {
		e.Code, e.Rule = c, rule+" (on a crowd: "+c+")"
	}
	if info := s.c.lx.Info(e.Code); info != nil {
		e.Root, e.QuadClass, e.Goldstein, e.Plover = info.Root, info.Quad, info.Goldstein, info.Plover
	}
	if len(e.Source) == 3 && (e.Root == "19" || e.Root == "15") && strings.HasPrefix(rule, "verbs") && aerial(e.SourceText) {
		// "Israeli aircraft struck ...", "Turkish F-16 jets shot down ...":
		// aircraft that fight are the state's armed forces (a nominal's
		// demonym stays the state: "an Indian drone attack")
		e.Source += "MIL"
	}
	return e
}

// aerialWords name aircraft and drones: a plain attack (190) by them uses
// aerial weapons (195).
var aerialWords = map[string]bool{"jet": true, "jets": true, "warplane": true, "warplanes": true, "aircraft": true,
	"bomber": true, "bombers": true, "helicopter": true, "helicopters": true, "gunship": true, "gunships": true,
	"drone": true, "drones": true, "air force": true}

// aerial reports whether an actor's text names aircraft or drones.
func aerial(text string) bool {
	low := strings.ToLower(text)
	if strings.Contains(low, "air force") {
		return true
	}
	for _, w := range strings.Fields(low) {
		if aerialWords[strings.Trim(w, ".,'’s")] {
			return true
		}
	}
	return false
}

// repressed recodes force by the state on a crowd as repression (175):
// "security forces opened fire on student protesters".
func repressed(code string, src annals.Mention, tgt *annals.Mention) string {
	if tgt == nil || !stateRole(src.Code) || !(strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19")) {
		return code
	}
	text := strings.ToLower(tgt.Text)
	for _, w := range crowdWords {
		if strings.Contains(text, w) {
			return "175"
		}
	}
	return code
}

// phrase widens an actor mention to the noun phrase that names it in the
// sentence, so that source_text and target_text show what the sentence
// says: "the Syrian army" rather than "Syrian army", "Trump's decision",
// "Iran's foreign minister, Javad Zarif", and for a target the place or
// thing it is attached to ("an arms depot of the Syrian army", "displaced
// people in eastern Syria"). It never takes in the trigger [ts, te).
func (s *sentence) phrase(sp annals.Span, ts, te int, target bool) annals.Span {
	a, b := -1, -1
	for i := s.first; i < s.last; i++ {
		t := s.tok(i)
		if a < 0 && t.End > sp.Start {
			a = i
		}
		if t.Start < sp.End {
			b = i + 1
		}
	}
	if a < 0 || b <= a {
		return sp
	}
	free := func(i int) bool { return i >= s.first && i < s.last && (i < ts || i >= te) }
	modifier := func(t *annals.Token) bool {
		if when.IsTimeWord(t.Lower) || t.Lower == "both" || t.Lower == "either" || t.Lower == "neither" {
			return false
		}
		if t.Lower == "her" {
			return true // PRP$ the tagger may read as PRP
		}
		switch t.Tag {
		case "DT", "PDT", "JJ", "JJR", "JJS", "CD", "PRP$", "NN", "NNS", "NNP", "NNPS", "POS":
			return t.Lower != "that" && t.Lower != "this" || t.Tag != "DT"
		}
		return false
	}
	// Left: determiners, numbers, adjectives, possessors.
	for free(a-1) && modifier(s.tok(a-1)) {
		a--
	}
	if free(a-1) && s.tok(a).Lower == "least" && s.tok(a-1).Lower == "at" {
		a-- // "at least 75"
	} else if free(a-2) && s.tok(a-1).Lower == "than" && s.tok(a-2).Tag == "JJR" {
		a -= 2
	}
	// Right: the rest of the noun, a possessed head ("Trump's decision").
	for free(b) && !when.IsTimeWord(s.tok(b).Lower) && (isNoun(s.tok(b)) && !s.readsAsVerb(b) || s.tok(b).Tag == "POS" && free(b+1) && isNoun(s.tok(b+1))) {
		b++
	}
	// An apposed name after a title: "his counterpart, Michel Aoun,".
	if isNoun(s.tok(b-1)) && s.tok(b-1).Tag != "NNP" && free(b) && s.tok(b).Tag == "," {
		j := b + 1
		for free(j) && s.tok(j).Tag == "NNP" {
			j++
		}
		if j-b-1 >= 2 && (j >= s.last || s.tok(j).Tag == "," || s.tok(j).Tag == ".") {
			b = j
		}
	}
	if target {
		// Where it is: "people in eastern Syria", "a base near Kabul".
		for n := 0; n < 2 && free(b+1) && isNoun(s.tok(b-1)) && s.tok(b-1).Tag != "NNP" && s.tok(b-1).Tag != "NNPS"; n++ {
			if l := s.tok(b).Lower; l != "in" && l != "of" && l != "near" {
				break
			}
			j, named := b+1, false
			for free(j) && modifier(s.tok(j)) {
				named = named || s.tok(j).Tag == "NNP" || s.tok(j).Tag == "NNPS"
				j++
			}
			if j == b+1 || !isNoun(s.tok(j-1)) || !named && !placeNouns[s.tok(j-1).Lower] {
				break // "in response", "in an attempt" are not places
			}
			b = j
		}
	}
	return annals.Span{Start: s.tok(a).Start, End: s.tok(b - 1).End}
}

// governed reports whether the infinitive at v hangs from an earlier verb
// in its sentence (a purpose or a complement), rather than heading a
// headline-style clause ("Pakistan to expel Afghans").
func (s *sentence) governed(v int) bool {
	for i := v - 2; i >= s.first && i >= v-12; i-- {
		t := s.tok(i)
		if isVerb(t) && t.Tag != "VBG" || (t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "JJ") && s.verbLike(i) { // ("UNICEF hand/NN over vehicles to support")
			return true
		}
	}
	return false
}

// shortParen reports whether the parenthesis at i opens or closes a short
// aside of at most four tokens.
func (s *sentence) shortParen(i int) bool {
	if s.tok(i).Text == "(" {
		for j := i + 1; j < s.last && j <= i+5; j++ {
			if s.tok(j).Text == ")" {
				return true
			}
		}
		return false
	}
	for j := i - 1; j >= s.first && j >= i-5; j-- {
		if s.tok(j).Text == "(" {
			return true
		}
	}
	return false
}

// nounCategory is the complement category of the first nominal event in
// [from, to): "continue the offensive" is force, "resume the talks" a
// meeting.
func (s *sentence) nounCategory(from, to int) string {
	for k := from; k < to; k++ {
		t := s.tok(k)
		if !isNoun(t) && t.Tag != "JJ" { // ("the offensive" may be read as an adjective)
			continue
		}
		ps := s.c.lx.nouns[t.Lemma]
		if len(ps) == 0 {
			continue
		}
		code := ps[len(ps)-1].code // the noun on its own
		switch {
		case code >= "18" && code < "21", strings.HasPrefix(code, "15"):
			return "force"
		case strings.HasPrefix(code, "16"), strings.HasPrefix(code, "17"):
			return "sanction"
		}
		return coopCategory(code)
	}
	return ""
}

// coopCategory is the complement category of a cooperative code: what
// "will ..." or "refused to ..." applies to.
func coopCategory(code string) string {
	switch {
	case strings.HasPrefix(code, "084"):
		return "release"
	case code == "038", code == "039", code == "045":
		return "mediate"
	case strings.HasPrefix(code, "087"), code == "0356":
		return "deescalate"
	case strings.HasPrefix(code, "08"):
		return "ease"
	case strings.HasPrefix(code, "07"):
		return "aid"
	case code == "062":
		return "coopmil"
	case code == "064":
		return "coopintel"
	case strings.HasPrefix(code, "06"):
		return "coop"
	case code == "057" || strings.HasPrefix(code, "037"):
		return "settle"
	case strings.HasPrefix(code, "032"), strings.HasPrefix(code, "05"):
		return "diplo"
	case strings.HasPrefix(code, "033"):
		return "aid"
	case strings.HasPrefix(code, "034"):
		return "reform"
	case strings.HasPrefix(code, "035"):
		return "ease"
	case strings.HasPrefix(code, "036"):
		return "meet"
	case strings.HasPrefix(code, "030"), strings.HasPrefix(code, "031"):
		return "coop"
	case strings.HasPrefix(code, "04"):
		return "meet"
	}
	return ""
}

// complementCode looks a family and category up in the complement table,
// falling back to the family's default.
func complementCode(lx *Lexicon, fam, cat string) string {
	if c, ok := lx.compMap[fam+"/"+cat]; ok {
		return c
	}
	return lx.compMap[fam+"/*"]
}

// stateRole reports a state or one of its organs: a bare country code or a
// government, military, police, intelligence, legislative or judicial role.
func stateRole(code string) bool {
	if len(code) < 3 {
		return false // an unknown name
	}
	if len(code) == 3 {
		return code != "IGO" && code != "NGO" && code != "IMG" && code != "MNC" && code != "MED"
	}
	switch code[3:min(6, len(code))] {
	case "GOV", "MIL", "COP", "SPY", "LEG", "JUD":
		return true
	}
	return false
}

// allOwnCountry reports targets that are all of the first source's
// country ("KENCOP" for "KEN"), a known one.
func allOwnCountry(tgt, src []annals.Mention) bool {
	if len(src) == 0 || len(src[0].Code) < 3 || strings.HasPrefix(src[0].Code, "---") {
		return false
	}
	for _, m := range tgt {
		if len(m.Code) < 3 || m.Code[:3] != src[0].Code[:3] {
			return false
		}
	}
	return len(tgt) > 0
}

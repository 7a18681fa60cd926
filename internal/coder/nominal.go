package coder

// Nominal triggers: "an Israeli strike on Gaza", "talks with Iran".

import (
	"strings"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/when"
)

// undoes reports whether a verb code acts on a noun of the other side,
// so that the noun names what is ended rather than a new event: "lifted
// the sanctions", "ended the blockade", "violated the ceasefire".
func undoes(lx *Lexicon, code, noun string) bool {
	np := lx.nouns[noun]
	if len(np) == 0 {
		return false
	}
	vi, ni := lx.Info(code), lx.Info(np[0].code)
	// "lifted the sanctions", and the reverse: "violated the ceasefire",
	// "broke off the talks"
	return vi != nil && ni != nil && (vi.Quad <= 2 && ni.Quad >= 3 || vi.Quad >= 3 && ni.Quad <= 2)
}

// bareName reports a country's or city's name standing bare before noun n
// (a proper noun, no possessive, no adjective of nationality): "the Paris
// attacks", "the Kabul bombing", "the Ukraine invasion" say where, or
// against whom; the doer is named by a possessive or an adjective ("Russia's
// invasion", "Israeli strikes"). Names of bodies and groups are their own
// acts' doers ("the Hamas attack").
func (s *sentence) bareName(m annals.Mention, n int) bool {
	for k := m.Last; k < n; k++ {
		if t := s.tok(k); t.Tag != "NN" && t.Tag != "NNS" {
			return false // only nouns between: "the Kabul airport bombing"
		}
	}
	last := s.tok(m.Last - 1)
	if last.Tag != "NNP" && last.Tag != "NNPS" || last.UPOS != "" && last.UPOS != "PROPN" || len(m.Code) != 3 || m.Ref {
		return false // (the parser's tags tell "the Israeli/ADJ strike" from "the Paris/PROPN attacks")
	}
	if strings.ToUpper(last.Text) == last.Text {
		return false // "US strikes", "UK sanctions": an abbreviation stands as the adjective
	}
	return m.Last >= s.last || s.tok(m.Last).Tag != "POS" && s.tok(m.Last).Lower != "'s"
}

// genericDets before an event noun make it a kind of act, not one that
// happened: "any attack", "no violation", "every provocation".
var genericDets = map[string]bool{"any": true, "no": true, "every": true}

// anyDet reports a generic determiner in the noun phrase of n, before it
// past modifiers ("any further Israeli attack").
func (s *sentence) anyDet(n int) bool {
	for k := n - 1; k >= s.first && k >= n-4; k-- {
		t := s.tok(k)
		if genericDets[t.Lower] && (t.Tag == "DT" || t.Tag == "RB") {
			return true
		}
		if !(t.Tag == "JJ" || t.Tag == "JJR" || isNoun(t) || t.Tag == "VBN" || t.Tag == "HYPH" || s.inMention[k]) {
			return false
		}
	}
	return false
}

// placeNouns head a prepositional phrase that says where a target is.
var placeNouns = map[string]bool{"country": true, "city": true, "province": true, "region": true, "area": true,
	"district": true, "village": true, "town": true, "capital": true, "state": true, "border": true, "enclave": true,
	"territory": true, "airspace": true, "soil": true, "waters": true}

// readsAsVerb reports whether the noun-tagged token i reads as the
// sentence's verb: a verb in the lexicon followed by what a verb takes
// ("Congo government rejects the plan", "Biden refuse to ...").
func (s *sentence) readsAsVerb(i int) bool {
	t := s.tok(i)
	if t.Tag == "NNP" || t.Tag == "NNPS" || s.c.lx.verbs[t.Lemma] == nil && s.c.lx.verbs[t.Lower] == nil {
		return false
	}
	if i+1 >= s.last || !isNoun(s.tok(i+1)) {
		return true
	}
	// a noun that a pattern of the verb takes: "the attack set fire to"
	for _, p := range s.c.lx.verbs[t.Lemma] {
		if len(p.trigger) == 1 && len(p.follow) > 0 && has(p.follow[0], s.tok(i+1).Lower) {
			return true
		}
	}
	return false
}

// noun codes a nominal trigger: "Israeli strike on Gaza", "a visit by the
// Turkish minister to Baghdad", "talks with Iran".
func (s *sentence) noun(n int) {
	t := s.tok(n)
	lx := s.c.lx
	pats := lx.nouns[t.Lemma]
	if len(pats) == 0 {
		return
	}
	p, after, used := s.matchPattern(pats, n, s.last)
	if p == nil || p.code == "---" {
		return
	}
	if s.anyDet(n) {
		s.tr.add(t.Text + ": a kind of act, not one that happened (any, no, every)")
		return // "would respond to any attack", "there was no attack"
	}
	// only a noun heading its phrase: "strike" in "strike force" is not one
	if after < s.last && isNoun(s.tok(after)) && !when.IsTimeWord(s.tok(after).Lower) && !s.readsAsVerb(after) {
		return
	}
	if s.tree && s.verbRooted() && after < s.last && s.rel(after-1) == "compound" && s.head(after-1) >= after && isNoun(s.tok(s.head(after-1))) {
		return // "a Turkish-flagged aid ship killed": the parser, which found the verb, reads the next noun as the head
	}
	for k := n + 1; k < after; k++ {
		if s.consumed[k] && s.sharpen(n, k, p) {
			return // "carried out a chemical attack": the verb's event, made precise
		}
		s.consumed[k] = true // "hunger strike" is not also a "strike"
	}
	cs := s.clauseStart(n)
	var src []annals.Mention
	// possessor or adjective: a mention ending within 3 tokens before the
	// noun with only modifiers between.
	for i := len(s.ms) - 1; i >= 0; i-- {
		m := s.ms[i]
		if m.Last > n || m.Last < n-3 || m.Place || s.bareName(m, n) {
			continue // ("the Bali bombing" happened in Bali; "the Paris attacks", "the Ukraine invasion" there too)
		}
		ok := true
		for k := m.Last; k < n; k++ {
			tk := s.tok(k)
			if !(tk.Lower == "'s" || tk.Lower == "'" || tk.Tag == "JJ" || isNoun(tk) || tk.Tag == "VBN" || tk.Tag == "HYPH" || tk.Text == "-") {
				ok = false
			}
		}
		if ok {
			src = s.coordinated(i)
			if m.First > s.first && s.tok(m.First-1).Tag == "DT" {
				src = []annals.Mention{m} // "the civilians and the terrorist attack": a new phrase, not a list
			}
		}
		break
	}
	if len(src) == 1 && len(src[0].Code) == 3 && !s.possessor(src[0]) {
		// "Petro announced an increase in Colombian tariffs": the one who
		// puts the measure into effect is the state's own actor, more
		// precisely named than by the adjective
		if subj := s.measureSubject(n); len(subj) == 1 && len(subj[0].Code) > 3 && strings.HasPrefix(subj[0].Code, src[0].Code) {
			src = subj
		}
	}
	end := min(s.last, after+8)
	if b := s.clauseEnd(n); b < end {
		end = b
	}
	tfrom := after // where targets may start
	if len(src) == 0 && after < end && s.tok(after).Lower == "of" && (p.code[:2] == "04" || strings.HasPrefix(p.code, "087")) {
		// "the visit of the Chinese foreign minister to Canberra": the
		// of-phrase is the agent of a visit, a meeting, aid
		for i, m := range s.ms {
			if m.First > after && m.First <= after+3 {
				src, tfrom = s.coordinated(i), m.Last
				break
			}
		}
	}
	recipient := -1 // "Obama faces pressure from Congress": the subject of a recipient verb is the target
	if len(src) == 0 {
		// ("withdrawal from the treaty": the row's own "from" is not an agent's)
		src = s.agentAfter(n, min(end, s.ofPhraseEnd(n)+5), !strings.HasPrefix(p.code, "087") && !has(prepsOf(p), "from"))
		for k := n + 1; len(src) > 0 && k < src[0].First; k++ {
			if tk := s.tok(k); isVerb(tk) || tk.Text == "," {
				src = nil // "the ceasefire, brokered by Egypt": the participle's agent
			}
		}
		if len(src) > 0 {
			recipient = s.recipientOf(n)
		}
	}
	support := -1            // the verb that carries the nominal event
	agreed := false          // the noun is what an agreement is on (agreedOn)
	agreeVerb := -1          // and the verb of that agreement
	var stay *annals.Mention // where a verbless headline puts its visitor
	if len(src) == 0 {
		// "Iraqi forces have begun their assault on ...": the subject of a
		// support verb is the agent of the nominal event
		own := false // "Russia announced its withdrawal": its own act
		for g := n - 1; g >= s.first && g >= n-12; g-- {
			tg := s.tok(g)
			own = own || tg.Tag == "PRP$" && !s.inMention[g]
			if (tg.Lower == "on" || tg.Lower == "over") && g-1 >= s.first && agreedOn[s.tok(g-1).Lemma] && !agreed {
				agreed = true // "reached an agreement on new sanctions": what the subject agreed to do
				continue
			}
			if isVerb(tg) {
				if l := verbLemma(s.c.lx, tg); agreed {
					src, agreeVerb = s.subject(g), g
				} else if own && !supportVerbs[l] && !measureVerbs[l] {
					src = s.subject(g) // the possessive names the verb's subject
				} else if supportVerbs[l] || measureVerbs[l] {
					if tg.Tag == "VB" && g > s.first && s.tok(g-1).Lower == "to" && s.governed(g) && !s.transparent[g] {
						// "summoned the envoy to lodge a protest": a purpose
						s.tr.add(t.Text + ": under an infinitive of purpose, not coded")
						return
					}
					src, support = s.subject(g), g
				}
				break
			}
			if m, at, ok := s.headlineStay(g, p.code); ok {
				src, stay = []annals.Mention{m}, &at // "Zelenskiy in Washington for first trip abroad"
				break
			}
			if s.adjunctAgent(g, p.code) {
				// "Biden said during an unannounced visit to Kyiv": the
				// visit is the one who speaks
				if v := s.adjunctHost(g); v >= 0 {
					src = s.subject(v)
				}
				break
			}
			if tg.Lower == "in" && g-1 >= s.first && s.tok(g-1).Lemma == "be" && isVerb(s.tok(g-1)) {
				src = s.subject(g - 1) // "India has been in discussions with the US": in the midst of them
				break
			}
			if tg.Lower == "for" && g-2 >= s.first && s.tok(g-1).Lower == "responsible" && s.tok(g-2).Lemma == "be" {
				src = s.subject(g - 2) // "the LRA is responsible for mass killings"
				break
			}
			if !(tg.Tag == "DT" || tg.Tag == "PRP$" || tg.Tag == "JJ" || isNoun(tg) || tg.Tag == "CD" || tg.Tag == "RP" ||
				tg.Lower == "of" && g > s.first && isNoun(s.tok(g-1))) { // "began a new round of joint exercises"
				break
			}
		}
	}
	if len(src) == 0 {
		s.tr.add(t.Text + ": nominal " + p.code + " has no source")
		return
	}
	var tgt []annals.Mention
	placed := false // the target is only where it happened ("in Beirut")
	if support >= 0 {
		// "Obama gave Putin a stern warning": the one between the verb and
		// its noun is the target
		for i, m := range s.ms {
			if m.First > support && m.Last < n && s.startPP(m.First) < 0 && s.tok(m.First-1).Tag != "POS" {
				tgt = s.coordinated(i)
				break
			}
		}
	}
	if recipient >= 0 {
		if tgt = s.subject(recipient); len(tgt) == 0 {
			s.tr.add(t.Text + ": received by no actor, not coded") // "the step enjoyed support from Moscow"
			return
		}
	}
	// "bans on travel to Canada against four officers": "against" names
	// the target of a conflict noun wherever it stands
	if info := s.c.lx.Info(p.code); info != nil && info.Quad >= 3 && len(tgt) == 0 {
		far := min(s.last, after+14, s.clauseEnd(n))
		for i, m := range s.ms {
			if m.First <= after || m.First >= far {
				continue
			}
			k := m.First - 1
			for k > after && k >= m.First-3 && (s.tok(k).Tag == "DT" || s.tok(k).Tag == "CD" || s.tok(k).Tag == "JJ") {
				k-- // "against four senior officers"
			}
			if s.tok(k).Lower == "against" && !s.inOtherAct(m, n, after) {
				tgt = s.coordinated(i)
				break
			}
		}
	}
	for i, m := range s.ms {
		if len(tgt) > 0 {
			break
		}
		if m.First < tfrom || m.First >= end || m.First == s.first || s.inOtherAct(m, n, after) {
			continue
		}
		k := m.First - 1
		for k > after && k >= m.First-3 && (s.tok(k).Tag == "DT" || s.tok(k).Tag == "CD" || s.tok(k).Tag == "JJ" || s.tok(k).Tag == "PRP$") {
			k-- // "an attack on a Pakistani air base", "the deployment of 800 troops", "talks with his US counterpart"
		}
		pr := s.tok(k).Lower
		if pr == "by" {
			continue // the agent of "a visit by X to Y"
		}
		if m.Code == "" && s.tok(m.First-1).Tag != "IN" && s.tok(m.First-1).Tag != "TO" {
			continue // "the visit of Pope Francis to Iraq": the rest of a name
		}
		switch pr {
		case "on", "against", "to", "with", "into", "at", "in", "inside", "upon", "targeting":
			tgt = s.coordinated(i)
			placed = pr == "in" || pr == "inside"
		case "of":
			// "Israel's assassination of Ismail Haniyeh": the one acted on
			if r := p.code[:2]; r == "17" || r == "18" || r == "19" || r == "20" {
				tgt = s.coordinated(i)
			} else {
				continue // "the deployment of 230 troops to Liberia": what is deployed
			}
		case "for":
			// "expressed appreciation for China's assistance"
			if r := p.code[:2]; r == "01" || r == "05" {
				tgt = s.coordinated(i)
			}
		case "over":
			// "sanctions over Russia's aggression": a measure against
			// the one whose act it answers
			if info := s.c.lx.Info(p.code); info != nil && info.Quad >= 3 && s.possessor(m) {
				tgt = s.coordinated(i)
			}
		case "from":
			// "the withdrawal of French troops from Niger"
			if strings.HasPrefix(p.code, "087") {
				tgt = s.coordinated(i)
			}
		}
		break
	}
	if len(tgt) == 0 && len(used) > 0 {
		if r := p.code[:2]; r == "08" || r == "17" || r == "18" || r == "19" || r == "20" {
			// "the release of 39 Palestinian prisoners": whose people the
			// row's own noun names are the ones acted on
			for i, m := range s.ms {
				if m.First > n && m.Last == used[len(used)-1] && m.Code != "" && !m.Place {
					tgt = s.coordinated(i)
					break
				}
			}
		}
	}
	if len(tgt) == 0 && stay != nil {
		tgt = []annals.Mention{*stay} // the host of the visit
	}
	if len(tgt) == 0 || placed {
		// "a Hamas official was killed in an Israeli drone strike in
		// Beirut": the victims before the place
		// (but bare role words, whose country is only the article's, do
		// not displace a named place)
		if vt := s.victims(n); len(vt) > 0 && (len(tgt) == 0 || !strings.HasPrefix(vt[0].Entry, "agents.tsv")) {
			tgt = vt
		}
	}
	code := p.code
	if code == "150" && s.civilDrill(n) {
		s.tr.add(t.Text + ": a civil drill, not a show of force")
		return
	}
	if code == "150" && (s.jointBefore(n) || len(tgt) > 0 && s.tok(tgt[0].First-1).Lower == "with" || len(src) > 1) {
		code = "062" // "joint military exercises", "drills with the US navy", "Brazil and Argentina's war games"
	}
	if strings.HasPrefix(code, "087") && len(tgt) > 0 {
		igo := true
		for _, g := range tgt {
			igo = igo && strings.HasPrefix(g.Code, "IGO")
		}
		if igo {
			code = "161" // "their withdrawal from ECOWAS": leaving an organisation
		}
	}
	mode := s.mode(n, cs)
	if agreeVerb >= 0 {
		// what is agreed is intended, unless the agreement itself failed
		// or is denied ("failed to agree on a ceasefire")
		if mode = s.mode(agreeVerb, s.clauseStart(agreeVerb)); mode == annals.Asserted {
			mode = annals.Intended
		}
	}
	if support >= 0 && mode == annals.Asserted {
		// "it will begin a new military operation": the support verb's
		// modality is the event's
		mode = s.mode(support, s.clauseStart(support))
	}
	if support >= 0 && mode == annals.Intended {
		if c := futureCode(lx, code); c != "" {
			code = c // a promised operation is a threat (13x), promised aid an intent (03x)
		}
	}
	// a nominal inside "fears of", "threat of", "plans for" is not an
	// event that happened
	if n-2 >= s.first {
		w := s.tok(n - 2).Lemma
		if (s.tok(n-1).Lower == "of" || s.tok(n-1).Lower == "for") && (w == "threat" || w == "fear" || w == "risk" || w == "plan" || w == "possibility" || w == "call" || w == "demand") {
			mode = annals.Hypothetical
		}
	}
	conf := 0.7
	if len(tgt) == 0 {
		conf -= 0.15
	}
	s.emit(src, tgt, code, p.loc, n, n+1, mode, conf, s.reciprocal(lx.Info(code), []int{n, support, agreeVerb}))
	if agreeVerb >= 0 {
		// CAMEO codes what was agreed, not the agreeing: the verb's own
		// agreement event gives way to its content
		at := s.tok(agreeVerb).Start
		kept := s.events[:0]
		for _, e := range s.events {
			if e.TriggerSpan.Start == at && (e.Root == "03" || e.Root == "05") {
				s.tr.add(s.tok(agreeVerb).Text + ": what was agreed (" + t.Text + ") is the event, not the agreeing")
				continue
			}
			kept = append(kept, e)
		}
		s.events = kept
	}
}

// victims returns the subject of a passive killing or wounding whose "in"
// phrase holds the nominal attack at n: "five soldiers were wounded in a
// Hezbollah anti-tank missile attack".
func (s *sentence) victims(n int) []annals.Mention {
	for k := n - 1; k > s.first && k >= n-6; k-- {
		if l := s.tok(k).Lower; l == "in" || l == "during" {
			if resultVerbs[verbLemma(s.c.lx, s.tok(k-1))] && s.passive(k-1) {
				return s.subject(k - 1)
			}
			return nil
		}
		if t := s.tok(k); !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || isNoun(t) || t.Tag == "POS") {
			return nil
		}
	}
	return nil
}

// civilDrill reports an evacuation, fire or rescue drill: "carried out an
// emergency evacuation exercise in a school".
func (s *sentence) civilDrill(n int) bool {
	for k := n - 1; k >= s.first && k >= n-3; k-- {
		switch s.tok(k).Lower {
		case "evacuation", "fire", "rescue", "earthquake", "disaster", "humanitarian", "medical", "first-aid", "tabletop":
			return true
		}
	}
	return false
}

// jointBefore reports a reciprocal modifier ("joint", "combined":
// reciprocal.tsv) among the modifiers before the noun at n.
func (s *sentence) jointBefore(n int) bool {
	for k := n - 1; k >= s.first && k >= n-4; k-- {
		t := s.tok(k)
		if s.c.lx.recipMarks["modifier"][t.Lower] { // reciprocal.tsv: joint, combined, bilateral
			return true
		}
		if !(t.Tag == "JJ" || isNoun(t) || t.Tag == "DT" || t.Tag == "CD" || t.Tag == "VBG" || t.Tag == "VBN") {
			return false
		}
	}
	return false
}

// mutual reports a reciprocal adverb or object ("together", "jointly",
// "each other": reciprocal.tsv) after the trigger in its clause.
func (s *sentence) mutual(v, end int) bool {
	for i := v + 1; i < end && i < v+8; i++ {
		if s.c.lx.recipMarks["adverb"][s.tok(i).Lower] || s.objectMark(i) { // reciprocal.tsv: together, jointly, each other
			return true
		}
	}
	return false
}

// eachOther reports "each other" or "one another" as the object of the
// verb at v: coordinated subjects act on one another ("Sudan and South
// Sudan accused each other"), one event per direction, whatever the code.
func (s *sentence) eachOther(v int) bool {
	for i := v + 1; i+1 < s.last && i < v+4; i++ {
		if s.objectMark(i) { // reciprocal.tsv: each other, one another
			return true
		}
		if s.inMention[i] || isVerb(s.tok(i)) {
			return false
		}
	}
	return false
}

// nominalSubject returns the nominal attack event, by the same source,
// that is the subject of the verb event i at token ti, or -1.
func (s *sentence) nominalSubject(i, ti int) int {
	e := s.events[i]
	for j, o := range s.events {
		oj := s.tokenAt(o.TriggerSpan.Start)
		if j == i || oj < 0 || oj >= ti || o.QuadClass != 4 || o.Source != e.Source || o.Mode != e.Mode || !strings.HasPrefix(o.Rule, "nouns") {
			continue
		}
		clear := true
		for k := oj + 1; k < ti; k++ {
			if t := s.tok(k); isVerb(t) && !isAux(t) || t.Text == "," || s.boundary(k) {
				clear = false
			}
		}
		if clear {
			return j
		}
	}
	return -1
}

// recipientVerbs take as object what someone else does to their subject:
// "faces pressure from Congress", "received assurances from the
// government", "won backing from the EU".
var recipientVerbs = map[string]bool{"face": true, "receive": true, "get": true, "enjoy": true, "win": true, "gain": true,
	"draw": true, "attract": true, "secure": true, "obtain": true, "earn": true}

// recipientOf returns the recipient verb whose object is the noun at n, or
// -1.
func (s *sentence) recipientOf(n int) int {
	for g := n - 1; g >= s.first && g >= n-5; g-- {
		t := s.tok(g)
		if (t.Tag == "VBG" || t.Tag == "VBN") && g > s.first && (s.tok(g-1).Tag == "DT" || isVerb(s.tok(g-1))) {
			continue // "faces mounting pressure"
		}
		if isVerb(t) {
			if recipientVerbs[verbLemma(s.c.lx, t)] {
				return g
			}
			return -1
		}
		if !(t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "JJ" || t.Tag == "JJR" || t.Tag == "CD" || t.Tag == "RB" || isNoun(t)) {
			return -1
		}
	}
	return -1
}

// guestAfter reports whether the object starting at k is an actor:
// "received the Iraqi prime minister" (not "received food").
func (s *sentence) guestAfter(k int) bool {
	for ; k < s.last; k++ {
		if s.inMention[k] {
			return true
		}
		if t := s.tok(k); !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "PRP$" || t.Tag == "RB") {
			return false
		}
	}
	return false
}

// nominalFrom reports whether the object of the verb at v is a nominal
// event with a from- or by-agent: "received assurances from the
// government".
func (s *sentence) nominalFrom(v, end int) bool {
	for k := v + 1; k < end && k <= v+5; k++ {
		t := s.tok(k)
		if isNoun(t) && len(s.c.lx.nouns[t.Lemma]) > 0 && !s.inMention[k] {
			return len(s.byAgent(k, min(end, k+5))) > 0
		}
		if !(t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "JJ" || t.Tag == "JJR" || t.Tag == "CD" || t.Tag == "RB" || t.Tag == "VBG" || t.Tag == "VBN") {
			return false
		}
	}
	return false
}

// documents are nouns whose participle says what their authors do: "a
// resolution censuring Iran", "a statement condemning the attack".
var documents = map[string]bool{"resolution": true, "statement": true, "letter": true, "declaration": true, "report": true,
	"communique": true, "communiqué": true, "motion": true, "decree": true, "bill": true, "note": true}

// claimNouns introduce the content of a claim ("allegations that ...").
var claimNouns = map[string]bool{"accusation": true, "allegation": true, "charge": true, "claim": true, "report": true,
	"rumour": true, "rumor": true, "suggestion": true, "assertion": true, "speculation": true}

// measureSubject returns the subject of the support or measure verb whose
// object phrase holds the noun at n ("announced a 25% increase in
// tariffs", "imposed new restrictions"), or nil when no such verb governs
// it within the phrase.
func (s *sentence) measureSubject(n int) []annals.Mention {
	for g := n - 1; g >= s.first && g >= n-12; g-- {
		tg := s.tok(g)
		if isVerb(tg) {
			if lightVerb(s.c.lx, tg) {
				return s.subject(g)
			}
			return nil
		}
		if !(tg.Tag == "DT" || tg.Tag == "PRP$" || tg.Tag == "JJ" || isNoun(tg) || tg.Tag == "CD" || tg.Tag == "IN" || tg.Text == "%" || s.inMention[g]) {
			return nil
		}
	}
	return nil
}

// nominalObject reports whether the object phrase right after the verb at
// v holds a nominal event trigger ("ordered visa restrictions", "announced
// new tariffs on ...").
func (s *sentence) nominalObject(v int) bool {
	for k := v + 1; k < s.last && k <= v+6; k++ {
		t := s.tok(k)
		if isNoun(t) && len(s.c.lx.nouns[t.Lemma]) > 0 {
			return true
		}
		if !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "PRP$" || isNoun(t) || t.Text == "%") {
			return false
		}
	}
	return false
}

// adjunctAgents are the prepositions of an adjunct whose nominal event is
// the act of the clause's own subject, by the code's first digits: "said
// during a visit to Kyiv", "spoke on a trip to Beijing".
var adjunctAgents = map[string][]string{
	"during": {"04"},
	"on":     {"04"},
}

// adjunctAgent reports whether token g is the preposition of such an
// adjunct for a nominal event of this code.
func (s *sentence) adjunctAgent(g int, code string) bool {
	for _, pre := range adjunctAgents[s.tok(g).Lower] {
		if strings.HasPrefix(code, pre) {
			return s.adjunctHost(g) >= 0
		}
	}
	return false
}

// adjunctHost returns the active verb that the adjunct at g modifies, right
// before it or before its particle or object ("met Netanyahu on a visit"),
// or -1.
func (s *sentence) adjunctHost(g int) int {
	v := g - 1
	for v > s.first && (s.inMention[v] || s.tok(v).Tag == "RP" || s.tok(v).Tag == "PRP") {
		v--
	}
	if v <= s.first || !isVerb(s.tok(v)) || isAux(s.tok(v)) {
		return -1
	}
	if s.tok(v).Tag == "VBN" && s.tok(v-1).Lemma == "be" {
		return -1 // "were killed during a visit to the market": the subject suffered it
	}
	return v
}

// headlineStay reads a verbless headline that puts an actor somewhere for
// a visit or talks: "Zelenskiy in Washington for first trip abroad",
// "Blinken in Beijing for talks". g is the "for" before the noun; it
// returns the visitor and the host.
func (s *sentence) headlineStay(g int, code string) (annals.Mention, annals.Mention, bool) {
	none := annals.Mention{}
	if !strings.HasPrefix(code, "04") || s.tok(g).Lower != "for" || !s.headline() {
		return none, none, false
	}
	for k := s.first; k < g; k++ {
		if isVerb(s.tok(k)) {
			return none, none, false
		}
	}
	for i, m := range s.ms {
		if m.First != s.first || m.Code == "" || m.Place || i+1 >= len(s.ms) || s.tok(m.Last).Lower != "in" {
			continue
		}
		if at := s.ms[i+1]; at.First == m.Last+1 && at.Last == g && at.Code != "" {
			return m, at, true
		}
	}
	return none, none, false
}

// ofPhraseEnd returns the token after the of-phrase that names what the
// nominal event at n acts on ("the arrest of opposition leader Ousmane
// Sonko by police"), so the by-agent after it is still the event's; n
// when no of-phrase follows.
func (s *sentence) ofPhraseEnd(n int) int {
	k := n + 1
	if k >= s.last || s.tok(k).Lower != "of" {
		return n
	}
	k++
	for k < s.last && k < n+12 && (s.inMention[k] || isNoun(s.tok(k)) || s.tok(k).Tag == "DT" || s.tok(k).Tag == "JJ" || s.tok(k).Tag == "CD" || s.tok(k).Tag == "POS" || s.tok(k).Tag == "PRP$") {
		k++
	}
	return k - 1
}

// inOtherAct reports, from the tree, a mention inside the phrase of
// another act's noun that stands between the nominal trigger n and it:
// "measures over Moscow's invasion of Ukraine" (Ukraine is the
// invasion's, not the measures'). The trigger's words are [n,
// after). False without a readable tree, or when the mention's phrase
// does not hang from the trigger.
func (s *sentence) inOtherAct(m annals.Mention, n, after int) bool {
	if !s.tree {
		return false
	}
	k := m.Last - 1
	for step := 0; step < 12; step++ {
		h := s.head(k)
		if h < 0 || h >= n && h < after {
			return false // the trigger's own words ("air strikes")
		}
		if t := s.tok(h); h >= after && h < m.First && isNoun(t) && (s.c.lx.nouns[t.Lemma] != nil || s.c.lx.verdicts["noun"][t.Lemma] != "") {
			return true
		}
		k = h
	}
	return false
}

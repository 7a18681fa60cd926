package actors

import (
	"math"
	"strings"

	"github.com/annals-events/annals"
)

// References to more than one actor, and the owners of possessive
// pronouns: "the two countries", "the three leaders", "all three", "they"
// after a list, "their" after coordinated subjects, "its" after a
// pronoun subject or an addressee told to act ("urged Moscow to withdraw
// its troops"). The words are the tables below.

// setNumbers are the number words of "the two countries", "all three".
var setNumbers = map[string]int{"two": 2, "three": 3}

// setPhrase reports a phrase at token i of sentence si that names the
// story's pair or trio: "both countries", "the two warring sides", "the
// neighbours", "both of them", "the three leaders", "all three
// countries", and "both", "the two" or "all three" standing alone as a
// subject ("with both claiming it", "the two met"). end is the index after
// it; n is how many actors it names.
func (c *context) setPhrase(si, i int) (first, end int, kind pairKind, n int, ok bool) {
	s := c.doc.Sentences[si]
	toks := c.doc.Tokens
	w := toks[i].Lower
	noun := func(j int) (int, pairKind, bool) {
		// up to two adjectives: "the two nuclear-armed neighbours"
		for n := 0; n < 2 && j < s.Last && toks[j].Tag == "JJ" && !isPairNoun(toks[j].Lower); n++ {
			j++
		}
		if j < s.Last && isPairNoun(toks[j].Lower) {
			return j + 1, pairNouns[toks[j].Lower], true
		}
		return j, 0, false
	}
	verbNext := func(j int) bool {
		if j < s.Last && toks[j].Tag == "RB" {
			j++
		}
		return j < s.Last && (isVerbTag(toks[j].Tag) || toks[j].Tag == "MD")
	}
	ofThem := func(j int) bool { return j+1 < s.Last && toks[j].Lower == "of" && toks[j+1].Lower == "them" }
	switch {
	case w == "both":
		if e, k, ok := noun(i + 1); ok {
			return i, e, k, 2, true
		}
		if ofThem(i + 1) {
			return i, i + 3, pairActor, 2, true
		}
		// "Both said", "with both claiming it", but not "have both
		// claimed" or "the incumbent both claimed"
		prev := ""
		if i > s.First {
			prev = toks[i-1].Lower
		}
		if verbNext(i+1) && (prev == "" || bothOpeners[prev]) {
			return i, i + 1, pairActor, 2, true
		}
	case (w == "the" || w == "all") && i+1 < s.Last && setNumbers[toks[i+1].Lower] > 0 && (w == "the" || toks[i+1].Lower == "three"):
		n := setNumbers[toks[i+1].Lower]
		if e, k, ok := noun(i + 2); ok {
			return i, e, k, n, true
		}
		if ofThem(i + 2) {
			return i, i + 4, pairActor, n, true // "all three of them"
		}
		if verbNext(i + 2) {
			return i, i + 2, pairActor, n, true // "the two met on Monday", "All three want"
		}
	case w == "the" && i+1 < s.Last && definitePairNouns[toks[i+1].Lower]:
		return i, i + 2, pairNouns[toks[i+1].Lower], 2, true
	}
	return 0, 0, 0, 0, false
}

// gapIs reports whether the words between mentions a and b, past a "the",
// are exactly words: "Russia and the United States".
func (c *context) gapIs(a, b annals.Mention, words ...string) bool {
	if a.Sentence != b.Sentence || b.First < a.Last {
		return false
	}
	toks := c.doc.Tokens
	gap := toks[a.Last:b.First]
	if len(gap) > 0 && gap[len(gap)-1].Lower == "the" {
		gap = gap[:len(gap)-1]
	}
	if len(gap) != len(words) {
		return false
	}
	for k, w := range words {
		if gap[k].Lower != w {
			return false
		}
	}
	return true
}

// lastList returns the most recent list of coordinated mentions: "X and
// Y", "X, Y and Z" (what "they" refers to).
func (c *context) lastList(seen pool) []annals.Mention {
	n := seen.len()
	for i := n - 1; i > 0 && i >= n-6; i-- {
		a, b := seen.at(i-1), seen.at(i)
		if !c.gapIs(a, b, "and") && !c.gapIs(a, b, ",", "and") {
			continue
		}
		list := []annals.Mention{a, b}
		for k := i - 2; k >= 0 && k >= i-6; k-- {
			p := seen.at(k)
			if !c.gapIs(p, list[0], ",") {
				break
			}
			list = append([]annals.Mention{p}, list...)
		}
		return list
	}
	return nil
}

// subjectList returns the subject of sentence si before token i, with the
// mentions coordinated with it: "Pakistani and Iranian officials said
// their", or the actors a subject pronoun was resolved to ("They agreed to
// return their ambassadors").
func (c *context) subjectList(si, i int, cur []annals.Mention, refs map[int][]annals.Mention) []annals.Mention {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	fin := c.finiteVerb(si)
	inPP := func(k int) bool { return k > s.First && toks[k-1].Tag == "IN" }
	ref, rf := []annals.Mention(nil), -1
	for f, r := range refs {
		if f < i && f < fin && !inPP(f) && (rf < 0 || f < rf) {
			ref, rf = r, f
		}
	}
	var list []annals.Mention
	for _, m := range cur {
		if m.Last > i || m.First >= fin {
			break
		}
		if len(list) == 0 {
			if inPP(m.First) {
				continue
			}
			list = append(list, m)
			continue
		}
		if !c.gapIs(list[len(list)-1], m, "and") && !c.gapIs(list[len(list)-1], m, ",") && !c.gapIs(list[len(list)-1], m, ",", "and") {
			break
		}
		list = append(list, m)
	}
	if rf >= 0 && (len(list) == 0 || rf < list[0].First) {
		return ref
	}
	return list
}

// controlVerbs take an object that is the subject of the infinitive
// after it: "urged Moscow to withdraw its troops" are Moscow's troops.
var controlVerbs = map[string]bool{
	"urge": true, "press": true, "ask": true, "call": true, "tell": true, "encourage": true, "invite": true,
	"warn": true, "advise": true, "persuade": true, "convince": true, "pressure": true, "push": true,
	"implore": true, "exhort": true, "order": true, "force": true, "allow": true, "permit": true,
	"request": true, "instruct": true, "compel": true, "oblige": true, "help": true,
}

// controller returns the object of a control verb whose infinitive
// governs token i: "pressed Islamabad to withdraw its troops", "called on
// Iran to release its prisoners".
func (c *context) controller(si, i int, cur []annals.Mention) (annals.Mention, bool) {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	for _, m := range cur {
		to := m.Last
		if to+1 >= i || toks[to].Lower != "to" || !strings.HasPrefix(toks[to+1].Tag, "VB") {
			continue
		}
		v := m.First - 1
		if v > s.First && toks[v].Tag == "DT" {
			v-- // "asked the Philippines to"
		}
		if v > s.First && (toks[v].Lower == "on" || toks[v].Lower == "upon") {
			v-- // "called on Iran to"
		}
		if v < s.First || !isVerbTag(toks[v].Tag) || !controlVerbs[toks[v].Lemma] {
			continue
		}
		// no other clause between the infinitive and the pronoun
		ok := true
		for _, t := range toks[to+1 : i] {
			if t.Lower == "to" || t.Lower == "that" || t.Lower == ";" || t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" {
				ok = false
				break
			}
		}
		if ok && len(m.Code) >= 3 && isoCountries[m.Code[:3]] {
			return m, true
		}
	}
	return annals.Mention{}, false
}

// owner resolves "its" or "their" before a role word at i: the object
// told to act ("urged Moscow to withdraw its troops"), else the subject
// of its sentence when one came before, a name or a resolved pronoun,
// else the last state or body.
func (c *context) owner(si, i int, cur []annals.Mention, seen pool, refs map[int][]annals.Mention) (annals.Mention, bool) {
	if m, ok := c.controller(si, i, cur); ok {
		return m, true
	}
	m, ok := c.sentenceSubject(si, i, cur)
	if list := c.subjectList(si, i, cur, refs); len(list) == 1 && list[0].Ref && (!ok || list[0].First < m.First) {
		if r := list[0]; len(r.Code) >= 3 && isoCountries[r.Code[:3]] {
			return r, true // "It said ... the strike on its consulate"
		}
	}
	if ok {
		return m, true
	}
	return last(seen, func(m annals.Mention) bool { return len(m.Code) >= 3 && isoCountries[m.Code[:3]] })
}

// addressee returns the mention a reporting verb addresses right before
// pronoun i: "warned Pyongyang it would", "told Pakistan on Monday that
// it".
func (c *context) addressee(si, i int, cur []annals.Mention) (annals.Mention, bool) {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	k := c.pastTimeWords(si, i)
	for _, m := range cur {
		if m.Last == k+1 && m.First > s.First && m.Code != "" {
			v := m.First - 1
			if isVerbTag(toks[v].Tag) && reportVerbs[toks[v].Lemma] {
				return m, true
			}
		}
	}
	return annals.Mention{}, false
}

// groupModifiers may stand between "the" and a group noun without
// breaking the reference: "the paramilitary group", "the armed
// movement".
var groupModifiers = map[string]bool{"militant": true, "armed": true, "jihadist": true, "terrorist": true,
	"paramilitary": true, "rebel": true, "separatist": true, "insurgent": true, "islamist": true,
	"extremist": true, "radical": true, "outlawed": true, "banned": true, "shadowy": true, "hardline": true}

// affiliationSuffixes make a word a modifier of a group noun: "the
// U.S.-backed group", "the Iran-aligned militia".
var affiliationSuffixes = []string{"-backed", "-based", "-linked", "-aligned", "-allied", "-affiliated", "-led", "-supported", "-funded"}

// groupHead returns the group noun of a reference after "the" at j, past
// up to two modifiers ("the paramilitary group", "the U.S.-backed
// group", "the little-known militant group"), or j itself.
func (c *context) groupHead(si, j int) int {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	mod := func(t *annals.Token) bool {
		if groupModifiers[t.Lower] || t.Tag == "JJ" {
			return true
		}
		for _, suf := range affiliationSuffixes {
			if strings.HasSuffix(t.Lower, suf) && len(t.Lower) > len(suf) {
				return true
			}
		}
		return false
	}
	k := j
	for n := 0; n < 2 && k < s.Last && mod(&toks[k]) && !isGroupNoun(toks[k].Lower); n++ {
		k++
	}
	if k > j && k < s.Last && isGroupNoun(toks[k].Lower) {
		return k
	}
	return j
}

func isGroupNoun(w string) bool { _, ok := groupNouns[w]; return ok }

// salientArmed returns the armed group of the recent mentions that passes
// ok and stands out most: its mentions weighed by where they stand (a
// subject over a name that modifies a noun, "the last Islamic State
// enclave") and faded by distance; the more recent on a tie.
func (c *context) salientArmed(si int, seen pool, ok func(annals.Mention) bool) (annals.Mention, bool) {
	score := map[string]float64{}
	latest := map[string]annals.Mention{}
	n := seen.len()
	for k := n - 1; k >= 0 && k >= n-12; k-- {
		m := seen.at(k)
		if !ok(m) {
			continue
		}
		score[m.Code] += c.position(m) * math.Pow(salienceWeights.Decay, float64(si-m.Sentence))
		if _, seen := latest[m.Code]; !seen {
			latest[m.Code] = m
		}
	}
	var best annals.Mention
	found, top := false, -1.0
	for code, v := range score {
		m := latest[code]
		if v > top || v == top && m.Start > best.Start {
			best, top, found = m, v, true
		}
	}
	return best, found
}

// collective reports an entry whose every row is a collective or
// non-governmental code, of no state and no named body ("aid groups" is
// NGO, "gulf states" MEA): such a phrase is a common noun, lower case or
// not.
func collective(e *entry) bool {
	for _, r := range e.rows {
		if len(r.code) < 3 || isoCountries[r.code[:3]] || otherStates[r.code[:3]] || strings.HasPrefix(r.code, "IGO") {
			return false
		}
	}
	return len(e.rows) > 0
}

// formerWords before a role in its phrase make its holder a former one:
// "Egypt's former army chief" is no longer the army.
var formerWords = map[string]bool{"former": true, "ousted": true, "deposed": true, "ex": true, "erstwhile": true}

// formerRoles are the roles of office that a former holder leaves: he is
// then one of the elite (ELI).
var formerRoles = map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "SPY": true}

// heldRole is the role of role unit u in the phrase that starts at first:
// its own, or ELI after "former" ("Israel's former defence minister").
func (c *context) heldRole(si, first int, u unit) string {
	role := roleOf(u)
	if !formerRoles[role] {
		return role
	}
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	start := first
	for start > s.First && (titleModifiers[toks[start-1].Lower] || formerWords[toks[start-1].Lower] || toks[start-1].Tag == "DT") {
		start-- // "the former", "Former Pakistani Prime Minister"
	}
	for k := start; k < u.first; k++ {
		if formerWords[toks[k].Lower] {
			return "ELI"
		}
	}
	return role
}

// homeFromSentence gives a role word that took the story's country for
// want of its own a better one from its sentence: the speaker's, inside a
// quote ('"The army will not allow attacks," Afghanistan's defence
// ministry said'); else, for the source an attribution names, the
// country of the one actor of the same role named before it ("Israeli
// jets struck targets in Syria, the army said"). (A town named in the sentence lends nothing: "drones struck a
// depot near Kherson" are nobody's known.)
func (c *context) homeFromSentence(si int, ms []annals.Mention) {
	speaker, hasSpeaker := c.quoteSpeaker(si, ms)
	scene, hasScene := c.sceneCountry(si, ms)
	carried, firstMark := c.carriedQuote(si, ms)
	for i := range ms {
		m := &ms[i]
		if m.Ref || !c.homeless[m.Start] || len(m.Code) <= 3 {
			continue
		}
		role := m.Code[3:]
		if carried != "" && m.First < firstMark {
			// '... said: "Deeply shocked ... Embassy will extend full
			// support': the quotation goes on, and its role words are the
			// speaker's country's
			m.Code = carried + role
			delete(c.homeless, m.Start)
			continue
		}
		if hasSpeaker && c.inQuote(*m) {
			m.Code = speaker + role
			delete(c.homeless, m.Start)
			continue
		}
		if own, ok := c.ownersObject(*m, ms, si); ok {
			m.Code = own + role // "Kenya plans to deploy 600 police officers to Haiti": Kenya's
			delete(c.homeless, m.Start)
			continue
		}
		if !c.attribution(*m) {
			if hasScene && !c.platform(*m) {
				m.Code = scene + role // "insurgents killed seven soldiers in northwest Pakistan"
				delete(c.homeless, m.Start)
			}
			continue
		}
		same := ""
		for _, x := range ms[:i] {
			if x.Ref || c.homeless[x.Start] || len(x.Code) <= 3 || x.Code[3:] != role || !isoCountries[x.Code[:3]] {
				continue
			}
			if same != "" && same != x.Code[:3] {
				same = "-" // two of them: neither
				break
			}
			same = x.Code[:3]
		}
		if len(same) == 3 {
			m.Code = same + role
			delete(c.homeless, m.Start)
			continue
		}
	}
}

// ownObjectVerbs take as object the subject's own people: a state that
// deploys, sends or withdraws troops deploys its own.
var ownObjectVerbs = map[string]bool{"deploy": true, "send": true, "dispatch": true, "withdraw": true, "mobilize": true,
	"mobilise": true, "station": true, "mass": true, "recall": true, "redeploy": true}

// ownersObject returns the country of the subject of the verb whose
// object the role mention m is, when that verb is one of ownObjectVerbs
// and the subject is a state's (through the tree, climbing xcomp and conj:
// "Kenya plans to deploy officers"; without one, the first state named
// before the verb).
func (c *context) ownersObject(m annals.Mention, ms []annals.Mention, si int) (string, bool) {
	toks := c.doc.Tokens
	h := c.mentionHead(m)
	if h < 0 {
		// without a tree: the verb right before the phrase ("deploy 600
		// more police officers"), and the sentence's first state before it
		k := m.First - 1
		for k > c.doc.Sentences[si].First && (toks[k].Tag == "CD" || toks[k].Tag == "JJ" || toks[k].Tag == "JJR" || toks[k].Tag == "DT" || toks[k].Tag == "PRP$") {
			k--
		}
		if k < c.doc.Sentences[si].First || !isVerbTag(toks[k].Tag) || !ownObjectVerbs[toks[k].Lemma] {
			return "", false
		}
		for _, x := range ms {
			if x.Last <= k && !x.Ref && !c.homeless[x.Start] && len(x.Code) >= 3 && isoCountries[x.Code[:3]] {
				return x.Code[:3], true
			}
		}
		return "", false
	}
	if toks[h].Rel != "obj" {
		return "", false
	}
	v := c.tokHead(h)
	if v < 0 || !ownObjectVerbs[toks[v].Lemma] {
		return "", false
	}
	for n := 0; v >= 0 && n < 4; n++ {
		if k, found := c.index(si).nsubj[v]; found {
			for _, x := range ms {
				if k >= x.First && k < x.Last && !x.Ref && !c.homeless[x.Start] && len(x.Code) >= 3 && isoCountries[x.Code[:3]] {
					return x.Code[:3], true
				}
			}
			return "", false
		}
		if r := toks[v].Rel; r != "xcomp" && r != "conj" {
			break
		}
		v = c.tokHead(v)
	}
	return "", false
}

// platformWords name the machines force is delivered with. Unlike people
// ("insurgents killed seven soldiers in northwest Pakistan"), drones or
// jets that strike a place are seldom its country's own: "drones hit two
// oil facilities in Abqaiq" names no Saudi drones.
var platformWords = map[string]bool{"drone": true, "drones": true, "jet": true, "jets": true, "warplane": true, "warplanes": true,
	"aircraft": true, "helicopter": true, "helicopters": true, "gunship": true, "gunships": true,
	"missile": true, "missiles": true, "rocket": true, "rockets": true, "warship": true, "warships": true} // (bombers may be people: "suicide bombers")

// platform reports a role word headed by one of platformWords.
func (c *context) platform(m annals.Mention) bool {
	return m.Last > m.First && platformWords[c.doc.Tokens[m.Last-1].Lower]
}

// carriedQuote returns the country of the speaker of a quotation an
// earlier sentence left open, and where the quotation closes in sentence
// si (its first quotation mark, or its end); "" when none is open. It
// then notes whether si leaves a quotation open, and whose: the first
// state named before its opening mark (the one who says it).
func (c *context) carriedQuote(si int, ms []annals.Mention) (string, int) {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	carried := ""
	if c.quoteIsOpen {
		carried = c.openQuote
	}
	first, marks := s.Last, 0
	for k := s.First; k < s.Last; k++ {
		if isQuoteMark(toks[k].Text) && toks[k].Text != "'" && toks[k].Text != "’" && toks[k].Text != "‘" {
			if marks == 0 {
				first = k
			}
			marks++
		}
	}
	open := c.quoteIsOpen
	if marks%2 == 1 {
		open = !open
	}
	if open && !c.quoteIsOpen {
		c.openQuote = ""
		for _, m := range ms {
			if m.First < first && !m.Ref && !m.Place && !c.homeless[m.Start] && len(m.Code) >= 3 && isoCountries[m.Code[:3]] {
				c.openQuote = m.Code[:3]
				break
			}
		}
	}
	c.quoteIsOpen = open
	return carried, first
}

// sceneCountry returns the country a sentence sets its action in, when
// that is the only country it names: a place after "in" ("in northwest
// Pakistan", "in Kabul"), with every other state the sentence names
// being that one. Role words without a country of their own then belong
// there: the soldiers killed in northwest Pakistan are Pakistan's.
func (c *context) sceneCountry(si int, ms []annals.Mention) (string, bool) {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	scene := ""
	for _, m := range ms {
		if m.Ref || c.homeless[m.Start] || len(m.Code) < 3 || !isoCountries[m.Code[:3]] {
			continue
		}
		if m.Place || len(m.Code) == 3 {
			k := m.First - 1
			for k > s.First && (toks[k].Tag == "JJ" || toks[k].Tag == "DT") {
				k--
			}
			next := m.Last < s.Last && strings.HasPrefix(toks[m.Last].Tag, "NN")
			if k >= s.First && toks[k].Lower == "in" && !next {
				if scene != "" && scene != m.Code[:3] {
					return "", false
				}
				scene = m.Code[:3]
				continue
			}
		}
		if scene != "" && scene != m.Code[:3] {
			return "", false
		}
	}
	if scene == "" {
		return "", false
	}
	for _, m := range ms { // a state named before the place must agree too
		if !m.Ref && !c.homeless[m.Start] && len(m.Code) >= 3 && isoCountries[m.Code[:3]] && m.Code[:3] != scene {
			return "", false
		}
	}
	return scene, true
}

// attribution reports a mention that closes its sentence's clause as
// the source of what it says: ", the army said", ", said the ministry".
func (c *context) attribution(m annals.Mention) bool {
	toks := c.doc.Tokens
	s := c.doc.Sentences[m.Sentence]
	k := m.First - 1
	for k > s.First && toks[k].Tag == "DT" {
		k--
	}
	if k <= s.First || toks[k].Lower != "," && !(isVerbTag(toks[k].Tag) && reportVerbs[toks[k].Lemma] && toks[k-1].Lower == ",") {
		return false
	}
	if toks[k].Lower != "," {
		return true // ", said the ministry"
	}
	after := m.Last
	for after < s.Last && (toks[after].Tag == "RB" || toks[after].Tag == "MD") {
		after++
	}
	return after < s.Last && isVerbTag(toks[after].Tag) && reportVerbs[toks[after].Lemma]
}

// quoteSpeaker returns the country of the speaker a quotation in
// sentence si is attributed to: the actor just before or after the
// reporting verb outside the quotation marks ('," the minister said',
// '," said Iran's envoy').
func (c *context) quoteSpeaker(si int, ms []annals.Mention) (string, bool) {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	quoted := false
	for k := s.First; k < s.Last; k++ {
		switch toks[k].Text {
		case "\"", "“", "”", "``", "''":
			quoted = true
		}
	}
	if !quoted {
		return "", false
	}
	for _, m := range ms {
		if m.Ref || c.inQuote(m) || c.homeless[m.Start] || len(m.Code) < 3 || !isoCountries[m.Code[:3]] {
			continue
		}
		after := ofPhraseEnd(toks, m.Last, s.Last) // "the Polish presidency of the bloc announced"
		for after < s.Last && (toks[after].Tag == "RB" || toks[after].Tag == "MD") {
			after++
		}
		before := m.First - 1
		if after < s.Last && isVerbTag(toks[after].Tag) && reportVerbs[toks[after].Lemma] ||
			before >= s.First && isVerbTag(toks[before].Tag) && reportVerbs[toks[before].Lemma] {
			return m.Code[:3], true
		}
		if c.speaks(m) {
			return m.Code[:3], true // "the Polish presidency of the bloc announced"
		}
	}
	return "", false
}

// ofPhraseEnd returns where the "of" phrases that follow a noun phrase
// ending at k end: "of the committee for foreign affairs" (determiners, nouns,
// adjectives and numbers after each "of"); k when none follows.
func ofPhraseEnd(toks []annals.Token, k, end int) int {
	for k+1 < end && toks[k].Lower == "of" {
		j := k + 1
		for j < end && ofPhraseTags[toks[j].Tag] {
			j++
		}
		if j == k+1 {
			break
		}
		k = j
	}
	return k
}

// ofPhraseTags are the tags of the words of an "of" phrase's noun phrase.
var ofPhraseTags = map[string]bool{"DT": true, "NNP": true, "NNPS": true, "NN": true, "NNS": true, "JJ": true, "CD": true}

// speaks reports a mention that heads the subject of a reporting verb in
// the sentence's tree, however long its phrase: "the Dutch chair of the
// talks on the new treaty said". False without a tree.
func (c *context) speaks(m annals.Mention) bool {
	h := c.mentionHead(m)
	if h < 0 || !strings.HasPrefix(c.doc.Tokens[h].Rel, "nsubj") {
		return false
	}
	v := c.tokHead(h)
	return v >= 0 && isVerbTag(c.doc.Tokens[v].Tag) && reportVerbs[c.doc.Tokens[v].Lemma]
}

// curated reports an entry with a row from a curated dictionary file.
func curated(e *entry) bool {
	for _, r := range e.rows {
		if r.curated {
			return true
		}
	}
	return false
}

// pairHoldSentences is how many sentences after a pair phrase ("the two
// leaders") a plural pronoun can still name the pair.
const pairHoldSentences = 5

// pairHolds reports whether the pair phrase p still holds the story at
// sentence si: it was named at most pairHoldSentences before, and every
// actor named since as a subject, an object or an owner is one of its
// members ("The two ministers met for three hours. Wang urged Blinken ...
// Blinken answered that ... They agreed to keep talking": both). Places and
// actors inside a prepositional phrase ("tensions in Taiwan") name where
// or what about, and do not break the pair.
func (c *context) pairHolds(p []annals.Mention, seen pool, si int) bool {
	if si-p[0].Sentence > pairHoldSentences {
		return false
	}
	member := map[string]bool{}
	for _, m := range p {
		if len(m.Code) < 3 {
			return false
		}
		member[m.Code[:3]] = true
		member[sideOf(m.Code)] = true
	}
	for k := 0; k < seen.len(); k++ {
		m := seen.at(k)
		if m.Sentence <= p[0].Sentence || m.Place || len(m.Code) < 3 || member[sideOf(m.Code)] {
			continue
		}
		if c.aboutPhrase(m) {
			continue
		}
		return false
	}
	return true
}

// challengerRoles stand apart from their state: insurgents, rebels,
// separatists, armed groups, radicals and the opposition of a country
// are not its leaders' side.
var challengerRoles = map[string]bool{"INS": true, "REB": true, "SEP": true, "UAF": true, "RAD": true, "OPP": true}

// sideOf is the side a code stands on for a pair of leaders: its country,
// or, for a challenger role, the country and the role ("INDINS" is not on
// the side of India's prime minister).
func sideOf(code string) string {
	if len(code) >= 6 && challengerRoles[code[3:6]] {
		return code[:6]
	}
	return code[:min(3, len(code))]
}

// aboutPhrase reports a mention that stands inside a prepositional phrase
// in the tree, itself or through the noun it modifies ("on the sidelines
// of the APEC conference", "tensions in Taiwan"): it says where or about
// what, not who acts. Without a tree, a preposition right before it.
func (c *context) aboutPhrase(m annals.Mention) bool {
	toks := c.doc.Tokens
	if c.mentionHead(m) < 0 {
		// past the phrase's determiners and modifiers ("of the annual")
		k := m.First - 1
		for n := 0; k > 0 && n < 4 && (toks[k].Tag == "DT" || toks[k].Tag == "JJ" || toks[k].Tag == "CD" || toks[k].Tag == "PRP$"); n++ {
			k--
		}
		return k >= 0 && (toks[k].Tag == "IN" || toks[k].Tag == "TO")
	}
	for k := m.First; k < m.Last; k++ {
		h := c.tokHead(k)
		if h >= m.First && h < m.Last {
			continue
		}
		for j, n := k, 0; j >= 0 && n < 8; n++ {
			switch r := toks[j].Rel; {
			case r == "obl" || r == "nmod" || strings.HasPrefix(r, "obl:") || strings.HasPrefix(r, "nmod:") && r != "nmod:poss":
				return true
			case r == "compound" || r == "amod" || r == "flat" || r == "conj" || r == "appos":
				j = c.tokHead(j)
				continue
			}
			break
		}
	}
	return false
}

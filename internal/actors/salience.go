package actors

import (
	"math"
	"sort"
	"strings"

	"github.com/annals-events/annals"
)

// The salience model: who the story is about, read sentence by sentence.
// Every coded mention of a state, or of a non-state armed group, adds to
// its actor's salience by where it stands (a subject weighs more than a
// place named in passing), more in the article's first sentence; salience
// fades with every sentence. Actors named together as participants build
// up a pair. "The two countries", "both sides" and "the neighbours"
// resolve to the most salient pair, leaving out actors the story presents
// as mediators or third parties. The words and weights are the tables
// below.

// salienceWeights are the weights of the model.
var salienceWeights = struct {
	Subject   float64 // nsubj, or the agent of a passive
	Object    float64 // obj, iobj, or an oblique aimed at it ("strikes on", "talks with")
	Possessor float64 // "Iran's attack"
	Other     float64 // a modifier or anything the tree does not place
	Place     float64 // a place named in passing ("in Iran") or a town for its country
	Ref       float64 // a resolved reference ("both countries") repeats its actors
	Lede      float64 // factor for the article's first sentence
	Dateline  float64 // what the dateline's country starts with
	Decay     float64 // factor per sentence of distance
	Cooc      float64 // a pair named as participants in one sentence
	Coord     float64 // a pair coordinated ("Pakistan and Iran", "between India and Pakistan")
	MinScore  float64 // below this an actor has left the story
	MaxCands  int     // the most salient actors a pair is chosen among
	MaxCooc   int     // distinct participants per sentence whose pairs count
}{
	Subject: 2, Object: 1.5, Possessor: 1.2, Other: 1, Place: 0.6, Ref: 0.5,
	Lede: 1.5, Dateline: 1, Decay: 0.8, Cooc: 1, Coord: 1.5,
	MinScore: 0.05, MaxCands: 8, MaxCooc: 8,
}

// otherStates are the state codes outside ISO 3166 that the dictionaries
// use (Kosovo, and states of the past).
var otherStates = map[string]bool{"KSV": true, "USR": true, "YUG": true, "CSK": true, "DDR": true, "SCG": true,
	"FRY": true, "BAH": true, "ANG": true, "FRN": true, "TMP": true}

// pairKind says what a pair phrase names of the two actors.
type pairKind int

const (
	pairState  pairKind = iota // the two states: "both countries" are PAK and IRN
	pairActor                  // the actors as last named: "the two sides" are the officials who met
	pairGov                    // the two governments: "the two leaders"
	pairPerson                 // two people, as named: "the two men", "the pair"
)

// pairNouns are the heads of "both X", "the two X" and what each names.
var pairNouns = map[string]pairKind{
	"countries": pairState, "nations": pairState, "states": pairState, "neighbours": pairState,
	"neighbors": pairState, "capitals": pairState, "allies": pairState, "rivals": pairState,
	"sides": pairActor, "parties": pairActor, "camps": pairActor, "foes": pairActor, "adversaries": pairActor,
	"governments": pairGov, "leaders": pairGov, "presidents": pairGov, "administrations": pairGov,
	"ministers": pairGov, "premiers": pairGov, "heads": pairGov, // "the two prime ministers", "the three heads of state"
	"men": pairPerson, "women": pairPerson, "pair": pairPerson,
}

// definitePairNouns name the story's pair with a bare "the": "between the
// neighbours".
var definitePairNouns = map[string]bool{"neighbours": true, "neighbors": true, "pair": true}

// thirdPartyCues are the words just before a mention that present it as
// a mediator or a third party ("talks mediated by Qatar", "with the help
// of Turkey").
var thirdPartyCues = [][]string{
	{"mediated", "by"}, {"brokered", "by"}, {"facilitated", "by"}, {"arbitrated", "by"},
	{"with", "the", "help", "of"}, {"with", "the", "mediation", "of"}, {"through", "the", "mediation", "of"},
	{"under", "the", "mediation", "of"}, {"mediation", "by"}, {"mediation", "of"}, {"mediation", "from"},
	{"mediators", "from"}, {"mediators", "in"}, {"mediators"}, {"mediator"}, {"guarantors"},
	{"hosted", "by"}, {"convened", "by"}, {"sponsored", "by"},
}

// thirdPartySuffixes mark the actor of a compound as a go-between:
// "US-mediated talks", "the Qatari-brokered truce".
var thirdPartySuffixes = []string{"-mediated", "-brokered", "-facilitated"}

// thirdPartyActs are what a bystander does, said of its subject: "Iran and
// China called for calm", "Turkey offered to mediate". The first word is a
// lemma.
var thirdPartyActs = [][]string{
	{"call", "for", "calm"}, {"call", "for", "restraint"}, {"call", "for", "de-escalation"},
	{"appeal", "for", "calm"}, {"appeal", "for", "restraint"}, {"urge", "restraint"}, {"urge", "calm"},
	{"urge", "de-escalation"}, {"offer", "to", "mediate"}, {"offer", "to", "help", "mediate"},
	{"call", "on", "both"}, {"urge", "both"}, {"call", "for", "dialogue", "between"},
}

// mediatorNouns after a mention present it as a go-between: "Qatari
// mediators", "Egypt, a key mediator".
var mediatorNouns = map[string]bool{
	"mediator": true, "mediators": true, "broker": true, "brokers": true, "guarantor": true, "guarantors": true,
	"facilitator": true, "facilitators": true, "intermediary": true, "intermediaries": true, "go-between": true,
	"host": true, "hosts": true,
}

// mediateVerbs make their subject a go-between: "Qatar mediated the
// talks", "the US, which brokered the deal".
var mediateVerbs = map[string]bool{"mediate": true, "broker": true, "facilitate": true, "arbitrate": true}

// addressVerbs put the pair phrase they govern outside their own
// subject: "China urged both sides", "the UN called on the two countries".
var addressVerbs = map[string]bool{
	"urge": true, "call": true, "ask": true, "press": true, "appeal": true, "encourage": true, "invite": true,
	"congratulate": true, "warn": true, "advise": true, "implore": true, "exhort": true, "pressure": true,
	"help": true, "bring": true, "push": true, "mediate": true, "tell": true, "persuade": true, "convince": true,
	"commend": true, "praise": true, "thank": true, "caution": true, "summon": true, "host": true,
}

// placeCases are the prepositions of a place named in passing.
var placeCases = map[string]bool{"in": true, "inside": true, "at": true, "near": true, "across": true,
	"within": true, "throughout": true, "outside": true, "around": true}

// objectCases are the prepositions of an oblique that an act is aimed at.
var objectCases = map[string]bool{"on": true, "against": true, "with": true, "to": true, "toward": true, "towards": true, "into": true}

// decayed is a sum that fades with every sentence.
type decayed struct {
	v  float64
	at int
}

func (d decayed) value(si int) float64 {
	if si <= d.at {
		return d.v
	}
	return d.v * math.Pow(salienceWeights.Decay, float64(si-d.at))
}

func (d *decayed) add(si int, w float64) {
	d.v = d.value(si) + w
	if si > d.at {
		d.at = si
	}
}

// salient is one actor of the story.
type salient struct {
	decayed
	last  annals.Mention // its latest mention as a participant, the pair's representative
	first int            // where it was first named: a pair is told in story order
	state bool           // a state, not a non-state armed group
	third bool           // presented as a mediator or third party
}

// salience is the story so far.
type salience struct {
	ids   map[string]*salient
	pairs map[[2]string]*decayed
}

// identity is who a mention stands for: its state, or for a non-state
// armed group its country and role ("SDNREB" beside "SDN"). ok is false for
// actors of no country.
func identity(code string) (id string, state, ok bool) {
	if len(code) < 3 || !isoCountries[code[:3]] && !otherStates[code[:3]] {
		return "", false, false
	}
	if len(code) >= 6 && isArmed(code) {
		return code[:6], false, true
	}
	return code[:3], true, true
}

func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// tokHead returns the doc index of token k's head, or -1.
func (c *context) tokHead(k int) int {
	s := c.doc.Sentences[c.sentOf(k)]
	h := c.doc.Tokens[k].Head
	if h < 0 || s.First+h >= s.Last || c.doc.Tokens[k].Rel == "" {
		return -1
	}
	return s.First + h
}

// sentOf returns the sentence of token k.
func (c *context) sentOf(k int) int {
	ss := c.doc.Sentences
	return sort.Search(len(ss), func(i int) bool { return ss[i].Last > k })
}

// mentionHead returns the token of m whose head lies outside it (the last
// such), or -1 when the sentence has no tree.
func (c *context) mentionHead(m annals.Mention) int {
	toks := c.doc.Tokens
	head := -1
	for k := m.First; k < m.Last; k++ {
		if toks[k].Rel == "" {
			return -1
		}
		if h := c.tokHead(k); h < m.First || h >= m.Last {
			head = k
		}
	}
	return head
}

// effectiveHead follows a conjunct to the first of its list: "Iran" in
// "Pakistan and Iran agreed" stands where "Pakistan" does.
func (c *context) effectiveHead(k int) int {
	for n := 0; k >= 0 && c.doc.Tokens[k].Rel == "conj" && n < 8; n++ {
		h := c.tokHead(k)
		if h < 0 {
			break
		}
		k = h
	}
	return k
}

// caseOf returns the preposition of the phrase headed by k.
func (c *context) caseOf(k int) string { return c.index(c.sentOf(k)).caseOf[k] }

// sentIndex is what reference resolution reads of one sentence more than
// once, built on first use: a sentence as long as a whole document costs
// one pass, not one per mention.
type sentIndex struct {
	finite   int            // the first finite verb or modal, or the sentence's end
	caseOf   map[int]string // a phrase's head -> its preposition
	nsubj    map[int]int    // a predicate -> its first subject
	relcl    map[int][]int  // a noun -> the heads of its relative clauses
	rootSubj int            // the main clause's subject, -1 when none or no tree
	pos      map[int]float64
	third    map[int]bool // by mention start: the mention's own go-between cues
	// (the maps are made on their first entry: most sentences fill few
	// of them, and a sentence without a tree none of the first three)
}

// index returns sentence si's index.
func (c *context) index(si int) *sentIndex {
	if x := c.idx[si]; x != nil {
		return x
	}
	if c.idx == nil || len(c.idx) > 8 {
		c.idx = map[int]*sentIndex{}
	}
	st := c.doc.Sentences[si]
	toks := c.doc.Tokens
	x := &sentIndex{finite: st.Last, rootSubj: -1}
	root := -1
	for k := st.First; k < st.Last; k++ {
		t := &toks[k]
		switch t.Tag {
		case "VBD", "VBZ", "VBP", "MD":
			if x.finite == st.Last {
				x.finite = k
			}
		}
		if t.Rel == "" {
			continue
		}
		h := c.tokHead(k)
		switch {
		case t.Rel == "root":
			root = k
		case t.Rel == "case":
			if _, ok := x.caseOf[h]; !ok {
				if x.caseOf == nil {
					x.caseOf = map[int]string{}
				}
				x.caseOf[h] = t.Lower
			}
		case strings.HasPrefix(t.Rel, "nsubj"):
			if _, ok := x.nsubj[h]; !ok {
				if x.nsubj == nil {
					x.nsubj = map[int]int{}
				}
				x.nsubj[h] = k
			}
		case t.Rel == "acl:relcl":
			if x.relcl == nil {
				x.relcl = map[int][]int{}
			}
			x.relcl[h] = append(x.relcl[h], k)
		}
	}
	if k, ok := x.nsubj[root]; ok && root >= 0 {
		x.rootSubj = k
	}
	c.idx[si] = x
	return x
}

// quoteParity marks the tokens inside quotation marks, counted from the
// start of each sentence.
func (c *context) quoteParity() []bool {
	if c.quoted != nil {
		return c.quoted
	}
	toks := c.doc.Tokens
	c.quoted = make([]bool, len(toks))
	for _, s := range c.doc.Sentences {
		in := false
		for k := s.First; k < s.Last; k++ {
			c.quoted[k] = in
			switch toks[k].Text {
			case "\"", "“", "”", "``", "''":
				in = !in
			}
		}
	}
	return c.quoted
}

// position weighs a mention by where it stands in its sentence.
func (c *context) position(m annals.Mention) float64 {
	x := c.index(m.Sentence)
	if v, ok := x.pos[m.Start]; ok {
		return v
	}
	v := c.positionOf(m)
	if x.pos == nil {
		x.pos = map[int]float64{}
	}
	x.pos[m.Start] = v
	return v
}

func (c *context) positionOf(m annals.Mention) float64 {
	w := salienceWeights
	if m.Place {
		return w.Place
	}
	k := c.mentionHead(m)
	if k < 0 {
		return c.flatPosition(m)
	}
	k = c.effectiveHead(k)
	switch rel := c.doc.Tokens[k].Rel; {
	case strings.HasPrefix(rel, "nsubj") || strings.HasPrefix(rel, "csubj") || rel == "obl:agent":
		return w.Subject
	case rel == "obj" || rel == "iobj":
		return w.Object
	case rel == "nmod:poss":
		return w.Possessor
	case rel == "obl" || rel == "nmod" || strings.HasPrefix(rel, "obl:") || strings.HasPrefix(rel, "nmod:"):
		cs := c.caseOf(k)
		switch {
		case placeCases[cs]:
			return w.Place
		case objectCases[cs] || cs == "by":
			return w.Object
		}
	}
	return w.Other
}

// flatPosition weighs a mention by the words around it, for a sentence
// without a tree: before the first finite verb and outside a prepositional
// phrase it is a subject; after a verb, or after a preposition of aim, an
// object; after a preposition of place, a place.
func (c *context) flatPosition(m annals.Mention) float64 {
	w := salienceWeights
	toks := c.doc.Tokens
	s := c.doc.Sentences[m.Sentence]
	k := m.First - 1
	for n := 0; ; n++ {
		for k >= s.First && (toks[k].Tag == "DT" || toks[k].Tag == "JJ" || toks[k].Tag == "CD" || toks[k].Tag == "PRP$") {
			k--
		}
		if n > 6 || k <= s.First || toks[k].Lower != "and" && toks[k].Lower != "," && toks[k].Lower != "or" {
			break
		}
		// "between Israel and Hezbollah": a conjunct stands where the
		// first of its list does
		j := k - 1
		for j >= s.First && nounish(toks[j].Tag) {
			j--
		}
		if j == k-1 {
			break
		}
		k = j
	}
	if k >= s.First {
		prev := toks[k].Lower
		switch {
		case placeCases[prev]:
			return w.Place
		case objectCases[prev] || prev == "by":
			return w.Object
		case isVerbTag(toks[k].Tag):
			return w.Object
		case toks[k].Tag == "IN" || toks[k].Tag == "TO":
			return w.Other
		}
	}
	if m.First < c.finiteVerb(m.Sentence) {
		return w.Subject
	}
	return w.Other
}

func nounish(tag string) bool {
	return strings.HasPrefix(tag, "NN") || tag == "POS" || tag == "JJ" || tag == "DT" || tag == "CD"
}

// flatSubject reports a mention that reads as its sentence's subject
// without a tree.
func (c *context) flatSubject(m annals.Mention) bool {
	return !m.Place && c.flatPosition(m) == salienceWeights.Subject
}

// finiteVerb returns the first finite verb or modal of sentence si, or
// the sentence's end.
func (c *context) finiteVerb(si int) int { return c.index(si).finite }

// thirdFlags reports for each of one sentence's mentions (in text order)
// whether the text presents it as a mediator or a third party. A list
// shares it: "mediated by Norway and Switzerland", "Omani and
// Turkish mediators".
func (c *context) thirdFlags(ms []annals.Mention) []bool {
	out := make([]bool, len(ms))
	for i, m := range ms {
		if m.Ref || m.Code == "" {
			continue
		}
		x := c.index(m.Sentence)
		v, ok := x.third[m.Start]
		if !ok {
			v = c.thirdParty(m)
			if x.third == nil {
				x.third = map[int]bool{}
			}
			x.third[m.Start] = v
		}
		out[i] = v
	}
	toks := c.doc.Tokens
	joined := func(i int) bool {
		a, b := ms[i-1], ms[i]
		return !a.Ref && !b.Ref && a.Sentence == b.Sentence && b.First-a.Last == 1 && (toks[a.Last].Lower == "and" || toks[a.Last].Lower == ",")
	}
	for i := 1; i < len(ms); i++ {
		if out[i-1] && joined(i) {
			out[i] = true
		}
	}
	for i := len(ms) - 1; i > 0; i-- {
		// "Qatari and Egyptian mediators", not "Israeli officials and
		// Qatari mediators"
		if a := ms[i-1]; out[i] && joined(i) && a.Last-a.First == 1 && demonymLike(&toks[a.First]) {
			out[i-1] = true
		}
	}
	return out
}

// thirdParty reports whether the text presents m as a mediator or a third
// party.
func (c *context) thirdParty(m annals.Mention) bool {
	toks := c.doc.Tokens
	s := c.doc.Sentences[m.Sentence]
	// "mediated by the United States", "with the help of Turkey"
	start := m.First
	for start > s.First && (toks[start-1].Lower == "the" || toks[start-1].Lower == "a") {
		start--
	}
	for _, cue := range thirdPartyCues {
		if start-len(cue) < s.First {
			continue
		}
		ok := true
		for k, w := range cue {
			if toks[start-len(cue)+k].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	// "Qatari mediators", "Egypt, a key mediator"
	for k := m.Last; k < s.Last && k < m.Last+4; k++ {
		t := &toks[k]
		if mediatorNouns[t.Lower] && strings.HasPrefix(t.Tag, "NN") {
			return true // (but "Turkey hosts talks" is a verb)
		}
		if t.Lower != "," && t.Lower != "as" && t.Tag != "DT" && t.Tag != "JJ" {
			break // ("Egypt, a key mediator", "with Qatar as host")
		}
	}
	// "Iran and China called for calm": past the rest of a list of
	// subjects and an auxiliary
	k := m.Last
	for n := 0; k < s.Last && n < 8; n++ {
		t := &toks[k]
		list := (t.Lower == "and" || t.Lower == "," || t.Tag == "DT") && k+1 < s.Last && (strings.HasPrefix(toks[k+1].Tag, "NNP") || toks[k+1].Tag == "DT")
		if list || t.Tag == "MD" || t.Tag == "RB" || t.Lemma == "have" || t.Lemma == "be" || strings.HasPrefix(t.Tag, "NNP") {
			k++ // but not past the comma that ends a relative clause
			continue
		}
		break
	}
	for _, act := range thirdPartyActs {
		if k+len(act) > s.Last || toks[k].Lemma != act[0] || !isVerbTag(toks[k].Tag) {
			continue
		}
		ok := true
		for j, w := range act[1:] {
			if toks[k+1+j].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	// "Qatar mediated the talks", "the US, which brokered the deal"
	if k := c.mentionHead(m); k >= 0 {
		e := c.effectiveHead(k)
		if rel := toks[e].Rel; strings.HasPrefix(rel, "nsubj") || rel == "obl:agent" {
			if h := c.tokHead(e); h >= 0 && mediateVerbs[toks[h].Lemma] {
				return true
			}
		}
		for _, r := range c.index(m.Sentence).relcl[e] {
			if mediateVerbs[toks[r].Lemma] {
				return true
			}
		}
	} else {
		for k := m.Last; k < s.Last && k < m.Last+3; k++ {
			if mediateVerbs[toks[k].Lemma] && strings.HasPrefix(toks[k].Tag, "VB") && toks[k].Tag != "VBN" {
				return true
			}
		}
	}
	return false
}

// suffixThirdParties returns the actors of "US-mediated", "Qatari-brokered"
// in sentence si.
func (c *context) suffixThirdParties(si, day int) []string {
	var out []string
	s := c.doc.Sentences[si]
	for k := s.First; k < s.Last; k++ {
		t := c.doc.Tokens[k].Lower
		for _, suf := range thirdPartySuffixes {
			if !strings.HasSuffix(t, suf) || len(t) == len(suf) {
				continue
			}
			for _, e := range c.d.byFirst[t[:len(t)-len(suf)]] {
				if len(e.toks) == 1 && !e.agent {
					if id, _, ok := identity(e.pick(day).code); ok {
						out = append(out, id)
					}
					break
				}
			}
		}
	}
	return out
}

// note adds sentence si's mentions to the story.
func (c *context) note(si, day int, ms []annals.Mention) {
	sal := &c.sal
	if sal.ids == nil {
		sal.ids = map[string]*salient{}
		sal.pairs = map[[2]string]*decayed{}
	}
	w := salienceWeights
	lede := 1.0
	if si == 0 {
		lede = w.Lede
	}
	get := func(id string, state bool) *salient {
		a := sal.ids[id]
		if a == nil {
			a = &salient{state: state}
			sal.ids[id] = a
		}
		return a
	}
	for _, id := range c.suffixThirdParties(si, day) {
		get(id, len(id) == 3).third = true
	}
	type part struct {
		id string
		m  annals.Mention
	}
	var parts []part
	thirds := c.thirdFlags(ms)
	for i, m := range ms {
		id, state, ok := identity(m.Code)
		if !ok {
			continue
		}
		if c.inDateline(m) {
			continue // where the story was filed, not who is in it
		}
		a := get(id, state)
		if m.Ref {
			a.add(si, w.Ref*lede)
			continue
		}
		pos := c.position(m)
		a.add(si, pos*lede)
		if a.last.Code == "" {
			a.first = m.Start
		}
		if a.last.Code == "" || pos > w.Place {
			a.last = m // a place named in passing stands for it only when nothing else does
		}
		if thirds[i] {
			a.third = true
			continue
		}
		parts = append(parts, part{id, m})
	}
	// pairs of participants, more for a coordinated pair
	seen := map[string]bool{}
	var ids []string
	var first []annals.Mention
	for _, p := range parts {
		if !seen[p.id] && len(ids) < w.MaxCooc {
			seen[p.id] = true
			ids = append(ids, p.id)
			first = append(first, p.m)
		}
	}
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			cw := w.Cooc
			if c.coordinated(first[i], first[j]) {
				cw = w.Coord
			}
			k := pairKey(ids[i], ids[j])
			d := sal.pairs[k]
			if d == nil {
				d = &decayed{}
				sal.pairs[k] = d
			}
			d.add(si, cw*lede)
		}
	}
}

// coordinated reports "A and B", "A, B", "between A and B" or A and B
// joined in the tree.
func (c *context) coordinated(a, b annals.Mention) bool {
	if a.Sentence != b.Sentence {
		return false
	}
	if a.First > b.First {
		a, b = b, a
	}
	toks := c.doc.Tokens
	if b.First-a.Last == 1 && (toks[a.Last].Lower == "and" || toks[a.Last].Lower == "," || toks[a.Last].Lower == "-") {
		return true
	}
	if hb := c.mentionHead(b); hb >= 0 && toks[hb].Rel == "conj" {
		ha := c.mentionHead(a)
		return ha >= 0 && c.effectiveHead(hb) == c.effectiveHead(ha)
	}
	return false
}

// salientSet returns the story's pair (n 2) or trio (n 3) at sentence si:
// the actors whose salience, with what they did together, is highest, in
// story order. here are the coded mentions of si before the phrase; skip
// are actors the phrase cannot name (the subject that addresses it).
func (c *context) salientSet(si int, here []annals.Mention, skip map[string]bool, kind pairKind, n int) []annals.Mention {
	w := salienceWeights
	type cand struct {
		id    string
		score float64
		rep   annals.Mention
		first int
		third bool
	}
	byID := map[string]*cand{}
	var cands []*cand
	add := func(id string) *cand {
		if x := byID[id]; x != nil {
			return x
		}
		x := &cand{id: id}
		byID[id] = x
		cands = append(cands, x)
		return x
	}
	for id, a := range c.sal.ids {
		if skip[id] || kind == pairState && !a.state || kind == pairPerson && !c.personKind(a.last) {
			continue
		}
		if v := a.value(si); v >= w.MinScore && a.last.Code != "" {
			x := add(id)
			x.score, x.rep, x.first, x.third = v, a.last, a.first, a.third
		}
	}
	lede := 1.0
	if si == 0 {
		lede = w.Lede
	}
	var hereIDs []string
	var hereMs []annals.Mention
	thirds := c.thirdFlags(here)
	for i, m := range here {
		id, state, ok := identity(m.Code)
		if !ok || m.Ref || skip[id] || kind == pairState && !state || kind == pairPerson && !c.personKind(m) || c.inDateline(m) {
			continue
		}
		x := add(id)
		pos := c.position(m)
		x.score += pos * lede
		if x.rep.Code == "" {
			x.first = m.Start
		}
		if x.rep.Code == "" || pos > w.Place {
			x.rep = m
		}
		x.third = x.third || thirds[i] || c.sal.ids[id] != nil && c.sal.ids[id].third
		if !thirds[i] {
			hereIDs = append(hereIDs, id)
			hereMs = append(hereMs, m)
		}
	}
	if n == 2 && kind != pairPerson && len(cands) == 1 && c.dateline != "" && cands[0].id != c.dateline && !skip[c.dateline] {
		// "ISLAMABAD - Iran's foreign minister arrived ... the two
		// countries": the dateline's country is the other one
		x := add(c.dateline)
		x.rep, x.first = annals.Mention{Code: c.dateline}, -1
	}
	if len(cands) < n {
		return nil
	}
	// go-betweens only when the story names enough others
	parties := 0
	for _, x := range cands {
		if !x.third {
			parties++
		}
	}
	if parties >= n {
		k := 0
		for _, x := range cands {
			if !x.third {
				cands[k] = x
				k++
			}
		}
		cands = cands[:k]
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].rep.Start > cands[j].rep.Start // the more recent
	})
	if len(cands) > w.MaxCands {
		cands = cands[:w.MaxCands]
	}
	together := func(a, b string) float64 {
		v := 0.0
		if d := c.sal.pairs[pairKey(a, b)]; d != nil {
			v = d.value(si)
		}
		var ma, mb *annals.Mention
		for i := range hereIDs {
			if hereIDs[i] == a && ma == nil {
				ma = &hereMs[i]
			}
			if hereIDs[i] == b && mb == nil {
				mb = &hereMs[i]
			}
		}
		if ma != nil && mb != nil {
			if c.coordinated(*ma, *mb) {
				v += w.Coord * lede
			} else {
				v += w.Cooc * lede
			}
		}
		return v
	}
	// the best set of n among the candidates: their salience and every
	// pair's bond
	best := -1.0
	var pick []*cand
	set := make([]*cand, 0, n)
	var choose func(from int, v float64)
	choose = func(from int, v float64) {
		if len(set) == n {
			if v > best {
				best, pick = v, append(pick[:0], set...)
			}
			return
		}
		for i := from; i < len(cands); i++ {
			x := cands[i]
			w := x.score
			for _, y := range set {
				w += together(y.id, x.id)
			}
			set = append(set, x)
			choose(i+1, v+w)
			set = set[:len(set)-1]
		}
	}
	choose(0, 0)
	sort.SliceStable(pick, func(i, j int) bool { return pick[i].first < pick[j].first })
	out := make([]annals.Mention, len(pick))
	for i, x := range pick {
		out[i] = x.rep
	}
	return out
}

// pairCode is what a pair phrase of kind names of an actor last mentioned
// as m.
func pairCode(m annals.Mention, kind pairKind) string {
	_, state, _ := identity(m.Code)
	switch {
	case kind == pairState:
		return m.Code[:3]
	case kind == pairGov && state:
		return m.Code[:3] + "GOV"
	}
	return m.Code
}

// markSalient adds w to state id's salience before the first sentence.
func (c *context) markSalient(id string, w float64) {
	if c.sal.ids == nil {
		c.sal.ids = map[string]*salient{}
		c.sal.pairs = map[[2]string]*decayed{}
	}
	a := c.sal.ids[id]
	if a == nil {
		a = &salient{state: len(id) == 3}
		c.sal.ids[id] = a
	}
	a.add(0, w)
}

// demonymLike reports a word that reads as a nationality adjective.
func demonymLike(t *annals.Token) bool {
	if t.Tag == "JJ" {
		return true
	}
	for _, suf := range [...]string{"i", "an", "ese", "ish"} {
		if strings.HasSuffix(t.Lower, suf) {
			return true
		}
	}
	return false
}

// inDateline reports a mention inside the dateline ("ISLAMABAD
// (Reuters) -"), or inside a run of capitalised place names that opens the
// first sentence the way a dateline does ("WASHINGTON/BEIRUT (Reuters) -").
func (c *context) inDateline(m annals.Mention) bool {
	d := c.doc.Dateline
	if d.Len() > 0 && m.Start >= d.Start && m.End <= d.End {
		return true
	}
	return m.Sentence == 0 && m.End <= c.capsDateline()
}

// capsDateline returns where a dateline the text front-end left in the
// first sentence ends, 0 when there is none.
func (c *context) capsDateline() int {
	if c.capsEnd >= 0 {
		return c.capsEnd
	}
	c.capsEnd = 0
	if len(c.doc.Sentences) == 0 {
		return 0
	}
	s := c.doc.Sentences[0]
	toks := c.doc.Tokens
	words := 0
	for k := s.First; k < s.Last; k++ {
		t := toks[k].Text
		switch {
		case t == "/" || t == ",":
		case allCaps(t):
			words++
		default:
			if words > 0 && (t == "(" || t == ":" || strings.HasPrefix(t, "-") || t == "—" || t == "–") {
				c.capsEnd = toks[k].Start
			}
			return c.capsEnd
		}
	}
	return 0
}

// allCaps reports a word of two or more letters, all capitals.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.' || r == '-' || r == '\'':
		default:
			return false
		}
	}
	return n >= 2
}

// dominantCountry is the country named most often in the document: the
// home of role words that come without one ("police said").
func (d *Dict) dominantCountry(doc *annals.Doc, day int) string {
	counts := map[string]int{}
	toks := doc.Tokens
	for i := 0; i < len(toks); {
		if e, j := d.match(toks, i, len(toks)); e != nil {
			if !e.agent {
				if c := e.pick(day).code; len(c) >= 3 && isoCountries[c[:3]] {
					counts[c[:3]]++
				}
			}
			i = j
			continue
		}
		i++
	}
	best, n := "", 0
	for k, v := range counts {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

package geo

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/text"
)

// rulesTSV holds the locator's rules as data: the prepositions that place
// an event (and for which events), the nouns a place's "of" passes
// through, the nouns of places that can be struck, and the gazetteer
// names that are never places.
//
//go:embed rules.tsv
var rulesTSV string

type locRules struct {
	preps    map[string][]string // preposition -> code prefixes; nil slice with key present: any event
	anyPrep  map[string]bool
	chain    map[string]bool
	site     map[string]bool
	nonplace map[string]bool
	dateline []string // code prefixes of events between states the dateline places
	verbal   map[string]bool
}

var rules = func() locRules {
	r := locRules{preps: map[string][]string{}, anyPrep: map[string]bool{}, chain: map[string]bool{}, site: map[string]bool{}, nonplace: map[string]bool{}, verbal: map[string]bool{}}
	for ln, l := range strings.Split(rulesTSV, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		switch {
		case f[0] == "prep" && len(f) == 3:
			if f[2] == "*" {
				r.anyPrep[f[1]] = true
			} else {
				r.preps[f[1]] = strings.Fields(f[2])
			}
		case f[0] == "verbal" && len(f) == 2:
			for _, root := range strings.Fields(f[1]) {
				r.verbal[root] = true
			}
		case f[0] == "dateline" && len(f) == 3:
			r.dateline = append(r.dateline, f[1])
		case f[0] == "chain" && len(f) == 2:
			r.chain[f[1]] = true
		case f[0] == "site" && len(f) == 2:
			r.site[f[1]] = true
		case f[0] == "nonplace" && len(f) == 2:
			for _, w := range strings.Fields(f[1]) {
				r.nonplace[Key(w)] = true
			}
		default:
			panic("geo rules.tsv:" + itoa(ln+1) + ": bad rule " + l)
		}
	}
	return r
}()

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// shortName is the fewest letters a name other than a country's must
// have, unless a large city bears it ("Bo"): shorter keys are mostly
// words ("At", "We", "Un").
const (
	shortName      = 3
	shortNameLarge = 100000
)

// indexable reports whether key k may name a place of kind (the
// gazetteer's C, A or P) and population in the index: any name of a
// country; else not a listed non-place word, nor a word of one or two
// letters but for a large city.
func indexable(k string, kind string, pop int) bool {
	if kind == "C" {
		return true // a country's names are its own ("US")
	}
	if rules.nonplace[k] {
		return false
	}
	return utf8.RuneCountInString(strings.ReplaceAll(k, " ", "")) >= shortName || pop >= shortNameLarge
}

// placesEvent reports whether the preposition prep can give the place of
// event e: a locative one always, a directional one only for the codes
// its rule names.
func placesEvent(prep string, e *annals.Event) bool {
	if rules.anyPrep[prep] {
		return true
	}
	for _, c := range rules.preps[prep] {
		if strings.HasPrefix(e.Code, c) || e.Code == "" && strings.HasPrefix(e.Root, c) {
			return true
		}
	}
	return false
}

// tree is the dependency analysis of one sentence: toks are its tokens,
// from doc index first to last; heads are relative to the sentence.
type tree struct {
	toks        []annals.Token
	first, last int
}

func (t tree) tok(i int) *annals.Token { return &t.toks[i-t.first] }

func (t tree) parsed() bool {
	for i := range t.toks {
		if t.toks[i].Rel != "" {
			return true
		}
	}
	return false
}

func (t tree) head(i int) int {
	h := t.tok(i).Head
	if h < 0 || t.first+h >= t.last {
		return -1
	}
	return t.first + h
}

func (t tree) rel(i int) string {
	r := t.tok(i).Rel
	if k := strings.IndexByte(r, ':'); k >= 0 && r[:k] != "nmod" && r[:k] != "acl" {
		r = r[:k]
	}
	return r
}

// caseOf returns the preposition marking token h (its case dependent).
func (t tree) caseOf(h int) string {
	for i := t.first; i < t.last; i++ {
		if t.head(i) == h && t.rel(i) == "case" {
			return t.tok(i).Lower
		}
	}
	return ""
}

// markOf returns a place preposition marking token h as a clause.
func (t tree) markOf(h int) string {
	for i := t.first; i < t.last; i++ {
		if t.head(i) == h && t.rel(i) == "mark" {
			if w := t.tok(i).Lower; rules.anyPrep[w] || rules.preps[w] != nil {
				return w
			}
		}
	}
	return ""
}

// phraseRels are the relations by which a place name is part of a larger
// noun phrase whose preposition it takes: "the Kursk region", "Pakistan's
// Baluchistan province", "the Georgian capital Tbilisi", "Khost and
// Paktika".
var phraseRels = map[string]bool{"compound": true, "amod": true, "nmod:poss": true, "flat": true, "appos": true, "conj": true, "det": true}

// clauseRels end a clause going up the tree; xcomp does not ("agreed to
// cease hostilities in Tigray" is one event's clause).
var clauseRels = map[string]bool{"acl": true, "acl:relcl": true, "advcl": true, "ccomp": true, "parataxis": true, "csubj": true, "root": true}

// prepOf returns, with a tree, the preposition of the phrase the place
// mention m heads and the token that phrase attaches to: "in" and
// "killed" for "killed ... in the Khost and Paktika provinces".
func (t tree) prepOf(m *Mention) (prep string, attach int) {
	h := -1
	for i := m.First; i < m.Last; i++ {
		if hd := t.head(i); hd < m.First || hd >= m.Last {
			h = i
			break
		}
	}
	if h < 0 {
		return "", -1
	}
	for n := 0; n < 8; n++ {
		p := t.caseOf(h)
		if p == "'s" || p == "’s" || p == "'" {
			// a possessor determines its noun; it takes that noun's
			// preposition only as its possessor ("in Pakistan's Baluchistan
			// province"), never as an appositive ("toward the sea, South
			// Korea's military said")
			if t.tok(h).Rel != "nmod:poss" {
				return "", -1
			}
			h = t.head(h)
			if h < 0 {
				return "", -1
			}
			continue
		}
		if p != "" {
			if p == "of" {
				if up := t.head(h); up >= 0 && (rules.chain[t.tok(up).Lower] || rules.chain[t.tok(up).Lemma]) {
					h = up
					continue
				}
			}
			return p, t.head(h)
		}
		up := t.head(h)
		if up >= 0 && t.tok(up).UPOS == "VERB" && t.rel(h) == "obj" {
			// a preposition misread as a clause's mark: "inside
			// neighboring Afghanistan" as a clause of "neighboring"
			if p := t.markOf(up); p != "" {
				return p, t.head(up)
			}
		}
		if up < 0 || !phraseRels[t.tok(h).Rel] || t.tok(up).UPOS == "VERB" {
			return "", up
		}
		h = up
	}
	return "", -1
}

// clauseOf returns the head of the clause token i belongs to.
func (t tree) clauseOf(i int) int {
	for n := 0; n < 32 && i >= 0; n++ {
		r := t.tok(i).Rel
		if clauseRels[r] || clauseRels[t.rel(i)] || r == "conj" && t.tok(i).UPOS == "VERB" {
			return i
		}
		up := t.head(i)
		if up < 0 {
			return i
		}
		i = up
	}
	return i
}

// argRels are the relations of a predicate's arguments and of the
// modifiers of a nominal, through which a relative clause on the event's
// object still tells of the event ("an attack on camps that left 100
// dead in Darfur").
var argRels = map[string]bool{"obj": true, "iobj": true, "obl": true, "nmod": true, "appos": true, "conj": true}

// hangsOn reports whether a locative phrase attached to token attach
// tells where the event triggered at trig happened: it hangs on the
// trigger, on its clause's predicate, or on one of their direct
// dependents ("police in Tbilisi dispersed", "struck bases in
// Baluchistan"), not deeper in a nominal ("in retaliation for a
// response to an attack in Kashmir"); or on a relative clause of the
// event's nominal or its object; or it is the place of a predicate
// whose subject is the event ("talks began in Pretoria").
func (t tree) hangsOn(attach, trig int, code string) bool {
	return t.hangsOnDepth(attach, trig, code, 0)
}

func (t tree) hangsOnDepth(attach, trig int, code string, depth int) bool {
	if attach < 0 || trig < 0 || depth > 3 {
		return false
	}
	clause := t.clauseOf(trig)
	if attach == trig || attach == clause {
		return true
	}
	// a conjunct stands where its first conjunct does ("the ambassador
	// and his staff in the capital")
	dep := attach
	for n := 0; n < 4 && t.rel(dep) == "conj" && t.head(dep) >= 0; n++ {
		dep = t.head(dep)
	}
	// and the counted noun where its quantity is ("dozens of missiles
	// towards the city")
	if t.rel(dep) == "nmod" && t.caseOf(dep) == "of" && t.head(dep) >= 0 {
		dep = t.head(dep)
	}
	up := t.head(dep)
	if t.clauseOf(attach) == clause && (up == trig || up == clause) {
		// a verbal act is where it is said, not where its object is ("urged
		// calm in the city", "condemned the attack in the capital"); its
		// speaker's place counts ("officials in the capital said")
		return !verbal(code) || t.rel(dep) == "nsubj"
	}
	// the event's own nominal, named in an adjunct of its predicate ("killed
	// soldiers in a bombing and an attack in the north")
	if !verbal(code) && t.rel(dep) == "obl" && up >= 0 && t.clauseOf(up) == clause && (t.head(up) == trig || t.head(up) == clause) && t.rel(up) == "obl" {
		return true
	}
	// a relative clause of the event's nominal or of its object
	c := t.clauseOf(attach)
	if strings.HasPrefix(t.tok(c).Rel, "acl") && (attach == c || up == c) {
		for h, n := t.head(c), 0; h >= 0 && n < 4; h, n = t.head(h), n+1 {
			if h == trig || h == clause {
				return true
			}
			if !argRels[t.rel(h)] {
				break
			}
		}
	}
	// the event nominal is the subject of the predicate the place is on
	n := trig
	if strings.HasPrefix(t.tok(trig).Rel, "acl") {
		n = t.head(trig)
	}
	if n >= 0 && t.rel(n) == "nsubj" && t.head(n) == attach {
		return true
	}
	// an event told by a reduced relative on a participant of another
	// clause happened where that clause did ("police in the capital
	// dispersed crowds protesting ...": the protest is in the capital)
	// an event told by a relative clause happened where the nominal it
	// qualifies did ("a strike on the consulate in the capital, which
	// killed seven")
	if c := t.tok(clause); c.Rel == "acl:relcl" {
		if host := t.head(clause); host >= 0 && host != trig {
			return t.hangsOnDepth(attach, host, code, depth+1)
		}
	}
	if c := t.tok(clause); strings.HasPrefix(c.Rel, "acl") && c.UPOS == "VERB" && strings.HasSuffix(c.Lower, "ing") {
		if host := t.head(clause); host >= 0 && participantRels[t.rel(host)] && t.clauseOf(host) != trig {
			return t.hangsOnDepth(attach, t.clauseOf(host), code, depth+1)
		}
	}
	return false
}

// verbal reports whether an event code is a verbal act (CAMEO quad
// classes 1 and 3: statements, appeals, intents, consultations,
// agreements; demands, disapproval, rejections, threats): rules.tsv's
// verbal roots.
func verbal(code string) bool {
	return len(code) >= 2 && rules.verbal[code[:2]]
}

// fronted reports a locative phrase that opens the sentence and hangs on
// its root: it sets the scene of every clause coordinated with the root
// ("In the old quarter, crowds marched and some youths tore down
// posters").
func (t tree) fronted(toks []annals.Token, m *Mention, attach, trig int) bool {
	if attach < 0 || t.head(attach) >= 0 || m.First-t.first > 6 {
		return false
	}
	if w := toks[t.first].Lower; !rules.anyPrep[w] {
		return false
	}
	for c, n := t.clauseOf(trig), 0; c >= 0 && n < 6; c, n = t.clauseOf(t.head(c)), n+1 {
		if c == attach {
			return true
		}
		if t.tok(c).Rel != "conj" || t.head(c) < 0 {
			return false
		}
	}
	return false
}

// participantRels are the relations of a clause's participants.
var participantRels = map[string]bool{"nsubj": true, "obj": true, "iobj": true}

// triggerToken returns the token of the event's trigger span that heads it.
func (t tree) triggerToken(sp annals.Span) int {
	first := -1
	for i := t.first; i < t.last; i++ {
		tk := t.tok(i)
		if tk.Start < sp.Start || tk.End > sp.End {
			continue
		}
		if first < 0 {
			first = i
		}
		if h := t.head(i); h < 0 || t.tok(h).Start < sp.Start || t.tok(h).End > sp.End {
			return i
		}
	}
	return first
}

// prepBefore returns, without a tree, the preposition before the phrase
// starting at i, skipping determiners, possessives, adjectives, names and
// the chain nouns of an "of" ("in the city of Sudzha").
func prepBefore(toks []annals.Token, i, first int) string {
	if k := prepIndex(toks, i, first); k >= 0 {
		return toks[k].Lower
	}
	return ""
}

// prepIndex is the index of the preposition prepBefore finds, or -1.
func prepIndex(toks []annals.Token, i, first int) int {
	for k := i - 1; k >= first && k >= i-6; k-- {
		t := toks[k]
		if t.Lower == "of" && k > first && rules.chain[toks[k-1].Lower] {
			k--
			continue
		}
		if rules.anyPrep[t.Lower] || rules.preps[t.Lower] != nil {
			return k
		}
		if t.Lower == "the" || t.Lower == "'s" || t.Tag == "JJ" || t.Tag == "NNP" || t.Tag == "POS" || t.Text == "," || t.Tag == "CC" || rules.chain[t.Lower] {
			continue
		}
		return -1
	}
	return -1
}

// flatPrep is prepBefore with the tree's attachment of the preposition's
// phrase: the token the phrase's noun hangs on.
func (t tree) flatPrep(toks []annals.Token, i int) (string, int) {
	k := prepIndex(toks, i, t.first)
	if k < 0 {
		return "", -1
	}
	n := t.head(k)
	if n < 0 {
		return "", -1
	}
	return toks[k].Lower, t.head(n)
}

// Location bases: how the locator found an event's place.
const (
	BasisClause   = "clause"   // a place in a locative phrase of the event's own clause
	BasisTarget   = "target"   // the place struck: the target is a place, or a site of a country
	BasisDateline = "dateline" // the dateline's place, the sentence naming none
	BasisScene    = "scene"    // the lede's place, for a later event of the same actors on the same day
)

// Locate sets each event's location, from the first rule that gives one:
//   - a place that is the object of a locative preposition (in, at, near,
//     across ...; rules.tsv) in the event's own clause, or of a
//     directional one for the events it places (a visit to, an advance
//     into); with a tree, the phrase must hang in the trigger's clause, so
//     that "the ministry in Kabul said that ... forces struck" does not
//     place the strike. The nearest after the trigger wins (the most
//     specific of a chain like "in Pakistan's southwestern Baluchistan
//     province"), else the last before it ("In Quetta, police arrested");
//   - for an assault, fight or mass violence (roots 18-20), the place
//     struck: a target that is itself a place ("shelled Kherson"), a
//     place that is or qualifies the object struck ("raided the Jenin
//     refugee camp", "the port of Hodeidah"), or a site of a country ("a
//     key Iranian nuclear site", "Syria's air bases"); never the country
//     of a target actor;
//   - the dateline's place, for an event of its country's actors among
//     themselves (datelined).
//
// A capital is never a default, and a name that is not a place
// (Find's mentions only) never becomes a location.
func (g *Gazetteer) Locate(doc *annals.Doc, evs []annals.Event, places []Mention) {
	g.LocateParsed(doc, evs, places, nil)
}

// LocateParsed is Locate reading the tree of the sentences it needs from
// parse (a copy of sentence i's tokens with heads and relations), when
// the document was processed without one; nil reads the document's own.
func (g *Gazetteer) LocateParsed(doc *annals.Doc, evs []annals.Event, places []Mention, parse func(i int) []annals.Token) {
	trees := map[int]tree{}
	treeOf := func(i int) tree {
		if t, ok := trees[i]; ok {
			return t
		}
		s := doc.Sentences[i]
		t := tree{doc.Tokens[s.First:s.Last], s.First, s.Last}
		if parse != nil && !t.parsed() {
			t.toks = parse(i)
		}
		trees[i] = t
		return t
	}
	bySent := map[int][]Mention{}
	for _, m := range places {
		// actor readings too: a name in a locative phrase is a place
		// whatever verb follows ("police in the capital Tbilisi have ...")
		if m.Best != nil {
			bySent[m.Sentence] = append(bySent[m.Sentence], m)
		}
	}
	dl := g.datelinePlace(doc, places)
	for i := range evs {
		e := &evs[i]
		var pick *Mention
		basis := ""
		if c := bySent[e.SentenceIndex]; len(c) > 0 && e.SentenceIndex >= 0 && e.SentenceIndex < len(doc.Sentences) {
			if pick = clausePlace(doc, treeOf, e, c); pick != nil {
				basis = BasisClause
			}
		}
		if pick == nil && e.Root >= "18" && e.Root <= "20" {
			if pick = targetPlace(e, bySent[e.SentenceIndex]); pick == nil && len(bySent[e.SentenceIndex]) > 0 {
				pick = objectPlace(treeOf(e.SentenceIndex), e, bySent[e.SentenceIndex])
			}
			if pick == nil {
				if pick = flatAfter(doc, e, bySent[e.SentenceIndex]); pick != nil {
					basis = BasisClause
				}
			}
			if pick != nil && basis != BasisClause {
				basis = BasisTarget
			} else if c := g.targetSite(doc, e); c != nil {
				e.Location = &annals.Location{Name: c.Name, Country: c.Country, Lat: c.Lat, Lon: c.Lon, Precision: Country, Basis: BasisTarget}
				continue
			}
		}
		if pick == nil && dl != nil && datelined(e, dl.Best.Country) && !(e.Root >= "18" && e.Root <= "20" && g.namesUnknownPlace(doc, e.SentenceIndex)) {
			pick, basis = dl, BasisDateline
		}
		if pick == nil {
			continue
		}
		p := pick.Best
		e.Location = &annals.Location{Name: pick.Text, Country: p.Country, ADM1: p.ADM1, Lat: p.Lat, Lon: p.Lon, Precision: p.Kind, Basis: basis}
		if p.Kind == ADM1 && p.Approx {
			e.Location.Precision = ADM1 + " (country centroid)"
		}
	}
	scenes(evs, bySent)
}

// sceneSentences is how many sentences open the story whose places set
// its scene: the lede, and the sentence after it.
const sceneSentences = 2

// scenes gives an event its sentence does not place the place of the
// lede's event of the same actors on the same day ("Police in Tbilisi
// dispersed protesters on Monday. ... Riot police used tear gas on the
// crowd"): the lede's event placed by its own clause or as the place
// struck, in the first sceneSentences sentences and before the event;
// the same pair of actors' countries (either way round), or the same
// actor's country with no target where the lede's was an act at home; the same event date; between two
// states' actors, only a meeting, talks or an agreement (the dateline's
// codes in rules.tsv: the two sides are together), not an act of one on
// the other (tariffs, a strike from across the border); the event not a
// plan, no verbal act (those are placed where said, which the lede does
// not tell) but an agreement after the lede's meeting, and its sentence
// naming no place of another country.
func scenes(evs []annals.Event, bySent map[int][]Mention) {
	cc := func(code string) string {
		if len(code) >= 3 && code[:3] != "---" {
			return code[:3]
		}
		return ""
	}
	same := func(a, b *annals.Event) bool {
		s1, t1, s2, t2 := cc(a.Source), cc(a.Target), cc(b.Source), cc(b.Target)
		if s1 == "" || s2 == "" {
			return false
		}
		if t2 == "" && s1 == s2 && (t1 == "" || t1 == s1) {
			return true // the same actor at home, its object unnamed ("the soldiers also arrested two")
		}
		return s1 == s2 && t1 == t2 || s1 == t2 && t1 == s2
	}
	meeting := func(e *annals.Event) bool {
		for _, c := range rules.dateline {
			if strings.HasPrefix(e.Code, c) {
				return true
			}
		}
		return false
	}
	for i := range evs {
		e := &evs[i]
		if e.Location != nil || e.Mode == annals.Intended || e.EventDate == "" || e.SentenceIndex < 1 {
			continue
		}
		if t := cc(e.Target); t != "" && t != cc(e.Source) && !meeting(e) {
			continue // an act of one state on another happens where the actor is, which the lede's place does not tell
		}
		for j := range evs {
			s := &evs[j]
			l := s.Location
			if l == nil || l.Basis != BasisClause && l.Basis != BasisTarget || s.SentenceIndex >= sceneSentences ||
				s.SentenceIndex >= e.SentenceIndex || s.EventDate != e.EventDate || !same(s, e) {
				continue
			}
			if verbal(e.Code) && !(meeting(e) && meeting(s)) {
				continue // said where? the lede does not tell; but what talks agree is agreed where they are held
			}
			elsewhere := false
			for _, m := range bySent[e.SentenceIndex] {
				if m.Best != nil && m.Best.Country != l.Country {
					elsewhere = true
				}
			}
			if elsewhere {
				break
			}
			loc := *l
			loc.Basis = BasisScene
			e.Location = &loc
			break
		}
	}
}

// datelined reports whether the dateline's place, in country cc, is where
// event e happened when its sentence names no place: the event is not a
// plan, and one of its actors is of that country: the source, acting on
// its own or on its own country's; or either side of a meeting, talks
// or an agreement (rules.tsv's dateline codes). The reporter's city
// tells nothing of other acts between states (a cross-border clash,
// tariffs on another country) or of a future act.
func datelined(e *annals.Event, cc string) bool {
	if e.Mode == annals.Intended {
		return false
	}
	of := func(code string) bool { return len(code) >= 3 && code[:3] == cc }
	for _, c := range rules.dateline {
		if strings.HasPrefix(e.Code, c) && (of(e.Source) || of(e.Target)) {
			return true
		}
	}
	return of(e.Source) && (e.Target == "" || of(e.Target))
}

// namesUnknownPlace reports a sentence that names, after a locative
// preposition, a proper name the gazetteer does not know ("attacked a post
// in North Waziristan"): an attack's place is told but unresolved, and the
// dateline must not stand in for it. (Other events keep the dateline: the
// unknown name is mostly a building of the dateline's city, "outside the
// National Assembly".)
func (g *Gazetteer) namesUnknownPlace(doc *annals.Doc, si int) bool {
	if si < 0 || si >= len(doc.Sentences) {
		return false
	}
	s := doc.Sentences[si]
	toks := doc.Tokens
	for k := s.First; k+1 < s.Last; k++ {
		if !rules.anyPrep[toks[k].Lower] {
			continue
		}
		j := k + 1
		if toks[j].Lower == "the" && j+1 < s.Last {
			j++
		}
		t := toks[j]
		if rules.nonplace[Key(t.Text)] && j+1 < s.Last && capitalized(toks[j+1].Text) {
			t = toks[j+1] // a direction opening a name: "North Waziristan"
		}
		if t.Tag != "NNP" || !capitalized(t.Text) || rules.nonplace[Key(t.Text)] || len(g.byKey(t.Text)) > 0 {
			continue
		}
		if j+1 < s.Last && len(g.byName(Key(t.Text+" "+toks[j+1].Text))) > 0 {
			continue
		}
		return true
	}
	return false
}

// clausePlace is the place of a locative phrase of the event's clause.
//
// treeOf gives the tree of a sentence. It is asked only when the words
// leave the answer open: some candidate is not a possessor of an actor,
// and some word of the sentence is a preposition that places e (every
// preposition read here, from the tree or not, is one of its words). A
// sentence no phrase of which could place the event is not parsed.
func clausePlace(doc *annals.Doc, treeOf func(int) tree, e *annals.Event, cand []Mention) *Mention {
	s := doc.Sentences[e.SentenceIndex]
	starts := map[int]bool{}
	for k := range cand {
		starts[cand[k].First] = true
	}
	live := make([]bool, len(cand))
	n := 0
	for k := range cand {
		// "South Korea's military said": the name is an actor's
		if live[k] = possessesPlace(doc.Tokens, cand[k].Last, s.Last, starts); live[k] {
			n++
		}
	}
	if n == 0 || !placingWord(doc.Tokens[s.First:s.Last], e) {
		return nil // every preposition read below is a word of the sentence
	}
	t := treeOf(e.SentenceIndex)
	parsed := t.parsed()
	trig := -1
	if parsed {
		trig = t.triggerToken(e.TriggerSpan)
	}
	var ok []Mention
	for k := range cand {
		m := &cand[k]
		if !live[k] {
			continue
		}
		var prep string
		if parsed && trig >= 0 {
			p, attach := t.prepOf(m)
			if p == "" {
				// the preposition before the name governs its phrase
				// even where the parser hangs the name elsewhere ("in the
				// capital Nairobi" with Nairobi read as a subject)
				p, attach = t.flatPrep(doc.Tokens, m.First)
			}
			if !t.hangsOn(attach, trig, e.Code) && !t.fronted(doc.Tokens, m, attach, trig) {
				continue // a place of another clause or nominal: the speaker's, an actor's
			}
			prep = p
		} else {
			prep = prepBefore(doc.Tokens, m.First, t.first)
		}
		if prep == "" || !placesEvent(prep, e) {
			continue
		}
		ok = append(ok, *m)
	}
	var pick *Mention
	for k := range ok {
		if ok[k].Start >= e.TriggerSpan.End {
			pick = &ok[k]
			// follow the chain to the most specific place in the same country
			for j := k + 1; j < len(ok) && ok[j].First-pick.Last <= 4; j++ {
				if ok[j].Best.Country == pick.Best.Country && rank[ok[j].Best.Kind] > rank[pick.Best.Kind] {
					pick = &ok[j]
				}
			}
			return pick
		}
	}
	for k := len(ok) - 1; k >= 0; k-- {
		if ok[k].Start < e.TriggerSpan.Start {
			return &ok[k] // "In Quetta, police arrested ..."
		}
	}
	return nil
}

// placingWord reports whether some word of toks is a preposition that
// places e (placesEvent): without one no phrase of the sentence places it.
func placingWord(toks []annals.Token, e *annals.Event) bool {
	for i := range toks {
		if placesEvent(toks[i].Lower, e) {
			return true
		}
	}
	return false
}

// possessesPlace reports whether the name ending before token i, if it
// is a possessor ("X's"), possesses a place: another name or a noun of
// place ("Pakistan's Baluchistan province", "Niger's capital", "Taiwan's
// waters"), not an actor or a thing ("South Korea's military").
func possessesPlace(toks []annals.Token, i, end int, starts map[int]bool) bool {
	if i >= end || toks[i].Lower != "'s" && toks[i].Lower != "’s" && toks[i].Text != "'" {
		return true
	}
	for k := i + 1; k < end && k <= i+4; k++ {
		t := toks[k]
		if starts[k] || rules.chain[t.Lower] || rules.chain[t.Lemma] {
			return true
		}
		if t.Tag != "JJ" && t.Tag != "NN" && t.Tag != "``" && t.Tag != "''" && t.Text != "\"" && t.Text != "“" {
			return false
		}
	}
	return false
}

// placeNounAfter reports a noun of place or of a site within two words
// after token j ("the Jenin refugee camp", "the Kursk region").
func placeNounAfter(toks []annals.Token, j, end int) bool {
	for k := j; k < end && k < j+2; k++ {
		if rules.site[toks[k].Lower] || rules.chain[toks[k].Lower] || rules.chain[toks[k].Lemma] {
			return true
		}
	}
	return false
}

// targetPlace is the place mention that is the event's target ("shelled
// Kherson", "struck Iran").
func targetPlace(e *annals.Event, cand []Mention) *Mention {
	if e.TargetSpan.End <= e.TargetSpan.Start {
		return nil
	}
	for k := range cand {
		if cand[k].Start == e.TargetSpan.Start && cand[k].End == e.TargetSpan.End {
			return &cand[k]
		}
	}
	return nil
}

// clauseBreaks are the words that open another clause: a flat reading
// of a place after an attack's trigger stops at them.
var clauseBreaks = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "whose": true, "when": true, "while": true,
	"after": true, "before": true, "because": true, "as": true, "since": true, "until": true, ";": true, "\"": true, "“": true, "”": true, "(": true}

// flatAfter is, for an attack the tree places nowhere (a parse too broken
// to tell), the first place after the trigger in a locative phrase, with
// no word opening another clause between them ("strikes on what it said
// were bases of the group in Pakistan's Balochistan province").
func flatAfter(doc *annals.Doc, e *annals.Event, cand []Mention) *Mention {
	s := doc.Sentences[e.SentenceIndex]
	for k := range cand {
		m := &cand[k]
		if m.Start < e.TriggerSpan.End {
			continue
		}
		for i := s.First; i < m.First; i++ {
			if t := doc.Tokens[i]; t.Start >= e.TriggerSpan.End && clauseBreaks[t.Lower] {
				return nil
			}
		}
		if p := prepBefore(doc.Tokens, m.First, s.First); p != "" && rules.anyPrep[p] && possessesPlace(doc.Tokens, m.Last, s.Last, map[int]bool{}) {
			// the most specific of a chain: "in Pakistan's Balochistan province"
			pick := m
			for j := k + 1; j < len(cand) && cand[j].First-pick.Last <= 4; j++ {
				if cand[j].Best.Country == pick.Best.Country && rank[cand[j].Best.Kind] > rank[pick.Best.Kind] {
					pick = &cand[j]
				}
			}
			return pick
		}
	}
	return nil
}

// objectPlace is, with a tree, the place that is or qualifies the object
// struck: "shelled Kherson", "raided the Jenin refugee camp", "struck the
// port of Hodeidah", "Kherson was shelled".
func objectPlace(t tree, e *annals.Event, cand []Mention) *Mention {
	if !t.parsed() {
		return nil
	}
	trig := t.triggerToken(e.TriggerSpan)
	if trig < 0 {
		return nil
	}
	for k := range cand {
		m := &cand[k]
		h := -1
		for i := m.First; i < m.Last; i++ {
			if hd := t.head(i); hd < m.First || hd >= m.Last {
				h = i
				break
			}
		}
		for n := 0; h >= 0 && n < 6; n++ {
			r := t.tok(h).Rel
			if (r == "obj" || r == "nsubj:pass") && t.head(h) == trig {
				return m
			}
			up := t.head(h)
			if up < 0 {
				break
			}
			switch {
			case r == "compound" || r == "flat" || r == "appos" || r == "conj" || r == "amod":
			case r == "nmod" && t.caseOf(h) == "of" && (rules.site[t.tok(up).Lower] || rules.chain[t.tok(up).Lower] || rules.chain[t.tok(up).Lemma]):
			default:
				up = -1
			}
			h = up
		}
	}
	return nil
}

// targetSite is the country of an attack's target when the target
// qualifies a site noun ("a key Iranian nuclear site", "Syria's air
// bases"): the target's code names the country, the words after it up to
// the site are modifiers.
func (g *Gazetteer) targetSite(doc *annals.Doc, e *annals.Event) *Place {
	if len(e.Target) < 3 || e.TargetSpan.End <= e.TargetSpan.Start {
		return nil
	}
	c := g.countries[e.Target[:3]]
	if c == nil {
		return nil
	}
	toks := doc.Tokens
	k := 0
	for k < len(toks) && toks[k].Start < e.TargetSpan.End {
		k++
	}
	for n := 0; n < 4 && k < len(toks); n, k = n+1, k+1 {
		t := toks[k]
		if rules.site[t.Lower] && strings.HasPrefix(t.Tag, "NN") {
			return c
		}
		if t.Lower != "'s" && t.Tag != "POS" && t.Tag != "JJ" && t.Tag != "NN" && t.Tag != "VBN" && t.Tag != "HYPH" {
			return nil
		}
	}
	return nil
}

// datelinePlace resolves the dateline's place ("PESHAWAR, Pakistan (AP)
// -", "BEIJING:"): one place, qualified or not by its country or
// province ("Tehran [Iran], January 28 (IRNA) -"); none for a dateline of
// several cities. text.ParseDateline splits it.
func (g *Gazetteer) datelinePlace(doc *annals.Doc, places []Mention) *Mention {
	if doc.Article == nil || doc.Dateline.End <= doc.Dateline.Start || doc.Dateline.End > len(doc.Article.Text) {
		return nil
	}
	d, ok := text.ParseDateline(doc.Dateline.Of(doc.Article.Text))
	if !ok || strings.Contains(d.Place, "/") {
		return nil
	}
	name := d.Place
	cands := g.byKey(name)
	if len(cands) == 0 {
		return nil
	}
	qual := ""
	if d.Region != "" {
		for _, p := range g.byKey(d.Region) {
			if p.Kind != City {
				qual = p.Country
				break
			}
		}
	}
	ctx := Context{}
	for _, m := range places {
		if m.Best != nil {
			ctx[m.Best.Country]++
		}
	}
	var best *Place
	bestScore := 0.0
	for _, p := range cands {
		sc := score(p, ctx)
		if qual != "" && p.Country == qual {
			sc += 10
		}
		if best == nil || sc > bestScore {
			best, bestScore = p, sc
		}
	}
	return &Mention{Span: doc.Dateline, Text: best.Name, Sentence: -1, Best: &Candidate{best, bestScore}}
}

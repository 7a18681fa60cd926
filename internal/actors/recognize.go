package actors

import (
	"cmp"
	stdcontext "context"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/annals-events/annals"
)

// unit is one dictionary match or unknown name inside a sentence.
type unit struct {
	first, last int // token range in the document
	e           *entry
	r           *row
	name        bool // an unknown proper name
}

func (u unit) isAgent() bool   { return u.e != nil && u.e.agent }
func (u unit) isCountry() bool { return u.e != nil && !u.e.agent && len(u.r.code) == 3 }
func (u unit) isActor() bool   { return u.e != nil && !u.e.agent }

func capitalized(s string) bool {
	// Arabic names keep their article in lower case: "al-Shabaab",
	// "el-Sisi", "ad-Dawla"
	for _, a := range [...]string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "an-", "az-"} {
		if len(s) > len(a) && s[:len(a)] == a {
			s = s[len(a):]
			break
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// match returns the longest dictionary entry starting at token i, and the
// index after it.
func (d *Dict) match(toks []annals.Token, i, end int) (*entry, int) {
	cands := d.starting(toks[i].Lower)
	if len(cands) == 0 && toks[i].Lemma != toks[i].Lower {
		cands = d.starting(toks[i].Lemma)
	}
	// the hashes of the next word, to pass over the entries whose second
	// word it cannot be without comparing their words (a common first
	// word, "international", "the", starts a hundred entries or more)
	var next, nextLemma uint64
	hashed := false
	for _, e := range cands {
		n := len(e.toks)
		if i+n > end {
			continue
		}
		if n >= 2 {
			if !hashed {
				next, nextLemma, hashed = wordHash(toks[i+1].Lower), wordHash(toks[i+1].Lemma), true
			}
			if e.second != next && (n != 2 || e.second != nextLemma) {
				continue // the second word matches neither way
			}
		}
		ok := true
		for k, w := range e.toks {
			if t := &toks[i+k]; t.Lower != w && !(k == n-1 && t.Lemma == w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		// the case of the words read only for an entry that matches: a
		// common first word ("international", "the") starts hundreds
		upper := false
		for k := range n {
			if t := &toks[i+k]; capitalized(t.Text) || strings.IndexFunc(t.Text, unicode.IsUpper) > 0 {
				upper = true // a capital inside the word marks a name too ("iSrael")
				break
			}
		}
		if !e.agent && !upper && !(n >= 2 && strings.HasPrefix(toks[i+n-1].Tag, "NN") && collective(e)) {
			continue // "mobile", "chad" in lower case are not actors (but "aid groups" are)
		}
		if e.agent && !strings.HasPrefix(toks[i+n-1].Tag, "NN") && !strings.HasPrefix(toks[i+n-1].Tag, "JJ") {
			continue // "press" or "forces" used as verbs
		}
		if e.agent && i+n < end && abstractHeads[toks[i+n].Lemma] && strings.HasPrefix(toks[i+n].Tag, "NN") {
			continue // "military aid", "military operation": a modifier, not an actor
		}
		if e.agent && n == 1 && capitalized(toks[i].Text) && toks[i].Tag == "NNP" && i+1 < end && toks[i+1].Tag == "NNP" && !isTitleWord(toks[i].Lower) {
			continue // "Army Street", "Police Academy" as part of a name
		}
		if e.person && n == 1 && (partOfName(toks, i+1, end, d) || i > 0 && partOfName(toks, i-1, end, d)) {
			continue // "Abbas Araqchi" is not Mahmoud Abbas, "Li Xi" not Xi Jinping
		}
		return e, i + n
	}
	return nil, i
}

// partOfName reports whether token k is a capitalized proper noun that is
// no title: a one-word leader entry beside it is part of another person's
// name.
func partOfName(toks []annals.Token, k, end int, d *Dict) bool {
	if k < 0 || k >= end {
		return false
	}
	t := &toks[k]
	if !capitalized(t.Text) || t.Tag != "NNP" || isTitleWord(t.Lower) || notNames[t.Lower] {
		return false
	}
	for _, e := range d.byFirst[t.Lower] {
		if !e.person && !e.agent && len(e.toks) == 1 {
			return false // a country or body name ("Iran Xi" is no name)
		}
	}
	return true
}

// title words that precede a person's name.
var titleWords = map[string]bool{
	"president": true, "minister": true, "gen.": true, "general": true, "prime": true, "king": true, "chancellor": true,
	"queen": true, "emperor": true, "premier": true, "vice": true, "foreign": true, "defence": true, "defense": true,
	"prince": true, "sheikh": true, "chief": true, "commander": true, "secretary": true, "ambassador": true,
	"envoy": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "governor": true,
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "lt.": true, "col.": true, "maj.": true, "sen.": true,
	"senator": true, "leader": true, "emir": true, "justice": true, "judge": true, "mayor": true,
}

func isTitleWord(w string) bool { return titleWords[w] }

// allTitles reports whether every token is a title word ("Chancellor",
// "Prime Minister").
func allTitles(toks []annals.Token) bool {
	for _, t := range toks {
		if !titleWords[t.Lower] {
			return false
		}
	}
	return len(toks) > 0
}

// holderSuffixes join a holder to what it holds or leads.
var holderSuffixes = []string{"-held", "-controlled", "-occupied", "-led", "-run", "-owned", "-operated", "-flagged", "-registered",
	"-launched", "-fired"} // ("Iranian-launched drones" are Iran's)

// holder returns the unit for the one-word actor or role before a holder
// suffix: "rebel-held" is the rebels', "Russian-occupied" Russia's.
func (d *Dict) holder(t *annals.Token, day int) (unit, bool) {
	for _, suf := range holderSuffixes {
		if !strings.HasSuffix(t.Lower, suf) || len(t.Lower) == len(suf) {
			continue
		}
		prefix := t.Lower[:len(t.Lower)-len(suf)]
		for _, e := range d.byFirst[prefix] {
			if len(e.toks) != 1 || !e.agent && !capitalized(t.Text) {
				continue
			}
			return unit{e: e, r: e.pick(day)}, true
		}
	}
	return unit{}, false
}

// compassWords open a region's adjective ("South Asian", "West
// African", "Central European") when an adjective follows: the pair names
// no one, and the compass word alone is no name.
var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true}

// waterWords name seas and straits after or before a country's name.
var waterWords = map[string]bool{"Sea": true, "Ocean": true, "Gulf": true, "Strait": true, "Straits": true, "Bay": true, "Channel": true}

// waterBody reports whether the country name in toks[i:j] is part of the
// name of a sea: "Sea of Japan", "Gulf of Oman", "South China Sea",
// "Indian Ocean".
func waterBody(toks []annals.Token, i, j, first, last int) bool {
	if j < last && waterWords[toks[j].Text] {
		return true
	}
	return i-2 >= first && toks[i-1].Lower == "of" && waterWords[toks[i-2].Text]
}

// stop words that the tagger may call NNP but that are not names.
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "jan.": true, "feb.": true, "aug.": true, "sept.": true,
	"oct.": true, "nov.": true, "dec.": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mar.": true, "apr.": true, "the": true, "a": true, "an": true, "but": true, "and": true, "in": true, "on": true,
	"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "this": true, "that": true, "after": true,
	"reuters": true, "ap": true, "afp": true, "xinhua": true, "saying": true, "state": true, "meanwhile": true, "however": true,
}

// Recognize returns the actor mentions of a document, with codes in force
// on ref (the article's date, or the caller's clock for undated text).
func (d *Dict) Recognize(doc *annals.Doc, ref time.Time) []annals.Mention {
	ms, _ := d.RecognizeContext(stdcontext.Background(), doc, ref)
	return ms
}

// RecognizeContext is Recognize that stops between sentences once ctx is
// done, with ctx's error.
func (d *Dict) RecognizeContext(cx stdcontext.Context, doc *annals.Doc, ref time.Time) ([]annals.Mention, error) {
	day := dayNum(ref)
	ctx := &context{d: d, doc: doc, capsEnd: -1}
	ctx.home = d.datelineCountry(doc, day)
	ctx.dateline = ctx.home
	if ctx.home != "" {
		// the dateline's country starts the story
		ctx.markSalient(ctx.home, salienceWeights.Dateline)
	}
	if ctx.home == "" {
		ctx.home = d.dominantCountry(doc, day)
	}
	var out []annals.Mention
	ctx.from = make([]int, len(doc.Sentences)+1)
	for si := range doc.Sentences {
		if err := cx.Err(); err != nil {
			return nil, err
		}
		ctx.from[si] = len(ctx.seen)
		out = append(out, ctx.sentence(si, day)...)
		ctx.from[si+1] = len(ctx.seen)
	}
	return out, nil
}

type context struct {
	d        *Dict
	doc      *annals.Doc
	home     string // the dateline's country, else the country named most
	dateline string // the dateline's country, if any
	// salience: coded mentions so far, most recent last
	seen []annals.Mention
	// from[si] is where sentence si's mentions begin in seen (and
	// from[si+1] where they end, once si is done)
	from []int
	// country counts for filling agents without a country
	counts map[string]int
	// introduced are the people introduced with their office (names.go)
	introduced names
	// sal is who the story is about so far
	sal salience
	// lastPair is the latest pair phrase resolved ("both sides")
	lastPair []annals.Mention
	// roleOnly marks the mentions (by start) that are role words with no
	// name of their own ("gunmen", "the foreign ministry")
	roleOnly map[int]bool
	// idx indexes the sentences reference resolution reads; quoted marks
	// the tokens inside quotation marks
	idx    map[int]*sentIndex
	quoted []bool
	// capsEnd is where a capitalised dateline left in the first sentence
	// ends (0: none, -1: not looked for yet)
	capsEnd int
	// prevRefs are the references resolved in sentence prevSent, by
	// first token: "He thanked Iran" after "He offered condolences"
	prevRefs     map[int][]annals.Mention
	prevSent     int
	prevMentions []annals.Mention // all of prevSent's mentions, named or not
	// people marks the mentions (by start) known to name one person
	people map[int]bool
	// unknownSurnames are the last words of people's names no dictionary
	// knows
	unknownSurnames map[string]bool
	// homeless marks the mentions (by start) of role words that took the
	// story's country for want of their own
	homeless map[int]bool
	// openQuote is the country of whoever opened a quotation that an
	// earlier sentence left open ("" when none is open, or its speaker has
	// no country)
	openQuote   string
	quoteIsOpen bool
	// roleHome is the country each role word was last named with ("Prime
	// Minister Shehbaz Sharif"): "the prime minister" later is that one
	roleHome map[*entry]string
	// roleCodeHome is the country a role (MIL, GOV, ...) was last named
	// with in any words: "Niger's military leaders ... the military
	// junta" are one country's.
	roleCodeHome map[string]string
}

func (d *Dict) datelineCountry(doc *annals.Doc, day int) string {
	if doc.Dateline.Len() == 0 {
		return ""
	}
	txt := doc.Article.Text
	toks := tokensOf(txt, doc.Dateline)
	for i := range toks {
		if e, _ := d.match(toks, i, len(toks)); e != nil && !e.agent {
			if c := e.pick(day).code; len(c) >= 3 && isoCountries[c[:3]] {
				return c[:3]
			}
		}
	}
	return ""
}

func (c *context) mainCountry() string {
	if c.home != "" {
		return c.home
	}
	best, n := "", 0
	for k, v := range c.counts {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

func (c *context) sentence(si int, day int) []annals.Mention {
	doc := c.doc
	s := doc.Sentences[si]
	toks := doc.Tokens
	var units []unit
	for i := s.First; i < s.Last; {
		if e, j := c.d.match(toks, i, s.Last); e != nil {
			if toks[i].Lower == "the" && i+1 < s.Last {
				if e2, j2 := c.d.match(toks, i+1, s.Last); e2 != nil && j2 > j && curated(e2) && !curated(e) {
					// "the UN General Assembly" is not PETRARCH-2's "the UN"
					// and a word after it
					i, e, j = i+1, e2, j2
				}
			}
			if !e.agent && waterBody(toks, i, j, s.First, s.Last) {
				// "the Gulf of Oman", "the South China Sea" are places, not
				// actors, and no unknown names either
				for len(units) > 0 && units[len(units)-1].name && units[len(units)-1].last >= i-2 {
					units = units[:len(units)-1]
				}
				i = j
				if i < s.Last && waterWords[toks[i].Text] {
					i++
				}
				continue
			}
			units = append(units, unit{first: i, last: j, e: e, r: e.pick(day)})
			i = j
			continue
		}
		if u, ok := c.d.holder(&toks[i], day); ok {
			// "the rebel-held enclave", "Houthi-controlled areas", "the
			// Saudi-led coalition": the holder acts for the place
			u.first, u.last = i, i+1
			units = append(units, u)
			i++
			continue
		}
		t := &toks[i]
		if compassWords[t.Lower] && i+1 < s.Last && toks[i+1].Tag == "JJ" {
			i++ // "South Asian visas", "West African states": a region's adjective, no name
			continue
		}
		if (t.Tag == "NNP" || t.Tag == "NNPS") && capitalized(t.Text) && !notNames[t.Lower] && !titleModifiers[t.Lower] && len(t.Text) > 1 {
			j := i + 1
			for j < s.Last && (toks[j].Tag == "NNP" || toks[j].Tag == "NNPS") && capitalized(toks[j].Text) && !notNames[toks[j].Lower] && !titleModifiers[toks[j].Lower] {
				if e, _ := c.d.match(toks, j, s.Last); e != nil {
					break
				}
				j++
			}
			if waterWords[toks[j-1].Text] || j < s.Last && waterWords[toks[j].Text] {
				i = j // "the East Sea", "the Yellow Sea": a sea, no actor
				continue
			}
			if u, ok := c.titledName(units, i, j, day); ok {
				units = append(units, u) // "President Yoon", "Taiwan's Lai": the office holder
			} else if u, ok := c.town(s, i, j); ok {
				units = append(units, u) // "pounded Kherson": a town the gazetteer knows
			} else {
				units = append(units, unit{first: i, last: j, name: true})
			}
			i = j
			continue
		}
		i++
	}
	groups := groupUnits(toks, units)
	var out, cur []annals.Mention
	for gi, g := range groups {
		if m, ok := c.groupMention(si, g); ok {
			m.Means = m.Code != "" && platformWords[toks[m.Last-1].Lower]
			if gi+1 < len(groups) {
				code := m.Code
				placeRole(toks, &m, g, groups[gi+1])
				if m.Code != code {
					delete(c.homeless, m.Start)
				}
			}
			cur = append(cur, m)
		}
	}
	c.appositions(cur)
	refs := c.references(si, cur, day)
	// a reference phrase that is also an agent ("the militants") resolves
	// to the named group when one is salient: the reference replaces any
	// mention it overlaps.
	firsts := make([]int, 0, len(refs))
	for f := range refs {
		firsts = append(firsts, f)
	}
	slices.Sort(firsts) // reference phrases do not overlap one another
	for _, m := range cur {
		// the first phrase ending after m begins is the only one that
		// can overlap it
		k, _ := slices.BinarySearchFunc(firsts, m.First, func(f, first int) int {
			if refs[f][0].Last <= first {
				return -1
			}
			return 1
		})
		if k == len(firsts) || refs[firsts[k]][0].First >= m.Last {
			out = append(out, m)
		}
	}
	distributeRoles(toks, out)
	c.coordinatedHome(out)
	c.homeFromSentence(si, out)
	for _, f := range firsts {
		out = append(out, refs[f]...)
	}
	sortMentions(out)
	c.note(si, day, out)
	c.prevRefs, c.prevSent, c.prevMentions = refs, si, out
	for _, m := range out {
		if m.Code != "" && !m.Ref {
			c.seen = append(c.seen, m)
			if c.counts == nil {
				c.counts = map[string]int{}
			}
			if len(m.Code) >= 3 && isoCountries[m.Code[:3]] {
				c.counts[m.Code[:3]]++
			}
		}
	}
	return out
}

// sortMentions orders mentions by where they start, keeping the order of
// those that start together (a pair resolved from "both countries").
func sortMentions(ms []annals.Mention) {
	slices.SortStableFunc(ms, func(a, b annals.Mention) int { return cmp.Compare(a.Start, b.Start) })
}

// groupUnits joins adjacent units into noun phrases: "Pakistan 's army",
// "Iranian President Ebrahim Raisi", "army of Pakistan".
func groupUnits(toks []annals.Token, units []unit) [][]unit {
	var groups [][]unit
	for i, u := range units {
		if i > 0 && len(groups) > 0 {
			prev := groups[len(groups)-1]
			p := prev[len(prev)-1]
			if joinable(toks, p, u) && !(fromJoin(toks, p, u) && (hasCountry(prev) || prev[0].first > 0 && toks[prev[0].first-1].Tag == "PRP$" || movedBefore(toks, prev[0].first))) {
				groups[len(groups)-1] = append(prev, u)
				continue
			}
		}
		groups = append(groups, []unit{u})
	}
	return groups
}

var gapWords = map[string]bool{"'s": true, "'": true, "the": true, "-": true, "senior": true, "top": true,
	"former": true, "acting": true, "interim": true, "deputy": true, "new": true, "then": true, "then-": true}

// titleModifiers stand inside a role's phrase without breaking it
// ("Taiwan's Vice Foreign Minister", "Pakistan's newly appointed army
// chief"); capitalized, they are no name of their own.
var titleModifiers = map[string]bool{"vice": true, "deputy": true, "acting": true, "former": true, "interim": true,
	"senior": true, "caretaker": true, "outgoing": true, "incoming": true, "assistant": true, "associate": true,
	"federal": true, "newly": true, "recently": true, "appointed": true, "elected": true, "designate": true,
	"newly-appointed": true, "newly-elected": true, "then": true, "transitional": true}

func init() {
	for w := range titleModifiers {
		gapWords[w] = true
	}
}

// allGapWords reports whether every token may stand inside a phrase.
func allGapWords(gap []annals.Token) bool {
	for _, g := range gap {
		if !gapWords[g.Lower] {
			return false
		}
	}
	return true
}

// fromJoin reports a "from" between two units: "dissidents from Myanmar".
func fromJoin(toks []annals.Token, p, u unit) bool {
	for _, g := range toks[p.last:u.first] {
		if g.Lower == "from" {
			return true
		}
	}
	return false
}

// movedBefore reports a verb of moving people just before i: "withdraw its
// ambassador and troops from Niger" takes troops out of Niger.
func movedBefore(toks []annals.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch toks[k].Lemma {
		case "withdraw", "pull", "recall", "evacuate", "remove", "expel", "deport", "bring", "return", "rescue", "repatriate":
			return true
		}
	}
	return false
}

// hasCountry reports a country unit in a group: "French troops from Niger"
// are French troops, leaving Niger (and "its ambassador from Tehran" is
// its own).
func hasCountry(g []unit) bool {
	for _, u := range g {
		if u.isCountry() {
			return true
		}
	}
	return false
}

func joinable(toks []annals.Token, p, u unit) bool {
	gap := toks[p.last:u.first]
	if p.isCountry() && u.isCountry() && len(gap) == 1 && gap[0].Lower == "of" && p.r.code == u.r.code {
		return true // "the United States of America" is one name
	}
	if len(gap) > 2 && !(len(gap) <= 4 && allGapWords(gap)) {
		return false // but "Pakistan's newly appointed army chief" is one
	}
	if p.name && u.name {
		return len(gap) == 0
	}
	for _, g := range gap {
		if g.Lower == "of" || g.Lower == "for" && p.isAgent() && len(gap) <= 2 && strings.HasPrefix(toks[p.last-1].Lower, "spokes") {
			// "army of Pakistan", "president of Iran", "a spokesman for the Taliban"
			if !(p.isAgent() && u.isActor()) || len(gap) > 2 {
				return false
			}
			continue
		}
		if g.Lower == "from" {
			// "dissidents from Myanmar", "officials from Hamas": the
			// role's country or group follows it
			if !p.isAgent() || !u.isActor() {
				return false
			}
			continue
		}
		if !gapWords[g.Lower] && !(g.Tag == "JJ" && (p.isCountry() || p.isAgent()) && !placeCases[g.Lower] && !objectCases[g.Lower]) && !(g.Tag == "NN" && p.isCountry() && u.isAgent() && !abstractHeads[g.Lower]) {
			// (but "Taliban ban women": a group's name, then a verb)
			return false // but "Rwanda's information minister" is one
		}
	}
	switch {
	case u.name:
		// a name after a title or a country adjective + title
		return p.isAgent() && len(gap) == 0
	case p.name && len(gap) == 0 && u.isActor() && allTitles(toks[p.first:p.last]):
		return true // "Chancellor Olaf Scholz" when only the name is in a dictionary
	case p.name && len(gap) == 0 && u.e != nil && u.e.person:
		return true // "Prime Minister Muhammad Shehbaz Sharif": a longer form of a known name
	case p.name:
		// "Ebrahim Raisi 's government" is a possessive of a person
		return u.isAgent() && len(gap) == 1 && gap[0].Lower == "'s"
	case p.isAgent() && u.isAgent():
		return len(gap) <= 1
	case p.isCountry() && u.isCountry():
		return false
	case p.isCountry() && !u.isAgent() && strings.HasPrefix(u.r.code, "IGO"):
		return false // "Sweden's NATO bid": an international body is no country's (but "Lebanon's Hezbollah" is)
	}
	return true
}

// groupMention turns a group into one mention.
func (c *context) groupMention(si int, g []unit) (annals.Mention, bool) {
	toks := c.doc.Tokens
	txt := c.doc.Article.Text
	first, last := g[0].first, g[len(g)-1].last
	if toks[first].Lower == "the" && last-first > 1 {
		first++ // "the Kremlin" is reported as "Kremlin"
	}
	m := annals.Mention{Sentence: si, First: first, Last: last}
	m.Span = annals.Span{Start: toks[first].Start, End: toks[last-1].End}
	m.Text = m.Span.Of(txt)
	var country, actor, role, name unit
	var hasCountry, hasActor, hasRole, hasName bool
	for _, u := range g {
		switch {
		case u.name:
			if !hasName {
				name = u
			}
			hasName = true
		case u.isAgent():
			// the head of "opponents of Rwanda's Senate" is the first role
			if !hasRole || !(role.last < len(toks) && toks[role.last].Lower == "of") {
				role, hasRole = u, true
			}
		case u.isCountry():
			if !hasCountry || hasActor {
				country, hasCountry = u, true
			}
		default:
			actor, hasActor = u, true
		}
	}
	switch {
	case hasActor:
		m.Code, m.Entry = actor.r.code, actor.r.loc
		// "Pakistani Taliban" when the dictionary has only "Taliban":
		// a country adjective before a group re-homes it.
		if hasCountry && country.last <= actor.first && strings.HasPrefix(actor.r.code, "---") {
			m.Code = country.r.code + actor.r.code[3:]
		} else if hasCountry && country.last <= actor.first && len(actor.r.code) >= 6 && len(country.r.code) == 3 &&
			isoCountries[actor.r.code[:3]] && actor.r.code[:3] != country.r.code {
			// "the Kenyan cabinet's National Security Council": a
			// body the dictionary knows for one state, named for another
			m.Code = country.r.code + actor.r.code[3:]
		}
		if hasRole && len(m.Code) == 3 && !strings.HasSuffix(m.Code, roleOf(role)) {
			m.Code += roleOf(role)
		}
		if isPersonish(m) && actor.last-actor.first > 1 || actor.e.person && actor.last-actor.first > 1 && c.nameWords(toks[actor.first:actor.last]) {
			c.introduce(actor, m) // "Shehbaz Sharif": later "Sharif"
		}
		if actor.e.person && !hasRole {
			c.markPerson(m) // "Nelson Mandela ... He told a rally"
		}
	case hasCountry && hasRole:
		m.Code, m.Entry = country.r.code+c.heldRole(si, first, role), role.r.loc
		if hasName && role.last <= name.first {
			c.introduce(name, m) // "Taiwan President Lai Ching-te": later "Lai"
		}
	case hasName && !hasCountry && len(g) <= 2 && c.known(name):
		// "Sharif", or "President Lai" once the article has introduced
		// Lai with his country
		r, _ := c.introduced.lookup(toks, name)
		m.Code, m.Entry = r.code, r.entry
		c.markPerson(m)
	case hasCountry:
		m.Code, m.Entry = country.r.code, country.r.loc
		m.Place = len(g) == 1 && country.e.place
	case hasRole && needsCountry[toks[role.last-1].Lower]:
		return m, false // "his counterpart" names no one without a country
	case hasRole:
		home := c.mainCountry()
		if h, ok := c.roleHome[role.e]; ok && definite(toks, role.first) {
			// "Prime Minister Shehbaz Sharif ... the prime minister": the
			// one named before
			home = h
		} else if h, ok := c.roleCodeHome[roleOf(role)]; ok && roleOf(role) != "GOV" && definite(toks, role.first) {
			// "Niger's military leaders ... the military junta": the last
			// country named with the same role (not for a government, whose
			// many offices a definite phrase tells apart by their own
			// words: "the ministry" is not the ambassador's)
			home = h
		}
		if nonState[roleOf(role)] {
			home = "NGO" // "human rights groups" are not the story's country
		}
		if platformWords[toks[role.last-1].Lower] && !definite(toks, role.first) {
			home = "---" // "drones hit two oil facilities": whose, the words do not say
		}
		if home == "" {
			home = "---"
		}
		m.Code, m.Entry = home+c.heldRole(si, first, role), role.r.loc
		if home != "NGO" {
			if c.homeless == nil {
				c.homeless = map[int]bool{}
			}
			c.homeless[m.Start] = true // the country is the story's, not the words'
		}
	case hasName && thingAbbreviation(toks, first, last):
		return m, false // "an intercontinental ballistic missile (ICBM)": a thing's short name
	case hasName && codeName(toks, first):
		return m, false // "exercises code-named Strait Thunder": an operation's name
	case hasName:
		// an unknown name the article has not introduced (names.go) is
		// kept uncoded so users can see what is missing
		return m, true
	default:
		return m, false
	}
	if hasName && m.Code != "" && (hasRole || hasActor) {
		// "Israel Defense Forces spokesperson Daniel Hagari": his surname
		// names him later in the article
		if k := g[len(g)-1]; k.name && k.last-k.first > 1 {
			c.introduce(k, m)
			c.markPerson(m)
		}
	}
	if hasRole && !hasActor {
		if c.roleOnly == nil {
			c.roleOnly = map[int]bool{}
		}
		c.roleOnly[m.Start] = true
	}
	if hasRole && (hasCountry || hasActor) && len(m.Code) >= 3 && isoCountries[m.Code[:3]] {
		if c.roleHome == nil {
			c.roleHome = map[*entry]string{}
		}
		c.roleHome[role.e] = m.Code[:3]
		if len(m.Code) > 3 {
			if c.roleCodeHome == nil {
				c.roleCodeHome = map[string]string{}
			}
			c.roleCodeHome[m.Code[3:]] = m.Code[:3]
		}
	}
	return m, true
}

// thingAbbreviation reports an unknown name in parentheses right after a
// common noun: the short form of what the noun names ("a ballistic missile
// (ICBM)", "a drone (UAV)"), no actor. ("the Islamic State (IS)" is an
// actor's: the phrase before it is a name.)
func thingAbbreviation(toks []annals.Token, first, last int) bool {
	if first < 2 || last >= len(toks) || toks[first-1].Text != "(" || toks[last].Text != ")" {
		return false
	}
	t := toks[first-2].Tag
	return t == "NN" || t == "NNS"
}

// codeName reports a name right after "code-named" (past a quotation
// mark): the name of an operation or exercise, no actor.
func codeName(toks []annals.Token, first int) bool {
	k := first - 1
	for k >= 0 && isQuoteMark(toks[k].Text) {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].Lower {
	case "code-named", "codenamed", "code-name", "codename":
		return true
	case "named":
		return k > 0 && toks[k-1].Lower == "code"
	}
	return false
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "``", "''", "'", "‘", "’":
		return true
	}
	return false
}

// definite reports a "the" before the role at i, past title modifiers:
// "the Deputy Prime Minister".
func definite(toks []annals.Token, i int) bool {
	for i > 0 && titleModifiers[toks[i-1].Lower] {
		i--
	}
	return i > 0 && toks[i-1].Lower == "the"
}

// nonState are the roles of bodies that belong to no state unless the text
// names one ("Iranian rights groups"): without a country they are NGOs.
var nonState = map[string]bool{"HRI": true, "NGO": true}

func roleOf(u unit) string { return strings.TrimPrefix(u.r.code, "~") }

// placeRole gives a role word with no country of its own the country it
// is placed in: "a court in Ankara", "officers in the Russian military",
// rather than the article's main country. The mention keeps its span: the
// place stays a place.
func placeRole(toks []annals.Token, m *annals.Mention, g, next []unit) {
	for _, u := range g {
		if !u.isAgent() {
			return
		}
	}
	// "a court in Ankara", "a militant camp in southern Somalia", "militant
	// hideouts inside Iran's Sistan-Baluchestan province"
	gap := toks[g[len(g)-1].last:next[0].first]
	k := 0
	for k < len(gap) && k < 2 && strings.HasPrefix(gap[k].Tag, "NN") {
		k++
	}
	if k >= len(gap) || gap[k].Lower != "in" && gap[k].Lower != "inside" {
		return
	}
	for k++; k < len(gap); k++ {
		if gap[k].Lower != "the" && gap[k].Tag != "JJ" {
			return
		}
	}
	country := ""
	role := roleOf(g[len(g)-1])
	for _, u := range next {
		switch {
		case u.isCountry() && country == "":
			country = u.r.code
		case u.isActor() && !u.e.person && country == "" && len(u.r.code) > 3 && isoCountries[u.r.code[:3]]:
			country = u.r.code[:3] // "civilians in Rafah", a place with a region's code
		case u.isAgent():
			role = roleOf(u) // "officers in the Russian military"
		case !u.isCountry():
			return
		}
	}
	if len(country) == 3 {
		m.Code = country + role
	}
}

// distributeRoles gives "Pakistani and Afghan forces" the role to both,
// and "the foreign ministers of Russia and Ukraine" too.
func distributeRoles(toks []annals.Token, ms []annals.Mention) {
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], &ms[i+1]
		if len(a.Code) <= 3 || len(b.Code) != 3 || a.Ref || b.Ref || b.First-a.Last != 1 || toks[a.Last].Lower != "and" {
			continue
		}
		// a plural role word, then "of" and the first country: the rest of
		// the list shares the role
		of := -1
		for k := a.First; k < a.Last; k++ {
			if toks[k].Lower == "of" {
				of = k
			}
		}
		if of > a.First && toks[of-1].Tag == "NNS" && of+1 < a.Last {
			b.Code += a.Code[3:]
		}
	}
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], &ms[i+1]
		if len(a.Code) != 3 || len(b.Code) <= 3 || a.Ref || b.Ref {
			continue
		}
		if b.First-a.Last != 1 || toks[a.Last].Lower != "and" {
			continue
		}
		if toks[a.First].Tag == "JJ" || strings.HasSuffix(toks[a.Last-1].Lower, "i") || strings.HasSuffix(toks[a.Last-1].Lower, "an") || strings.HasSuffix(toks[a.Last-1].Lower, "ese") || strings.HasSuffix(toks[a.Last-1].Lower, "ish") {
			a.Code += b.Code[3:]
		}
	}
	// "Russian missiles and drones": the adjective owns both nouns, so the
	// role word takes its country rather than the article's
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], &ms[i+1]
		if len(a.Code) != 3 || len(b.Code) <= 3 || a.Ref || b.Ref || toks[a.First].Tag != "JJ" || b.Last-b.First != 1 {
			continue
		}
		gap := toks[a.Last:b.First]
		if len(gap) < 2 || len(gap) > 3 || gap[len(gap)-1].Lower != "and" {
			continue
		}
		nouns := true
		for _, g := range gap[:len(gap)-1] {
			nouns = nouns && strings.HasPrefix(g.Tag, "NN") && g.Tag != "NNP"
		}
		if nouns {
			b.Code = a.Code + b.Code[3:]
		}
	}
}

// coordinatedHome gives a role word with no country of its own the
// country of the actor it is coordinated with: "the Philippine government
// and communist rebels" are Philippine rebels, whatever country the story
// names most.
func (c *context) coordinatedHome(ms []annals.Mention) {
	toks := c.doc.Tokens
	own := func(m *annals.Mention) bool {
		return !m.Ref && len(m.Code) > 3 && isoCountries[m.Code[:3]] && !c.homeless[m.Start]
	}
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], &ms[i+1]
		if a.Ref || b.Ref || b.First <= a.Last || b.First-a.Last > 3 || toks[a.Last].Lower != "and" {
			continue
		}
		plain := true // "and communist rebels", "and the armed opposition"
		for _, t := range toks[a.Last+1 : b.First] {
			plain = plain && (t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "VBN" || t.Tag == "NN") && !capitalized(t.Text)
		}
		if !plain {
			continue
		}
		switch {
		case own(a) && c.homeless[b.Start] && len(b.Code) > 3:
			b.Code = a.Code[:3] + b.Code[3:]
		case own(b) && c.homeless[a.Start] && len(a.Code) > 3:
			a.Code = b.Code[:3] + a.Code[3:]
		}
	}
}

func tokensOf(txt string, sp annals.Span) []annals.Token {
	var toks []annals.Token
	for _, f := range strings.FieldsFunc(txt[sp.Start:sp.End], func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' }) {
		toks = append(toks, annals.Token{Text: f, Lower: strings.ToLower(f), Lemma: strings.ToLower(f)})
	}
	return toks
}

// abstractHeads are nouns a role word modifies without naming an actor.
var abstractHeads = map[string]bool{"aid": true, "assistance": true, "cooperation": true, "operation": true,
	"exercise": true, "drill": true, "tie": true, "relation": true, "support": true, "spending": true,
	"budget": true, "training": true, "action": true, "presence": true, "intervention": true, "solution": true,
	"rule": true, "court": true, "equipment": true, "hardware": true, "option": true, "pressure": true,
	"escalation": true, "deal": true, "pact": true, "capability": true, "strength": true, "power": true,
	"system": true, "systems": true, "battery": true, "batteries": true, "industry": true, "sector": true,
	"doctrine": true, "strategy": true, "policy": true, "shell": true, "shells": true, "ammunition": true, "munitions": true,
	"rounds": true, "fire": true, "barrage": true}

// needsCountry lists role words that name no actor on their own.
var needsCountry = map[string]bool{"counterpart": true, "counterparts": true}

// markPerson records that m names one person.
func (c *context) markPerson(m annals.Mention) {
	if c.people == nil {
		c.people = map[int]bool{}
	}
	c.people[m.Start] = true
}

// appositions read a person's affiliation from an apposition after the
// name ("Clementine Nkweta-Salami, United Nations resident coordinator,"):
// the surname alone names that actor later in the article. Names no
// dictionary knows and no apposition places are remembered as people.
func (c *context) appositions(cur []annals.Mention) {
	toks := c.doc.Tokens
	for i, m := range cur {
		if m.Code != "" || m.Last-m.First < 2 {
			continue
		}
		if !c.nameWords(toks[m.First:m.Last]) {
			continue
		}
		sur := toks[m.Last-1].Lower
		if c.unknownSurnames == nil {
			c.unknownSurnames = map[string]bool{}
		}
		c.unknownSurnames[sur] = true
		if m.Last >= len(toks) || toks[m.Last].Lower != "," || i+1 >= len(cur) {
			continue
		}
		// the next mention, before the apposition ends, outside a
		// prepositional phrase
		x := cur[i+1]
		if x.Code == "" || x.Place {
			continue
		}
		ok := true
		for _, t := range toks[m.Last+1 : x.First] {
			if t.Lower == "," || t.Tag == "IN" || isVerbTag(t.Tag) {
				ok = false
				break
			}
		}
		if !ok || x.First-m.Last > 5 {
			continue
		}
		if _, known := c.introduced[sur]; !known {
			c.remember(sur, x)
			delete(c.unknownSurnames, sur)
		}
	}
}

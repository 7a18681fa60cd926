package actors

import (
	"strings"
	"unicode"

	"github.com/annals-events/annals"
)

// groupNouns are the heads of "the group", "the militants": true for those
// that name an organisation, which prefer a group named as such to a role
// word ("gunmen") named since.
var groupNouns = map[string]bool{"group": true, "militants": false, "militant": false, "affiliate": true, "outfit": true,
	"organisation": true, "organization": true, "movement": true, "insurgents": false, "rebels": false, "fighters": false, "faction": true}

// personHeads are words that make a mention one person ("the prime
// minister", "a Foreign Office spokesperson"): "he" and "she" may refer to
// it, "it" may not.
var personHeads = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "king": true, "queen": true,
	"emir": true, "prince": true, "sheikh": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"envoy": true, "ambassador": true, "chief": true, "commander": true, "general": true, "governor": true,
	"leader": true, "secretary": true, "official": true, "mayor": true, "judge": true, "senator": true,
	"diplomat": true, "negotiator": true, "lawmaker": true, "adviser": true, "advisor": true, "general-secretary": true,
}

// expletiveAfterBe are the words after "it is" that make the "it" no
// actor: "it is unclear whether", "it was agreed that".
var expletiveAfterBe = map[string]bool{
	"clear": true, "unclear": true, "likely": true, "unlikely": true, "possible": true, "impossible": true,
	"important": true, "necessary": true, "known": true, "unknown": true, "understood": true, "reported": true,
	"believed": true, "expected": true, "thought": true, "feared": true, "hoped": true, "agreed": true,
	"decided": true, "estimated": true, "said": true, "time": true, "true": true, "worth": true, "difficult": true,
	"hard": true, "easy": true, "a": true, "an": true, "the": true, "this": true, "that": true, "what": true,
}

// partnerCases are the prepositions of the partner or target of an act
// ("closed their borders with the country", "sanctions against the
// country"): never the act's own subject.
var partnerCases = map[string]bool{"with": true, "against": true}

// expletiveVerbs after "it" make it no actor: "it seems", "it appears".
var expletiveVerbs = map[string]bool{"seem": true, "appear": true, "emerge": true, "remain": true, "matter": true, "happen": true, "take": true}

// armedRoles are the roles a "the group"/"the militants" reference can take.
var armedRoles = []string{"INS", "REB", "SEP", "UAF", "CRM", "IMG"}

func isArmed(code string) bool {
	if strings.HasPrefix(code, "IMG") {
		return true
	}
	for i := 3; i+3 <= len(code); i += 3 {
		for _, r := range armedRoles {
			if code[i:i+3] == r {
				return true
			}
		}
	}
	return false
}

func isPersonish(m annals.Mention) bool {
	return m.Entry != "" && strings.HasPrefix(m.Entry, "leaders.tsv")
}

// references finds reference phrases in sentence si and resolves them to
// salient earlier mentions. Keys are the first token of each phrase.
func (c *context) references(si int, cur []annals.Mention, day int) map[int][]annals.Mention {
	s := c.doc.Sentences[si]
	toks := c.doc.Tokens
	out := map[int][]annals.Mention{}
	mk := func(first, last int, src annals.Mention) annals.Mention {
		m := annals.Mention{Sentence: si, First: first, Last: last, Code: src.Code, Entry: src.Entry, Ref: true}
		m.Span = annals.Span{Start: toks[first].Start, End: toks[last-1].End}
		m.Text = m.Span.Of(c.doc.Article.Text)
		return m
	}
	// candidates: earlier sentences, then this sentence up to i. The
	// sentence's part grows as i moves on (cur is in text order), so no
	// token copies what came before it.
	var here []annals.Mention
	var pairHere []annals.Mention // a pair phrase resolved in this sentence
	k := 0
	for i := s.First; i < s.Last; i++ {
		w := toks[i].Lower
		for ; k < len(cur) && cur[k].Last <= i; k++ {
			if cur[k].Code != "" {
				here = append(here, cur[k])
			}
		}
		seen := pool{c.seen, here}
		// "both countries", "the two sides", "the neighbours", "both"
		if first, j, kind, n, ok := c.setPhrase(si, i); ok {
			var skip map[string]bool
			cands := here
			if v, ok := c.addressedBy(si, first, j); ok {
				// "China urged both countries": the pair is not the
				// sentence's own subject, nor whoever else addresses it
				if v < 0 {
					cands = nil // no tree: none of the sentence's own actors
				} else {
					skip = map[string]bool{}
					for _, m := range here {
						if id, _, ok := identity(m.Code); ok && c.subjectOfVerb(m, v) {
							skip[id] = true
							c.markThird(id)
						}
					}
				}
			}
			if set := c.salientSet(si, cands, skip, kind, n); len(set) == n {
				for _, m := range set {
					m.Code = pairCode(m, kind)
					out[first] = append(out[first], mk(first, j, m))
				}
				c.lastPair, pairHere = out[first], out[first]
			}
			i = j - 1
			continue
		}
		if w == "the" && i+1 < s.Last {
			j := c.groupHead(si, i+1)
			if org, ok := groupNouns[toks[j].Lower]; ok {
				armed := func(m annals.Mention) bool { return isArmed(m.Code) && !strings.HasPrefix(m.Code, "---") }
				m, ok := annals.Mention{}, false
				if org {
					// "the group" is the organisation named, not the gunmen
					m, ok = c.salientArmed(si, seen, func(m annals.Mention) bool { return armed(m) && !c.roleOnly[m.Start] })
				}
				if !ok {
					m, ok = c.salientArmed(si, seen, armed)
				}
				if ok {
					out[i] = []annals.Mention{mk(i, j+1, m)}
				}
				i = j
				continue
			}
			if toks[j].Lower == "country" || toks[j].Lower == "kingdom" || toks[j].Lower == "republic" {
				// the last country named, else the country of the last actor
				// ("Argentina's president announced the country would leave")
				// the country of the sentence's subject ("the Saudi crown
				// prince told the US envoy that the kingdom ..."), else the
				// last country named, else the country of the last actor
				m, ok := c.sentenceSubject(si, i, cur)
				if ok && i > s.First && partnerCases[toks[i-1].Lower] {
					// "Russia and Kazakhstan closed their borders with the
					// country": the partner of an act is not its subject
					not := map[string]bool{}
					for _, x := range c.subjectList(si, i, cur, out) {
						if len(x.Code) >= 3 {
							not[x.Code[:3]] = true
						}
					}
					other := func(x annals.Mention) bool { return len(x.Code) >= 3 && isoCountries[x.Code[:3]] && !not[x.Code[:3]] }
					if m, ok = c.subjectOf(si-1, other); !ok {
						m, ok = last(seen, other)
					}
				}
				stateHere := false
				for _, h := range here {
					stateHere = stateHere || len(h.Code) >= 3 && isoCountries[h.Code[:3]]
				}
				if !ok && !stateHere {
					// "Pakistani troops clashed with militants near the
					// border with Afghanistan. The country's army chief":
					// the state of the sentence before's subject, not the
					// place named last
					m, ok = c.subjectOf(si-1, func(m annals.Mention) bool { return len(m.Code) >= 3 && isoCountries[m.Code[:3]] })
				}
				if !ok {
					m, ok = last(seen, func(m annals.Mention) bool { return len(m.Code) == 3 && isoCountries[m.Code] })
				}
				if !ok {
					m, ok = last(seen, func(m annals.Mention) bool { return len(m.Code) > 3 && isoCountries[m.Code[:3]] })
				}
				if ok {
					m.Code = m.Code[:3]
					out[i] = []annals.Mention{mk(i, j+1, m)}
				}
				i = j
				continue
			}
		}
		// "Ethiopia's foreign minister said his country would ...": the
		// country of the last actor that has one
		if (w == "his" || w == "her" || w == "its" || w == "their") && i+1 < s.Last && toks[i+1].Lower == "country" {
			if m, ok := last(seen, func(m annals.Mention) bool { return len(m.Code) >= 3 && isoCountries[m.Code[:3]] }); ok {
				m.Code = m.Code[:3]
				out[i] = []annals.Mention{mk(i, i+2, m)}
			}
			i++
			continue
		}
		// "said its forces had retaliated": a role word owned by a pronoun
		// takes the country of the clause's subject, or of the last state
		if (w == "its" || w == "their" || w == "his" || w == "her") && i+1 < s.Last && toks[i].Tag == "PRP$" || w == "her" && i+1 < s.Last {
			if e, j := c.d.match(toks, i+1, s.Last); e != nil && e.agent && !needsCountry[toks[j-1].Lower] {
				role := strings.TrimPrefix(e.pick(day).code, "~")
				if w == "their" && len(pairHere) >= 2 {
					// "the two countries agreed to restore their
					// ambassadors": the pair's own
					for _, a := range pairHere {
						out[i] = append(out[i], mk(i, j, a))
						out[i][len(out[i])-1].Code = a.Code[:3] + role
					}
					i = j - 1
					continue
				}
				if w == "their" {
					// "Pakistani and Iranian officials said their
					// governments", "They agreed to return their
					// ambassadors": each of the subjects' own
					if list := c.subjectList(si, i, cur, out); len(list) >= 2 {
						for _, a := range list {
							if len(a.Code) >= 3 && isoCountries[a.Code[:3]] {
								out[i] = append(out[i], mk(i, j, a))
								out[i][len(out[i])-1].Code = a.Code[:3] + role
							}
						}
						if len(out[i]) >= 2 {
							i = j - 1
							continue
						}
						delete(out, i)
					}
				}
				if m, ok := c.owner(si, i, cur, seen, out); ok {
					out[i] = []annals.Mention{mk(i, j, m)}
					out[i][0].Code = m.Code[:3] + role
					if _, state, _ := identity(m.Code); !state && isArmed(m.Code) {
						out[i][0].Code = m.Code // "the BLA said its fighters": the group itself
					}
					i = j - 1
					continue
				}
			}
		}
		if toks[i].Tag == "PRP" && (w == "he" || w == "she") {
			// the subject of the clause that governs the pronoun ("Sharif
			// said he would"), else the subject of the sentence before,
			// else the last person named
			narrative := func(m annals.Mention) bool { return c.personKind(m) && !c.inQuote(m) }
			m, ok := c.governingSubject(si, i, cur, out, c.personKind)
			stop := false
			if !ok {
				// "May will meet Tusk as she seeks": the sentence's own
				// subject
				m, ok, stop = c.sentencePerson(si, i, cur)
			}
			if !ok && !stop {
				// the subject of the sentence before, when it is a person
				// (someone quoted is seldom "he" outside the quote); a
				// person no dictionary knows stops the search
				m, ok, stop = c.prevPerson(si - 1)
			}
			if !ok && !stop {
				m, ok = last(seen, narrative)
			}
			if !ok && !stop {
				m, ok = last(seen, c.personKind)
			}
			if ok {
				out[i] = []annals.Mention{mk(i, i+1, m)}
			}
			continue
		}
		if toks[i].Tag == "PRP" && (w == "him" || w == "her" && (i+1 >= s.Last || !strings.HasPrefix(toks[i+1].Tag, "NN") && toks[i+1].Tag != "JJ")) &&
			(toks[i].Rel == "obj" || toks[i].Rel == "iobj" || toks[i].Rel == "" && i > s.First && isVerbTag(toks[i-1].Tag)) {
			// an object pronoun is someone other than its clause's
			// subject ("the army, which had backed Bashir, ousted
			// him"): the last person named, the subject aside (the
			// object of a verb only: "posters of him" is no one acted on)
			subj, hasSubj := c.objectsSubject(si, i, cur)
			if m, ok := last(seen, func(m annals.Mention) bool { return c.personKind(m) && !(hasSubj && m.Span == subj.Span) }); ok {
				out[i] = []annals.Mention{mk(i, i+1, m)}
			}
			continue
		}
		if toks[i].Tag == "PRP" && w == "it" && i+1 < s.Last && (isVerbTag(toks[i+1].Tag) || toks[i+1].Tag == "MD") {
			if c.expletive(si, i) {
				continue // "It is unclear whether", "it was agreed that"
			}
			body := func(m annals.Mention) bool { return !c.personKind(m) && !strings.HasPrefix(m.Code, "---") }
			if i == s.First {
				// "It warned that ...": the subject of the sentence before
				if m, ok := c.subjectOf(si-1, body); ok {
					out[i] = []annals.Mention{mk(i, i+1, m)}
					continue
				}
			}
			// "Pakistan's Foreign Office, condemning the attacks in Iran,
			// said it ...": the subject of the governing clause, else the
			// last body or state
			if m, ok := c.governingSubject(si, i, cur, out, func(annals.Mention) bool { return true }); ok {
				if body(m) {
					out[i] = []annals.Mention{mk(i, i+1, m)}
					continue
				}
				if a, ok := c.addressee(si, i, cur); ok && c.personKind(m) && body(a) {
					// "Trump warned Pyongyang it would face fire and
					// fury": a person is no "it"; the body addressed is
					out[i] = []annals.Mention{mk(i, i+1, a)}
					continue
				}
				if _, state, ok := identity(m.Code); ok && state && c.personKind(m) {
					// "Turkey's president says it will": his state
					m.Code = m.Code[:3]
					out[i] = []annals.Mention{mk(i, i+1, m)}
					continue
				}
			}
			if m, ok := last(seen, body); ok && m.Sentence >= si-1 {
				out[i] = []annals.Mention{mk(i, i+1, m)}
			}
			continue
		}
		if toks[i].Tag == "PRP" && w == "they" {
			m, ok := c.governingSubject(si, i, cur, out, c.pluralNoun)
			if !ok && toks[i].Rel == "" && i > s.First && !strings.HasPrefix(toks[i-1].Tag, "NN") {
				// without a tree: the sentence's subject, when it is a
				// plural noun named before the pronoun (not after a noun:
				// "the smugglers they had tracked" is a relative clause)
				if m, ok = c.sentenceSubject(si, i, cur); ok && !c.pluralNoun(m) {
					ok = false
				}
			}
			if ok {
				// "Gunmen attacked the parliament, killing nine people
				// before they were shot dead": the governing clause's
				// plural subject, not a pair named before
				out[i] = []annals.Mention{mk(i, i+1, m)}
				continue
			}
			list := c.lastList(seen)
			if p := c.lastPair; len(p) >= 2 && (p[0].Sentence >= si-1 || c.pairHolds(p, seen, si)) && (len(list) == 0 || p[0].Sentence >= list[len(list)-1].Sentence) {
				// "Both sides agreed ... They also": the pair just named
				list = p
			}
			if len(list) >= 2 {
				for _, a := range list {
					out[i] = append(out[i], mk(i, i+1, a))
				}
			} else if m, ok := last(seen, func(m annals.Mention) bool {
				// "the criminals they forced into the country": a noun
				// right before "they" and its verb is what the relative
				// clause is about, not whom it names
				return isArmed(m.Code) && !(m.Sentence == si && m.Last == i && i+1 < s.Last && isVerbTag(toks[i+1].Tag))
			}); ok {
				out[i] = []annals.Mention{mk(i, i+1, m)}
			}
		}
	}
	return out
}

// subjectOf returns the first coded mention of sentence si that is not
// inside a prepositional phrase and passes ok: the sentence's subject.
func (c *context) subjectOf(si int, ok func(annals.Mention) bool) (annals.Mention, bool) {
	if si < 0 {
		return annals.Mention{}, false
	}
	toks := c.doc.Tokens
	if k, found := c.rootSubject(si); found {
		// the tree's subject of the main clause, when an actor or a
		// resolved reference stands there
		for _, m := range c.seen[c.from[si]:c.from[si+1]] {
			if m.Sentence == si && k >= m.First && k < m.Last {
				return m, ok(m)
			}
		}
		if si == c.prevSent {
			for f, r := range c.prevRefs {
				if len(r) == 1 && k >= f && k < r[0].Last {
					return r[0], ok(r[0])
				}
			}
		}
		return annals.Mention{}, false
	}
	for _, m := range c.seen[c.from[si]:c.from[si+1]] {
		if m.Sentence != si || m.First > c.doc.Sentences[si].First && toks[m.First-1].Tag == "IN" {
			continue
		}
		if ok(m) {
			return m, true
		}
		break
	}
	return annals.Mention{}, false
}

// sentenceSubject returns the first mention of sentence si, before token
// i and outside a prepositional phrase, when it has a country.
func (c *context) sentenceSubject(si, i int, cur []annals.Mention) (annals.Mention, bool) {
	toks := c.doc.Tokens
	for _, m := range cur {
		if m.Last > i {
			break
		}
		if m.First > c.doc.Sentences[si].First && toks[m.First-1].Tag == "IN" {
			continue
		}
		if len(m.Code) >= 3 && isoCountries[m.Code[:3]] {
			return m, true
		}
		break
	}
	return annals.Mention{}, false
}

// pool is the candidates of a reference: the coded mentions of earlier
// sentences, then those of its own sentence before it, most recent last.
// It reads both in place, so resolving costs nothing per earlier mention.
type pool struct{ earlier, here []annals.Mention }

func (p pool) len() int { return len(p.earlier) + len(p.here) }

func (p pool) at(i int) annals.Mention {
	if i < len(p.earlier) {
		return p.earlier[i]
	}
	return p.here[i-len(p.earlier)]
}

func last(seen pool, ok func(annals.Mention) bool) (annals.Mention, bool) {
	n := seen.len()
	for i := n - 1; i >= 0 && i >= n-12; i-- {
		if m := seen.at(i); ok(m) {
			return m, true
		}
	}
	return annals.Mention{}, false
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }

func isPairNoun(w string) bool { _, ok := pairNouns[w]; return ok }

// bothOpeners may stand before a "both" that is a subject of its own.
var bothOpeners = map[string]bool{",": true, "with": true, "and": true, "but": true, "while": true, "as": true,
	"\"": true, "``": true, "“": true, "since": true, "because": true, "after": true, "before": true, "when": true}

// addressedBy reports a pair phrase [first, end) that is the object of a
// verb of addressing ("China urged both sides", "called on the two
// countries"), with that verb; verb is -1 when the sentence has no tree
// and a verb stands just before the phrase.
func (c *context) addressedBy(si, first, end int) (verb int, ok bool) {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	if toks[first].Rel == "" {
		k := first - 1
		if k > s.First && (toks[k].Lower == "on" || toks[k].Lower == "to" || toks[k].Lower == "upon") {
			k-- // "called on both sides"
		}
		switch {
		case k < s.First || !isVerbTag(toks[k].Tag):
		case addressVerbs[toks[k].Lemma]:
			return k, true
		case k == first-1:
			return -1, true // some other verb's object: none of the sentence's own actors
		}
		return 0, false
	}
	head := -1
	for k := first; k < end; k++ {
		if h := c.tokHead(k); h < first || h >= end {
			head = k
		}
	}
	if head < 0 {
		return 0, false
	}
	head = c.effectiveHead(head)
	v := c.tokHead(head)
	if v < 0 {
		return 0, false
	}
	switch rel := toks[head].Rel; {
	case rel == "obj" || rel == "iobj":
	case rel == "obl" || strings.HasPrefix(rel, "obl:"):
		if cs := c.caseOf(head); cs != "on" && cs != "to" && cs != "upon" {
			return 0, false // "talks between the two sides"
		}
	default:
		return 0, false
	}
	if !addressVerbs[toks[v].Lemma] {
		return 0, false
	}
	return v, true
}

// subjectOfVerb reports whether m is the subject of verb v, or of the verb
// v shares its subject with ("said it stood by Tehran and urged both
// sides").
func (c *context) subjectOfVerb(m annals.Mention, v int) bool {
	toks := c.doc.Tokens
	if toks[v].Rel == "" {
		return m.First < v && c.flatSubject(m)
	}
	x := c.index(m.Sentence)
	for n := 0; v >= 0 && n < 4; n++ {
		if k, ok := x.nsubj[v]; ok {
			// the subject, or a conjunct of it
			if k >= m.First && k < m.Last {
				return true
			}
			for j := m.First; j < m.Last; j++ {
				if c.effectiveHead(j) == k {
					return true
				}
			}
			return false
		}
		if r := toks[v].Rel; r != "conj" && r != "xcomp" && r != "advcl" {
			break
		}
		v = c.tokHead(v)
	}
	return false
}

// markThird records that the story presents actor id as a go-between.
func (c *context) markThird(id string) {
	if c.sal.ids == nil {
		c.sal.ids = map[string]*salient{}
		c.sal.pairs = map[[2]string]*decayed{}
	}
	a := c.sal.ids[id]
	if a == nil {
		a = &salient{state: len(id) == 3}
		c.sal.ids[id] = a
	}
	a.third = true
}

// personKind reports a mention of one person: a leader, or a mention
// whose words name a single office holder ("the prime minister").
func (c *context) personKind(m annals.Mention) bool {
	if isPersonish(m) || !m.Ref && c.people[m.Start] {
		return true
	}
	toks := c.doc.Tokens
	if m.Ref || m.Last > len(toks) || m.Last <= m.First || toks[m.Last-1].Tag == "NNS" || toks[m.Last-1].Tag == "NNPS" {
		return false
	}
	for _, t := range toks[m.First:m.Last] {
		if personHeads[t.Lower] {
			return true
		}
	}
	return false
}

// expletive reports an "it" at token i that stands for no actor: "it is
// unclear whether", "it seems", "It is a horrifying incident".
func (c *context) expletive(si, i int) bool {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	if i+1 >= s.Last {
		return false
	}
	if expletiveVerbs[toks[i+1].Lemma] {
		return true
	}
	if toks[i+1].Lemma != "be" {
		return false
	}
	k := i + 2
	for k < s.Last && toks[k].Tag == "RB" {
		k++ // "it was not clear", "it is also important"
	}
	if k >= s.Last {
		return false
	}
	return expletiveAfterBe[toks[k].Lower]
}

// governingSubject returns the subject of the clause that governs pronoun
// i's clause, when it is a mention (or a resolved reference) before i that
// passes ok: "Pakistan's Foreign Office said it", "Iran told Pakistan it
// would respond".
func (c *context) governingSubject(si, i int, cur []annals.Mention, refs map[int][]annals.Mention, ok func(annals.Mention) bool) (annals.Mention, bool) {
	toks := c.doc.Tokens
	// a pronoun right after a reporting verb needs no tree, and the
	// tree's attachments of such clauses are less sure than the words
	if m, found, fired := c.flatGoverningSubject(si, i, cur, refs, ok); fired {
		return m, found
	}
	if !strings.HasPrefix(toks[i].Rel, "nsubj") {
		return annals.Mention{}, false
	}
	v := c.tokHead(i)
	for n := 0; v >= 0 && n < 4; n++ {
		if r := toks[v].Rel; r != "ccomp" && r != "xcomp" && r != "advcl" && r != "conj" && r != "parataxis" {
			return annals.Mention{}, false
		}
		v = c.tokHead(v)
		if v < 0 {
			break
		}
		if k, found := c.index(si).nsubj[v]; found && k < i {
			for _, m := range cur {
				if k >= m.First && k < m.Last {
					return m, m.Code != "" && ok(m)
				}
			}
			if r := refs[k]; len(r) == 1 {
				return r[0], ok(r[0])
			}
			return annals.Mention{}, false
		}
	}
	return annals.Mention{}, false
}

// objectsSubject returns the mention that is the subject of the predicate
// whose object is the pronoun at i, when the sentence's tree gives one.
func (c *context) objectsSubject(si, i int, cur []annals.Mention) (annals.Mention, bool) {
	toks := c.doc.Tokens
	if r := toks[i].Rel; r != "obj" && r != "iobj" {
		return annals.Mention{}, false
	}
	k, found := c.index(si).nsubj[c.tokHead(i)]
	if !found {
		return annals.Mention{}, false
	}
	for _, m := range cur {
		if k >= m.First && k < m.Last {
			return m, true
		}
	}
	return annals.Mention{}, false
}

// rootSubject returns the subject token of sentence si's main clause, when
// the sentence has a tree and its root has one.
func (c *context) rootSubject(si int) (int, bool) {
	k := c.index(si).rootSubj
	return k, k >= 0
}

// inQuote reports whether mention m stands inside quotation marks in its
// sentence: "he" in the narrative is the speaker, not a person quoted.
func (c *context) inQuote(m annals.Mention) bool {
	q := c.quoteParity()
	return m.First < len(q) && q[m.First]
}

// reportVerbs govern a clause whose pronoun subject is, most often, their
// own subject: "Pakistan said it", "Iran told Pakistan it would respond".
var reportVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "announce": true, "warn": true, "claim": true, "insist": true,
	"state": true, "confirm": true, "deny": true, "threaten": true, "vow": true, "pledge": true, "assert": true,
	"argue": true, "believe": true, "fear": true, "hope": true, "think": true, "acknowledge": true, "admit": true,
	"stress": true, "reiterate": true, "declare": true, "signal": true, "suggest": true, "indicate": true,
	"concede": true, "assure": true, "inform": true, "promise": true, "report": true, "allege": true,
	"explain": true, "note": true, "maintain": true, "hint": true, "decide": true, "agree": true,
}

// timeSkip are words between a reporting verb and its clause: "said on
// Monday that it".
var timeSkip = map[string]bool{"that": true, ",": true, "on": true, "late": true, "early": true, "last": true,
	"week": true, "night": true, "today": true, "yesterday": true, "also": true, "earlier": true, "later": true}

// pastTimeWords returns the token before pronoun i of sentence si, past
// up to five time words, adverbs and capitalised non-names ("said on
// Monday that it", "told Pakistan late Tuesday it").
func (c *context) pastTimeWords(si, i int) int {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	k := i - 1
	for n := 0; k > s.First && n < 5 && (timeSkip[toks[k].Lower] || toks[k].Tag == "RB" || notNames[toks[k].Lower] && toks[k].Tag == "NNP"); n++ {
		k--
	}
	return k
}

// flatGoverningSubject reads governingSubject from the words: a pronoun
// right after a reporting verb ("said on Monday that it", "told Pakistan
// it") is the subject of the verb, the mention just before the verb. fired
// is false when the words say nothing.
func (c *context) flatGoverningSubject(si, i int, cur []annals.Mention, refs map[int][]annals.Mention, ok func(annals.Mention) bool) (m annals.Mention, found, fired bool) {
	toks := c.doc.Tokens
	s := c.doc.Sentences[si]
	k := c.pastTimeWords(si, i)
	// "told Pakistan it": past the addressee
	for _, m := range cur {
		if m.Last == k+1 && m.First > s.First {
			k = m.First - 1
			break
		}
	}
	if k < s.First || !isVerbTag(toks[k].Tag) || !reportVerbs[toks[k].Lemma] {
		return annals.Mention{}, false, false
	}
	// the verb's subject: the mention just before it, past adverbs and
	// auxiliaries ("Kigali has said"), or before a parenthesis ("Pakistan's
	// Foreign Office, in a statement condemning the attacks in Iran, said")
	e := k - 1
	for e > s.First && (toks[e].Tag == "RB" || toks[e].Tag == "MD" || toks[e].Lemma == "have" || toks[e].Lemma == "be") {
		e--
	}
	if e > s.First && toks[e].Lower == "," {
		for e--; e > s.First && toks[e].Lower != ","; e-- {
		}
		e--
	}
	for _, x := range cur {
		if x.Last == e+1 {
			m, found = x, true
		}
	}
	for f, r := range refs {
		if len(r) == 1 && r[0].Last == e+1 && f < k {
			m, found = r[0], true
		}
	}
	if !found {
		return annals.Mention{}, false, false // no actor is the verb's subject: ask the tree
	}
	if m.Code == "" || !ok(m) {
		return annals.Mention{}, false, true
	}
	return m, true, true
}

// sentencePerson returns the subject of sentence si before token i when
// it is one person outside quotation marks.
func (c *context) sentencePerson(si, i int, cur []annals.Mention) (m annals.Mention, ok, stop bool) {
	for _, m := range cur {
		if m.Last > i {
			break
		}
		if c.inQuote(m) || m.Place {
			continue
		}
		if c.subjectLike(m) {
			if m.Code == "" {
				return annals.Mention{}, false, c.unknownPerson(m) // a person no dictionary knows
			}
			return m, c.personKind(m), false
		}
	}
	return annals.Mention{}, false, false
}

// subjectLike reports a mention that stands as its sentence's subject, in
// the tree when there is one, else by its words.
func (c *context) subjectLike(m annals.Mention) bool {
	if k := c.mentionHead(m); k >= 0 {
		e := c.effectiveHead(k)
		v := c.tokHead(e)
		return strings.HasPrefix(c.doc.Tokens[e].Rel, "nsubj") && v >= 0 && c.doc.Tokens[v].Rel == "root"
	}
	return c.flatSubject(m)
}

// prevPerson returns the subject of sentence si when it is one person
// outside quotation marks; stop is set when that subject is a name no
// dictionary knows ("Siddiq said ... He did not elaborate").
func (c *context) prevPerson(si int) (m annals.Mention, ok, stop bool) {
	if si < 0 || si != c.prevSent {
		return annals.Mention{}, false, false
	}
	toks := c.doc.Tokens
	st := c.doc.Sentences[si]
	k, tree := c.rootSubject(si)
	for _, x := range c.prevMentions {
		if tree {
			if k < x.First || k >= x.Last {
				continue
			}
		} else if c.inQuote(x) || x.First > st.First && toks[x.First-1].Tag == "IN" || x.Place {
			continue
		}
		if x.Code == "" {
			return annals.Mention{}, false, !c.inQuote(x) && c.unknownPerson(x)
		}
		if c.personKind(x) && !c.inQuote(x) {
			return x, true, false
		}
		return annals.Mention{}, false, false
	}
	return annals.Mention{}, false, false
}

// unknownPerson reports an uncoded name that reads as a person's: two or
// more capitalised words ("Mullah Mohammad Siddiq"), or the last word of
// such a name given before.
func (c *context) unknownPerson(m annals.Mention) bool {
	if m.Code != "" || c.inDateline(m) {
		return false
	}
	toks := c.doc.Tokens[m.First:m.Last]
	if !c.nameWords(toks) {
		return false
	}
	return len(toks) >= 2 || c.unknownSurnames[toks[0].Lower]
}

// nameWords reports words that can make up a person's name: capitalised
// proper nouns of letters, not acronyms, with no possessive ending
// ("South Korea‘s", "ACT Health" are no one).
func (c *context) nameWords(toks []annals.Token) bool {
	for _, t := range toks {
		if !capitalized(t.Text) || t.Tag != "NNP" || allCaps(t.Text) || strings.ContainsRune(t.Text, '‘') ||
			strings.IndexFunc(t.Text, func(r rune) bool { return !unicode.IsLetter(r) && !strings.ContainsRune("-.'’", r) }) >= 0 {
			return false
		}
		for _, pos := range [...]string{"'s", "’s"} {
			if strings.HasSuffix(t.Lower, pos) {
				return false
			}
		}
	}
	return true
}

// pluralNoun reports a mention headed by a plural common or proper noun
// ("gunmen", "the rebels", "Houthis"): one that a "they" can stand for
// alone.
func (c *context) pluralNoun(m annals.Mention) bool {
	h := c.mentionHead(m)
	if h < 0 {
		h = m.Last - 1
	}
	t := &c.doc.Tokens[h]
	if t.Tag == "NNP" && h == c.doc.Sentences[c.sentOf(h)].First {
		// capitalised only for opening the sentence: "Gunmen attacked"
		l := t.Lower
		return strings.HasSuffix(l, "men") || strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss")
	}
	return t.Tag == "NNS" || t.Tag == "NNPS"
}

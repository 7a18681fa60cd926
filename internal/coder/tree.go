package coder

import (
	"github.com/annals-events/annals"
)

// The dependency analysis of the syntax stage, read by the coder. Tokens
// carry Head (an index within their sentence, -1 for the root) and Rel (a
// UD v2 relation). These tables name the relations the coder reads; the
// mechanisms below are generic walks over the tree.
var (
	// subjectRels give the doer of an active predicate.
	subjectRels = map[string]bool{"nsubj": true, "nsubj:pass": true, "nsubj:outer": true, "csubj": true, "csubj:pass": true}
	// objectRels give what a predicate acts on, and the controller of an
	// xcomp when present ("urged Iran to withdraw").
	objectRels = map[string]bool{"obj": true, "iobj": true}
	// agentRels give the doer of a passive predicate ("by X").
	agentRels = map[string]bool{"obl:agent": true}
	// passiveMarks show a passive predicate.
	passiveMarks = map[string]bool{"aux:pass": true, "nsubj:pass": true, "csubj:pass": true}
	// inheritRels take their subject from the head: control ("vowed to
	// retaliate"), coordinated predicates ("condemned ... and summoned"),
	// and adverbial participles (", killing two soldiers").
	inheritRels = map[string]bool{"conj": true, "advcl": true}
	// modifierRels attach a clause to a noun it describes: the noun is the
	// participle's doer ("troops firing at protesters") or, through a
	// relative pronoun, the relative clause's ("the group that seized").
	modifierRels = map[string]bool{"acl": true, "acl:relcl": true}
	// clauseRels open a clause of their own inside a phrase: an actor there
	// is not the phrase's.
	clauseRels = map[string]bool{"acl": true, "acl:relcl": true, "advcl": true, "ccomp": true, "parataxis": true, "xcomp": true, "csubj": true}
	// verbalRels attach a verb form that does not head a clause of its
	// own: a finite verb there is a copula or an auxiliary.
	verbalRels = map[string]bool{"cop": true, "aux": true, "aux:pass": true}
	// apposRels rename a nominal ("Maria Santos, an adviser to ...").
	apposRels = map[string]bool{"appos": true}
	// vocativeRels address someone; in news text outside quotes they are
	// the parser's reading of a headline's comma.
	vocativeRels = map[string]bool{"vocative": true}
	// markRels open a subordinate clause ("as", "over", "for", "that").
	markRels = map[string]bool{"mark": true}
	// timeNouns say when, bare: a subject the parser finds among them is
	// a misread time ("Iraqi forces today started"). (when.IsTimeWord
	// knows more, but its month names are also people's: "May said".)
	timeNouns = map[string]bool{"today": true, "yesterday": true, "tonight": true, "tomorrow": true, "now": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}
	// placeCases are the prepositions of a place phrase.
	placeCases = map[string]bool{"in": true, "inside": true, "at": true, "near": true, "across": true, "within": true,
		"outside": true, "along": true, "throughout": true, "around": true}
	// compoundRels join a noun to the noun it modifies ("air raid").
	compoundRels = map[string]bool{"compound": true}
	// caseRels mark a nominal's preposition or possessive.
	caseRels = map[string]bool{"case": true}
)

// plausibleTree reports whether the tree of the sentence can be read for
// its structure. A greedy parser misled early ("US warships stationed in
// the Mediterranean fired ...": a noun made the root and the main verb a
// clause hanging from it) leaves a tree whose root is not a verb although
// the tagger, reading the words independently, found a finite verb (or a
// participle with an object) that heads a clause; such a tree is a garden
// path, and the coder reads that sentence from its words instead. So is
// a headline's.
func (s *sentence) plausibleTree() bool {
	root := s.root()
	if root < 0 || s.headline() {
		return false // the treebank has no headlines to learn them from
	}
	if t := s.tok(root); isVerb(t) || t.Tag == "MD" || t.UPOS == "VERB" || t.UPOS == "AUX" {
		return true
	}
	for i := s.first; i < s.last; i++ {
		t := s.tok(i)
		if i == root || verbalRels[s.rel(i)] || t.UPOS != "VERB" && t.UPOS != "AUX" {
			continue
		}
		if s.finite(i) && t.Tag != "MD" || t.Tag == "VBN" && len(s.children(i, objectRels)) > 0 {
			return false
		}
	}
	return true
}

// placePhrase reports a nominal that tells where ("the earthquake in
// Nepal", "forces stationed near the border"): a place in a phrase is not
// who the phrase names.
func (s *sentence) placePhrase(k int) bool {
	for _, c := range s.children(k, caseRels) {
		if placeCases[s.tok(c).Lower] {
			return true
		}
	}
	return false
}

// prepositional reports a nominal with a preposition of its own ("with
// guns"): an oblique, never a subject. (A possessive ending is not one:
// "South Korea's military said" read with "Korea" as the subject still
// names the phrase's actor.)
func (s *sentence) prepositional(d int) bool {
	for _, c := range s.children(d, caseRels) {
		if s.tok(c).UPOS == "ADP" {
			return true
		}
	}
	return false
}

// misplacedSubject reports a subject d of predicate v that the tree puts
// after v although nothing inverts the clause: not a reporting verb's
// ("..., said the minister"), not a question's or a there-clause's. In
// news such a subject is the parser's mistake ("... and downgraded ties
// with Pakistan": the object read as subject).
func (s *sentence) misplacedSubject(d, v int) bool {
	if d < v {
		return false
	}
	if reportingVerbs[s.tok(v).Lemma] {
		return false
	}
	for _, c := range s.children(v, nil) {
		if c < v && (s.rel(c) == "expl" || verbalRels[s.rel(c)]) {
			return false
		}
	}
	return true
}

// parsed reports whether the syntax stage has analysed the sentence.
func (s *sentence) parsed() bool {
	for i := s.first; i < s.last; i++ {
		if t := s.tok(i); t.Rel != "" {
			return true
		}
	}
	return false
}

// head returns the doc index of token i's head, or -1 for the root.
func (s *sentence) head(i int) int {
	h := s.tok(i).Head
	if h < 0 || s.first+h >= s.last {
		return -1
	}
	return s.first + h
}

// rel is token i's relation to its head.
func (s *sentence) rel(i int) string { return s.tok(i).Rel }

// children returns the dependents of token h whose relation is in rels
// (any relation when rels is nil), in text order.
func (s *sentence) children(h int, rels map[string]bool) []int {
	var out []int
	for i := s.first; i < s.last; i++ {
		if s.head(i) == h && (rels == nil || rels[s.rel(i)]) {
			out = append(out, i)
		}
	}
	return out
}

// passiveTree reports whether predicate v is passive in the tree.
func (s *sentence) passiveTree(v int) bool {
	return len(s.children(v, passiveMarks)) > 0
}

// relPronoun reports a relative pronoun (who, which, that) at i.
func relPronoun(t *annals.Token) bool {
	return t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "WP$" || t.Lower == "that" && t.UPOS == "PRON"
}

// phraseMention returns the mention that the phrase headed by token h
// names: the mention holding h, else the first mention of h's subtree that
// is not inside a clause of its own, nor a place ("the Mumbai attacks"). ok is false when the phrase names no
// actor.
func (s *sentence) phraseMention(h int) (int, bool) {
	for i, m := range s.ms {
		if m.First <= h && h < m.Last {
			return i, true
		}
	}
	for i, m := range s.ms {
		if !m.Place && s.inPhrase(m.First, h) {
			return i, true
		}
	}
	return -1, false
}

// inPhrase reports whether token k lies in the subtree of h without
// crossing into a clause of its own.
func (s *sentence) inPhrase(k, h int) bool {
	for n := 0; k >= 0 && n < s.last-s.first; n++ {
		if k == h {
			return true
		}
		if clauseRels[s.rel(k)] || s.placePhrase(k) {
			return false
		}
		k = s.head(k)
	}
	return false
}

// treeSubject reads the subject of predicate v from the tree: its own
// (nsubj, or nsubj:pass for a passive, whose doer the caller reads from the
// by-agent), else the one it takes from what it depends on: the controller
// of an xcomp (the governor's object, else its subject), the first conjunct
// of coordinated predicates, the main clause of an adverbial participle,
// the noun a participle or relative clause describes. found is false when
// the tree gives no answer (no subject anywhere, or a pronoun no mention
// covers) and the caller should fall back to its reading of the words; a
// subject that names no actor gives (nil, true).
func (s *sentence) treeSubject(v int) (ms []annals.Mention, found bool) {
	seen := map[int]bool{}
	via := "" // the relation the walk last climbed
	for v >= 0 && !seen[v] {
		seen[v] = true
		subj := s.children(v, subjectRels)
		if len(subj) > 1 || len(subj) == 1 && s.confusedSubject(subj[0], v) {
			return nil, false
		}
		if inheritRels[via] && s.passiveTree(v) {
			// "were killed and 260 wounded", "was hit by a mortar
			// round, killing 68": the doer is the passive's agent, when
			// it names one
			if ag := s.children(v, agentRels); len(ag) > 0 {
				return s.phraseActors(ag[0])
			}
			return nil, true
		}
		if len(subj) > 0 {
			d := subj[0]
			if relPronoun(s.tok(d)) && modifierRels[s.rel(v)] {
				return s.phraseActors(s.head(v)) // "the group that seized": the noun
			}
			if t := s.tok(d); t.UPOS == "PRON" || t.Tag == "PRP" {
				// who a pronoun stands for is read from the story, by
				// the word-order reading that knows the speakers
				return nil, false
			}
			return s.phraseActors(d)
		}
		r := s.rel(v)
		switch {
		case modifierRels[r] && s.marked(v):
			// "the dispute with Chile over accepting refugees": a
			// clause the noun is about, not one it does
			return nil, false
		case modifierRels[r]:
			return s.phraseActors(s.head(v))
		case r == "advcl" && s.tensed(v):
			// "as American troops were leaving": a finite clause has a
			// subject of its own, which the tree did not find
			return nil, false
		case r == "xcomp":
			g := s.head(v)
			if obj := s.children(g, objectRels); len(obj) > 0 {
				return s.phraseActors(obj[0]) // "urged Iran to withdraw"
			}
			v = g
		case r == "advcl" && s.commaBefore(v) && modifierRels[s.rel(s.head(v))]:
			// "tore through a crowd marking the anniversary, killing
			// scores": a participle after a comma tells of the main
			// clause, not of the noun's modifier it was attached to
			g := s.head(s.head(s.head(v)))
			if g < 0 {
				return nil, false
			}
			v = g
		case inheritRels[r]:
			v = s.head(v)
		default:
			return nil, false
		}
		via = r
	}
	return nil, false
}

// confusedSubject reports a subject d of predicate v that shows the parse
// went wrong: one after its verb, one with a preposition ("militants armed
// with guns stormed": "guns" read as the subject), one with a subject of
// its own, a day ("The US military yesterday gave": "yesterday" read as
// the subject), or a predicate that also has a vocative (a headline's "Iran,
// world powers reach deal" read as an address).
func (s *sentence) confusedSubject(d, v int) bool {
	return s.misplacedSubject(d, v) || timeNouns[s.tok(d).Lower] || s.prepositional(d) || len(s.children(d, subjectRels)) > 0 ||
		len(s.children(v, vocativeRels)) > 0
}

// phraseActors returns the actors the phrase headed by h names, with
// their conjuncts; (nil, true) when it names none. A name no dictionary
// knows takes the actor of its appositive ("Maria Santos, an adviser to
// the Philippine government,").
func (s *sentence) phraseActors(h int) ([]annals.Mention, bool) {
	if h < 0 {
		return nil, false
	}
	i, ok := s.phraseMention(h)
	if !ok {
		return nil, true
	}
	if s.ms[i].Code == "" {
		for _, a := range s.children(h, apposRels) {
			if j, ok := s.phraseMention(a); ok && s.ms[j].Code != "" {
				return s.coordinated(j), true
			}
		}
	}
	return s.coordinated(i), true
}

// commaBefore reports a comma right before token v.
func (s *sentence) commaBefore(v int) bool { return v > s.first && s.tok(v-1).Text == "," }

// marked reports a clause opened by a subordinating word of its own
// ("over accepting", "for pulling out", "as ... were leaving").
func (s *sentence) marked(v int) bool { return len(s.children(v, markRels)) > 0 }

// tensed reports a predicate that carries tense in the tree: a finite
// verb, or one with a finite auxiliary ("were leaving", "had seized").
func (s *sentence) tensed(v int) bool {
	if s.finite(v) {
		return true
	}
	for _, c := range s.children(v, verbalRels) {
		if s.finite(c) {
			return true
		}
	}
	return false
}

// accusedContent reports whether the trigger at ti, after an accusing
// verb, is what the accusation alleges: with a tree, only within the
// verb's subtree ("students, who accuse the police of brutality,
// protested": the protest is the students' own act).
func (s *sentence) accusedContent(ti int) bool {
	return !s.tree || s.reportedUnder < 0 || s.under(ti, s.reportedUnder)
}

// under reports whether token k lies in the subtree of h.
func (s *sentence) under(k, h int) bool {
	for n := 0; k >= 0 && n <= s.last-s.first; n++ {
		if k == h {
			return true
		}
		k = s.head(k)
	}
	return false
}

// gardenPathSubject reads the subject of the finite verb v in a tree that
// plausibleTree rejected because the parser made the subject noun the root
// and hung the main verb below it: "Hong Kong police surrounding the
// university fired tear gas" parsed with "fired" a clause of
// "university". The root noun, reached from v through the nouns and
// participles it was hung from, is the subject; ok is false for any
// other shape.
func (s *sentence) gardenPathSubject(v int) ([]annals.Mention, bool) {
	if !s.finite(v) || s.tok(v).Tag == "MD" || len(s.children(v, subjectRels)) > 0 || !modifierRels[s.rel(v)] {
		return nil, false
	}
	k := s.head(v)
	for n := 0; k >= 0 && n < s.last-s.first; n++ {
		h := s.head(k)
		if h < 0 {
			break
		}
		if r := s.rel(k); !(objectRels[r] || modifierRels[r] || r == "obl" || r == "nmod") {
			return nil, false
		}
		k = h
	}
	if k < 0 || s.rel(k) != "root" || s.tok(k).UPOS != "NOUN" && s.tok(k).UPOS != "PROPN" || s.headline() {
		return nil, false
	}
	return s.phraseActors(k)
}

// root returns the doc index of the tree's root, or -1.
func (s *sentence) root() int {
	for i := s.first; i < s.last; i++ {
		if s.head(i) < 0 && s.rel(i) == "root" {
			return i
		}
	}
	return -1
}

// verbRooted reports a tree whose root is a verb.
func (s *sentence) verbRooted() bool {
	r := s.root()
	return r >= 0 && (s.tok(r).UPOS == "VERB" || s.tok(r).UPOS == "AUX")
}

// nounModifier reports a word the tagger took for a verb that the tree
// reads as a noun modifying the head noun of a verb's subject or object
// ("air raid sirens sounded": raid is the sirens' kind, no raid). The
// verb that phrase belongs to shows the parser found the clause's
// predicate elsewhere. (A gerund stays a verb: "began bombing targets"
// is misread as a compound as often.)
func (s *sentence) nounModifier(v int) bool {
	if !s.tree || s.tok(v).UPOS != "NOUN" || s.tok(v).Tag == "VBG" || !compoundRels[s.rel(v)] {
		return false
	}
	h := s.head(v)
	if h < 0 || h <= v || !isNoun(s.tok(h)) || !subjectRels[s.rel(h)] && !objectRels[s.rel(h)] {
		return false
	}
	p := s.head(h)
	return p >= 0 && s.tok(p).UPOS == "VERB"
}

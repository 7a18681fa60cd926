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
)

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
// is not inside a clause of its own. ok is false when the phrase names no
// actor.
func (s *sentence) phraseMention(h int) (int, bool) {
	for i, m := range s.ms {
		if m.First <= h && h < m.Last {
			return i, true
		}
	}
	for i, m := range s.ms {
		if s.inPhrase(m.First, h) {
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
		if clauseRels[s.rel(k)] {
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
	for v >= 0 && !seen[v] {
		seen[v] = true
		if subj := s.children(v, subjectRels); len(subj) > 0 {
			d := subj[0]
			if relPronoun(s.tok(d)) && modifierRels[s.rel(v)] {
				return s.phraseActors(s.head(v)) // "the group that seized": the noun
			}
			if t := s.tok(d); t.UPOS == "PRON" || t.Tag == "PRP" {
				if i, ok := s.phraseMention(d); ok {
					return s.coordinated(i), true
				}
				return nil, false
			}
			return s.phraseActors(d)
		}
		r := s.rel(v)
		switch {
		case modifierRels[r]:
			return s.phraseActors(s.head(v))
		case r == "xcomp":
			g := s.head(v)
			if obj := s.children(g, objectRels); len(obj) > 0 {
				return s.phraseActors(obj[0]) // "urged Iran to withdraw"
			}
			v = g
		case inheritRels[r]:
			v = s.head(v)
		default:
			return nil, false
		}
	}
	return nil, false
}

// phraseActors returns the actors the phrase headed by h names, with
// their conjuncts; (nil, true) when it names none.
func (s *sentence) phraseActors(h int) ([]annals.Mention, bool) {
	if h < 0 {
		return nil, false
	}
	if i, ok := s.phraseMention(h); ok {
		return s.coordinated(i), true
	}
	return nil, true
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

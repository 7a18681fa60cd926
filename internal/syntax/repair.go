package syntax

import "github.com/annals-events/annals"

// Repairs of trees the greedy parser gets wrong in a way the tree itself
// shows, applied after every parse. Each reads only tags, relations and
// commas, and leaves a tree (one root, no cycles). On EWT (gold tokens,
// predicted tags) they move UAS from 84.23 to 84.30 on dev and from 84.88
// to 84.96 on test, and 87.91 to 88.03 on the news sentences; they are
// there for the constructions of news the treebank has few of.

// repairTree applies every repair, in order.
func repairTree(toks []annals.Token) {
	repairPunctRoot(toks)
	repairPunctHeads(toks)
	repairQuoteRoot(toks)
	repairSecondComplement(toks)
	repairRelative(toks)
	repairReducedRelative(toks)
}

// relativeRels attach a clause after a comma to the verb before it,
// where a misread relative clause leaves the main verb.
var relativeRels = map[string]bool{"parataxis": true, "conj": true, "ccomp": true}

// relativeWords are the tags of a relative pronoun or determiner.
var relativeWords = map[string]bool{"WP": true, "WDT": true, "WP$": true}

// repairRelative undoes the garden paths of a relative clause set off by
// commas after a subject: "Kenyan students, who accuse the police,
// protested outside parliament" parsed with "accuse" as the main verb, both
// "students" and "who" its subjects and "protested" a parataxis (or conj)
// hanging from it. A verb with two subjects, the second a relative pronoun
// after a comma, is a relative clause of the first: the clause after it,
// with no subject of its own, is the main verb, and the noun its subject.
// The same when the parser did attach the relative clause to the noun but
// made the noun the root and the main verb a conj of the relative clause
// (repairRootNoun).
func repairRelative(toks []annals.Token) {
	if repairRootNoun(toks) {
		return
	}
	for r := range toks {
		noun, rel := -1, -1
		for i := range toks {
			if toks[i].Head != r || (toks[i].Rel != "nsubj" && toks[i].Rel != "nsubj:pass") {
				continue
			}
			switch {
			case relativeWords[toks[i].Tag] && rel < 0:
				rel = i
			case !relativeWords[toks[i].Tag] && noun < 0:
				noun = i
			default:
				noun = len(toks) // a third subject: leave the tree
			}
		}
		if noun < 0 || rel < 0 || noun >= rel || rel > r || toks[rel-1].Text != "," {
			continue
		}
		v := -1
		for i := r + 1; i < len(toks); i++ {
			if toks[i].Head == r && relativeRels[toks[i].Rel] && isVerbTag(toks[i].Tag) && toks[i-1].Text == "," || v < 0 && toks[i].Head == r && relativeRels[toks[i].Rel] && isVerbTag(toks[i].Tag) && commaBefore(toks, r, i) {
				v = i
				break
			}
		}
		if v < 0 || hasSubject(toks, v) {
			continue
		}
		toks[v].Head, toks[v].Rel = toks[r].Head, toks[r].Rel
		toks[r].Head, toks[r].Rel = noun, "acl:relcl"
		toks[noun].Head, toks[noun].Rel = v, "nsubj"
		if hasPassiveAux(toks, v) {
			toks[noun].Rel = "nsubj:pass"
		}
		// the sentence's final punctuation and what hung from the old
		// main verb before the noun go with the new one
		for i := range toks {
			if toks[i].Head == r && (i < noun || i > v) {
				toks[i].Head = v
			}
		}
		return
	}
}

// repairRootNoun is repairRelative's second case: a root noun whose
// relative clause after a comma (its subject a relative pronoun) holds,
// after another comma, a verb with no subject: that verb is the root and
// the noun its subject. It reports whether it changed the tree.
func repairRootNoun(toks []annals.Token) bool {
	noun := rootOf(toks)
	if noun < 0 || !nounTag(toks[noun].Tag) {
		return false
	}
	for r := noun + 1; r < len(toks); r++ {
		if toks[r].Head != noun || toks[r].Rel != "acl:relcl" || !isVerbTag(toks[r].Tag) {
			continue
		}
		rel := -1
		for i := noun + 1; i < r; i++ {
			if toks[i].Head == r && (toks[i].Rel == "nsubj" || toks[i].Rel == "nsubj:pass") && relativeWords[toks[i].Tag] && toks[i-1].Text == "," {
				rel = i
			}
		}
		if rel < 0 {
			continue
		}
		for v := r + 1; v < len(toks); v++ {
			if toks[v].Head != r || !relativeRels[toks[v].Rel] || !isVerbTag(toks[v].Tag) || !commaBefore(toks, r, v) || hasSubject(toks, v) {
				continue
			}
			toks[v].Head, toks[v].Rel = -1, toks[noun].Rel
			toks[noun].Head, toks[noun].Rel = v, "nsubj"
			if hasPassiveAux(toks, v) {
				toks[noun].Rel = "nsubj:pass"
			}
			// what hung from the noun after the new root (the final
			// punctuation, a phrase the parser gave the noun) goes with it
			for i := v + 1; i < len(toks); i++ {
				if toks[i].Head == noun {
					toks[i].Head = v
				}
			}
			return true
		}
	}
	return false
}

func nounTag(tag string) bool { return len(tag) >= 2 && tag[:2] == "NN" || tag == "PRP" }

// punctTags are the tags of punctuation, which heads nothing in UD.
var punctTags = map[string]bool{"``": true, "''": true, ",": true, ".": true, ":": true, "-LRB-": true, "-RRB-": true, "HYPH": true, "NFP": true}

// repairPunctRoot undoes a root the parser left on a punctuation mark (an
// opening quotation mark, most often: '"The rebels have chosen war," the
// president said' with the quote mark as the root and the verbs hanging
// from it). Its first child that is not punctuation, a verb first if it
// has one, becomes the root, and takes the mark and the other children.
func repairPunctRoot(toks []annals.Token) {
	root := rootOf(toks)
	if root < 0 || !punctTags[toks[root].Tag] {
		return
	}
	nr := -1
	for i := range toks {
		if toks[i].Head != root || punctTags[toks[i].Tag] {
			continue
		}
		if nr < 0 || isVerbTag(toks[i].Tag) && !isVerbTag(toks[nr].Tag) {
			nr = i
		}
	}
	if nr < 0 {
		return
	}
	for i := range toks {
		if toks[i].Head == root && i != nr {
			toks[i].Head = nr
		}
	}
	toks[nr].Head, toks[nr].Rel = -1, "root"
	toks[root].Head, toks[root].Rel = nr, "punct"
}

// repairPunctHeads gives the dependents of a punctuation mark other than
// the root (punctuation heads nothing in UD) to the mark's head.
func repairPunctHeads(toks []annals.Token) {
	for i := range toks {
		h := toks[i].Head
		for n := 0; h >= 0 && punctTags[toks[h].Tag] && n < len(toks); n++ {
			h = toks[h].Head
		}
		if h != toks[i].Head && h >= 0 {
			toks[i].Head = h
		}
	}
}

// repairQuoteRoot makes the verb of the clause after a direct quotation
// the root, with the quotation its ccomp, as the treebank has it, where
// the parser left the root inside the quotation and the reporting clause
// a conj or parataxis of it ('"We will respond," the minister said'). The
// verb must follow the closing quotation mark and have its own subject.
func repairQuoteRoot(toks []annals.Token) {
	root := rootOf(toks)
	if root < 0 || !isVerbTag(toks[root].Tag) && !nounTag(toks[root].Tag) && toks[root].Tag != "JJ" {
		return
	}
	q := -1 // the closing quotation mark after the root
	for i := root + 1; i < len(toks); i++ {
		if toks[i].Tag == "''" {
			q = i
			break
		}
		if toks[i].Tag == "``" {
			return
		}
	}
	if q < 0 {
		return
	}
	open := false
	for i := 0; i < root; i++ {
		if toks[i].Tag == "``" {
			open = true
		}
	}
	if !open {
		return
	}
	for v := q + 1; v < len(toks); v++ {
		if toks[v].Head != root || !relativeRels[toks[v].Rel] || !isVerbTag(toks[v].Tag) || !hasSubject(toks, v) {
			continue
		}
		toks[v].Head, toks[v].Rel = -1, "root"
		toks[root].Head, toks[root].Rel = v, "ccomp"
		for i := q + 1; i < len(toks); i++ {
			if toks[i].Head == root {
				toks[i].Head = v
			}
		}
		return
	}
}

// repairSecondComplement relabels advcl a gerund after a comma that the
// parser made a verb's second clausal complement: a verb has one ccomp,
// and '"...," the president said, suspending talks' has the quotation.
func repairSecondComplement(toks []annals.Token) {
	for v := 1; v < len(toks); v++ {
		if toks[v].Rel != "ccomp" || toks[v].Tag != "VBG" || toks[v-1].Text != "," {
			continue
		}
		h := toks[v].Head
		if h < 0 || h > v {
			continue
		}
		for i := 0; i < v; i++ {
			if i != v && toks[i].Head == h && toks[i].Rel == "ccomp" {
				toks[v].Rel = "advcl"
				break
			}
		}
	}
}

// repairReducedRelative undoes the garden path of a participle after a
// subject ("Police firing live rounds killed 18 protesters") parsed as a
// clause of its own with the subject ("Police" the subject of "firing",
// "firing" an advcl of "killed") and the participle's object made the
// main verb's subject ("rounds"). A gerund before the verb, with no mark
// or auxiliary ("is looking"), with a subject of its own and the verb's subject right after it, is a
// reduced relative of that subject: the subject is the verb's, and the
// noun after the gerund its object.
func repairReducedRelative(toks []annals.Token) {
	for v := range toks {
		if !isVerbTag(toks[v].Tag) {
			continue
		}
		for g := 0; g < v; g++ {
			if toks[g].Head != v || toks[g].Rel != "advcl" || toks[g].Tag != "VBG" || hasRel(toks, g, "mark") || hasRel(toks, g, "aux") {
				continue
			}
			n, o := -1, -1
			for i := range toks {
				switch {
				case toks[i].Head == g && toks[i].Rel == "nsubj" && i < g:
					n = i
				case toks[i].Head == v && toks[i].Rel == "nsubj" && i > g && i < v:
					o = i
				}
			}
			if n < 0 || o < 0 || !nounTag(toks[o].Tag) {
				continue
			}
			toks[n].Head, toks[n].Rel = v, "nsubj"
			toks[g].Head, toks[g].Rel = n, "acl"
			toks[o].Head, toks[o].Rel = g, "obj"
			return
		}
	}
}

// hasRel reports a dependent of h with relation rel.
func hasRel(toks []annals.Token, h int, rel string) bool {
	for i := range toks {
		if toks[i].Head == h && toks[i].Rel == rel {
			return true
		}
	}
	return false
}

// rootOf returns the index of the root, or -1.
func rootOf(toks []annals.Token) int {
	for i := range toks {
		if toks[i].Head < 0 {
			return i
		}
	}
	return -1
}

// commaBefore reports a comma between r and v attached to r or v.
func commaBefore(toks []annals.Token, r, v int) bool {
	for i := r + 1; i < v; i++ {
		if toks[i].Text == "," && (toks[i].Head == r || toks[i].Head == v) {
			return true
		}
	}
	return false
}

func isVerbTag(tag string) bool { return len(tag) >= 2 && tag[:2] == "VB" }

func hasSubject(toks []annals.Token, v int) bool {
	return hasRel(toks, v, "nsubj") || hasRel(toks, v, "nsubj:pass") || hasRel(toks, v, "expl")
}

func hasPassiveAux(toks []annals.Token, v int) bool { return hasRel(toks, v, "aux:pass") }

package text

import (
	"strings"
	"sync"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/syntax"
)

// sentScratch is the working memory of parseSentence and parseWithTags,
// pooled so that a document's sentences, and the documents after it, reuse
// it.
type sentScratch struct {
	sub       []annals.Token // the tokens the syntax stage reads
	group     []int          // per piece in sub: its word in the sentence
	rep, last []int          // per word: its representative and last piece
}

var sentScratchPool = sync.Pool{New: func() any { return new(sentScratch) }}

// getSentScratch returns pooled scratch; putSentScratch takes it back,
// keeping no article's text.
func getSentScratch() *sentScratch { return sentScratchPool.Get().(*sentScratch) }

func putSentScratch(sc *sentScratch) {
	clear(sc.sub)
	sc.sub = sc.sub[:0]
	sentScratchPool.Put(sc)
}

// parseSentence runs the syntax stage over one sentence's tokens: tags,
// UPOS and lemmas, and with parse the tree, in the scratch sc.
//
// The syntax stage sees the tokens as UD writes them: hyphenated words
// split ("Saudi-led" is Saudi, -, led; annals keeps them whole for its
// dictionaries) and typographic apostrophes as ASCII ("Iran’s" is Iran,
// 's). Each whole word takes the arc of its piece that attaches outside
// it, and a tag from its last piece (an adjective before a noun: "Saudi-led
// coalition", "two-day visit"), whether or not the sentence was parsed.
// Tags follow the Penn Treebank's conventions that the coder's rules were
// written against, where EWT's differ (see pennTag); lemmas are lower
// case.
func parseSentence(p *syntax.Parser, toks []annals.Token, sc *sentScratch, parse bool) {
	sub, group := sc.sub[:0], sc.group[:0]
	defer func() { sc.sub, sc.group = sub, group }()
	split := false
	for i := range toks {
		t := &toks[i]
		if !hyphenated(t.Text) {
			if strings.ContainsAny(t.Text, "’‘ʼ") {
				split = true
				sub = append(sub, annals.Token{Span: t.Span, Text: asciiQuotes(t.Text), Lower: asciiQuotes(t.Lower)})
			} else {
				sub = append(sub, annals.Token{Span: t.Span, Text: t.Text, Lower: t.Lower})
			}
			group = append(group, i)
			continue
		}
		split = true
		start := 0
		for k := 1; k < len(t.Text)-1; k++ {
			if t.Text[k] == '-' {
				sub = appendPiece(sub, t, start, k)
				group = append(group, i)
				sub = appendPiece(sub, t, k, k+1)
				group = append(group, i)
				start = k + 1
			}
		}
		sub = appendPiece(sub, t, start, len(t.Text))
		group = append(group, i)
	}
	run := p.Tag
	if parse {
		run = p.Parse
	}
	if !split {
		run(toks)
		for i := range toks {
			t := &toks[i]
			t.Tag = pennTag(t)
			t.Lemma = lemmaLower(t)
		}
		conventions(p, toks)
		return
	}
	run(sub)
	if !parse {
		// no tree: each word takes its last piece
		for k := range sub {
			sub[k].Head = -1
			if k+1 < len(sub) && group[k+1] == group[k] {
				sub[k].Head = k + 1
			}
		}
	}
	// the representative piece of each word: the one whose head lies
	// outside the word (the last such piece)
	rep, last := grow(sc.rep, len(toks)), grow(sc.last, len(toks))
	clear(rep)
	clear(last)
	sc.rep, sc.last = rep, last
	for k := range sub {
		if h := sub[k].Head; h < 0 || group[h] != group[k] {
			rep[group[k]] = k // following heads always leaves the word or ends at the root
		}
		last[group[k]] = k
	}
	for i := range toks {
		r := &sub[rep[i]]
		t := &toks[i]
		if parse {
			t.Rel = r.Rel
			t.Head = -1
			if r.Head >= 0 {
				t.Head = group[r.Head]
			}
		}
		if !hyphenated(t.Text) {
			t.Tag, t.UPOS = pennTag(r), r.UPOS
			t.Lemma = lemmaLower(r)
			if r.Text != t.Text && r.Lemma == r.Text {
				t.Lemma = t.Lower
			}
			continue
		}
		l := &sub[last[i]]
		t.Lemma = t.Lower
		switch {
		case l.UPOS == "PROPN" || l.Tag == "NNP" || l.Tag == "NNPS":
			t.Tag, t.UPOS = "NNP", "PROPN"
		case strings.HasPrefix(l.Tag, "NN") && !nounAfter(sub, last[i]+1):
			t.Tag, t.UPOS = l.Tag, l.UPOS
		case strings.HasPrefix(l.Tag, "VB") && verbPrefixes[lower(t.Text[:strings.IndexByte(t.Text, '-')])]:
			// "re-examine", "co-chaired": the verb with a prefix
			t.Tag, t.UPOS = l.Tag, l.UPOS
			t.Lemma = t.Lower[:len(t.Lower)-len(l.Lower)] + lemmaLower(l)
		default: // "Saudi-led", "pro-Russian", "two-day visit"
			t.Tag, t.UPOS = "JJ", "ADJ"
		}
	}
	conventions(p, toks)
}

// grow returns s with length n, reusing its array when large enough (the
// values are not cleared).
func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// particles of phrasal verbs, and the tags that start the object after
// one: a particle tagged RB between them is RP.
var (
	particles = map[string]bool{"over": true, "up": true, "down": true, "off": true, "out": true, "back": true, "away": true, "in": true, "on": true}
	npStart   = map[string]bool{"DT": true, "CD": true, "PRP$": true, "NN": true, "NNS": true, "NNP": true, "NNPS": true, "JJ": true, "PRP": true}
)

// ingLemma is the lemma of a noun or adjective in "-ing": its verb where the
// treebank knows the verb ("the shelling" is shell, "the meeting" meet,
// as the coder's lexicon reads them), except for nouns first
// ("evening", "building"), else the word.
func ingLemma(p *syntax.Parser, w string) string {
	if ingNouns[w] {
		return w
	}
	if l, known := p.Lemma(w, w, "VBG"); known && len(l) > 2 {
		return lower(l)
	}
	return w
}

// ingNouns are nouns in "-ing" that are not read as their verb.
var ingNouns = map[string]bool{"evening": true, "morning": true, "wedding": true, "ceiling": true, "housing": true,
	"clothing": true, "building": true, "funding": true, "ruling": true, "painting": true, "setting": true,
	"offspring": true, "pudding": true, "sibling": true, "darling": true, "earring": true, "duckling": true}

// conventions tags straight double quotes opening (“) and closing (”) by
// turns within the sentence, tags the particle of a phrasal verb before
// its object RP, gives a noun or adjective in "-ing" its ingLemma and an
// adjective in "-ed" its verb's lemma where the treebank knows the verb
// ("armed" is arm), as the coder's lexicon has them, and retags as
// participles (VBN) the adjectives that EWT writes for passives after a
// form of be or get ("were wounded/JJ", "is committed/JJ to"), as the
// Penn Treebank and the coder read them, with the verb's lemma.
func conventions(p *syntax.Parser, toks []annals.Token) {
	quotes := 0
	for i := range toks {
		t := &toks[i]
		if q := quoteTag(t.Text, &quotes); q != "" {
			t.Tag = q // straight quotes open and close by turns
		}
		switch {
		case (t.Tag == "NN" || t.Tag == "JJ") && strings.HasSuffix(t.Lower, "ing"):
			t.Lemma = ingLemma(p, t.Lower)
		case t.Tag == "RB" && particles[t.Lower] && i > 0 && strings.HasPrefix(toks[i-1].Tag, "VB") && i+1 < len(toks) && npStart[toks[i+1].Tag]:
			t.Tag = "RP" // "handed over/RB 30 ambulances"
		case t.Tag == "JJ" && strings.HasSuffix(t.Lower, "ed") && !hyphenated(t.Text):
			if l, known := p.Lemma(t.Text, t.Lower, "VBD"); known {
				t.Lemma = lower(l)
			}
		}
	}
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		if t.Tag != "JJ" || hyphenated(t.Text) {
			continue
		}
		k := i - 1
		for k > 0 && toks[k].Tag == "RB" {
			k--
		}
		if l := toks[k].Lemma; l != "be" && l != "get" {
			continue
		}
		if lemma, _ := p.Lemma(t.Text, t.Lower, "VBN"); lower(lemma) != t.Lower {
			t.Tag, t.UPOS, t.Lemma = "VBN", "VERB", lower(lemma)
		}
	}
}

// verbPrefixes make a hyphenated verb of a verb ("re-examine").
var verbPrefixes = map[string]bool{"re": true, "co": true, "pre": true, "de": true, "un": true, "mis": true,
	"over": true, "under": true, "out": true, "cross": true, "counter": true, "double": true, "fast": true}

// pennTag maps the few EWT tag conventions that differ from the Penn
// Treebank's (which the coder's rules were written against): "to" is TO
// also as a preposition, brackets are ( and ).
func pennTag(t *annals.Token) string {
	switch t.Tag {
	case "IN":
		if t.Lower == "to" {
			return "TO"
		}
	case "-LRB-":
		return "("
	case "-RRB-":
		return ")"
	}
	return t.Tag
}

// asciiQuotes writes typographic apostrophes as ASCII ones.
func asciiQuotes(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return quoteFolder.Replace(s)
		}
	}
	return s
}

var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'")

// nounAfter reports a common noun at sub[k], or after adjectives there.
func nounAfter(sub []annals.Token, k int) bool {
	for ; k < len(sub); k++ {
		switch sub[k].Tag {
		case "NN", "NNS":
			return true
		case "JJ", "JJR", "JJS", "HYPH", "CD":
			continue
		}
		return false
	}
	return false
}

func appendPiece(sub []annals.Token, t *annals.Token, i, j int) []annals.Token {
	text := t.Text[i:j]
	return append(sub, annals.Token{Span: annals.Span{Start: t.Start + i, End: t.Start + j}, Text: text, Lower: lower(text)})
}

// hyphenated reports a word with an inner ASCII hyphen between letters or
// digits ("Saudi-led", "al-Qaeda", "U.S.-backed"), not a dash token.
func hyphenated(w string) bool {
	if len(w) < 3 {
		return false
	}
	for k := 1; k < len(w)-1; k++ {
		if w[k] == '-' && w[k-1] != '-' && w[k+1] != '-' {
			return true
		}
	}
	return false
}

// lemmaLower is the syntax stage's lemma of t in lower case, as the coder
// and its lexicon compare lemmas (EWT keeps the case of proper nouns).
func lemmaLower(t *annals.Token) string {
	if t.Lemma == t.Text && t.Lower != "" {
		return t.Lower
	}
	return lower(t.Lemma)
}

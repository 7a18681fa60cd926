package text

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/aaaton/golem/v4/dicts/en"
	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/syntax"
)

// FrontEnd turns articles into annals.Doc values. It is immutable after
// New and safe for concurrent use.
type FrontEnd struct {
	tagger *Tagger
	lem    *lemmaTable // golem's English lemmas
	parser *syntax.Parser
	// syntaxTags: tags and lemmas from the syntax stage (conventions of
	// parse.go) instead of Tagger and golem. Off by default: with them
	// the coder's figures hold on the development sets but five rows of
	// its regression suite fail (see doc.go); ANNALS_TAGGER=syntax turns
	// them on for a process, to measure.
	syntaxTags bool
}

// Default returns the process-wide front-end, loading its models once.
func Default() (*FrontEnd, error) { return loadFrontEnd() }

var loadFrontEnd = sync.OnceValues(func() (*FrontEnd, error) {
	t, err := DefaultTagger()
	if err != nil {
		return nil, err
	}
	res, err := en.New().GetResource()
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	l, err := newLemmaTable(res)
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	p, err := syntax.Default()
	if err != nil {
		return nil, fmt.Errorf("load syntax model: %w", err)
	}
	return &FrontEnd{tagger: t, lem: l, parser: p, syntaxTags: os.Getenv("ANNALS_TAGGER") == "syntax"}, nil
})

// irregular lemmas that the dictionary lemmatizer gets wrong for news verbs
// and nouns (golem has no part of speech: "left" would become "left").
var lemmaFix = map[string]string{
	"left": "leave", "met": "meet", "held": "hold", "led": "lead", "fled": "flee",
	"shot": "shoot", "fought": "fight", "struck": "strike", "sought": "seek",
	"told": "tell", "said": "say", "took": "take", "sent": "send", "spoke": "speak",
	"arrested": "arrest", "forces": "force", "troops": "troop", "talks": "talk",
	"ties": "tie", "relations": "relation", "news": "news", "us": "us",
	"was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "am": "be",
	"has": "have", "had": "have", "did": "do", "does": "do", "n't": "not",
	"'s": "'s", "'re": "be", "'ve": "have", "'ll": "will", "'d": "would", "'m": "be",
	"ca": "can", "wo": "will", "sentenced": "sentence", "accused": "accuse",
	"united": "united", "states": "states", "wounded": "wound", "injured": "injure",
	"lay": "lay", "bound": "bound", "found": "find", "rose": "rise", "fell": "fall",
	"saw": "see", "began": "begin", "vowed": "vow", "shelled": "shell",
	"militants": "militant", "insurgents": "insurgent", "rebels": "rebel",
	"broke": "break", "given": "give",
}

// Lemma returns the lemma of a lower-cased word.
func (f *FrontEnd) Lemma(lower string) string {
	if f.syntaxTags {
		return f.wordLemma(lower)
	}
	return f.legacyLemma(lower)
}

// legacyLemma is golem's lemma, with lemmaFix.
func (f *FrontEnd) legacyLemma(lower string) string {
	if l, ok := lemmaFix[lower]; ok {
		return l
	}
	return f.lem.Lemma(lower)
}

// Process runs segmentation, tokenization, tagging and lemmatization.
func (f *FrontEnd) Process(a *annals.Article) *annals.Doc {
	doc, _ := f.ProcessContext(context.Background(), a, true)
	return doc
}

// ProcessContext is Process that stops between sentences once ctx is
// done, with ctx's error. With parse false it leaves out the syntax stage
// (heads, relations, UPOS), for callers that do not read the tree.
func (f *FrontEnd) ProcessContext(ctx context.Context, a *annals.Article, parse bool) (*annals.Doc, error) {
	toks, sents, dl := Segment(a.Text)
	sc := getSentScratch()
	defer putSentScratch(sc)
	for _, s := range sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st := toks[s.First:s.Last]
		if f.syntaxTags {
			parseSentence(f.parser, st, sc, parse)
			continue
		}
		whole := !hasHyphenated(st)
		if parse && !whole {
			parseSentence(f.parser, st, sc, parse)
		}
		// the coder's rules were written against this tagger's Penn tags
		// and these lemmas; the tree and UPOS come from the syntax stage,
		// which reads these tags instead of running its own taggers
		// unless a word must be cut into the treebank's pieces
		f.tagger.TagForms(st, f.parser.PastForm)
		for i := range st {
			st[i].Lemma = f.Lemma(st[i].Lower)
		}
		if parse && whole {
			f.parseWithTags(st, sc)
		}
	}
	return &annals.Doc{Article: a, Tokens: toks, Sentences: sents, Dateline: dl}, nil
}

// wordLemma is the lemma of a word out of context, for the coder's
// lexicon, as the words of a sentence get theirs (see parseSentence and
// conventions): a word in "-ing" its ingLemma, as the noun gets it, a
// plural its singular, a past tense or participle its verb's
// ("shelled", "forgave"); other words are their own lemma. (Tagging the word alone
// would not do: one-word sentences in EWT are mostly interjections.)
func (f *FrontEnd) wordLemma(w string) string {
	if l, ok := auxLemmas[w]; ok {
		return l
	}
	if strings.HasSuffix(w, "ing") && len(w) > 5 {
		return ingLemma(f.parser, w)
	}
	known := func(x string) bool { _, k := f.parser.Lemma(x, x, "NN"); return k }
	if strings.HasSuffix(w, "s") && len(w) > 3 && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		// the plural's singular, unless only the word is known ("series")
		if l, k := f.parser.Lemma(w, w, "NNS"); k || !known(w) {
			return lower(l)
		}
		return w
	}
	if strings.HasSuffix(w, "ed") && len(w) > 4 || f.parser.Irregular(w) {
		if l, k := f.parser.Lemma(w, w, "VBD"); k {
			return lower(l)
		}
		return w
	}
	if strings.HasSuffix(w, "men") || w == "children" || w == "feet" || w == "teeth" || w == "criteria" {
		if l, k := f.parser.Lemma(w, w, "NNS"); k { // "men": man
			return lower(l)
		}
	}
	return w
}

// auxLemmas are the forms of be, have and do (and "news", no plural).
var auxLemmas = map[string]string{"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "am": "be", "being": "be",
	"has": "have", "had": "have", "having": "have", "does": "do", "did": "do", "done": "do", "news": "news"}

// ParsedSentence returns a copy of sentence i of doc with the syntax
// stage's heads, relations and UPOS, leaving doc as it is: for a stage
// that reads the tree of a few sentences (the locator) when the document
// was processed without it. Heads are relative to the sentence, as
// ProcessContext gives them.
//
// The tokens keep the front-end's tags: the parser reads them instead of
// running its own taggers (a third of the cost), unless a word must be
// cut into the pieces the treebank has ("cross-border"), which the
// front-end did not tag.
func (f *FrontEnd) ParsedSentence(doc *annals.Doc, i int) []annals.Token {
	s := doc.Sentences[i]
	cp := make([]annals.Token, s.Last-s.First)
	copy(cp, doc.Tokens[s.First:s.Last])
	sc := getSentScratch()
	defer putSentScratch(sc)
	if f.syntaxTags || !taggedWhole(cp) {
		parseSentence(f.parser, cp, sc, true)
		return cp
	}
	f.parseWithTags(cp, sc)
	return cp
}

// parseWithTags parses a sentence whose every token carries this
// front-end's tag and none must be cut (taggedWhole), setting heads,
// relations and UPOS in place; the parser reads copies in sc.sub.
func (f *FrontEnd) parseWithTags(toks []annals.Token, sc *sentScratch) {
	in := sc.sub[:0]
	for _, t := range toks {
		in = append(in, annals.Token{Span: t.Span, Text: asciiQuotes(t.Text), Lower: asciiQuotes(t.Lower), Tag: treebankTag(t.Tag), Lemma: t.Lemma})
	}
	sc.sub = in
	f.parser.ParseWithXPOS(in)
	for k := range toks {
		toks[k].Head, toks[k].Rel, toks[k].UPOS = in[k].Head, in[k].Rel, in[k].UPOS
	}
}

// hasHyphenated reports whether a token is a hyphenated word, which the
// treebank has in pieces.
func hasHyphenated(toks []annals.Token) bool {
	for _, t := range toks {
		if hyphenated(t.Text) {
			return true
		}
	}
	return false
}

// taggedWhole reports whether every token is one the treebank has as it
// is (no hyphenated word to cut) and carries a tag.
func taggedWhole(toks []annals.Token) bool {
	if hasHyphenated(toks) {
		return false
	}
	for _, t := range toks {
		if t.Tag == "" {
			return false
		}
	}
	return true
}

// treebankTag is pennTag undone: the model's name for a Penn tag.
func treebankTag(tag string) string {
	switch tag {
	case "(":
		return "-LRB-"
	case ")":
		return "-RRB-"
	}
	return tag
}

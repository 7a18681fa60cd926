package text

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/annals-events/annals"
)

// Tagger is prose's averaged-perceptron part-of-speech model compiled into
// flat tables. It is immutable after load and safe for concurrent use.
type Tagger struct {
	classes []string
	tagMap  map[string]string // unambiguous frequent words
	ft      *featTable        // feature -> index into offs
	offs    []int32           // feature i's weights are ws[offs[i]:offs[i+1]]
	ws      []classWeight
}

type classWeight struct {
	class uint8
	w     float32
}

// DefaultTagger loads the embedded model once per process.
func DefaultTagger() (*Tagger, error) { return loadDefaultTagger() }

var loadDefaultTagger = sync.OnceValues(func() (*Tagger, error) {
	t, err := readModel(taggerModel)
	if err != nil {
		return nil, fmt.Errorf("load tagger model: %w", err)
	}
	return t, nil
})

// taggerModel is prose's averaged-perceptron model (github.com/jdkato/prose/v2,
// MIT licence) compiled by tools/gentagger.
//
//go:embed model/tagger.bin
var taggerModel []byte

// readModel decodes the format tools/gentagger writes: a magic line, the
// sorted classes, the unambiguous words with their class, then each feature
// with its (class, float32) weights; strings are uvarint-length prefixed.
func readModel(b []byte) (*Tagger, error) {
	const magic = "ANNTAG1\n"
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, errors.New("not an annals tagger model")
	}
	r := modelReader{b: b, off: len(magic)}
	t := &Tagger{}
	t.classes = make([]string, r.count(1))
	for i := range t.classes {
		t.classes[i] = r.str()
	}
	nc := len(t.classes)
	if nc == 0 || nc > 255 {
		r.fail("%d classes", nc)
	}
	for _, c := range t.classes {
		if strings.IndexByte(c, ' ') >= 0 {
			r.fail("class %q has a space", c) // the feature table parts its names at spaces after a tag
		}
	}
	n := r.count(2)
	t.tagMap = make(map[string]string, n)
	for range n {
		w := r.str()
		t.tagMap[w] = t.classes[r.class(nc)]
	}
	n = r.count(2)
	t.ft = newFeatTable(n)
	t.offs = make([]int32, 0, n+1)
	for range n {
		f := r.str()
		if !t.ft.insert(f) && r.err == nil {
			r.fail("duplicate feature %q", f)
		}
		k := r.count(5)
		t.offs = append(t.offs, int32(len(t.ws)))
		for range k {
			c := r.class(nc)
			if r.err == nil && r.off+4 > len(r.b) {
				r.fail("weight past the end")
			}
			if r.err != nil {
				break
			}
			t.ws = append(t.ws, classWeight{uint8(c), math.Float32frombits(binary.LittleEndian.Uint32(r.b[r.off:]))})
			r.off += 4
		}
	}
	t.offs = append(t.offs, int32(len(t.ws)))
	if r.err == nil && r.off != len(b) {
		r.fail("%d bytes after the last feature", len(b)-r.off)
	}
	if r.err != nil {
		return nil, r.err
	}
	t.ft.compile(t.offs)
	return t, nil
}

// modelReader reads the model's fields, keeping the first error.
type modelReader struct {
	b   []byte
	off int
	err error
}

func (r *modelReader) fail(format string, a ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("corrupt model at byte %d: %s", r.off, fmt.Sprintf(format, a...))
	}
}

// count reads a length whose items take at least min bytes each.
func (r *modelReader) count(min int) int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 || v > uint64(len(r.b)-r.off-n)/uint64(min) {
		r.fail("bad count")
		return 0
	}
	r.off += n
	return int(v)
}

func (r *modelReader) str() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[r.off : r.off+n])
	r.off += n
	return s
}

func (r *modelReader) class(nc int) int {
	if r.err == nil && r.off >= len(r.b) {
		r.fail("class past the end")
	}
	if r.err != nil {
		return 0
	}
	c := int(r.b[r.off])
	r.off++
	if c >= nc {
		r.fail("class %d of %d", c, nc)
		return 0
	}
	return c
}

// tagState holds the per-call buffers of Tag: the context words and the
// hashes (strHash) of each and of its suffix.
type tagState struct {
	ctx    []string
	ctxH   []uint64
	sufH   []uint64
	scores []float64
}

var statePool = sync.Pool{New: func() any { return &tagState{} }}

// Tag sets Tag on each token of one sentence.
func (t *Tagger) Tag(toks []Token) { t.TagForms(toks, nil) }

// TagForms is Tag giving the past tags (VBD, VBN) only to words that
// pastForm says have the form of one (the model, reading context, gives
// them to nouns and numbers after a name: "Air raid/VBD sirens", "Two
// hundred/VBD"); a word that has not takes its best other tag. A nil
// pastForm allows every word.
func (t *Tagger) TagForms(toks []Token, pastForm func(lower string) bool) {
	st := statePool.Get().(*tagState)
	defer statePool.Put(st)
	if cap(st.scores) < len(t.classes) {
		st.scores = make([]float64, len(t.classes))
	}
	st.scores = st.scores[:len(t.classes)]
	n := len(toks) + 4
	st.ctx = st.ctx[:0]
	st.ctx = append(st.ctx, "-START-", "-START2-")
	for i := range toks {
		st.ctx = append(st.ctx, normalize(tagForm(toks[i].Text), toks[i].Lower))
	}
	st.ctx = append(st.ctx, "-END-", "-END2-")
	_ = n
	st.ctxH, st.sufH = st.ctxH[:0], st.sufH[:0]
	for _, w := range st.ctx {
		st.ctxH = append(st.ctxH, strHash(w))
		st.sufH = append(st.sufH, strHash(suffix3(w)))
	}
	p1, p2 := "-START-", "-START2-"
	quotes := 0
	for i := range toks {
		w := tagForm(toks[i].Text)
		var tag string
		if w == "-" {
			tag = "-"
		} else if q := quoteTag(w, &quotes); q != "" {
			tag = q
		} else if w == "’" && (p1 == "," || p1 == "." || p1 == "''") {
			tag = "''" // a closing single quotation mark ("respond,’’ the spokesman said"), not an apostrophe
		} else if tg, ok := t.tagMap[w]; ok {
			tag = tg
		} else {
			tag = t.predict(st, i, w, p1, p2)
			if pastTags[tag] && pastForm != nil && !pastForm(toks[i].Lower) {
				tag = t.best(st, pastTags)
			}
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
	headlineVerbs(toks)
}

// tagForm is the word as the model knows it: typographic apostrophes
// inside a word folded to ASCII ("Pakistan’s" splits into "Pakistan" and
// "’s", which the model, trained on ASCII text, would read as a name and
// not a possessive). A lone quotation mark stays as it is.
func tagForm(w string) string {
	// both marks are three bytes starting 0xE2: most words have none
	if len(w) > len("’") && strings.IndexByte(w, 0xE2) >= 0 && strings.ContainsAny(w, "’‘") {
		return apostrophes.Replace(w)
	}
	return w
}

// headlineVerbs retags a present-tense verb that the model, trained on
// running prose, reads as an adjective in headline style: "Japan lifts
// sanctions", "Kenya sends troops". The word must end in -s (not -ous,
// -ss, -us, -is), follow a proper name and precede the start of an object.
func headlineVerbs(toks []Token) {
	// irregular past tenses that are never nouns: "the minister spoke by
	// telephone" (the model, seeing a noun before, reads "spoke" as NN)
	for i := 1; i < len(toks); i++ {
		if t := &toks[i]; (t.Tag == "NN" || t.Tag == "JJ") && pastOnly[t.Text] {
			t.Tag = "VBD"
		}
		// a second past tense after "and": "boarded a boat and seized/JJ
		// weapons"
		if t := &toks[i]; t.Tag == "JJ" && strings.HasSuffix(t.Lower, "ed") && toks[i-1].Lower == "and" && i+1 < len(toks) && pastBefore(toks[:i-1]) {
			switch toks[i+1].Tag {
			case "DT", "NNS", "NN", "NNP", "NNPS", "CD", "PRP$", "PRP":
				t.Tag = "VBD"
			}
		}
		// after a modal comes a verb: "they will hand over their arms"
		if t := &toks[i]; t.Tag == "NN" && toks[i-1].Tag == "MD" {
			t.Tag = "VB"
		}
		// prepositions are a closed class: a word the model calls one
		// after a noun or a comma is a verb ("Critics ... accuse the law")
		if t := &toks[i]; t.Tag == "IN" && !prepositions[t.Lower] && len(t.Lower) > 3 && !strings.ContainsAny(t.Lower, ".-'0123456789") {
			switch p := toks[i-1].Tag; {
			case strings.HasPrefix(p, "NN"), p == "PRP", p == ",":
				if strings.HasSuffix(t.Lower, "s") {
					t.Tag = "VBZ"
				} else {
					t.Tag = "VBP"
				}
			}
		}
	}
	for i := 1; i < len(toks); i++ {
		// "exchanged fire overnight": a time adverb, not the object's head
		// (before a noun it stays an adjective: "an overnight raid")
		if t := &toks[i]; timeAdverbs[t.Lower] && (t.Tag == "NN" || t.Tag == "JJ") && (i+1 == len(toks) || !strings.HasPrefix(toks[i+1].Tag, "NN")) {
			t.Tag = "RB"
		}
	}
	for i := 1; i+2 < len(toks); i++ {
		// a participle coordinated with a past tense is one too: "the two
		// countries negotiated/VBN directly and agreed/VBD" (with no
		// auxiliary before it: "had closed ... and activated" stays)
		if t := &toks[i]; t.Tag == "VBN" && strings.HasPrefix(toks[i-1].Tag, "NN") {
			j := i + 1
			for j < len(toks) && toks[j].Tag == "RB" {
				j++
			}
			if j+1 < len(toks) && (toks[j].Lower == "and" || toks[j].Lower == "but") {
				k := j + 1
				for k < len(toks) && toks[k].Tag == "RB" {
					k++
				}
				if k < len(toks) && toks[k].Tag == "VBD" {
					t.Tag = "VBD"
				}
			}
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		// and the reverse: "Boko Haram jihadists overran" has one verb
		if t := &toks[i]; t.Tag == "VBZ" && (toks[i+1].Tag == "VBD" || toks[i+1].Tag == "VBN") && i > 0 && (toks[i-1].Tag == "NNP" || toks[i-1].Tag == "NNPS" || toks[i-1].Tag == "JJ") &&
			strings.HasSuffix(t.Lower, "s") && t.Lower != "has" && t.Lower != "is" && t.Lower != "was" && t.Lower != "does" {
			t.Tag = "NNS"
		}
	}
	for i := 1; i+2 < len(toks); i++ {
		// a plural after a singular noun and before an infinitive is the
		// noun's verb when no verb came before: "the Kenyan government
		// plans/NNS to deploy" ("ordered security forces to fire" stays)
		if t := &toks[i]; t.Tag == "NNS" && (toks[i-1].Tag == "NN" || toks[i-1].Tag == "NNP") && toks[i+1].Tag == "TO" && toks[i+2].Tag == "VB" && toks[i+2].Text == toks[i+2].Lower && !finiteBefore(toks[:i]) {
			t.Tag = "VBZ"
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		// a gerund that a finite verb follows is that verb's subject, a
		// noun: "after fighting/VBG erupted", "as shelling resumed"
		if t := &toks[i]; t.Tag == "VBG" && (toks[i-1].Tag == "IN" || toks[i-1].Tag == ",") && (toks[i+1].Tag == "VBD" || toks[i+1].Tag == "VBZ") && auxLemmas[toks[i+1].Lower] == "" {
			t.Tag = "NN"
		}
	}
	if len(toks) > 3 && !sentenceEnd[toks[len(toks)-1].Text] {
		// a headline whose subject is names joined by commas or "and"
		// has its plural verb after them: "Erdogan, Putin meet/NN in
		// Sochi", "Spain, Ireland, Norway recognise/NN Palestinian state"
		k := 0
		names := 0
		for k < len(toks) && (toks[k].Tag == "NNP" || toks[k].Tag == "NNPS" || toks[k].Tag == "," || toks[k].Lower == "and") {
			if toks[k].Tag != "," && toks[k].Lower != "and" && (k == 0 || toks[k-1].Tag == "," || toks[k-1].Lower == "and") {
				names++
			}
			k++
		}
		if names >= 2 && k+1 < len(toks) && !finiteBefore(toks[:k]) && toks[k].Tag == "NN" && toks[k].Lower == toks[k].Text && !strings.HasSuffix(toks[k].Lower, "s") {
			switch toks[k+1].Tag {
			case "IN", "TO", "DT", "NNP", "JJ", "NN", "NNS", "PRP$", "CD":
				toks[k].Tag = "VBP"
			}
		}
	}
	if !finiteBefore(toks) {
		// a sentence with no finite verb whose participle after a noun
		// takes an object has its past tense there: "Police firing live
		// rounds killed/VBN at least 18 protesters" ("soldiers killed in
		// a clash", a headline's passive, takes none)
		for i := 2; i+1 < len(toks); i++ {
			t := &toks[i]
			if t.Tag != "VBN" || !nounBefore(toks[:i]) || auxBefore(toks, i) {
				continue
			}
			switch n := toks[i+1]; {
			case n.Tag == "DT" || n.Tag == "CD" || n.Tag == "PRP$" || n.Lower == "at" && i+2 < len(toks) && toks[i+2].Lower == "least":
				t.Tag = "VBD"
			}
			break
		}
	}
	for i := 2; i < len(toks); i++ {
		// a singular name does not take a plural verb: after "the" and
		// names alone, a word tagged VBP other than an auxiliary ends the
		// noun phrase ("the last Islamic State enclave/VBP in ..."; "the
		// South China Sea are" is the verb of a longer subject)
		if t := &toks[i]; t.Tag == "VBP" && toks[i-1].Tag == "NNP" && auxLemmas[t.Lower] == "" {
			k := i - 1
			for k > 0 && (toks[k].Tag == "NNP" || toks[k].Tag == "JJ") {
				k--
			}
			if toks[k].Tag == "DT" {
				t.Tag = "NN"
			}
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.Tag != "JJ" || !strings.HasSuffix(t.Lower, "s") || len(t.Lower) < 4 {
			continue
		}
		if strings.HasSuffix(t.Lower, "ss") || strings.HasSuffix(t.Lower, "us") || strings.HasSuffix(t.Lower, "is") {
			continue
		}
		if p := toks[i-1].Tag; p != "NNP" && p != "NNPS" {
			continue
		}
		switch toks[i+1].Tag {
		case "DT", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD", "TO":
			t.Tag = "VBZ"
		}
	}
}

// sentenceEnd are the marks that end a sentence of running prose; a
// headline has none.
var sentenceEnd = map[string]bool{".": true, "!": true, "?": true, "\"": true, "”": true, "'": true, "’": true}

// nounBefore reports a noun among toks.
func nounBefore(toks []Token) bool {
	for _, t := range toks {
		if strings.HasPrefix(t.Tag, "NN") || t.Tag == "PRP" {
			return true
		}
	}
	return false
}

// auxBefore reports a form of be, have or get just before the word at i,
// past adverbs.
func auxBefore(toks []Token, i int) bool {
	k := i - 1
	for k > 0 && toks[k].Tag == "RB" {
		k--
	}
	switch w := toks[k].Lower; auxLemmas[w] {
	case "be", "have":
		return true
	case "":
		return w == "be" || w == "have" || w == "get" || w == "got" || w == "gets"
	}
	return false
}

// finiteBefore reports a finite verb or a modal among toks.
func finiteBefore(toks []Token) bool {
	for _, t := range toks {
		switch t.Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// pastBefore reports a past-tense verb among toks.
func pastBefore(toks []Token) bool {
	for _, t := range toks {
		if t.Tag == "VBD" {
			return true
		}
	}
	return false
}

// prepositions are the words of more than three letters that may be
// tagged IN.
var prepositions = map[string]bool{"about": true, "above": true, "across": true, "after": true, "against": true, "along": true,
	"alongside": true, "amid": true, "amidst": true, "among": true, "amongst": true, "around": true, "atop": true, "before": true,
	"behind": true, "below": true, "beneath": true, "beside": true, "besides": true, "between": true, "beyond": true,
	"concerning": true, "considering": true, "despite": true, "down": true, "during": true, "except": true, "following": true,
	"from": true, "including": true, "inside": true, "into": true, "like": true, "near": true, "notwithstanding": true,
	"onto": true, "opposite": true, "outside": true, "over": true, "past": true, "pending": true, "regarding": true,
	"since": true, "than": true, "that": true, "though": true, "through": true, "throughout": true, "till": true,
	"toward": true, "towards": true, "under": true, "underneath": true, "unless": true, "unlike": true, "until": true,
	"upon": true, "versus": true, "whether": true, "while": true, "whilst": true, "with": true, "within": true,
	"without": true, "whereas": true, "because": true, "although": true, "once": true, "lest": true, "plus": true,
	"worth": true, "next": true, "save": true, "thru": true, "unto": true, "whereby": true, "wherever": true,
	"whenever": true, "albeit": true, "given": true, "minus": true, "round": true, "aboard": true, "circa": true,
	"post": true, "granted": true, "provided": true, "providing": true,
	"excluding": true, "barring": true, "via": true, "then": true, "where": true, "when": true, "even": true, "both": true,
	"either": true, "neither": true, "nor": true, "else": true, "whom": true, "what": true, "which": true, "whose": true}

// timeAdverbs are words the model reads as nouns after a verb's object
// that modify the verb instead.
var timeAdverbs = map[string]bool{"overnight": true}

// pastOnly are lower-case irregular past tenses with no noun reading.
var pastOnly = map[string]bool{"spoke": true, "met": true, "told": true, "fought": true, "fled": true, "sought": true, "swore": true, "held": true}

// Token is the front-end's token type, shared with the root package.
type Token = annals.Token

// suffix3 is the last three bytes of w (all of a shorter word).
func suffix3(w string) string { return w[len(w)-min(len(w), 3):] }

// nFeats is the number of features predict adds for a word.
const nFeats = 14

func (t *Tagger) predict(st *tagState, i int, w, p1, p2 string) string {
	for k := range st.scores {
		st.scores[k] = 0
	}
	suf := min(len(w), 3)
	i = min(len(st.ctx)-2, i+2)
	ch, sh := st.ctxH, st.sufH
	h1, h2 := strHash(p1), strHash(p2)
	// the features in the order, and so the sums in the rounding, of
	// prose's tagger
	hs := [nFeats]uint64{
		featHash(ftBias, emptyHash, 0),
		featHash(ftSuffix, strHash(w[len(w)-suf:]), 0),
		featHash(ftPref1, strHash(w[:1]), 0),
		featHash(ftPrevTag, h1, 0),
		featHash(ftPrev2Tag, h2, 0),
		featHash(ftTagPair, h1, h2),
		featHash(ftWord, ch[i], 0),
		featHash(ftPrevTagWord, h1, ch[i]),
		featHash(ftPrevWord, ch[i-1], 0),
		featHash(ftPrevSuffix, sh[i-1], 0),
		featHash(ftPrev2Word, ch[i-2], 0),
		featHash(ftNextWord, ch[i+1], 0),
		featHash(ftNextSuffix, sh[i+1], 0),
		featHash(ftNext2Word, ch[i+2], 0),
	}
	// the home slots are loaded first, by a loop that does nothing else,
	// so that their cache misses overlap; the weights are then added in
	// the features' order
	ft := t.ft
	var home [nFeats]rowSlot
	for k, h := range hs {
		home[k] = ft.rows[h&ft.mask]
	}
	var lo, hi [nFeats]uint32
	for k, h := range hs {
		lo[k], hi[k] = ft.weights(h, home[k])
	}
	scores := st.scores
	for k := range hs {
		for _, cw := range t.ws[lo[k]:hi[k]] {
			scores[cw.class] += float64(cw.w)
		}
	}
	return t.best(st, nil)
}

// pastTags are the tags of a past form (see TagForms).
var pastTags = map[string]bool{"VBD": true, "VBN": true}

// best is the class of the highest score in st, leaving out the classes
// in not.
func (t *Tagger) best(st *tagState, not map[string]bool) string {
	best, bi := math.Inf(-1), 0
	for k, s := range st.scores {
		if s > best && !not[t.classes[k]] {
			best, bi = s, k
		}
	}
	return t.classes[bi]
}

// normalize is prose's word normalization for context features.
func normalize(word, lowered string) string {
	if word == "" {
		return word
	}
	if strings.Contains(word, "-") && word[0] != '-' {
		return "!HYPHEN"
	}
	if len(word) == 4 && atoi4(word) {
		return "!YEAR"
	}
	if word[0] >= '0' && word[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

// atoi4 reports whether strconv.Atoi parses the four bytes of w: digits,
// the first of which may be a sign (without Atoi's error, which allocates).
func atoi4(w string) bool {
	for i := 0; i < 4; i++ {
		if c := w[i]; (c < '0' || c > '9') && !(i == 0 && (c == '+' || c == '-')) {
			return false
		}
	}
	return true
}

// quoteTag returns the Penn Treebank tag of a quotation mark: “ for an
// opening one, ” for a closing one; "" for any other token.
func quoteTag(w string, n *int) string {
	switch w {
	case "“", "‘":
		return "``"
	case "”":
		return "''"
	case "\"", "''", "``":
		*n++
		if *n%2 == 1 {
			return "``"
		}
		return "''"
	}
	return ""
}

package syntax

import "strings"

// The tagger is a greedy left-to-right averaged perceptron over the Penn
// Treebank (XPOS) tag set, after Collins (2002) and Honnibal's "A good
// part-of-speech tagger in about 200 lines of Python": lexical features
// of the word and its neighbours, and the two tags already predicted to
// its left. Frequent words that the treebank tags one way only are tagged
// from a dictionary without scoring. UPOS then comes from a small second
// classifier over the predicted XPOS tags and the words.

// Tag values used in feature keys for positions outside the sentence.
const (
	tagStart = 1000 + iota
	tagStart2
	tagEnd
	tagEnd2
	tagNone
	tagRoot
)

// Tagger feature templates.
const (
	ftBias = iota
	ftWord
	ftSuf1
	ftSuf2
	ftSuf3
	ftSuf4
	ftPre1
	ftPre2
	ftPre3
	ftShape
	ftFlags
	ftT1
	ftT2
	ftT1T2
	ftT1Word
	ftWordM1
	ftWordP1
	ftWordM2
	ftWordP2
	ftSufM1
	ftSufP1
	ftShapeP1
	ftWordM1Word
	ftWordWordP1
	ftT1WordP1
	ftFirstFlags
	ftT1Suf3
	ftShapeM1
	ftSuf2P1
	ftT1Shape
	ftForm
	ftAmb
	ftAmbP1
	ftAmbP2
	ftAmbM1
	ftT1Amb
	ftAmbAmbP1
	ftT1T2Amb
	ftAuxSuf2
	ftAuxAmb
	ftAuxWord
	ftIrr
	ftIrrT1
	ftIrrAux
)

// clauseRule holds what the finite-verb rule (finiteRule) needs of an
// XPOS tag set, by tag id.
type clauseRule struct {
	ok       bool // the tag set has VBD and VBN
	vbd, vbn int
	vb, md   int
	rb       int
	// afterModal: NN, JJ, VBP, tags a word right after a modal takes
	// only by mistake
	afterModal []bool
	finite     []bool // VBD, VBZ, VBP, MD
	nominal    []bool // NN, NNS, NNP, NNPS, PRP: a subject before the verb
	opens      []bool // WDT, WP, WRB, CC: a new clause starts here
	object     []bool // DT, PRP$, PRP, CD, NN, NNS, NNP, NNPS, JJ, RP: an object or particle after the verb
}

var ruleMargin int32 = 10000

// ambMargin is how far the tagger's score of VBD may fall under VBN for
// the rule to retag a past tense with no object after it.

func newClauseRule(xpos []string) *clauseRule {
	r := &clauseRule{vbd: -1, vbn: -1, vb: -1, md: -1, rb: -1, afterModal: make([]bool, len(xpos)), finite: make([]bool, len(xpos)), nominal: make([]bool, len(xpos)), opens: make([]bool, len(xpos)), object: make([]bool, len(xpos))}
	for i, x := range xpos {
		switch x {
		case "VBD":
			r.vbd = i
		case "VBN":
			r.vbn = i
		case "VB":
			r.vb = i
		case "MD":
			r.md = i
		case "RB":
			r.rb = i
		}
		r.afterModal[i] = x == "NN" || x == "JJ" || x == "VBP"
		r.finite[i] = x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD"
		r.nominal[i] = x == "NN" || x == "NNS" || x == "NNP" || x == "NNPS" || x == "PRP"
		r.opens[i] = x == "WDT" || x == "WP" || x == "WRB" || x == "CC"
		switch x {
		case "DT", "PRP$", "PRP", "CD", "NN", "NNS", "NNP", "NNPS", "JJ", "RP":
			r.object[i] = true
		}
	}
	r.ok = r.vbd >= 0 && r.vbn >= 0 && r.vb >= 0 && r.md >= 0 && r.rb >= 0
	return r
}

// clauseWords open a clause whatever their tag ("as both sides traded
// fire", "since fighting erupted").
var clauseWords = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields("as after since when because while if that before until unless although though whereas once ; : -- ,") {
		m[hashString(w)] = true
	}
	return m
}()

var hashBy = hashString("by")

// apply retags, in each clause without a finite verb, the first
// participle that follows its subject directly and has no auxiliary
// before it as a past tense: "Police fired/VBN tear gas", "as both sides
// traded/VBN fire". Trained on EWT, where "-ed" after a noun is as often
// a participle ("the food served"), the tagger misses the past tenses
// of news; a clause needs a finite verb. A participle before "by" stays.
func (r *clauseRule) apply(lx []lex, tags []int, margin []int32) {
	if !r.ok {
		return
	}
	// an irregular form that is only a past tense ("spoke") or only a
	// participle ("spoken") is not the other; after a modal (and adverbs)
	// comes a base form ("would free/JJ")
	modal := false
	for i := range tags {
		switch {
		case tags[i] == r.vbn && lx[i].irr == 1:
			tags[i] = r.vbd
		case tags[i] == r.vbd && lx[i].irr == 2:
			tags[i] = r.vbn
		case modal && r.afterModal[tags[i]] && lx[i].flags&1 == 0:
			tags[i] = r.vb
		}
		if t := tags[i]; r.md == t {
			modal = true
		} else if t != r.rb {
			modal = false
		}
	}
	start := 0
	for i := 0; i <= len(tags); i++ {
		if i < len(tags) && !(i > start && (r.opens[tags[i]] || clauseWords[lx[i].word])) {
			continue
		}
		r.clause(lx, tags, margin, start, i)
		start = i
	}
}

func (r *clauseRule) clause(lx []lex, tags []int, margin []int32, from, to int) {
	cand := -1
	for i := from; i < to; i++ {
		t := tags[i]
		if r.finite[t] {
			return
		}
		if cand >= 0 || t != r.vbn || i == from || i+1 < len(lx) && lx[i+1].word == hashBy {
			continue
		}
		if !r.nominal[tags[i-1]] {
			continue
		}
		aux := false
		for k := max(from, i-4); k < i; k++ {
			if c := lx[k].aux; c >= 1 && c <= 3 {
				aux = true
			}
		}
		if !aux && (i+1 < len(tags) && r.object[tags[i+1]] || margin[i] > -ruleMargin) {
			cand = i
		}
	}
	if cand >= 0 {
		tags[cand] = r.vbd
	}
}

// tagFeatures appends the tagger features of token i to dst; tags holds
// the tags predicted for tokens before i. They are the features of the
// word alone (ownFeatures), whose sum the tagger caches per word form,
// and those of its context (ctxFeatures).
func tagFeatures(dst []uint64, lx []lex, tags []int, i int) []uint64 {
	return ctxFeatures(ownFeatures(dst, &lx[i]), lx, tags, i)
}

// ownFeatures appends the tagger features that depend on the word's form
// alone.
func ownFeatures(dst []uint64, w *lex) []uint64 {
	return append(dst,
		feat1(ftBias, 0),
		feat1(ftWord, w.word),
		feat1(ftSuf1, w.suf[0]),
		feat1(ftSuf2, w.suf[1]),
		feat1(ftSuf3, w.suf[2]),
		feat1(ftSuf4, w.suf[3]),
		feat1(ftPre1, w.pre[0]),
		feat1(ftPre2, w.pre[1]),
		feat1(ftPre3, w.pre[2]),
		feat1(ftShape, w.shape),
		feat1(ftFlags, w.flags),
		feat1(ftForm, w.form),
		feat1(ftAmb, w.amb),
		feat1(ftIrr, uint64(w.irr)),
	)
}

// ctxFeatures appends the tagger features of token i other than
// ownFeatures.
func ctxFeatures(dst []uint64, lx []lex, tags []int, i int) []uint64 {
	n := len(lx)
	w := &lx[i]
	t1, t2 := uint64(tagStart), uint64(tagStart2)
	if i > 0 {
		t1 = uint64(tags[i-1])
		if i > 1 {
			t2 = uint64(tags[i-2])
		} else {
			t2 = tagStart
		}
	}
	var wm1, wm2, wp1, wp2, sm1, sp1, shp1, shm1, s2p1 uint64 = tagStart, tagStart2, tagEnd, tagEnd2, tagStart, tagEnd, tagEnd, tagStart, tagEnd
	var am1, ap1, ap2 uint64 = tagStart, tagEnd, tagEnd2
	if i > 0 {
		wm1, sm1, shm1, am1 = lx[i-1].word, lx[i-1].suf[2], lx[i-1].shape, lx[i-1].amb
		if i > 1 {
			wm2 = lx[i-2].word
		}
	}
	if i+1 < n {
		wp1, sp1, shp1, s2p1, ap1 = lx[i+1].word, lx[i+1].suf[2], lx[i+1].shape, lx[i+1].suf[1], lx[i+1].amb
		if i+2 < n {
			wp2, ap2 = lx[i+2].word, lx[i+2].amb
		}
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	// the nearest auxiliary-like word in the four before, and how far
	aux := uint64(0)
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if c := lx[k].aux; c != 0 {
			aux = uint64(c)<<8 | uint64(i-k)
			break
		}
	}
	dst = append(dst,
		feat1(ftT1, t1),
		feat1(ftT2, t2),
		feat2(ftT1T2, t1, t2),
		feat2(ftT1Word, t1, w.word),
		feat1(ftWordM1, wm1),
		feat1(ftWordP1, wp1),
		feat1(ftWordM2, wm2),
		feat1(ftWordP2, wp2),
		feat1(ftSufM1, sm1),
		feat1(ftSufP1, sp1),
		feat1(ftShapeP1, shp1),
		feat2(ftWordM1Word, wm1, w.word),
		feat2(ftWordWordP1, w.word, wp1),
		feat2(ftT1WordP1, t1, wp1),
		feat2(ftFirstFlags, first, w.flags),
		feat2(ftT1Suf3, t1, w.suf[2]),
		feat1(ftShapeM1, shm1),
		feat1(ftSuf2P1, s2p1),
		feat2(ftT1Shape, t1, w.shape),
		feat1(ftAmbP1, ap1),
		feat1(ftAmbP2, ap2),
		feat1(ftAmbM1, am1),
		feat2(ftT1Amb, t1, w.amb),
		feat2(ftAmbAmbP1, w.amb, ap1),
		feat3(ftT1T2Amb, t1, t2, w.amb),
		feat2(ftAuxSuf2, aux, w.suf[1]),
		feat2(ftAuxAmb, aux, w.amb),
		feat2(ftAuxWord, aux, w.word),
		feat2(ftIrrT1, uint64(w.irr), t1),
		feat2(ftIrrAux, uint64(w.irr), aux),
	)
	return dst
}

// Second-pass tagger templates: the first pass's tags to the right.
const (
	ft2P0 = 60 + iota
	ft2P1
	ft2P1P2
	ft2T1P1
	ft2WordP1
	ft2Suf2P1
	ft2P0Word
	ft2T1P0P1
	ft2P1Word1
	ft2AmbP1
)

// tagFeatures2 appends the second pass's features of token i: the first
// pass's (with the second pass's own tags to the left) and the first
// pass's tags p1 of the token and the two after it.
func tagFeatures2(dst []uint64, lx []lex, tags, p1 []int, i int) []uint64 {
	return ctxFeatures2(ownFeatures(dst, &lx[i]), lx, tags, p1, i)
}

// ctxFeatures2 is tagFeatures2 less ownFeatures.
func ctxFeatures2(dst []uint64, lx []lex, tags, p1 []int, i int) []uint64 {
	dst = ctxFeatures(dst, lx, tags, i)
	n := len(lx)
	t1 := uint64(tagStart)
	if i > 0 {
		t1 = uint64(tags[i-1])
	}
	p0, r1, r2, w1 := uint64(p1[i]), uint64(tagEnd), uint64(tagEnd2), uint64(tagEnd)
	if i+1 < n {
		r1, w1 = uint64(p1[i+1]), lx[i+1].word
		if i+2 < n {
			r2 = uint64(p1[i+2])
		}
	}
	w := &lx[i]
	return append(dst,
		feat1(ft2P0, p0),
		feat1(ft2P1, r1),
		feat2(ft2P1P2, r1, r2),
		feat2(ft2T1P1, t1, r1),
		feat2(ft2WordP1, w.word, r1),
		feat2(ft2Suf2P1, w.suf[1], r1),
		feat2(ft2P0Word, p0, w.word),
		feat3(ft2T1P0P1, t1, p0, r1),
		feat2(ft2P1Word1, r1, w1),
		feat2(ft2AmbP1, w.amb, r1),
	)
}

// UPOS classifier templates.
const (
	fuXPOS = 100 + iota
	fuWordX
	fuXM1
	fuXP1
	fuXXP1
	fuXP2
	fuWord
	fuWordXP1
	fuSufX
	fuXM1X
	fuWordXM1
	fuAmbX
)

// uposFeatures appends the UPOS classifier features of token i given the
// XPOS tags of the whole sentence. Inference reads them in two parts,
// uposOwnFeatures and uposContextFeatures (TestUPOSFeaturesSplit).
func uposFeatures(dst []uint64, lx []lex, xtags []int, i int) []uint64 {
	n := len(lx)
	x := uint64(xtags[i])
	xm1, xp1, xp2 := uint64(tagStart), uint64(tagEnd), uint64(tagEnd2)
	if i > 0 {
		xm1 = uint64(xtags[i-1])
	}
	if i+1 < n {
		xp1 = uint64(xtags[i+1])
		if i+2 < n {
			xp2 = uint64(xtags[i+2])
		}
	}
	w := lx[i].word
	return append(dst,
		feat1(fuXPOS, x),
		feat2(fuWordX, w, x),
		feat2(fuXM1, xm1, x),
		feat2(fuXP1, xp1, x),
		feat3(fuXXP1, x, xp1, xp2),
		feat1(fuXP2, xp2),
		feat1(fuWord, w),
		feat3(fuWordXP1, w, x, xp1),
		feat2(fuSufX, lx[i].suf[2], x),
		feat3(fuXM1X, xm1, x, xp1),
		feat3(fuWordXM1, w, x, xm1),
		feat2(fuAmbX, lx[i].amb, x),
	)
}

// uposOwnFeatures appends the UPOS features that read only the word
// (its lowercase form, suffix and ambiguity class hashes) and its XPOS.
func uposOwnFeatures(dst []uint64, lx []lex, xtags []int, i int) []uint64 {
	x := uint64(xtags[i])
	w := lx[i].word
	return append(dst,
		feat1(fuXPOS, x),
		feat2(fuWordX, w, x),
		feat1(fuWord, w),
		feat2(fuSufX, lx[i].suf[2], x),
		feat2(fuAmbX, lx[i].amb, x),
	)
}

// uposContextFeatures appends the UPOS features that read the XPOS of
// the words around.
func uposContextFeatures(dst []uint64, lx []lex, xtags []int, i int) []uint64 {
	n := len(lx)
	x := uint64(xtags[i])
	xm1, xp1, xp2 := uint64(tagStart), uint64(tagEnd), uint64(tagEnd2)
	if i > 0 {
		xm1 = uint64(xtags[i-1])
	}
	if i+1 < n {
		xp1 = uint64(xtags[i+1])
		if i+2 < n {
			xp2 = uint64(xtags[i+2])
		}
	}
	w := lx[i].word
	return append(dst,
		feat2(fuXM1, xm1, x),
		feat2(fuXP1, xp1, x),
		feat3(fuXXP1, x, xp1, xp2),
		feat1(fuXP2, xp2),
		feat3(fuWordXP1, w, x, xp1),
		feat3(fuXM1X, xm1, x, xp1),
		feat3(fuWordXM1, w, x, xm1),
	)
}

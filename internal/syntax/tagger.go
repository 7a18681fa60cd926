package syntax

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
)

// tagFeatures appends the tagger features of token i to dst; tags holds
// the tags predicted for tokens before i.
func tagFeatures(dst []uint64, lx []lex, tags []int, i int) []uint64 {
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
	dst = append(dst,
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
		feat1(ftForm, w.form),
		feat1(ftAmb, w.amb),
		feat1(ftAmbP1, ap1),
		feat1(ftAmbP2, ap2),
		feat1(ftAmbM1, am1),
		feat2(ftT1Amb, t1, w.amb),
		feat2(ftAmbAmbP1, w.amb, ap1),
		feat3(ftT1T2Amb, t1, t2, w.amb),
	)
	return dst
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
// XPOS tags of the whole sentence.
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

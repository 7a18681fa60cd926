package syntax

// The greedy parser's transition features split by what they read, so
// that the sums of two groups can be kept while what they read stays the
// same:
//
//   - b0Features read b0, its left children and the two words after it.
//     A word in the buffer gets children only on its left, by LEFT, so
//     (b0, its number of left children) fixes them; they stay while the
//     parser attaches words to s1 (RIGHT).
//   - s0Features read s0 and its children. A word on the stack gets
//     children only on its right, by RIGHT, so (s0, its number of right
//     children) fixes them; they come back when the word on top of s0 is
//     attached to b0 (LEFT).
//   - pairFeatures are the rest of parseFeatures: those that read two of
//     s0, s1, s2 and b0, or the distance between s0 and b0.
//
// Together the three are parseFeatures in another order (TestParseFeaturesSplit),
// and the transition scores are exact integer sums, so the kept sums give
// the scores parseFeatures gives. Only the greedy parser keeps them: the
// beam's configurations have different trees.

// groupSum is a kept sum of a feature group's transition scores; key is
// the count of children that fixes the group, plus one (0: none kept).
type groupSum struct {
	key int32
	w   [nActions]int32
}

// labOf is the relation id of token i's arc in st, noneVal for no token.
func (st *pstate) labOf(i int32) uint64 {
	if i < 0 {
		return noneVal
	}
	return uint64(st.rels[i])
}

// b0Features appends the features of parseFeatures that read only b0,
// its left children and the two words after it.
func b0Features(dst []uint64, in *pinput, st *pstate) []uint64 {
	b0 := st.b0
	b1, b2 := b0+1, b0+2
	if int(b1) > st.n {
		b1 = -1
	}
	if int(b2) > st.n {
		b2 = -1
	}
	b0L, b0L2 := st.lc1[b0], st.lc2[b0]
	b0w, b0p := in.word[b0], in.tag[b0]
	b1p, b2p := in.tagAt(b1), in.tagAt(b2)
	b0Lp := in.tagAt(b0L)
	b0vl := uint64(min(st.nl[b0], 7))
	return append(dst,
		feat2(fpB0pB1p, b0p, b1p),
		feat3(fpB0pB1pB2p, b0p, b1p, b2p),
		feat3(fpB0pB0LpB0L2p, b0p, b0Lp, in.tagAt(b0L2)),
		feat2(fpB0wVl, b0w, b0vl),
		feat2(fpB0pVl, b0p, b0vl),
		feat1(fpB0Lw, in.wordAt(b0L)),
		feat1(fpB0Lp, b0Lp),
		feat1(fpB0Ll, st.labOf(b0L)),
		feat1(fpB0L2p, in.tagAt(b0L2)),
		feat1(fpB0L2l, st.labOf(b0L2)),
		feat2(fpB0wLset, b0w, st.lset[b0]),
		feat2(fpB0pLset, b0p, st.lset[b0]),
		feat3(fpB0pB0LlB0L2l, b0p, st.labOf(b0L), st.labOf(b0L2)),
		feat2(fpB0wB1w, b0w, in.wordAt(b1)),
	)
}

// s0Features appends the features of parseFeatures that read only s0
// and its children; the stack must not be empty.
func s0Features(dst []uint64, in *pinput, st *pstate) []uint64 {
	s0 := st.stack[len(st.stack)-1]
	s0L, s0L2, s0R, s0R2 := st.lc1[s0], st.lc2[s0], st.rc1[s0], st.rc2[s0]
	s0w, s0p := in.word[s0], in.tag[s0]
	vl, vr := uint64(min(st.nl[s0], 7)), uint64(min(st.nr[s0], 7))
	s0ls, s0rs := st.lset[s0], st.rset[s0]
	s0Lp, s0Rp := in.tagAt(s0L), in.tagAt(s0R)
	return append(dst,
		feat3(fpS0pS0LpS0L2p, s0p, s0Lp, in.tagAt(s0L2)),
		feat3(fpS0pS0RpS0R2p, s0p, s0Rp, in.tagAt(s0R2)),
		feat2(fpS0wVr, s0w, vr),
		feat2(fpS0pVr, s0p, vr),
		feat2(fpS0wVl, s0w, vl),
		feat2(fpS0pVl, s0p, vl),
		feat1(fpS0Lw, in.wordAt(s0L)),
		feat1(fpS0Lp, s0Lp),
		feat1(fpS0Ll, st.labOf(s0L)),
		feat1(fpS0Rw, in.wordAt(s0R)),
		feat1(fpS0Rp, s0Rp),
		feat1(fpS0Rl, st.labOf(s0R)),
		feat1(fpS0L2p, in.tagAt(s0L2)),
		feat1(fpS0L2l, st.labOf(s0L2)),
		feat1(fpS0R2p, in.tagAt(s0R2)),
		feat1(fpS0R2l, st.labOf(s0R2)),
		feat2(fpS0wLset, s0w, s0ls),
		feat2(fpS0pLset, s0p, s0ls),
		feat2(fpS0wRset, s0w, s0rs),
		feat2(fpS0pRset, s0p, s0rs),
		feat3(fpS0pS0LlS0Rl, s0p, st.labOf(s0L), st.labOf(s0R)),
	)
}

// pairFeatures appends the features of parseFeatures that neither
// b0Features nor s0Features has; the stack must not be empty.
func pairFeatures(dst []uint64, in *pinput, st *pstate) []uint64 {
	ns := len(st.stack)
	s0, s1, s2 := st.stack[ns-1], int32(-1), int32(-1)
	if ns > 1 {
		s1 = st.stack[ns-2]
		if ns > 2 {
			s2 = st.stack[ns-3]
		}
	}
	b0 := st.b0
	b1 := b0 + 1
	if int(b1) > st.n {
		b1 = -1
	}
	var s1R, s1L int32 = -1, -1
	if s1 >= 0 {
		s1R, s1L = st.rc1[s1], st.lc1[s1]
	}
	s0L, s0R, b0L := st.lc1[s0], st.rc1[s0], st.lc1[b0]
	s0w, s0p, s0wp, s0u, s0suf := in.word[s0], in.tag[s0], in.wp[s0], in.upos[s0], in.suf[s0]
	d := b0 - s0
	if d > 5 {
		d = 5 + (d-5)/5
		if d > 9 {
			d = 9
		}
	}
	dist := uint64(d)
	b0w, b0p, b0wp, b0u := in.word[b0], in.tag[b0], in.wp[b0], in.upos[b0]
	s1w, s1p, s1wp, s1u := in.wordAt(s1), in.tagAt(s1), uint64(noneVal), uint64(noneVal)
	if s1 >= 0 {
		s1wp, s1u = in.wp[s1], in.upos[s1]
	}
	b1p := in.tagAt(b1)
	s0Rp := in.tagAt(s0R)
	return append(dst,
		feat2(fpS0wpB0wp, s0wp, b0wp),
		feat2(fpS0wpB0w, s0wp, b0w),
		feat2(fpS0wB0wp, s0w, b0wp),
		feat2(fpS0wpB0p, s0wp, b0p),
		feat2(fpS0pB0wp, s0p, b0wp),
		feat2(fpS0wB0w, s0w, b0w),
		feat2(fpS0pB0p, s0p, b0p),
		feat3(fpS0pB0pB1p, s0p, b0p, b1p),
		feat3(fpS1pS0pB0p, s1p, s0p, b0p),
		feat3(fpS0pS0LpB0p, s0p, in.tagAt(s0L), b0p),
		feat3(fpS0pS0RpB0p, s0p, s0Rp, b0p),
		feat3(fpS0pB0pB0Lp, s0p, b0p, in.tagAt(b0L)),
		feat3(fpS1pS0pS0Rp, s1p, s0p, s0Rp),
		feat3(fpS1pS1RpS0p, s1p, in.tagAt(s1R), s0p),
		feat3(fpS2pS1pS0p, in.tagAt(s2), s1p, s0p),
		feat2(fpS0wD, s0w, dist),
		feat2(fpS0pD, s0p, dist),
		feat2(fpB0wD, b0w, dist),
		feat2(fpB0pD, b0p, dist),
		feat3(fpS0wB0wD, s0w, b0w, dist),
		feat3(fpS0pB0pD, s0p, b0p, dist),
		feat1(fpS1Rp, in.tagAt(s1R)),
		feat1(fpS1Rl, st.labOf(s1R)),
		feat1(fpS1Lp, in.tagAt(s1L)),
		feat2(fpS1wS0w, s1w, s0w),
		feat2(fpS1pS0p, s1p, s0p),
		feat2(fpS0uB0u, s0u, b0u),
		feat3(fpS1uS0uB0u, s1u, s0u, b0u),
		feat2(fpB0sufS0p, in.suf[b0], s0p),
		feat2(fpS0sufB0p, s0suf, b0p),
		feat2(fpS1wpS0wp, s1wp, s0wp),
		feat2(fpS1pB0p, s1p, b0p),
		feat2(fpS1wB0p, s1w, b0p),
		feat2(fpS1pB0w, s1p, b0w),
		feat3(fpS1S0B0B1p, s1p<<16|s0p, b0p, b1p),
		feat2(fpS0wB0Lw, s0w, in.wordAt(b0L)),
		feat3(fpS0pB0pB0Ll, s0p, b0p, st.labOf(b0L)),
		feat2(fpS0wB1p, s0w, b1p),
	)
}

// greedyScores is transScores for the greedy parser, with the sums of
// b0Features and s0Features kept in s.b0Sums and s.s0Sums (per token,
// cleared for each sentence) for as long as what they read is unchanged.
func (p *Parser) greedyScores(s *scratch, st *pstate, tsc *[nActions]int32) {
	if len(st.stack) == 0 {
		p.transScores(s, st, tsc)
		return
	}
	trans := p.m.trans
	s.feats = pairFeatures(s.feats[:0], &s.in, st)
	trans.score(tsc, s.feats)
	b0 := st.b0
	g := &s.b0Sums[b0]
	if k := st.nl[b0] + 1; g.key != k {
		s.feats = b0Features(s.feats[:0], &s.in, st)
		trans.score(&g.w, s.feats)
		g.key = k
	}
	tsc[0], tsc[1], tsc[2] = tsc[0]+g.w[0], tsc[1]+g.w[1], tsc[2]+g.w[2]
	s0 := st.stack[len(st.stack)-1]
	g = &s.s0Sums[s0]
	if k := st.nr[s0] + 1; g.key != k {
		s.feats = s0Features(s.feats[:0], &s.in, st)
		trans.score(&g.w, s.feats)
		g.key = k
	}
	tsc[0], tsc[1], tsc[2] = tsc[0]+g.w[0], tsc[1]+g.w[1], tsc[2]+g.w[2]
	for r, i := range st.roles() {
		w := p.static(s, r, i)
		tsc[0] += w[0]
		tsc[1] += w[1]
		tsc[2] += w[2]
	}
}

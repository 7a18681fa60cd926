package syntax

// The parser is a greedy arc-hybrid transition system (Kuhlmann, Gómez-
// Rodríguez and Satta 2011) with the virtual root at the end of the
// buffer, trained with the dynamic oracle of Goldberg and Nivre (2013)
// and error exploration (oracle.go). One averaged perceptron picks the
// unlabelled transition; a second one, run only after an arc is made,
// picks its relation.
//
// Transitions, with stack S (top s0) and buffer B (front b0):
//
//	SHIFT  move b0 onto S (b0 must not be the root)
//	LEFT   pop s0 and make b0 its head (to the root only when |S| = 1)
//	RIGHT  pop s0 and make s1 its head
//
// The parse ends when S is empty and B holds only the root, so every
// sentence gets exactly one root and a projective tree.

const (
	actShift = iota
	actLeft
	actRight
	nActions
)

// sentence is the parser's view of the tokens: per-token feature values.
// Index n is the root.
type pinput struct {
	word []uint64 // lowercase form hash
	tag  []uint64 // XPOS id
	upos []uint64 // UPOS id
	wp   []uint64 // word and tag combined
	suf  []uint64 // 3-letter suffix hash
}

// pstate is a parser configuration.
type pstate struct {
	n     int
	stack []int32
	b0    int32
	heads []int32 // head of each token, -1 while unattached; n for the root
	rels  []int32 // relation id of each token's arc
	lc1   []int32 // leftmost child, -1 when none
	lc2   []int32 // second leftmost
	rc1   []int32 // rightmost
	rc2   []int32
	nl    []int32 // number of left children
	nr    []int32
	lset  []uint64 // bitset of relation ids of left children
	rset  []uint64
}

func (st *pstate) reset(n int) {
	st.n = n
	st.stack = st.stack[:0]
	st.b0 = 0
	m := n + 1
	st.heads = fill(st.heads, m, -1)
	st.rels = fill(st.rels, m, -1)
	st.lc1 = fill(st.lc1, m, -1)
	st.lc2 = fill(st.lc2, m, -1)
	st.rc1 = fill(st.rc1, m, -1)
	st.rc2 = fill(st.rc2, m, -1)
	st.nl = fill(st.nl, m, 0)
	st.nr = fill(st.nr, m, 0)
	if cap(st.lset) < m {
		st.lset = make([]uint64, m)
		st.rset = make([]uint64, m)
	}
	st.lset = st.lset[:m]
	st.rset = st.rset[:m]
	clear(st.lset)
	clear(st.rset)
}

func fill(s []int32, n int, v int32) []int32 {
	if cap(s) < n {
		s = make([]int32, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

func (st *pstate) done() bool { return len(st.stack) == 0 && int(st.b0) == st.n }

// valid reports whether action a can be applied.
func (st *pstate) valid(a int) bool {
	switch a {
	case actShift:
		return int(st.b0) < st.n
	case actLeft:
		return len(st.stack) > 0 && (int(st.b0) < st.n || len(st.stack) == 1)
	case actRight:
		return len(st.stack) > 1
	}
	return false
}

// forced returns the only valid action, or -1 when there is a choice:
// SHIFT on an empty stack, RIGHT (or, with one word left, LEFT to the
// root) once the buffer holds only the root.
func (st *pstate) forced() int {
	switch {
	case len(st.stack) == 0:
		return actShift
	case int(st.b0) == st.n && len(st.stack) > 1:
		return actRight
	case int(st.b0) == st.n:
		return actLeft
	}
	return -1
}

// apply performs action a; for arcs, rel is the relation id.
func (st *pstate) apply(a int, rel int32) {
	switch a {
	case actShift:
		st.stack = append(st.stack, st.b0)
		st.b0++
	case actLeft:
		d := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.attach(st.b0, d, rel)
	case actRight:
		d := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.attach(st.stack[len(st.stack)-1], d, rel)
	}
}

func (st *pstate) attach(h, d, rel int32) {
	st.heads[d] = h
	st.rels[d] = rel
	var bit uint64
	if rel >= 0 && rel < 64 {
		bit = 1 << uint(rel)
	}
	if d < h {
		st.lc2[h] = st.lc1[h]
		st.lc1[h] = d
		st.nl[h]++
		st.lset[h] |= bit
	} else {
		st.rc2[h] = st.rc1[h]
		st.rc1[h] = d
		st.nr[h]++
		st.rset[h] |= bit
	}
}

// head and dependent of the arc action a would make.
func (st *pstate) arc(a int) (h, d int32) {
	d = st.stack[len(st.stack)-1]
	if a == actLeft {
		return st.b0, d
	}
	return st.stack[len(st.stack)-2], d
}

// Parser feature templates.
const (
	fpS0w = 200 + iota
	fpS0p
	fpS0wp
	fpS1w
	fpS1p
	fpS1wp
	fpS2w
	fpS2p
	fpB0w
	fpB0p
	fpB0wp
	fpB1w
	fpB1p
	fpB1wp
	fpB2w
	fpB2p
	fpS0wpB0wp
	fpS0wpB0w
	fpS0wB0wp
	fpS0wpB0p
	fpS0pB0wp
	fpS0wB0w
	fpS0pB0p
	fpB0pB1p
	fpB0pB1pB2p
	fpS0pB0pB1p
	fpS1pS0pB0p
	fpS0pS0LpB0p
	fpS0pS0RpB0p
	fpS0pB0pB0Lp
	fpS0pS0LpS0L2p
	fpS0pS0RpS0R2p
	fpB0pB0LpB0L2p
	fpS1pS0pS0Rp
	fpS1pS1RpS0p
	fpS2pS1pS0p
	fpS0wD
	fpS0pD
	fpB0wD
	fpB0pD
	fpS0wB0wD
	fpS0pB0pD
	fpS0wVr
	fpS0pVr
	fpS0wVl
	fpS0pVl
	fpB0wVl
	fpB0pVl
	fpS0Lw
	fpS0Lp
	fpS0Ll
	fpS0Rw
	fpS0Rp
	fpS0Rl
	fpS0L2p
	fpS0L2l
	fpS0R2p
	fpS0R2l
	fpB0Lw
	fpB0Lp
	fpB0Ll
	fpB0L2p
	fpB0L2l
	fpS1Rp
	fpS1Rl
	fpS1Lp
	fpS0wLset
	fpS0pLset
	fpS0wRset
	fpS0pRset
	fpB0wLset
	fpB0pLset
	fpS1wS0w
	fpS1pS0p
	fpS0uB0u
	fpS1uS0uB0u
	fpS0u
	fpB0u
	fpB0sufS0p
	fpS0sufB0p
	fpS1wpS0wp
	fpS1pB0p
	fpS1wB0p
	fpS1pB0w
	fpS0pS0LlS0Rl
	fpB0pB0LlB0L2l
	fpS1S0B0B1p
	fpS0wB0Lw
	fpS0pB0pB0Ll
	fpS0wB1p
	fpB0wB1w
)

const noneVal = tagNone

func (in *pinput) wordAt(i int32) uint64 {
	if i < 0 {
		return noneVal
	}
	return in.word[i]
}
func (in *pinput) tagAt(i int32) uint64 {
	if i < 0 {
		return noneVal
	}
	return in.tag[i]
}

// Roles of the words whose unigram features (staticFeatures) depend on
// the word alone; the parser caches their scores per sentence.
const (
	roleS0 = iota
	roleS1
	roleS2
	roleB0
	roleB1
	roleB2
	nRoles
)

// roles returns the token in each role (-1 for none).
func (st *pstate) roles() [nRoles]int32 {
	r := [nRoles]int32{-1, -1, -1, st.b0, st.b0 + 1, st.b0 + 2}
	ns := len(st.stack)
	for k := 0; k < 3 && k < ns; k++ {
		r[roleS0+k] = st.stack[ns-1-k]
	}
	if int(r[roleB1]) > st.n {
		r[roleB1] = -1
	}
	if int(r[roleB2]) > st.n {
		r[roleB2] = -1
	}
	return r
}

// staticFeatures appends the unigram features of token i (-1: none) in
// role r.
func staticFeatures(dst []uint64, in *pinput, r int, i int32) []uint64 {
	w, p, wp, u := uint64(noneVal), uint64(noneVal), uint64(noneVal), uint64(noneVal)
	if i >= 0 {
		w, p, wp, u = in.word[i], in.tag[i], in.wp[i], in.upos[i]
	}
	switch r {
	case roleS0:
		return append(dst, feat1(fpS0w, w), feat1(fpS0p, p), feat1(fpS0wp, wp), feat1(fpS0u, u))
	case roleS1:
		return append(dst, feat1(fpS1w, w), feat1(fpS1p, p), feat1(fpS1wp, wp))
	case roleS2:
		return append(dst, feat1(fpS2w, w), feat1(fpS2p, p))
	case roleB0:
		return append(dst, feat1(fpB0w, w), feat1(fpB0p, p), feat1(fpB0wp, wp), feat1(fpB0u, u))
	case roleB1:
		return append(dst, feat1(fpB1w, w), feat1(fpB1p, p), feat1(fpB1wp, wp))
	default:
		return append(dst, feat1(fpB2w, w), feat1(fpB2p, p))
	}
}

// allFeatures appends every transition feature of st: the static ones of
// each role and parseFeatures.
func allFeatures(dst []uint64, in *pinput, st *pstate) []uint64 {
	for r, i := range st.roles() {
		dst = staticFeatures(dst, in, r, i)
	}
	return parseFeatures(dst, in, st)
}

// parseFeatures appends the transition features of st to dst, other than
// the static unigram ones (staticFeatures).
func parseFeatures(dst []uint64, in *pinput, st *pstate) []uint64 {
	ns := len(st.stack)
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if ns > 0 {
		s0 = st.stack[ns-1]
		if ns > 1 {
			s1 = st.stack[ns-2]
			if ns > 2 {
				s2 = st.stack[ns-3]
			}
		}
	}
	b0 := st.b0
	b1, b2 := b0+1, b0+2
	if int(b1) > st.n {
		b1 = -1
	}
	if int(b2) > st.n {
		b2 = -1
	}
	var s0L, s0L2, s0R, s0R2, b0L, b0L2, s1R, s1L int32 = -1, -1, -1, -1, -1, -1, -1, -1
	s0w, s0p, s0wp, s0u, s0suf := uint64(noneVal), uint64(noneVal), uint64(noneVal), uint64(noneVal), uint64(noneVal)
	var dist, vl, vr, s0ls, s0rs uint64
	if s0 >= 0 {
		s0L, s0L2, s0R, s0R2 = st.lc1[s0], st.lc2[s0], st.rc1[s0], st.rc2[s0]
		s0w, s0p, s0wp, s0u, s0suf = in.word[s0], in.tag[s0], in.wp[s0], in.upos[s0], in.suf[s0]
		d := b0 - s0
		if d > 5 {
			d = 5 + (d-5)/5
			if d > 9 {
				d = 9
			}
		}
		dist = uint64(d)
		vl, vr = uint64(min(st.nl[s0], 7)), uint64(min(st.nr[s0], 7))
		s0ls, s0rs = st.lset[s0], st.rset[s0]
	}
	b0L, b0L2 = st.lc1[b0], st.lc2[b0]
	if s1 >= 0 {
		s1R, s1L = st.rc1[s1], st.lc1[s1]
	}
	b0w, b0p, b0wp, b0u := in.word[b0], in.tag[b0], in.wp[b0], in.upos[b0]
	s1w, s1p, s1wp, s1u := in.wordAt(s1), in.tagAt(s1), uint64(noneVal), uint64(noneVal)
	if s1 >= 0 {
		s1wp, s1u = in.wp[s1], in.upos[s1]
	}
	b1p, b2p := in.tagAt(b1), in.tagAt(b2)
	s0Lp, s0Rp, b0Lp := in.tagAt(s0L), in.tagAt(s0R), in.tagAt(b0L)
	b0vl := uint64(min(st.nl[b0], 7))
	lab := func(i int32) uint64 {
		if i < 0 {
			return noneVal
		}
		return uint64(st.rels[i])
	}
	return append(dst,
		feat2(fpS0wpB0wp, s0wp, b0wp),
		feat2(fpS0wpB0w, s0wp, b0w),
		feat2(fpS0wB0wp, s0w, b0wp),
		feat2(fpS0wpB0p, s0wp, b0p),
		feat2(fpS0pB0wp, s0p, b0wp),
		feat2(fpS0wB0w, s0w, b0w),
		feat2(fpS0pB0p, s0p, b0p),
		feat2(fpB0pB1p, b0p, b1p),
		feat3(fpB0pB1pB2p, b0p, b1p, b2p),
		feat3(fpS0pB0pB1p, s0p, b0p, b1p),
		feat3(fpS1pS0pB0p, s1p, s0p, b0p),
		feat3(fpS0pS0LpB0p, s0p, s0Lp, b0p),
		feat3(fpS0pS0RpB0p, s0p, s0Rp, b0p),
		feat3(fpS0pB0pB0Lp, s0p, b0p, b0Lp),
		feat3(fpS0pS0LpS0L2p, s0p, s0Lp, in.tagAt(s0L2)),
		feat3(fpS0pS0RpS0R2p, s0p, s0Rp, in.tagAt(s0R2)),
		feat3(fpB0pB0LpB0L2p, b0p, b0Lp, in.tagAt(b0L2)),
		feat3(fpS1pS0pS0Rp, s1p, s0p, s0Rp),
		feat3(fpS1pS1RpS0p, s1p, in.tagAt(s1R), s0p),
		feat3(fpS2pS1pS0p, in.tagAt(s2), s1p, s0p),
		feat2(fpS0wD, s0w, dist),
		feat2(fpS0pD, s0p, dist),
		feat2(fpB0wD, b0w, dist),
		feat2(fpB0pD, b0p, dist),
		feat3(fpS0wB0wD, s0w, b0w, dist),
		feat3(fpS0pB0pD, s0p, b0p, dist),
		feat2(fpS0wVr, s0w, vr),
		feat2(fpS0pVr, s0p, vr),
		feat2(fpS0wVl, s0w, vl),
		feat2(fpS0pVl, s0p, vl),
		feat2(fpB0wVl, b0w, b0vl),
		feat2(fpB0pVl, b0p, b0vl),
		feat1(fpS0Lw, in.wordAt(s0L)),
		feat1(fpS0Lp, s0Lp),
		feat1(fpS0Ll, lab(s0L)),
		feat1(fpS0Rw, in.wordAt(s0R)),
		feat1(fpS0Rp, s0Rp),
		feat1(fpS0Rl, lab(s0R)),
		feat1(fpS0L2p, in.tagAt(s0L2)),
		feat1(fpS0L2l, lab(s0L2)),
		feat1(fpS0R2p, in.tagAt(s0R2)),
		feat1(fpS0R2l, lab(s0R2)),
		feat1(fpB0Lw, in.wordAt(b0L)),
		feat1(fpB0Lp, b0Lp),
		feat1(fpB0Ll, lab(b0L)),
		feat1(fpB0L2p, in.tagAt(b0L2)),
		feat1(fpB0L2l, lab(b0L2)),
		feat1(fpS1Rp, in.tagAt(s1R)),
		feat1(fpS1Rl, lab(s1R)),
		feat1(fpS1Lp, in.tagAt(s1L)),
		feat2(fpS0wLset, s0w, s0ls),
		feat2(fpS0pLset, s0p, s0ls),
		feat2(fpS0wRset, s0w, s0rs),
		feat2(fpS0pRset, s0p, s0rs),
		feat2(fpB0wLset, b0w, st.lset[b0]),
		feat2(fpB0pLset, b0p, st.lset[b0]),
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
		feat3(fpS0pS0LlS0Rl, s0p, lab(s0L), lab(s0R)),
		feat3(fpB0pB0LlB0L2l, b0p, lab(b0L), lab(b0L2)),
		feat3(fpS1S0B0B1p, s1p<<16|s0p, b0p, b1p),
		feat2(fpS0wB0Lw, s0w, in.wordAt(b0L)),
		feat3(fpS0pB0pB0Ll, s0p, b0p, lab(b0L)),
		feat2(fpS0wB1p, s0w, b1p),
		feat2(fpB0wB1w, b0w, in.wordAt(b1)),
	)
}

// Label feature templates; each is conjoined with the arc's direction.
const (
	flDw = 400 + 2*iota
	flDp
	flDwp
	flHw
	flHp
	flHwp
	flDpHp
	flDwHp
	flDpHw
	flDwHw
	flDpHpD
	flDpDLl
	flDpDRl
	flDpDLp
	flDpDRp
	flDpVal
	flHpHLl
	flHpHL2l
	flHpHRl
	flDpNext
	flDpPrev
	flDpHpNext
	flDsufDp
	flDuHu
	flDu
	flDpDLset
	flDpDRset
	flHpHLset
	flDwDLl
	flDpDLw
	flDLwHp
	flDLwHw
	flHpHL2lHLl
)

// labelFeatures appends the relation features of the arc h -> d.
func labelFeatures(dst []uint64, in *pinput, st *pstate, h, d int32) []uint64 {
	dir := uint64(0)
	if d > h {
		dir = 1
	}
	dist := h - d
	if dist < 0 {
		dist = -dist
	}
	if dist > 5 {
		dist = 5 + (dist-5)/5
		if dist > 9 {
			dist = 9
		}
	}
	dw, dp, dwp, du := in.word[d], in.tag[d], in.wp[d], in.upos[d]
	hw, hp, hwp, hu := in.word[h], in.tag[h], in.wp[h], in.upos[h]
	lab := func(i int32) uint64 {
		if i < 0 {
			return noneVal
		}
		return uint64(st.rels[i])
	}
	next := max(h, d) + 1
	if int(next) > st.n {
		next = -1
	}
	prev := d - 1
	val := uint64(min(st.nl[d], 3)*4 + min(st.nr[d], 3))
	return append(dst,
		feat1(flDw+dir, dw),
		feat1(flDp+dir, dp),
		feat1(flDwp+dir, dwp),
		feat1(flHw+dir, hw),
		feat1(flHp+dir, hp),
		feat1(flHwp+dir, hwp),
		feat2(flDpHp+dir, dp, hp),
		feat2(flDwHp+dir, dw, hp),
		feat2(flDpHw+dir, dp, hw),
		feat2(flDwHw+dir, dw, hw),
		feat3(flDpHpD+dir, dp, hp, uint64(dist)),
		feat2(flDpDLl+dir, dp, lab(st.lc1[d])),
		feat2(flDpDRl+dir, dp, lab(st.rc1[d])),
		feat2(flDpDLp+dir, dp, in.tagAt(st.lc1[d])),
		feat2(flDpDRp+dir, dp, in.tagAt(st.rc1[d])),
		feat2(flDpVal+dir, dp, val),
		feat2(flHpHLl+dir, hp, lab(st.lc1[h])),
		feat2(flHpHL2l+dir, hp, lab(st.lc2[h])),
		feat2(flHpHRl+dir, hp, lab(st.rc1[h])),
		feat2(flDpNext+dir, dp, in.tagAt(next)),
		feat2(flDpPrev+dir, dp, in.tagAt(prev)),
		feat3(flDpHpNext+dir, dp, hp, in.tagAt(next)),
		feat2(flDsufDp+dir, in.suf[d], dp),
		feat2(flDuHu+dir, du, hu),
		feat1(flDu+dir, du),
		feat2(flDpDLset+dir, dp, st.lset[d]),
		feat2(flDpDRset+dir, dp, st.rset[d]),
		feat2(flHpHLset+dir, hp, st.lset[h]),
		feat2(flDwDLl+dir, dw, lab(st.lc1[d])),
		feat2(flDpDLw+dir, dp, in.wordAt(st.lc1[d])),
		feat2(flDLwHp+dir, in.wordAt(st.lc1[d]), hp),
		feat3(flDLwHw+dir, in.wordAt(st.lc1[d]), dp, hw),
		feat3(flHpHL2lHLl+dir, hp, lab(st.lc1[h]), lab(st.lc2[h])),
	)
}

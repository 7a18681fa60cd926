package syntax

// Beam search over the arc-hybrid transitions (Zhang and Clark 2008,
// Zhang and Nivre 2011). A model trained with a beam of width k keeps
// the k best-scoring configurations after each step; a configuration's
// score is the sum of the transition scores of the actions that made it,
// so the parser can prefer an action that looks worse now and pays off
// later ("a SHIFT now, the right head later"). Every parse of n words
// takes exactly 2n steps (n SHIFTs and n arcs), so the items of a beam
// stay in step. Relations are chosen as in greedy parsing, by the
// labeller once an arc is made, and do not enter the score.
//
// Training (trainParserBeam) is the structured perceptron with early
// update (Collins and Roark 2004): the gold item is any item whose
// actions have all cost nothing under the dynamic oracle (oracle.go),
// so that the spurious ambiguity of arc-hybrid does not count as error;
// when none is left in the beam, the weights move towards the best-
// scoring gold candidate's actions and away from the beam's best, and
// the sentence ends there.

// bcand is a candidate item: an action applied to an item of the beam.
type bcand struct {
	score  int64
	parent int32 // index of the item in the current beam
	act    int8
	zero   bool // training: every action so far cost nothing
}

// better orders candidates: higher score first, then lower parent
// index, then lower action, a total order, so the beam is the same on
// every run.
func better(a, b *bcand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.parent != b.parent {
		return a.parent < b.parent
	}
	return a.act < b.act
}

// topK sorts the k best of c to its front and returns them.
func topK(c []bcand, k int) []bcand {
	for i := 1; i < len(c); i++ {
		x := c[i]
		j := i
		for j > 0 && better(&x, &c[j-1]) {
			c[j] = c[j-1]
			j--
		}
		c[j] = x
	}
	if len(c) > k {
		c = c[:k]
	}
	return c
}

// copyFrom makes st a copy of o, reusing st's storage.
func (st *pstate) copyFrom(o *pstate) {
	st.n = o.n
	st.b0 = o.b0
	st.stack = append(st.stack[:0], o.stack...)
	st.heads = append(st.heads[:0], o.heads...)
	st.rels = append(st.rels[:0], o.rels...)
	st.lc1 = append(st.lc1[:0], o.lc1...)
	st.lc2 = append(st.lc2[:0], o.lc2...)
	st.rc1 = append(st.rc1[:0], o.rc1...)
	st.rc2 = append(st.rc2[:0], o.rc2...)
	st.nl = append(st.nl[:0], o.nl...)
	st.nr = append(st.nr[:0], o.nr...)
	st.lset = append(st.lset[:0], o.lset...)
	st.rset = append(st.rset[:0], o.rset...)
}

// beamScratch is the beam's storage in the pooled scratch.
type beamScratch struct {
	cur, next []pstate
	score     []int64
	nscore    []int64
	cands     []bcand
}

// grow makes room for k items.
func (b *beamScratch) grow(k int) {
	if len(b.cur) < k {
		b.cur = append(b.cur, make([]pstate, k-len(b.cur))...)
		b.next = append(b.next, make([]pstate, k-len(b.next))...)
		b.score = make([]int64, k)
		b.nscore = make([]int64, k)
	}
}

// parseBeam parses s (input and static cache set up, s.st reset) with a
// beam of width k and returns the best final configuration.
func (p *Parser) parseBeam(s *scratch, k int) *pstate {
	b := &s.beam
	b.grow(k)
	n := s.st.n
	cur, next := b.cur, b.next
	cur[0].copyFrom(&s.st)
	b.score[0] = 0
	live := 1
	var tsc [nActions]int32
	for step := 0; step < 2*n; step++ {
		cands := b.cands[:0]
		for i := 0; i < live; i++ {
			st := &cur[i]
			if a := st.forced(); a >= 0 {
				cands = append(cands, bcand{score: b.score[i], parent: int32(i), act: int8(a)})
				continue
			}
			p.transScores(s, st, &tsc)
			for a := 0; a < nActions; a++ {
				if st.valid(a) {
					cands = append(cands, bcand{score: b.score[i] + int64(tsc[a]), parent: int32(i), act: int8(a)})
				}
			}
		}
		b.cands = cands
		top := topK(cands, k)
		for j := range top {
			c := &top[j]
			par := &cur[c.parent]
			rel := p.relOf(s, par, int(c.act))
			next[j].copyFrom(par)
			next[j].apply(int(c.act), rel)
			b.nscore[j] = c.score
		}
		live = len(top)
		cur, next = next, cur
		b.score, b.nscore = b.nscore, b.score
	}
	b.cur, b.next = cur, next
	return &cur[0]
}

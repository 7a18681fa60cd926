package syntax

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// hnode is one step of an item's history: the action, its relation and
// the previous step (-1 at the start).
type hnode struct {
	parent int32
	act    int8
	rel    int16
}

// beamTrainer holds the storage of beam training.
type beamTrainer struct {
	trans, label *perceptron
	k            int
	in           pinput
	cur, next    []pstate
	score        []int64
	nscore       []int64
	zero, nzero  []bool
	hist, nhist  []int32
	arena        []hnode
	cands        []bcand
	feats        []uint64
	tsc, lsc     []int64
	a, b         pstate // replay states of an update
	seqA, seqB   []hnode
	updates      int
	steps        int
}

// trainParserBeam trains the transition classifier as a structured
// perceptron over a beam of width o.Beam with early update, and the
// labeller on the arcs of the gold items (see beam.go).
func trainParserBeam(ts []*tsent, nrels int, rootID int32, o TrainOptions, hook func(int, *perceptron, *perceptron)) (*perceptron, *perceptron) {
	k := o.Beam
	bt := &beamTrainer{trans: newPerceptron(nActions), label: newPerceptron(nrels), k: k,
		cur: make([]pstate, k), next: make([]pstate, k),
		score: make([]int64, k), nscore: make([]int64, k),
		zero: make([]bool, k), nzero: make([]bool, k),
		hist: make([]int32, k), nhist: make([]int32, k),
		tsc: make([]int64, nActions), lsc: make([]int64, nrels)}
	rng := rand.New(rand.NewPCG(o.Seed, 0x9a75e))
	start := time.Now()
	for ep := 0; ep < o.ParserEpochs; ep++ {
		bt.updates, bt.steps = 0, 0
		for _, i := range shuffled(len(ts), rng) {
			bt.sentence(ts[i], rootID)
		}
		fmt.Fprintf(o.Log, "syntax: beam %d parser epoch %d: %d early or final updates in %d sentences, %d steps, %d features (%v)\n",
			k, ep+1, bt.updates, len(ts), bt.steps, len(bt.trans.rows), time.Since(start).Round(time.Second))
		if hook != nil {
			hook(ep, bt.trans, bt.label)
		}
	}
	return bt.trans, bt.label
}

// sentence trains on one sentence.
func (bt *beamTrainer) sentence(t *tsent, rootID int32) {
	n := len(t.lx)
	setInput(&bt.in, t.lx, t.predX, t.predU)
	bt.trans.tick()
	bt.arena = bt.arena[:0]
	bt.cur[0].reset(n)
	bt.score[0], bt.zero[0], bt.hist[0] = 0, true, -1
	live := 1
	for step := 0; step < 2*n; step++ {
		bt.steps++
		cands := bt.cands[:0]
		for i := 0; i < live; i++ {
			st := &bt.cur[i]
			if a := st.forced(); a >= 0 {
				cands = append(cands, bcand{score: bt.score[i], parent: int32(i), act: int8(a), zero: bt.zero[i]})
				continue
			}
			bt.feats = allFeatures(bt.feats[:0], &bt.in, st)
			bt.trans.score(bt.tsc, bt.feats)
			for a := 0; a < nActions; a++ {
				if st.valid(a) {
					z := bt.zero[i] && actionCost(st, t.heads, a) == 0
					cands = append(cands, bcand{score: bt.score[i] + bt.tsc[a], parent: int32(i), act: int8(a), zero: z})
				}
			}
		}
		bt.cands = cands
		var gold bcand
		haveGold := false
		for j := range cands {
			if cands[j].zero && (!haveGold || better(&cands[j], &gold)) {
				gold, haveGold = cands[j], true
			}
		}
		top := topK(cands, bt.k)
		inBeam := false
		for j := range top {
			inBeam = inBeam || top[j].zero
		}
		if !inBeam {
			// early update: the gold candidate against the beam's best
			g := bt.push(&bt.cur[gold.parent], bt.hist[gold.parent], int(gold.act), t, rootID, true)
			p := bt.push(&bt.cur[top[0].parent], bt.hist[top[0].parent], int(top[0].act), t, rootID, false)
			bt.update(g, p, n)
			return
		}
		for j := range top {
			c := &top[j]
			par := &bt.cur[c.parent]
			h := bt.push(par, bt.hist[c.parent], int(c.act), t, rootID, c.zero)
			bt.next[j].copyFrom(par)
			nd := bt.arena[h]
			bt.next[j].apply(int(nd.act), int32(nd.rel))
			bt.nscore[j], bt.nzero[j], bt.nhist[j] = c.score, c.zero, h
		}
		live = len(top)
		bt.cur, bt.next = bt.next, bt.cur
		bt.score, bt.nscore = bt.nscore, bt.score
		bt.zero, bt.nzero = bt.nzero, bt.zero
		bt.hist, bt.nhist = bt.nhist, bt.hist
	}
	if !bt.zero[0] {
		for j := 1; j < live; j++ {
			if bt.zero[j] {
				bt.update(bt.hist[j], bt.hist[0], n)
				return
			}
		}
	}
}

// push records action a applied to st (history h) and returns the new
// history node. The relation of an arc comes from the labeller; on a
// gold item the labeller is trained on the arc and the gold relation is
// kept.
func (bt *beamTrainer) push(st *pstate, h int32, a int, t *tsent, rootID int32, gold bool) int32 {
	rel := int32(-1)
	if a != actShift {
		hd, d := st.arc(a)
		if int(hd) == st.n {
			rel = rootID
		} else {
			bt.feats = labelFeatures(bt.feats[:0], &bt.in, st, hd, d)
			bt.label.score(bt.lsc, bt.feats)
			bt.lsc[rootID] = -1 << 60
			g := int32(argmax64(bt.lsc))
			rel = g
			if gold && t.heads[d] == hd {
				bt.label.tick()
				bt.label.update(int(t.rels[d]), int(g), bt.feats)
				rel = t.rels[d]
			}
		}
	}
	bt.arena = append(bt.arena, hnode{parent: h, act: int8(a), rel: int16(rel)})
	return int32(len(bt.arena) - 1)
}

// seq returns the steps of history h in order, in dst.
func (bt *beamTrainer) seq(dst []hnode, h int32) []hnode {
	dst = dst[:0]
	for ; h >= 0; h = bt.arena[h].parent {
		dst = append(dst, bt.arena[h])
	}
	for i, j := 0, len(dst)-1; i < j; i, j = i+1, j-1 {
		dst[i], dst[j] = dst[j], dst[i]
	}
	return dst
}

// update moves the transition weights towards the actions of history g
// and away from those of p, from the first step where they part (the
// steps before it are the same configurations and cancel).
func (bt *beamTrainer) update(g, p int32, n int) {
	bt.updates++
	bt.seqA = bt.seq(bt.seqA, g)
	bt.seqB = bt.seq(bt.seqB, p)
	bt.a.reset(n)
	i := 0
	for i < len(bt.seqA) && i < len(bt.seqB) && bt.seqA[i] == bt.seqB[i] {
		bt.a.apply(int(bt.seqA[i].act), int32(bt.seqA[i].rel))
		i++
	}
	bt.b.copyFrom(&bt.a)
	bt.replay(&bt.a, bt.seqA[i:], 1)
	bt.replay(&bt.b, bt.seqB[i:], -1)
}

// replay applies the steps to st, moving each unforced action's weights
// by d.
func (bt *beamTrainer) replay(st *pstate, steps []hnode, d int32) {
	for _, s := range steps {
		if st.forced() < 0 {
			bt.feats = allFeatures(bt.feats[:0], &bt.in, st)
			bt.trans.add(int(s.act), bt.feats, d)
		}
		st.apply(int(s.act), int32(s.rel))
	}
}

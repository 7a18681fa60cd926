package syntax

import (
	"math"
	"sort"
)

// perceptron is the training-time averaged perceptron (Collins 2002;
// Honnibal's lazy averaging): sparse rows per feature, integer weights,
// and for each weight the running total and the step of its last change,
// so that averaging costs nothing per step.
type perceptron struct {
	nClasses int
	index    map[uint64]int32
	rows     [][]pentry
	updates  []int32 // number of updates that touched each row
	now      int64   // number of examples seen
}

type pentry struct {
	cls   int32
	w     int32
	tot   int64
	stamp int64
}

func newPerceptron(nClasses int) *perceptron {
	return &perceptron{nClasses: nClasses, index: make(map[uint64]int32)}
}

// score fills scores with the current (not averaged) weights.
func (p *perceptron) score(scores []int64, feats []uint64) {
	clear(scores)
	for _, f := range feats {
		i, ok := p.index[f]
		if !ok {
			continue
		}
		for _, e := range p.rows[i] {
			scores[e.cls] += int64(e.w)
		}
	}
}

// tick counts one training example; call it once per example, before
// update.
func (p *perceptron) tick() { p.now++ }

// update moves weight towards truth and away from guess for feats.
func (p *perceptron) update(truth, guess int, feats []uint64) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		i := p.row(f)
		p.updates[i]++
		p.bump(i, truth, 1)
		p.bump(i, guess, -1)
	}
}

// add moves the weights of class cls by d for feats (one side of a
// structured update).
func (p *perceptron) add(cls int, feats []uint64, d int32) {
	for _, f := range feats {
		i := p.row(f)
		p.updates[i]++
		p.bump(i, cls, d)
	}
}

// row returns the row of feature f, adding it if new.
func (p *perceptron) row(f uint64) int32 {
	i, ok := p.index[f]
	if !ok {
		i = int32(len(p.rows))
		p.index[f] = i
		p.rows = append(p.rows, nil)
		p.updates = append(p.updates, 0)
	}
	return i
}

func (p *perceptron) bump(i int32, cls int, d int32) {
	row := p.rows[i]
	for k := range row {
		e := &row[k]
		if int(e.cls) == cls {
			e.tot += int64(e.w) * (p.now - e.stamp)
			e.stamp = p.now
			e.w += d
			return
		}
	}
	p.rows[i] = append(row, pentry{cls: int32(cls), w: d, stamp: p.now})
}

// qrow is one feature row of an exported model.
type qrow struct {
	key  uint32
	ents []uint32
}

// export averages the weights, quantizes them to int16 and drops those
// whose magnitude falls under minQ (on the int16 scale) and the features
// updated fewer than minUpd times, returning rows sorted by key. Features
// whose 32-bit keys collide are merged.
func (p *perceptron) export(minQ, minUpd int) []qrow {
	now := p.now
	if now == 0 {
		now = 1
	}
	maxAbs := 0.0
	avg := make([][]float64, len(p.rows))
	for i, row := range p.rows {
		a := make([]float64, len(row))
		for k, e := range row {
			tot := e.tot + int64(e.w)*(now-e.stamp)
			a[k] = float64(tot) / float64(now)
			maxAbs = math.Max(maxAbs, math.Abs(a[k]))
		}
		avg[i] = a
	}
	if maxAbs == 0 {
		return nil
	}
	scale := 32000 / maxAbs
	byKey := make(map[uint32][]int32)
	for f, i := range p.index {
		if int(p.updates[i]) < minUpd {
			continue
		}
		k := uint32(f)
		d := byKey[k]
		if d == nil {
			d = make([]int32, p.nClasses)
			byKey[k] = d
		}
		for j, e := range p.rows[i] {
			d[e.cls] += int32(math.Round(avg[i][j] * scale))
		}
	}
	keys := make([]uint32, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	out := make([]qrow, 0, len(keys))
	for _, k := range keys {
		d := byKey[k]
		var ents []uint32
		for c, v := range d {
			if v > 32767 {
				v = 32767
			} else if v < -32767 {
				v = -32767
			}
			if v >= int32(minQ) || v <= -int32(minQ) {
				ents = append(ents, uint32(c)<<16|uint32(uint16(int16(v))))
			}
		}
		if len(ents) > 0 {
			out = append(out, qrow{key: k, ents: ents})
		}
	}
	return out
}

// classifierOf builds an inference classifier from exported rows.
func classifierOf(nClasses int, rows []qrow) *classifier {
	keys := make([]uint32, len(rows))
	lens := make([]uint8, len(rows))
	var ents []uint32
	for i, r := range rows {
		keys[i] = r.key
		lens[i] = uint8(len(r.ents))
		ents = append(ents, r.ents...)
	}
	return newClassifier(nClasses, keys, lens, ents)
}

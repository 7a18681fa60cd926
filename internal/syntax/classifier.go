package syntax

import "slices"

// classifier is a linear multi-class model over hashed features, as used
// at inference. Each feature that survived pruning has one row of
// (class, weight) entries, an entry packing class<<16 | uint16(weight);
// weights are int16 and scores int32 sums, so scoring is exact integer
// arithmetic, in any order.
//
// The rows live in an open-addressing table (linear probing, power-of-
// two size, at most half full) of 16-byte slots, four to a cache line,
// from the feature key's low 32 bits: the key and up to three entries
// inline, so that a feature costs one memory access. A longer row keeps
// two entries inline and, in the third word, a reference to the rest:
//
//	overSparse | (count-2)<<23 | offset in over      (up to 9 entries)
//	overDense  | offset in dense                     (more)
//
// A dense row holds a weight for every class but the two inline ones,
// and is added a pair at a time: scores are summed in pairs, each pair
// an int64 held as b<<32 + a (exact, as the sums fit in int32), and the
// dense row keeps its weights in that form (class 2i in the low half),
// so that it costs one load and one add per two classes. Most of the
// tagger's and labeller's time was adding the long rows of their
// frequent features one entry at a time. (Dense rows are under a
// megabyte in all, so the wider form costs little cache.) Entries of
// weight 0 are dropped (they add nothing), so a slot is empty exactly
// when its first entry is 0, and an empty slot adds nothing when read.
type classifier struct {
	nClasses int
	nWords   int // pairs of classes: (nClasses+1)/2
	slots    []cslot
	mask     uint64
	over     []uint32
	dense    []int64 // pairs of weights, b<<32 + a, as add sums them
}

type cslot struct {
	key uint32
	e   [3]uint32
}

const (
	maxOffset  = 1<<23 - 1
	overSparse = 1 << 31
	overDense  = 1 << 30
	maxSparse  = 9 // longest row kept sparse
	// maxClasses bounds a classifier's classes: scores are summed in
	// pairs in a fixed array.
	maxClasses = 256
)

// newClassifier builds the table from rows given as sorted unique 32-bit
// keys, per-row entry counts and the concatenated entries.
func newClassifier(nClasses int, keys []uint32, lens []uint8, ents []uint32) *classifier {
	size := 4
	for size < 2*len(keys) {
		size <<= 1
	}
	nw := (nClasses + 1) / 2
	c := &classifier{nClasses: nClasses, nWords: nw, slots: make([]cslot, size), mask: uint64(size - 1)}
	off := 0
	var row []uint32
	for i, k := range keys {
		row = row[:0]
		for _, e := range ents[off : off+int(lens[i])] {
			if uint16(e) != 0 {
				row = append(row, e)
			}
		}
		off += int(lens[i])
		if len(row) == 0 {
			continue
		}
		var sl cslot
		sl.key = k
		switch {
		case len(row) <= 3:
			copy(sl.e[:], row)
		case len(row) <= maxSparse:
			sl.e[0], sl.e[1] = row[0], row[1]
			sl.e[2] = overSparse | uint32(len(row)-2)<<23 | uint32(len(c.over))
			c.over = append(c.over, row[2:]...)
		default:
			sl.e[0], sl.e[1] = row[0], row[1]
			sl.e[2] = overDense | uint32(len(c.dense))
			off := len(c.dense)
			c.dense = slices.Grow(c.dense, nw)[:off+nw]
			d := c.dense[off:]
			clear(d)
			for _, e := range row[2:] {
				d[e>>17] += int64(int16(uint16(e))) << (32 * (e >> 16 & 1))
			}
		}
		j := uint64(k) & c.mask
		for c.slots[j].e[0] != 0 {
			j = (j + 1) & c.mask
		}
		c.slots[j] = sl
	}
	return c
}

// score fills scores (len nClasses) with the sum over feats. The home
// slots of a batch of features are touched first, in a loop of loads
// alone, so that their cache misses overlap; keys are then compared,
// without a data-dependent branch, from lines now in cache, the few
// features whose home holds another key are probed on, and the rows
// found are added last, into pairs of scores held as b<<32 + a.
func (c *classifier) score(scores []int32, feats []uint64) {
	var acc [maxClasses / 2]int64
	c.add(&acc, feats)
	c.unpack(scores, &acc)
}

// scoreFrom is score with the pairs in base (len nWords, as add leaves
// them) added to the sum.
func (c *classifier) scoreFrom(scores []int32, base []int64, feats []uint64) {
	var acc [maxClasses / 2]int64
	copy(acc[:], base)
	c.add(&acc, feats)
	c.unpack(scores, &acc)
}

// add adds the rows of feats to the pairs of scores in acc.
func (c *classifier) add(acc *[maxClasses / 2]int64, feats []uint64) {
	var found [64]uint32 // slot indices
	var slow [64]uint32  // keys to probe on
	var keys [64]uint32
	slots, mask, nw := c.slots, c.mask, c.nWords
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(found))]
		feats = feats[len(batch):]
		for i, f := range batch {
			keys[i&63] = slots[f&mask].key
		}
		nf, ns := 0, 0
		for i, f := range batch {
			j := f & mask
			k := uint32(f)
			x := uint64(keys[i&63] ^ k)
			other := (x | -x) >> 63 // 1 unless the home slot holds k
			found[nf&63] = uint32(j)
			nf += int(1 - other)
			e0 := uint64(slots[j].e[0])
			slow[ns&63] = k
			ns += int(other & ((e0 | -e0) >> 63)) // another key's slot: probe on
		}
		for _, k := range slow[:ns] {
			j := uint64(k) & mask
			for {
				j = (j + 1) & mask
				s := &slots[j]
				if s.e[0] == 0 {
					break
				}
				if s.key == k {
					found[nf&63] = uint32(j)
					nf++
					break
				}
			}
		}
		for _, j := range found[:nf] {
			s := &slots[j]
			e := s.e[0]
			acc[e>>17&127] += int64(int16(uint16(e))) << (32 * (e >> 16 & 1))
			e = s.e[1]
			acc[e>>17&127] += int64(int16(uint16(e))) << (32 * (e >> 16 & 1))
			e = s.e[2]
			switch {
			case e&(overSparse|overDense) == 0:
				acc[e>>17&127] += int64(int16(uint16(e))) << (32 * (e >> 16 & 1))
			case e&overDense != 0:
				off := int(e & maxOffset)
				d := c.dense[off : off+nw]
				a := acc[:len(d)]
				for i, w := range d {
					a[i] += w
				}
			default:
				off := e & maxOffset
				for _, e := range c.over[off : off+e>>23&0x7f] {
					acc[e>>17&127] += int64(int16(uint16(e))) << (32 * (e >> 16 & 1))
				}
			}
		}
	}
}

// unpack writes the scores of the pairs in acc.
func (c *classifier) unpack(scores []int32, acc *[maxClasses / 2]int64) {
	for i := range scores {
		v := acc[i>>1&127]
		lo := int64(int32(v))
		if i&1 == 0 {
			scores[i] = int32(lo)
		} else {
			scores[i] = int32((v - lo) >> 32)
		}
	}
}

// dense3 is the transition classifier: three classes, so each feature's
// weights sit in its hash slot and a lookup is one memory access. A slot
// is one uint64: the low 16 bits of the feature's 32-bit key as a
// fingerprint in bits 48-63 and the three int16 weights below; 0 is
// empty. The home slot is (key32 * size) >> 32, from the key's high
// bits, so that home and fingerprint together pin the whole key; the
// table is filled to half (at 70% the probes past a full home slot,
// for the many features the model lacks, cost a third of the parse) and
// probed linearly.
type dense3 struct {
	slots []uint64
	size  uint64
}

func dense3Of(rows []qrow) *dense3 {
	size := uint64(len(rows))*2 + 1
	d := &dense3{slots: make([]uint64, size), size: size}
	for _, r := range rows {
		var v uint64
		for _, e := range r.ents {
			v |= uint64(uint16(e)) << (16 * (e >> 16))
		}
		v |= uint64(r.key&0xffff) << 48
		if v == 0 {
			continue // fingerprint 0 and no weight: nothing to store
		}
		j := uint64(r.key) * size >> 32
		for d.slots[j] != 0 {
			if j++; j == size {
				j = 0
			}
		}
		d.slots[j] = v
	}
	return d
}

func (d *dense3) score(scores *[nActions]int32, feats []uint64) {
	// The home slots of a batch are first loaded by a loop that does
	// nothing else, so that the out-of-order window holds as many of the
	// (mostly cache-missing) loads at once as it can; the slots are then
	// read from L1 without a data-dependent branch, and the few whose
	// home holds another key are probed after.
	var a, b, c int32
	var vals [64]uint64
	var slow [64]uint64
	slots, size := d.slots, d.size
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(slow))]
		feats = feats[len(batch):]
		for i, f := range batch {
			vals[i&63] = slots[uint64(uint32(f))*size>>32]
		}
		ns := 0
		for i, f := range batch {
			k := uint64(uint32(f))
			v := vals[i&63]
			x := v>>48 ^ k&0xffff
			miss := (x | -x) >> 63 // 1 when the fingerprint differs
			w := v & (miss - 1)    // the weights on a match, else 0
			a += int32(int16(w))
			b += int32(int16(w >> 16))
			c += int32(int16(w >> 32))
			slow[ns&63] = k
			ns += int(miss & ((v | -v) >> 63)) // another key's slot: probe on
		}
		a, b, c = d.probe(slow[:ns], a, b, c)
	}
	scores[0], scores[1], scores[2] = a, b, c
}

// probe adds the weights of keys (32-bit) whose home slot holds another
// key, probing on from the slot after it.
func (d *dense3) probe(keys []uint64, a, b, c int32) (int32, int32, int32) {
	for _, k := range keys {
		fp := k & 0xffff
		j := k * d.size >> 32
		for {
			if j++; j == d.size {
				j = 0
			}
			v := d.slots[j]
			if v == 0 {
				break
			}
			if v>>48 == fp {
				a += int32(int16(v))
				b += int32(int16(v >> 16))
				c += int32(int16(v >> 32))
				break
			}
		}
	}
	return a, b, c
}

// scoreEach sets each sums[k].w, for the k in owner, to the scores of
// the features whose owner is k, and marks it ok: score for many sums at once (the static
// features of every word in every role, say), so that the cache misses
// of all their features overlap. Each feature is looked up as score
// looks it up.
func (d *dense3) scoreEach(sums []staticScore, feats []uint64, owner []int32) {
	for _, k := range owner {
		sums[k] = staticScore{ok: true}
	}
	var vals [64]uint64
	var one [1]uint64
	slots, size := d.slots, d.size
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(vals))]
		own := owner[:len(batch)]
		feats, owner = feats[len(batch):], owner[len(batch):]
		for i, f := range batch {
			vals[i&63] = slots[uint64(uint32(f))*size>>32]
		}
		for i, f := range batch {
			k := uint64(uint32(f))
			v := vals[i&63]
			w := &sums[own[i]].w
			if v>>48 == k&0xffff {
				w[0] += int32(int16(v))
				w[1] += int32(int16(v >> 16))
				w[2] += int32(int16(v >> 32))
			} else if v != 0 { // another key's slot: probe on
				one[0] = k
				w[0], w[1], w[2] = d.probe(one[:], w[0], w[1], w[2])
			}
		}
	}
}

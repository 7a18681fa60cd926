package syntax

// classifier is a linear multi-class model over hashed features, as used
// at inference. Each feature that survived pruning has one row of
// (class, weight) entries, stored contiguously in ents; slots is an
// open-addressing table (linear probing, power-of-two size) from the
// feature key's low 32 bits to its row:
//
//	slot = key32<<32 | offset<<8 | length     (0: empty)
//
// where offset indexes ents and length is the row's entry count. An entry
// packs class<<16 | uint16(weight); weights are int16 and scores int32
// sums, so scoring is exact integer arithmetic.
type classifier struct {
	nClasses int
	slots    []uint64
	mask     uint64
	ents     []uint32
}

const maxOffset = 1<<24 - 1

// newClassifier builds the table from rows given as sorted unique 32-bit
// keys, per-row entry counts and the concatenated entries.
func newClassifier(nClasses int, keys []uint32, lens []uint8, ents []uint32) *classifier {
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	c := &classifier{nClasses: nClasses, slots: make([]uint64, size), mask: uint64(size - 1), ents: ents}
	off := 0
	for i, k := range keys {
		v := uint64(k)<<32 | uint64(off)<<8 | uint64(lens[i])
		j := uint64(k) & c.mask
		for c.slots[j] != 0 {
			j = (j + 1) & c.mask
		}
		c.slots[j] = v
		off += int(lens[i])
	}
	return c
}

// row returns the entries of feature key, nil when the model lacks it.
func (c *classifier) row(key uint64) []uint32 {
	k := key & 0xffffffff
	j := k & c.mask
	for {
		s := c.slots[j]
		if s == 0 {
			return nil
		}
		if s>>32 == k {
			off := (s >> 8) & maxOffset
			n := s & 0xff
			return c.ents[off : off+n]
		}
		j = (j + 1) & c.mask
	}
}

// score fills scores (len nClasses) with the sum over feats. It looks
// the rows up first and adds their entries after, so that the memory
// loads of different features overlap.
func (c *classifier) score(scores []int32, feats []uint64) {
	clear(scores)
	var found [64]uint64
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(found))]
		feats = feats[len(batch):]
		nf := 0
		for _, f := range batch {
			k := f & 0xffffffff
			j := k & c.mask
			s := c.slots[j]
			for s != 0 && s>>32 != k {
				j = (j + 1) & c.mask
				s = c.slots[j]
			}
			found[nf] = s
			nf += int((s | -s) >> 63) // branch-free: 1 when found
		}
		for _, s := range found[:nf] {
			off := (s >> 8) & maxOffset
			for _, e := range c.ents[off : off+s&0xff] {
				scores[e>>16] += int32(int16(uint16(e)))
			}
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
	// The home slot of each feature is read without a data-dependent
	// branch, so that the loads of all features overlap; the few whose
	// home holds another key are probed after.
	var a, b, c int32
	var slow [32]uint64
	for len(feats) > 0 {
		batch := feats[:min(len(feats), 64)]
		feats = feats[len(batch):]
		ns := 0
		for _, f := range batch {
			k := uint64(uint32(f))
			v := d.slots[k*d.size>>32]
			x := v>>48 ^ k&0xffff
			miss := (x | -x) >> 63 // 1 when the fingerprint differs
			w := v & (miss - 1)    // the weights on a match, else 0
			a += int32(int16(w))
			b += int32(int16(w >> 16))
			c += int32(int16(w >> 32))
			if miss&((v|-v)>>63) != 0 { // another key's slot: probe on
				if ns == len(slow) {
					a, b, c = d.probe(slow[:ns], a, b, c)
					ns = 0
				}
				slow[ns] = k
				ns++
			}
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

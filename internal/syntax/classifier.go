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

// add adds the weights of feature key to scores.
func (c *classifier) add(scores []int32, key uint64) {
	for _, e := range c.row(key) {
		scores[e>>16] += int32(int16(uint16(e)))
	}
}

// score fills scores (len nClasses) with the sum over feats.
func (c *classifier) score(scores []int32, feats []uint64) {
	clear(scores)
	for _, f := range feats {
		c.add(scores, f)
	}
}

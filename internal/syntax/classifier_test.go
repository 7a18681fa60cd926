package syntax

import (
	"math/rand/v2"
	"testing"
)

// refScore is the plain sum of the rows of feats, the definition the
// lookup tables must reproduce exactly.
func refScore(rows map[uint32][]uint32, nc int, feats []uint64) []int32 {
	out := make([]int32, nc)
	for _, f := range feats {
		for _, e := range rows[uint32(f)] {
			out[e>>16] += int32(int16(uint16(e)))
		}
	}
	return out
}

// TestTablesScoreExactly checks every classifier of the embedded model
// against refScore on batches of features: keys the model has (each at
// least once), keys it lacks, duplicates, and batches longer than the
// scoring loops' own batches.
func TestTablesScoreExactly(t *testing.T) {
	d, err := decodeModel(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	m := buildModel(d)
	rng := rand.New(rand.NewPCG(1, 2))
	for c, rows := range d.classifiers {
		if len(rows) == 0 {
			continue
		}
		ref := make(map[uint32][]uint32, len(rows))
		keys := make([]uint64, len(rows))
		for i, r := range rows {
			ref[r.key] = r.ents
			keys[i] = uint64(r.key) | rng.Uint64()<<32 // high bits are ignored
		}
		rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		nc := d.classes[c]
		got := make([]int32, nc)
		var feats []uint64
		for pos, n := 0, 0; pos < len(keys); n++ {
			feats = feats[:0]
			size := 1 + rng.IntN(150)
			for len(feats) < size && pos < len(keys) {
				switch rng.IntN(4) {
				case 0:
					feats = append(feats, rng.Uint64()) // most likely absent
				case 1:
					if len(feats) > 0 {
						feats = append(feats, feats[rng.IntN(len(feats))])
						continue
					}
					fallthrough
				default:
					feats = append(feats, keys[pos])
					pos++
				}
			}
			want := refScore(ref, nc, feats)
			if c == 2 {
				var s [nActions]int32
				m.trans.score(&s, feats)
				copy(got, s[:])
			} else {
				cl := []*classifier{m.tagger, m.uposC, nil, m.label, m.tagger2}[c]
				cl.score(got, feats)
			}
			for k := range want {
				if got[k] != want[k] {
					t.Fatalf("classifier %d, batch %d of %d features: class %d scores %d, want %d", c, n, len(feats), k, got[k], want[k])
				}
			}
		}
	}
}

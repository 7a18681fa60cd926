package coder

// Word signatures: a quick, exact test that a pattern cannot match at a
// trigger because a word it needs is nowhere near. matchOne compares each
// of a pattern's words with the lemma and the form of the tokens after the
// trigger (or, for a passive, before it), and a verb has many patterns
// (PETRARCH's "say" hundreds) that mostly fail; the signature test skips
// those whose words the window lacks, leaving the answer as it was.

// sigBits is the size of a signature: one bit per word hash.
const sigBits = 512

// wordSig is the set of the hash bits of some words.
type wordSig [sigBits / 64]uint64

// sigBit is the signature bit of word w (FNV-1a).
func sigBit(w string) uint16 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return uint16(h % sigBits)
}

func (g *wordSig) add(b uint16)      { g[b>>6] |= 1 << (b & 63) }
func (g *wordSig) has(b uint16) bool { return g[b>>6]&(1<<(b&63)) != 0 }

// needs returns, for pattern p, one list of signature bits per word
// matchOne must find: each particle of the trigger after its first word,
// and each follow item but the actor (any of its alternatives).
func needs(p *pattern) [][]uint16 {
	var out [][]uint16
	for _, w := range p.trigger[1:] {
		out = append(out, []uint16{sigBit(w)})
	}
	for _, alts := range p.follow {
		if alts[0] == actorItem {
			continue
		}
		bits := make([]uint16, len(alts))
		for i, a := range alts {
			bits[i] = sigBit(a)
		}
		out = append(out, bits)
	}
	return out
}

// windowSig is the signature of the lemmas and forms of tokens [from, end)
// within the sentence; nil (which mayMatch takes for any word) for a
// window past its end.
func (s *sentence) windowSig(from, end int) *wordSig {
	if end > s.last {
		return nil
	}
	if s.sigBits == nil {
		s.sigBits = make([]uint16, 0, 2*(s.last-s.first))
		for k := s.first; k < s.last; k++ {
			t := s.tok(k)
			s.sigBits = append(s.sigBits, sigBit(t.Lemma), sigBit(t.Lower))
		}
	}
	g := &s.sig
	*g = wordSig{}
	for k := max(from, s.first) - s.first; k < end-s.first; k++ {
		g.add(s.sigBits[2*k])
		g.add(s.sigBits[2*k+1])
	}
	return g
}

// mayMatch reports whether every word p needs has its bit in g: false
// means no token of g's window is one of them, and p cannot match there.
func mayMatch(p *pattern, g *wordSig) bool {
	if g == nil {
		return true
	}
	for _, bits := range p.need {
		found := false
		for _, b := range bits {
			if g.has(b) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

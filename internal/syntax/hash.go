package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Feature keys are 64-bit hashes of a template number and up to three
// values (word hashes, tag ids, small counts). Training and inference
// compute them with the same functions below; the model file keeps only
// their low 32 bits (see model.go).

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashBytes is FNV-1a over b.
func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashString is FNV-1a over s; it does not allocate.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func mix(h uint64) uint64 {
	h ^= h >> 31
	h *= 0x7fb5d329728ea185
	h ^= h >> 27
	h *= 0x81dadef4bc2dd44d
	h ^= h >> 33
	return h
}

// fin finishes a feature key: one multiply, folding the high bits into
// the low 32 the model keeps.
func fin(h uint64) uint64 {
	h *= 0xd6e8feb86659fd93
	return h ^ h>>32
}

// feat1, feat2 and feat3 combine a template number with one, two or three
// values into a feature key. Values are either hashes or small ids; the
// multiplications by odd constants keep distinct inputs apart.
func feat1(t, a uint64) uint64 { return fin(t*0x9e3779b97f4a7c15 ^ a) }
func feat2(t, a, b uint64) uint64 {
	return fin((t*0x9e3779b97f4a7c15^a)*0xc2b2ae3d27d4eb4f ^ b)
}
func feat3(t, a, b, c uint64) uint64 {
	return fin(((t*0x9e3779b97f4a7c15^a)*0xc2b2ae3d27d4eb4f^b)*0x165667b19e3779f9 ^ c)
}

// lex is what the tagger and parser know of one token's spelling: hashes
// of its lowercase form, affixes and shape, computed once per token.
type lex struct {
	form  uint64    // form as written (the tag dictionary's key)
	amb   uint64    // hash of the tags training gave the lowercase form (0: unknown)
	word  uint64    // lowercase form
	suf   [4]uint64 // last 1..4 runes of the lowercase form
	pre   [3]uint64 // first 1..3 runes
	shape uint64    // Xxdd- shape with runs cut at 3
	flags uint64    // bit 0 capitalized, 1 all caps, 2 has digit, 3 has hyphen, 4 has letter
	aux   uint8     // auxLike class of the lowercase form (0: none)
	irr   uint8     // irregular past or participle (irregularForm.class)
}

// auxWords classes the words that decide the form of the verb after
// them: forms of be (1), have (2), get (3), modals (4), to (5), do (6).
// The tagger looks back for the nearest one ("were released", "has
// killed" against "jets struck targets").
var auxWords = func() map[uint64]uint8 {
	m := map[uint64]uint8{}
	for c, ws := range [][]string{
		{"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "s"},
		{"have", "has", "had", "having", "'ve", "'d"},
		{"get", "gets", "got", "gotten", "getting"},
		{"will", "would", "can", "could", "may", "might", "must", "shall", "should", "wo", "ca", "'ll"},
		{"to"},
		{"do", "does", "did", "n't", "not"},
	} {
		for _, w := range ws {
			m[hashString(w)] = uint8(c + 1)
		}
	}
	return m
}()

// makeLex fills l from form, using buf as scratch for the lowercase
// bytes; it returns buf for reuse.
func makeLex(l *lex, form string, buf []byte) []byte { return fillLex(l, form, buf, true) }

// wordLex fills only what the parser and the UPOS classifier read of a
// token whose tag is given (word and suf[2]; amb is setAmb's), as makeLex
// fills them, and zeroes the rest: the tagger's affixes, shape and
// classes are a third of makeLex's work, and its two map lookups.
func wordLex(l *lex, form string, buf []byte) []byte { return fillLex(l, form, buf, false) }

// fillLex is makeLex, of every field when all is set, else as wordLex.
func fillLex(l *lex, form string, buf []byte, all bool) []byte {
	buf = buf[:0]
	var ends [64]int32 // byte offset after each rune of the lowercase form, first 64 runes
	nr := 0
	shape := uint64(fnvOffset)
	var last rune = -1
	run := 0
	var flags uint64
	upper, letters := 0, 0
	for i, r := range form {
		lr := r
		var sc rune
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				lr = r + 32
				sc = 'X'
				upper++
				letters++
			} else if 'a' <= r && r <= 'z' {
				sc = 'x'
				letters++
			} else if '0' <= r && r <= '9' {
				sc = 'd'
				flags |= 4
			} else {
				sc = r
				if r == '-' {
					flags |= 8
				}
			}
		case unicode.IsUpper(r):
			lr = unicode.ToLower(r)
			sc = 'X'
			upper++
			letters++
		case unicode.IsLetter(r):
			sc = 'x'
			letters++
		case unicode.IsDigit(r):
			sc = 'd'
			flags |= 4
		default:
			sc = r
		}
		if i == 0 && sc == 'X' {
			flags |= 1
		}
		if sc == last {
			run++
		} else {
			run = 0
			last = sc
		}
		if run < 3 {
			shape ^= uint64(sc)
			shape *= fnvPrime
		}
		buf = utf8.AppendRune(buf, lr)
		if nr < len(ends) {
			ends[nr] = int32(len(buf))
		}
		nr++
	}
	if letters > 1 && upper == letters {
		flags |= 2
	}
	if letters > 0 {
		flags |= 16
	}
	l.word = hashBytes(buf)
	if all {
		l.aux = auxWords[l.word]
		l.irr = irregularClass[l.word]
		l.shape = shape
		l.flags = flags
		l.form = hashString(form)
	} else {
		*l = lex{word: l.word}
	}
	n := len(buf)
	// suffixes: last k runes
	for k := 1; k <= 4; k++ {
		if !all && k != 3 {
			continue
		}
		if k > nr {
			l.suf[k-1] = l.word
			continue
		}
		// start of the k-th rune from the end
		st := 0
		if nr-k-1 >= 0 && nr-k-1 < len(ends) {
			st = int(ends[nr-k-1])
		} else if nr-k > 0 {
			// beyond the first 64 runes: walk back
			st = n
			for j := 0; j < k; j++ {
				_, sz := utf8.DecodeLastRune(buf[:st])
				st -= sz
			}
		}
		l.suf[k-1] = hashBytes(buf[st:])
	}
	for k := 1; k <= 3 && all; k++ {
		if k > nr {
			l.pre[k-1] = l.word
			continue
		}
		l.pre[k-1] = hashBytes(buf[:ends[k-1]])
	}
	return buf
}

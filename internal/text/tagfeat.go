package text

import "strings"

// The tagger's feature templates, in the order predict adds them. A
// feature's name in the model is the template's name and its parts joined
// by spaces ("i suffix ing", "i-1 tag+i word DT attack").
const (
	ftBias        = iota // bias
	ftSuffix             // i suffix: the word's last three bytes
	ftPref1              // i pref1: its first byte
	ftPrevTag            // i-1 tag
	ftPrev2Tag           // i-2 tag
	ftTagPair            // i tag+i-2 tag: two parts, the tags before
	ftWord               // i word: the word normalized
	ftPrevTagWord        // i-1 tag+i word: two parts
	ftPrevWord           // i-1 word
	ftPrevSuffix         // i-1 suffix
	ftPrev2Word          // i-2 word
	ftNextWord           // i+1 word
	ftNextSuffix         // i+1 suffix
	ftNext2Word          // i+2 word
	ftOther              // a name of no template: never looked up, kept to find duplicates
	nTemplates
)

// templateNames are the templates' names as the model spells them.
var templateNames = [nTemplates]string{"bias", "i suffix", "i pref1", "i-1 tag", "i-2 tag", "i tag+i-2 tag", "i word",
	"i-1 tag+i word", "i-1 word", "i-1 suffix", "i-2 word", "i+1 word", "i+1 suffix", "i+2 word", ""}

// twoParts reports the templates with two parts, the first a tag.
func twoParts(tpl int) bool { return tpl == ftTagPair || tpl == ftPrevTagWord }

// featTable finds a feature's index from its template and parts without
// building its name: an open-addressing table (linear probing, power-of-
// two size, at most half full) of the features' 64-bit hashes (of the
// template and the FNV-1a hashes of the parts). A found entry is checked
// against the feature's whole hash, one load, not against its name (the
// name's bytes were two more dependent loads and a compare, a third of
// the tagger's time): two features of the model with the same hash would
// be refused as one name twice when the model loads, and a word the
// model lacks is taken for a feature only if its hash collides with one,
// about once in 2^64 lookups.
type featTable struct {
	slots  []uint64 // the hash's high 32 bits, then feature index + 1; 0: empty
	mask   uint64
	hashes []uint64 // feature index -> its hash
	names  []string // feature index -> name
	// rows is the table the tagger reads once the model is loaded
	// (compile): the same features at the same slots, each slot holding
	// the whole hash and where the feature's weights lie, so that a
	// lookup is one memory access where find takes three dependent ones
	// (the slot, the hash, the offsets).
	rows []rowSlot
}

// rowSlot is a feature's slot in featTable.rows: its hash and its
// weights' range ws[off:off+n-1]; n is 0 for an empty slot.
type rowSlot struct {
	hash   uint64
	off, n uint32
}

// newFeatTable returns a table sized for n features.
func newFeatTable(n int) *featTable {
	size := 4
	for size < 2*n {
		size <<= 1
	}
	return &featTable{slots: make([]uint64, size), mask: uint64(size - 1), hashes: make([]uint64, 0, n), names: make([]string, 0, n)}
}

// strHash is FNV-1a over s.
func strHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// emptyHash is strHash(""), the part hash of the bias feature.
var emptyHash = strHash("")

// fmix is MurmurHash3's 64-bit finalizer.
func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// featHash is the hash of a feature of template tpl whose parts hash to a
// and b (b 0 for a template of one part).
func featHash(tpl int, a, b uint64) uint64 {
	return fmix(fmix(uint64(tpl+1)*0x9e3779b97f4a7c15^a) + b)
}

// parseName splits a feature's name into its template and parts (x, y).
func parseName(name string) (tpl int, x, y string, split int) {
	if name == templateNames[ftBias] {
		return ftBias, "", "", len(name)
	}
	for k := ftSuffix; k < ftOther; k++ {
		p := templateNames[k]
		if len(name) <= len(p) || name[len(p)] != ' ' || !strings.HasPrefix(name, p) {
			continue
		}
		rest := name[len(p)+1:]
		if !twoParts(k) {
			return k, rest, "", len(name)
		}
		// the first part is a tag, with no space in it: the name's
		// first space after the template's parts the two
		j := strings.IndexByte(rest, ' ')
		if j < 0 {
			break
		}
		return k, rest[:j], rest[j+1:], len(p) + 1 + j
	}
	return ftOther, name, "", len(name)
}

// insert adds the feature name as index len(names); it reports false when
// the name is there already.
func (ft *featTable) insert(name string) bool {
	tpl, x, y, _ := parseName(name)
	var hy uint64
	if twoParts(tpl) {
		hy = strHash(y)
	}
	h := featHash(tpl, strHash(x), hy)
	if ft.find(h) >= 0 {
		return false
	}
	ft.hashes = append(ft.hashes, h)
	ft.names = append(ft.names, name)
	j := h & ft.mask
	for ft.slots[j] != 0 {
		j = (j + 1) & ft.mask
	}
	ft.slots[j] = h>>32<<32 | uint64(len(ft.names))
	return true
}

// compile fills rows from the slots, with feature i's weights at
// ws[offs[i]:offs[i+1]].
func (ft *featTable) compile(offs []int32) {
	ft.rows = make([]rowSlot, len(ft.slots))
	for j, s := range ft.slots {
		if s == 0 {
			continue
		}
		i := int32(uint32(s)) - 1
		ft.rows[j] = rowSlot{hash: ft.hashes[i], off: uint32(offs[i]), n: uint32(offs[i+1]-offs[i]) + 1}
	}
}

// weights returns the range [lo, hi) of ws holding the weights of the
// feature whose hash is h, as find and offs give it; lo == hi when the
// model lacks the feature. The slot of j = h&mask is passed in, loaded
// ahead by the caller (see Tagger.predict).
func (ft *featTable) weights(h uint64, home rowSlot) (lo, hi uint32) {
	s, j := home, h&ft.mask
	for s.n != 0 {
		if s.hash == h {
			return s.off, s.off + s.n - 1
		}
		j = (j + 1) & ft.mask
		s = ft.rows[j]
	}
	return 0, 0
}

// find returns the index of the feature whose hash is h, or -1.
func (ft *featTable) find(h uint64) int32 {
	tag := h >> 32
	for j := h & ft.mask; ; j = (j + 1) & ft.mask {
		s := ft.slots[j]
		if s == 0 {
			return -1
		}
		if s>>32 == tag {
			if i := int32(uint32(s)) - 1; ft.hashes[i] == h {
				return i
			}
		}
	}
}

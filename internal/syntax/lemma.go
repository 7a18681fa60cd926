package syntax

import (
	"sort"
	"strings"
)

// The lemmatizer, learned from the treebank:
//
//  1. an exception table from (lowercase form, XPOS) to lemma, holding the
//     pairs that the rules below get wrong (irregular verbs, "I", ...);
//  2. suffix rules: for (XPOS, last k bytes of the lowercase form), the
//     most frequent edit "cut c bytes, append s", longest matching suffix
//     first. Proper nouns (NNP, NNPS) keep the case of the form, as EWT
//     does; other words are lowercased first.

const maxSuffix = 6

type lemmaRule struct {
	cut int
	add string
}

type lemmatizer struct {
	exc   hashIndex // hash(lower, xpos) -> index into excLemma
	lemma []string
	rules hashIndex // hash(xpos, suffix) -> index into rule
	rule  []lemmaRule
	// knownSet holds the lemmas and base forms (VB, VBP, NN, JJ) of the
	// treebank (keys: knownKey), infl each XPOS tag's inflection kind; see
	// morph.go.
	knownSet hashIndex
	infl     []uint8

	excKeyList, ruleKeyList, knownKeyList []uint64 // as built, for the model file
}

func inflections(xpos []string) []uint8 {
	out := make([]uint8, len(xpos))
	for i, x := range xpos {
		out[i] = uint8(inflectionOf(x))
	}
	return out
}

func lemmaKey(lowerHash uint64, xpos int) uint64 { return feat2(900, lowerHash, uint64(xpos)) }
func ruleKey(xpos int, suffix string) uint64 {
	return feat2(901, uint64(xpos), hashString(suffix)^uint64(len(suffix))<<58)
}

func properTag(xpos string) bool { return xpos == "NNP" || xpos == "NNPS" }

// lemmatize returns the lemma of a token; lower is its lowercase form,
// lowerHash the hash of lower.
func (lm *lemmatizer) lemmatize(form, lower string, lowerHash uint64, xpos int, proper bool) string {
	if i, ok := lm.exc.get(lemmaKey(lowerHash, xpos)); ok {
		return lm.lemma[i]
	}
	if proper {
		return lm.applyRule(form, lower, xpos)
	}
	return lm.ruleOrStem(lower, xpos)
}

// ruleOrStem is the lemma of a lowercase word that is not an exception:
// a known stem of an inflected word, else the suffix rule's.
func (lm *lemmatizer) ruleOrStem(lower string, xpos int) string {
	r := lm.applyRule(lower, lower, xpos)
	if xpos < len(lm.infl) && lm.infl[xpos] != inflNone {
		if s, ok := lm.stem(lower, r, int(lm.infl[xpos])); ok {
			return s
		}
	}
	return r
}

func (lm *lemmatizer) applyRule(base, lower string, xpos int) string {
	for k := min(maxSuffix, len(lower)); k >= 0; k-- {
		if i, ok := lm.rules.get(ruleKey(xpos, lower[len(lower)-k:])); ok {
			r := lm.rule[i]
			if r.cut > len(base) || r.cut >= len(base) && r.add == "" {
				return base
			}
			if r.add == "" {
				return base[:len(base)-r.cut]
			}
			return base[:len(base)-r.cut] + r.add
		}
	}
	return base
}

// lemmaExample is one training token for the lemmatizer.
type lemmaExample struct {
	form, lower, lemma string
	xpos               int
	proper             bool
}

// trainLemmatizer learns the rules and exceptions from examples; xpos
// names the tag ids.
func trainLemmatizer(ex []lemmaExample, xpos []string, minRule int) *lemmatizer {
	type rk struct {
		xpos int
		suf  string
	}
	// Rules are counted over word types (a frequent word counts once),
	// which predicts unseen words better, and only where the edit stays
	// inside the suffix (so "usb" -> "USB" says nothing of "gisb").
	type tk struct {
		base, lower, lemma string
		xpos               int
	}
	types := map[tk]int{}
	for _, e := range ex {
		if e.lemma == "_" || e.lemma == "" {
			continue
		}
		base := e.lower
		if e.proper {
			base = e.form
		}
		types[tk{base, e.lower, e.lemma, e.xpos}]++
	}
	type rc struct{ types, tokens int }
	counts := map[rk]map[lemmaRule]rc{}
	edit := func(base, lemma string) lemmaRule {
		p := 0
		for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
			p++
		}
		return lemmaRule{cut: len(base) - p, add: lemma[p:]}
	}
	for t, n := range types {
		r := edit(t.base, t.lemma)
		if len(t.base) != len(t.lower) {
			continue // case folding changed the length; leave it to the exceptions
		}
		for k := r.cut; k <= maxSuffix && k <= len(t.lower); k++ {
			key := rk{t.xpos, t.lower[len(t.lower)-k:]}
			m := counts[key]
			if m == nil {
				m = map[lemmaRule]rc{}
				counts[key] = m
			}
			c := m[r]
			c.types++
			c.tokens += n
			m[r] = c
		}
	}
	keys := make([]rk, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].xpos != keys[b].xpos {
			return keys[a].xpos < keys[b].xpos
		}
		return keys[a].suf < keys[b].suf
	})
	lm := &lemmatizer{infl: inflections(xpos)}
	known := map[uint64]bool{}
	for _, e := range ex {
		if e.lemma != "_" && e.lemma != "" {
			known[knownKey(hashString(strings.ToLower(e.lemma)))] = true
		}
		switch xpos[e.xpos] {
		case "VB", "VBP", "NN", "JJ":
			known[knownKey(hashString(e.lower))] = true
		}
	}
	for k := range known {
		lm.knownKeyList = append(lm.knownKeyList, k)
	}
	sort.Slice(lm.knownKeyList, func(a, b int) bool { return lm.knownKeyList[a] < lm.knownKeyList[b] })
	lm.knownSet = newHashIndex(lm.knownKeyList)
	var rkeys []uint64
	for _, k := range keys {
		m := counts[k]
		total := 0
		var best lemmaRule
		var bestN rc
		first := true
		for r, c := range m {
			total += c.types
			better := c.types > bestN.types || c.types == bestN.types && (c.tokens > bestN.tokens ||
				c.tokens == bestN.tokens && (r.cut < best.cut || r.cut == best.cut && r.add < best.add))
			if first || better {
				best, bestN, first = r, c, false
			}
		}
		if total < minRule && k.suf != "" {
			continue
		}
		rkeys = append(rkeys, ruleKey(k.xpos, k.suf))
		lm.rule = append(lm.rule, best)
	}
	lm.rules = newHashIndex(rkeys)
	lm.ruleKeyList = rkeys
	// Exceptions: majority lemma per (lower, xpos) that the rules miss.
	type ek struct {
		lower string
		xpos  int
	}
	type ev struct {
		form   string
		proper bool
	}
	lc := map[ek]map[string]int{}
	first := map[ek]ev{}
	for _, e := range ex {
		if e.lemma == "_" || e.lemma == "" {
			continue
		}
		k := ek{e.lower, e.xpos}
		m := lc[k]
		if m == nil {
			m = map[string]int{}
			lc[k] = m
			first[k] = ev{e.form, e.proper}
		}
		// Proper nouns: the rule output depends on the form's case, so
		// count whether the rule is right rather than the lemma string.
		if e.proper {
			if lm.applyRule(e.form, e.lower, e.xpos) == e.lemma {
				m["\x00rule"]++
			} else {
				m[e.lemma]++
			}
			continue
		}
		m[e.lemma]++
	}
	eks := make([]ek, 0, len(lc))
	for k := range lc {
		eks = append(eks, k)
	}
	sort.Slice(eks, func(a, b int) bool {
		if eks[a].lower != eks[b].lower {
			return eks[a].lower < eks[b].lower
		}
		return eks[a].xpos < eks[b].xpos
	})
	var ekeys []uint64
	for _, k := range eks {
		m := lc[k]
		best, bestN := "", -1
		for l, c := range m {
			if c > bestN || c == bestN && l < best {
				best, bestN = l, c
			}
		}
		if best == "\x00rule" {
			continue
		}
		// Keep rule-made lemmas out of the table only when the rule makes
		// them without allocating (a prefix of the form).
		if !first[k].proper && lm.ruleOrStem(k.lower, k.xpos) == best && strings.HasPrefix(k.lower, best) {
			continue
		}
		ekeys = append(ekeys, lemmaKey(hashString(k.lower), k.xpos))
		lm.lemma = append(lm.lemma, strings.Clone(best))
	}
	lm.exc = newHashIndex(ekeys)
	lm.excKeyList = ekeys
	return lm
}

// hashIndex maps 64-bit keys to their position in the slice it was built
// from (open addressing, linear probing). Keys must be non-zero; a
// duplicate key keeps its first position.
type hashIndex struct {
	keys []uint64
	vals []int32
	mask uint64
}

func newHashIndex(keys []uint64) hashIndex {
	size := 2
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	h := hashIndex{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
	for i, k := range keys {
		if k == 0 {
			k = 1
		}
		j := k & h.mask
		for h.keys[j] != 0 && h.keys[j] != k {
			j = (j + 1) & h.mask
		}
		if h.keys[j] == 0 {
			h.keys[j] = k
			h.vals[j] = int32(i)
		}
	}
	return h
}

func (h *hashIndex) get(k uint64) (int, bool) {
	if len(h.keys) == 0 {
		return 0, false
	}
	if k == 0 {
		k = 1
	}
	j := k & h.mask
	for {
		switch h.keys[j] {
		case 0:
			return 0, false
		case k:
			return int(h.vals[j]), true
		}
		j = (j + 1) & h.mask
	}
}

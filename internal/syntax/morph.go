package syntax

// Lemmas of inflected words the treebank lacks. The suffix rules of
// lemma.go pick the most frequent edit for a word's last letters, which
// goes wrong where English spelling hides the stem ("shelled" ends like
// "travelled", "blamed" like "claimed", "bombed" like "robbed"). For
// such words the lemmatizer tries the regular stems of the inflection
// ("shell", "shel"; "blam", "blame") and takes one the treebank knows as
// a lemma or a base form; irregular past forms come from irregular.go.

// inflection kinds by tag.
const (
	inflNone = iota
	inflPast // VBD, VBN: -ed
	inflGerund
	inflS // VBZ, NNS: -s
	inflComparative
)

func inflectionOf(xpos string) int {
	switch xpos {
	case "VBD", "VBN":
		return inflPast
	case "VBG":
		return inflGerund
	case "VBZ", "NNS":
		return inflS
	case "JJR", "JJS", "RBR":
		return inflComparative
	}
	return inflNone
}

// knownKey is the key of a word in the set of known lemmas: the low 32
// bits of its hash (the model file keeps 32 bits).
func knownKey(h uint64) uint64 { return h & 0xffffffff }

// hashConcat is hashString(a + b) without building the string.
func hashConcat(a, b string) uint64 {
	h := hashString(a)
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= fnvPrime
	}
	return h
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// endsVC reports a stem ending in a single vowel and a consonant
// ("hop", "visit"): its "-ed" form would double the consonant if the
// stem were the base ("hopped"), so "hoped" is rather "hope".
func endsVC(s string) bool {
	n := len(s)
	return n >= 2 && !isVowel(s[n-1]) && s[n-1] != 'w' && s[n-1] != 'x' && s[n-1] != 'y' && isVowel(s[n-2]) && (n < 3 || !isVowel(s[n-3]))
}

// known reports whether a + b is a known lemma or base form.
func (lm *lemmatizer) known(a, b string) bool {
	_, ok := lm.knownSet.get(knownKey(hashConcat(a, b)))
	return ok
}

// stem returns the lemma of an inflected lowercase word whose regular
// stems include a known word, and whether it found one. rule is what the
// suffix rules made of the word.
func (lm *lemmatizer) stem(lower, rule string, kind int) (string, bool) {
	if len(lm.knownSet.keys) == 0 {
		return "", false
	}
	if kind == inflPast {
		if f, ok := irregular[lower]; ok {
			return f.base, true
		}
	}
	if rule != lower && lm.known(rule, "") {
		return rule, true
	}
	n := len(lower)
	// try returns stem + add when known.
	var out string
	try := func(stem, add string) bool {
		if len(stem) < 2 || !lm.known(stem, add) {
			return false
		}
		out = stem + add
		return true
	}
	undouble := func(stem string) bool {
		k := len(stem)
		return k >= 3 && stem[k-1] == stem[k-2] && !isVowel(stem[k-1]) && try(stem[:k-1], "")
	}
	// withE tries stem+"e" before stem where the spelling points to it
	withE := func(stem string) bool {
		if endsVC(stem) {
			return try(stem, "e") || try(stem, "")
		}
		return try(stem, "") || try(stem, "e")
	}
	switch kind {
	case inflPast:
		if n > 3 && lower[n-2:] == "ed" {
			stem := lower[:n-2]
			if lower[n-3] == 'i' && try(lower[:n-3], "y") || withE(stem) || undouble(stem) {
				return out, true
			}
		}
	case inflGerund:
		if n > 4 && lower[n-3:] == "ing" {
			stem := lower[:n-3]
			if lower[n-4] == 'y' && try(lower[:n-4], "ie") || withE(stem) || undouble(stem) {
				return out, true
			}
		}
	case inflS:
		if n > 2 && lower[n-1] == 's' {
			if n > 3 && lower[n-3:] == "ies" && try(lower[:n-3], "y") || try(lower[:n-1], "") || n > 3 && lower[n-2] == 'e' && try(lower[:n-2], "") {
				return out, true
			}
		}
	case inflComparative:
		for _, suf := range []string{"est", "er"} {
			k := len(suf)
			if n > k+1 && lower[n-k:] == suf {
				stem := lower[:n-k]
				if lower[n-k-1] == 'i' && try(lower[:n-k-1], "y") || withE(stem) || undouble(stem) {
					return out, true
				}
			}
		}
	}
	return "", false
}

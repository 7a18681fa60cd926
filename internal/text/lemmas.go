package text

import (
	"errors"
	"strings"
)

// lemmaTable is golem's English lemmatizer (github.com/aaaton/golem, its
// en dictionary) laid out for the garbage collector: golem keeps a map
// from every form to a slice of strings, 200,000 objects that every GC
// cycle walked; this keeps the dictionary's text as one string and a
// map from each form's FNV-1a hash to where the form and its lemma are
// in it, a map with no pointers. Lemma gives what golem's Lemma gives
// (TestLemmaTable checks every form of the dictionary).
type lemmaTable struct {
	text    string
	byHash  map[uint64]lemmaSpan
	collide map[string]lemmaSpan // forms whose hash an earlier form has (practically none)
}

// lemmaSpan is where a form and its lemma are in lemmaTable.text.
type lemmaSpan struct {
	form, formLen, lemma, lemmaLen uint32
}

// newLemmaTable reads golem's dictionary format: a line per lemma, the
// lemma and then its forms separated by tabs. As golem reads it, a form
// on several lines takes the lemma of the first; the lemma is a form of
// itself.
func newLemmaTable(b []byte) (*lemmaTable, error) {
	t := &lemmaTable{text: string(b), byHash: map[uint64]lemmaSpan{}}
	seen := map[string]bool{} // forms with a lemma already, while loading
	off := 0
	for _, line := range strings.Split(t.text, "\n") {
		start := off
		off += len(line) + 1
		if len(line) == 0 {
			continue
		}
		words := strings.Split(line, "\t")
		if len(words) < 2 {
			return nil, errors.New("expected more than 1 form per word")
		}
		base := words[0]
		wo := start
		for _, w := range words {
			sp := lemmaSpan{form: uint32(wo), formLen: uint32(len(w)), lemma: uint32(start), lemmaLen: uint32(len(base))}
			wo += len(w) + 1
			if seen[w] {
				continue
			}
			seen[w] = true
			h := strHash(w)
			if _, ok := t.byHash[h]; ok {
				if t.collide == nil {
					t.collide = map[string]lemmaSpan{}
				}
				t.collide[w] = sp
				continue
			}
			t.byHash[h] = sp
		}
	}
	return t, nil
}

// Lemma is golem's Lemma: the lemma of the word in lower case, or the
// word as given when the dictionary lacks it.
func (t *lemmaTable) Lemma(word string) string {
	lw := strings.ToLower(word)
	sp, ok := t.byHash[strHash(lw)]
	if ok && t.text[sp.form:sp.form+sp.formLen] != lw {
		sp, ok = t.collide[lw]
	}
	if !ok {
		return word
	}
	return t.text[sp.lemma : sp.lemma+sp.lemmaLen]
}

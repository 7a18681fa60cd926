package syntax

import (
	"slices"
	"strings"
	"testing"
)

// TestUPOSFeaturesSplit checks uposOwnFeatures and uposContextFeatures
// together are uposFeatures.
func TestUPOSFeaturesSplit(t *testing.T) {
	p := defaultParser(t)
	for si, sent := range readTestdata(t, "news.conllu") {
		toks := Tokens(&sent, false)
		s := p.get(len(toks))
		p.lexAll(s, toks)
		p.tag(s)
		for i := range toks {
			want := uposFeatures(nil, s.lx, s.tags, i)
			got := uposContextFeatures(uposOwnFeatures(nil, s.lx, s.tags, i), s.lx, s.tags, i)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("sentence %d, token %d: the split features are not uposFeatures", si, i)
			}
		}
		p.pool.Put(s)
	}
}

// TestWordCaches checks the scores kept across sentences (statics'
// staticCache, tagUPOS's uposOwnCache) are those the classifiers give:
// each sentence of news.conllu twice, the second time from the caches.
func TestWordCaches(t *testing.T) {
	p := defaultParser(t)
	sents := readTestdata(t, "news.conllu")
	for pass := range 2 {
		for si := range sents {
			toks := Tokens(&sents[si], false)
			n := len(toks)
			s := p.get(n)
			p.lexAll(s, toks)
			p.tag(s)
			p.tagUPOS(s)
			nc := len(p.m.upos)
			for i := range toks {
				if p.m.uposOf[s.tags[i]] != 255 {
					continue
				}
				sc := make([]int32, nc)
				p.m.uposC.score(sc, uposFeatures(nil, s.lx, s.tags, i))
				if got, want := s.utags[i], argmax(sc); got != want {
					t.Fatalf("pass %d, sentence %d, token %d: UPOS %d, the classifier gives %d", pass, si, i, got, want)
				}
				var acc [maxClasses / 2]int64
				p.m.uposC.add(&acc, uposOwnFeatures(nil, s.lx, s.tags, i))
				if got, want := p.uposOwnSum(s, i), acc[:p.m.uposC.nWords]; !slices.Equal(got, want) {
					t.Fatalf("pass %d, sentence %d, token %d: kept UPOS sums %v, the classifier gives %v", pass, si, i, got, want)
				}
			}
			setInput(&s.in, s.lx, s.tags, s.utags)
			s.static = make([]staticScore, nRoles*(n+2))
			p.statics(s, int32(n))
			for r := range nRoles {
				for i := int32(-1); i <= int32(n); i++ {
					var want [nActions]int32
					p.m.trans.score(&want, staticFeatures(nil, &s.in, r, i))
					k := i
					if k < 0 {
						k = int32(n) + 1
					}
					if got := s.static[int32(r)*int32(n+2)+k]; !got.ok || got.w != want {
						t.Fatalf("pass %d, sentence %d, role %d, token %d: static scores %v, the classifier gives %v", pass, si, r, i, got.w, want)
					}
				}
			}
			p.pool.Put(s)
		}
	}
}

// TestWordLex checks wordLex fills word and suf[2] as makeLex does, on
// the words of news.conllu and some odd ones.
func TestWordLex(t *testing.T) {
	words := []string{"", "a", "AB", "Ünïcödé", "İstanbul", "ΣΟΦΙΑ", "x-ray", "U.S.-backed", "’s", "1990s", strings.Repeat("é", 70), strings.Repeat("ab", 40) + "Ž"}
	for _, s := range readTestdata(t, "news.conllu") {
		for _, tok := range Tokens(&s, false) {
			words = append(words, tok.Text)
		}
	}
	var buf []byte
	for _, w := range words {
		var full, lite lex
		buf = makeLex(&full, w, buf)
		buf = wordLex(&lite, w, buf)
		if lite != (lex{word: full.word, suf: [4]uint64{2: full.suf[2]}}) {
			t.Fatalf("%q: wordLex gives %+v, makeLex %+v", w, lite, full)
		}
	}
}

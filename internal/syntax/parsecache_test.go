package syntax

import (
	"slices"
	"testing"
)

// TestParseFeaturesSplit: at every choice of the greedy parser over the
// news golden sentences, pairFeatures, b0Features and s0Features are
// parseFeatures, feature for feature, and the scores with the kept group
// sums (greedyScores) are the scores computed afresh (transScores).
func TestParseFeaturesSplit(t *testing.T) {
	p := defaultParser(t)
	sents := readTestdata(t, "news.conllu")
	steps, kept, kept0 := 0, 0, 0
	for si := range sents {
		toks := Tokens(&sents[si], false)
		s := p.get(len(toks))
		p.lexAll(s, toks)
		p.tag(s)
		p.tagUPOS(s)
		n := len(toks)
		setInput(&s.in, s.lx, s.tags, s.utags)
		s.static = make([]staticScore, nRoles*(n+2))
		s.b0Sums, s.s0Sums = make([]groupSum, n+1), make([]groupSum, n+1)
		st := &s.st
		st.reset(n)
		for !st.done() {
			a := st.forced()
			if a < 0 {
				want := parseFeatures(nil, &s.in, st)
				got := s0Features(b0Features(pairFeatures(nil, &s.in, st), &s.in, st), &s.in, st)
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("sentence %d, step %d: the split features are not parseFeatures", si, steps)
				}
				if s.b0Sums[st.b0].key == st.nl[st.b0]+1 {
					kept++
				}
				if s0 := st.stack[len(st.stack)-1]; s.s0Sums[s0].key == st.nr[s0]+1 {
					kept0++
				}
				var fresh, cached [nActions]int32
				p.transScores(s, st, &fresh)
				p.greedyScores(s, st, &cached)
				if fresh != cached {
					t.Fatalf("sentence %d, step %d: kept sums give %v, fresh %v", si, steps, cached, fresh)
				}
				steps++
				for c := 0; c < nActions; c++ {
					if st.valid(c) && (a < 0 || fresh[c] > fresh[a]) {
						a = c
					}
				}
			}
			st.apply(a, p.relOf(s, st, a))
		}
		p.pool.Put(s)
	}
	if steps == 0 || kept == 0 {
		t.Fatalf("%d choices, %d with b0's sum kept", steps, kept)
	}
	t.Logf("%d choices, %d with b0's sum kept, %d with s0's", steps, kept, kept0)
}

// TestStatics: the static scores statics looks up in one batch are those
// static computes one role and word at a time, over the news sentences.
func TestStatics(t *testing.T) {
	p := defaultParser(t)
	for si, sent := range readTestdata(t, "news.conllu") {
		toks := Tokens(&sent, false)
		s := p.get(len(toks))
		p.lexAll(s, toks)
		p.tag(s)
		p.tagUPOS(s)
		n := len(toks)
		setInput(&s.in, s.lx, s.tags, s.utags)
		s.st.reset(n)
		s.static = make([]staticScore, nRoles*(n+2))
		p.statics(s, int32(n))
		batch := slices.Clone(s.static)
		clear(s.static)
		for r := range nRoles {
			for i := int32(-1); i <= int32(n); i++ {
				w := *p.static(s, r, i)
				k := i
				if k < 0 {
					k = int32(n) + 1
				}
				if b := batch[int32(r)*int32(n+2)+k]; !b.ok || b.w != w {
					t.Fatalf("sentence %d, role %d, token %d: batch %v, one at a time %v", si, r, i, b, w)
				}
			}
		}
		p.pool.Put(s)
	}
}

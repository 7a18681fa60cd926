package syntax

import (
	"math/rand/v2"
	"os"
	"testing"

	"github.com/annals-events/annals/internal/syntax/conllu"
)

func goldHeads(s *conllu.Sentence) []int32 {
	n := len(s.Words)
	h := make([]int32, n)
	for i, w := range s.Words {
		h[i] = int32(w.Head - 1)
		if w.Head == 0 {
			h[i] = int32(n)
		}
	}
	return h
}

// TestOracle checks that following zero-cost actions rebuilds the
// (projectivized) gold tree, and that after random wrong actions the
// cost of the path matches the arcs actually lost.
func TestOracle(t *testing.T) {
	sents := readTestdata(t, "tiny.conllu")
	if ud, err := conllu.ReadFile("../../../shared/ud/en_ewt-ud-dev.conllu.gz"); err == nil && !testing.Short() {
		sents = append(sents, ud[:500]...)
	} else if !os.IsNotExist(err) && err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var st pstate
	for k := range sents {
		gold := projectivize(goldHeads(&sents[k]))
		n := len(gold)
		for trial := 0; trial < 3; trial++ {
			st.reset(n)
			lost := 0
			for !st.done() {
				var zero []int
				costs := [nActions]int{}
				valid := []int{}
				for a := 0; a < nActions; a++ {
					if st.valid(a) {
						valid = append(valid, a)
						costs[a] = actionCost(&st, gold, a)
						if costs[a] == 0 {
							zero = append(zero, a)
						}
					}
				}
				_ = zero
				if len(valid) == 0 {
					t.Fatalf("sentence %d: no valid action", k)
				}
				var a int
				if trial == 0 || rng.IntN(5) > 0 {
					if len(zero) == 0 {
						t.Fatalf("sentence %d trial %d: no zero-cost action", k, trial)
					}
					a = zero[rng.IntN(len(zero))]
				} else {
					a = valid[rng.IntN(len(valid))]
					lost += costs[a]
				}
				st.apply(a, 0)
			}
			wrong := 0
			for i := 0; i < n; i++ {
				if st.heads[i] != gold[i] {
					wrong++
				}
			}
			if wrong != lost {
				t.Fatalf("sentence %d trial %d: %d wrong heads, oracle counted %d", k, trial, wrong, lost)
			}
		}
	}
}

func TestProjectivize(t *testing.T) {
	// 0 -> 2, 1 -> 3 crossing (heads: token 0's head 2, token 1's head 3, 2 root... )
	h := []int32{2, 3, 4, 2}
	p := projectivize(h)
	for d := range p {
		if p[d] != 4 && nonProjective(p, int32(d)) {
			t.Fatalf("still non-projective: %v", p)
		}
	}
}

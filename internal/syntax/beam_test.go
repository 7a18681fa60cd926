package syntax

import (
	"bytes"
	"strings"
	"testing"
)

// A beam model is trained deterministically, stores its width, learns
// the tiny treebank, and parses any input into one projective tree.
func TestTrainBeamTiny(t *testing.T) {
	sents := readTestdata(t, "tiny.conllu")
	o := tinyOptions
	o.Folds = 1 // gold training tags, as in TestTrainTinyDeterministicAndLearns
	o.Beam = 4
	a, err := Train(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two beam training runs gave different model bytes")
	}
	p, err := Load(a)
	if err != nil {
		t.Fatal(err)
	}
	if p.m.beam != 4 {
		t.Fatalf("model beam width %d, want 4", p.m.beam)
	}
	sc := Evaluate(p, sents, false)
	t.Logf("tiny treebank, beam 4, own training data: %v", sc)
	if sc.UASAcc() < 95 || sc.LASAcc() < 95 {
		t.Errorf("beam parser did not learn the tiny treebank: %v", sc)
	}
	for _, s := range []string{"Yes", "! ?", strings.Repeat("very ", 120) + "long .", "Rebels attacked a convoy near the border , killing four soldiers ."} {
		toks := tokens(s)
		p.Parse(toks)
		checkTree(t, toks)
	}
}

// topK keeps the k best candidates in the order better defines, the
// same whatever order they come in.
func TestTopK(t *testing.T) {
	c := []bcand{{score: 3, parent: 1, act: 0}, {score: 5, parent: 0, act: 2}, {score: 3, parent: 0, act: 1}, {score: 9, parent: 2, act: 0}, {score: 5, parent: 0, act: 1}}
	got := topK(c, 3)
	want := []bcand{{score: 9, parent: 2, act: 0}, {score: 5, parent: 0, act: 1}, {score: 5, parent: 0, act: 2}}
	if len(got) != 3 {
		t.Fatalf("got %d candidates", len(got))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("candidate %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

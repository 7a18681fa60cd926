package syntax

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/syntax/conllu"
)

func readTestdata(t testing.TB, name string) []conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var tinyOptions = TrainOptions{TaggerEpochs: 10, ParserEpochs: 15, Folds: 2, FoldLexicon: true, AmbFolds: 2, TwoPass: true, MinQ: 1, MinUpdates: 1, Seed: 7, Workers: 2}

func TestTrainTinyDeterministicAndLearns(t *testing.T) {
	sents := readTestdata(t, "tiny.conllu")
	a, err := Train(sents, tinyOptions)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(sents, tinyOptions)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two training runs gave different model bytes")
	}
	// Learning is checked with gold training tags (one fold): jackknifed
	// tags from taggers trained on three sentences are mostly noise.
	o := tinyOptions
	o.Folds = 1
	c, err := Train(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load(c)
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(p, sents, false)
	t.Logf("tiny treebank, own training data: %v", sc)
	if sc.UPOSAcc() < 100 || sc.XPOSAcc() < 100 || sc.LemmaAcc() < 100 || sc.UASAcc() < 95 || sc.LASAcc() < 95 {
		t.Errorf("did not learn the tiny treebank: %v", sc)
	}
}

func TestTrainMinQIsPrune(t *testing.T) {
	sents := readTestdata(t, "tiny.conllu")
	o := tinyOptions
	o.MinQ = 3000
	a, err := Train(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Prune(tinyModel(t), 3000)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("training with MinQ differs from pruning afterwards")
	}
}

func tinyModel(t testing.TB) []byte {
	m, err := Train(readTestdata(t, "tiny.conllu"), tinyOptions)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLoadRejectsCorrupt(t *testing.T) {
	m := tinyModel(t)
	if _, err := Load(m[:len(m)/2]); err == nil {
		t.Error("truncated gzip accepted")
	}
	if _, err := Load([]byte("not a model")); err == nil {
		t.Error("garbage accepted")
	}
	// A well-formed gzip stream whose payload is damaged.
	payload := gunzip(t, m)
	for _, cut := range []int{0, 8, 20, len(payload) / 2, len(payload) - 1} {
		if _, err := Load(gz(payload[:cut])); err == nil {
			t.Errorf("payload truncated at %d accepted", cut)
		}
	}
	bad := append([]byte(nil), payload...)
	bad[len(bad)/3] ^= 0x40
	_, err := Load(gz(bad))
	if err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Errorf("flipped bit: error %v, want checksum mismatch", err)
	}
}

func gunzip(t testing.TB, b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func gz(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// FuzzLoad (run with -fuzzminimizetime 1s: the inputs are 30 kB models,
// slow to minimize) feeds the loader damaged payloads (checksum fixed up, so the
// decoder's own checks are exercised): it must fail cleanly or load a
// parser that can parse.
func FuzzLoad(f *testing.F) {
	m := tinyModel(f)
	payload := gunzip(f, m)
	f.Add(payload[:len(payload)-4], uint16(0), byte(0))
	f.Add(payload[:len(payload)-4], uint16(40), byte(0xff))
	f.Fuzz(func(t *testing.T, body []byte, at uint16, x byte) {
		if len(body) > 0 {
			body = append([]byte(nil), body...)
			body[int(at)%len(body)] ^= x
		}
		p, err := Load(gz(withCRC(body)))
		if err != nil {
			return
		}
		toks := tokens("The police arrested two men in Quetta on Monday .")
		p.Parse(toks)
	})
}

func withCRC(body []byte) []byte {
	e := &encoder{b: append([]byte(nil), body...)}
	return appendCRC(e.b)
}

func tokens(s string) []annals.Token {
	var toks []annals.Token
	for _, w := range strings.Fields(s) {
		toks = append(toks, annals.Token{Text: w, Lower: strings.ToLower(w)})
	}
	return toks
}

func defaultParser(t testing.TB) *Parser {
	t0 := time.Now()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model loaded in %v: %s", time.Since(t0), p.Meta())
	return p
}

func checkTree(t *testing.T, toks []annals.Token) {
	t.Helper()
	roots := 0
	for i, tk := range toks {
		if tk.Head == -1 {
			roots++
			if tk.Rel != "root" {
				t.Errorf("root %q has relation %q", tk.Text, tk.Rel)
			}
			continue
		}
		if tk.Head < 0 || tk.Head >= len(toks) || tk.Head == i {
			t.Errorf("token %d %q: head %d", i, tk.Text, tk.Head)
		}
		if tk.Rel == "" || tk.Rel == "root" {
			t.Errorf("token %d %q: relation %q", i, tk.Text, tk.Rel)
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
}

func TestDefaultParse(t *testing.T) {
	p := defaultParser(t)
	for _, tc := range []struct {
		sent string
		// expected (token, tag, upos, lemma, head word, rel) for some tokens
		want [][6]string
	}{
		{"Pakistani troops killed 12 militants in North Waziristan on Sunday .", [][6]string{
			{"militants", "NNS", "NOUN", "militant", "killed", "obj"},
			{"killed", "VBD", "VERB", "kill", "", "root"},
			{"militants", "NNS", "NOUN", "militant", "killed", "obj"},
		}},
		{"The minister was arrested by the police .", [][6]string{
			{"minister", "NN", "NOUN", "minister", "arrested", "nsubj:pass"},
			{"was", "VBD", "AUX", "be", "arrested", "aux:pass"},
			{"police", "NN", "NOUN", "police", "arrested", "obl:agent"},
		}},
	} {
		toks := tokens(tc.sent)
		p.Parse(toks)
		checkTree(t, toks)
		for _, w := range tc.want {
			for _, tk := range toks {
				if tk.Text != w[0] {
					continue
				}
				head := ""
				if tk.Head >= 0 {
					head = toks[tk.Head].Text
				}
				got := [6]string{tk.Text, tk.Tag, tk.UPOS, tk.Lemma, head, tk.Rel}
				if got != w {
					t.Errorf("%q: got %q, want %q", tc.sent, got, w)
				}
			}
		}
	}
}

func TestParseEdgeCases(t *testing.T) {
	p := defaultParser(t)
	p.Parse(nil)
	for _, s := range []string{"Yes", "! ?", strings.Repeat("very ", 300) + "long .", "Ünïcödé ÇAPS 東京 -- 3.5% :)"} {
		toks := tokens(s)
		p.Parse(toks)
		checkTree(t, toks)
	}
	// Lower left empty, and a token with empty text.
	toks := []annals.Token{{Text: "Police"}, {Text: ""}, {Text: "ARRESTED"}, {Text: "him"}}
	p.Parse(toks)
	checkTree(t, toks)
}

func TestParseNoAllocs(t *testing.T) {
	p := defaultParser(t)
	toks := tokens("The police said they arrested two men in the city on Monday after the attack .")
	p.Parse(toks)
	if n := testing.AllocsPerRun(100, func() { p.Parse(toks) }); n > 0 {
		t.Errorf("Parse allocates %.1f times per sentence", n)
	}
}

func TestConcurrentParse(t *testing.T) {
	p := defaultParser(t)
	want := tokens("Rebels attacked a convoy near the border , killing four soldiers .")
	p.Parse(want)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				toks := tokens("Rebels attacked a convoy near the border , killing four soldiers .")
				p.Parse(toks)
				for j := range toks {
					if toks[j] != want[j] {
						t.Errorf("concurrent parse differs at %d: %+v vs %+v", j, toks[j], want[j])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// TestUDDev scores the shipped model on the EWT dev set when the
// treebank is at hand (../shared/ud from the repository root).
func TestUDDev(t *testing.T) {
	const path = "../../../shared/ud/en_ewt-ud-dev.conllu.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skip("EWT dev set not found")
	}
	gold, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := defaultParser(t)
	sc := Evaluate(p, gold, false)
	t.Logf("EWT dev: %v", sc)
	if sc.UPOSAcc() < 93.5 || sc.UASAcc() < 82 || sc.LASAcc() < 78.5 {
		t.Errorf("EWT dev below floor: %v", sc)
	}
}

func TestConllRoundTripThroughParser(t *testing.T) {
	p := defaultParser(t)
	gold := readTestdata(t, "tiny.conllu")
	var sys []conllu.Sentence
	for i := range gold {
		sys = append(sys, p.ParseSentence(&gold[i], false))
	}
	var buf bytes.Buffer
	if err := conllu.Write(&buf, sys); err != nil {
		t.Fatal(err)
	}
	back, err := conllu.Read(&buf, "sys")
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(gold) || back[5].Words[1].Misc != "SpaceAfter=No" || back[0].Text != gold[0].Text {
		t.Errorf("round trip lost data")
	}
}

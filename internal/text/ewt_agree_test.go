package text

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"testing"

	"github.com/annals-events/annals"
)

// TestEWTTokenAgreement tokenizes the raw text of UD English EWT's dev
// sentences and compares the token spans with the treebank's, reporting
// the agreement (and the most frequent disagreements with -v).
func TestEWTTokenAgreement(t *testing.T) {
	f, err := os.Open("../../../shared/ud/en_ewt-ud-dev.conllu.gz")
	if err != nil {
		t.Skip("no treebank:", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var text string
	var gold []annals.Span
	pos := 0
	tp, ng, np := 0, 0, 0
	diffs := map[string]int{}
	flush := func() {
		if text == "" {
			return
		}
		got := Tokenize(text, 0, len(text), nil)
		gs := map[annals.Span]bool{}
		for _, s := range gold {
			gs[s] = true
		}
		ps := map[annals.Span]bool{}
		for _, g := range got {
			ps[g.Span] = true
			if gs[g.Span] {
				tp++
			} else {
				diffs["ours: "+g.Text]++
			}
		}
		for _, s := range gold {
			if !ps[s] && s.End <= len(text) {
				diffs["ud: "+text[s.Start:s.End]]++
			}
		}
		ng += len(gold)
		np += len(got)
		text, gold, pos = "", nil, 0
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# text = "):
			text = strings.TrimPrefix(line, "# text = ")
		case line == "":
			flush()
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) != 10 || strings.ContainsAny(cols[0], ".") {
				continue
			}
			form := cols[1]
			if strings.Contains(cols[0], "-") { // a multiword token: its surface span
				continue
			}
			k := strings.Index(text[pos:], form)
			if k < 0 {
				continue
			}
			gold = append(gold, annals.Span{Start: pos + k, End: pos + k + len(form)})
			pos += k + len(form)
		}
	}
	flush()
	p, r := float64(tp)/float64(np), float64(tp)/float64(ng)
	f1 := 2 * p * r / (p + r)
	t.Logf("EWT dev token agreement: precision %.4f recall %.4f F1 %.4f (%d gold tokens)", p, r, f1, ng)
	if testing.Verbose() {
		type kv struct {
			k string
			n int
		}
		var top []kv
		for k, n := range diffs {
			top = append(top, kv{k, n})
		}
		for i := 0; i < len(top); i++ {
			for j := i + 1; j < len(top); j++ {
				if top[j].n > top[i].n {
					top[i], top[j] = top[j], top[i]
				}
			}
			if i == 40 {
				break
			}
			t.Logf("%5d %s", top[i].n, top[i].k)
		}
	}
	if f1 < 0.97 {
		t.Errorf("token agreement with EWT fell to F1 %.4f", f1)
	}
}

package conllu

import (
	"bytes"
	"compress/gzip"
	"reflect"
	"strings"
	"testing"
)

const sample = "# sent_id = s1\n" +
	"# text = Don't go.\n" +
	"1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"1\tDo\tdo\tAUX\tVBP\tMood=Ind\t3\taux\t3:aux\tSpaceAfter=No\n" +
	"2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t3:advmod\t_\n" +
	"3\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n" +
	"3.1\tgone\t_\t_\t_\t_\t_\t_\t3:x\t_\n" +
	"4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t3:punct\t_\n" +
	"\n" +
	"# text = Yes\n" +
	"1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n"

func TestRead(t *testing.T) {
	sents, err := Read(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if s.Text != "Don't go." || !reflect.DeepEqual(s.Comments, []string{"sent_id = s1"}) {
		t.Errorf("text %q comments %q", s.Text, s.Comments)
	}
	if len(s.Words) != 4 {
		t.Fatalf("got %d words, want 4 (multiword token and empty node skipped)", len(s.Words))
	}
	w := s.Words[1]
	if w.Form != "n't" || w.Lemma != "not" || w.UPOS != "PART" || w.XPOS != "RB" || w.Head != 3 || w.Deprel != "advmod" {
		t.Errorf("word 2 = %+v", w)
	}
	if s.Words[0].SpaceAfter() || !s.Words[1].SpaceAfter() {
		t.Errorf("SpaceAfter wrong")
	}
	if got := TokenText(&s); got != "Don't go." {
		t.Errorf("TokenText = %q", got)
	}
}

func TestGzipAndRoundTrip(t *testing.T) {
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(sample))
	zw.Close()
	sents, err := Read(&z, "sample.gz")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Write(&out, sents); err != nil {
		t.Fatal(err)
	}
	again, err := Read(bytes.NewReader(out.Bytes()), "written")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sents, again) {
		t.Errorf("round trip differs:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "# text = Don't go.\n1\tDo\tdo\tAUX\tVBP\tMood=Ind\t3\taux\t3:aux\tSpaceAfter=No\n") {
		t.Errorf("unexpected output:\n%s", out.String())
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1\tA\ta\tX\tX\t_\t0\troot\t_\n", "f:1: 9 columns, want 10"},
		{"1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", "f:2: word id \"3\", want 2"},
		{"1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n", "f:1: bad head \"x\""},
		{"\n\n1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n", "f:3: word 1: head 5 out of range (1 words)"},
		{"# only a comment\n\n", "f:1: sentence without words"},
	} {
		_, err := Read(strings.NewReader(tc.in), "f")
		if err == nil || err.Error() != tc.want {
			t.Errorf("Read(%q) error %v, want %q", tc.in, err, tc.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sents, err := Read(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := Write(&out, sents); err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			for _, w := range s.Words {
				if w.Head > len(s.Words) {
					t.Fatalf("head out of range")
				}
			}
		}
	})
}

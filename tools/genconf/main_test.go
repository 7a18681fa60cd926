package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunTiny fits a model on a tiny annotated set twice: the files are
// the same bytes (deterministic), name the data, and load as weights.
func TestRunTiny(t *testing.T) {
	dir := t.TempDir()
	var outs [2][]byte
	for i := range outs {
		out := filepath.Join(dir, "c.tsv")
		var stdout, stderr bytes.Buffer
		if err := run([]string{"-out", out, "-min-count", "1", "-eval", "testdata/tiny.tsv", "testdata/tiny.tsv"}, &stdout, &stderr); err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = b
		if !strings.Contains(stderr.String(), "on testdata/tiny.tsv (5 rows") {
			t.Errorf("no evaluation report: %s", stderr.String())
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two fits on the same data differ")
	}
	s := string(outs[0])
	if !strings.Contains(s, "testdata/tiny.tsv (5 rows)") || !strings.Contains(s, "\nbias\t") || !strings.Contains(s, "\nroot=") {
		t.Errorf("model file:\n%s", s)
	}
	if err := run([]string{"-out", filepath.Join(dir, "x.tsv")}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
		t.Error("no annotated file: no error")
	}
}

// TestRunNews fits on annotated rows and a news gold file together, and
// evaluates on the news file: its events are judged (some right, some
// wrong) and counted once per event.
func TestRunNews(t *testing.T) {
	dir := t.TempDir()
	out, dump := filepath.Join(dir, "c.tsv"), filepath.Join(dir, "dump.tsv")
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-out", out, "-dump", dump, "-min-count", "1", "-eval", "testdata/tiny.jsonl", "testdata/tiny.tsv", "testdata/tiny.jsonl"}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "on testdata/tiny.jsonl (2 articles") {
		t.Errorf("no evaluation report: %s", stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, "testdata/tiny.jsonl (2 articles)") || !strings.Contains(s, "\ndoc=article\t") {
		t.Errorf("model file:\n%s", s)
	}
	d, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	var right, wrong int
	for _, l := range strings.Split(strings.TrimSpace(string(d)), "\n") {
		if !strings.Contains(l, "tiny/") {
			continue
		}
		switch l[0] {
		case '1':
			right++
		case '0':
			wrong++
		}
	}
	if right == 0 || wrong == 0 {
		t.Errorf("news events judged: %d right, %d wrong; want some of each:\n%s", right, wrong, d)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id": "x", "text": "Iran struck Pakistan.", "expected": []}`+"\n"), 0o644)
	if err := run([]string{"-out", filepath.Join(dir, "x.tsv"), bad}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "not a news gold record") {
		t.Errorf("a sentence set as news: %v", err)
	}
}

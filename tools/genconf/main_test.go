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

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunTiny trains on the syntax package's tiny treebank twice and
// checks the model files are identical and score the treebank.
func TestRunTiny(t *testing.T) {
	dir := t.TempDir()
	tiny := "../../internal/syntax/testdata/tiny.conllu"
	var models [][]byte
	for i := 0; i < 2; i++ {
		out := filepath.Join(dir, "m.bin.gz")
		var stdout, stderr bytes.Buffer
		err := run([]string{"-train", tiny, "-dev", tiny, "-out", out, "-folds", "1", "-min-updates", "1", "-parser-epochs", "10"}, &stdout, &stderr)
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		if !strings.Contains(stdout.String(), "dev: 6 sentences, 42 words") {
			t.Errorf("unexpected report:\n%s", stdout.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, b)
	}
	if !bytes.Equal(models[0], models[1]) {
		t.Error("two runs gave different models")
	}
}

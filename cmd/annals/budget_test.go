package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A document over the budget is skipped with its reason; the others are
// coded and stored.
func TestBudgetFlags(t *testing.T) {
	in := writeCorpus(t, 5)
	out, errs, code := runCLI(t, "", "code", "--max-doc-bytes", "1", in)
	if code != exitSkipped || !strings.Contains(errs, "over the budget of 1 bytes per document (--max-doc-bytes)") || out != "" {
		t.Fatalf("code --max-doc-bytes 1: exit %d\n%s%s", code, out, errs)
	}
	db := filepath.Join(t.TempDir(), "b.db")
	out, errs, code = runCLI(t, "", "ingest", "--db", db, "--max-doc-time", "1ns", in)
	if code != exitSkipped || strings.Count(errs, "(--max-doc-time)") != 5 || !strings.Contains(out, "stored 0 new documents") {
		t.Fatalf("ingest --max-doc-time 1ns: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = runCLI(t, "", "ingest", "--db", db, in)
	if code != exitOK || !strings.Contains(out, "stored 5 new documents") {
		t.Fatalf("ingest within the budget: exit %d\n%s%s", code, out, errs)
	}
}

package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-events/annals/internal/store"
)

// TestRecodeKeepsTheCap: annals recode of a story told by three times the
// evidence cap keeps every count and ends with the cap of evidence rows
// (it recodes with the cap off, so that no row is lost for good to one a
// later batch takes away, and trims once at the end).
func TestRecodeKeepsTheCap(t *testing.T) {
	n := 3 * store.EvidenceCap
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"story-%03d","source":"Wire %d","published":"2024-07-%02d","text":"Iran struck Pakistan on 1 July 2024, report %d said."}`+"\n", i, i%9, 1+i%20, i)
	}
	in := filepath.Join(t.TempDir(), "story.jsonl")
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "r.db")
	if _, errs, code := runCLI(t, "", "ingest", "--db", dbPath, "--batch", "16", in); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	strike := func() (rows, articles int) {
		db, err := sql.Open("sqlite", dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.QueryRow(`SELECT (SELECT COUNT(*) FROM evidence v WHERE v.event_id = e.id), e.num_articles FROM events e
			WHERE source = 'IRN' AND target = 'PAK' AND code LIKE '19%'`).Scan(&rows, &articles); err != nil {
			t.Fatal(err)
		}
		return rows, articles
	}
	if r, a := strike(); r != store.EvidenceCap || a != n {
		t.Fatalf("after ingest: %d evidence rows, %d articles", r, a)
	}
	out, errs, code := runCLI(t, "", "recode", "--db", dbPath, "--batch", "16")
	if code != exitOK || !strings.Contains(out, "0 event codings added, 0 removed") || !strings.Contains(out, "(1 events trimmed to 100 evidence rows)") {
		t.Errorf("recode: %d %s %s", code, out, errs)
	}
	if r, a := strike(); r != store.EvidenceCap || a != n {
		t.Errorf("after recode: %d evidence rows, %d articles; want %d and %d", r, a, store.EvidenceCap, n)
	}
}

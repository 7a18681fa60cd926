package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/store/storetest"
)

// TestIngestRetriesThroughAnOutage stops PostgreSQL under an ingest once
// it has committed, keeps it down for 10 s and starts it again: the ingest
// waits, says it is retrying, and ends with every document stored once
// (it stopped with exit 3 at the first batch the server refused, and what
// it had coded was lost).
func TestIngestRetriesThroughAnOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("outage")
	}
	pg := storetest.PrivatePostgres(t)
	const docs = 600
	in := writeCorpus(t, docs)
	stored := func() int {
		db, err := sql.Open("pgx", pg.URL)
		if err != nil {
			return -1
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&n); err != nil {
			return -1
		}
		return n
	}
	type result struct {
		errs string
		code int
	}
	done := make(chan result, 1)
	go func() {
		_, errs, code := runCLI(t, "", "ingest", "--db", pg.URL, "--batch", "4", "--workers", "1", in)
		done <- result{errs, code}
	}()
	deadline := time.Now().Add(2 * time.Minute)
	for stored() <= 0 {
		if time.Now().After(deadline) {
			t.Fatal("the ingest stored nothing")
		}
		time.Sleep(20 * time.Millisecond)
	}
	n := stored()
	pg.Stop(t)
	select {
	case r := <-done:
		t.Fatalf("the ingest ended (exit %d) before the outage began; make the corpus larger\n%s", r.code, r.errs)
	default:
	}
	time.Sleep(10 * time.Second)
	pg.Start(t)
	r := <-done
	retries := strings.Count(r.errs, "the database is unavailable, retrying")
	t.Logf("stopped PostgreSQL with %d of %d documents stored, for 10 s; the ingest retried %d times; exit %d", n, docs, retries, r.code)
	if r.code != exitOK || retries == 0 {
		t.Errorf("exit %d after %d retries (%d stored when stopped)\n%.2000s", r.code, retries, n, r.errs)
	}
	checkIntegrity(t, pg.URL, docs)
}

// TestTwoIngestsOneFile: two ingests of different inputs into one new
// SQLite file at once both finish and store everything (the second used
// to exit 3 with "database is locked" after 128 documents).
func TestTwoIngestsOneFile(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "two.db")
	b, err := os.ReadFile(writeCorpus(t, 600))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(b)), "\n")
	var ins []string
	for i, part := range [][]string{lines[:300], lines[300:]} {
		p := filepath.Join(t.TempDir(), fmt.Sprintf("half%d.jsonl", i))
		if err := os.WriteFile(p, []byte(strings.Join(part, "")), 0o644); err != nil {
			t.Fatal(err)
		}
		ins = append(ins, p)
	}
	type result struct {
		errs string
		code int
	}
	res := make([]result, len(ins))
	var wg sync.WaitGroup
	for i, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs, code := runCLI(t, "", "ingest", "--db", dbPath, "--batch", "8", "--workers", "1", in)
			res[i] = result{errs, code}
		}()
	}
	wg.Wait()
	for i, r := range res {
		if r.code != exitOK {
			t.Errorf("ingest %d: exit %d\n%.2000s", i+1, r.code, r.errs)
		}
	}
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	db.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&n)
	if n != 600 {
		t.Errorf("%d documents stored, want both halves' 600", n)
	}
}

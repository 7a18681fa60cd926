package main

import (
	"database/sql"
	"strings"
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

package queue

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

// TestPostgresOutage stops PostgreSQL under three workers once they have
// committed, keeps it down for 20 s (2,429 of 3,000 documents went to the
// dead-letter subject in such an outage: five deliveries a second apart),
// starts it again and checks that every document is stored once and none
// is dead-lettered.
func TestPostgresOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("outage")
	}
	pg := storetest.PrivatePostgres(t)
	_, js := startNATS(t)
	p := testPipeline(t)
	const docs = 600
	ctx := context.Background()
	for _, a := range articles(t, docs) {
		if _, err := Publish(ctx, js, a, ""); err != nil {
			t.Fatal(err)
		}
	}
	count := func() int {
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
	var workers []*Worker
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	for i := range 3 {
		db, err := store.Open(pg.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		w := &Worker{JS: js, DB: db, Pipeline: p, ID: fmt.Sprintf("w%d", i+1), Batch: 4, AckWait: 5 * time.Second}
		workers = append(workers, w)
		wg.Add(1)
		go func() { defer wg.Done(); w.Run(wctx) }()
	}
	deadline := time.Now().Add(2 * time.Minute)
	for count() < 20 {
		if time.Now().After(deadline) {
			t.Fatalf("workers stored only %d documents", count())
		}
		time.Sleep(20 * time.Millisecond)
	}
	n := count()
	pg.Stop(t)
	t.Logf("stopped PostgreSQL after %d documents were stored", n)
	const outage = 20 * time.Second
	time.Sleep(outage)
	pg.Start(t)
	before := count()
	var retried int64
	for _, w := range workers {
		retried += w.retried.Load()
	}
	t.Logf("started PostgreSQL again after %v: %d documents stored, %d failures retried, %d dead letters", outage, before, retried, streamMsgs(t, js, DeadStream))
	for count() < docs {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d documents stored after the outage; %d dead letters", count(), docs, streamMsgs(t, js, DeadStream))
		}
		time.Sleep(200 * time.Millisecond)
	}
	if retried == 0 {
		t.Error("no worker saw the outage")
	}
	if n := streamMsgs(t, js, DeadStream); n != 0 {
		t.Errorf("%d documents dead-lettered in the outage", n)
	}
	var dup int
	db, _ := sql.Open("pgx", pg.URL)
	defer db.Close()
	db.QueryRow(`SELECT COUNT(*) FROM (SELECT content_hash FROM documents GROUP BY content_hash HAVING COUNT(*) > 1) x`).Scan(&dup)
	if n := count(); n != docs || dup != 0 {
		t.Errorf("%d documents stored (%d twice), want %d once each", n, dup, docs)
	}
}

//go:build natsserver

package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/store"
)

// TestEmbeddedQueue starts the in-process JetStream server and worker of
// `annals serve --embedded-queue`, publishes a corpus to it with `annals
// ingest --queue` and waits until every document is stored.
func TestEmbeddedQueue(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	db, err := store.Open(filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	df := addDictFlags(newFlags("test", "", "", &bytes.Buffer{}))
	var out, errb bytes.Buffer
	stop, err := embeddedQueue(context.Background(), db, df, addr, &out, &errb)
	if err != nil {
		t.Fatalf("embedded queue: %v\n%s", err, errb.String())
	}
	defer stop()
	url := "nats://" + addr
	if !strings.Contains(out.String(), url) {
		t.Fatalf("startup line %q does not name %s", out.String(), url)
	}
	const n = 30
	if o, e, code := runCLI(t, "", "ingest", "--queue", url, writeCorpus(t, n)); code != 0 {
		t.Fatalf("ingest --queue: exit %d\n%s%s", code, o, e)
	}
	deadline := time.Now().Add(60 * time.Second)
	for countDocs(t, db) < n && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if got := countDocs(t, db); got != n {
		t.Fatalf("stored %d documents through the embedded queue, want %d", got, n)
	}
}

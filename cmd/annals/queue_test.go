package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/queue"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func startNATS(t *testing.T) string {
	t.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	t.Cleanup(s.Shutdown)
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats server not ready")
	}
	return s.ClientURL()
}

// Publishing the same files again within a day said "published 3000
// documents" and queued nothing.
func TestPublishSaysAlreadyQueued(t *testing.T) {
	url := startNATS(t)
	in := writeCorpus(t, 20)
	out, errs, code := runCLI(t, "", "ingest", "--queue", url, in)
	if code != exitOK || !strings.Contains(out, "published 20 documents to annals.docs, already queued: 0") {
		t.Fatalf("first publish: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = runCLI(t, "", "ingest", "--queue", url, in)
	if code != exitOK || !strings.Contains(out, "published 0 documents to annals.docs, already queued: 20") || !strings.Contains(errs, "--force") {
		t.Fatalf("second publish: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = runCLI(t, "", "ingest", "--queue", url, "--force", in)
	if code != exitOK || !strings.Contains(out, "published 20 documents to annals.docs, already queued: 0") {
		t.Fatalf("forced publish: exit %d\n%s%s", code, out, errs)
	}
	_, js := connect(t, url)
	if n := msgs(t, js, queue.Stream); n != 40 {
		t.Errorf("%d documents queued, want 40", n)
	}
}

func connect(t *testing.T, url string) (*nats.Conn, jetstream.JetStream) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	nc, js, err := queue.Connect(ctx, url, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc, js
}

func msgs(t *testing.T, js jetstream.JetStream, stream string) uint64 {
	s, err := js.Stream(context.Background(), stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func TestQueueReplay(t *testing.T) {
	url := startNATS(t)
	_, js := connect(t, url)
	for i := range 3 {
		m := nats.NewMsg(queue.DeadSubj)
		m.Data = fmt.Appendf(nil, `{"id": "d%d", "text": "Iran condemned Pakistan."}`, i)
		if _, err := js.PublishMsg(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := runCLI(t, "", "queue", "replay", "--queue", url, "--limit", "1")
	if code != exitOK || !strings.Contains(out, "replayed 1 dead letters from annals.dead to annals.docs") {
		t.Fatalf("replay --limit 1: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = runCLI(t, "", "queue", "replay", "--queue", url)
	if code != exitOK || !strings.Contains(out, "replayed 2 dead letters") {
		t.Fatalf("replay: exit %d\n%s%s", code, out, errs)
	}
	if d, q := msgs(t, js, queue.DeadStream), msgs(t, js, queue.Stream); d != 0 || q != 3 {
		t.Errorf("after replay: %d dead letters, %d queued; want 0 and 3", d, q)
	}
	if _, errs, code := runCLI(t, "", "queue", "replay"); code != exitUsage || !strings.Contains(errs, "--queue is required") {
		t.Errorf("replay without --queue: exit %d: %s", code, errs)
	}
	if _, errs, code := runCLI(t, "", "queue", "--queue", url, "drop"); code != exitUsage || !strings.Contains(errs, `"drop"`) {
		t.Errorf("unknown subcommand: exit %d: %s", code, errs)
	}
}

// One document too large for a NATS message skips itself; the others are
// published.
func TestPublishSkipsTooLarge(t *testing.T) {
	url := startNATS(t)
	in := filepath.Join(t.TempDir(), "c.jsonl")
	big := strings.Repeat("Iran condemned Pakistan. ", 50000)
	body := fmt.Sprintf(`{"id": "a", "text": "Iran condemned Pakistan."}
{"id": "big", "text": %q}
{"id": "b", "text": "Pakistan condemned Iran."}
`, big)
	if err := os.WriteFile(in, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "ingest", "--queue", url, in)
	if code != exitSkipped || !strings.Contains(out, "published 2 documents") || !strings.Contains(errs, `skipped document "big" is`) {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
}

package queue

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/corpus"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/store"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// startNATS runs a real JetStream server in the test process.
func startNATS(t *testing.T) (*nats.Conn, jetstream.JetStream) {
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
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	nc, js, err := Connect(ctx, s.ClientURL(), 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc, js
}

func articles(t *testing.T, n int) []*annals.Article {
	t.Helper()
	var b bytes.Buffer
	if err := corpus.Generate(&b, n, 7); err != nil {
		t.Fatal(err)
	}
	var out []*annals.Article
	sc := bufio.NewScanner(&b)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		a, err := ingest.DecodeJSONArticle(sc.Bytes(), "corpus", ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func streamMsgs(t *testing.T, js jetstream.JetStream, name string) uint64 {
	t.Helper()
	s, err := js.Stream(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

// Re-publishing within the dedup window queued nothing and said it had
// published everything.
func TestPublishReportsDuplicates(t *testing.T) {
	_, js := startNATS(t)
	ctx := context.Background()
	as := articles(t, 5)
	for _, a := range as {
		if dup, err := Publish(ctx, js, a, ""); err != nil || dup {
			t.Fatalf("first publish of %s: duplicate %v, %v", a.ID, dup, err)
		}
	}
	for _, a := range as {
		if dup, err := Publish(ctx, js, a, ""); err != nil || !dup {
			t.Fatalf("second publish of %s: duplicate %v, %v", a.ID, dup, err)
		}
	}
	if n := streamMsgs(t, js, Stream); n != 5 {
		t.Fatalf("%d messages queued, want 5", n)
	}
	for _, a := range as {
		if dup, err := Publish(ctx, js, a, "force-1"); err != nil || dup {
			t.Fatalf("forced publish of %s: duplicate %v, %v", a.ID, dup, err)
		}
	}
	if n := streamMsgs(t, js, Stream); n != 10 {
		t.Fatalf("%d messages queued after --force, want 10", n)
	}
}

func TestReplay(t *testing.T) {
	_, js := startNATS(t)
	ctx := context.Background()
	for i := range 5 {
		m := nats.NewMsg(DeadSubj)
		m.Data = fmt.Appendf(nil, `{"id": "dead-%d", "text": "Iran condemned Pakistan."}`, i)
		m.Header.Set("Annals-Error", "connection refused")
		if _, err := js.PublishMsg(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	// the documents' own ids were used before: a replay is not a duplicate
	for i := range 5 {
		if _, err := Publish(ctx, js, &annals.Article{ID: fmt.Sprintf("dead-%d", i), Text: "x"}, ""); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := Replay(ctx, js, 2); err != nil || n != 2 {
		t.Fatalf("replay --limit 2: %d, %v", n, err)
	}
	if n, err := Replay(ctx, js, 0); err != nil || n != 3 {
		t.Fatalf("replay: %d, %v", n, err)
	}
	if n, err := Replay(ctx, js, 0); err != nil || n != 0 {
		t.Fatalf("replay of an empty dead-letter stream: %d, %v", n, err)
	}
	if d, q := streamMsgs(t, js, DeadStream), streamMsgs(t, js, Stream); d != 0 || q != 10 {
		t.Fatalf("after replay: %d dead letters, %d queued; want 0 and 10", d, q)
	}
}

func TestRetryDelay(t *testing.T) {
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second}
	for i, w := range want {
		if d := RetryDelay(uint64(i + 1)); d != w {
			t.Errorf("RetryDelay(%d) = %v, want %v", i+1, d, w)
		}
	}
	if d := RetryDelay(100); d != MaxRetryDelay {
		t.Errorf("RetryDelay(100) = %v", d)
	}
}

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func testPipeline(t *testing.T) *pipeline.Pipeline {
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// A document that takes longer to code than the ack wait was redelivered
// to the other workers and coded by all of them at once.
func TestSlowDocumentCodedOnce(t *testing.T) {
	_, js := startNATS(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "slow.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := testPipeline(t)
	// a document that takes several ack waits to code (and fits in a
	// NATS message of at most 1 MB)
	ackWait := 500 * time.Millisecond
	var b strings.Builder
	var slow *annals.Article
	var took time.Duration
	for _, a := range articles(t, 20000) {
		if b.Len()+len(a.Text) > 900<<10 {
			break
		}
		b.WriteString(a.Text + "\n\n")
		if b.Len() < 300<<10 || b.Len()%(150<<10) > len(a.Text)+2 {
			continue
		}
		slow = &annals.Article{ID: "slow", Text: b.String()}
		start := time.Now()
		p.Process(slow, time.Now())
		if took = time.Since(start); took > 3*ackWait {
			break
		}
	}
	ackWait = max(min(ackWait, took/3), 200*time.Millisecond)
	t.Logf("%d bytes code in %v; ack wait %v", len(slow.Text), took, ackWait)
	if _, err := Publish(context.Background(), js, slow, ""); err != nil {
		t.Fatal(err)
	}
	var coded atomic.Int64
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range 3 {
		w := &Worker{JS: js, DB: db, Pipeline: p, ID: fmt.Sprintf("w%d", i), Batch: 1, AckWait: ackWait,
			OnDone: func(ok, dead bool, d time.Duration) { coded.Add(1) }, Logf: t.Logf}
		wg.Add(1)
		go func() { defer wg.Done(); w.Run(ctx) }()
	}
	deadline := time.Now().Add(10*took + 20*time.Second)
	for coded.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(2 * took) // time for any redelivery to be coded too
	cancel()
	wg.Wait()
	if n := coded.Load(); n != 1 {
		t.Fatalf("the slow document was coded %d times, want once", n)
	}
}

// A document larger than a NATS message is refused at once, naming it and
// the limit (it was retried for 30 s and then stopped the whole publish).
func TestPublishTooLarge(t *testing.T) {
	_, js := startNATS(t)
	start := time.Now()
	_, err := Publish(context.Background(), js, &annals.Article{ID: "big", Text: strings.Repeat("Iran condemned Pakistan. ", 50000)}, "")
	var big *TooLargeError
	if !errors.As(err, &big) || !strings.Contains(err.Error(), `"big"`) || !strings.Contains(err.Error(), "max_payload") {
		t.Fatalf("publish of 1.25 MB: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refused after %v", d)
	}
}

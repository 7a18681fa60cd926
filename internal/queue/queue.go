package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/store"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of the JetStream objects annals uses.
const (
	Stream     = "ANNALS_DOCS"
	Subject    = "annals.docs"
	DeadStream = "ANNALS_DEAD"
	DeadSubj   = "annals.dead"
	Consumer   = "annals-workers"
	Workers    = "annals_workers"
	// MaxDeliver is the delivery at which a document that fails for a
	// permanent reason is dead-lettered. One that fails for a transient
	// reason (the store down, a deadlock) is retried with a growing delay
	// however often it takes: the consumer itself has no delivery limit.
	MaxDeliver = 5
	// MaxRetryDelay caps the delay between retries.
	MaxRetryDelay = 30 * time.Second
)

// RetryDelay is how long a document waits before its next delivery after
// failing at delivery n: half a second, doubling up to MaxRetryDelay.
func RetryDelay(n uint64) time.Duration {
	d := 500 * time.Millisecond
	for i := uint64(1); i < n && d < MaxRetryDelay; i++ {
		d *= 2
	}
	return min(d, MaxRetryDelay)
}

// Connect opens a JetStream context on one or more comma-separated
// nats:// URLs and makes sure the streams exist with replicas copies.
func Connect(ctx context.Context, urls string, replicas int) (*nats.Conn, jetstream.JetStream, error) {
	nc, err := nats.Connect(urls, nats.Name("annals"), nats.MaxReconnects(-1), nats.ReconnectWait(250*time.Millisecond), nats.Timeout(5*time.Second))
	if err != nil {
		return nil, nil, fmt.Errorf("connect %s: %w", urls, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	if replicas < 1 {
		replicas = 1
	}
	if err := retry(ctx, func() error {
		if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: Stream, Subjects: []string{Subject}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Replicas: replicas, Duplicates: 24 * time.Hour}); err != nil {
			return fmt.Errorf("create stream %s: %w", Stream, err)
		}
		if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: DeadStream, Subjects: []string{DeadSubj}, Storage: jetstream.FileStorage, Replicas: replicas}); err != nil {
			return fmt.Errorf("create stream %s: %w", DeadStream, err)
		}
		return nil
	}); err != nil {
		nc.Close()
		return nil, nil, err
	}
	return nc, js, nil
}

// retry runs fn until it succeeds or ctx ends: cluster leaders take a
// moment to be elected.
func retry(ctx context.Context, fn func() error) error {
	var err error
	for i := 0; i < 60; i++ {
		if err = fn(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(500 * time.Millisecond):
		}
	}
	return err
}

// Publish sends an article to the work queue. The article id is the
// message id, so JetStream drops a repeat within its dedup window (24
// hours), and Publish reports it as a duplicate: the article is already
// queued or was coded from the queue. A non-empty force is added to the
// message id, so the article is queued again (annals ingest --force).
func Publish(ctx context.Context, js jetstream.JetStream, a *annals.Article, force string) (duplicate bool, err error) {
	b, err := json.Marshal(wireArticle{ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Text: a.Text, Published: dateOf(a)})
	if err != nil {
		return false, err
	}
	if max := js.Conn().MaxPayload(); int64(len(b)) > max {
		return false, &TooLargeError{ID: a.ID, Size: len(b), Max: max}
	}
	id := a.ID
	if force != "" {
		id += "#" + force
	}
	// a retry after a lost ack finds its own first copy: that is not a
	// duplicate of anything queued before
	tries := 0
	err = retry(ctx, func() error {
		ack, err := js.Publish(ctx, Subject, b, jetstream.WithMsgID(id))
		if err == nil {
			duplicate = ack.Duplicate && tries == 0
		}
		tries++
		return err
	})
	return duplicate, err
}

// TooLargeError is an article larger than the queue's largest message.
type TooLargeError struct {
	ID   string
	Size int
	Max  int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("document %q is %d bytes as a message, over the queue's limit of %d bytes (the NATS server's max_payload)", e.ID, e.Size, e.Max)
}

type wireArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

func dateOf(a *annals.Article) string {
	if a.HasDate() {
		return a.Published.Format(time.RFC3339)
	}
	return ""
}

// WorkerInfo is what a worker reports about itself.
type WorkerInfo struct {
	ID        string    `json:"id"`
	Host      string    `json:"host"`
	Started   time.Time `json:"started"`
	LastSeen  time.Time `json:"last_seen"`
	Processed int64     `json:"processed"`
	Failed    int64     `json:"failed"`
	Retried   int64     `json:"retried"` // failures with a transient error, retried
	Dead      int64     `json:"dead"`
	Stopping  bool      `json:"stopping,omitempty"`
}

// Worker consumes the queue into a store.
type Worker struct {
	JS       jetstream.JetStream
	DB       *store.DB
	Pipeline *pipeline.Pipeline
	ID       string
	Batch    int
	AckWait  time.Duration
	// Replicas of the workers' status bucket (as of the streams): with one,
	// losing the node that holds it loses the reports.
	Replicas int
	// OnDone is called after each message, for metrics.
	OnDone func(ok bool, dead bool, d time.Duration)
	// Logf, when set, is told of each failure and what became of it.
	Logf func(format string, args ...any)

	processed, failed, retried, dead atomic.Int64
}

// Run consumes until ctx is cancelled, then finishes the batch in hand
// (graceful shutdown) and returns.
func (w *Worker) Run(ctx context.Context) error {
	if w.Batch <= 0 {
		w.Batch = 8
	}
	if w.AckWait == 0 {
		w.AckWait = 30 * time.Second
	}
	setup, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var cons jetstream.Consumer
	err := retry(setup, func() error {
		var err error
		cons, err = w.JS.CreateOrUpdateConsumer(setup, Stream, jetstream.ConsumerConfig{Durable: Consumer, AckPolicy: jetstream.AckExplicitPolicy,
			AckWait: w.AckWait, MaxDeliver: -1, MaxAckPending: 1000})
		return err
	})
	if err != nil {
		return fmt.Errorf("create consumer: %w", err)
	}
	// The status bucket: workers starting together race to create it, and a
	// cluster may be failing over; a worker that could not open it at start
	// tries again at each report.
	kvConfig := jetstream.KeyValueConfig{Bucket: Workers, TTL: time.Minute, Replicas: max(w.Replicas, 1)}
	openKV := func(ctx context.Context) jetstream.KeyValue {
		if kv, err := w.JS.CreateOrUpdateKeyValue(ctx, kvConfig); err == nil {
			return kv
		}
		if kv, err := w.JS.KeyValue(ctx, Workers); err == nil {
			return kv
		}
		return nil
	}
	kv := openKV(setup)
	host, _ := os.Hostname()
	info := WorkerInfo{ID: w.ID, Host: host, Started: time.Now().UTC()}
	report := func(stopping bool) {
		if kv == nil {
			kctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			kv = openKV(kctx)
			cancel()
		}
		if kv == nil {
			return
		}
		info.LastSeen, info.Processed, info.Failed, info.Retried, info.Dead, info.Stopping = time.Now().UTC(), w.processed.Load(), w.failed.Load(), w.retried.Load(), w.dead.Load(), stopping
		b, _ := json.Marshal(info)
		kctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		kv.Put(kctx, w.ID, b)
		cancel()
	}
	var once sync.Once
	defer once.Do(func() { report(true) })
	lastReport := time.Time{}
	for ctx.Err() == nil {
		if time.Since(lastReport) > 2*time.Second {
			report(false)
			lastReport = time.Now()
		}
		batch, err := cons.Fetch(w.Batch, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			time.Sleep(200 * time.Millisecond) // the server may be failing over
			continue
		}
		var msgs []jetstream.Msg
		for msg := range batch.Messages() {
			msgs = append(msgs, msg)
		}
		w.handleBatch(msgs)
	}
	return nil
}

// inProgress tells JetStream, every third of the ack wait until stop is
// called, that the messages are still being worked on: a slow document is
// not redelivered to another worker while this one codes it.
func (w *Worker) inProgress(msgs []jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(max(w.AckWait/3, 10*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					m.InProgress()
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// handleBatch codes a fetched batch and stores it in one transaction,
// acknowledging every message after the commit. If the store fails for a
// transient reason, the whole batch is retried later; if it fails
// otherwise, each message is handled on its own so one bad document
// cannot hold up the rest.
func (w *Worker) handleBatch(msgs []jetstream.Msg) {
	if len(msgs) == 0 {
		return
	}
	stop := w.inProgress(msgs)
	defer stop()
	if len(msgs) > 1 {
		start := time.Now()
		var docs []*annals.CodedDocument
		ok := true
		for _, m := range msgs {
			d, err := w.code(m.Data())
			if err != nil {
				ok = false
				break
			}
			docs = append(docs, d)
		}
		if ok {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			_, err := w.DB.Add(ctx, docs)
			cancel()
			if err == nil {
				for _, m := range msgs {
					if aerr := m.DoubleAck(context.Background()); aerr != nil {
						m.Ack()
					}
					w.processed.Add(1)
					w.done(true, false, start)
				}
				return
			}
			if store.Transient(err) {
				for _, m := range msgs {
					w.retry(m, err, start)
				}
				return
			}
		}
	}
	for _, m := range msgs {
		w.handle(m)
	}
}

// handle codes and stores one document, then acknowledges it. A transient
// failure is retried with a growing delay for as long as it lasts; a
// permanent one is retried too, and dead-lettered at delivery MaxDeliver
// (at once when retrying cannot help: a message that is not an article, a
// document over its budget).
func (w *Worker) handle(msg jetstream.Msg) {
	start := time.Now()
	err := w.store(msg.Data())
	if err == nil {
		if aerr := msg.DoubleAck(context.Background()); aerr != nil {
			// the ack may be lost in a failover: the redelivery is skipped
			// as already stored
			msg.Ack()
		}
		w.processed.Add(1)
		w.done(true, false, start)
		return
	}
	if !errors.Is(err, errPermanent) && store.Transient(err) {
		w.retry(msg, err, start)
		return
	}
	w.failed.Add(1)
	n := deliveries(msg)
	if n >= MaxDeliver || errors.Is(err, errPermanent) {
		m := nats.NewMsg(DeadSubj)
		m.Data = msg.Data()
		m.Header.Set("Annals-Error", err.Error())
		m.Header.Set("Annals-Deliveries", fmt.Sprint(n))
		m.Header.Set("Annals-Worker", w.ID)
		if _, perr := w.JS.PublishMsg(context.Background(), m); perr == nil {
			msg.Term()
			w.dead.Add(1)
			w.logf("document %s: dead-lettered to %s at delivery %d: %v", msgID(msg), DeadSubj, n, err)
			w.done(false, true, start)
			return
		}
	}
	w.logf("document %s: delivery %d failed, retrying in %v: %v", msgID(msg), n, RetryDelay(n), err)
	msg.NakWithDelay(RetryDelay(n))
	w.done(false, false, start)
}

// retry puts a message that failed for a transient reason back with a
// delay growing with its deliveries. It is never dead-lettered.
func (w *Worker) retry(msg jetstream.Msg, err error, start time.Time) {
	w.failed.Add(1)
	w.retried.Add(1)
	n := deliveries(msg)
	w.logf("document %s: delivery %d: transient error, retrying in %v: %v", msgID(msg), n, RetryDelay(n), err)
	msg.NakWithDelay(RetryDelay(n))
	w.done(false, false, start)
}

func deliveries(msg jetstream.Msg) uint64 {
	if meta, err := msg.Metadata(); err == nil {
		return meta.NumDelivered
	}
	return 1
}

func msgID(msg jetstream.Msg) string {
	if h := msg.Headers(); h != nil && h.Get(jetstream.MsgIDHeader) != "" {
		return fmt.Sprintf("%q", h.Get(jetstream.MsgIDHeader))
	}
	return "(no id)"
}

func (w *Worker) logf(format string, args ...any) {
	if w.Logf != nil {
		w.Logf(format, args...)
	}
}

func (w *Worker) done(ok, dead bool, start time.Time) {
	if w.OnDone != nil {
		w.OnDone(ok, dead, time.Since(start))
	}
}

var errPermanent = errors.New("permanent")

// code decodes and codes one message. A message that is not an article,
// and a document over the pipeline's budget, fail permanently.
func (w *Worker) code(data []byte) (*annals.CodedDocument, error) {
	a, err := ingest.DecodeJSONArticle(data, "queue", ingest.Options{})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errPermanent, err)
	}
	r := w.Pipeline.ProcessContext(context.Background(), a, time.Now().UTC())
	if r.Err != nil {
		if errors.Is(r.Err, pipeline.ErrBudget) {
			return nil, fmt.Errorf("%w: %v", errPermanent, r.Err)
		}
		return nil, r.Err
	}
	return r.Coded(), nil
}

func (w *Worker) store(data []byte) error {
	d, err := w.code(data)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err = w.DB.Add(ctx, []*annals.CodedDocument{d})
	if err != nil && strings.Contains(err.Error(), "duplicate key") {
		return nil // another worker stored it first
	}
	return err
}

// Status is a snapshot of the queue.
type Status struct {
	Pending     uint64       `json:"pending"`      // documents waiting
	InFlight    int          `json:"in_flight"`    // delivered, not yet acknowledged
	Redelivered int          `json:"redelivered"`  // delivered more than once
	Dead        uint64       `json:"dead_letters"` // documents that failed for good
	Workers     []WorkerInfo `json:"workers"`
}

// GetStatus reads the stream, the consumer and the worker reports.
func GetStatus(ctx context.Context, js jetstream.JetStream) (Status, error) {
	var st Status
	s, err := js.Stream(ctx, Stream)
	if err != nil {
		return st, fmt.Errorf("stream %s: %w", Stream, err)
	}
	si, err := s.Info(ctx)
	if err != nil {
		return st, err
	}
	st.Pending = si.State.Msgs
	if c, err := s.Consumer(ctx, Consumer); err == nil {
		if ci, err := c.Info(ctx); err == nil {
			st.InFlight, st.Redelivered = ci.NumAckPending, ci.NumRedelivered
			st.Pending = ci.NumPending + uint64(ci.NumAckPending)
		}
	}
	if d, err := js.Stream(ctx, DeadStream); err == nil {
		if di, err := d.Info(ctx); err == nil {
			st.Dead = di.State.Msgs
		}
	}
	if kv, err := js.KeyValue(ctx, Workers); err == nil {
		if keys, err := kv.Keys(ctx); err == nil {
			for _, k := range keys {
				if e, err := kv.Get(ctx, k); err == nil {
					var wi WorkerInfo
					if json.Unmarshal(e.Value(), &wi) == nil {
						st.Workers = append(st.Workers, wi)
					}
				}
			}
		}
	}
	return st, nil
}

// Replay re-publishes up to limit dead letters (all when limit is 0) to
// the work queue, oldest first, and removes each from the dead-letter
// stream once it is queued again: at least once, never lost. Each goes
// under a new message id, as its first one is still in the dedup window.
// It returns how many it replayed.
func Replay(ctx context.Context, js jetstream.JetStream, limit int) (int, error) {
	s, err := js.Stream(ctx, DeadStream)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", DeadStream, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", DeadStream, err)
	}
	stamp := time.Now().UTC().Format("20060102T150405.000000000")
	n := 0
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq && (limit <= 0 || n < limit); seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // removed already
		}
		if err != nil {
			return n, fmt.Errorf("read dead letter %d of %s: %w", seq, DeadStream, err)
		}
		var wa struct{ ID string }
		json.Unmarshal(m.Data, &wa)
		id := fmt.Sprintf("%s#replay-%s-%d", wa.ID, stamp, seq)
		if err := retry(ctx, func() error {
			_, err := js.Publish(ctx, Subject, m.Data, jetstream.WithMsgID(id))
			return err
		}); err != nil {
			return n, fmt.Errorf("replay dead letter %d (document %q): %w", seq, wa.ID, err)
		}
		if err := s.DeleteMsg(ctx, seq); err != nil {
			return n, fmt.Errorf("remove dead letter %d (document %q, queued again) from %s: %w", seq, wa.ID, DeadStream, err)
		}
		n++
	}
	return n, nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/queue"
	"github.com/annals-events/annals/internal/store"
)

// writeQueue is how many full batches wait for the writer before coding
// waits for it.
const writeQueue = 2

// batchWriter stores coded documents in batches on a goroutine of its
// own, one batch at a time and in the order they were added, so that
// coding goes on while a batch is written and the store holds, at any
// moment, a prefix of the input (what a killed ingest resumes from).
type batchWriter struct {
	size    int
	pending []*annals.CodedDocument
	batches chan []*annals.CodedDocument
	done    chan struct{}
	failed  atomic.Bool
	err     error // the first failed write; the batches after it are dropped
}

// newBatchWriter starts a writer of batches of size documents: write
// stores one batch.
func newBatchWriter(size int, write func([]*annals.CodedDocument) error) *batchWriter {
	w := &batchWriter{size: max(1, size), batches: make(chan []*annals.CodedDocument, writeQueue), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for b := range w.batches {
			if w.err != nil {
				continue
			}
			if err := write(b); err != nil {
				w.err = err
				w.failed.Store(true)
			}
		}
	}()
	return w
}

// add queues a document; a full batch goes to the writer, waiting only
// when writeQueue batches are already waiting.
func (w *batchWriter) add(d *annals.CodedDocument) {
	w.pending = append(w.pending, d)
	if len(w.pending) >= w.size {
		w.batches <- w.pending
		w.pending = make([]*annals.CodedDocument, 0, w.size)
	}
}

// Failed says whether a write has failed (the error comes from close).
func (w *batchWriter) Failed() bool { return w.failed.Load() }

// close writes the last, partial batch, waits for every write and
// returns the first error.
func (w *batchWriter) close() error {
	if len(w.pending) > 0 {
		w.batches <- w.pending
		w.pending = nil
	}
	close(w.batches)
	<-w.done
	return w.err
}

// DefaultRetryFor is how long ingest and recode keep trying a batch the
// store refuses for a transient reason before they give up.
const DefaultRetryFor = 10 * time.Minute

// retrying runs write until it succeeds, fails for a permanent reason, or
// the store has refused it for a transient one (the server down or
// restarting, a dropped connection, a deadlock, a locked SQLite file) for
// longer than patience; between tries it waits, half a second doubling up
// to 30 s, and says so on stderr. When ctx ends (an interrupt) it stops
// waiting and returns the last error.
func retrying(ctx context.Context, cmd string, patience time.Duration, stderr io.Writer, write func() error) error {
	var since time.Time
	for n := uint64(1); ; n++ {
		err := write()
		if err == nil || !store.Transient(err) || patience <= 0 {
			return err
		}
		if since.IsZero() {
			since = time.Now()
		}
		left := patience - time.Since(since)
		if left <= 0 {
			return fmt.Errorf("the database refused the batch for %v (--retry-for %v): %w", time.Since(since).Round(time.Second), patience, err)
		}
		d := min(queue.RetryDelay(n), left)
		fmt.Fprintf(stderr, "annals %s: the database is unavailable, retrying in %v: %v\n", cmd, d, err)
		select {
		case <-ctx.Done():
			return fmt.Errorf("interrupted while the database was unavailable: %w", err)
		case <-time.After(d):
		}
	}
}

package main

import (
	"sync/atomic"

	"github.com/annals-events/annals"
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

package main

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/store"
)

// storedBatch is the most articles looked up in the store at once, and
// storedWait how long a look-up waits for the reader to fill its batch.
const (
	storedBatch = 500
	storedWait  = 2 * time.Millisecond
)

// skipStored passes the articles of raw that are not stored yet (by id or
// content hash, as store.Add compares them) on to out, in order, and
// counts the others in skipped. It looks them up in batches, one query
// each: what the reader has ready, up to storedBatch, waiting at most
// storedWait for more. Once ctx is done it drains raw and passes nothing
// on. When a look-up fails the batch goes on: Add looks again.
func skipStored(ctx context.Context, db *store.DB, raw <-chan *annals.Article, out chan<- *annals.Article, skipped *atomic.Int64) {
	batch := make([]*annals.Article, 0, storedBatch)
	keys := make([]store.DocKey, 0, storedBatch)
	for {
		a, ok := <-raw
		if !ok {
			return
		}
		batch, ok = gather(raw, append(batch[:0], a))
		if ctx.Err() == nil {
			keys = keys[:0]
			for _, a := range batch {
				keys = append(keys, store.DocKey{ID: a.ID, Hash: ingest.ContentHash(a.Text)})
			}
			known, err := db.HasMany(ctx, keys)
			for i, a := range batch {
				if err == nil && known[i] {
					skipped.Add(1)
					continue
				}
				select {
				case out <- a:
				case <-ctx.Done():
				}
			}
		}
		if !ok {
			return
		}
	}
}

// gather adds to batch what raw yields until the batch is full,
// storedWait has passed, or raw is closed (ok false).
func gather(raw <-chan *annals.Article, batch []*annals.Article) (_ []*annals.Article, ok bool) {
	t := time.NewTimer(storedWait)
	defer t.Stop()
	for len(batch) < storedBatch {
		select {
		case a, ok := <-raw:
			if !ok {
				return batch, false
			}
			batch = append(batch, a)
		case <-t.C:
			return batch, true
		}
	}
	return batch, true
}

// firstThen waits for the first article of in: ok is false when in closes
// without one; otherwise work yields that article and then the rest of in.
func firstThen(in <-chan *annals.Article) (work <-chan *annals.Article, ok bool) {
	a, ok := <-in
	if !ok {
		return nil, false
	}
	ch := make(chan *annals.Article, cap(in)+1)
	ch <- a
	go func() {
		defer close(ch)
		for a := range in {
			ch <- a
		}
	}()
	return ch, true
}

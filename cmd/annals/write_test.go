package main

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/annals-events/annals"
)

func docN(i int) *annals.CodedDocument {
	return &annals.CodedDocument{Article: &annals.Article{ID: fmt.Sprint(i)}}
}

// TestBatchWriterOverlaps: while a batch is being written, coding goes on
// adding documents (up to writeQueue more batches); batches are written
// one at a time in order.
func TestBatchWriterOverlaps(t *testing.T) {
	release := make(chan struct{})
	var got []string
	w := newBatchWriter(2, func(docs []*annals.CodedDocument) error {
		if len(got) == 0 {
			<-release // the first write takes until the adds below are done
		}
		for _, d := range docs {
			got = append(got, d.Article.ID)
		}
		return nil
	})
	added := make(chan struct{})
	go func() {
		for i := 0; i < 2*(1+writeQueue); i++ {
			w.add(docN(i))
		}
		close(added)
	}()
	select {
	case <-added:
	case <-time.After(30 * time.Second):
		t.Fatal("add waited for a write in progress")
	}
	close(release)
	w.add(docN(6)) // a partial batch, written by close
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[0 1 2 3 4 5 6]" {
		t.Errorf("written %v", got)
	}
}

// TestBatchWriterStopsAtError: after a failed write nothing more is
// written, so the store keeps a prefix of the input.
func TestBatchWriterStopsAtError(t *testing.T) {
	boom := errors.New("disk full")
	calls := 0
	w := newBatchWriter(1, func(docs []*annals.CodedDocument) error {
		calls++
		if calls == 2 {
			return boom
		}
		return nil
	})
	for i := 0; i < 5; i++ {
		w.add(docN(i))
	}
	if err := w.close(); !errors.Is(err, boom) {
		t.Errorf("close: %v", err)
	}
	if calls != 2 || !w.Failed() {
		t.Errorf("%d writes, failed %v", calls, w.Failed())
	}
}

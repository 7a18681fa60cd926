package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

// TestHasMany: a document is known by its id or its content hash, as Add
// skips it, in batches larger than one query's.
func TestHasMany(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			db := b.Open(t)
			ctx := context.Background()
			var docs []*annals.CodedDocument
			for i := 0; i < 1200; i += 2 {
				text := fmt.Sprintf("Article %d.", i)
				docs = append(docs, &annals.CodedDocument{Article: &annals.Article{ID: fmt.Sprint("d", i), Text: text}, ContentHash: fmt.Sprint("h", i),
					Sentences: []annals.Span{{Start: 0, End: len(text)}}})
			}
			// a NUL in an id is stored as a space; it is still the same document
			docs = append(docs, &annals.CodedDocument{Article: &annals.Article{ID: "nul\x00id", Text: "x"}, ContentHash: "hnul", Sentences: []annals.Span{{Start: 0, End: 1}}})
			if _, err := db.Add(ctx, docs); err != nil {
				t.Fatal(err)
			}
			var keys []store.DocKey
			var want []bool
			for i := 0; i < 1200; i++ {
				base := i - i%2 // stored
				k, known := store.DocKey{ID: fmt.Sprint("d", base), Hash: fmt.Sprint("h", base)}, true
				switch {
				case i%2 == 0:
				case i%10 == 5:
					k, known = store.DocKey{ID: fmt.Sprint("new", i), Hash: fmt.Sprint("newh", i)}, false
				case i%4 == 1:
					k.Hash = fmt.Sprint("other", i) // same id, new text
				default:
					k.ID = fmt.Sprint("other", i) // same text, new id
				}
				keys = append(keys, k)
				want = append(want, known)
			}
			keys = append(keys, store.DocKey{ID: "new", Hash: "new"}, store.DocKey{ID: "nul\x00id", Hash: "x"}, store.DocKey{})
			want = append(want, false, true, false)
			got, err := db.HasMany(ctx, keys)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d answers for %d keys", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("key %d %+v: known %v, want %v", i, keys[i], got[i], want[i])
				}
				if one, _ := db.Has(ctx, keys[i].ID, keys[i].Hash); one != want[i] {
					t.Errorf("key %d: Has says %v", i, one)
				}
			}
			if got, err := db.HasMany(ctx, nil); err != nil || len(got) != 0 {
				t.Errorf("no keys: %v %v", got, err)
			}
		})
	}
}

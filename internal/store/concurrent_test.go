package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
)

// TestSQLiteConcurrentWriters runs 8 writers at once on one SQLite file,
// four on each of two handles (as two processes would): every document is
// stored and no writer fails with "database is locked". Deferred write
// transactions failed at once, whatever the busy timeout (issue 18 item 5).
func TestSQLiteConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	var dbs []*store.DB
	for range 2 {
		db, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs = append(dbs, db)
	}
	const writers, each = 8, 15
	docs := make([][]*annals.CodedDocument, writers)
	for w := range writers {
		for i := range each {
			docs[w] = append(docs[w], coded(t, fmt.Sprintf("w%d-%d", w, i), "2024-01-17", fmt.Sprintf("Wire %d", w),
				fmt.Sprintf("Iran struck Pakistan on Tuesday, report %d of writer %d.", i, w)))
		}
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	start := make(chan struct{})
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for _, d := range docs[w] {
				if _, err := dbs[w%2].Add(ctx, []*annals.CodedDocument{d}); err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		if n++; n <= 3 {
			t.Error(err)
		}
	}
	st, err := dbs[0].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != writers*each {
		t.Errorf("%d writers: %d of %d documents stored, %d writes failed", writers, st.Documents, writers*each, n)
	}
	// the one strike, reported by every document, is one event counting all
	evs, err := dbs[1].Events(ctx, annals.EventFilter{Source: "IRN", Target: "PAK", Root: "19"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].NumArticles != writers*each {
		t.Errorf("want one strike reported by %d documents, got %d events", writers*each, len(evs))
		for _, e := range evs {
			t.Logf("event %d: %d articles", e.ID, e.NumArticles)
		}
	}
}

// TestSQLiteConcurrentOpen: two handles opening a new file at once both
// migrate it without error.
func TestSQLiteConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.db")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := store.Open(path)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
		}
	}
}

// TestNULNeverReachesTheStore: a coded document whose text, title or
// mention carries NUL or invalid UTF-8 (from any path) is stored with
// those bytes replaced, offsets kept; PostgreSQL refused the whole batch.
func TestNULNeverReachesTheStore(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		bad := coded(t, "nul\x00id", "2024-01-17", "Wire\x00", "Iran struck Pakistan\x00 on Tuesday. Caf\xe9 owners protested.")
		bad.Article.Title = "T\x00itle"
		good := coded(t, "good", "2024-01-17", "Wire B", "Pakistan condemned Iran on Wednesday.")
		res, err := db.Add(ctx, []*annals.CodedDocument{bad, good})
		if err != nil || res.Added != 2 {
			t.Fatalf("add: %+v %v", res, err)
		}
		d, err := db.Document(ctx, "nul id")
		if err != nil {
			t.Fatal(err)
		}
		if d.Article.Text != "Iran struck Pakistan  on Tuesday. Caf? owners protested." || d.Article.Title != "T itle" || d.Article.Source != "Wire " {
			t.Errorf("stored %q %q %q", d.Article.Text, d.Article.Title, d.Article.Source)
		}
		if evs := attacks(t, db); len(evs) != 1 || evs[0].Evidence[0].Sentence != "Iran struck Pakistan  on Tuesday." {
			t.Errorf("events %+v", evs)
		}
		noDrift(t, db, "cleaned")
	})
}

// TestConcurrentMerges: writers merge reports into one event at once
// (from outlets they share) while another recodes stored ones to another
// event and back; no writer fails, and every count is what the reports
// say (in PostgreSQL each outlet's first report is decided under the
// event's lock, so two writers never both count it).
func TestConcurrentMerges(t *testing.T) {
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.EvidenceCap = 10
		const writers, each = 4, 20
		strikeDoc := func(w, i int) *annals.CodedDocument {
			return coded(t, fmt.Sprintf("m%d-%d", w, i), "2024-01-17", fmt.Sprintf("Wire %d", (w+i)%5), fmt.Sprintf("Iran struck Pakistan on Tuesday, report %d of writer %d said.", i, w))
		}
		var docs [writers][]*annals.CodedDocument
		for w := range writers {
			for i := range each {
				docs[w] = append(docs[w], strikeDoc(w, i))
			}
		}
		// the first of each writer's documents is stored before, to recode
		var first []*annals.CodedDocument
		for w := range writers {
			first = append(first, docs[w][0])
		}
		if _, err := db.Add(ctx, first); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, writers*each+20)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, d := range docs[w][1:] {
					if _, err := db.Add(ctx, []*annals.CodedDocument{d}); err != nil {
						errs <- fmt.Errorf("writer %d: %w", w, err)
					}
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 10 {
				var re []*annals.CodedDocument
				for w, d := range first {
					if (w+k)%2 == 0 {
						re = append(re, d)
						continue
					}
					a := *d.Article
					a.Text = fmt.Sprintf("Pakistan condemned Iran on Tuesday, writer %d said.", w)
					c := coded(t, a.ID, "2024-01-17", a.Source, a.Text)
					re = append(re, c)
				}
				if _, err := db.Replace(ctx, re); err != nil {
					errs <- fmt.Errorf("recode: %w", err)
				}
			}
		}()
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		noDrift(t, db, "after concurrent writers")
		var reports int
		db.SQL().QueryRow(`SELECT COUNT(*) FROM event_docs`).Scan(&reports)
		if reports != writers*each {
			t.Errorf("%d reports of %d documents", reports, writers*each)
		}
		if e := strike(t, db); e.NumSources != 5 || e.NumArticles < writers*(each-1) {
			t.Errorf("strike: %+v", e)
		}
	})
}

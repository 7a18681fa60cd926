package api

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/store"
)

// TestCacheBoundedInBytes: 600 distinct 4 KB keys with 200 KB responses
// (120 MB) leave the cache within its byte bound; a response over the
// entry limit is not kept.
func TestCacheBoundedInBytes(t *testing.T) {
	c := newRespCache(4096, MaxCacheBytes, time.Minute)
	body := make([]byte, 200<<10)
	for i := range 600 {
		k := fmt.Sprintf("/api/v1/events?q=%d&pad=%s", i, strings.Repeat("x", 4000))
		c.put(k, body)
		if c.bytes > MaxCacheBytes {
			t.Fatalf("after %d entries the cache holds %d bytes, over %d", i+1, c.bytes, MaxCacheBytes)
		}
	}
	total := 0
	for k, e := range c.data {
		total += len(k) + len(e.body)
	}
	if total != c.bytes || total == 0 {
		t.Errorf("accounted %d bytes, holds %d", c.bytes, total)
	}
	c.put("/big", make([]byte, MaxCacheEntry+1))
	if _, ok := c.get("/big"); ok {
		t.Error("an entry over MaxCacheEntry was kept")
	}
	c.put(strings.Repeat("k", MaxURL+1), []byte("{}"))
	if len(c.data) > 0 {
		if _, ok := c.get(strings.Repeat("k", MaxURL+1)); ok {
			t.Error("a key over MaxURL was kept")
		}
	}
}

// TestSharedGETSurvivesFirstCallerHangingUp: followers of an in-flight
// GET get its answer when the first caller hangs up (they got 500: the
// shared computation ran on the first caller's context).
func TestSharedGETSurvivesFirstCallerHangingUp(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := &Server{DB: db, Timeout: 5 * time.Second, CacheTTL: -1}
	s.Handler()
	started, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	h := s.wrap("GET /slow", func(r *http.Request) (any, error) {
		once.Do(func() { close(started) })
		select {
		case <-release:
			return map[string]string{"ok": "yes"}, nil
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	})
	ctx, hangUp := context.WithCancel(context.Background())
	first := httptest.NewRequest("GET", "/slow", nil).WithContext(ctx)
	done := make(chan struct{})
	go func() { h.ServeHTTP(httptest.NewRecorder(), first); close(done) }()
	<-started
	const followers = 20
	codes := make(chan int, followers)
	var wg sync.WaitGroup
	for range followers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", "/slow", nil))
			codes <- w.Code
		}()
	}
	time.Sleep(100 * time.Millisecond) // the followers join the flight
	hangUp()
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	<-done
	close(codes)
	bad := 0
	for c := range codes {
		if c != http.StatusOK {
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d followers failed after the first caller hung up", bad, followers)
	}
}

// FuzzFilter checks query parsing never panics and refuses what it cannot
// read with a 400, never another status.
func FuzzFilter(f *testing.F) {
	for _, q := range []string{"q=%20", "q=%00", "actor=%25", "dyad=PAK,IRN&from=2024-01-01&quad=4&limit=5&cursor=9&mode=all", "mode=x,y", "limit=-1", "dyad=,", "from=2024-13-01", "at=34.53,69.17", "at=91,0", "at=NaN,0", "at=1", "at=1,2,3"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r := httptest.NewRequest("GET", "/api/v1/events", nil)
		r.URL.RawQuery = raw
		if _, err := filter(r, "/api/v1/events"); err != nil {
			if code, msg := status(err); code != http.StatusBadRequest || msg == "" {
				t.Fatalf("%q: %d %q", raw, code, msg)
			}
		}
	})
}

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-events/annals/internal/api"
	"github.com/annals-events/annals/internal/store"
)

// TestPprofOnItsOwnListener: --pprof-addr serves Go's profiles on its
// own address, and the API's routes never do.
func TestPprofOnItsOwnListener(t *testing.T) {
	at, stop, err := servePprof("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	resp, err := http.Get("http://" + at + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "goroutine") {
		t.Errorf("pprof index: %d %.200s", resp.StatusCode, b)
	}
	db, err := store.Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := &api.Server{DB: db, CacheTTL: -1}
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/debug/pprof/", nil))
	if w.Code == 200 {
		t.Errorf("the API serves /debug/pprof/: %d", w.Code)
	}
}

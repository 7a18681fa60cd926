package api

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/store"
)

func loadServer(t *testing.T) (*Server, *bytes.Buffer) {
	db, err := store.Open(filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var log bytes.Buffer
	s := &Server{DB: db, Timeout: 5 * time.Second, CacheTTL: -1, MaxQueries: 1, QueueWait: 50 * time.Millisecond,
		Log: slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	return s, &log
}

func metricsText(s *Server) string {
	var b bytes.Buffer
	s.metrics.WritePrometheus(&b)
	return b.String()
}

// TestBusyAnswers503Quickly: with every query slot taken, a request is
// answered 503 with Retry-After within about QueueWait, not after the
// server's timeout; once a slot is free it is answered.
func TestBusyAnswers503Quickly(t *testing.T) {
	s, _ := loadServer(t)
	h := s.Handler()
	s.slots <- struct{}{} // a heavy query holds the only slot
	start := time.Now()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/actors", nil))
	if w.Code != 503 || w.Header().Get("Retry-After") == "" || time.Since(start) > time.Second {
		t.Errorf("busy: %d, Retry-After %q, after %s", w.Code, w.Header().Get("Retry-After"), time.Since(start))
	}
	<-s.slots
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/actors", nil))
	if w.Code != 200 {
		t.Errorf("with a free slot: %d %s", w.Code, w.Body)
	}
	if len(s.slots) != 0 {
		t.Errorf("%d slots still taken", len(s.slots))
	}
}

// TestClientGoneIsNotAnError: a client that hangs up is neither logged
// as an error nor counted as a 5xx; it is counted as 499.
func TestClientGoneIsNotAnError(t *testing.T) {
	s, log := loadServer(t)
	h := s.Handler()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/v1/network", nil).WithContext(ctx))
	m := metricsText(s)
	if strings.Contains(log.String(), "level=ERROR") || strings.Contains(m, `status="5`) || !strings.Contains(m, `status="499"`) {
		t.Errorf("a client that went away: log %q, metrics %s", log.String(), m)
	}
}

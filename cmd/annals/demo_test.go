//go:build unix

package main

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a strings.Builder safe to read while a command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestDemoAnnouncesWhatItShows: the demo's "N events" is the number of
// events the dashboard lists (negated and hypothetical ones are stored
// but not shown).
func TestDemoAnnouncesWhatItShows(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	var out, errs syncBuffer
	done := make(chan int)
	go func() { done <- run([]string{"demo", "--addr", "127.0.0.1:0"}, &out, &errs, strings.NewReader("")) }()
	re := regexp.MustCompile(`\((\d+) illustrative articles, (\d+) events\) is in (\S+)\.\n`)
	var m []string
	for deadline := time.Now().Add(2 * time.Minute); m == nil && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		m = re.FindStringSubmatch(out.String())
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT) // the server stops on an interrupt
	if code := <-done; code != exitOK || m == nil {
		t.Fatalf("demo: exit %d, no announcement\n%s%s", code, out.String(), errs.String())
	}
	q, qerrs, code := runCLI(t, "", "query", "--db", m[3], "--format", "csv", "--limit", "100000")
	if code != exitOK {
		t.Fatalf("query: %s", qerrs)
	}
	shown := strings.Count(q, "\n") - 1
	if m[2] != strconv.Itoa(shown) {
		t.Errorf("demo announces %s events, shows %d", m[2], shown)
	}
	all, _, _ := runCLI(t, "", "query", "--db", m[3], "--format", "csv", "--limit", "100000", "--mode", "all")
	t.Logf("announced %s, shown %d, stored %d", m[2], shown, strings.Count(all, "\n")-1)
}

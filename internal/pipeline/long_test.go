package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/cputime"
	"github.com/annals-events/annals/internal/demo"
)

var (
	testPipe     *Pipeline
	testPipeErr  error
	testPipeOnce sync.Once
)

func pipe(tb testing.TB) *Pipeline {
	tb.Helper()
	testPipeOnce.Do(func() { testPipe, testPipeErr = New(Options{}) })
	if testPipeErr != nil {
		tb.Fatal(testPipeErr)
	}
	return testPipe
}

// paragraphs are the demo corpus's paragraphs without their datelines:
// normal news sentences.
func paragraphs(tb testing.TB) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(demo.Corpus))
	for sc.Scan() {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		for _, p := range strings.Split(r.Text, "\n\n") {
			if i := strings.Index(p, ") - "); i >= 0 && i < 60 {
				p = p[i+4:]
			}
			out = append(out, p)
		}
	}
	return out
}

// article returns news-like text of about n bytes: the demo corpus's
// paragraphs, repeated in order.
func article(tb testing.TB, n int) string {
	ps := paragraphs(tb)
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(ps[i%len(ps)])
	}
	return b.String()
}

// unpunctuated returns about n bytes of the same sentences on one line
// with no punctuation: one sentence as long as the text.
func unpunctuated(tb testing.TB, n int) string {
	s := strings.Map(func(r rune) rune {
		switch r {
		case '.', ',', '!', '?', ';', ':', '"', '(', ')', '\n':
			return ' '
		}
		return r
	}, article(tb, n))
	return strings.Join(strings.Fields(s), " ")
}

var pub = time.Date(2024, 1, 17, 0, 0, 0, 0, time.UTC)

// cpuTime is the process's user and system time: on a shared machine the
// wall clock also counts waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchCode(b *testing.B, txt string) {
	benchPipe(b, pipe(b), txt)
}

func benchPipe(b *testing.B, p *Pipeline, txt string) {
	b.SetBytes(int64(len(txt)))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		p.Process(&annals.Article{ID: "bench", Text: txt, Published: pub}, pub)
	}
	perOp := float64(cpuTime()-cpu) / float64(b.N)
	b.ReportMetric(perOp/1e9, "cpu-s/op")
	b.ReportMetric(perOp/float64(len(txt)), "cpu-ns/B")
}

func BenchmarkCode10KB(b *testing.B)             { benchCode(b, article(b, 10<<10)) }
func BenchmarkCode100KB(b *testing.B)            { benchCode(b, article(b, 100<<10)) }
func BenchmarkCode1MB(b *testing.B)              { benchCode(b, article(b, 1<<20)) }
func BenchmarkCodeUnpunctuated40KB(b *testing.B) { benchCode(b, unpunctuated(b, 40<<10)) }

// the syntax stage too, as explain and a coder reading the tree run it
func BenchmarkCode1MBSyntax(b *testing.B) {
	p := *pipe(b)
	p.Syntax = true
	benchPipe(b, &p, article(b, 1<<20))
}

// codeWithin codes txt with p and fails unless it is done (coded, or
// skipped with its reason) within limit.
func codeWithin(t *testing.T, p *Pipeline, name, txt string, limit time.Duration) Result {
	t.Helper()
	done := make(chan Result, 1)
	start := time.Now()
	go func() { done <- p.Process(&annals.Article{ID: name, Text: txt, Published: pub}, pub) }()
	select {
	case r := <-done:
		t.Logf("%s (%d bytes): %v, %d events, err %v", name, len(txt), time.Since(start).Round(time.Millisecond), len(r.Events), r.Err)
		return r
	case <-time.After(limit):
		t.Fatalf("%s (%d bytes): not coded or skipped within %v", name, len(txt), limit)
		return Result{}
	}
}

// An 800 KB article took more than 200 s when every reference copied all
// earlier mentions; one unpunctuated 40 KB line 115 s.
func TestLongDocumentsBounded(t *testing.T) {
	p := pipe(t)
	r := codeWithin(t, p, "long", article(t, 800<<10), 30*time.Second)
	if r.Err != nil {
		t.Fatalf("800 KB of news sentences skipped: %v", r.Err)
	}
	if len(r.Events) < 100 {
		t.Errorf("800 KB of news sentences: only %d events", len(r.Events))
	}
	if r := codeWithin(t, p, "line", unpunctuated(t, 40<<10), 30*time.Second); r.Err != nil {
		t.Fatalf("a 40 KB line skipped: %v", r.Err)
	}
}

// Coding work per byte does not grow with the document: 800 KB costs per
// byte what 100 KB does (with room for noise; quadratic work would make it
// 8 times as much). Work is measured as the process's CPU time, which other
// processes on a busy machine do not stretch as they stretch wall time.
func TestCodingTimeLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	p := pipe(t)
	clock := cputime.Self
	if clock() == 0 {
		start := time.Now()
		clock = func() time.Duration { return time.Since(start) } // no CPU clock here
	}
	perByte := func(n int) float64 {
		txt := article(t, n)
		best := time.Duration(1 << 62)
		for range 3 {
			runtime.GC()
			c0 := clock()
			p.Process(&annals.Article{ID: "x", Text: txt, Published: pub}, pub)
			best = min(best, clock()-c0)
		}
		return float64(best) / float64(len(txt))
	}
	small, large := perByte(100<<10), perByte(800<<10)
	t.Logf("CPU ns per byte: 100 KB %.0f, 800 KB %.0f (ratio %.2f)", small, large, large/small)
	if large > 3*small {
		t.Errorf("800 KB costs %.1f times as much per byte as 100 KB", large/small)
	}
}

func TestBudget(t *testing.T) {
	base := pipe(t)
	long := &annals.Article{ID: "doc-1", Text: article(t, 800<<10), Published: pub}

	p := *base
	p.MaxBytes = 100 << 10
	r := p.Process(long, pub)
	if !errors.Is(r.Err, ErrBudget) || !strings.Contains(r.Err.Error(), `"doc-1"`) || !strings.Contains(r.Err.Error(), "--max-doc-bytes") {
		t.Errorf("over the size budget: %v", r.Err)
	}
	if r.Doc == nil || r.Doc.Article != long || len(r.Events) != 0 {
		t.Errorf("a skipped document keeps its article and has no events: %+v", r)
	}

	p = *base
	p.MaxTime = 20 * time.Millisecond
	start := time.Now()
	r = p.Process(long, pub)
	if !errors.Is(r.Err, ErrBudget) || !strings.Contains(r.Err.Error(), "--max-doc-time") {
		t.Errorf("over the time budget: %v", r.Err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("over the time budget: stopped after %v", d)
	}
	t.Log(r.Err)

	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	start = time.Now()
	r = base.ProcessContext(ctx, long, pub)
	if !errors.Is(r.Err, context.Canceled) || errors.Is(r.Err, ErrBudget) {
		t.Errorf("cancelled: %v", r.Err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancelled: stopped after %v", d)
	}
}

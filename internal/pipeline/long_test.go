package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
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

// clock is the process's CPU time where the platform tells it (other
// processes on a shared machine stretch wall time, not CPU time), the wall
// clock otherwise.
func clock() func() time.Duration {
	if cputime.Self() != 0 {
		return cputime.Self
	}
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}

func benchPipe(b *testing.B, p *Pipeline, txt string) {
	b.SetBytes(int64(len(txt)))
	now := clock()
	b.ResetTimer()
	cpu := now()
	for b.Loop() {
		if r := p.Process(&annals.Article{ID: "bench", Text: txt, Published: pub}, pub); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
	perOp := float64(now()-cpu) / float64(b.N)
	b.ReportMetric(perOp/1e9, "cpu-s/op")
	b.ReportMetric(perOp/float64(len(txt)), "cpu-ns/B")
}

// benchSizes are the article lengths BenchmarkCode codes: coding time per
// byte should stay within a factor of 2 across them (issue 18), and the
// 1 MB article should take under 2 s of one core.
var benchSizes = []struct {
	name string
	n    int
}{{"10KB", 10 << 10}, {"30KB", 30 << 10}, {"100KB", 100 << 10}, {"300KB", 300 << 10}, {"1MB", 1 << 20}}

// BenchmarkCode codes news-like articles of 10 KB to 1 MB on one
// goroutine and reports the CPU time per byte (cpu-ns/B) and per article
// (cpu-s/op); compare cpu-ns/B across the sizes:
//
//	go test ./internal/pipeline -run '^$' -bench '^BenchmarkCode$' -benchtime 3x
func BenchmarkCode(b *testing.B) {
	p := pipe(b)
	for _, s := range benchSizes {
		txt := article(b, s.n)
		b.Run(s.name, func(b *testing.B) { benchPipe(b, p, txt) })
	}
}

// BenchmarkCodeUnpunctuated40KB: one sentence as long as the text (115 s
// when every reference copied the mentions before it).
func BenchmarkCodeUnpunctuated40KB(b *testing.B) { benchPipe(b, pipe(b), unpunctuated(b, 40<<10)) }

// the syntax stage too, as explain and a coder reading the tree run it
func BenchmarkCode1MBSyntax(b *testing.B) {
	p := *pipe(b)
	p.Syntax = true
	benchPipe(b, &p, article(b, 1<<20))
}

// TestLongDocumentsBounded: an 800 KB article (more than 200 s when
// every reference copied all earlier mentions) and one unpunctuated 40 KB
// line (115 s) are coded within the default budget, not skipped; how long
// they take is BenchmarkCode's business, how their work grows
// TestCodingWorkLinear's.
func TestLongDocumentsBounded(t *testing.T) {
	p := pipe(t)
	for _, c := range []struct {
		name, text string
		events     int
	}{{"800 KB of news sentences", article(t, 800<<10), 100}, {"a 40 KB line", unpunctuated(t, 40<<10), 1}} {
		r := p.Process(&annals.Article{ID: "long", Text: c.text, Published: pub}, pub)
		if r.Err != nil {
			t.Fatalf("%s skipped: %v", c.name, r.Err)
		}
		if len(r.Events) < c.events {
			t.Errorf("%s: %d events, want at least %d", c.name, len(r.Events), c.events)
		}
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

// work codes txt once and returns the allocations it made and the bytes
// they took: measures of its work that do not depend on the machine or its
// load (the same text gives the same figures, run after run).
func work(p *Pipeline, txt string) (mallocs, bytes uint64) {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	p.Process(&annals.Article{ID: "x", Text: txt, Published: pub}, pub)
	runtime.ReadMemStats(&b)
	return b.Mallocs - a.Mallocs, b.TotalAlloc - a.TotalAlloc
}

// repeated is about n bytes of one sentence told again and again: one
// event with as many evidence sentences.
func repeated(n int) string { return strings.Repeat("Iran attacked Pakistan on Monday. ", n/34) }

// datedDaily is about n bytes of the same attack on a new day each
// sentence: one kind of event on thousands of days.
func datedDaily(n int) string {
	var b strings.Builder
	d := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	for b.Len() < n {
		fmt.Fprintf(&b, "Iran attacked Pakistan on %s. ", d.Format("2 January 2006"))
		d = d.AddDate(0, 0, 1)
	}
	return b.String()
}

// TestCodingWorkLinear: coding eight times the text makes eight times the
// allocations and bytes allocated, within a margin, for news sentences, one
// unpunctuated line, one sentence repeated and one event on thousands of
// days, and with the syntax stage for the first two. The count is deterministic, so this cannot flake on a busy machine;
// work that allocates nothing (a scan) is what BenchmarkCode's CPU time per
// byte shows. Before the sentence cap an unpunctuated line allocated 3.2
// times as much per byte at 160 KB as at 20 KB, and references that
// copied every earlier mention made any long article quadratic.
func TestCodingWorkLinear(t *testing.T) {
	p := pipe(t)
	syn := *p
	syn.Syntax = true              // the syntax stage too, as explain and parse run it
	work(&syn, article(t, 10<<10)) // first use of lazily built tables
	news := func(n int) string { return article(t, n) }
	line := func(n int) string { return unpunctuated(t, n) }
	for _, c := range []struct {
		name string
		p    *Pipeline
		text func(n int) string
	}{
		{"news", p, news},
		{"unpunctuated", p, line},
		{"repeated", p, repeated},
		{"daily", p, datedDaily},
		{"news with syntax", &syn, news},
		{"unpunctuated with syntax", &syn, line},
	} {
		small, large := c.text(50<<10), c.text(400<<10)
		m1, b1 := work(c.p, small)
		m2, b2 := work(c.p, large)
		perByte := func(x uint64, txt string) float64 { return float64(x) / float64(len(txt)) }
		mr, br := perByte(m2, large)/perByte(m1, small), perByte(b2, large)/perByte(b1, small)
		t.Logf("%s: allocations per byte %.2f at 50 KB, %.2f at 400 KB (x%.2f); bytes allocated per byte %.0f, %.0f (x%.2f)",
			c.name, perByte(m1, small), perByte(m2, large), mr, perByte(b1, small), perByte(b2, large), br)
		if mr > 1.25 || br > 1.5 {
			t.Errorf("%s: 8 times the text takes %.2f times the allocations and %.2f times the bytes per byte", c.name, mr, br)
		}
	}
}

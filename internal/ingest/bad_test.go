package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/annals-events/annals"
)

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func jsonLine(i int) string {
	return fmt.Sprintf(`{"id":"doc-%d","text":"Iran condemned Pakistan on Monday, report %d."}`+"\n", i, i)
}

// TestJSONLLongLineSkipsOnlyItself: a line over MaxLineBytes is skipped
// with its number and the lines after it are read (bufio.Scanner's limit
// ended the file silently).
func TestJSONLLongLineSkipsOnlyItself(t *testing.T) {
	long := `{"id":"big","text":"` + strings.Repeat("a", MaxLineBytes) + `"}` + "\n"
	p := writeFile(t, "long.jsonl", []byte(jsonLine(1)+long+jsonLine(3)))
	arts, errs := collect(t, []string{p}, Options{})
	if len(arts) != 2 || arts[1].ID != "doc-3" {
		t.Errorf("read %d articles, want doc-1 and doc-3", len(arts))
	}
	if len(errs) != 1 || errs[0].Input != p+":2" || !errors.Is(errs[0], ErrTooLarge) || !strings.Contains(errs[0].Error(), "line longer than the 40 MB limit") {
		t.Errorf("errors %v, want line 2 longer than the 40 MB limit", errs)
	}
}

// TestJSONLStrayNULRejectsOneRecord: a raw NUL byte in the first 8 KB of a
// JSONL file rejects its line, not the file.
func TestJSONLStrayNULRejectsOneRecord(t *testing.T) {
	var b bytes.Buffer
	for i := 1; i <= 1000; i++ {
		l := jsonLine(i)
		if i == 5 {
			l = strings.Replace(l, "Monday", "Mon\x00day", 1)
		}
		b.WriteString(l)
	}
	for _, in := range []struct{ name, path string }{{"file", writeFile(t, "nul.jsonl", b.Bytes())}} {
		arts, errs := collect(t, []string{in.path}, Options{})
		if len(arts) != 999 {
			t.Errorf("%s: read %d of 1000 articles, want 999", in.name, len(arts))
		}
		if len(errs) != 1 || errs[0].Input != in.path+":5" {
			t.Errorf("%s: errors %v, want one for line 5", in.name, errs)
		}
	}
	// the same body through ReadData (the API)
	n, nerr := 0, 0
	ReadData("body", b.Bytes(), Options{}, func(*annals.Article) error { n++; return nil }, func(*InputError) { nerr++ })
	if n != 999 || nerr != 1 {
		t.Errorf("ReadData: %d articles, %d errors; want 999 and 1", n, nerr)
	}
}

// TestNULAndInvalidTextCleaned: NUL bytes (escaped in JSON, or raw in
// text), other control characters and invalid UTF-8 never reach a store.
func TestNULAndInvalidTextCleaned(t *testing.T) {
	p := writeFile(t, "esc.jsonl", []byte(`{"id":"a\u0000b","title":"T\u0000itle","source":"W\u0001ire","text":"Iran\u0000 condemned Pakistan\u0007 on Monday."}`+"\n"))
	q := writeFile(t, "raw.txt", []byte("Iran condemned \xff\xfePakistan on Monday.\x00\x00 Pakistan praised Iran."))
	arts, errs := collect(t, []string{p}, Options{})
	_, errs2 := collect(t, []string{q}, Options{})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("escaped NUL: %d articles, errors %v", len(arts), errs)
	}
	if len(errs2) != 1 || !errors.Is(errs2[0], ErrBinary) {
		t.Errorf("raw NUL in a plain text file: %v, want it refused as binary", errs2)
	}
	a := arts[0]
	for _, f := range []string{a.ID, a.Title, a.Source, a.Text} {
		if strings.ContainsAny(f, "\x00\x01\x07") {
			t.Errorf("control character kept: %q", f)
		}
	}
	if a.ID != "ab" || a.Text != "Iran condemned Pakistan on Monday." {
		t.Errorf("cleaned %q %q", a.ID, a.Text)
	}
	var got []*annals.Article
	ReadData("body", []byte("Iran condemned \xff\xfePakistan."), Options{}, func(a *annals.Article) error { got = append(got, a); return nil }, func(e *InputError) { t.Error(e) })
	if len(got) != 1 || !strings.Contains(got[0].Text, "\uFFFD") || !strings.Contains(got[0].Text, "Pakistan") {
		t.Errorf("invalid UTF-8 not repaired: %+v", got)
	}
}

func gz(t *testing.T, write func(w *gzip.Writer)) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	write(w)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGzipExpandedLimit: a compressed single article is limited by its
// expanded size, and the message says so.
func TestGzipExpandedLimit(t *testing.T) {
	zero := make([]byte, 1<<20)
	for i := range zero {
		zero[i] = 'a'
	}
	p := writeFile(t, "bomb.txt.gz", gz(t, func(w *gzip.Writer) {
		for range MaxArticleBytes>>20 + 1 {
			w.Write(zero)
		}
	}))
	_, errs := collect(t, []string{p}, Options{})
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.Contains(errs[0].Error(), "gzip: expands to more than the 20 MB limit") {
		t.Errorf("errors %v, want the expanded-size limit named", errs)
	}
}

// TestGzipJSONLStreams: a .jsonl.gz that expands to 200 MB is read one
// line at a time: memory stays far below its expanded size (the whole
// expansion was held before, 4.7 GB for a 3 GB bomb).
func TestGzipJSONLStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("200 MB of gzip")
	}
	junk := bytes.Repeat([]byte(strings.Repeat("x", 1023)+"\n"), 1024) // 1 MB of bad lines
	p := writeFile(t, "bomb.jsonl.gz", gz(t, func(w *gzip.Writer) {
		w.Write([]byte(jsonLine(1)))
		for range 200 {
			w.Write(junk)
		}
		w.Write([]byte(jsonLine(2)))
	}))
	n, nerr := 0, 0
	grew := heapPeak(func() {
		err := Read([]string{p}, Options{}, func(*annals.Article) error { n++; return nil }, func(*InputError) { nerr++ })
		if err != nil {
			t.Error(err)
		}
	})
	if n != 2 || nerr != 200*1024 {
		t.Errorf("read %d articles with %d errors, want 2 and %d", n, nerr, 200*1024)
	}
	if grew > 100<<20 {
		t.Errorf("heap grew by %d MB reading a .jsonl.gz that expands to 200 MB", grew>>20)
	} else {
		t.Logf("heap grew by at most %d MB", grew>>20)
	}
}

// heapPeak runs fn and returns by how much the live heap grew at most
// while it ran, sampled every millisecond.
func heapPeak(fn func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	var peak atomic.Uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	return peak.Load() - min(base, peak.Load())
}

// TestGzip3GB: a 3 MB .jsonl.gz that expands to 3 GB (a line of 3 GB
// after a good one, made of 3,072 gzip members of 1 MB each, so no 3 GB
// file is ever written) is refused once its expansion passes the 2 GB
// limit on JSON lines, with that limit named, in memory bounded by the
// longest line read; the line before it and the file after it are read. It used 4.7 GB of memory before, and
// the message named the 20 MB limit on an article.
func TestGzip3GB(t *testing.T) {
	if testing.Short() {
		t.Skip("2 GB of gzip to expand")
	}
	member := gz(t, func(w *gzip.Writer) { w.Write(bytes.Repeat([]byte("x"), 1<<20)) })
	var b bytes.Buffer
	b.Write(gz(t, func(w *gzip.Writer) { w.Write([]byte(jsonLine(1) + `{"id":"bomb","text":"`)) }))
	for range 3 << 10 {
		b.Write(member)
	}
	dir := t.TempDir()
	bomb := filepath.Join(dir, "a-bomb.jsonl.gz")
	if err := os.WriteFile(bomb, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	after := filepath.Join(dir, "b-after.jsonl")
	if err := os.WriteFile(after, []byte(jsonLine(2)), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %.1f MB expanding to %d MB", filepath.Base(bomb), float64(b.Len())/(1<<20), 3<<10)
	var ids []string
	var errs []*InputError
	grew := heapPeak(func() {
		err := Read([]string{dir}, Options{}, func(a *annals.Article) error { ids = append(ids, a.ID); return nil }, func(e *InputError) { errs = append(errs, e) })
		if err != nil {
			t.Error(err)
		}
	})
	if fmt.Sprint(ids) != "[doc-1 doc-2]" {
		t.Errorf("read %v, want doc-1 before the bomb and doc-2 after it", ids)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.Contains(errs[0].Error(), "gzip: expands to more than the 2 GB limit") ||
		!strings.Contains(errs[0].Input, "a-bomb.jsonl") {
		t.Errorf("errors %v, want the bomb refused for expanding past the 2 GB limit", errs)
	}
	// a line is held up to MaxLineBytes before it is known to be too
	// long, and the collector lets as much garbage again build up
	if grew > 4*MaxLineBytes {
		t.Errorf("heap grew by %d MB expanding the bomb, over 4 times the %d MB a line may take", grew>>20, MaxLineBytes>>20)
	}
	t.Logf("heap grew by at most %d MB; %v", grew>>20, errs)
}

package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
)

// TestReadStreamHandsOnAsItReads: the first article of a JSON-lines or
// JSON-array stream reaches the handler before the rest of the stream is
// written, so a request body is never held whole.
func TestReadStreamHandsOnAsItReads(t *testing.T) {
	for _, c := range []struct{ name, first, rest string }{
		{"lines", jsonLine(1), jsonLine(2)},
		{"array", "[" + strings.TrimSpace(jsonLine(1)), "," + strings.TrimSpace(jsonLine(2)) + "]"},
	} {
		pr, pw := io.Pipe()
		got := make(chan string, 2)
		done := make(chan error, 1)
		var errs []*InputError
		go func() {
			done <- ReadStream("body", pr, Options{}, func(a *annals.Article) error { got <- a.ID; return nil }, func(e *InputError) { errs = append(errs, e) })
		}()
		pw.Write([]byte(c.first))
		pw.Write([]byte("\n" + strings.Repeat(" ", 70<<10))) // past the reader's buffer
		select {
		case id := <-got:
			if id != "doc-1" {
				t.Errorf("%s: first article %q", c.name, id)
			}
		case err := <-done:
			t.Fatalf("%s: stream ended (%v) before the rest was written", c.name, err)
		case <-time.After(time.Minute): // a guard against a hang, not a speed target
			t.Fatalf("%s: the first article waited for the rest of the stream", c.name)
		}
		pw.Write([]byte(c.rest))
		pw.Close()
		if err := <-done; err != nil || len(errs) != 0 {
			t.Errorf("%s: %v %v", c.name, err, errs)
		}
		if id := <-got; id != "doc-2" {
			t.Errorf("%s: second article %q", c.name, id)
		}
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestReadStreamPerDocumentLimits: each document of a stream is held to
// the limit of one article: a plain-text body over it is refused after
// reading no more than the limit, and a JSON line or array element over it
// skips only itself, named.
func TestReadStreamPerDocumentLimits(t *testing.T) {
	big := strings.Repeat("Iran condemned Pakistan. ", MaxArticleBytes/25+1)
	src := &countingReader{r: io.MultiReader(strings.NewReader(big), strings.NewReader(big))}
	var errs []*InputError
	err := ReadStream("body", src, Options{}, func(a *annals.Article) error { t.Errorf("article of %d bytes read", len(a.Text)); return nil }, func(e *InputError) { errs = append(errs, e) })
	if err != nil || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || errs[0].Error() != "body: larger than the 20 MB limit" {
		t.Errorf("a 40 MB text body: %v %v, want it refused over the 20 MB limit", err, errs)
	}
	if src.n > MaxArticleBytes+128<<10 {
		t.Errorf("read %d bytes of a text body to refuse it over %d", src.n, MaxArticleBytes)
	}
	bigDoc := `{"id":"big","text":"` + big + `"}`
	for _, c := range []struct{ name, body, where string }{
		{"lines", jsonLine(1) + bigDoc + "\n" + jsonLine(3), "body:2"},
		{"array", "[" + strings.TrimSpace(jsonLine(1)) + "," + bigDoc + "," + strings.TrimSpace(jsonLine(3)) + "]", "body[1]"},
	} {
		var ids []string
		errs = nil
		err := ReadStream("body", strings.NewReader(c.body), Options{}, func(a *annals.Article) error { ids = append(ids, a.ID); return nil }, func(e *InputError) { errs = append(errs, e) })
		if err != nil || fmt.Sprint(ids) != "[doc-1 doc-3]" {
			t.Errorf("%s: read %v (%v), want doc-1 and doc-3", c.name, ids, err)
		}
		if len(errs) != 1 || errs[0].Input != c.where || !errors.Is(errs[0], ErrTooLarge) {
			t.Errorf("%s: errors %v, want %s over the limit", c.name, errs, c.where)
		}
	}
}

var errCut = errors.New("connection cut")

// TestReadStreamReturnsReadErrors: a stream that fails (a body cut off,
// or over the server's limit) is an error of the read, returned, not a
// problem of one record; the articles before it were handed on.
func TestReadStreamReturnsReadErrors(t *testing.T) {
	for _, body := range []string{jsonLine(1) + jsonLine(2) + `{"id":"cut","te`, "[" + strings.TrimSpace(jsonLine(1)) + ",", "Iran condemned"} {
		r := io.MultiReader(strings.NewReader(body), iotestErr{errCut})
		n := 0
		err := ReadStream("body", r, Options{}, func(*annals.Article) error { n++; return nil }, func(*InputError) {})
		if !errors.Is(err, errCut) {
			t.Errorf("%.20q...: %v after %d articles, want the read error", body, err, n)
		}
	}
}

type iotestErr struct{ err error }

func (e iotestErr) Read([]byte) (int, error) { return 0, e.err }

// outcome is what reading b gives: the articles and the problems.
func outcome(read func(fn Handler, onErr ErrorHandler) error) (arts []annals.Article, errs []string, err error) {
	err = read(func(a *annals.Article) error { arts = append(arts, *a); return nil }, func(e *InputError) { errs = append(errs, e.Error()) })
	return
}

var streamSeeds = []string{
	"plain text.", jsonLine(1) + jsonLine(2), `{"id":"a","text":"x"}`, "[" + strings.TrimSpace(jsonLine(1)) + "]", "\ufeff[{\"text\":\"y\"}, 3, {\"text\":\"\"}]",
	"[{\"text\":\"y\"}] trailing", "[{\"text\":", "<html><body><p>Hi there.</p></body></html>",
	"<rss><channel><item><description>x</description></item></channel></rss>", "WARC/1.0\r\n\r\n", "   \n", "{\"text\":\"a\x00b\"}\n\x00\n",
}

// TestReadStreamAgreesWithReadData: a stream gives the articles and the
// problems the same bytes give ReadData.
func TestReadStreamAgreesWithReadData(t *testing.T) {
	for _, s := range streamSeeds {
		checkAgree(t, []byte(s))
	}
}

func checkAgree(t *testing.T, b []byte) {
	t.Helper()
	a1, e1, err1 := outcome(func(fn Handler, onErr ErrorHandler) error { return ReadData("body", b, Options{}, fn, onErr) })
	a2, e2, err2 := outcome(func(fn Handler, onErr ErrorHandler) error {
		return ReadStream("body", bytes.NewReader(b), Options{}, fn, onErr)
	})
	if err1 != nil || err2 != nil || !reflect.DeepEqual(a1, a2) || !reflect.DeepEqual(e1, e2) {
		t.Fatalf("%q:\nReadData   %d articles %q %v\n  %#v\nReadStream %d articles %q %v\n  %#v", b, len(a1), e1, err1, a1, len(a2), e2, err2, a2)
	}
}

// FuzzReadStream: reading a stream never panics and gives what ReadData
// gives for the same bytes.
func FuzzReadStream(f *testing.F) {
	for _, s := range streamSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkAgree(t, b) })
}

// TestHTMLDecodesTheSameEveryTime: a page that is not valid UTF-8 and
// names no charset decodes to the same text every time (FuzzReadStream
// found pages chardet rates equally likely in two encodings, which decoded
// one way or the other depending on which of its goroutines answered
// first: the same page, ingested twice, was two documents).
func TestHTMLDecodesTheSameEveryTime(t *testing.T) {
	for _, page := range []string{"<html>\x8bZb1", "(i0$7\xf0'<Body200bb&", "<htmly9AA0B10B>AX0ZY\xf3C08B0020C1C90"} {
		texts := map[string]int{}
		for range 1000 {
			a, err := parseHTML("page", []byte(page), Options{})
			if err != nil {
				t.Fatalf("%q: %v", page, err)
			}
			texts[a.Text]++
		}
		if len(texts) != 1 {
			t.Errorf("%q decodes %d ways: %v", page, len(texts), texts)
		}
	}
}

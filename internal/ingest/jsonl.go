package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/annals-events/annals"
)

// MaxLineBytes is the longest JSON line read; a longer line is skipped
// with its line number and reading goes on.
const MaxLineBytes = 2 * MaxArticleBytes

// MaxBufferedBytes bounds an input read whole into memory (a JSON array,
// a feed, an uncompressed single article); JSON lines stream and are
// bounded by MaxContainerBytes.
const MaxBufferedBytes = 256 << 20

// LimitError says which size limit an input passed.
type LimitError struct {
	What  string // "larger than", "gzip: expands to more than", ...
	Limit int64
}

func (e *LimitError) Error() string { return fmt.Sprintf("%s the %s limit", e.What, mb(e.Limit)) }

// Is makes a LimitError an ErrTooLarge.
func (e *LimitError) Is(target error) bool { return target == ErrTooLarge }

func mb(n int64) string {
	if n >= 1<<30 && n%(1<<30) == 0 {
		return fmt.Sprintf("%d GB", n>>30)
	}
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d-byte", n)
}

// expandLimit fails a read once more than limit bytes came out of a
// decompressor, so a small gzip file cannot fill memory.
type expandLimit struct {
	r     io.Reader
	n     int64
	limit int64
}

func (e *expandLimit) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.n += int64(n)
	if e.n > e.limit {
		return 0, &LimitError{"gzip: expands to more than", e.limit}
	}
	return n, err
}

// nextLine reads one line of any length into buf; one over max is
// dropped (long is set) while the reader skips to its end, so memory stays
// bounded.
func nextLine(r *bufio.Reader, buf []byte, max int) (line []byte, long bool, err error) {
	line = buf[:0]
	for {
		chunk, err := r.ReadSlice('\n')
		if !long {
			if len(line)+len(chunk) > max {
				long, line = true, line[:0]
			} else {
				line = append(line, chunk...)
			}
		}
		if err != bufio.ErrBufferFull {
			return line, long, err
		}
	}
}

// readJSONLStream reads JSON lines: each bad line (malformed, too long,
// with a stray binary byte) is skipped with its number and the rest read.
func readJSONLStream(origin string, r *bufio.Reader, opt Options, fn Handler, onErr ErrorHandler) error {
	var buf []byte
	for n := 1; ; n++ {
		line, long, err := nextLine(r, buf, MaxLineBytes)
		if cap(line) <= 1<<20 {
			buf = line // reuse a small buffer; let a big one go
		}
		loc := fmt.Sprintf("%s:%d", origin, n)
		if err != nil && err != io.EOF {
			onErr(&InputError{loc, err})
			return nil
		}
		switch line = bytes.TrimSpace(line); {
		case long:
			onErr(&InputError{loc, &LimitError{"line longer than", MaxLineBytes}})
		case len(line) > 0:
			a, derr := DecodeJSONArticle(line, loc, opt)
			if derr != nil {
				onErr(&InputError{loc, derr})
				break
			}
			if ferr := fn(a); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

func readJSONL(origin string, b []byte, opt Options, fn Handler, onErr ErrorHandler) error {
	if n, ok := arrayStart(b); ok {
		return readJSONArray(origin, bytes.NewReader(b[n:]), opt, fn, onErr)
	}
	return readJSONLStream(origin, bufio.NewReader(bytes.NewReader(b)), opt, fn, onErr)
}

// CleanField makes text safe for any store: invalid UTF-8 becomes U+FFFD
// and NUL and the other control characters but tab, newline, carriage
// return and form feed are dropped (PostgreSQL refuses NUL in text).
func CleanField(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, isJunk) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isJunk(r) {
			return -1
		}
		return r
	}, s)
}

func isJunk(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7f || r == 0xFFFE || r == 0xFFFF
}

// cleanArticle cleans every text field of an article before anyone sees
// it; false when no text is left.
func cleanArticle(a *annals.Article) bool {
	a.ID, a.URL, a.Title, a.Source = CleanField(a.ID), CleanField(a.URL), CleanField(a.Title), CleanField(a.Source)
	a.Text = CleanField(a.Text)
	return strings.TrimSpace(a.Text) != ""
}

// cleaned wraps a handler so every article it receives is clean.
func cleaned(fn Handler, onErr ErrorHandler) Handler {
	return func(a *annals.Article) error {
		if !cleanArticle(a) {
			onErr(&InputError{a.Origin, ErrNoText})
			return nil
		}
		return fn(a)
	}
}

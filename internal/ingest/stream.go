package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ReadStream reads the articles of r, a stream that came from outside the
// machine (an API request body), as ReadData reads bytes, but without
// holding the stream: JSON lines are decoded a line at a time, a JSON
// array an element at a time and WARC a record at a time, each document
// within its own limits (MaxArticleBytes of text, MaxLineBytes a line), so
// the first articles are handed on while the rest is still arriving. A
// body that is one document is read up to its limit: plain text and HTML
// MaxArticleBytes, a feed MaxBufferedBytes. It never opens a file,
// whatever opt says. Problems of the content go to onErr and reading goes
// on; an error reading r itself (a body cut off, or over the server's
// limit) ends it and is returned, as is the first error fn returns.
func ReadStream(origin string, r io.Reader, opt Options, fn Handler, onErr ErrorHandler) error {
	opt.LocalLinks, opt.Stdin = false, nil
	sr := &stickyReader{r: r}
	err := readStream(origin, bufio.NewReaderSize(sr, 64<<10), opt, cleaned(fn, onErr), onErr)
	if err == nil {
		err = sr.err
	}
	return err
}

// stickyReader keeps the first error of its reader other than io.EOF: a
// stream that failed is not a problem of its content.
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}

func readStream(origin string, br *bufio.Reader, opt Options, fn Handler, onErr ErrorHandler) error {
	head, _ := br.Peek(8192)
	if len(bytes.TrimSpace(head)) == 0 && len(head) < 8192 {
		onErr(&InputError{origin, ErrEmpty})
		return nil
	}
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return readWARCStream(origin, br, opt, fn, onErr)
	}
	k := sniff(head)
	if k == kindJSONL {
		// a stray NUL rejects its record, not the whole input
		if isBinary(head, false) {
			onErr(&InputError{origin, ErrBinary})
			return nil
		}
		if n, ok := arrayStart(head); ok {
			br.Discard(n)
			return readJSONArray(origin, br, opt, fn, onErr)
		}
		return readJSONLStream(origin, br, opt, fn, onErr)
	}
	limit := int64(MaxArticleBytes)
	if k == kindFeed {
		limit = MaxBufferedBytes
	}
	b, err := readLimited(br, limit)
	if le := (*LimitError)(nil); errors.As(err, &le) {
		onErr(&InputError{origin, err})
		return nil
	}
	if err != nil {
		return err
	}
	return readBytes("-", origin, b, opt, fn, onErr)
}

// arrayStart reports whether b starts a JSON array, after n bytes of
// white space and byte order marks.
func arrayStart(b []byte) (n int, ok bool) {
	rest := bytes.TrimLeft(b, " \t\r\n\ufeff")
	return len(b) - len(rest), bytes.HasPrefix(rest, []byte("["))
}

// readJSONArray reads a JSON array of articles one element at a time; an
// element that is no article is skipped with its index, and the array
// ends where it stops being JSON.
func readJSONArray(origin string, r io.Reader, opt Options, fn Handler, onErr ErrorHandler) error {
	dec := json.NewDecoder(r)
	if _, err := dec.Token(); err != nil { // [
		onErr(&InputError{origin, fmt.Errorf("malformed JSON array: %w", err)})
		return nil
	}
	i := 0
	for ; dec.More(); i++ {
		o := fmt.Sprintf("%s[%d]", origin, i)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			onErr(&InputError{o, fmt.Errorf("malformed JSON array: %w", err)})
			return nil
		}
		a, err := DecodeJSONArticle(raw, o, opt)
		if err != nil {
			onErr(&InputError{o, err})
			continue
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // ]
		onErr(&InputError{fmt.Sprintf("%s[%d]", origin, i), fmt.Errorf("malformed JSON array: %w", err)})
		return nil
	}
	if _, err := dec.Token(); err != io.EOF {
		onErr(&InputError{origin, errors.New("malformed JSON array: more data after its end")})
	}
	return nil
}

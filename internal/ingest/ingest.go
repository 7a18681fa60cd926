package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annals-events/annals"
)

// MaxArticleBytes is the largest article (or input file for the
// single-article formats) read; larger inputs are skipped with an error.
const MaxArticleBytes = 20 << 20

// MaxContainerBytes bounds multi-article files (JSONL, feeds, WARC).
const MaxContainerBytes = 2 << 30

// InputError names an input that was skipped, wholly or in part.
type InputError struct {
	Input  string
	Reason error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Reason.Error() }
func (e *InputError) Unwrap() error { return e.Reason }

// Errors a reader reports.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary content, not text")
	ErrTooLarge = fmt.Errorf("larger than the %d MB limit", MaxArticleBytes>>20)
	ErrNoText   = errors.New("no article text found")
)

// Options control how inputs are read.
type Options struct {
	// Published is the publication date for inputs that carry none (plain
	// text, stdin); zero leaves such articles undated.
	Published time.Time
	// Stdin is read for the path "-".
	Stdin io.Reader
	// LocalLinks lets a feed item's link name a local page to read, confined
	// to the feed file's own folder. Only inputs named on the command line
	// may set it; input from the network is data, never a path.
	LocalLinks bool
}

// Handler receives each article read. Returning an error stops the walk.
type Handler func(*annals.Article) error

// ErrorHandler receives each skipped input; the walk goes on.
type ErrorHandler func(*InputError)

// Read reads every path (files, directories walked recursively, or "-"
// for standard input) and calls fn for each article. It returns the first
// error fn returns; input problems go to onErr.
func Read(paths []string, opt Options, fn Handler, onErr ErrorHandler) error {
	fn = cleaned(fn, onErr)
	for _, p := range paths {
		if p == "-" {
			in := opt.Stdin
			if in == nil {
				in = os.Stdin
			}
			b, err := readLimited(in, MaxContainerBytes)
			if err != nil {
				onErr(&InputError{"stdin", err})
				continue
			}
			if err := readBytes("-", "stdin", b, opt, fn, onErr); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			onErr(&InputError{p, unwrapPathErr(err)})
			continue
		}
		if !st.IsDir() {
			if err := readFile(p, st.Size(), opt, fn, onErr); err != nil {
				return err
			}
			continue
		}
		var files []string
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				onErr(&InputError{path, unwrapPathErr(err)})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
				return nil
			}
			files = append(files, path)
			return nil
		})
		if werr != nil {
			onErr(&InputError{p, werr})
		}
		sort.Strings(files)
		for _, f := range files {
			st, err := os.Stat(f)
			if err != nil {
				onErr(&InputError{f, unwrapPathErr(err)})
				continue
			}
			if err := readFile(f, st.Size(), opt, fn, onErr); err != nil {
				return err
			}
		}
	}
	return nil
}

// ReadData reads articles from bytes that came from outside the machine (an
// API request body): JSON, JSON lines, HTML, a feed, WARC or plain text,
// detected by content. It never opens a file, whatever opt says; origin
// names the input in errors.
func ReadData(origin string, b []byte, opt Options, fn Handler, onErr ErrorHandler) error {
	opt.LocalLinks = false
	opt.Stdin = nil
	return readBytes("-", origin, b, opt, cleaned(fn, onErr), onErr)
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &LimitError{"larger than", limit}
	}
	return b, nil
}

func readFile(path string, size int64, opt Options, fn Handler, onErr ErrorHandler) error {
	kind := kindByName(path)
	limit := int64(MaxArticleBytes)
	if kind == kindJSONL || kind == kindFeed || kind == kindWARC || kind == kindUnknown {
		limit = MaxContainerBytes
	}
	if size > limit {
		onErr(&InputError{path, &LimitError{"larger than", limit}})
		return nil
	}
	if kind == kindWARC {
		return readWARC(path, opt, fn, onErr)
	}
	f, err := os.Open(path)
	if err != nil {
		onErr(&InputError{path, unwrapPathErr(err)})
		return nil
	}
	defer f.Close()
	name := path
	fr := bufio.NewReaderSize(f, 64<<10)
	var r io.Reader = fr
	what := "larger than"
	// Gzip-compressed JSONL, text or HTML, limited by its expanded size.
	if m, _ := fr.Peek(2); len(m) == 2 && m[0] == 0x1f && m[1] == 0x8b {
		zr, err := gzip.NewReader(fr)
		if err != nil {
			onErr(&InputError{path, fmt.Errorf("gzip: %w", err)})
			return nil
		}
		name = strings.TrimSuffix(path, ".gz")
		if k := kindByName(name); k != kindJSONL && k != kindFeed && k != kindUnknown {
			limit = MaxArticleBytes
		}
		zb := bufio.NewReaderSize(&expandLimit{r: zr, limit: limit}, 64<<10)
		if head, _ := zb.Peek(5); isWARCName(name) || bytes.HasPrefix(head, []byte("WARC/")) {
			return readWARC(path, opt, fn, onErr)
		}
		r, what = zb, "gzip: expands to more than"
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8192)
	k := kindByName(name)
	if k == kindUnknown {
		k = sniff(head)
	}
	// JSON lines stream, one record at a time; a bad record skips itself.
	if k == kindJSONL && !bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("[")) {
		if len(bytes.TrimSpace(head)) == 0 {
			onErr(&InputError{name, ErrEmpty})
			return nil
		}
		if isBinary(head, false) {
			onErr(&InputError{name, ErrBinary})
			return nil
		}
		return readJSONLStream(name, br, opt, fn, onErr)
	}
	b, err := readLimited(br, min(limit, MaxBufferedBytes))
	var le *LimitError
	if errors.As(err, &le) {
		err = &LimitError{what, le.Limit}
	}
	if err != nil {
		onErr(&InputError{path, err})
		return nil
	}
	return readBytes(name, name, b, opt, fn, onErr)
}

func gunzipHead(b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(zr, head)
	return head[:n]
}

// readBytes dispatches on the detected kind of b.
func readBytes(name, origin string, b []byte, opt Options, fn Handler, onErr ErrorHandler) error {
	if len(bytes.TrimSpace(b)) == 0 {
		onErr(&InputError{origin, ErrEmpty})
		return nil
	}
	if bytes.HasPrefix(b, []byte("WARC/")) {
		return readWARCStream(origin, bytes.NewReader(b), opt, fn, onErr)
	}
	kind := kindByName(name)
	if kind == kindUnknown || kind == kindText && name == "-" {
		kind = sniff(b)
	}
	// in JSON lines a stray NUL rejects its record, not the whole input
	if isBinary(b, kind != kindJSONL) {
		onErr(&InputError{origin, ErrBinary})
		return nil
	}
	switch kind {
	case kindJSONL:
		return readJSONL(origin, b, opt, fn, onErr)
	case kindHTML:
		a, err := parseHTML(origin, b, opt)
		if err != nil {
			onErr(&InputError{origin, err})
			return nil
		}
		return fn(a)
	case kindFeed:
		return readFeed(origin, b, opt, fn, onErr)
	default:
		if len(b) > MaxArticleBytes {
			onErr(&InputError{origin, ErrTooLarge})
			return nil
		}
		a := &annals.Article{ID: idFor(origin, b), Text: CleanText(repair(b)), Published: opt.Published, Origin: origin}
		if a.Text == "" {
			onErr(&InputError{origin, ErrNoText})
			return nil
		}
		return fn(a)
	}
}

type kind int

const (
	kindUnknown kind = iota
	kindText
	kindJSONL
	kindHTML
	kindFeed
	kindWARC
)

func isWARCName(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz") || strings.HasSuffix(p, ".arc.gz")
}

func kindByName(p string) kind {
	if isWARCName(p) {
		return kindWARC
	}
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(p, ".gz")))
	switch ext {
	case ".txt", ".text":
		return kindText
	case ".jsonl", ".ndjson", ".json":
		return kindJSONL
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".rss", ".atom", ".xml":
		return kindFeed
	}
	return kindUnknown
}

// sniff looks at the start of the content.
func sniff(b []byte) kind {
	head := bytes.ToLower(bytes.TrimLeft(b[:min(len(b), 1024)], " \t\r\n\ufeff"))
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(head, []byte("{")) || bytes.HasPrefix(head, []byte("[")):
		return kindJSONL
	case bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf:rdf")):
		return kindFeed
	case bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) || bytes.Contains(head, []byte("<body")) || bytes.Contains(head, []byte("<head")):
		return kindHTML
	}
	return kindText
}

// isBinary reports mostly undecodable content in the head, or any NUL
// byte there when anyNUL is set.
func isBinary(b []byte, anyNUL bool) bool {
	head := b[:min(len(b), 8192)]
	if anyNUL && bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 {
			if len(head)-i < 4 && len(head) == 8192 {
				break // a rune cut at the window's edge
			}
			bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			bad++
		}
		i += n
	}
	return bad*10 > len(head)
}

// repair turns invalid UTF-8 into U+FFFD.
func repair(b []byte) string {
	s := string(b)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.ReplaceAll(s, "\r\n", "\n")
}

// idFor derives a stable id from the origin and content.
func idFor(origin string, b []byte) string {
	h := sha256.Sum256(b)
	base := filepath.Base(origin)
	if origin == "stdin" || origin == "-" {
		base = "stdin"
	}
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-" + hex.EncodeToString(h[:6])
}

// ContentHash is the hash the store uses to recognise a document again.
func ContentHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

type jsonArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Text      string `json:"text"`
}

// ParseDate reads the date forms found in feeds and JSON: RFC 3339,
// YYYY-MM-DD, RFC 1123 and a few more.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "20060102", time.RFC1123Z, time.RFC1123, "2 January 2006", "January 2, 2006"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", s)
}

// DecodeJSONArticle parses one JSON article object, as found on a JSONL
// line or in an API request body.
func DecodeJSONArticle(line []byte, origin string, opt Options) (*annals.Article, error) {
	var ja jsonArticle
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&ja); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	text := CleanText(CleanField(repair([]byte(ja.Text))))
	if strings.TrimSpace(text) == "" {
		return nil, errors.New(`missing or empty "text"`)
	}
	if len(text) > MaxArticleBytes {
		return nil, ErrTooLarge
	}
	a := &annals.Article{ID: CleanField(ja.ID), URL: CleanField(ja.URL), Title: CleanField(ja.Title), Source: CleanField(ja.Source), Text: text, Origin: origin, Published: opt.Published}
	if a.ID == "" {
		a.ID = idFor(origin, []byte(text))
	}
	d := ja.Published
	if d == "" {
		d = ja.Date
	}
	if d != "" {
		t, err := ParseDate(d)
		if err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
		a.Published = t
	}
	return a, nil
}

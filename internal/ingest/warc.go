package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/annals-events/annals"
	"github.com/nlnwa/gowarc/v3"
)

// readWARC reads the HTML responses of a WARC file, plain or gzip.
func readWARC(path string, opt Options, fn Handler, onErr ErrorHandler) error {
	r, err := gowarc.NewWarcFileReader(path, 0)
	if err != nil {
		onErr(&InputError{path, fmt.Errorf("read warc: %w", err)})
		return nil
	}
	defer r.Close()
	return warcRecords(path, r, opt, fn, onErr)
}

func readWARCStream(origin string, in io.Reader, opt Options, fn Handler, onErr ErrorHandler) error {
	r, err := gowarc.NewWarcFileReaderFromStream(in, 0)
	if err != nil {
		onErr(&InputError{origin, fmt.Errorf("read warc: %w", err)})
		return nil
	}
	defer r.Close()
	return warcRecords(origin, r, opt, fn, onErr)
}

func warcRecords(origin string, r *gowarc.WarcFileReader, opt Options, fn Handler, onErr ErrorHandler) error {
	n, pages := 0, 0
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		n++
		if err != nil {
			onErr(&InputError{fmt.Sprintf("%s#record%d", origin, n), fmt.Errorf("read warc: %w", err)})
			if rec.WarcRecord == nil {
				break
			}
			rec.Close()
			continue
		}
		a, err := warcArticle(origin, n, rec.WarcRecord, opt)
		rec.Close()
		if err != nil {
			onErr(&InputError{fmt.Sprintf("%s#record%d", origin, n), err})
			continue
		}
		if a == nil {
			continue
		}
		pages++
		if err := fn(a); err != nil {
			return err
		}
	}
	if n == 0 {
		onErr(&InputError{origin, ErrEmpty})
	}
	return nil
}

// warcArticle returns the article of an HTML response record, nil for
// records of other kinds.
func warcArticle(origin string, n int, rec gowarc.WarcRecord, opt Options) (*annals.Article, error) {
	if rec.Type() != gowarc.Response {
		return nil, nil
	}
	hb, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, nil
	}
	if hb.HttpStatusCode() != http.StatusOK {
		return nil, nil
	}
	if h := hb.HttpHeader(); h != nil {
		mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
		if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
			return nil, nil
		}
	}
	rd, err := hb.PayloadBytes()
	if err != nil {
		return nil, fmt.Errorf("read warc payload: %w", err)
	}
	body, err := readLimited(rd, MaxArticleBytes)
	if err != nil {
		return nil, err
	}
	uri := rec.WarcHeader().Get(gowarc.WarcTargetURI)
	o := uri
	if o == "" {
		o = fmt.Sprintf("%s#record%d", origin, n)
	}
	if !bytes.Contains(bytes.ToLower(body[:min(len(body), 4096)]), []byte("<")) {
		return nil, nil
	}
	a, err := parseHTML(o, body, opt)
	if err != nil {
		return nil, err
	}
	a.Origin = origin + "#" + strings.TrimSpace(o)
	if uri != "" {
		a.URL, a.ID = uri, uri
	}
	if a.Published.IsZero() {
		if d, err := ParseDate(rec.WarcHeader().Get(gowarc.WarcDate)); err == nil {
			a.Published = d
		}
	}
	return a, nil
}

package ingest

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/annals-events/annals"
	"github.com/gogs/chardet"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// pageEncoding is the character encoding of a page, chosen the same way
// every time: UTF-8 when the bytes are valid UTF-8; else the one a byte
// order mark or a <meta> charset names; else the one chardet rates most
// likely, ties to the first by name. (trafilatura's own parser takes
// chardet's DetectBest, which answers whichever of a tie its goroutines
// report first, so one page could decode two ways on two runs, and be
// stored as two documents.)
func pageEncoding(b []byte) encoding.Encoding {
	if utf8.Valid(b) {
		return xunicode.UTF8
	}
	if e, _, certain := charset.DetermineEncoding(b, ""); certain {
		return e
	}
	rs, err := chardet.NewHtmlDetector().DetectAll(b)
	if err != nil || len(rs) == 0 {
		return xunicode.UTF8
	}
	best := slices.MinFunc(rs, func(a, b chardet.Result) int {
		if a.Confidence != b.Confidence {
			return b.Confidence - a.Confidence
		}
		return strings.Compare(a.Charset, b.Charset)
	})
	if e, _ := charset.Lookup(best.Charset); e != nil {
		return e
	}
	return xunicode.UTF8
}

// parsePage parses a page as trafilatura's parser does (decoded to
// UTF-8, composed to NFC, soft hyphens dropped), with its encoding chosen
// by pageEncoding.
func parsePage(b []byte) (*html.Node, error) {
	var r io.Reader = transform.NewReader(bytes.NewReader(b), pageEncoding(b).NewDecoder())
	soft := runes.Predicate(func(r rune) bool { return r == '\u00AD' })
	r = transform.NewReader(r, transform.Chain(norm.NFD, runes.Remove(soft), norm.NFC))
	return html.Parse(r)
}

// parseHTML extracts the main text, title, date and URL of a news page.
func parseHTML(origin string, b []byte, opt Options) (*annals.Article, error) {
	doc, err := parsePage(b)
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		ExcludeTables:   true,
	})
	if err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	text := CleanText(repair([]byte(res.ContentText)))
	if strings.TrimSpace(text) == "" {
		return nil, ErrNoText
	}
	if len(text) > MaxArticleBytes {
		return nil, ErrTooLarge
	}
	a := &annals.Article{
		ID:        idFor(origin, []byte(text)),
		URL:       res.Metadata.URL,
		Title:     strings.TrimSpace(res.Metadata.Title),
		Source:    res.Metadata.Sitename,
		Published: opt.Published,
		Text:      text,
		Origin:    origin,
	}
	if a.Source == "" {
		a.Source = res.Metadata.Hostname
	}
	if !res.Metadata.Date.IsZero() {
		a.Published = res.Metadata.Date
	}
	if a.URL != "" {
		a.ID = a.URL
	}
	return a, nil
}

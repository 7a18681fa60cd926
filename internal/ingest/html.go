package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/annals-events/annals"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// parseHTML extracts the main text, title, date and URL of a news page.
func parseHTML(origin string, b []byte, opt Options) (*annals.Article, error) {
	res, err := trafilatura.Extract(bytes.NewReader(b), trafilatura.Options{
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

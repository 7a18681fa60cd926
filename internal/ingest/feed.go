package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/annals-events/annals"
	"github.com/mmcdole/gofeed"
)

// readFeed reads an RSS or Atom feed. An item whose link names a local file
// (file:// or a relative path next to the feed) is read from that page;
// otherwise its content or description is the article text.
func readFeed(origin string, b []byte, opt Options, fn Handler, onErr ErrorHandler) error {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		onErr(&InputError{origin, fmt.Errorf("malformed feed: %w", err)})
		return nil
	}
	for i, it := range feed.Items {
		o := fmt.Sprintf("%s#item%d", origin, i+1)
		a, err := feedItem(origin, o, feed, it, opt)
		if err != nil {
			onErr(&InputError{o, err})
			continue
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

func feedItem(feedPath, origin string, feed *gofeed.Feed, it *gofeed.Item, opt Options) (*annals.Article, error) {
	var a *annals.Article
	if p := localLink(feedPath, it.Link); p != "" {
		page, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("linked page %s: %w", p, unwrapPathErr(err))
		}
		if len(page) > MaxArticleBytes {
			return nil, fmt.Errorf("linked page %s: %w", p, ErrTooLarge)
		}
		a, err = parseHTML(p, page, opt)
		if err != nil {
			return nil, fmt.Errorf("linked page %s: %w", p, err)
		}
	} else {
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		if strings.TrimSpace(body) == "" {
			return nil, ErrNoText
		}
		text := body
		if strings.Contains(body, "<") {
			page := "<html><body><article>" + body + "</article></body></html>"
			if pa, err := parseHTML(origin, []byte(page), opt); err == nil {
				text = pa.Text
			} else {
				text = stripTags(body)
			}
		}
		text = CleanText(repair([]byte(text)))
		if strings.TrimSpace(text) == "" {
			return nil, ErrNoText
		}
		a = &annals.Article{Text: text, Published: opt.Published}
	}
	a.Origin = origin
	a.Title = strings.TrimSpace(it.Title)
	if it.Link != "" {
		a.URL = it.Link
	}
	switch {
	case it.GUID != "":
		a.ID = it.GUID
	case it.Link != "":
		a.ID = it.Link
	default:
		a.ID = idFor(origin, []byte(a.Text))
	}
	if feed.Title != "" {
		a.Source = feed.Title
	}
	if it.PublishedParsed != nil {
		a.Published = *it.PublishedParsed
	} else if it.UpdatedParsed != nil {
		a.Published = *it.UpdatedParsed
	}
	return a, nil
}

// localLink resolves a feed link to a local file, or returns "".
func localLink(feedPath, link string) string {
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	var p string
	switch u.Scheme {
	case "file":
		p = u.Path
	case "":
		p = link
		if !filepath.IsAbs(p) && feedPath != "stdin" {
			p = filepath.Join(filepath.Dir(feedPath), p)
		}
	default:
		return ""
	}
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return p
	}
	return ""
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

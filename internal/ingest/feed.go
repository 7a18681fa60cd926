package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/annals-events/annals"
	"github.com/mmcdole/gofeed"
)

// readFeed reads an RSS or Atom feed. With Options.LocalLinks, an item whose
// link names a regular file inside the feed's own folder (file:// or a
// relative path) is read from that page; otherwise, and always for feeds that
// came from the network, its content or description is the article text.
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
	p, linkErr := "", error(nil)
	if opt.LocalLinks {
		p, linkErr = localLink(feedPath, it.Link)
	}
	if p != "" {
		page, err := readLinked(p)
		if err != nil {
			return nil, fmt.Errorf("linked page %s: %w", p, err)
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
			if linkErr != nil {
				return nil, linkErr
			}
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

// ErrLinkOutside is the reason a feed item's local link is not followed.
var ErrLinkOutside = errors.New("links outside the feed's folder are not followed")

// localLink resolves a feed item's link to a regular file inside the folder
// of the feed file, after following symbolic links. It returns "" and no
// error for links that are not local paths (http: and the like), and an
// error for a local path it refuses: outside the folder, a special file, or
// a feed that is not a file (standard input).
func localLink(feedPath, link string) (string, error) {
	if link == "" {
		return "", nil
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", nil
	}
	var p string
	switch u.Scheme {
	case "file":
		p = u.Path
	case "":
		p = link
	default:
		return "", nil
	}
	if feedPath == "stdin" || feedPath == "-" || feedPath == "" {
		return "", fmt.Errorf("linked page %s: %w", link, ErrLinkOutside)
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(feedPath))
	if err != nil {
		return "", fmt.Errorf("linked page %s: %w", link, unwrapPathErr(err))
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(feedPath), p)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", fmt.Errorf("linked page %s: %w", link, unwrapPathErr(err))
	}
	if rel, err := filepath.Rel(dir, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("linked page %s: %w", link, ErrLinkOutside)
	}
	st, err := os.Stat(real)
	if err != nil {
		return "", fmt.Errorf("linked page %s: %w", link, unwrapPathErr(err))
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("linked page %s: not a regular file", link)
	}
	return real, nil
}

// readLinked reads a linked page, refusing one past the article limit
// without reading it whole.
func readLinked(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	return readLimited(f, MaxArticleBytes)
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

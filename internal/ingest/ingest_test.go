package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
)

// collect reads paths and returns the articles and the skipped inputs.
func collect(t *testing.T, paths []string, opt Options) ([]*annals.Article, []*InputError) {
	t.Helper()
	var arts []*annals.Article
	var errs []*InputError
	err := Read(paths, opt, func(a *annals.Article) error {
		arts = append(arts, a)
		return nil
	}, func(e *InputError) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	return arts, errs
}

var furnitureWords = []string{"Share on", "Exit mobile version", "cookies", "Subscribe", "All rights reserved", "Skip to content", "Staff Reporter", "Most read", "Advertisement", "Related articles"}

func assertNoFurniture(t *testing.T, text string) {
	t.Helper()
	for _, w := range furnitureWords {
		if strings.Contains(text, w) {
			t.Errorf("page furniture %q survived in:\n%s", w, text)
		}
	}
}

func TestPlainTextDropsFurniture(t *testing.T) {
	arts, errs := collect(t, []string{"testdata/furniture.txt"}, Options{})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	assertNoFurniture(t, a.Text)
	if !strings.HasPrefix(a.Text, "KABUL: Afghan Taliban officials met") {
		t.Errorf("text starts %q", a.Text[:min(60, len(a.Text))])
	}
	if !a.Published.IsZero() {
		t.Errorf("plain text got a date without --published: %v", a.Published)
	}
}

func TestPublishedOption(t *testing.T) {
	d := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	arts, _ := collect(t, []string{"-"}, Options{Published: d, Stdin: strings.NewReader("Pakistan struck Iran.")})
	if len(arts) != 1 || !arts[0].Published.Equal(d) || arts[0].Origin != "stdin" {
		t.Fatalf("stdin article = %+v", arts)
	}
}

func TestJSONL(t *testing.T) {
	arts, errs := collect(t, []string{"testdata/articles.jsonl"}, Options{})
	ids := []string{}
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if len(arts) != 3 || arts[0].ID != "a1" || arts[1].ID != "a2" {
		t.Fatalf("articles %v", ids)
	}
	if got := arts[0].Published.Format("2006-01-02"); got != "2024-01-17" || arts[0].Title != "Iran strikes" || arts[0].URL == "" {
		t.Errorf("a1 = %+v", arts[0])
	}
	if got := arts[1].Published.Format("2006-01-02"); got != "2024-01-18" {
		t.Errorf("a2 date from \"date\" = %s", got)
	}
	if arts[2].ID == "" {
		t.Error("article without id got no id")
	}
	want := map[string]string{":3": "empty", ":4": "malformed JSON", ":5": "unrecognised date"}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for _, e := range errs {
		found := false
		for k, v := range want {
			if strings.HasSuffix(e.Input, k) && strings.Contains(e.Error(), v) {
				found = true
			}
		}
		if !found {
			t.Errorf("unexpected error %v", e)
		}
	}
}

func TestHTMLPage(t *testing.T) {
	arts, errs := collect(t, []string{"testdata/page.html"}, Options{})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	assertNoFurniture(t, a.Text)
	for _, w := range []string{"Pakistan and Iran agreed on Monday", "Sistan-Baluchestan"} {
		if !strings.Contains(a.Text, w) {
			t.Errorf("main text lacks %q:\n%s", w, a.Text)
		}
	}
	for _, w := range []string{"Cricket", "Markets close", "Home"} {
		if strings.Contains(a.Text, w) {
			t.Errorf("page furniture %q in main text", w)
		}
	}
	if a.Title != "Pakistan and Iran agree to restore ambassadors" {
		t.Errorf("title %q", a.Title)
	}
	if a.Published.Format("2006-01-02") != "2024-01-22" {
		t.Errorf("published %v", a.Published)
	}
}

func TestFeed(t *testing.T) {
	arts, errs := collect(t, []string{"testdata/feed.xml"}, Options{LocalLinks: true})
	if len(arts) != 2 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	// item 1 links a local page: its full text is read
	if !strings.Contains(arts[0].Text, "Sistan-Baluchestan") || strings.Contains(arts[0].Text, "teaser") {
		t.Errorf("linked page not read: %q", arts[0].Text)
	}
	if arts[0].ID != "https://news.example.org/world/pakistan-iran-ambassadors" || arts[0].Source != "Example News World" {
		t.Errorf("item 1 = %+v", arts[0])
	}
	// item 2 is remote: its description is the text, HTML stripped
	if !strings.HasPrefix(arts[1].Text, "Afghan Taliban officials met") || strings.Contains(arts[1].Text, "<p>") {
		t.Errorf("description text = %q", arts[1].Text)
	}
	if arts[1].Published.Format("2006-01-02") != "2024-04-10" {
		t.Errorf("item 2 date %v", arts[1].Published)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrNoText) || !strings.HasSuffix(errs[0].Input, "#item3") {
		t.Errorf("errors %v", errs)
	}
}

// warcRecord builds one WARC/1.0 response record around an HTTP response.
func warcRecord(uri, contentType, body string) string {
	http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(body), body)
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\nWARC-Date: 2024-01-22T11:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		len(uri)+len(body), uri, len(http), http)
}

func writeWARC(t *testing.T, dir string, gz bool) string {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	recs := []string{
		warcRecord("https://news.example.org/world/pakistan-iran-ambassadors", "text/html; charset=utf-8", string(page)),
		warcRecord("https://news.example.org/logo.png", "image/png", "\x89PNG not html"),
	}
	name := filepath.Join(dir, "crawl.warc")
	var buf bytes.Buffer
	for _, r := range recs {
		if gz {
			zw := gzip.NewWriter(&buf)
			zw.Write([]byte(r))
			zw.Close()
		} else {
			buf.WriteString(r)
		}
	}
	if gz {
		name += ".gz"
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			name := writeWARC(t, t.TempDir(), gz)
			arts, errs := collect(t, []string{name}, Options{})
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors %v", len(arts), errs)
			}
			a := arts[0]
			if a.URL != "https://news.example.org/world/pakistan-iran-ambassadors" || !strings.Contains(a.Text, "Pakistan and Iran agreed") {
				t.Errorf("article %+v", a)
			}
			assertNoFurniture(t, a.Text)
		})
	}
}

func TestBadInputsAreReportedAndTheBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Pakistan recalled its ambassador from Tehran."))
	empty := write("empty.txt", []byte("  \n\n "))
	binary := write("image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	bad := write("latin1.txt", []byte("Caf\xe9 owners in Lahore protested. Police dispersed them."))
	big := filepath.Join(dir, "big.txt")
	f, _ := os.Create(big)
	f.Truncate(MaxArticleBytes + 1)
	f.Close()
	missing := filepath.Join(dir, "missing.txt")
	arts, errs := collect(t, []string{good, empty, binary, bad, big, missing}, Options{})
	if len(arts) != 2 {
		t.Fatalf("read %d articles, want the good one and the repaired one", len(arts))
	}
	if !strings.Contains(arts[1].Text, "Caf\uFFFD owners") {
		t.Errorf("invalid UTF-8 not repaired: %q", arts[1].Text)
	}
	want := map[string]error{empty: ErrEmpty, binary: ErrBinary, big: ErrTooLarge, missing: os.ErrNotExist}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for _, e := range errs {
		w, ok := want[e.Input]
		if !ok || !errors.Is(e, w) {
			t.Errorf("error %v, want %v for %s", e, w, e.Input)
		}
	}
}

func TestDirectoryWalk(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "one.txt"), []byte("Iran struck Pakistan."), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "b", "two.jsonl"), []byte(`{"id":"x","text":"Pakistan struck Iran."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("ref: main"), 0o644)
	arts, errs := collect(t, []string{dir}, Options{})
	if len(errs) != 0 || len(arts) != 2 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	if arts[0].ID != "x" { // sorted: a/b/two.jsonl before a/one.txt
		t.Errorf("ids %s %s", arts[0].ID, arts[1].ID)
	}
}

func TestCleanText(t *testing.T) {
	in := "Home | World | Politics\nShare this article\n\nPakistan and Iran met in Islamabad.\nBy John Smith\n© 2024 Example\n\n\n\nThe talks lasted three hours."
	want := "Pakistan and Iran met in Islamabad.\n\nThe talks lasted three hours."
	if got := CleanText(in); got != want {
		t.Errorf("CleanText = %q\nwant %q", got, want)
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{"plain text.", `{"id":"a","text":"x"}`, "<html><body><p>Hi there.</p></body></html>", "<rss><channel><item><description>x</description></item></channel></rss>", "WARC/1.0\r\n\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		Read([]string{"-"}, Options{Stdin: bytes.NewReader(b)}, func(a *annals.Article) error {
			if a.Text == "" {
				t.Fatal("article with empty text")
			}
			return nil
		}, func(*InputError) {})
	})
}

// TestFeedLinksStayInTheFeedsFolder plants a secret beside (not inside) a
// feed's folder and links it every way a feed can: absolute path, file://
// URL, a relative path climbing out, a symbolic link, and a special file.
// None is read; each item falls back to its own text or is skipped with the
// reason.
func TestFeedLinksStayInTheFeedsFolder(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "secret.txt")
	const marker = "TOPSECRETPASSWORD"
	if err := os.WriteFile(secret, []byte("Pakistan and Iran met. "+marker), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "feeds")
	os.Mkdir(dir, 0o755)
	if err := os.Symlink(secret, filepath.Join(dir, "inside.html")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "ok.html"), []byte("<html><body><article><p>Iran and Pakistan agreed to restore their ambassadors on Monday, officials in both capitals said.</p></article></body></html>"), 0o644)
	links := []string{secret, "file://" + secret, "../secret.txt", "inside.html", "/dev/zero", "/proc/self/cmdline"}
	var items strings.Builder
	for i, l := range links {
		fmt.Fprintf(&items, "<item><title>t%d</title><link>%s</link><guid>g%d</guid></item>\n", i, l, i)
	}
	items.WriteString("<item><title>with text</title><link>" + secret + "</link><guid>gtext</guid><description>Iran condemned Israel.</description></item>\n")
	items.WriteString("<item><title>local</title><link>ok.html</link><guid>gok</guid></item>\n")
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>` + items.String() + `</channel></rss>`
	fp := filepath.Join(dir, "feed.xml")
	os.WriteFile(fp, []byte(feed), 0o644)

	for _, opt := range []Options{{LocalLinks: true}, {}} {
		arts, errs := collect(t, []string{fp}, opt)
		for _, a := range arts {
			if strings.Contains(a.Text, marker) {
				t.Errorf("LocalLinks=%v: a file outside the feed's folder was read: %s", opt.LocalLinks, a.ID)
			}
		}
		want := len(links) // and the local page too when links are off
		if !opt.LocalLinks {
			want++
		}
		if len(errs) != want {
			t.Errorf("LocalLinks=%v: %d skipped items, want %d: %v", opt.LocalLinks, len(errs), want, errs)
		}
		var gotLocal bool
		for _, a := range arts {
			if a.ID == "gok" && strings.Contains(a.Text, "restore their ambassadors") {
				gotLocal = true
			}
		}
		if gotLocal != opt.LocalLinks {
			t.Errorf("LocalLinks=%v: page inside the folder read = %v", opt.LocalLinks, gotLocal)
		}
		if opt.LocalLinks {
			for _, e := range errs[:4] {
				if !errors.Is(e, ErrLinkOutside) {
					t.Errorf("item %s: reason %v, want %v", e.Input, e.Reason, ErrLinkOutside)
				}
			}
		}
	}
	// the same feed as data (an API body) never opens a file
	var arts []*annals.Article
	ReadData("body", []byte(feed), Options{LocalLinks: true}, func(a *annals.Article) error { arts = append(arts, a); return nil }, func(*InputError) {})
	if len(arts) != 1 || arts[0].ID != "gtext" {
		t.Errorf("feed as data: %d articles %v, want only the item with its own text", len(arts), arts)
	}
}

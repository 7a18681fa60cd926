package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/api"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/web"
)

func fetch(t *testing.T, method, url, auth string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r.StatusCode, r.Header, string(b)
}

// TestQueryEdgeCases: odd query values answer 200 or 400 with a reason,
// never 500; a long URL is refused before any work or cache entry.
func TestQueryEdgeCases(t *testing.T) {
	s := newServer(t, "")
	for url, want := range map[string]int{
		"/api/v1/events?q=%20":                                200,
		"/api/v1/events?q=%20%20%09":                          200,
		"/api/v1/events?q=%00":                                400,
		"/api/v1/events?actor=%00":                            400,
		"/api/v1/events?q=%FF":                                400,
		"/api/v1/events?q=%22":                                200,
		"/api/v1/events?q=*":                                  200,
		"/api/v1/dyads/PAK/IRN/timeline?q=%20":                200,
		"/api/v1/events?q=" + strings.Repeat("a", api.MaxURL): 414,
	} {
		code, _, body := fetch(t, "GET", s.URL+url, "")
		if code != want {
			t.Errorf("%.60s: %d %.200s, want %d", url, code, body, want)
		}
	}
	// actor=% is the literal character, not every event
	var page api.Page
	if get(t, s.URL+"/api/v1/events?actor=%25", &page); len(page.Events) != 0 {
		t.Errorf("actor=%%: %d events, want none", len(page.Events))
	}
}

// TestListEvidenceCapped: a list carries at most ListEvidence evidence
// rows per event, with the count and the event's record for the rest.
func TestListEvidenceCapped(t *testing.T) {
	s := newServer(t, "")
	var arts []*annals.Article
	for i := range 6 {
		arts = append(arts, &annals.Article{ID: fmt.Sprintf("rep-%d", i), Source: fmt.Sprintf("Wire %d", i), Published: time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC),
			Text: fmt.Sprintf("Iran struck Pakistan on Tuesday, report %d said.", i)})
	}
	storeArticles(t, s.db, arts)
	var page api.Page
	get(t, s.URL+"/api/v1/events?limit=1000", &page)
	var big *annals.StoredEvent
	for i := range page.Events {
		e := &page.Events[i]
		if len(e.Evidence) > api.ListEvidence {
			t.Fatalf("event %d carries %d evidence rows in a list", e.ID, len(e.Evidence))
		}
		if e.Record != "/api/v1/events/"+e.EventID || e.EvidenceCount < len(e.Evidence) {
			t.Errorf("event %d: record %q, evidence_count %d", e.ID, e.Record, e.EvidenceCount)
		}
		if e.EvidenceCount > api.ListEvidence {
			big = e
		}
	}
	if big == nil {
		t.Fatal("no event has more evidence than a list shows")
	}
	var full annals.StoredEvent
	get(t, s.URL+big.Record, &full)
	if len(full.Evidence) != big.EvidenceCount {
		t.Errorf("record of event %d: %d evidence rows, list said %d", big.ID, len(full.Evidence), big.EvidenceCount)
	}
}

// TestListEvidenceOfAStoryToldByMany: an event told by three times the
// store's evidence cap of documents is listed with ListEvidence rows and
// an evidence_count of the cap, the rows its record carries, while its
// counts count every document; a document whose evidence the event did
// not keep still lists the event.
func TestListEvidenceOfAStoryToldByMany(t *testing.T) {
	s := newServer(t, "")
	n := 3 * store.EvidenceCap
	var arts []*annals.Article
	for i := range n {
		arts = append(arts, &annals.Article{ID: fmt.Sprintf("many-%03d", i), Source: fmt.Sprintf("Wire %d", i%9), Published: time.Date(2024, 7, 1+i%20, 0, 0, 0, 0, time.UTC),
			Text: fmt.Sprintf("Iran struck Pakistan on 1 July 2024, report %d said.", i)})
	}
	storeArticles(t, s.db, arts)
	var page api.Page
	get(t, s.URL+"/api/v1/events?source=IRN&target=PAK&from=2024-07-01&to=2024-07-01&limit=1000", &page)
	if len(page.Events) != 1 {
		t.Fatalf("want the one strike, got %d events", len(page.Events))
	}
	e := page.Events[0]
	if len(e.Evidence) != api.ListEvidence || e.EvidenceCount != store.EvidenceCap || e.NumArticles != n || e.NumSources != 9 || e.NumMentions != n {
		t.Errorf("listed with %d evidence rows, evidence_count %d, %d articles, %d sources, %d mentions", len(e.Evidence), e.EvidenceCount, e.NumArticles, e.NumSources, e.NumMentions)
	}
	var full annals.StoredEvent
	get(t, s.URL+e.Record, &full)
	if len(full.Evidence) != store.EvidenceCap || full.NumArticles != n {
		t.Errorf("record: %d evidence rows, %d articles", len(full.Evidence), full.NumArticles)
	}
	kept := map[string]bool{}
	for _, v := range full.Evidence {
		kept[v.DocID] = true
	}
	for _, a := range arts {
		if kept[a.ID] {
			continue
		}
		var doc store.Document
		get(t, s.URL+"/api/v1/documents/"+a.ID, &doc)
		if len(doc.Events) != 1 || doc.Events[0].ID != e.ID {
			t.Errorf("document %s, whose evidence went: %d events", a.ID, len(doc.Events))
		}
		break
	}
}

// TestTimelineCapNamed: a timeline over the bucket cap is a 400 naming it.
func TestTimelineCapNamed(t *testing.T) {
	s := newServer(t, "")
	storeArticles(t, s.db, []*annals.Article{
		{ID: "old", Text: "Iran struck Pakistan.", Published: time.Date(1000, 1, 2, 0, 0, 0, 0, time.UTC)},
		{ID: "far", Text: "Iran struck Pakistan again.", Published: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)},
	})
	code, _, body := fetch(t, "GET", s.URL+"/api/v1/dyads/IRN/PAK/timeline?interval=day", "")
	if code != 400 || !strings.Contains(body, "cap of 20000") {
		t.Errorf("3.3-million-bucket timeline: %d %.300s", code, body)
	}
}

// TestHeadersListingMetrics: the dashboard cannot be framed, directories
// are not listed, and /metrics needs a token when the server has one.
func TestHeadersListingMetrics(t *testing.T) {
	open := newServer(t, "")
	code, h, _ := fetch(t, "GET", open.URL+"/", "")
	if code != 200 || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("/: %d CSP %q", code, h.Get("Content-Security-Policy"))
	}
	if _, h, _ := fetch(t, "GET", open.URL+"/api/v1/events", ""); !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("API responses lack frame-ancestors: %q", h.Get("Content-Security-Policy"))
	}
	for _, p := range []string{"/vendor/", "/vendor"} {
		code, _, body := fetch(t, "GET", open.URL+p, "")
		if code == 200 || strings.Contains(body, "<a href") {
			t.Errorf("%s lists its directory: %d %.200s", p, code, body)
		}
	}
	if code, _, _ := fetch(t, "GET", open.URL+"/metrics", ""); code != 200 {
		t.Errorf("/metrics without a server token: %d", code)
	}

	db, err := store.Open(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	srv := &api.Server{DB: db, Token: "w-tok", Web: web.FS(), Timeout: 5 * time.Second}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	for auth, want := range map[string]int{"": 401, "w-tok": 401, "Bearer wrong": 401, "Bearer w-tok": 200} {
		code, _, body := fetch(t, "GET", ts.URL+"/metrics", auth)
		if code != want {
			t.Errorf("/metrics with %q: %d, want %d", auth, code, want)
		}
		if want == 401 && strings.Contains(body, "go_goroutines") {
			t.Errorf("/metrics with %q leaked metrics", auth)
		}
	}
	// "Authorization: secret" without "Bearer" is refused on writes too
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/documents", strings.NewReader(`{"text":"Iran condemned Israel."}`))
	req.Header.Set("Authorization", "w-tok")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.NewDecoder(r.Body).Decode(&m)
	r.Body.Close()
	if r.StatusCode != 403 && r.StatusCode != 401 {
		t.Errorf("a token without Bearer: %d %v", r.StatusCode, m)
	}
}

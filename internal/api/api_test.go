package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/api"
	"github.com/annals-events/annals/internal/demo"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/web"
)

var (
	pOnce sync.Once
	pl    *pipeline.Pipeline
)

func testPipeline(t testing.TB) *pipeline.Pipeline {
	pOnce.Do(func() {
		var err error
		if pl, err = pipeline.New(pipeline.Options{}); err != nil {
			t.Fatal(err)
		}
	})
	return pl
}

type testServer struct {
	*httptest.Server
	db *store.DB
}

func storeArticles(t testing.TB, db *store.DB, arts []*annals.Article) {
	p := testPipeline(t)
	var docs []*annals.CodedDocument
	for _, a := range arts {
		docs = append(docs, p.Process(a, a.Published).Coded())
	}
	if _, err := db.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

// newServer serves the demo corpus.
func newServer(t testing.TB, token string) *testServer {
	db, err := store.Open(filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var arts []*annals.Article
	ingest.Read([]string{"-"}, ingest.Options{Stdin: bytes.NewReader(demo.Corpus)}, func(a *annals.Article) error {
		arts = append(arts, a)
		return nil
	}, func(e *ingest.InputError) { t.Fatal(e) })
	storeArticles(t, db, arts)
	s := &api.Server{DB: db, Pipeline: testPipeline(t), Token: token, Web: web.FS(), Timeout: 5 * time.Second}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return &testServer{ts, db}
}

func addXSS(t testing.TB, s *testServer) {
	storeArticles(t, s.db, []*annals.Article{{ID: "xss", Title: "<b>bold</b> title", Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
		Text: `Iran condemned Israel. <script>window.__xss=true</script> Pakistan praised Iran. <img src=x onerror="window.__xss=true">`}})
}

func get(t *testing.T, url string, v any) int {
	t.Helper()
	r, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	if ct := r.Header.Get("Content-Type"); v != nil && !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: content type %q", url, ct)
	}
	if v != nil {
		if err := json.NewDecoder(r.Body).Decode(v); err != nil {
			t.Errorf("%s: %v", url, err)
		}
	}
	return r.StatusCode
}

func TestAPI(t *testing.T) {
	s := newServer(t, "")
	var page api.Page
	if code := get(t, s.URL+"/api/v1/events?dyad=PAK,IRN&limit=5", &page); code != 200 || len(page.Events) != 5 || page.NextCursor == "" {
		t.Fatalf("events: %d %d %q", code, len(page.Events), page.NextCursor)
	}
	e := page.Events[0]
	if len(e.Evidence) == 0 || e.Evidence[0].Sentence == "" || e.Evidence[0].TriggerSpan.End == 0 {
		t.Errorf("event without evidence: %+v", e)
	}
	var next api.Page
	get(t, s.URL+"/api/v1/events?dyad=PAK,IRN&limit=5&cursor="+page.NextCursor, &next)
	if len(next.Events) == 0 || next.Events[0].ID <= page.Events[4].ID {
		t.Errorf("cursor pagination: %+v", next.Events)
	}
	var tl struct {
		Buckets []annals.Bucket `json:"buckets"`
	}
	if code := get(t, s.URL+"/api/v1/dyads/PAK/IRN/timeline?interval=month", &tl); code != 200 || len(tl.Buckets) < 3 {
		t.Errorf("timeline: %d %+v", code, tl)
	}
	var jan, apr *annals.Bucket
	for i := range tl.Buckets {
		switch tl.Buckets[i].Start {
		case "2024-01-01":
			jan = &tl.Buckets[i]
		case "2024-04-01":
			apr = &tl.Buckets[i]
		}
	}
	// January's strikes against April's agreements
	if jan == nil || apr == nil || jan.Quad[4] == 0 || apr.Goldstein <= jan.Goldstein {
		t.Errorf("Pakistan-Iran: January %+v, April %+v", jan, apr)
	}
	var acts map[string][]store.ActorCount
	if get(t, s.URL+"/api/v1/actors?by=country", &acts); len(acts["actors"]) < 5 {
		t.Errorf("actors %+v", acts)
	}
	var net map[string]json.RawMessage
	if get(t, s.URL+"/api/v1/network", &net); len(net["edges"]) < 10 {
		t.Errorf("network %s", net["edges"])
	}
	var doc store.Document
	if code := get(t, s.URL+"/api/v1/documents/pak-irn-2024-01-18", &doc); code != 200 || len(doc.Mentions) == 0 || len(doc.Events) == 0 {
		t.Errorf("document: %d", code)
	}
	var oa map[string]any
	if get(t, s.URL+"/api/v1/openapi.json", &oa); oa["openapi"] != "3.0.3" {
		t.Errorf("openapi %v", oa["openapi"])
	}
	// errors are JSON with the right status
	for url, want := range map[string]int{
		"/api/v1/documents/missing":                      404,
		"/api/v1/events?from=yesterday":                  400,
		"/api/v1/events?quad=9":                          400,
		"/api/v1/dyads/PAK/IRN/timeline?interval=decade": 400,
		"/api/v1/events/abc":                             400,
		"/healthz":                                       200,
	} {
		var body map[string]string
		if code := get(t, s.URL+url, &body); code != want || want != 200 && body["error"] == "" {
			t.Errorf("%s: %d %v, want %d", url, code, body, want)
		}
	}
	r, _ := http.Get(s.URL + "/metrics")
	var b bytes.Buffer
	b.ReadFrom(r.Body)
	r.Body.Close()
	for _, want := range []string{
		`annals_http_requests_total{route="GET /healthz",status="200"} 1`,
		`annals_http_requests_total{route="GET /api/v1/events",status="400"} 2`,
		`annals_http_request_seconds_bucket{route="GET /healthz",le="+Inf"} 1`,
		"go_goroutines ",
		"process_resident_memory_bytes ",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestPostDocuments(t *testing.T) {
	body := `{"id":"new-1","published":"2024-05-02","text":"Pakistan and Iran signed a trade agreement on Thursday."}
{"id":"new-2","published":"2024-05-02","text":"Iran condemned Israel on Thursday."}
`
	post := func(s *testServer, token, body string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", s.URL+"/api/v1/documents", strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		var m map[string]any
		json.NewDecoder(r.Body).Decode(&m)
		return r.StatusCode, m
	}
	closed := newServer(t, "")
	if code, _ := post(closed, "anything", body); code != 403 {
		t.Errorf("without a server token: %d", code)
	}
	s := newServer(t, "s3cret")
	if code, _ := post(s, "", body); code != 401 {
		t.Errorf("without a token: %d", code)
	}
	if code, _ := post(s, "wrong", body); code != 401 {
		t.Errorf("wrong token: %d", code)
	}
	code, m := post(s, "s3cret", body)
	if code != 201 || m["added"].(float64) != 2 {
		t.Errorf("post: %d %v", code, m)
	}
	if code, m = post(s, "s3cret", body); code != 201 || m["added"].(float64) != 0 || m["skipped"].(float64) != 2 {
		t.Errorf("repost: %d %v", code, m)
	}
	// a body that starts as JSON and breaks is no article: 400, naming it
	code, m = post(s, "s3cret", `{"id":"broken","text":"Iran condemned`)
	if code != 400 || !strings.Contains(fmt.Sprint(m["error"]), "body:1: malformed JSON") {
		t.Errorf("malformed JSON body: %d %v, want 400 naming body:1", code, m)
	}
	// anything else is plain text, coded as one article
	if code, m = post(s, "s3cret", "not json at all {"); code != 201 || m["added"].(float64) != 1 {
		t.Errorf("plain-text body: %d %v, want 201", code, m)
	}
	big := strings.Repeat("x", api.MaxBody+10)
	if code, _ = post(s, "s3cret", big); code != 413 {
		t.Errorf("oversized body: %d", code)
	}
}

// TestPostedFeedReadsNoFile posts an RSS feed whose item links name a
// secret file on the server (an absolute path and a file:// URL) and one
// item with its own text. Nothing of the file may be stored or served, and
// document text needs the read token.
func TestPostedFeedReadsNoFile(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.html")
	const marker = "TOPSECRETPASSWORD"
	if err := os.WriteFile(secret, []byte("<html><body><article><p>Iran condemned Pakistan on Monday. "+marker+"</p></article></body></html>"), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := &api.Server{DB: db, Pipeline: testPipeline(t), Token: "w-token", ReadToken: "r-token", Timeout: 5 * time.Second}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)

	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
<item><title>a</title><link>` + secret + `</link><guid>leak-path</guid></item>
<item><title>b</title><link>file://` + secret + `</link><guid>leak-url</guid></item>
<item><title>c</title><link>/proc/self/cmdline</link><guid>leak-proc</guid></item>
<item><title>d</title><link>` + secret + `</link><guid>own-text</guid><description>Iran condemned Israel on Monday.</description></item>
</channel></rss>`
	do := func(method, path, auth, body string) (int, string) {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return r.StatusCode, string(b)
	}
	if code, _ := do("POST", "/api/v1/documents", "w-token", feed); code != 401 {
		t.Errorf("a token without 'Bearer ': %d, want 401", code)
	}
	code, body := do("POST", "/api/v1/documents", "Bearer w-token", feed)
	if code != 201 || strings.Contains(body, marker) {
		t.Fatalf("post feed: %d %s", code, body)
	}
	var res struct {
		Added    int      `json:"added"`
		Problems []string `json:"problems"`
	}
	json.Unmarshal([]byte(body), &res)
	if res.Added != 1 || len(res.Problems) != 3 {
		t.Errorf("added %d with problems %q; want the one item with its own text and three items skipped", res.Added, res.Problems)
	}
	for _, id := range []string{"leak-path", "leak-url", "leak-proc"} {
		if _, err := db.Document(context.Background(), id); err == nil {
			t.Errorf("document %s was stored from a local file", id)
		}
	}
	if code, _ := do("GET", "/api/v1/documents/own-text", "", ""); code != 401 {
		t.Errorf("document text without the read token: %d, want 401", code)
	}
	if code, _ := do("GET", "/api/v1/documents/own-text", "Bearer wrong", ""); code != 401 {
		t.Errorf("document text with a wrong token: %d, want 401", code)
	}
	for _, tok := range []string{"r-token", "w-token"} {
		code, body := do("GET", "/api/v1/documents/own-text", "Bearer "+tok, "")
		if code != 200 || !strings.Contains(body, "Iran condemned Israel") || strings.Contains(body, marker) {
			t.Errorf("document text with %s: %d %s", tok, code, body)
		}
	}
	// a cached copy is never served to a reader without the token
	if code, body := do("GET", "/api/v1/documents/own-text", "", ""); code != 401 || strings.Contains(body, "Iran condemned") {
		t.Errorf("cached document text without the token: %d %s", code, body)
	}
}

// TestUnknownParameters: a misspelt or unknown filter is a 400 naming it,
// not a silently unfiltered answer; each route's own extras are accepted.
func TestUnknownParameters(t *testing.T) {
	s := newServer(t, "")
	for url, want := range map[string]int{
		"/api/v1/events?actr=PAK":                       400,
		"/api/v1/events?actor=PAK":                      200,
		"/api/v1/events?interval=week":                  400,
		"/api/v1/dyads/PAK/IRN/timeline?interval=week":  200,
		"/api/v1/dyads/PAK/IRN/timeline?intervall=week": 400,
		"/api/v1/actors?by=country&limit=5":             200,
		"/api/v1/network?by=actor&from=2024-01-01":      200,
		"/api/v1/network?bye=actor":                     400,
	} {
		var body map[string]any
		code := get(t, s.URL+url, &body)
		if code != want {
			t.Errorf("%s: %d, want %d (%v)", url, code, want, body["error"])
		}
		if want == 400 {
			if msg, _ := body["error"].(string); !strings.Contains(msg, "unknown parameter") {
				t.Errorf("%s: error %q does not name the parameter", url, msg)
			}
		}
	}
}

// TestAggregatesRefuseCursors: a cursor means nothing to an aggregate (a
// timeline, the actors, the network, the places), and a limit nothing to
// a timeline: each is a 400 naming the parameter and why, not an answer
// silently computed over part of the events.
func TestAggregatesRefuseCursors(t *testing.T) {
	s := newServer(t, "")
	for _, c := range []struct{ url, want string }{
		{"/api/v1/dyads/PAK/IRN/timeline?cursor=10", `parameter "cursor" is not taken here: this endpoint answers one aggregate, not pages; cursor pages GET /api/v1/events`},
		{"/api/v1/dyads/PAK/IRN/timeline?limit=5", `parameter "limit" is not taken here: a timeline has every bucket of its range: narrow from and to, or use a longer interval`},
		{"/api/v1/actors?cursor=10", `parameter "cursor" is not taken here: this endpoint answers one aggregate, not pages; cursor pages GET /api/v1/events; limit bounds the list`},
		{"/api/v1/network?by=actor&cursor=10", `parameter "cursor" is not taken here: this endpoint answers one aggregate, not pages; cursor pages GET /api/v1/events; limit bounds the edges`},
		{"/api/v1/places?cursor=10", `parameter "cursor" is not taken here: this endpoint answers one aggregate, not pages; cursor pages GET /api/v1/events; limit bounds the places`},
	} {
		var body map[string]string
		if code := get(t, s.URL+c.url, &body); code != 400 || body["error"] != c.want {
			t.Errorf("%s: %d %q, want 400 %q", c.url, code, body["error"], c.want)
		}
	}
	// the same aggregates without the cursor answer
	for _, u := range []string{"/api/v1/dyads/PAK/IRN/timeline", "/api/v1/actors?limit=5", "/api/v1/network?by=actor&limit=5", "/api/v1/places?limit=5"} {
		if code := get(t, s.URL+u, &map[string]any{}); code != 200 {
			t.Errorf("%s: %d", u, code)
		}
	}
}

// TestMalformedValues: a value a parameter cannot take is a 400 naming
// the parameter, the value and what it wants, not an empty or an
// unfiltered answer.
func TestMalformedValues(t *testing.T) {
	s := newServer(t, "")
	for _, c := range []struct{ url, want string }{
		{"/api/v1/actors?by=countries", `by "countries": want code or country`},
		{"/api/v1/network?by=code", `by "code": want country or actor`},
		{"/api/v1/events?root=1", `root "1": want CAMEO root, two digits (19)`},
		{"/api/v1/events?root=190", `root "190": want CAMEO root, two digits (19)`},
		{"/api/v1/events?code=19a", `code "19a": want CAMEO code or code prefix, 1 to 4 digits (190, 19)`},
		{"/api/v1/places?country=PK", `country "PK": want ISO 3166-1 alpha-3 country of the event's location (PAK)`},
		{"/api/v1/events?place=*", `place "*": put the start of a name before the * (Khar*)`},
		{"/api/v1/events?sort=newest", `sort "newest": want id, date or -date`},
		{"/api/v1/events?format=xml", `format "xml": want json or csv`},
		{"/api/v1/dyads/PAK/IRN/timeline?interval=year", `interval "year": want day, week or month`},
		{"/api/v1/events?quad=5", `quad "5": want 1-4`},
		{"/api/v1/events?from=2024-1-1", `date "2024-1-1": want YYYY-MM-DD`},
		{"/api/v1/events?min_confidence=2", `min_confidence "2": want a number from 0 to 1`},
		{"/api/v1/events?limit=1001", `limit "1001": want 1-1000`},
		{"/api/v1/events?mode=asserted,certain", `mode "certain": want asserted, intended, reported, negated, hypothetical or all, comma-separated`},
		{"/api/v1/events?dyad=PAK", `dyad "PAK": want A,B`},
	} {
		var body map[string]string
		if code := get(t, s.URL+c.url, &body); code != 400 || body["error"] != c.want {
			t.Errorf("%s: %d %q, want 400 %q", c.url, code, body["error"], c.want)
		}
	}
	// well-formed values of the same parameters answer
	for _, u := range []string{"/api/v1/actors?by=country", "/api/v1/network?by=actor", "/api/v1/events?root=19", "/api/v1/events?code=1", "/api/v1/events?code=0231",
		"/api/v1/places?country=pak", "/api/v1/events?place=Kab*", "/api/v1/events?sort=-date", "/api/v1/events?format=json"} {
		if code := get(t, s.URL+u, &map[string]any{}); code != 200 {
			t.Errorf("%s: %d", u, code)
		}
	}
}

// TestEventsAsCSV: format=csv answers the page in the CSV export's
// columns, with the next page's cursor in a header.
func TestEventsAsCSV(t *testing.T) {
	s := newServer(t, "")
	r, err := http.Get(s.URL + "/api/v1/events?dyad=PAK,IRN&limit=5&format=csv")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("content type %q", ct)
	}
	recs, err := csv.NewReader(r.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 6 || recs[0][0] != "id" {
		t.Fatalf("want a header and 5 rows, got %d rows: %v", len(recs), recs)
	}
	code := slices.Index(recs[0], "code")
	for _, rec := range recs[1:] {
		if !strings.HasPrefix(rec[code], "C") {
			t.Errorf("code cell %q lacks the text prefix", rec[code])
		}
	}
	if r.Header.Get("X-Next-Cursor") == "" {
		t.Error("a full page has no X-Next-Cursor")
	}
	var res map[string]any
	if code := get(t, s.URL+"/api/v1/events?format=xml", &res); code != 400 {
		t.Errorf("format=xml: %d", code)
	}
}

// TestEventsSorted: sort=date and sort=-date page through every event once,
// in date order (ties by id), following next_cursor; a bad sort is a 400.
func TestEventsSorted(t *testing.T) {
	s := newServer(t, "")
	all := map[int64]bool{}
	var total int
	{
		var p struct {
			Events []struct{ ID int64 } `json:"events"`
		}
		get(t, s.URL+"/api/v1/events?limit=1000", &p)
		total = len(p.Events)
	}
	for _, sort := range []string{"date", "-date"} {
		clear(all)
		cursor, prev := "", ""
		var prevID int64
		for pages := 0; pages < 100; pages++ {
			var p struct {
				Events []struct {
					ID        int64  `json:"id"`
					EventDate string `json:"event_date"`
				} `json:"events"`
				Next string `json:"next_cursor"`
			}
			u := s.URL + "/api/v1/events?limit=7&sort=" + sort
			if cursor != "" {
				u += "&cursor=" + url.QueryEscape(cursor)
			}
			if code := get(t, u, &p); code != 200 {
				t.Fatalf("%s: %d", u, code)
			}
			for _, e := range p.Events {
				if all[e.ID] {
					t.Fatalf("sort=%s: event %d twice", sort, e.ID)
				}
				all[e.ID] = true
				if prev != "" {
					before := e.EventDate < prev || e.EventDate == prev && e.ID < prevID
					if sort == "-date" {
						before = e.EventDate > prev || e.EventDate == prev && e.ID > prevID
					}
					if before {
						t.Fatalf("sort=%s: %s/%d after %s/%d", sort, e.EventDate, e.ID, prev, prevID)
					}
				}
				prev, prevID = e.EventDate, e.ID
			}
			if p.Next == "" {
				break
			}
			cursor = p.Next
		}
		if len(all) != total {
			t.Errorf("sort=%s: %d events paged, %d in all", sort, len(all), total)
		}
	}
	var res map[string]any
	if code := get(t, s.URL+"/api/v1/events?sort=random", &res); code != 400 {
		t.Errorf("sort=random: %d", code)
	}
}

// TestMinConfidenceFilter: min_confidence keeps exactly the events at or
// above it, and a value outside 0-1 answers 400.
func TestMinConfidenceFilter(t *testing.T) {
	s := newServer(t, "")
	type page struct {
		Events []struct {
			ID         int64   `json:"id"`
			Confidence float64 `json:"confidence"`
		} `json:"events"`
	}
	var all page
	if code := get(t, s.URL+"/api/v1/events?limit=1000", &all); code != 200 || len(all.Events) < 10 {
		t.Fatalf("all events: %d, %d events", code, len(all.Events))
	}
	confs := make([]float64, len(all.Events))
	for i, e := range all.Events {
		confs[i] = e.Confidence
	}
	slices.Sort(confs)
	floor := confs[len(confs)/2]
	want := 0
	for _, c := range confs {
		if c >= floor {
			want++
		}
	}
	var kept page
	if code := get(t, s.URL+"/api/v1/events?limit=1000&min_confidence="+strconv.FormatFloat(floor, 'f', -1, 64), &kept); code != 200 {
		t.Fatalf("min_confidence: %d", code)
	}
	if len(kept.Events) != want || want == len(confs) {
		t.Errorf("min_confidence %.2f kept %d of %d events, want %d", floor, len(kept.Events), len(confs), want)
	}
	for _, e := range kept.Events {
		if e.Confidence < floor {
			t.Errorf("event %d at confidence %.2f kept by min_confidence %.2f", e.ID, e.Confidence, floor)
		}
	}
	for _, v := range []string{"1.5", "-0.1", "NaN", "high"} {
		var body map[string]any
		if code := get(t, s.URL+"/api/v1/events?min_confidence="+v, &body); code != 400 {
			t.Errorf("min_confidence=%s: %d, want 400", v, code)
		}
	}
}

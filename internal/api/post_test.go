package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/api"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

type postResult struct {
	Added    int      `json:"added"`
	Skipped  int      `json:"skipped"`
	Problems []string `json:"problems"`
	Error    string   `json:"error"`
}

func postBody(t *testing.T, url, token string, body io.Reader) (int, http.Header, postResult) {
	t.Helper()
	req, _ := http.NewRequest("POST", url+"/api/v1/documents", body)
	req.Header.Set("Authorization", "Bearer "+token)
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var res postResult
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &res); err != nil {
		t.Errorf("answer %d is not JSON: %.200s", r.StatusCode, b)
	}
	return r.StatusCode, r.Header, res
}

func article(id string, i int) string {
	return fmt.Sprintf(`{"id":%q,"published":"2024-05-02","text":"Iran condemned Pakistan on Thursday, report %d said."}`, id, i) + "\n"
}

// TestPostPerDocumentLimit: a body is read as a stream with a limit per
// document: a JSON line over the 20 MB limit of an article is skipped
// with its line named and the others are stored; a plain-text body over
// it is no article, a 400 naming the limit; a body that says it is over
// MaxBody is 413 before any of it is read.
func TestPostPerDocumentLimit(t *testing.T) {
	s := newServer(t, "tok")
	big := `{"id":"big","text":"` + strings.Repeat("Iran condemned Pakistan. ", ingest.MaxArticleBytes/25+1) + `"}` + "\n"
	code, _, res := postBody(t, s.URL, "tok", strings.NewReader(article("p-1", 1)+big+article("p-3", 3)))
	if code != 201 || res.Added != 2 || len(res.Problems) != 1 || res.Problems[0] != "body:2: larger than the 20 MB limit" {
		t.Errorf("lines with one document over the limit: %d %+v, want 201, 2 added and line 2 named", code, res)
	}
	code, _, res = postBody(t, s.URL, "tok", strings.NewReader(strings.Repeat("Iran condemned Pakistan. ", ingest.MaxArticleBytes/25+1)))
	if code != 400 || res.Error != "no article in the body: body: larger than the 20 MB limit" {
		t.Errorf("a 20 MB text body: %d %+v, want 400 naming the limit", code, res)
	}
	code, _, res = postBody(t, s.URL, "tok", strings.NewReader(strings.Repeat(article("same", 0), api.MaxBody/len(article("same", 0))+1)))
	if code != 413 || !strings.Contains(res.Error, fmt.Sprint(api.MaxBody)) {
		t.Errorf("a body over MaxBody: %d %+v, want 413", code, res)
	}
	// one without a length (chunked) is cut off at MaxBody as it is read:
	// the document coded before is not stored either
	chunked := io.MultiReader(strings.NewReader(article("before-cut", 7)), strings.NewReader(strings.Repeat("x", api.MaxBody)))
	code, _, res = postBody(t, s.URL, "tok", chunked)
	if code != 413 || !strings.Contains(res.Error, fmt.Sprint(api.MaxBody)) {
		t.Errorf("a chunked body over MaxBody: %d %+v, want 413", code, res)
	}
	for _, id := range []string{"same", "before-cut"} {
		if _, err := s.db.Document(t.Context(), id); err == nil {
			t.Errorf("document %s of a body refused with 413 was stored", id)
		}
	}
}

// TestParallelPosts: 8 clients posting at once to a SQLite store all get
// 201 and every document is stored (7 of 8 answered 500 "database is
// locked" when write transactions began deferred).
func TestParallelPosts(t *testing.T) {
	s := newServer(t, "tok")
	before, _ := s.db.Stats(t.Context())
	const clients, each = 8, 40
	var wg sync.WaitGroup
	codes := make([]int, clients)
	results := make([]postResult, clients)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b strings.Builder
			for i := range each {
				b.WriteString(article(fmt.Sprintf("par-%d-%d", c, i), c*each+i))
			}
			codes[c], _, results[c] = postBody(t, s.URL, "tok", strings.NewReader(b.String()))
		}()
	}
	wg.Wait()
	for c := range clients {
		if codes[c] != 201 || results[c].Added != each {
			t.Errorf("client %d: %d %+v", c, codes[c], results[c])
		}
	}
	after, _ := s.db.Stats(t.Context())
	if n := after.Documents - before.Documents; n != clients*each {
		t.Errorf("%d of %d documents stored", n, clients*each)
	}
}

// TestDatabaseOutageIs503: with PostgreSQL stopped, reads and writes are
// answered 503 with Retry-After (they were 500, "internal error", as for a
// bug), and they succeed again once it is back.
func TestDatabaseOutageIs503(t *testing.T) {
	if testing.Short() {
		t.Skip("outage")
	}
	pg := storetest.PrivatePostgres(t)
	db, err := store.Open(pg.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	srv := &api.Server{DB: db, Pipeline: testPipeline(t), Token: "tok", Timeout: 5 * time.Second, CacheTTL: -1}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	n := 0
	check := func(when string, down bool) {
		t.Helper()
		n++
		code, h, res := postBody(t, ts.URL, "tok", strings.NewReader(article("out-"+when, n)))
		switch {
		case !down && (code != 201 || res.Added != 1):
			t.Errorf("%s: POST %d %+v, want 201", when, code, res)
		case down && (code != 503 || h.Get("Retry-After") == "" || res.Error != api.ErrUnavailable.Error()):
			t.Errorf("%s: POST %d %+v, Retry-After %q; want 503 saying the database is unavailable", when, code, res, h.Get("Retry-After"))
		}
		r, err := http.Get(ts.URL + "/api/v1/events?limit=5")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		switch {
		case !down && r.StatusCode != 200:
			t.Errorf("%s: GET events %d %.200s, want 200", when, r.StatusCode, b)
		case down && (r.StatusCode != 503 || r.Header.Get("Retry-After") == "" || !strings.Contains(string(b), api.ErrUnavailable.Error())):
			t.Errorf("%s: GET events %d %.200s, Retry-After %q; want 503 saying the database is unavailable", when, r.StatusCode, b, r.Header.Get("Retry-After"))
		}
	}
	check("before", false)
	pg.Stop(t)
	check("down", true)
	pg.Start(t)
	deadline := time.Now().Add(30 * time.Second)
	for db.SQL().Ping() != nil && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	check("after", false)
}

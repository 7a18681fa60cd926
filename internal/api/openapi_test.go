package api_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// loadOpenAPI fetches the served document and loads it with an OpenAPI
// library, which validates it against the OpenAPI 3.0 specification.
func loadOpenAPI(t *testing.T, s *testServer) *openapi3.T {
	t.Helper()
	r, err := http.Get(s.URL + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	doc, err := openapi3.NewLoader().LoadFromData(body)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document is invalid: %v", err)
	}
	return doc
}

// filteredRoutes are the filtered routes of the document, each with a
// URL that reaches it.
var filteredRoutes = map[string]string{
	"/api/v1/events":                 "/api/v1/events",
	"/api/v1/dyads/{a}/{b}/timeline": "/api/v1/dyads/PAK/IRN/timeline",
	"/api/v1/actors":                 "/api/v1/actors",
	"/api/v1/network":                "/api/v1/network",
	"/api/v1/places":                 "/api/v1/places",
}

// TestOpenAPI validates the served document with an OpenAPI library and
// checks it against the handlers: every query parameter it lists for a
// filtered route is accepted by that route with each of its enum values,
// one it does not list is refused, and the route names exactly the
// documented ones in its refusal, so document and handlers cannot drift.
func TestOpenAPI(t *testing.T) {
	s := newServer(t, "")
	doc := loadOpenAPI(t, s)
	for _, name := range []string{"Event", "Places", "Bucket", "ActorCount", "Edge", "Document"} {
		if sc := doc.Components.Schemas[name]; sc == nil || len(sc.Value.Properties) < 2 {
			t.Errorf("schema %s is not generated from its Go type: %+v", name, sc)
		}
	}
	if pl := doc.Components.Schemas["Places"]; pl == nil || pl.Value.Properties["places"] == nil || pl.Value.Properties["places"].Value.Items.Value.Properties["quad"] == nil {
		t.Errorf("the Places schema does not describe places: %+v", pl)
	}
	if ev := doc.Components.Schemas["Event"]; ev == nil || ev.Value.Properties["source"] == nil || ev.Value.Properties["evidence_count"] == nil {
		t.Errorf("the Event schema does not describe events: %+v", ev)
	}
	sample := map[string]string{"dyad": "PAK,IRN", "from": "2024-01-01", "to": "2024-12-31", "quad": "4", "mode": "all",
		"limit": "5", "cursor": "0", "root": "19", "code": "19", "q": "strike", "at": "30.18,66.99", "min_confidence": "0.5",
		"country": "PAK", "place": "Quetta"}
	takes := regexp.MustCompile(`this endpoint takes: (.*)\)$`)
	for path, u := range filteredRoutes {
		item := doc.Paths.Find(path)
		if item == nil || item.Get == nil {
			t.Errorf("%s: not in the document", path)
			continue
		}
		var documented []string
		for _, p := range item.Get.Parameters {
			if p.Value.In != "query" {
				continue
			}
			documented = append(documented, p.Value.Name)
			values := []string{sample[p.Value.Name]}
			if values[0] == "" {
				values[0] = "PAK"
			}
			if enum := p.Value.Schema.Value.Enum; len(enum) > 0 {
				values = nil
				for _, e := range enum {
					values = append(values, e.(string))
				}
				var res map[string]string
				if code := get(t, s.URL+u+"?"+p.Value.Name+"=bogus", &res); code != 400 || !strings.HasPrefix(res["error"], p.Value.Name+` "bogus": want `) {
					t.Errorf("%s?%s=bogus, a value outside its enum: %d %q", path, p.Value.Name, code, res["error"])
				}
			}
			for _, v := range values {
				var res map[string]any
				var into any = &res
				if v == "csv" {
					into = nil // not JSON
				}
				if code := get(t, s.URL+u+"?"+p.Value.Name+"="+url.QueryEscape(v), into); code != 200 {
					t.Errorf("%s?%s=%s: %d %v: the document lists a value the handler refuses", path, p.Value.Name, v, code, res["error"])
				}
			}
			if pat := p.Value.Schema.Value.Pattern; pat != "" {
				var res map[string]string
				if code := get(t, s.URL+u+"?"+p.Value.Name+"=x1", &res); code != 400 || !strings.HasPrefix(res["error"], p.Value.Name+` "x1": want `) {
					t.Errorf("%s?%s=x1, against its pattern %s: %d %q", path, p.Value.Name, pat, code, res["error"])
				}
			}
		}
		if len(documented) < 15 {
			t.Errorf("%s: only %d query parameters documented", path, len(documented))
		}
		var res map[string]string
		code := get(t, s.URL+u+"?undocumented=1", &res)
		m := takes.FindStringSubmatch(res["error"])
		if code != 400 || !strings.Contains(res["error"], `"undocumented"`) || m == nil {
			t.Errorf("%s?undocumented=1: %d %q", path, code, res["error"])
			continue
		}
		slices.Sort(documented)
		if accepted := strings.Split(m[1], ", "); !slices.Equal(accepted, documented) {
			t.Errorf("%s takes %q; the document lists %q", path, accepted, documented)
		}
	}
}

// TestOpenAPILint holds the document to the rules of Redocly's
// recommended ruleset that a document written by hand tends to break:
// a licence with a URL, a server, on every operation a unique URL-safe
// operationId, a summary, a description, security, a 2xx and a 4xx
// response, and a description on every parameter and response.
func TestOpenAPILint(t *testing.T) {
	s := newServer(t, "")
	doc := loadOpenAPI(t, s)
	if doc.Info.License == nil || doc.Info.License.Name == "" || doc.Info.License.URL == "" {
		t.Errorf("info.license: %+v, want a name and a URL", doc.Info.License)
	}
	if len(doc.Servers) == 0 || doc.Servers[0].URL == "" {
		t.Errorf("servers: %+v", doc.Servers)
	}
	ids := map[string]string{}
	safe := regexp.MustCompile(`^[A-Za-z0-9_.~-]+$`)
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := method + " " + path
			switch {
			case op.OperationID == "" || !safe.MatchString(op.OperationID):
				t.Errorf("%s: operationId %q", where, op.OperationID)
			case ids[op.OperationID] != "":
				t.Errorf("%s: operationId %q is %s's too", where, op.OperationID, ids[op.OperationID])
			}
			ids[op.OperationID] = where
			if op.Summary == "" || op.Description == "" {
				t.Errorf("%s: summary %q, description %q", where, op.Summary, op.Description)
			}
			if op.Security == nil && len(doc.Security) == 0 {
				t.Errorf("%s: no security, on it or at the root", where)
			}
			ok2, ok4 := false, false
			for code, r := range op.Responses.Map() {
				ok2 = ok2 || strings.HasPrefix(code, "2")
				ok4 = ok4 || strings.HasPrefix(code, "4")
				if r.Value == nil || r.Value.Description == nil || *r.Value.Description == "" {
					t.Errorf("%s: response %s has no description", where, code)
				}
			}
			if !ok2 || !ok4 {
				t.Errorf("%s: responses %v, want a 2xx and a 4xx", where, slices.Sorted(func(yield func(string) bool) {
					for c := range op.Responses.Map() {
						if !yield(c) {
							return
						}
					}
				}))
			}
			for _, p := range append(slices.Clone(item.Parameters), op.Parameters...) {
				if p.Value.Description == "" {
					t.Errorf("%s: parameter %s has no description", where, p.Value.Name)
				}
			}
		}
	}
	if len(ids) < 11 {
		t.Errorf("%d operations documented", len(ids))
	}
}

// TestResponsesMatchTheDocument sends real requests to every documented
// GET operation and validates each answer (status, content type, body)
// against the document's response schemas, the ones generated from the
// Go types: a handler that answers otherwise than documented fails here.
func TestResponsesMatchTheDocument(t *testing.T) {
	s := newServer(t, "")
	doc := loadOpenAPI(t, s)
	doc.Servers = openapi3.Servers{{URL: s.URL}}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Events []struct {
			ID       int64 `json:"id"`
			Evidence []struct {
				DocID string `json:"doc_id"`
			} `json:"evidence"`
		} `json:"events"`
	}
	get(t, s.URL+"/api/v1/events?dyad=PAK,IRN&limit=1", &page)
	if len(page.Events) == 0 || len(page.Events[0].Evidence) == 0 {
		t.Fatal("no event to fetch")
	}
	ev := page.Events[0]
	urls := []string{
		"/api/v1/events?dyad=PAK,IRN&limit=3", "/api/v1/events?dyad=PAK,IRN&limit=3&format=csv", "/api/v1/events?sort=-date&limit=2&mode=all",
		"/api/v1/events?root=1", "/api/v1/events?actr=PAK",
		"/api/v1/events/" + strconv.FormatInt(ev.ID, 10), "/api/v1/events/999999999", "/api/v1/events/x",
		"/api/v1/dyads/PAK/IRN/timeline?interval=month", "/api/v1/dyads/PAK/IRN/timeline?cursor=1",
		"/api/v1/actors?by=country&limit=5", "/api/v1/actors", "/api/v1/network?by=actor", "/api/v1/network",
		"/api/v1/places", "/api/v1/places?from=2024-01-01&to=2024-01-31", "/api/v1/places?cursor=5",
		"/api/v1/documents/" + url.PathEscape(ev.Evidence[0].DocID), "/api/v1/documents/none",
		"/api/v1/openapi.json", "/healthz", "/metrics",
	}
	seen := map[string]bool{}
	for _, u := range urls {
		req, _ := http.NewRequest("GET", s.URL+u, nil)
		route, params, err := router.FindRoute(req)
		if err != nil {
			t.Errorf("GET %s: not in the document: %v", u, err)
			continue
		}
		seen[route.Method+" "+route.Path] = true
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
			Status:                 resp.StatusCode, Header: resp.Header, Body: io.NopCloser(bytes.NewReader(body)),
			Options: &openapi3filter.Options{IncludeResponseStatus: true},
		}
		if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
			t.Errorf("GET %s: %d %s does not match the document: %v", u, resp.StatusCode, resp.Header.Get("Content-Type"), err)
		}
	}
	for path, item := range doc.Paths.Map() {
		if item.Get != nil && !seen["GET "+path] {
			t.Errorf("GET %s: no request checked its answer", path)
		}
	}
}

package api_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestOpenAPI loads the served document with an OpenAPI library, validates
// it, and checks it against the handlers: every query parameter it lists
// for a filtered route is accepted by that route, and a parameter it does
// not list is refused, so document and handlers cannot drift.
func TestOpenAPI(t *testing.T) {
	s := newServer(t, "")
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
	if pl := doc.Components.Schemas["Places"]; pl == nil || pl.Value.Properties["places"] == nil || pl.Value.Properties["places"].Value.Items.Value.Properties["quad"] == nil {
		t.Errorf("the Places schema does not describe places: %+v", pl)
	}
	if ev := doc.Components.Schemas["Event"]; ev == nil || ev.Value.Properties["source"] == nil || ev.Value.Properties["evidence_count"] == nil {
		t.Errorf("the Event schema does not describe events: %+v", ev)
	}
	routes := map[string]string{
		"/api/v1/events":                 "/api/v1/events",
		"/api/v1/dyads/{a}/{b}/timeline": "/api/v1/dyads/PAK/IRN/timeline",
		"/api/v1/actors":                 "/api/v1/actors",
		"/api/v1/network":                "/api/v1/network",
		"/api/v1/places":                 "/api/v1/places",
	}
	sample := map[string]string{"dyad": "PAK,IRN", "from": "2024-01-01", "to": "2024-12-31", "quad": "4", "mode": "all",
		"limit": "5", "cursor": "0", "interval": "month", "by": "country", "root": "19", "code": "19", "q": "strike", "format": "json", "sort": "-date", "at": "30.18,66.99", "min_confidence": "0.5"}
	for path, url := range routes {
		item := doc.Paths.Find(path)
		if item == nil || item.Get == nil {
			t.Errorf("%s: not in the document", path)
			continue
		}
		n := 0
		for _, p := range item.Get.Parameters {
			if p.Value.In != "query" {
				continue
			}
			n++
			v := sample[p.Value.Name]
			if v == "" {
				v = "PAK"
			}
			var res map[string]any
			if code := get(t, s.URL+url+"?"+p.Value.Name+"="+v, &res); code != 200 {
				t.Errorf("%s?%s=%s: %d %v: the document lists a parameter the handler refuses", path, p.Value.Name, v, code, res["error"])
			}
		}
		if n < 16 {
			t.Errorf("%s: only %d query parameters documented", path, n)
		}
		var res map[string]any
		if code := get(t, s.URL+url+"?undocumented=1", &res); code != 400 || !strings.Contains(res["error"].(string), "undocumented") {
			t.Errorf("%s?undocumented=1: %d %v", path, code, res["error"])
		}
	}
}

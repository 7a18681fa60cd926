package api

import (
	"encoding/json"
	"fmt"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/getkin/kin-openapi/openapi3gen"
)

// queryParams documents every query parameter of the filtered routes; the
// handlers accept exactly these names (filterParams and each route's
// extras), and the OpenAPI document lists them from here, so the two
// cannot drift.
var queryParams = map[string]map[string]any{
	"actor":          {"schema": map[string]any{"type": "string"}, "description": "actor code prefix as source or target"},
	"source":         {"schema": map[string]any{"type": "string"}, "description": "source actor code prefix"},
	"target":         {"schema": map[string]any{"type": "string"}, "description": "target actor code prefix"},
	"dyad":           {"schema": map[string]any{"type": "string"}, "description": "A,B: events between A and B either way"},
	"from":           {"schema": map[string]any{"type": "string", "format": "date"}, "description": "first event date, YYYY-MM-DD"},
	"to":             {"schema": map[string]any{"type": "string", "format": "date"}, "description": "last event date, YYYY-MM-DD"},
	"root":           {"schema": map[string]any{"type": "string"}, "description": "CAMEO root (two digits)"},
	"code":           {"schema": map[string]any{"type": "string"}, "description": "CAMEO code prefix"},
	"quad":           {"schema": map[string]any{"type": "integer", "minimum": 1, "maximum": 4}, "description": "quad class"},
	"place":          {"schema": map[string]any{"type": "string"}, "description": "place name contains"},
	"at":             {"schema": map[string]any{"type": "string"}, "description": "LAT,LON: events located exactly at this point, a place's lat and lon as GET /api/v1/places gives them"},
	"country":        {"schema": map[string]any{"type": "string"}, "description": "ISO alpha-3 country of the event's location"},
	"q":              {"schema": map[string]any{"type": "string"}, "description": "full-text search in evidence sentences (stemmed)"},
	"mode":           {"schema": map[string]any{"type": "string"}, "description": "comma-separated modes, or all; default asserted,intended,reported"},
	"doc":            {"schema": map[string]any{"type": "string"}, "description": "events told by this document"},
	"min_confidence": {"schema": map[string]any{"type": "number", "minimum": 0, "maximum": 1}, "description": "events whose confidence (the coder's estimate of the chance a careful coder keeps the event) is at least this"},
	"limit":          {"schema": map[string]any{"type": "integer", "minimum": 1, "maximum": 1000}, "description": "page size"},
	"cursor":         {"schema": map[string]any{"type": "string"}, "description": "next_cursor of the previous page"},
	"interval":       {"schema": map[string]any{"type": "string", "enum": []string{"day", "week", "month"}}, "description": "bucket size"},
	"format":         {"schema": map[string]any{"type": "string", "enum": []string{"json", "csv"}}, "description": "csv: the page as CSV in the export's columns, the next cursor in the X-Next-Cursor header"},
	"sort":           {"schema": map[string]any{"type": "string", "enum": []string{"id", "date", "-date"}}, "description": "order of the pages: by id (default), by event date, or latest first; next_cursor follows it"},
	"by":             {"schema": map[string]any{"type": "string", "enum": []string{"code", "country", "actor"}}, "description": "group by actor code or by country"},
}

// routeExtras are the parameters a filtered route takes besides the
// filters; the OpenAPI document and filter() both read it.
var routeExtras = map[string][]string{
	"/api/v1/events":                 {"format", "sort"},
	"/api/v1/dyads/{a}/{b}/timeline": {"interval"},
	"/api/v1/actors":                 {"by"},
	"/api/v1/network":                {"by"},
	"/api/v1/places":                 {},
}

// routeOmits are the filters a route does not take: the places are one
// aggregate, with no cursor.
var routeOmits = map[string][]string{
	"/api/v1/places": {"cursor"},
}

// openAPI is the served document: the hand-written base below with each
// filtered route's query parameters and the event schema generated.
var openAPI = func() []byte {
	var doc map[string]any
	if err := json.Unmarshal([]byte(openAPIBase), &doc); err != nil {
		panic(fmt.Sprintf("openapi base: %v", err))
	}
	paths := doc["paths"].(map[string]any)
	for path := range routeExtras {
		get := paths[path].(map[string]any)["get"].(map[string]any)
		var params []any
		if old, ok := get["parameters"].([]any); ok {
			for _, p := range old {
				if p.(map[string]any)["in"] == "path" {
					params = append(params, p)
				}
			}
		}
		for _, n := range routeParams(path) {
			q := queryParams[n]
			schema, desc := q["schema"], q["description"]
			if n == "limit" && path == "/api/v1/places" {
				schema = map[string]any{"type": "integer", "minimum": 1, "maximum": maxLimit(path)}
				desc = fmt.Sprintf("the most places to list, those with most events first (default %d)", maxLimit(path))
			}
			params = append(params, map[string]any{"name": n, "in": "query", "schema": schema, "description": desc})
		}
		get["parameters"] = params
	}
	ev, err := openapi3gen.NewSchemaRefForValue(annals.StoredEvent{}, nil)
	if err != nil {
		panic(fmt.Sprintf("openapi event schema: %v", err))
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	schemas["Event"] = ev.Value
	pl, err := openapi3gen.NewSchemaRefForValue(store.PlaceCounts{}, nil)
	if err != nil {
		panic(fmt.Sprintf("openapi places schema: %v", err))
	}
	schemas["Places"] = pl.Value
	schemas["Page"] = map[string]any{"type": "object", "properties": map[string]any{
		"events":      map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/Event"}},
		"next_cursor": map[string]any{"type": "string"}}}
	b, err := json.Marshal(doc)
	if err != nil {
		panic(fmt.Sprintf("openapi: %v", err))
	}
	return b
}()

// openAPIBase describes the API (OpenAPI 3.0); the parameters of the
// filtered routes and the schemas of events are filled in by openAPI.
const openAPIBase = `{
 "openapi": "3.0.3",
 "info": {"title": "annals API", "version": "1", "description": "Political event data coded from news text: who did what to whom, when and where, with the evidence."},
 "paths": {
  "/api/v1/events": {"get": {"summary": "Events with their evidence sentences, cursor-paginated", "parameters": [
    {"name": "actor", "in": "query", "schema": {"type": "string"}, "description": "actor code prefix as source or target"},
    {"name": "source", "in": "query", "schema": {"type": "string"}}, {"name": "target", "in": "query", "schema": {"type": "string"}},
    {"name": "dyad", "in": "query", "schema": {"type": "string"}, "description": "A,B: events between A and B either way"},
    {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
    {"name": "root", "in": "query", "schema": {"type": "string"}}, {"name": "code", "in": "query", "schema": {"type": "string"}},
    {"name": "quad", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 4}},
    {"name": "place", "in": "query", "schema": {"type": "string"}}, {"name": "country", "in": "query", "schema": {"type": "string"}},
    {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "full-text search in evidence sentences"},
    {"name": "mode", "in": "query", "schema": {"type": "string"}, "description": "comma-separated modes, or all; default asserted,intended,reported"},
    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 1000}}, {"name": "cursor", "in": "query", "schema": {"type": "string"}}],
   "responses": {"200": {"description": "a page of events", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}, "400": {"$ref": "#/components/responses/Error"}}}},
  "/api/v1/events/{id}": {"get": {"summary": "One event", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
   "responses": {"200": {"description": "the event"}, "404": {"$ref": "#/components/responses/Error"}}}},
  "/api/v1/dyads/{a}/{b}/timeline": {"get": {"summary": "Counts per quad class and mean Goldstein per interval between two actors; each bucket has start and end, and its events are GET /api/v1/events?dyad=a,b&from=start&to=end (paginated)",
   "parameters": [{"name": "a", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "b", "in": "path", "required": true, "schema": {"type": "string"}},
    {"name": "interval", "in": "query", "schema": {"type": "string", "enum": ["day", "week", "month"]}},
    {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
   "responses": {"200": {"description": "buckets"}, "400": {"$ref": "#/components/responses/Error"}}}},
  "/api/v1/actors": {"get": {"summary": "Actors by event count", "parameters": [{"name": "by", "in": "query", "schema": {"type": "string", "enum": ["code", "country"]}}], "responses": {"200": {"description": "actors"}}}},
  "/api/v1/network": {"get": {"summary": "Actor graph with edges weighted by cooperation and conflict", "parameters": [{"name": "by", "in": "query", "schema": {"type": "string", "enum": ["country", "actor"]}}], "responses": {"200": {"description": "nodes and edges"}}}},
  "/api/v1/places": {"get": {"summary": "Events per place and quad class, for the map: each place's point (lat, lon), name, country, and counts of the events there matching the filters, the places with most events first; a place's events are GET /api/v1/events with the same filters and at=LAT,LON (paginated)",
   "responses": {"200": {"description": "places", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Places"}}}}, "400": {"$ref": "#/components/responses/Error"}}}},
  "/api/v1/documents/{id}": {"get": {"summary": "An article with its sentences, mentions and events", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "the document"}, "404": {"$ref": "#/components/responses/Error"}}}},
  "/api/v1/documents": {"post": {"summary": "Code and store articles (JSON object, JSON array or JSON lines)", "security": [{"bearer": []}],
   "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}, "application/x-ndjson": {"schema": {"type": "string"}}}},
   "responses": {"201": {"description": "counts of stored and skipped documents"}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}}}},
  "/healthz": {"get": {"summary": "Health", "responses": {"200": {"description": "ok"}}}},
  "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "text exposition format"}}}}
 },
 "components": {
  "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
  "responses": {"Error": {"description": "an error", "content": {"application/json": {"schema": {"type": "object", "properties": {"error": {"type": "string"}}}}}}},
  "schemas": {
   "Article": {"type": "object", "required": ["text"], "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "published": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"}, "source": {"type": "string"}}},
   "Page": {"type": "object", "properties": {"events": {"type": "array", "items": {"type": "object"}}, "next_cursor": {"type": "string"}}}
  }
 }
}`

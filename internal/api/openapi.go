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
// extras, less its omits), a parameter with an enum takes only its values,
// and the OpenAPI document lists them from here, so the two cannot drift.
var queryParams = map[string]map[string]any{
	"actor":          {"schema": map[string]any{"type": "string"}, "description": "actor code prefix as source or target (PAK, PAKMIL)"},
	"source":         {"schema": map[string]any{"type": "string"}, "description": "source actor code prefix"},
	"target":         {"schema": map[string]any{"type": "string"}, "description": "target actor code prefix"},
	"dyad":           {"schema": map[string]any{"type": "string"}, "description": "A,B: events between A and B either way (code prefixes)"},
	"from":           {"schema": map[string]any{"type": "string", "format": "date"}, "description": "first event date, YYYY-MM-DD"},
	"to":             {"schema": map[string]any{"type": "string", "format": "date"}, "description": "last event date, YYYY-MM-DD"},
	"root":           {"schema": map[string]any{"type": "string", "pattern": "^[0-9]{2}$"}, "description": "CAMEO root, two digits (19)"},
	"code":           {"schema": map[string]any{"type": "string", "pattern": "^[0-9]{1,4}$"}, "description": "CAMEO code or code prefix, 1 to 4 digits (190, 19)"},
	"quad":           {"schema": map[string]any{"type": "integer", "minimum": 1, "maximum": 4}, "description": "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"},
	"place":          {"schema": map[string]any{"type": "string"}, "description": "place name, case-insensitive: a place of that name, or whose name is that name and more words (Kharkiv finds Kharkiv and Kharkiv region, not Kharkivska); end it with * for names that start with the text (Khar*)"},
	"at":             {"schema": map[string]any{"type": "string"}, "description": "LAT,LON: events located exactly at this point, a place's lat and lon as GET /api/v1/places gives them"},
	"country":        {"schema": map[string]any{"type": "string", "pattern": "^[A-Za-z]{3}$"}, "description": "ISO 3166-1 alpha-3 country of the event's location (PAK)"},
	"q":              {"schema": map[string]any{"type": "string"}, "description": "full-text search in evidence sentences, every word (stemmed; English stop words ignored)"},
	"mode":           {"schema": map[string]any{"type": "string"}, "description": "comma-separated modes (asserted, intended, reported, negated, hypothetical), or all; default asserted,intended,reported"},
	"doc":            {"schema": map[string]any{"type": "string"}, "description": "events told by this document"},
	"min_confidence": {"schema": map[string]any{"type": "number", "minimum": 0, "maximum": 1}, "description": "events whose confidence (the coder's estimate of the chance a careful coder keeps the event) is at least this"},
	"limit":          {"schema": map[string]any{"type": "integer", "minimum": 1, "maximum": 1000}, "description": "page size (default 50)"},
	"cursor":         {"schema": map[string]any{"type": "string"}, "description": "next_cursor of the previous page"},
	"interval":       {"schema": map[string]any{"type": "string", "enum": []string{"day", "week", "month"}}, "description": "bucket size (default week; weeks start on Monday)"},
	"format":         {"schema": map[string]any{"type": "string", "enum": []string{"json", "csv"}}, "description": "csv: the page as CSV in the export's columns, the next cursor in the X-Next-Cursor header"},
	"sort":           {"schema": map[string]any{"type": "string", "enum": []string{"id", "date", "-date"}}, "description": "order of the pages: by id (default), by event date, or latest first; next_cursor follows it"},
}

// routeParamDocs are the parameters whose meaning differs on one route.
var routeParamDocs = map[string]map[string]map[string]any{
	"/api/v1/actors": {
		"by":    {"schema": map[string]any{"type": "string", "enum": []string{"code", "country"}}, "description": "count by full actor code (default) or by country (the code's first three letters)"},
		"limit": {"schema": map[string]any{"type": "integer", "minimum": 1, "maximum": 1000}, "description": "the most actors to list, those with most events first (default 100)"},
	},
	"/api/v1/network": {
		"by":    {"schema": map[string]any{"type": "string", "enum": []string{"country", "actor"}}, "description": "one node per country (default) or per full actor code"},
		"limit": {"schema": map[string]any{"type": "integer", "minimum": 1, "maximum": 1000}, "description": "the most edges to list, the strongest first (default 200)"},
	},
	"/api/v1/places": {
		"limit": {"schema": map[string]any{"type": "integer", "minimum": 1, "maximum": store.MaxPlaces}, "description": fmt.Sprintf("the most places to list, those with most events first (default %d)", store.MaxPlaces)},
	},
}

// paramDoc is the schema and description of a route's parameter.
func paramDoc(route, name string) map[string]any {
	if d, ok := routeParamDocs[route][name]; ok {
		return d
	}
	return queryParams[name]
}

// paramEnum is the values a route's parameter takes, or nil for any.
func paramEnum(route, name string) []string {
	if s, ok := paramDoc(route, name)["schema"].(map[string]any); ok {
		e, _ := s["enum"].([]string)
		return e
	}
	return nil
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

// aggregate is the reason an aggregate route refuses a cursor.
const aggregate = "this endpoint answers one aggregate, not pages; cursor pages GET /api/v1/events"

// routeOmits are the filters a route does not take, with the reason a
// request that sends one is told: the aggregates have no pages, and a
// timeline has every bucket of its range.
var routeOmits = map[string]map[string]string{
	"/api/v1/dyads/{a}/{b}/timeline": {"cursor": aggregate, "limit": "a timeline has every bucket of its range: narrow from and to, or use a longer interval"},
	"/api/v1/actors":                 {"cursor": aggregate + "; limit bounds the list"},
	"/api/v1/network":                {"cursor": aggregate + "; limit bounds the edges"},
	"/api/v1/places":                 {"cursor": aggregate + "; limit bounds the places"},
}

// openAPI is the served document: the hand-written base below with each
// filtered route's query parameters and the response schemas generated
// from the Go types the handlers answer with.
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
			q := paramDoc(path, n)
			params = append(params, map[string]any{"name": n, "in": "query", "schema": q["schema"], "description": q["description"]})
		}
		get["parameters"] = params
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	for name, v := range map[string]any{
		"Event":      annals.StoredEvent{},
		"Places":     store.PlaceCounts{},
		"Bucket":     annals.Bucket{},
		"ActorCount": store.ActorCount{},
		"Edge":       store.Edge{},
		"Document":   store.Document{},
	} {
		s, err := openapi3gen.NewSchemaRefForValue(v, nil)
		if err != nil {
			panic(fmt.Sprintf("openapi %s schema: %v", name, err))
		}
		schemas[name] = s.Value
	}
	b, err := json.Marshal(doc)
	if err != nil {
		panic(fmt.Sprintf("openapi: %v", err))
	}
	return b
}()

// openAPIBase describes the API (OpenAPI 3.0); the parameters of the
// filtered routes and the schemas of the Go types are filled in by
// openAPI.
const openAPIBase = `{
 "openapi": "3.0.3",
 "info": {"title": "annals API", "version": "1",
  "description": "Political event data coded from news text: who did what to whom, when and where, in CAMEO and PLOVER, with the sentences that tell each event. Every filtered route refuses a parameter it does not take, and a malformed value, with 400 and a JSON error naming it.",
  "license": {"name": "MIT (annals; the data it is built from keeps its own licences: see Data and licences in the README)", "url": "https://opensource.org/license/mit"}},
 "servers": [{"url": "/", "description": "the annals server that serves this document (annals serve)"}],
 "security": [{}],
 "paths": {
  "/api/v1/events": {"get": {"operationId": "listEvents", "summary": "Events, cursor-paginated",
   "description": "Events matching the filters, each with its first 3 evidence sentences (source, target and trigger spans), evidence_count and record, the event's full record. A page has at most limit events; next_cursor, when present, is the cursor of the next page.",
   "responses": {"200": {"description": "a page of events (text/csv with format=csv)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}, "text/csv": {"schema": {"type": "string"}}}},
    "400": {"$ref": "#/components/responses/BadRequest"}, "414": {"$ref": "#/components/responses/URITooLong"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/api/v1/events/{id}": {"get": {"operationId": "getEvent", "summary": "One event", "description": "An event with all its evidence (up to 100 sentences, the most an event keeps).",
   "parameters": [{"name": "id", "in": "path", "required": true, "description": "the event's id", "schema": {"type": "integer"}}],
   "responses": {"200": {"description": "the event", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}}},
    "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/api/v1/dyads/{a}/{b}/timeline": {"get": {"operationId": "getDyadTimeline", "summary": "Events between two actors over time",
   "description": "Counts per quad class and the mean Goldstein score per day, week or month between two actors, either direction, every bucket from the first to the last (empty ones too). Each bucket has start and end; its events are GET /api/v1/events?dyad=a,b&from=start&to=end. A timeline over 20,000 buckets is refused with 400.",
   "parameters": [{"name": "a", "in": "path", "required": true, "description": "an actor code prefix (PAK)", "schema": {"type": "string"}}, {"name": "b", "in": "path", "required": true, "description": "the other actor code prefix (IRN)", "schema": {"type": "string"}}],
   "responses": {"200": {"description": "the buckets", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Timeline"}}}},
    "400": {"$ref": "#/components/responses/BadRequest"}, "414": {"$ref": "#/components/responses/URITooLong"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/api/v1/actors": {"get": {"operationId": "listActors", "summary": "Actors by event count", "description": "Actors, as source or target, by the number of events matching the filters, most first.",
   "responses": {"200": {"description": "actors", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Actors"}}}},
    "400": {"$ref": "#/components/responses/BadRequest"}, "414": {"$ref": "#/components/responses/URITooLong"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/api/v1/network": {"get": {"operationId": "getNetwork", "summary": "The actor graph", "description": "Directed edges between actors with their numbers of events, cooperation (quad classes 1-2) and conflict (3-4) counted apart, and mean Goldstein score; nodes with their events.",
   "responses": {"200": {"description": "nodes and edges", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Network"}}}},
    "400": {"$ref": "#/components/responses/BadRequest"}, "414": {"$ref": "#/components/responses/URITooLong"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/api/v1/places": {"get": {"operationId": "listPlaces", "summary": "Events per place, for the map",
   "description": "Each place's point (lat, lon), name and country, and its counts per quad class of the events matching the filters, the places with most events first; a place's events are GET /api/v1/events with the same filters and at=LAT,LON.",
   "responses": {"200": {"description": "places", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Places"}}}},
    "400": {"$ref": "#/components/responses/BadRequest"}, "414": {"$ref": "#/components/responses/URITooLong"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/api/v1/documents/{id}": {"get": {"operationId": "getDocument", "summary": "A stored article", "description": "An article with its sentences, actor mentions and events. Public unless the server has a read token; then it needs the read or the write token.",
   "security": [{}, {"bearer": []}],
   "parameters": [{"name": "id", "in": "path", "required": true, "description": "the document's id", "schema": {"type": "string"}}],
   "responses": {"200": {"description": "the document", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
    "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/api/v1/documents": {"post": {"operationId": "postDocuments", "summary": "Code and store articles", "description": "Codes and stores the articles of the body: one JSON object, a JSON array, or JSON lines, read as a stream (each document at most 20 MB; one over it is skipped and named in problems), stored in one transaction. Needs the write token (annals serve --token).",
   "security": [{"bearer": []}],
   "requestBody": {"required": true, "description": "articles", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}, "application/x-ndjson": {"schema": {"type": "string"}}}},
   "responses": {"201": {"description": "counts of stored and skipped documents", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stored"}}}},
    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "413": {"$ref": "#/components/responses/TooLarge"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/api/v1/openapi.json": {"get": {"operationId": "getOpenAPI", "summary": "This document", "description": "The OpenAPI document of the API.",
   "responses": {"200": {"description": "the document", "content": {"application/json": {"schema": {"type": "object"}}}}, "414": {"$ref": "#/components/responses/URITooLong"}}}},
  "/healthz": {"get": {"operationId": "getHealth", "summary": "Health", "description": "ok when the database answers.",
   "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}}}}}}, "414": {"$ref": "#/components/responses/URITooLong"}, "503": {"$ref": "#/components/responses/Busy"}}}},
  "/metrics": {"get": {"operationId": "getMetrics", "summary": "Prometheus metrics", "description": "Request counts and latencies per route and status, and the Go runtime's and the process's metrics. Needs the read or the write token when the server has one.",
   "security": [{}, {"bearer": []}],
   "responses": {"200": {"description": "the Prometheus text exposition format", "content": {"text/plain": {"schema": {"type": "string"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}}}
 },
 "components": {
  "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer TOKEN, the server's --token (writes) or --read-token"}},
  "responses": {
   "BadRequest": {"description": "an unknown parameter or a malformed value, named in the error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
   "Unauthorized": {"description": "a missing or wrong bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
   "Forbidden": {"description": "ingestion is disabled: the server was started without --token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
   "NotFound": {"description": "no such event or document", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
   "TooLarge": {"description": "a body over 32 MB", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
   "URITooLong": {"description": "a request URI over 4 KB", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
   "Busy": {"description": "the server is busy or the database unavailable (retry after the Retry-After header's seconds), or the request took too long", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
  },
  "schemas": {
   "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string", "description": "what was wrong, naming the parameter or value"}}},
   "Article": {"type": "object", "required": ["text"], "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "published": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"}, "source": {"type": "string"}}},
   "Page": {"type": "object", "required": ["events"], "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}, "next_cursor": {"type": "string", "description": "the cursor of the next page; absent on the last"}}},
   "Timeline": {"type": "object", "required": ["a", "b", "interval", "buckets"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "interval": {"type": "string", "enum": ["day", "week", "month"]}, "buckets": {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"}}}},
   "Actors": {"type": "object", "required": ["actors"], "properties": {"actors": {"type": "array", "items": {"$ref": "#/components/schemas/ActorCount"}}}},
   "Network": {"type": "object", "required": ["nodes", "edges"], "properties": {
    "nodes": {"type": "array", "items": {"type": "object", "required": ["id", "events"], "properties": {"id": {"type": "string"}, "events": {"type": "integer"}}}},
    "edges": {"type": "array", "items": {"$ref": "#/components/schemas/Edge"}}}},
   "Stored": {"type": "object", "required": ["added", "skipped", "events", "problems"], "properties": {"added": {"type": "integer"}, "skipped": {"type": "integer"}, "events": {"type": "integer"}, "problems": {"type": "array", "items": {"type": "string"}}}}
  }
 }
}`

package api

// openAPI describes the API (OpenAPI 3.0).
const openAPI = `{
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

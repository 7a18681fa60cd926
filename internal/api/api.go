package api

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/VictoriaMetrics/metrics"
	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/export"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/store"
	"golang.org/x/sync/singleflight"
)

// MaxBody bounds request bodies; each document in one is bounded again
// by ingest.MaxArticleBytes as the body is read.
const MaxBody = 32 << 20

// MaxURL bounds a request's path and query; a longer one is refused with
// 414 before any work (or cache entry) is made for it.
const MaxURL = 4096

// The response cache's bounds: all entries together, and one entry (a
// larger response is served but not kept).
const (
	MaxCacheBytes = 64 << 20
	MaxCacheEntry = 1 << 20
)

// DefaultQueueWait is how long a GET waits for a query slot before it is
// answered 503 busy. It was 100 ms: under 50 clients asking at once (the
// load tool) a third to a half of the requests were turned away while
// the slots served as many per second as they do with a longer wait,
// because a slot's queries are short but the queue in front of it is 50
// deep; with 1 s the same load is answered without a 503 (docs/scale.md,
// "Load at 1M").
const DefaultQueueWait = time.Second

// ListEvidence is how many evidence rows an event carries in a list; the
// event's record (GET /api/v1/events/{id}) has them all.
const ListEvidence = 3

// Server holds what the handlers need.
type Server struct {
	DB       *store.DB
	Pipeline *pipeline.Pipeline // nil: POST /documents is refused
	Token    string             // empty: POST /documents is refused
	// ReadToken, when set, is needed (or Token) to read document text at
	// GET /documents/{id}. Events, with their evidence sentences, stay
	// public.
	ReadToken string
	Web       fs.FS // the dashboard's files
	Timeout   time.Duration
	Log       *slog.Logger
	// CacheTTL keeps GET responses this long (0: 30 s; negative: no cache).
	// Writes through the API clear the cache at once; writes by another
	// process show within the TTL.
	CacheTTL time.Duration
	// MaxQueries bounds the GET computations running at once (0: 8, as
	// many as the store's connections); a request that finds none free
	// within QueueWait (0: DefaultQueueWait) is answered 503 with
	// Retry-After, so an overloaded server says so well before a request
	// times out instead of queueing it until then.
	MaxQueries int
	QueueWait  time.Duration

	slots chan struct{}
	// patterns are the API's routes as the mux has them (the dashboard's
	// files aside), for the test that the OpenAPI document has each one
	patterns []string

	cache  *respCache
	flight singleflight.Group

	metrics  *metrics.Set
	ingested *metrics.Counter
}

// Errors mapped to statuses.
var (
	ErrBadRequest   = errors.New("bad request")
	ErrUnauthorized = errors.New("unauthorized")
	ErrForbidden    = errors.New("ingestion is disabled: start the server with --token")
	ErrBusy         = errors.New("the server is busy: retry shortly")
	ErrUnavailable  = errors.New("the database is unavailable: retry shortly")
)

// StatusClientClosed is recorded (not sent) for a request whose client
// went away before the answer, as nginx's 499.
const StatusClientClosed = 499

// acquire takes a query slot, waiting at most QueueWait (or until ctx
// ends).
func (s *Server) acquire(ctx context.Context) bool {
	select {
	case s.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(s.QueueWait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func bad(format string, a ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, a...)}
}

// status is the one place errors become HTTP statuses.
func status(err error) (int, string) {
	var ae *apiError
	var mbe *http.MaxBytesError
	var tmb *store.TooManyBuckets
	switch {
	case errors.As(err, &ae):
		return ae.status, ae.msg
	case errors.As(err, &tmb):
		return http.StatusBadRequest, tmb.Error()
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized, "missing or wrong bearer token"
	case errors.Is(err, ErrForbidden):
		return http.StatusForbidden, ErrForbidden.Error()
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit)
	case errors.Is(err, ErrBusy):
		return http.StatusServiceUnavailable, ErrBusy.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the request took too long"
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "the request was cancelled"
	case store.Transient(err):
		// the database down, restarting or locked: worth trying again
		return http.StatusServiceUnavailable, ErrUnavailable.Error()
	}
	return http.StatusInternalServerError, "internal error"
}

type handler func(r *http.Request) (any, error)

// Handler returns the server's routes.
func (s *Server) Handler() http.Handler {
	if s.Timeout == 0 {
		s.Timeout = 10 * time.Second
	}
	if s.CacheTTL == 0 {
		s.CacheTTL = 30 * time.Second
	}
	s.cache = newRespCache(4096, MaxCacheBytes, s.CacheTTL)
	if s.MaxQueries <= 0 {
		s.MaxQueries = 8
	}
	if s.QueueWait <= 0 {
		s.QueueWait = DefaultQueueWait
	}
	s.slots = make(chan struct{}, s.MaxQueries)
	if s.Log == nil {
		s.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s.metrics = metrics.NewSet()
	s.ingested = s.metrics.NewCounter("annals_ingested_documents_total")

	mux := http.NewServeMux()
	s.patterns = nil
	route := func(pattern string, h handler) {
		mux.Handle(pattern, s.wrap(pattern, h))
		s.patterns = append(s.patterns, pattern)
	}
	private := func(pattern string, h handler) {
		mux.Handle(pattern, s.authorize(s.ReadToken, s.wrap(pattern, h)))
		s.patterns = append(s.patterns, pattern)
	}
	route("GET /api/v1/events", s.events)
	route("GET /api/v1/events/{id}", s.event)
	route("GET /api/v1/dyads/{a}/{b}/timeline", s.timeline)
	route("GET /api/v1/actors", s.actors)
	route("GET /api/v1/network", s.network)
	route("GET /api/v1/places", s.places)
	private("GET /api/v1/documents/{id}", s.document)
	route("POST /api/v1/documents", s.postDocuments)
	route("GET /api/v1/openapi.json", func(*http.Request) (any, error) { return json.RawMessage(openAPI), nil })
	route("GET /healthz", s.health)
	// metrics need a token when the server has one (either token will do)
	metricsToken := s.ReadToken
	if metricsToken == "" {
		metricsToken = s.Token
	}
	mux.Handle("GET /metrics", s.authorize(metricsToken, MetricsHandler(s.metrics)))
	s.patterns = append(s.patterns, "GET /metrics")
	if s.Web != nil {
		fileServer := http.FileServerFS(s.Web)
		mux.Handle("GET /", noListing(s.Web, fileServer))
	}
	return securityHeaders(mux)
}

func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		h.ServeHTTP(w, r)
	})
}

// noListing answers 404 for a directory without an index.html, which the
// file server would otherwise list.
func noListing(fsys fs.FS, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.Trim(path.Clean("/"+r.URL.Path), "/")
		if name == "" {
			name = "."
		}
		if st, err := fs.Stat(fsys, name); err == nil && st.IsDir() {
			if _, err := fs.Stat(fsys, path.Join(name, "index.html")); err != nil {
				http.NotFound(w, r)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// wrap runs a handler under a timeout with a bounded body and writes its
// value or error as JSON.
func (s *Server) wrap(route string, h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		key := r.URL.RequestURI()
		if len(key) > MaxURL {
			s.writeJSON(w, http.StatusRequestURITooLong, map[string]string{"error": fmt.Sprintf("request URI longer than %d bytes", MaxURL)})
			s.observe(route, http.StatusRequestURITooLong, start)
			return
		}
		if r.ContentLength > MaxBody {
			// refused before any of it is read
			s.writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": fmt.Sprintf("request body larger than %d bytes", MaxBody)})
			s.observe(route, http.StatusRequestEntityTooLarge, start)
			return
		}
		if r.Method == http.MethodGet {
			if b, ok := s.cache.get(key); ok {
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				w.Header().Set("X-Content-Type-Options", "nosniff")
				w.Write(b)
				s.observe(route, http.StatusOK, start)
				return
			}
		}
		client := r.Context()
		ctx, cancel := context.WithTimeout(client, s.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		var v any
		var err error
		if r.Method == http.MethodGet {
			// Identical requests in flight share one computation. It runs
			// detached from the first caller, so one who hangs up does not
			// fail the others, and is bounded by the server's timeout.
			v, err, _ = s.flight.Do(key, func() (any, error) {
				if route != "GET /healthz" && route != "GET /api/v1/openapi.json" {
					// a slot for the computation, not for this caller:
					// waiting is bounded by QueueWait alone
					if !s.acquire(context.WithoutCancel(ctx)) {
						return nil, ErrBusy
					}
					defer func() { <-s.slots }()
				}
				sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), s.Timeout)
				defer scancel()
				return h(r.WithContext(sctx))
			})
			if err == nil && ctx.Err() != nil {
				err = ctx.Err() // this caller's own deadline passed
			}
		} else {
			v, err = h(r)
		}
		code := http.StatusOK
		if err != nil && client.Err() != nil && errors.Is(err, context.Canceled) {
			// the client went away: not the server's error, and nobody
			// reads an answer
			s.Log.Debug("client went away", "route", route)
			s.observe(route, StatusClientClosed, start)
			return
		}
		if err != nil {
			var msg string
			code, msg = status(err)
			if code == http.StatusInternalServerError {
				s.Log.Error("request failed", "route", route, "err", err)
			}
			if msg == ErrBusy.Error() || msg == ErrUnavailable.Error() {
				w.Header().Set("Retry-After", "1")
			}
			v = map[string]string{"error": msg}
		} else if r.Method == http.MethodPost {
			code = http.StatusCreated
		}
		if cb, ok := v.(csvBody); ok && code == http.StatusOK {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			if cb.nextCursor != "" {
				w.Header().Set("X-Next-Cursor", cb.nextCursor)
			}
			w.Write(cb.data)
			s.observe(route, code, start)
			return // not cached: the cache serves JSON
		}
		buf := s.writeJSON(w, code, v)
		switch {
		case r.Method == http.MethodGet && code == http.StatusOK && route != "GET /healthz":
			s.cache.put(key, buf)
		case r.Method != http.MethodGet && code < 300:
			s.cache.clear()
		}
		s.observe(route, code, start)
	})
}

// writeJSON writes v as the response and returns the bytes written.
func (s *Server) writeJSON(w http.ResponseWriter, code int, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
	return buf.Bytes()
}

// observe counts a request by route and status and records its latency.
func (s *Server) observe(route string, code int, start time.Time) {
	s.metrics.GetOrCreateCounter(fmt.Sprintf(`annals_http_requests_total{route=%q,status="%d"}`, route, code)).Inc()
	s.metrics.GetOrCreatePrometheusHistogram(fmt.Sprintf(`annals_http_request_seconds{route=%q}`, route)).UpdateDuration(start)
}

// MetricsHandler serves a metric set with the process's Go runtime and
// process metrics in the Prometheus text format.
func MetricsHandler(set *metrics.Set) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		set.WritePrometheus(w)
		metrics.WriteProcessMetrics(w)
	})
}

// filterParams are the query parameters every filtered endpoint takes.
var filterParams = []string{"actor", "source", "target", "dyad", "from", "to", "root", "code", "quad", "place", "at", "country", "q", "mode", "doc", "min_confidence", "limit", "cursor"}

// routeParams are the query parameters a filtered route takes: the
// filters (less those in routeOmits) and its extras, sorted.
func routeParams(route string) []string {
	names := slices.DeleteFunc(append(append([]string(nil), filterParams...), routeExtras[route]...), func(n string) bool {
		_, omitted := routeOmits[route][n]
		return omitted
	})
	slices.Sort(names)
	return slices.Compact(names)
}

// maxLimit is the largest limit a route takes.
func maxLimit(route string) int {
	if route == "/api/v1/places" {
		return store.MaxPlaces
	}
	return 1000
}

// filter reads the event filters of a route (a key of routeExtras) from
// the query string. A parameter the route does not take is an error
// naming it: a misspelt filter would otherwise return everything.
func filter(r *http.Request, route string) (annals.EventFilter, error) {
	q := r.URL.Query()
	params := routeParams(route)
	for k := range q {
		if why, ok := routeOmits[route][k]; ok {
			return annals.EventFilter{}, bad("parameter %q is not taken here: %s", k, why)
		}
		if !slices.Contains(params, k) {
			return annals.EventFilter{}, bad("unknown parameter %q (this endpoint takes: %s)", k, strings.Join(params, ", "))
		}
		if enum := paramEnum(route, k); enum != nil && !slices.Contains(enum, q.Get(k)) {
			return annals.EventFilter{}, bad("%s %q: want %s", k, q.Get(k), orList(enum))
		}
	}
	for k, vs := range q {
		for _, v := range vs {
			if strings.IndexFunc(v, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }) >= 0 || !utf8.ValidString(v) {
				return annals.EventFilter{}, bad("%s: control characters or invalid UTF-8", k)
			}
		}
	}
	if v := q.Get("q"); v != "" && strings.TrimSpace(v) == "" {
		q.Del("q") // a blank search searches nothing
	}
	f := annals.EventFilter{Actor: q.Get("actor"), Source: q.Get("source"), Target: q.Get("target"), From: q.Get("from"), To: q.Get("to"),
		Root: q.Get("root"), Code: q.Get("code"), Place: q.Get("place"), Country: q.Get("country"), Text: q.Get("q"), DocID: q.Get("doc")}
	for k := range q {
		if re := paramPattern(route, k); re != nil && !re.MatchString(q.Get(k)) {
			return f, bad("%s %q: want %s", k, q.Get(k), paramDoc(route, k)["description"])
		}
	}
	if f.Place == "*" {
		return f, bad("place %q: put the start of a name before the * (Khar*)", f.Place)
	}
	if d := q.Get("dyad"); d != "" {
		p := strings.Split(d, ",")
		if len(p) != 2 || p[0] == "" || p[1] == "" {
			return f, bad("dyad %q: want A,B", d)
		}
		f.DyadA, f.DyadB = p[0], p[1]
	}
	for _, d := range []string{f.From, f.To} {
		if d != "" {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				return f, bad("date %q: want YYYY-MM-DD", d)
			}
		}
	}
	if v := q.Get("quad"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 4 {
			return f, bad("quad %q: want 1-4", v)
		}
		f.QuadClass = n
	}
	if v := q.Get("at"); v != "" {
		p, err := parsePoint(v)
		if err != nil {
			return f, bad("at %q: %v", v, err)
		}
		f.At = p
	}
	if v := q.Get("min_confidence"); v != "" {
		c, err := strconv.ParseFloat(v, 64)
		if err != nil || !(c >= 0 && c <= 1) {
			return f, bad("min_confidence %q: want a number from 0 to 1", v)
		}
		f.MinConfidence = c
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if max := maxLimit(route); err != nil || n < 1 || n > max {
			return f, bad("limit %q: want 1-%d", v, max)
		}
		f.Limit = n
	}
	switch f.Sort = q.Get("sort"); f.Sort {
	case "", "id":
		f.Sort = ""
	case "date", "-date":
	default:
		return f, bad("sort %q: want id, date or -date", f.Sort)
	}
	if v := q.Get("cursor"); v != "" {
		id := v
		if f.Sort != "" { // DATE,ID: the last event of the page before
			d, rest, ok := strings.Cut(v, ",")
			if _, err := time.Parse("2006-01-02", d); !ok || err != nil && d != "" {
				return f, bad("cursor %q: with sort=%s, want DATE,ID from next_cursor", v, f.Sort)
			}
			f.AfterDate, id = d, rest // an undated event's date is ""
		}
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || n < 0 {
			return f, bad("cursor %q", v)
		}
		f.After = n
	}
	if v := q.Get("mode"); v != "" {
		all := map[string]bool{"asserted": true, "intended": true, "reported": true, "negated": true, "hypothetical": true}
		for _, m := range strings.Split(v, ",") {
			if m == "all" {
				f.Modes = []annals.Mode{annals.Asserted, annals.Intended, annals.Reported, annals.Negated, annals.Hypothetical}
				break
			}
			if !all[m] {
				return f, bad("mode %q: want asserted, intended, reported, negated, hypothetical or all, comma-separated", m)
			}
			f.Modes = append(f.Modes, annals.Mode(m))
		}
	}
	return f, nil
}

// paramPattern is the pattern a route's parameter must match, from its
// schema in the OpenAPI document, or nil.
func paramPattern(route, name string) *regexp.Regexp {
	s, _ := paramDoc(route, name)["schema"].(map[string]any)
	p, _ := s["pattern"].(string)
	return patterns[p]
}

// patterns are the parameters' patterns, compiled.
var patterns = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	add := func(d map[string]any) {
		if s, ok := d["schema"].(map[string]any); ok {
			if p, ok := s["pattern"].(string); ok {
				m[p] = regexp.MustCompile(p)
			}
		}
	}
	for _, d := range queryParams {
		add(d)
	}
	for _, r := range routeParamDocs {
		for _, d := range r {
			add(d)
		}
	}
	return m
}()

// orList writes values as "a, b or c".
func orList(vs []string) string {
	if len(vs) < 2 {
		return strings.Join(vs, "")
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " or " + vs[len(vs)-1]
}

// parsePoint reads LAT,LON in degrees.
func parsePoint(v string) (*annals.Point, error) {
	a, b, ok := strings.Cut(v, ",")
	if !ok {
		return nil, errors.New("want LAT,LON")
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	// (NaN fails every comparison: it is refused here too)
	if err1 != nil || err2 != nil || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) {
		return nil, errors.New("want LAT,LON in degrees, latitude -90 to 90 and longitude -180 to 180")
	}
	return &annals.Point{Lat: lat, Lon: lon}, nil
}

// Page is a page of events with the cursor for the next one.
type Page struct {
	Events     []annals.StoredEvent `json:"events"`
	NextCursor string               `json:"next_cursor,omitempty"`
}

func (s *Server) events(r *http.Request) (any, error) {
	f, err := filter(r, "/api/v1/events")
	if err != nil {
		return nil, err
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "csv" {
		return nil, bad("format %q: want json or csv", format)
	}
	if f.Limit == 0 {
		f.Limit = 50
	}
	evs, err := s.DB.EventList(r.Context(), f, ListEvidence)
	if err != nil {
		return nil, err
	}
	for i := range evs {
		evs[i].Record = "/api/v1/events/" + strconv.FormatInt(evs[i].ID, 10)
	}
	p := Page{Events: evs}
	if p.Events == nil {
		p.Events = []annals.StoredEvent{}
	}
	if len(evs) == f.Limit {
		last := evs[len(evs)-1]
		p.NextCursor = strconv.FormatInt(last.ID, 10)
		if f.Sort != "" {
			p.NextCursor = last.EventDate + "," + p.NextCursor
		}
	}
	if format == "csv" {
		return csvPage(p)
	}
	return p, nil
}

// csvBody is a response written as CSV rather than JSON; the next page's
// cursor travels in the X-Next-Cursor header.
type csvBody struct {
	data       []byte
	nextCursor string
}

// csvPage writes a page of events in the CSV export's columns (codes
// prefixed so spreadsheets and data frames keep them as text, cells that
// would run as formulas neutralised).
func csvPage(p Page) (csvBody, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(export.CSVHeader)
	for _, e := range p.Events {
		w.Write(export.SafeCells(export.CSVRecord(e)))
	}
	w.Flush()
	return csvBody{b.Bytes(), p.NextCursor}, w.Error()
}

func (s *Server) event(r *http.Request) (any, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, bad("event id %q", r.PathValue("id"))
	}
	return s.DB.Event(r.Context(), id)
}

func (s *Server) timeline(r *http.Request) (any, error) {
	f, err := filter(r, "/api/v1/dyads/{a}/{b}/timeline")
	if err != nil {
		return nil, err
	}
	iv := store.Interval(r.URL.Query().Get("interval"))
	if iv == "" {
		iv = store.IntervalWeek
	}
	if iv != store.IntervalDay && iv != store.IntervalWeek && iv != store.IntervalMonth {
		return nil, bad("interval %q: want day, week or month", iv)
	}
	a, b := strings.ToUpper(r.PathValue("a")), strings.ToUpper(r.PathValue("b"))
	tl, err := s.DB.Timeline(r.Context(), a, b, iv, f)
	if err != nil {
		return nil, err
	}
	if tl == nil {
		tl = []annals.Bucket{}
	}
	return map[string]any{"a": a, "b": b, "interval": iv, "buckets": tl}, nil
}

func (s *Server) actors(r *http.Request) (any, error) {
	f, err := filter(r, "/api/v1/actors")
	if err != nil {
		return nil, err
	}
	acts, err := s.DB.Actors(r.Context(), f, r.URL.Query().Get("by") == "country", f.Limit)
	if acts == nil {
		acts = []store.ActorCount{}
	}
	return map[string]any{"actors": acts}, err
}

func (s *Server) network(r *http.Request) (any, error) {
	f, err := filter(r, "/api/v1/network")
	if err != nil {
		return nil, err
	}
	edges, err := s.DB.Network(r.Context(), f, r.URL.Query().Get("by") != "actor", f.Limit)
	if err != nil {
		return nil, err
	}
	nodes := map[string]int{}
	for _, e := range edges {
		nodes[e.Source] += e.Events
		nodes[e.Target] += e.Events
	}
	type node struct {
		ID     string `json:"id"`
		Events int    `json:"events"`
	}
	ns := []node{}
	for k, v := range nodes {
		ns = append(ns, node{k, v})
	}
	if edges == nil {
		edges = []store.Edge{}
	}
	return map[string]any{"nodes": ns, "edges": edges}, nil
}

// places counts the events matching the filters per place and quad class,
// for the map; a place's events are GET /api/v1/events with the same
// filters and at=LAT,LON.
func (s *Server) places(r *http.Request) (any, error) {
	f, err := filter(r, "/api/v1/places")
	if err != nil {
		return nil, err
	}
	return s.DB.Places(r.Context(), f, f.Limit)
}

func (s *Server) document(r *http.Request) (any, error) {
	return s.DB.Document(r.Context(), r.PathValue("id"))
}

func (s *Server) health(r *http.Request) (any, error) {
	if err := s.DB.SQL().PingContext(r.Context()); err != nil {
		return nil, err
	}
	return map[string]string{"status": "ok"}, nil
}

// postDocuments codes and stores articles sent as one JSON object, a JSON
// array, or JSON lines.
func (s *Server) postDocuments(r *http.Request) (any, error) {
	if s.Token == "" || s.Pipeline == nil {
		return nil, ErrForbidden
	}
	if !bearer(r, s.Token) {
		return nil, ErrUnauthorized
	}
	var docs []*annals.CodedDocument
	var problems []string
	now := time.Now().UTC()
	read := 0
	// The body is data: a feed's item links are never followed. It is
	// read as a stream, each document coded as it arrives and held to the
	// limit of one article, so the body itself is never held whole.
	err := ingest.ReadStream("body", r.Body, ingest.Options{}, func(a *annals.Article) error {
		read++
		res := s.Pipeline.ProcessContext(r.Context(), a, now)
		if res.Err != nil {
			if err := r.Context().Err(); err != nil {
				return err
			}
			problems = append(problems, res.Err.Error())
			return nil
		}
		docs = append(docs, res.Coded())
		return nil
	}, func(e *ingest.InputError) { problems = append(problems, e.Error()) })
	var mbe *http.MaxBytesError
	switch {
	case err == nil:
	case r.Context().Err() != nil, errors.As(err, &mbe):
		return nil, err
	default:
		return nil, bad("reading the request body: %v", err)
	}
	if read == 0 {
		return nil, bad("no article in the body: %s", strings.Join(problems, "; "))
	}
	res, err := s.DB.Add(r.Context(), docs)
	if err != nil {
		return nil, err
	}
	s.ingested.Add(res.Added)
	if problems == nil {
		problems = []string{}
	}
	return map[string]any{"added": res.Added, "skipped": res.Skipped, "events": res.Events, "problems": problems}, nil
}

// bearer reports whether the request carries "Authorization: Bearer TOKEN"
// for one of the tokens (empty tokens never match).
func bearer(r *http.Request, tokens ...string) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	match := false
	for _, t := range tokens {
		if t != "" && subtle.ConstantTimeCompare([]byte(got), []byte(t)) == 1 {
			match = true
		}
	}
	return match
}

// authorize guards a route with a read token (or the write token) before
// the response cache is consulted; an empty read token leaves it public.
func (s *Server) authorize(readToken string, h http.Handler) http.Handler {
	if readToken == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !bearer(r, readToken, s.Token) {
			code, msg := status(ErrUnauthorized)
			w.Header().Set("WWW-Authenticate", "Bearer")
			s.writeJSON(w, code, map[string]string{"error": msg})
			return
		}
		h.ServeHTTP(w, r)
	})
}

// respCache keeps encoded GET responses for a short time, bounded in
// entries and in bytes (keys included).
type respCache struct {
	mu       sync.Mutex
	ttl      time.Duration
	max      int
	maxBytes int
	bytes    int
	data     map[string]cached
}

type cached struct {
	body []byte
	exp  time.Time
}

func newRespCache(max, maxBytes int, ttl time.Duration) *respCache {
	return &respCache{ttl: ttl, max: max, maxBytes: maxBytes, data: map[string]cached{}}
}

func (c *respCache) get(k string) ([]byte, bool) {
	if c.ttl < 0 {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.data[k]
	if !ok || time.Now().After(e.exp) {
		return nil, false
	}
	return e.body, true
}

func (c *respCache) put(k string, b []byte) {
	size := len(k) + len(b)
	if c.ttl < 0 || len(k) > MaxURL || len(b) > MaxCacheEntry || size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.data[k]; ok {
		c.drop(k, old)
	}
	if len(c.data) >= c.max || c.bytes+size > c.maxBytes {
		now := time.Now()
		for k, e := range c.data { // expired entries first
			if now.After(e.exp) {
				c.drop(k, e)
			}
		}
		for k, e := range c.data { // then any, down to three quarters
			if len(c.data) < c.max*3/4 && c.bytes+size <= c.maxBytes*3/4 {
				break
			}
			c.drop(k, e)
		}
	}
	c.data[k] = cached{append([]byte(nil), b...), time.Now().Add(c.ttl)}
	c.bytes += size
}

func (c *respCache) drop(k string, e cached) {
	delete(c.data, k)
	c.bytes -= len(k) + len(e.body)
}

func (c *respCache) clear() {
	c.mu.Lock()
	c.data = map[string]cached{}
	c.bytes = 0
	c.mu.Unlock()
}

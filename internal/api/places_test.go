package api_test

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/api"
	"github.com/annals-events/annals/internal/demo"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
	"github.com/annals-events/annals/web"
)

// demoServer serves the demo corpus from db.
func demoServer(t *testing.T, db *store.DB) *testServer {
	var arts []*annals.Article
	ingest.Read([]string{"-"}, ingest.Options{Stdin: bytes.NewReader(demo.Corpus)}, func(a *annals.Article) error {
		arts = append(arts, a)
		return nil
	}, func(e *ingest.InputError) { t.Fatal(e) })
	storeArticles(t, db, arts)
	s := &api.Server{DB: db, Pipeline: testPipeline(t), Web: web.FS(), Timeout: 5 * time.Second}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return &testServer{ts, db}
}

type placesAnswer struct {
	Places      []store.Place `json:"places"`
	Located     int           `json:"located"`
	Unlocated   int           `json:"unlocated"`
	TotalPlaces int           `json:"total_places"`
	Truncated   bool          `json:"truncated"`
}

// pointOf is an event's point, as the places endpoint keys it.
func pointOf(e annals.StoredEvent) string {
	return strconv.FormatFloat(e.Location.Lat, 'g', -1, 64) + "," + strconv.FormatFloat(e.Location.Lon, 'g', -1, 64)
}

// TestPlaces: on both stores, the map's counts per place and quad class
// are what the events endpoint returns for the same filters, and each
// place's events (at=LAT,LON, paginated) are exactly the events counted
// there.
func TestPlaces(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := demoServer(t, b.Open(t))
			filters := []url.Values{
				{},
				{"from": {"2024-01-01"}, "to": {"2024-01-31"}},
				{"dyad": {"PAK,IRN"}},
				{"actor": {"IRN"}},
				{"quad": {"4"}},
				{"root": {"19"}},
				{"mode": {"all"}},
				{"country": {"PAK"}},
				{"q": {"strike"}},
				{"source": {"ISR"}, "from": {"2024-02-01"}},
				{"dyad": {"XXX,YYY"}},
			}
			seen := 0
			for _, f := range filters {
				var got placesAnswer
				if code := get(t, s.URL+"/api/v1/places?"+f.Encode(), &got); code != 200 {
					t.Fatalf("places?%s: %d", f.Encode(), code)
				}
				evs := allEvents(t, s.URL, cloneValues(f))
				want := map[string]*store.Place{}
				unlocated := 0
				for _, e := range evs {
					if e.Location == nil {
						unlocated++
						continue
					}
					k := pointOf(e)
					if want[k] == nil {
						want[k] = &store.Place{Lat: e.Location.Lat, Lon: e.Location.Lon}
					}
					want[k].Events++
					want[k].Quad[e.QuadClass]++
				}
				if got.Located+got.Unlocated != len(evs) || got.Unlocated != unlocated || len(got.Places) != len(want) || got.TotalPlaces != len(want) || got.Truncated {
					t.Errorf("places?%s: %d located, %d unlocated in %d places (total %d, truncated %v); the events endpoint has %d events, %d unlocated, in %d places",
						f.Encode(), got.Located, got.Unlocated, len(got.Places), got.TotalPlaces, got.Truncated, len(evs), unlocated, len(want))
				}
				for i, p := range got.Places {
					k := strconv.FormatFloat(p.Lat, 'g', -1, 64) + "," + strconv.FormatFloat(p.Lon, 'g', -1, 64)
					w := want[k]
					if w == nil || w.Events != p.Events || w.Quad != p.Quad || p.Name == "" || p.Quad[1]+p.Quad[2]+p.Quad[3]+p.Quad[4] != p.Events {
						t.Errorf("places?%s: %s %+v, the events endpoint has %+v", f.Encode(), k, p, w)
						continue
					}
					if i > 0 && got.Places[i-1].Events < p.Events {
						t.Errorf("places?%s: %s (%d events) after %s (%d)", f.Encode(), p.Name, p.Events, got.Places[i-1].Name, got.Places[i-1].Events)
					}
					// the place's drill-down: its events, through the
					// events endpoint, in pages of 2
					g := cloneValues(f)
					g.Set("at", k)
					at := allEventsPaged(t, s.URL, g, 2)
					var quad [5]int
					for _, e := range at {
						if e.Location == nil || pointOf(e) != k {
							t.Errorf("at=%s: event %d at %+v", k, e.ID, e.Location)
						}
						quad[e.QuadClass]++
					}
					if len(at) != p.Events || quad != p.Quad {
						t.Errorf("places?%s: %s counts %d %v, its drill-down has %d %v", f.Encode(), p.Name, p.Events, p.Quad, len(at), quad)
					}
					seen++
				}
			}
			if seen < 20 {
				t.Errorf("only %d places checked", seen)
			}

			// the biggest place first, and a limit says what it left out
			var all, one placesAnswer
			get(t, s.URL+"/api/v1/places", &all)
			get(t, s.URL+"/api/v1/places?limit=1", &one)
			if len(all.Places) < 3 || len(one.Places) != 1 || one.Places[0] != all.Places[0] || !one.Truncated || one.TotalPlaces != len(all.Places) || one.Located != all.Located {
				t.Errorf("limit=1: %+v; without: %d places", one, len(all.Places))
			}
		})
	}
}

// TestPlacesRefuses: the places endpoint validates as the others do.
func TestPlacesRefuses(t *testing.T) {
	s := newServer(t, "")
	for q, want := range map[string]string{
		"bogus=1":        `unknown parameter "bogus"`,
		"cursor=5":       `parameter "cursor" is not taken here: this endpoint answers one aggregate, not pages`,
		"sort=date":      `unknown parameter "sort"`,
		"limit=0":        "limit",
		"limit=20001":    "want 1-20000",
		"from=yesterday": "date",
		"quad=5":         "quad",
		"at=34.5":        "want LAT,LON",
		"at=91,0":        "latitude -90 to 90",
		"at=NaN,1":       "latitude -90 to 90",
		"at=1,x":         "at",
		"mode=sometimes": "mode",
		"dyad=PAK":       "dyad",
	} {
		var res map[string]string
		if code := get(t, s.URL+"/api/v1/places?"+q, &res); code != 400 || !strings.Contains(res["error"], want) {
			t.Errorf("places?%s: %d %q, want 400 naming %q", q, code, res["error"], want)
		}
	}
	// the drill-down's filter on the events endpoint
	for _, q := range []string{"at=1", "at=0,181", "at=,"} {
		var res map[string]string
		if code := get(t, s.URL+"/api/v1/events?"+q, &res); code != 400 || !strings.Contains(res["error"], "at") {
			t.Errorf("events?%s: %d %q", q, code, res["error"])
		}
	}
	var res placesAnswer
	if code := get(t, s.URL+"/api/v1/places?limit=20000&at=0,0", &res); code != 200 || len(res.Places) != 0 || res.Located != 0 {
		t.Errorf("places at a point with no events: %d %+v", code, res)
	}
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// allEventsPaged pages through /api/v1/events with pages of n.
func allEventsPaged(t *testing.T, base string, q url.Values, n int) []annals.StoredEvent {
	t.Helper()
	var out []annals.StoredEvent
	q.Set("limit", fmt.Sprint(n))
	for range 10000 {
		var p api.Page
		getJSON(t, base+"/api/v1/events?"+q.Encode(), &p)
		out = append(out, p.Events...)
		if p.NextCursor == "" {
			return out
		}
		q.Set("cursor", p.NextCursor)
	}
	t.Fatalf("events?%s: no end to the pages", q.Encode())
	return nil
}

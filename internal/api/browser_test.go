package api_test

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// browser finds Chromium; ANNALS_REQUIRE_BROWSER=1 (set by scripts/test)
// turns a missing browser into a failure instead of a skip.
func browser(t *testing.T) string {
	for _, p := range []string{os.Getenv("ANNALS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("ANNALS_REQUIRE_BROWSER") == "1" {
		t.Fatal("Chromium not found: install Debian's chromium package (scripts/test does)")
	}
	t.Skip("Chromium not found; scripts/test installs it")
	return ""
}

// outDir is where the browser tests save their screenshots:
// $ANNALS_TESTOUT (scripts/test sets testout/browser), else testout/browser
// at the repository root. testout/ is ignored by git.
func outDir(t *testing.T) string {
	d := os.Getenv("ANNALS_TESTOUT")
	if d == "" {
		d = filepath.Join("..", "..", "testout", "browser")
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// getJSON reads the API of the server under test, to compare what the
// page draws with what the API answers.
func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

// allEvents pages through /api/v1/events with the given filters.
func allEvents(t *testing.T, base string, q url.Values) []annals.StoredEvent {
	t.Helper()
	var out []annals.StoredEvent
	q.Set("limit", "1000")
	for {
		var p struct {
			Events     []annals.StoredEvent `json:"events"`
			NextCursor string               `json:"next_cursor"`
		}
		getJSON(t, base+"/api/v1/events?"+q.Encode(), &p)
		out = append(out, p.Events...)
		if p.NextCursor == "" {
			return out
		}
		q.Set("cursor", p.NextCursor)
	}
}

func located(evs []annals.StoredEvent) int {
	n := 0
	for _, e := range evs {
		if e.Location != nil {
			n++
		}
	}
	return n
}

// box is an element's rectangle on screen.
type box struct {
	Text                     string
	Left, Right, Top, Bottom float64
}

// ticks reads a selector's elements' rectangles, in document order.
const ticksJS = `[...document.querySelectorAll(%q)].map(e => { const r = e.getBoundingClientRect(); return {Text: e.textContent, Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom}; })`

func TestDashboardInBrowser(t *testing.T) {
	exe := browser(t)
	srv := newServer(t, "")
	addXSS(t, srv)
	out := outDir(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// the first call starts the browser: no timeout on it
	if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+"/healthz")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(bctx, 4*time.Minute)
	defer cancel()

	do := func(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	// waitFor polls a JavaScript condition.
	waitFor := func(t *testing.T, cond string) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		var err error
		for try := 0; try < 3; try++ {
			// a poll started while a navigation replaces the page loses its
			// execution context ("Cannot find context with specified id"):
			// poll again in the new page; the condition itself must still hold
			if _, err = chromedp.Run(sctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(25*time.Second))); err == nil || !strings.Contains(err.Error(), "Cannot find context") {
				break
			}
		}
		if err != nil {
			st, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("status").textContent + " | " + location.hash`))
			t.Fatalf("waiting for %s: %v (status and URL: %s)", cond, err, st)
		}
	}
	// open loads a URL afresh (a hash change alone would not reload).
	open := func(t *testing.T, path, ready string) {
		t.Helper()
		do(t, chromedp.Navigate("about:blank"), chromedp.Navigate(srv.URL+path))
		waitFor(t, ready)
	}
	eval := func(t *testing.T, expr string, v any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		if err := json.Unmarshal(raw, v); err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
	}
	str := func(t *testing.T, expr string) string {
		var s string
		eval(t, expr, &s)
		return s
	}
	boxes := func(t *testing.T, sel string) []box {
		var b []box
		eval(t, strings.Replace(ticksJS, "%q", strconvQuote(sel), 1), &b)
		return b
	}
	shot := func(t *testing.T, name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	timeline := func(t *testing.T, a, b, interval string) []annals.Bucket {
		var tl struct{ Buckets []annals.Bucket }
		getJSON(t, srv.URL+"/api/v1/dyads/"+a+"/"+b+"/timeline?interval="+interval, &tl)
		return tl.Buckets
	}
	// readableAxes checks the chart on screen: date labels that do not
	// overlap and stay inside the chart, labelled count and Goldstein axes.
	readableAxes := func(t *testing.T, width int) {
		t.Helper()
		x := boxes(t, "#timeline .x-tick")
		if len(x) < 3 {
			t.Fatalf("%d px: %d date labels", width, len(x))
		}
		var chart []box
		eval(t, strings.Replace(ticksJS, "%q", `"#timeline svg"`, 1), &chart)
		for i, b := range x {
			if b.Text == "" || b.Bottom-b.Top < 9 {
				t.Errorf("%d px: date label %d %q is %.0f px high", width, i, b.Text, b.Bottom-b.Top)
			}
			if b.Left < chart[0].Left || b.Right > chart[0].Right {
				t.Errorf("%d px: date label %q at %.0f-%.0f outside the chart %.0f-%.0f", width, b.Text, b.Left, b.Right, chart[0].Left, chart[0].Right)
			}
			if i > 0 && b.Left < x[i-1].Right+2 {
				t.Errorf("%d px: date labels %q and %q overlap", width, x[i-1].Text, b.Text)
			}
		}
		for _, axis := range []struct {
			sel  string
			want []string
		}{{"#timeline .y-count text", []string{"0", "events"}}, {"#timeline .y-goldstein text", []string{"+10", "0", "−10", "mean Goldstein"}}} {
			y := boxes(t, axis.sel)
			var texts []string
			for _, b := range y {
				texts = append(texts, b.Text)
			}
			for _, w := range axis.want {
				if !slices.Contains(texts, w) {
					t.Errorf("%d px: axis %s has labels %q, none %q", width, axis.sel, texts, w)
				}
			}
			if len(y) < 3 {
				t.Errorf("%d px: axis %s has %d labels", width, axis.sel, len(y))
			}
			for i := 1; i < len(y); i++ {
				for j := 0; j < i; j++ {
					if y[i].Left < y[j].Right && y[j].Left < y[i].Right && y[i].Top < y[j].Bottom && y[j].Top < y[i].Bottom {
						t.Errorf("%d px: axis labels %q and %q overlap", width, y[j].Text, y[i].Text)
					}
				}
			}
		}
	}
	// pick chooses a pair and an interval with the form, as a person would
	pick := func(t *testing.T, a, b, interval string) {
		t.Helper()
		open(t, "/#dyad", `document.querySelector('#dyad-b option[value="IRN"]') !== null`)
		do(t, chromedp.SetValue(chromedp.CSS(`#dyad-a`), a), chromedp.SetValue(chromedp.CSS(`#dyad-b`), b),
			chromedp.SetValue(chromedp.CSS(`#dyad-interval`), interval), chromedp.Click(chromedp.CSS(`#dyad-form button`)))
		waitFor(t, `document.querySelector('#timeline svg[aria-label*="`+a+`"][aria-label*="`+b+`"] .bucket[data-start="2024-01-01"]') !== null`)
	}
	do(t, chromedp.EmulateViewport(1400, 900))

	t.Run("relations", func(t *testing.T) {
		for _, iv := range []string{"day", "week", "month"} {
			open(t, "/#dyad?a=PAK&b=IRN&interval="+iv, `document.querySelectorAll("#timeline svg .bucket").length > 0`)
			readableAxes(t, 1400)
			// the Goldstein line has one piece per run of periods with events
			bks := timeline(t, "PAK", "IRN", iv)
			runs, points := 0, 0
			for i, b := range bks {
				if b.Events > 0 {
					points++
					if i == 0 || bks[i-1].Events == 0 {
						runs++
					}
				}
			}
			d := str(t, `document.querySelector("#timeline path.goldstein").getAttribute("d")`)
			if m, l := strings.Count(d, "M"), strings.Count(d, "L"); m != runs || m+l != points {
				t.Errorf("%s: the Goldstein line has %d pieces through %d points, want %d pieces (runs of periods with events) through %d: %s", iv, m, m+l, runs, points, d)
			}
			if st := str(t, `document.getElementById("status").textContent`); !strings.HasPrefix(st, "PAK–IRN: ") {
				t.Errorf("%s: status %q", iv, st)
			}
			if iv == "week" {
				shot(t, "relations-1400.png")
			}
		}

	})

	t.Run("drill-down", func(t *testing.T) {
		// a month's drill-down lists its events by date
		pick(t, "PAK", "IRN", "month")
		do(t, chromedp.Click(chromedp.CSS(`#timeline .bucket[data-start="2024-01-01"]`)))
		waitFor(t, `document.querySelectorAll("#bucket-events .event").length > 0`)
		var dates []string
		eval(t, `[...document.querySelectorAll("#bucket-events .event .head")].map(h => h.textContent.slice(0, 10))`, &dates)
		want := 0
		for _, b := range timeline(t, "PAK", "IRN", "month") {
			if b.Start == "2024-01-01" {
				want = b.Events
			}
		}
		if len(dates) != want || want < 2 || !slices.IsSorted(dates) || dates[0] < "2024-01-01" || dates[len(dates)-1] > "2024-01-31" {
			t.Errorf("January's drill-down has dates %q, want %d dates of January in order", dates, want)
		}
		if h := str(t, `location.hash`); !strings.Contains(h, "bucket=2024-01-01") {
			t.Errorf("the selected bucket is not in the URL: %s", h)
		}
		if n := str(t, `document.querySelector("#timeline .bucket.selected").dataset.start`); n != "2024-01-01" {
			t.Errorf("selected bucket %q", n)
		}
		shot(t, "relations-drilldown.png")
	})

	t.Run("drill-down follows the selection", func(t *testing.T) {
		pick(t, "PAK", "IRN", "month")
		do(t, chromedp.Click(chromedp.CSS(`#timeline .bucket[data-start="2024-01-01"]`)))
		waitFor(t, `document.querySelectorAll("#bucket-events .event").length > 0`)

		// another interval clears it
		do(t, chromedp.SetValue(chromedp.CSS(`#dyad-interval`), "week"), chromedp.Click(chromedp.CSS(`#dyad-form button`)))
		waitFor(t, `document.querySelector('#timeline .bucket[data-start="2024-01-15"]') !== null`)
		if n, title := str(t, `String(document.querySelectorAll("#bucket-events .event").length)`), str(t, `document.getElementById("bucket-title").textContent`); n != "0" || title != "" {
			t.Errorf("after the interval changed, the drill-down still shows %s events under %q", n, title)
		}
		// two pair changes in a row: the status and chart show the last
		do(t, chromedp.Click(chromedp.CSS(`#timeline .bucket[data-start="2024-01-15"]`)))
		waitFor(t, `document.querySelectorAll("#bucket-events .event").length > 0`)
		do(t, chromedp.SetValue(chromedp.CSS(`#dyad-b`), "ISR"), chromedp.Click(chromedp.CSS(`#dyad-form button`)),
			chromedp.SetValue(chromedp.CSS(`#dyad-b`), "AFG"), chromedp.Click(chromedp.CSS(`#dyad-form button`)))
		waitFor(t, `document.getElementById("dyad-b").value === "AFG" && !document.getElementById("status").textContent.includes("loading") && document.querySelector("#timeline svg") !== null`)
		if st := str(t, `document.getElementById("status").textContent`); !strings.HasPrefix(st, "PAK–AFG: ") {
			t.Errorf("after choosing PAK and AFG the status says %q", st)
		}
		if label := str(t, `document.querySelector("#timeline svg").getAttribute("aria-label")`); !strings.Contains(label, "PAK") || !strings.Contains(label, "AFG") || strings.Contains(label, "ISR") {
			t.Errorf("chart %q", label)
		}
		if n := str(t, `String(document.querySelectorAll("#bucket-events .event").length)`); n != "0" {
			t.Errorf("after the pair changed, the drill-down still shows %s events", n)
		}
	})

	t.Run("deep link", func(t *testing.T) {
		open(t, "/#dyad?a=IRN&b=PAK&interval=day&from=2024-01-10&to=2024-01-31&bucket=2024-01-18",
			`document.getElementById("bucket-title").textContent.includes("events by date")`)
		var got struct{ A, B, Interval, From, To, Selected string }
		eval(t, `({A: document.getElementById("dyad-a").value, B: document.getElementById("dyad-b").value, Interval: document.getElementById("dyad-interval").value,
			From: document.getElementById("range-from").value, To: document.getElementById("range-to").value,
			Selected: document.querySelector("#timeline .bucket.selected").dataset.start})`, &got)
		if got.A != "IRN" || got.B != "PAK" || got.Interval != "day" || got.From != "2024-01-10" || got.To != "2024-01-31" || got.Selected != "2024-01-18" {
			t.Errorf("the deep link restored %+v", got)
		}
		var starts, dates []string
		eval(t, `[...document.querySelectorAll("#timeline .bucket")].map(b => b.dataset.start)`, &starts)
		eval(t, `[...document.querySelectorAll("#bucket-events .event .head")].map(h => h.textContent.slice(0, 10))`, &dates)
		if len(starts) == 0 || starts[0] < "2024-01-10" || starts[len(starts)-1] > "2024-01-31" {
			t.Errorf("the chart's days %q are not all within the range", starts)
		}
		want := allEvents(t, srv.URL, url.Values{"dyad": {"IRN,PAK"}, "from": {"2024-01-18"}, "to": {"2024-01-18"}})
		if len(dates) != len(want) || len(want) == 0 || slices.ContainsFunc(dates, func(d string) bool { return d != "2024-01-18" }) {
			t.Errorf("the drill-down of 18 January shows %q, want %d events of that day", dates, len(want))
		}
		// a query-string link works too and becomes the hash form
		open(t, "/?a=PAK&b=AFG&interval=month", `document.querySelectorAll("#timeline svg .bucket").length > 0`)
		if h := str(t, `location.hash`); h != "#dyad?a=PAK&b=AFG&interval=month" {
			t.Errorf("the query-string link became %q", h)
		}
	})

	t.Run("relations at 390 px", func(t *testing.T) {
		do(t, chromedp.EmulateViewport(390, 844))
		defer do(t, chromedp.EmulateViewport(1400, 900))
		for _, iv := range []string{"day", "week", "month"} {
			open(t, "/#dyad?a=PAK&b=IRN&interval="+iv, `document.querySelectorAll("#timeline svg .bucket").length > 0`)
			readableAxes(t, 390)
			if w := str(t, `String(document.documentElement.scrollWidth)`); w != "390" {
				t.Errorf("%s: the page is %s px wide at 390", iv, w)
			}
			if iv == "week" {
				shot(t, "relations-390.png")
			}
		}
	})

	t.Run("map", func(t *testing.T) {
		all := located(allEvents(t, srv.URL, url.Values{}))
		jan := located(allEvents(t, srv.URL, url.Values{"from": {"2024-01-01"}, "to": {"2024-01-31"}}))
		var places placesAnswer
		getJSON(t, srv.URL+"/api/v1/places", &places)
		byPoint := map[string]store.Place{}
		for _, p := range places.Places {
			byPoint[strconv.FormatFloat(p.Lat, 'g', -1, 64)+","+strconv.FormatFloat(p.Lon, 'g', -1, 64)] = p
		}
		if places.Located != all || len(places.Places) < 5 {
			t.Fatalf("the places endpoint counts %d located events in %d places, the events endpoint %d", places.Located, len(places.Places), all)
		}
		sum := `[...document.querySelectorAll("#map .leaflet-marker-icon [data-events]")].reduce((n, e) => n + +e.dataset.events, 0)`
		var n int
		open(t, "/#map", `document.getElementById("status").textContent.includes("located events")`)
		eval(t, sum, &n)
		if n != all {
			t.Errorf("the map's markers count %d events, the API has %d located", n, all)
		}
		// drawn from the aggregate: no event was fetched to draw it
		var fetched []string
		eval(t, `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.startsWith("/api/"))`, &fetched)
		if !slices.Contains(fetched, "/api/v1/places") || slices.Contains(fetched, "/api/v1/events") {
			t.Errorf("the map fetched %q: want the places, no events", fetched)
		}
		var legend []string
		eval(t, `[...document.querySelectorAll("#map .map-legend span")].map(s => s.textContent)`, &legend)
		if !slices.Equal(legend, []string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}) {
			t.Errorf("map legend %q", legend)
		}
		var classes []string
		eval(t, `[...document.querySelectorAll("#map .place-marker, #map .place-cluster")].map(m => (m.className.match(/\bq[1-4]\b/) || ["none"])[0])`, &classes)
		if slices.Contains(classes, "none") || len(slices.Compact(slices.Sorted(slices.Values(classes)))) < 2 {
			t.Errorf("markers coloured %q: want each by quad class, more than one class", classes)
		}
		// each place's marker: its count and the colour of its most
		// frequent quad class, as the API has them
		type marker struct {
			At, Place, Class string
			Events           int
			X, Y             float64
			Free             bool // the marker's centre is not under another
		}
		var markers []marker
		eval(t, `[...document.querySelectorAll("#map .place-marker")].map(m => { const s = m.querySelector("[data-at]"), r = m.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2, top = document.elementFromPoint(x, y);
			return {At: s.dataset.at, Place: s.dataset.place, Class: (m.className.match(/\bq[1-4]\b/) || [""])[0], Events: +s.dataset.events, X: x, Y: y, Free: !!top && m.contains(top)}; })`, &markers)
		if len(markers) == 0 {
			t.Fatal("no place marker on the map")
		}
		for _, m := range markers {
			p, ok := byPoint[m.At]
			if !ok || p.Events != m.Events || p.Name != m.Place {
				t.Errorf("marker %+v; the API's place there %+v", m, p)
				continue
			}
			best := 1
			for q := 2; q <= 4; q++ {
				if p.Quad[q] >= p.Quad[best] {
					best = q
				}
			}
			if m.Class != "q"+strconv.Itoa(best) {
				t.Errorf("%s is coloured %s, its counts %v", m.Place, m.Class, p.Quad)
			}
		}
		// the place with most events, zoomed in to (out of its cluster)
		big := places.Places[0]
		bigAt := strconv.FormatFloat(big.Lat, 'g', -1, 64) + "," + strconv.FormatFloat(big.Lon, 'g', -1, 64)
		var moved bool
		eval(t, fmt.Sprintf(`(map.setView([%v, %v], 9, { animate: false }), true)`, big.Lat, big.Lon), &moved)
		// (the markers move into place once the zoom is over: wait for
		// the place to be at the map's centre, uncovered)
		markerAt := fmt.Sprintf(`(() => { const s = document.querySelector('#map .place-marker [data-at="%s"]'); if (!s) return null; const m = s.closest(".place-marker"), r = m.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2, top = document.elementFromPoint(x, y);
			return {At: s.dataset.at, Place: s.dataset.place, Class: "", Events: +s.dataset.events, X: x, Y: y, Free: !!top && m.contains(top)}; })()`, bigAt)
		waitFor(t, `(m => { const c = document.getElementById("map").getBoundingClientRect(); return m !== null && m.Free && Math.abs(m.X - (c.left + c.right) / 2) < 3 && Math.abs(m.Y - (c.top + c.bottom) / 2) < 3; })(`+markerAt+`)`)
		var pick *marker
		eval(t, markerAt, &pick)
		if !pick.Free || pick.Events != big.Events || pick.Place != big.Name {
			t.Fatalf("the marker of %+v: %+v", big, pick)
		}
		// a place's name on hover, its events on click, a page at a time
		// (from elsewhere: a move to where the pointer already is shows nothing)
		do(t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 5, 5), chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pick.X, pick.Y))
		waitFor(t, `document.querySelector("#map .leaflet-tooltip") !== null`)
		if tip := str(t, `document.querySelector("#map .leaflet-tooltip").textContent`); !strings.HasPrefix(tip, pick.Place) {
			t.Errorf("hovering %q shows %q", pick.Place, tip)
		}
		do(t, chromedp.MouseClickXY(pick.X, pick.Y))
		waitFor(t, `document.querySelector("#map .leaflet-popup .event .evidence") !== null`)
		if h := str(t, `document.querySelector("#map .leaflet-popup h3").textContent`); !strings.HasPrefix(h, pick.Place) {
			t.Errorf("the popup of %q is headed %q", pick.Place, h)
		}
		want := allEvents(t, srv.URL, url.Values{"at": {pick.At}})
		slices.SortFunc(want, func(a, b annals.StoredEvent) int {
			return cmp.Or(cmp.Compare(b.EventDate, a.EventDate), cmp.Compare(b.ID, a.ID))
		})
		if len(want) != pick.Events {
			t.Errorf("%s: the marker counts %d events, the events endpoint has %d at %s", pick.Place, pick.Events, len(want), pick.At)
		}
		// popupSteady: the popup is inside the map and has not moved
		// since the last poll (the map has panned to it)
		popupSteady := `(() => { const p = document.querySelector("#map .leaflet-popup").getBoundingClientRect(), m = document.getElementById("map").getBoundingClientRect(), k = p.left + "," + p.top + "," + p.bottom, same = window.__popupAt === k;
			window.__popupAt = k; return same && p.top >= m.top && p.bottom <= m.bottom && p.left >= m.left && p.right <= m.right; })()`
		popupIDs := func() []int64 {
			var ids []int64
			eval(t, `[...document.querySelectorAll("#map .leaflet-popup .event")].map(e => +e.dataset.id)`, &ids)
			return ids
		}
		ids := popupIDs()
		for len(ids) < len(want) {
			if str(t, `String(document.querySelector("#map .leaflet-popup button.more").hidden)`) != "false" {
				break
			}
			// once the map has panned to the popup (a click on the map
			// while it moves would close it)
			waitFor(t, popupSteady)
			do(t, chromedp.Click(chromedp.CSS(`#map .leaflet-popup button.more`)))
			waitFor(t, fmt.Sprintf(`document.querySelectorAll("#map .leaflet-popup .event").length > %d`, len(ids)))
			ids = popupIDs()
		}
		if len(want) <= 10 {
			t.Errorf("%s has %d events: one page, the More button is not exercised", pick.Place, len(want))
		}
		wantIDs := make([]int64, len(want))
		for i, e := range want {
			wantIDs[i] = e.ID
		}
		if !slices.Equal(ids, wantIDs) {
			t.Errorf("%s's popup lists events %v, the events endpoint at %s, latest first, %v", pick.Place, ids, pick.At, wantIDs)
		}
		if s := str(t, `document.querySelector("#map .leaflet-popup .shown").textContent`); !strings.HasPrefix(s, fmt.Sprintf("%d of %d events", len(want), pick.Events)) {
			t.Errorf("the popup says %q", s)
		}
		// the map pans to show the popup whole
		waitFor(t, popupSteady)
		shot(t, "map.png")
		// its link opens the event browser at the place
		do(t, chromedp.Click(chromedp.CSS(`#map .leaflet-popup a[href*="at="]`)))
		waitFor(t, `location.hash.startsWith("#events") && document.querySelectorAll("#event-list .event").length > 0`)
		var listed int
		eval(t, `document.querySelectorAll("#event-list .event").length`, &listed)
		if at := str(t, `document.querySelector("#events-form [name=at]").value`); at != pick.At || listed != min(50, pick.Events) {
			t.Errorf("the event browser at %q lists %d events; want %s's %d", at, listed, pick.At, pick.Events)
		}

		// the time range applies, from a query-string link
		open(t, "/?view=map&from=2024-01-01&to=2024-01-31", `document.getElementById("status").textContent.includes("located events")`)
		eval(t, sum, &n)
		if n != jan || jan >= all {
			t.Errorf("January's map counts %d events, the API has %d located (of %d in all)", n, jan, all)
		}
	})

	t.Run("network", func(t *testing.T) {
		type graph struct{ Nodes, Edges []string }
		read := `({Nodes: cy.nodes().map(n => n.id()), Edges: cy.edges().map(e => e.id())})`
		var full, jan graph
		open(t, "/#network", `typeof cy !== "undefined" && cy && cy.nodes().length > 0`)
		eval(t, read, &full)
		igos := slices.DeleteFunc(slices.Clone(full.Nodes), func(id string) bool { return !strings.HasPrefix(id, "IGO") })
		if len(igos) < 2 || slices.Contains(igos, "IGO") {
			t.Errorf("organisations %q: want one node per IGO", igos)
		}
		if !slices.Contains(full.Edges, "conf:IRN|PAK") || !slices.Contains(full.Edges, "coop:IRN|PAK") {
			t.Errorf("IRN-PAK lacks a cooperation or a conflict edge: %q", full.Edges)
		}
		shot(t, "network.png")
		open(t, "/#network?from=2024-01-01&to=2024-01-31", `typeof cy !== "undefined" && cy && cy.nodes().length > 0 && location.hash.includes("from")`)
		waitFor(t, `!document.getElementById("status").textContent.includes("Loading")`)
		eval(t, read, &jan)
		if len(jan.Nodes) >= len(full.Nodes) || !slices.Contains(jan.Edges, "conf:IRN|PAK") {
			t.Errorf("January's network %+v, the year's has %d nodes", jan, len(full.Nodes))
		}
		// one click on an edge opens its evidence
		var mid struct{ X, Y float64 }
		eval(t, `(() => { const p = cy.getElementById("conf:IRN|PAK").renderedMidpoint(), r = document.getElementById("network").getBoundingClientRect(); return {X: r.left + p.x, Y: r.top + p.y}; })()`, &mid)
		do(t, chromedp.MouseClickXY(mid.X, mid.Y))
		waitFor(t, `location.hash.startsWith("#events") && document.querySelectorAll("#event-list .event").length > 0`)
		if h := str(t, `decodeURIComponent(location.hash)`); !strings.Contains(h, "dyad=IRN,PAK") || !strings.Contains(h, "from=2024-01-01") {
			t.Errorf("clicking the IRN-PAK edge opened %s", h)
		}
		// and one on a node, the actor's
		open(t, "/#network?from=2024-01-01&to=2024-01-31", `typeof cy !== "undefined" && cy && cy.nodes().length > 0 && !document.getElementById("status").textContent.includes("Loading")`)
		eval(t, `(() => { const p = cy.getElementById("PAK").renderedPosition(), r = document.getElementById("network").getBoundingClientRect(); return {X: r.left + p.x, Y: r.top + p.y}; })()`, &mid)
		do(t, chromedp.MouseClickXY(mid.X, mid.Y))
		waitFor(t, `location.hash.startsWith("#events") && document.querySelectorAll("#event-list .event").length > 0`)
		if h := str(t, `decodeURIComponent(location.hash)`); !strings.Contains(h, "actor=PAK") || !strings.Contains(h, "from=2024-01-01") {
			t.Errorf("clicking the PAK node opened %s", h)
		}
	})

	t.Run("evidence", func(t *testing.T) {
		open(t, "/#events?dyad=PAK,IRN&from=2024-01-01&to=2024-01-31", `document.querySelectorAll("#event-list .event .evidence .trg").length > 0`)
		var heads []string
		eval(t, `[...document.querySelectorAll("#event-list .event .head")].map(h => h.textContent)`, &heads)
		for _, h := range heads {
			if h[:7] != "2024-01" {
				t.Errorf("event outside the range: %q", h)
			}
		}
		evidence, src, trg := str(t, `document.querySelector("#event-list .event .evidence").textContent`),
			str(t, `document.querySelector("#event-list .event .evidence .src").textContent`), str(t, `document.querySelector("#event-list .event .evidence .trg").textContent`)
		if src == "" || trg == "" || !strings.Contains(evidence, src) || !strings.Contains(evidence, trg) {
			t.Errorf("evidence %q with source %q and trigger %q highlighted", evidence, src, trg)
		}
		// the link restored the form and the range
		var form struct{ Dyad, From, To string }
		eval(t, `({Dyad: document.querySelector("#events-form [name=dyad]").value, From: document.getElementById("range-from").value, To: document.getElementById("range-to").value})`, &form)
		if form.Dyad != "PAK,IRN" || form.From != "2024-01-01" || form.To != "2024-01-31" {
			t.Errorf("the event browser's link restored %+v", form)
		}
		shot(t, "evidence.png")

		// a place typed into the form: the place by name, or a prefix with *
		for place, want := range map[string]string{"kabul": "Kabul", "Kab*": "Kabul", "Kab": ""} {
			do(t, chromedp.Navigate(srv.URL+"/#events"))
			waitFor(t, `document.body.dataset.view === "events"`)
			do(t, chromedp.SetValue(chromedp.CSS(`#events-form [name=place]`), place), chromedp.Click(chromedp.CSS(`#events-form button[type=submit]`)))
			// (the status names the place once that search has answered)
			waitFor(t, `document.getElementById("status").textContent.endsWith(" events for place `+place+`")`)
			var places []string
			eval(t, `[...document.querySelectorAll("#event-list .event .meta")].map(m => (m.textContent.match(/ · ([^·(]+) \((city|adm1|country)\)/) || ["", ""])[1])`, &places)
			wantN := len(allEvents(t, srv.URL, url.Values{"place": {place}}))
			if len(places) != wantN || want != "" && (wantN == 0 || slices.ContainsFunc(places, func(p string) bool { return p != want })) || want == "" && wantN != 0 {
				t.Errorf("place %q lists events at %q; the API has %d, want only %q", place, places, wantN, want)
			}
		}
	})

	t.Run("document", func(t *testing.T) {
		// the document view shows hostile text as text
		open(t, "/#doc/xss", `document.querySelector("#doc-text .mention") !== null`)
		docText := str(t, `document.getElementById("doc-text").textContent`)
		var injected, xss int
		eval(t, `document.querySelectorAll("#doc-text script, #doc-text img, #doc-title b").length`, &injected)
		eval(t, `window.__xss === true ? 1 : 0`, &xss)
		shot(t, "document.png")
		if !strings.Contains(docText, "<script>window.__xss=true</script>") || !strings.Contains(docText, `<img src=x onerror="window.__xss=true">`) {
			t.Errorf("hostile markup not shown as text: %q", docText)
		}
		if injected != 0 || xss != 0 {
			t.Errorf("hostile markup was rendered: %d elements, xss=%d", injected, xss)
		}
	})
	t.Logf("screenshots in %s", out)
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

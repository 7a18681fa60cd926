package api_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

func TestDashboardInBrowser(t *testing.T) {
	exe := browser(t)
	srv := newServer(t, "")
	addXSS(t, srv)
	out := outDir(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// the first call starts the browser: no timeout on it
	if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+"/healthz")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	evalInt := func(expr string) int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	do(chromedp.Navigate(srv.URL+"/#dyad"),
		chromedp.WaitReady(chromedp.CSS(`#dyad-a option[value="PAK"]`)),
		chromedp.SetValue(chromedp.CSS(`#dyad-a`), "PAK"),
		chromedp.SetValue(chromedp.CSS(`#dyad-b`), "IRN"),
		chromedp.SetValue(chromedp.CSS(`#dyad-interval`), "month"),
		chromedp.Click(chromedp.CSS(`#dyad-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`#timeline svg .bucket`)))
	buckets := evalInt(`document.querySelectorAll("#timeline svg .bucket").length`)
	goldstein := evalInt(`document.querySelectorAll("#timeline svg path.goldstein").length`)
	shot("1-timeline.png")
	do(chromedp.Click(chromedp.CSS(`#timeline svg .bucket`)),
		chromedp.WaitVisible(chromedp.CSS(`#bucket-events .event .evidence .trg`)))
	evidence, srcText, trgText := text(`#bucket-events .event .evidence`), text(`#bucket-events .event .evidence .src`), text(`#bucket-events .event .evidence .trg`)
	shot("2-events.png")
	if buckets < 2 || goldstein != 1 {
		t.Errorf("timeline has %d buckets and %d Goldstein lines", buckets, goldstein)
	}
	if srcText == "" || trgText == "" || !strings.Contains(evidence, srcText) || !strings.Contains(evidence, trgText) {
		t.Errorf("evidence %q with source %q and trigger %q highlighted", evidence, srcText, trgText)
	}

	// the document view shows hostile text as text
	do(chromedp.Navigate(srv.URL+"/#doc/xss"), chromedp.WaitVisible(chromedp.CSS(`#doc-text .mention`)))
	docText := text(`#doc-text`)
	injected := evalInt(`document.querySelectorAll("#doc-text script, #doc-text img, #doc-title b").length`)
	xss := evalInt(`window.__xss === true ? 1 : 0`)
	shot("3-document.png")
	if !strings.Contains(docText, "<script>window.__xss=true</script>") || !strings.Contains(docText, `<img src=x onerror="window.__xss=true">`) {
		t.Errorf("hostile markup not shown as text: %q", docText)
	}
	if injected != 0 || xss != 0 {
		t.Errorf("hostile markup was rendered: %d elements, xss=%d", injected, xss)
	}

	// the map and the network draw
	do(chromedp.Navigate(srv.URL+"/#map"), chromedp.WaitVisible(chromedp.CSS(`#map .leaflet-marker-icon`)), chromedp.Sleep(300*time.Millisecond))
	markers := evalInt(`document.querySelectorAll("#map .leaflet-marker-icon, #map .leaflet-interactive").length`)
	shot("4-map.png")
	do(chromedp.Navigate(srv.URL+"/#network"), chromedp.WaitVisible(chromedp.CSS(`#network canvas`)), chromedp.Sleep(500*time.Millisecond))
	nodes := evalInt(`cy ? cy.nodes().length : 0`)
	shot("5-network.png")
	if markers == 0 || nodes < 3 {
		t.Errorf("map has %d markers, network %d nodes", markers, nodes)
	}
	t.Logf("screenshots in %s", out)
}

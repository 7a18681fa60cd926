// Command loadtest sends a bounded mix of API requests (events, dyad
// timelines, network, actors) from concurrent clients to an annals server on
// this machine and reports requests per second, latency percentiles and
// errors. It stops by itself after -duration.
//
//	annals serve --db big.db --addr 127.0.0.1:8080 &
//	go run ./tools/loadtest -url http://127.0.0.1:8080 -clients 50 -duration 30s
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// endpoint is what one kind of request measured.
type endpoint struct {
	lat    []time.Duration
	errors int
}

// endpointOf names a request's endpoint and its shape: the path with the
// actors taken out, and the query's parameter names.
func endpointOf(p string) string {
	path, q, _ := strings.Cut(p, "?")
	if strings.HasPrefix(path, "/api/v1/dyads/") {
		path = "/api/v1/dyads/timeline"
	}
	var keys []string
	for _, kv := range strings.Split(q, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if k != "" && k != "limit" && k != "interval" {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		path += "?" + strings.Join(keys, ",")
	}
	return strings.TrimPrefix(path, "/api/v1")
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "server base URL (loopback only)")
	clients := flag.Int("clients", 50, "concurrent clients")
	dur := flag.Duration("duration", 30*time.Second, "how long to run")
	flag.Parse()
	u, err := url.Parse(*base)
	if err != nil || !(strings.HasPrefix(u.Hostname(), "127.") || u.Hostname() == "localhost" || u.Hostname() == "::1") {
		log.Fatalf("loadtest only targets loopback addresses, not %q", *base)
	}
	actors := []string{"PAK", "IRN", "AFG", "ISR", "RUS", "UKR", "USA", "CHN", "IND", "TUR"}
	paths := func(r *rand.Rand) string {
		a, b := actors[r.Intn(len(actors))], actors[r.Intn(len(actors))]
		switch r.Intn(6) {
		case 0:
			return fmt.Sprintf("/api/v1/events?dyad=%s,%s&limit=50", a, b)
		case 1:
			return fmt.Sprintf("/api/v1/dyads/%s/%s/timeline?interval=%s", a, b, []string{"day", "week", "month"}[r.Intn(3)])
		case 2:
			return "/api/v1/network?limit=100&from=2020-01-01&to=2020-03-31"
		case 3:
			return fmt.Sprintf("/api/v1/actors?by=country&from=%d-01-01&to=%d-12-31", 2015+r.Intn(10), 2015+r.Intn(10))
		case 4:
			return fmt.Sprintf("/api/v1/events?actor=%s&limit=50", a)
		default:
			return fmt.Sprintf("/api/v1/events?actor=%s&root=19&from=2021-06-01&to=2021-06-30&limit=50", a)
		}
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *clients}}
	var mu sync.Mutex
	var lat []time.Duration
	per := map[string]*endpoint{}
	errs := map[string]int{}
	deadline := time.Now().Add(*dur)
	var wg sync.WaitGroup
	for c := 0; c < *clients; c++ {
		wg.Add(1)
		go func(seed int64) {
			defer wg.Done()
			r := rand.New(rand.NewSource(seed))
			for time.Now().Before(deadline) {
				p := paths(r)
				start := time.Now()
				resp, err := client.Get(*base + p)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				d := time.Since(start)
				name := endpointOf(p)
				mu.Lock()
				ep := per[name]
				if ep == nil {
					ep = &endpoint{}
					per[name] = ep
				}
				if err != nil {
					errs[err.Error()]++
					ep.errors++
				} else {
					if resp.StatusCode != 200 {
						errs[fmt.Sprintf("status %d on %s", resp.StatusCode, name)]++
						ep.errors++
					}
					lat = append(lat, d)
					ep.lat = append(ep.lat, d)
				}
				mu.Unlock()
			}
		}(int64(c))
	}
	wg.Wait()
	pct := func(lat []time.Duration, p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	sortD := func(l []time.Duration) { sort.Slice(l, func(i, j int) bool { return l[i] < l[j] }) }
	sortD(lat)
	nerr := 0
	for _, n := range errs {
		nerr += n
	}
	fmt.Printf("%d requests in %s from %d clients: %.0f requests/s, p50 %s, p90 %s, p99 %s, max %s, %d errors\n",
		len(lat), *dur, *clients, float64(len(lat))/dur.Seconds(), pct(lat, 0.5), pct(lat, 0.9), pct(lat, 0.99), pct(lat, 1), nerr)
	var names []string
	for n := range per {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Printf("  %-28s %8s %10s %10s %10s %7s\n", "endpoint", "requests", "p50", "p99", "max", "errors")
	for _, n := range names {
		ep := per[n]
		sortD(ep.lat)
		fmt.Printf("  %-28s %8d %10s %10s %10s %7d\n", n, len(ep.lat), pct(ep.lat, 0.5).Round(time.Microsecond),
			pct(ep.lat, 0.99).Round(time.Microsecond), pct(ep.lat, 1).Round(time.Microsecond), ep.errors)
	}
	for e, n := range errs {
		fmt.Printf("  %d x %s\n", n, e)
	}
	if nerr > 0 {
		os.Exit(1)
	}
}

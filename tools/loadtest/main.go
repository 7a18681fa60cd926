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
		switch r.Intn(4) {
		case 0:
			return fmt.Sprintf("/api/v1/events?dyad=%s,%s&limit=50", a, b)
		case 1:
			return fmt.Sprintf("/api/v1/dyads/%s/%s/timeline?interval=%s", a, b, []string{"day", "week", "month"}[r.Intn(3)])
		case 2:
			return "/api/v1/network?limit=100&from=2020-01-01&to=2020-03-31"
		default:
			return fmt.Sprintf("/api/v1/events?actor=%s&root=19&from=2021-06-01&to=2021-06-30&limit=50", a)
		}
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *clients}}
	var mu sync.Mutex
	var lat []time.Duration
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
				d := time.Since(start)
				mu.Lock()
				if err != nil {
					errs[err.Error()]++
				} else {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						errs[fmt.Sprintf("status %d on %s", resp.StatusCode, strings.SplitN(p, "?", 2)[0])]++
					}
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}(int64(c))
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	nerr := 0
	for _, n := range errs {
		nerr += n
	}
	fmt.Printf("%d requests in %s from %d clients: %.0f requests/s, p50 %s, p90 %s, p99 %s, max %s, %d errors\n",
		len(lat), *dur, *clients, float64(len(lat))/dur.Seconds(), pct(0.5), pct(0.9), pct(0.99), pct(1), nerr)
	for e, n := range errs {
		fmt.Printf("  %d x %s\n", n, e)
	}
	if nerr > 0 {
		os.Exit(1)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/demo"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
)

func cmdDemo(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("demo", "demo [--addr 127.0.0.1:8080] [--no-serve] [--json]",
		`  annals demo                  build the sample database and open the dashboard
  annals demo --addr :9090     on another port
  annals demo --no-serve       only print the coded events
  annals demo --json           the coded events as JSON lines
`, stderr)
	asJSON := fs.Bool("json", false, "print the events as JSON lines and exit")
	noServe := fs.Bool("no-serve", false, "print the events and exit")
	addr := fs.String("addr", "127.0.0.1:8080", "address for the dashboard")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	if !*asJSON && !*noServe {
		start := time.Now()
		path, err := demoDB(p, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "annals demo: %v\n", err)
			return exitFatal
		}
		db, code := openDB("demo", path, false, stderr)
		if db == nil {
			return code
		}
		defer db.Close()
		st, _ := db.Stats(context.Background())
		// announce what the dashboard shows: asserted, intended and reported
		// events (negated and hypothetical ones are stored, not shown)
		shown := 0
		db.Each(context.Background(), annals.EventFilter{}, func(annals.StoredEvent) error { shown++; return nil })
		err = serve(db, nil, *addr, "", "", limits{}, func(url string) {
			fmt.Fprintf(stdout, "The sample corpus (%d illustrative articles, %d events) is in %s.\nOpen %s to see the dashboard (ready in %s). Ctrl-C stops the server.\n",
				st.Documents, shown, path, url, time.Since(start).Round(time.Millisecond))
		}, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "annals demo: %v\n", err)
			return exitFatal
		}
		return exitOK
	}
	skipped := 0
	in := readAll([]string{"-"}, ingestOptions(demo.Corpus), stderr, &skipped)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	docs, events := 0, 0
	start := time.Now()
	p.Run(in, 0, time.Now().UTC(), func(r pipeline.Result) {
		docs++
		if !*asJSON {
			fmt.Fprintf(stdout, "\n%s  %s  %s\n", r.Doc.Article.Published.Format("2006-01-02"), r.Doc.Article.ID, r.Doc.Article.Title)
		}
		for _, e := range r.Events {
			if !e.Countable() {
				continue
			}
			events++
			if *asJSON {
				enc.Encode(e)
				continue
			}
			printEvent(stdout, &e)
		}
	})
	if !*asJSON {
		fmt.Fprintf(stdout, "\n%d illustrative articles, %d events in %s. Every event names its rule; try\n  annals explain \"%s\"\n",
			docs, events, time.Since(start).Round(time.Millisecond), "Iran and Pakistan pledged to work together against militants.")
	}
	if skipped > 0 {
		return exitSkipped
	}
	return exitOK
}

func printEvent(w io.Writer, e *annals.Event) {
	fmt.Fprintf(w, "  %-9s -> %-9s %-4s %-8s %-12s %.2f  %q\n", orDash(e.Source), orDash(e.Target), e.Code, e.Plover, e.Mode, e.Confidence, e.Sentence)
}

func ingestOptions(b []byte) ingest.Options {
	return ingest.Options{Stdin: bytes.NewReader(b), LocalLinks: true}
}

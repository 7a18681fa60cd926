package main

import (
	"bytes"
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
	fs := newFlags("demo", "demo [--json]",
		`  annals demo           code the bundled sample corpus and print its events
  annals demo --json    the same events as JSON lines
`, stderr)
	asJSON := fs.Bool("json", false, "print events as JSON lines")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	skipped := 0
	in := readAll([]string{"-"}, ingest.Options{Stdin: bytes.NewReader(demo.Corpus)}, stderr, &skipped)
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

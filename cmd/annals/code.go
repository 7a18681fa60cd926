package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
)

type dictFlags struct {
	actors, lexicon *string
	maxBytes        *int
	maxTime         *time.Duration
	minConf         *float64
}

func addDictFlags(fs *flag.FlagSet) dictFlags {
	return dictFlags{
		actors:   fs.String("actors-dir", "", "read actor dictionaries from this folder instead of the built-in ones"),
		lexicon:  fs.String("lexicon-dir", "", "read the event lexicon from this folder instead of the built-in one"),
		maxBytes: fs.Int("max-doc-bytes", pipeline.DefaultMaxBytes, "skip, with the reason, a document whose text is larger than this (0: no limit)"),
		maxTime:  fs.Duration("max-doc-time", pipeline.DefaultMaxTime, "skip, with the reason, a document that takes longer than this to code (0: no limit)"),
		minConf: fs.Float64("min-confidence", pipeline.DefaultMinConfidence,
			"keep only events with at least this confidence, the coder's estimate of the chance a careful coder keeps the event (0: keep all)"),
	}
}

// skippedDoc reports a document the pipeline did not code (over its
// budget) on stderr; it says whether there was one.
func skippedDoc(r pipeline.Result, stderr io.Writer) bool {
	if r.Err == nil {
		return false
	}
	fmt.Fprintf(stderr, "annals: skipped %v\n", r.Err)
	return true
}

// check says on stderr, without loading anything, whether a dictionary
// folder named is missing: commands that load the pipeline only when a
// document needs coding report a mistyped folder at once all the same.
func (d dictFlags) check(stderr io.Writer) int {
	if *d.minConf < 0 || *d.minConf > 1 {
		fmt.Fprintf(stderr, "annals: --min-confidence %v: want a number from 0 to 1\n", *d.minConf)
		return exitUsage
	}
	for _, f := range []struct{ flag, dir string }{{"--actors-dir", *d.actors}, {"--lexicon-dir", *d.lexicon}} {
		if f.dir == "" {
			continue
		}
		if st, err := os.Stat(f.dir); err != nil {
			fmt.Fprintf(stderr, "annals: %s: %v\n", f.flag, err)
			return exitFatal
		} else if !st.IsDir() {
			fmt.Fprintf(stderr, "annals: %s %s: not a folder\n", f.flag, f.dir)
			return exitFatal
		}
	}
	return 0
}

func (d dictFlags) pipeline(stderr io.Writer) (*pipeline.Pipeline, int) {
	opt := pipeline.Options{ActorDir: *d.actors, LexiconDir: *d.lexicon, Dirs: os.DirFS, MaxBytes: -1, MaxTime: -1}
	if *d.maxBytes > 0 {
		opt.MaxBytes = *d.maxBytes
	}
	if *d.maxTime > 0 {
		opt.MaxTime = *d.maxTime
	}
	if *d.minConf < 0 || *d.minConf > 1 {
		fmt.Fprintf(stderr, "annals: --min-confidence %v: want a number from 0 to 1\n", *d.minConf)
		return nil, exitUsage
	}
	opt.MinConfidence = *d.minConf
	if opt.MinConfidence == 0 {
		opt.MinConfidence = -1 // keep all
	}
	p, err := pipeline.New(opt)
	if err != nil {
		fmt.Fprintf(stderr, "annals: %v\n", err)
		return nil, exitFatal
	}
	return p, 0
}

func parsePublished(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return t, fmt.Errorf("--published %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// readAll streams articles from paths into a channel, reporting skipped
// inputs on stderr; *skipped counts them.
func readAll(paths []string, opt ingest.Options, stderr io.Writer, skipped *int) <-chan *annals.Article {
	ch := make(chan *annals.Article, 64)
	go func() {
		defer close(ch)
		ingest.Read(paths, opt, func(a *annals.Article) error {
			ch <- a
			return nil
		}, func(e *ingest.InputError) {
			*skipped++
			fmt.Fprintf(stderr, "annals: skipped %v\n", e)
		})
	}()
	return ch
}

func cmdCode(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("code", "code [--published YYYY-MM-DD] [--format jsonl] PATH... (- for standard input)",
		`  annals code article.txt                 code one article
  annals code --published 2024-01-18 -    code text from standard input
  annals code corpus/                     code every file under a folder
  annals code feed.xml crawl.warc.gz      code feeds and web archives
  annals code --all news.jsonl            include negated and hypothetical events
`, stderr)
	published := fs.String("published", "", "publication date `YYYY-MM-DD` for inputs that carry none")
	format := fs.String("format", "jsonl", "output format (jsonl)")
	all := fs.Bool("all", false, "also print negated and hypothetical events")
	workers := fs.Int("workers", 0, "worker goroutines (0 = one per core)")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if *format != "jsonl" {
		fmt.Fprintf(stderr, "annals code: unknown --format %q (supported: jsonl)\n", *format)
		return exitUsage
	}
	pub, err := parsePublished(*published)
	if err != nil {
		fmt.Fprintf(stderr, "annals code: %v\n", err)
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		// as explain and actors: no silent read of a terminal
		fmt.Fprintln(stderr, "annals code: name at least one PATH to code (or - for standard input)")
		return exitUsage
	}
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	skipped := 0
	in := readAll(paths, ingest.Options{Published: pub, Stdin: stdin, LocalLinks: true}, stderr, &skipped)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var werr error
	notCoded := 0
	p.Run(in, *workers, time.Now().UTC(), func(r pipeline.Result) {
		if skippedDoc(r, stderr) {
			notCoded++
		}
		for i := range r.Events {
			if !*all && !r.Events[i].Countable() {
				continue
			}
			if err := enc.Encode(&r.Events[i]); err != nil && werr == nil {
				werr = err
			}
		}
	})
	if err := w.Flush(); err != nil && werr == nil {
		werr = err
	}
	if werr != nil {
		fmt.Fprintf(stderr, "annals code: write output: %v\n", werr)
		return exitFatal
	}
	if skipped+notCoded > 0 {
		fmt.Fprintf(stderr, "annals code: %d input(s) skipped\n", skipped+notCoded)
		return exitSkipped
	}
	return exitOK
}

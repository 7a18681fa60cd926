package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/export"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/store"
	"golang.org/x/term"
)

func openDB(path string, stderr io.Writer) (*store.DB, int) {
	if path == "" {
		fmt.Fprintln(stderr, "annals: --db FILE is required")
		return nil, exitUsage
	}
	db, err := store.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "annals: %v\n", err)
		return nil, exitFatal
	}
	return db, 0
}

// progress prints a one-line bar on a terminal, plain lines otherwise.
type progress struct {
	w         io.Writer
	tty       bool
	start     time.Time
	last      time.Time
	docs, evs atomic.Int64
	skipped   atomic.Int64
	what      string
}

func newProgress(w io.Writer, what string) *progress {
	p := &progress{w: w, start: time.Now(), what: what}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) tick(force bool) {
	now := time.Now()
	every := 2 * time.Second
	if p.tty {
		every = 200 * time.Millisecond
	}
	if !force && now.Sub(p.last) < every {
		return
	}
	p.last = now
	sec := now.Sub(p.start).Seconds()
	d, e := p.docs.Load(), p.evs.Load()
	line := fmt.Sprintf("%s %d documents (%.0f/s), %d events (%.0f/s), %d already stored", p.what, d, float64(d)/sec, e, float64(e)/sec, p.skipped.Load())
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		if force {
			fmt.Fprintln(p.w)
		}
	} else {
		fmt.Fprintln(p.w, line)
	}
}

func cmdIngest(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("ingest", "ingest --db FILE|postgres://... [--published YYYY-MM-DD] [--batch N] PATH...\n       annals ingest --queue nats://HOST:4222 PATH...",
		`  annals ingest --db events.db corpus/              code and store a folder of articles
  annals ingest --db events.db news.jsonl feed.xml    several inputs; already stored ones are skipped
  annals ingest --db events.db --dedup-days 1 corpus/ merge events up to a day apart
  annals ingest --db postgres://annals@db/annals corpus/
  annals ingest --queue nats://127.0.0.1:4222 corpus/ publish to workers instead (annals worker)
`, stderr)
	dbPath := fs.String("db", "", "SQLite database `FILE` (created if missing) or postgres:// URL")
	queueURL := fs.String("queue", "", "publish to this NATS JetStream work queue instead of coding here")
	replicas := fs.Int("replicas", 1, "with --queue: stream replicas when creating the stream")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` for inputs that carry none")
	batch := fs.Int("batch", 64, "documents per transaction")
	workers := fs.Int("workers", 0, "worker goroutines (0 = one per core)")
	days := fs.Int("dedup-days", 0, "events up to this many days apart can be the same event")
	maxKm := fs.Float64("dedup-km", 50, "events further apart than this are different events")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "annals ingest: name at least one PATH (or - for standard input)")
		return exitUsage
	}
	pub, err := parsePublished(*published)
	if err != nil {
		fmt.Fprintf(stderr, "annals ingest: %v\n", err)
		return exitUsage
	}
	if *queueURL != "" {
		return publish(fs.Args(), ingest.Options{Published: pub, Stdin: stdin, LocalLinks: true}, *queueURL, *replicas, stdout, stderr)
	}
	db, code := openDB(*dbPath, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	db.Dedup = store.Dedup{WindowDays: *days, MaxKm: *maxKm}
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	skippedInputs := 0
	raw := readAll(fs.Args(), ingest.Options{Published: pub, Stdin: stdin, LocalLinks: true}, stderr, &skippedInputs)
	pr := newProgress(stderr, "ingest:")
	// skip documents already stored before coding them
	in := make(chan *annals.Article, 64)
	go func() {
		defer close(in)
		for a := range raw {
			if ctx.Err() != nil {
				continue // drain the reader
			}
			if ok, _ := db.Has(ctx, a.ID, ingest.ContentHash(a.Text)); ok {
				pr.skipped.Add(1)
				continue
			}
			in <- a
		}
	}()
	var pending []*annals.CodedDocument
	var werr error
	flush := func() {
		if len(pending) == 0 || werr != nil {
			return
		}
		res, err := db.Add(context.Background(), pending)
		if err != nil {
			werr = err
			return
		}
		pr.docs.Add(int64(res.Added))
		pr.skipped.Add(int64(res.Skipped))
		pr.evs.Add(int64(res.Events))
		pending = pending[:0]
		pr.tick(false)
	}
	p.Run(in, *workers, time.Now().UTC(), func(r pipeline.Result) {
		pending = append(pending, r.Coded())
		if len(pending) >= *batch {
			flush()
		}
	})
	flush()
	pr.tick(true)
	if werr != nil {
		fmt.Fprintf(stderr, "annals ingest: %v\n", werr)
		return exitFatal
	}
	st, _ := db.Stats(context.Background())
	fmt.Fprintf(stdout, "stored %d new documents in %s; %s now holds %d documents, %d events (%d evidence sentences)\n",
		pr.docs.Load(), time.Since(pr.start).Round(time.Millisecond), db, st.Documents, st.Events, st.Evidence)
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "annals ingest: interrupted; run the same command again to continue")
		return exitSkipped
	}
	if skippedInputs > 0 {
		return exitSkipped
	}
	return exitOK
}

func cmdRecode(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("recode", "recode --db FILE [--actors-dir DIR] [--lexicon-dir DIR]",
		`  annals recode --db events.db                         after upgrading annals
  annals recode --db events.db --actors-dir my-actors/ after editing the dictionaries
`, stderr)
	dbPath := fs.String("db", "", "SQLite database `FILE`")
	batch := fs.Int("batch", 64, "documents per transaction")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	db, code := openDB(*dbPath, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	ctx := context.Background()
	before, _ := db.Stats(ctx)
	in := make(chan *annals.Article, 64)
	var rerr error
	go func() {
		defer close(in)
		rerr = db.Documents(ctx, func(a *annals.Article) error { in <- a; return nil })
	}()
	pr := newProgress(stderr, "recode:")
	var total store.RecodeResult
	var pending []*annals.CodedDocument
	var werr error
	flush := func() {
		if len(pending) == 0 || werr != nil {
			return
		}
		res, err := db.Replace(ctx, pending)
		if err != nil {
			werr = err
			return
		}
		total.Documents += res.Documents
		total.Added += res.Added
		total.Removed += res.Removed
		pr.docs.Add(int64(res.Documents))
		pr.evs.Add(int64(res.After))
		pending = pending[:0]
		pr.tick(false)
	}
	p.Run(in, 0, time.Now().UTC(), func(r pipeline.Result) {
		pending = append(pending, r.Coded())
		if len(pending) >= *batch {
			flush()
		}
	})
	flush()
	pr.tick(true)
	if werr == nil {
		werr = rerr
	}
	if werr != nil {
		fmt.Fprintf(stderr, "annals recode: %v\n", werr)
		return exitFatal
	}
	after, _ := db.Stats(ctx)
	fmt.Fprintf(stdout, "recoded %d documents: %d event codings added, %d removed; events %d -> %d, evidence %d -> %d\n",
		total.Documents, total.Added, total.Removed, before.Events, after.Events, before.Evidence, after.Evidence)
	return exitOK
}

// filterFlags registers the event filters shared by query, export and serve.
type filterFlags struct {
	actor, source, target, dyad, from, to, root, code, place, country, text, mode *string
	quad                                                                          *int
}

func addFilterFlags(fs interface {
	String(string, string, string) *string
	Int(string, int, string) *int
}) filterFlags {
	return filterFlags{
		actor:   fs.String("actor", "", "actor code prefix, as source or target (PAK, IRNGOV)"),
		source:  fs.String("source", "", "source code prefix"),
		target:  fs.String("target", "", "target code prefix"),
		dyad:    fs.String("dyad", "", "two actor codes `A,B`: events between them, either way"),
		from:    fs.String("from", "", "first event date `YYYY-MM-DD`"),
		to:      fs.String("to", "", "last event date `YYYY-MM-DD`"),
		root:    fs.String("root", "", "CAMEO root (two digits)"),
		code:    fs.String("code", "", "CAMEO code prefix"),
		quad:    fs.Int("quad", 0, "quad class 1-4"),
		place:   fs.String("place", "", "location name contains"),
		country: fs.String("country", "", "location country (ISO alpha-3)"),
		text:    fs.String("text", "", "full-text search in the evidence sentences"),
		mode:    fs.String("mode", "", "modes, comma-separated (default asserted,intended,reported; 'all' for every mode)"),
	}
}

func (ff filterFlags) filter() (annals.EventFilter, error) {
	f := annals.EventFilter{Actor: *ff.actor, Source: *ff.source, Target: *ff.target, From: *ff.from, To: *ff.to,
		Root: *ff.root, Code: *ff.code, QuadClass: *ff.quad, Place: *ff.place, Country: *ff.country, Text: *ff.text}
	if *ff.dyad != "" {
		p := strings.Split(*ff.dyad, ",")
		if len(p) != 2 || p[0] == "" || p[1] == "" {
			return f, fmt.Errorf("--dyad %q: want A,B", *ff.dyad)
		}
		f.DyadA, f.DyadB = strings.TrimSpace(p[0]), strings.TrimSpace(p[1])
	}
	for _, d := range []string{f.From, f.To} {
		if d != "" {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				return f, fmt.Errorf("date %q: want YYYY-MM-DD", d)
			}
		}
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return f, fmt.Errorf("--quad %d: want 1-4", f.QuadClass)
	}
	modes, err := parseModes(*ff.mode)
	f.Modes = modes
	return f, err
}

func parseModes(s string) ([]annals.Mode, error) {
	if s == "" {
		return nil, nil
	}
	all := []annals.Mode{annals.Asserted, annals.Intended, annals.Reported, annals.Negated, annals.Hypothetical}
	if s == "all" {
		return all, nil
	}
	var out []annals.Mode
	for _, m := range strings.Split(s, ",") {
		ok := false
		for _, a := range all {
			if string(a) == strings.TrimSpace(m) {
				out = append(out, a)
				ok = true
			}
		}
		if !ok {
			return nil, fmt.Errorf("mode %q: want one of asserted, intended, reported, negated, hypothetical, all", m)
		}
	}
	return out, nil
}

func cmdQuery(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("query", "query --db FILE [filters] [--format table|jsonl|csv]",
		`  annals query --db events.db --dyad PAK,IRN --from 2024-01-01 --to 2024-04-30
  annals query --db events.db --actor AFGGOV --root 19 --format csv > afg.csv
  annals query --db events.db --text "air strike" --country PAK
  annals query --db events.db --mode negated,hypothetical
`, stderr)
	dbPath := fs.String("db", "", "SQLite database `FILE`")
	format := fs.String("format", "", "table (default on a terminal), jsonl (default otherwise) or csv")
	limit := fs.Int("limit", 1000, "most events to print")
	ff := addFilterFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	f, err := ff.filter()
	if err != nil {
		fmt.Fprintf(stderr, "annals query: %v\n", err)
		return exitUsage
	}
	if *format == "" {
		*format = "jsonl"
		if fl, ok := stdout.(*os.File); ok && term.IsTerminal(int(fl.Fd())) {
			*format = "table"
		}
	}
	if *format != "table" && *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(stderr, "annals query: --format %q: want table, jsonl or csv\n", *format)
		return exitUsage
	}
	db, code := openDB(*dbPath, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	f.Limit = *limit
	evs, err := db.Events(context.Background(), f, *format == "jsonl")
	if err != nil {
		fmt.Fprintf(stderr, "annals query: %v\n", err)
		return exitFatal
	}
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, e := range evs {
			enc.Encode(e)
		}
	case "csv":
		w := csv.NewWriter(stdout)
		w.Write(export.CSVHeader)
		for _, e := range evs {
			w.Write(export.SafeCells(export.CSVRecord(e)))
		}
		w.Flush()
	default:
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDATE\tSOURCE\tTARGET\tCODE\tPLOVER\tMODE\tPLACE\tARTICLES\tCONF")
		for _, e := range evs {
			place := ""
			if e.Location != nil {
				place = e.Location.Name
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%.2f\n", e.ID, e.EventDate, orDash(e.Source), orDash(e.Target), e.Code, e.Plover, e.Mode, place, e.NumArticles, e.Confidence)
		}
		tw.Flush()
		fmt.Fprintf(stdout, "%d events\n", len(evs))
	}
	return exitOK
}

func cmdExport(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("export", "export --db FILE --format gdelt|plover|csv|jsonl|parquet [-o FILE] [filters]",
		`  annals export --db events.db --format gdelt -o events.tsv      GDELT 2.0's 61 columns
  annals export --db events.db --format plover > events.jsonl     PLOVER JSON lines
  annals export --db events.db --format parquet -o events.parquet --from 2024-01-01
`, stderr)
	dbPath := fs.String("db", "", "SQLite database `FILE`")
	format := fs.String("format", "jsonl", "gdelt, plover, csv, jsonl or parquet")
	outPath := fs.String("o", "", "output `FILE` (default standard output)")
	ff := addFilterFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	f, err := ff.filter()
	if err != nil {
		fmt.Fprintf(stderr, "annals export: %v\n", err)
		return exitUsage
	}
	out := stdout
	var tmp *os.File
	if *outPath != "" {
		// write beside the target and rename: a failed export leaves no half file
		tmp, err = os.CreateTemp(dirOf(*outPath), ".annals-export-*")
		if err != nil {
			fmt.Fprintf(stderr, "annals export: %v\n", err)
			return exitFatal
		}
		defer os.Remove(tmp.Name())
		out = tmp
	}
	w, err := export.New(*format, out)
	if err != nil {
		fmt.Fprintf(stderr, "annals export: %v\n", err)
		return exitUsage
	}
	db, code := openDB(*dbPath, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	n := 0
	err = db.Each(context.Background(), f, func(e annals.StoredEvent) error { n++; return w.Write(e) })
	if err == nil {
		err = w.Close()
	}
	if err == nil && tmp != nil {
		if err = tmp.Close(); err == nil {
			err = os.Rename(tmp.Name(), *outPath)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "annals export: %v\n", err)
		return exitFatal
	}
	if *outPath != "" {
		fmt.Fprintf(stderr, "wrote %d events to %s (%s)\n", n, *outPath, *format)
	}
	return exitOK
}

func dirOf(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[:i+1]
	}
	return "."
}

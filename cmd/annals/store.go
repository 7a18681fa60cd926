package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"regexp"
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

// schemeRE matches a URL scheme at the start of a --db value.
var schemeRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*)://`)

// checkDB says what is wrong with a --db value before anything is opened:
// a URL whose scheme no store speaks, or, unless create is set, a SQLite
// file that does not exist (a mistyped path must not become an empty
// database: creating one is ingest's job).
func checkDB(path string, create bool) (int, error) {
	if path == "" {
		return exitUsage, errors.New("--db FILE|URL is required (a SQLite FILE or a PostgreSQL postgres:// URL)")
	}
	if store.IsPostgres(path) {
		return 0, nil
	}
	if m := schemeRE.FindStringSubmatch(path); m != nil {
		return exitUsage, fmt.Errorf("unsupported database URL scheme %q: use a file path or postgres://", m[1])
	}
	if create {
		return 0, nil
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return exitFatal, fmt.Errorf("database %s does not exist (create it with 'annals ingest --db %s PATH...')", path, path)
	case err != nil:
		return exitFatal, fmt.Errorf("database %s: %w", path, err)
	case st.IsDir():
		return exitFatal, fmt.Errorf("database %s is a folder, not a SQLite file", path)
	}
	return 0, nil
}

// openDB opens the store named by --db for a command; create allows a new
// SQLite file (ingest, worker).
func openDB(cmd, path string, create bool, stderr io.Writer) (*store.DB, int) {
	if code, err := checkDB(path, create); err != nil {
		fmt.Fprintf(stderr, "annals %s: %v\n", cmd, err)
		return nil, code
	}
	db, err := store.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "annals %s: %v\n", cmd, err)
		return nil, exitFatal
	}
	return db, 0
}

// progress prints a one-line bar on a terminal, plain lines otherwise:
// documents done of the total when it is known, with the rate and the time
// left, and events as coded and as stored after merging (the same event
// told by several documents is stored once).
type progress struct {
	w       io.Writer
	tty     bool
	start   time.Time
	last    time.Time
	docs    atomic.Int64 // documents stored (or recoded)
	skipped atomic.Int64 // documents already stored
	total   atomic.Int64 // documents in the input, 0 while unknown
	coded   atomic.Int64 // events the coder found
	stored  atomic.Int64 // events the store gained, -1 when not counted
	what    string
}

func newProgress(w io.Writer, what string) *progress {
	p := &progress{w: w, start: time.Now(), what: what}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) line(now time.Time) string {
	sec := now.Sub(p.start).Seconds()
	if sec <= 0 {
		sec = 1e-9
	}
	done, total := p.docs.Load()+p.skipped.Load(), p.total.Load()
	rate := float64(done) / sec
	var b strings.Builder
	fmt.Fprintf(&b, "%s ", p.what)
	if total > 0 {
		fmt.Fprintf(&b, "%d/%d documents (%.0f%%), %.1f/s", done, total, 100*float64(done)/float64(total), rate)
		if rate > 0 && done < total {
			left := time.Duration(float64(total-done) / rate * float64(time.Second))
			fmt.Fprintf(&b, ", %s left", left.Round(time.Second))
		}
	} else {
		fmt.Fprintf(&b, "%d documents, %.1f/s", done, rate)
	}
	if st := p.stored.Load(); st >= 0 {
		fmt.Fprintf(&b, "; %d events coded, %d stored", p.coded.Load(), st)
	} else {
		fmt.Fprintf(&b, "; %d events coded", p.coded.Load())
	}
	if n := p.skipped.Load(); n > 0 {
		fmt.Fprintf(&b, "; %d documents already stored", n)
	}
	return b.String()
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
	line := p.line(now)
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		if force {
			fmt.Fprintln(p.w)
		}
	} else {
		fmt.Fprintln(p.w, line)
	}
}

// countArticles counts the articles of the inputs for the progress total;
// 0 when an input is standard input, which cannot be read twice.
func countArticles(paths []string, opt ingest.Options) int64 {
	for _, p := range paths {
		if p == "-" {
			return 0
		}
	}
	var n int64
	ingest.Read(paths, opt, func(*annals.Article) error { n++; return nil }, func(*ingest.InputError) {})
	return n
}

// maxEventID is the newest event id: how many events a batch added is the
// difference, since merged events keep their id.
func maxEventID(db *store.DB) int64 {
	var n sql.NullInt64
	db.SQL().QueryRow(`SELECT MAX(id) FROM events`).Scan(&n)
	return n.Int64
}

func cmdIngest(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("ingest", "ingest --db FILE|URL [--published YYYY-MM-DD] [--batch N] PATH...\n       annals ingest --queue nats://HOST:4222 PATH...",
		`  annals ingest --db events.db corpus/              code and store a folder of articles
  annals ingest --db events.db news.jsonl feed.xml    several inputs; already stored ones are skipped
  annals ingest --db events.db --dedup-days 1 corpus/ merge events up to a day apart
  annals ingest --db postgres://annals@db/annals corpus/
  annals ingest --queue nats://127.0.0.1:4222 corpus/ publish to workers instead (annals worker)
`, stderr)
	dbPath := fs.String("db", "", "SQLite `FILE` (created if missing) or PostgreSQL URL (postgres://...)")
	queueURL := fs.String("queue", "", "publish to this NATS JetStream work queue instead of coding here")
	replicas := fs.Int("replicas", 1, "with --queue: stream replicas when creating the stream")
	force := fs.Bool("force", false, "with --queue: queue documents again that were published in the last 24 hours (new message ids)")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` for inputs that carry none")
	batch := fs.Int("batch", 64, "documents per transaction")
	retryFor := fs.Duration("retry-for", DefaultRetryFor, "keep trying a batch the database refuses for a transient reason (down, restarting, locked) this long (0: never)")
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
		return publish(fs.Args(), ingest.Options{Published: pub, Stdin: stdin, LocalLinks: true}, *queueURL, *replicas, *force, stdout, stderr)
	}
	db, code := openDB("ingest", *dbPath, true, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	db.Dedup = store.Dedup{WindowDays: *days, MaxKm: *maxKm}
	if code := df.check(stderr); code != 0 {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	skippedInputs := 0
	opt := ingest.Options{Published: pub, Stdin: stdin, LocalLinks: true}
	pr := newProgress(stderr, "ingest:")
	// the progress line's total is counted beside the work, which need not
	// wait for it
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		pr.total.Store(countArticles(fs.Args(), opt))
	}()
	firstID := maxEventID(db)
	raw := readAll(fs.Args(), opt, stderr, &skippedInputs)
	// skip documents already stored before coding them
	in := make(chan *annals.Article, 64)
	go func() {
		defer close(in)
		skipStored(ctx, db, raw, in, &pr.skipped)
	}()
	// batches are written on their own goroutine: coding goes on meanwhile
	w := newBatchWriter(*batch, func(docs []*annals.CodedDocument) error {
		var res store.AddResult
		err := retrying(ctx, "ingest", *retryFor, stderr, func() (err error) {
			res, err = db.Add(context.Background(), docs)
			return err
		})
		if err != nil {
			return err
		}
		pr.docs.Add(int64(res.Added))
		pr.skipped.Add(int64(res.Skipped))
		pr.stored.Store(maxEventID(db) - firstID)
		return nil
	})
	notCoded := 0
	// the models are loaded once a document needs coding: a re-ingest of
	// stored documents loads none
	if work, ok := firstThen(in); ok {
		p, code := df.pipeline(stderr)
		if p == nil {
			stop()
			for range work { // the readers end
			}
			w.close()
			return code
		}
		p.Run(work, *workers, time.Now().UTC(), func(r pipeline.Result) {
			defer pr.tick(false)
			if skippedDoc(r, stderr) {
				notCoded++
				return
			}
			if w.Failed() {
				stop() // nothing more is stored: read no further
				return
			}
			pr.coded.Add(int64(len(r.Events)))
			w.add(r.Coded())
		})
	}
	werr := w.close()
	<-counted
	pr.tick(true)
	if werr != nil {
		fmt.Fprintf(stderr, "annals ingest: %v\n", werr)
		return exitFatal
	}
	st, _ := db.Stats(context.Background())
	fmt.Fprintf(stdout, "stored %d new documents and %d new events (of %d coded) in %s; %s now holds %d documents, %d events (%d evidence sentences)\n",
		pr.docs.Load(), max(pr.stored.Load(), 0), pr.coded.Load(), time.Since(pr.start).Round(time.Millisecond), db, st.Documents, st.Events, st.Evidence)
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "annals ingest: interrupted; run the same command again to continue")
		return exitSkipped
	}
	if skippedInputs+notCoded > 0 {
		return exitSkipped
	}
	return exitOK
}

func cmdRecode(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("recode", "recode --db FILE|URL [--actors-dir DIR] [--lexicon-dir DIR]",
		`  annals recode --db events.db                         after upgrading annals
  annals recode --db events.db --actors-dir my-actors/ after editing the dictionaries
`, stderr)
	dbPath := fs.String("db", "", "SQLite `FILE` or PostgreSQL URL (postgres://...) of an existing database")
	batch := fs.Int("batch", 64, "documents per transaction")
	retryFor := fs.Duration("retry-for", DefaultRetryFor, "keep trying a batch the database refuses for a transient reason (down, restarting, locked) this long (0: never)")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	db, code := openDB("recode", *dbPath, false, stderr)
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
	// Every row a recoded document writes is kept until all are recoded,
	// then each event is trimmed to the cap once: trimming batch by batch
	// drops rows for kept ones that a later batch may take away, and an
	// event told by hundreds of documents could be left with a few
	// evidence rows, or none.
	evidenceCap := db.EvidenceCap
	db.EvidenceCap = 0
	in := make(chan *annals.Article, 64)
	var rerr error
	go func() {
		defer close(in)
		rerr = db.Documents(ctx, func(a *annals.Article) error { in <- a; return nil })
	}()
	pr := newProgress(stderr, "recode:")
	pr.total.Store(int64(before.Documents))
	pr.stored.Store(-1) // recoding replaces events: the summary says what changed
	var total store.RecodeResult
	w := newBatchWriter(*batch, func(docs []*annals.CodedDocument) error {
		var res store.RecodeResult
		err := retrying(ctx, "recode", *retryFor, stderr, func() (err error) {
			res, err = db.Replace(ctx, docs)
			return err
		})
		if err != nil {
			return err
		}
		total.Documents += res.Documents
		total.Added += res.Added
		total.Removed += res.Removed
		pr.docs.Add(int64(res.Documents))
		return nil
	})
	p.Run(in, 0, time.Now().UTC(), func(r pipeline.Result) {
		defer pr.tick(false)
		if skippedDoc(r, stderr) {
			return // it keeps the events it had
		}
		pr.coded.Add(int64(len(r.Events)))
		w.add(r.Coded())
	})
	werr := w.close()
	pr.tick(true)
	if werr == nil {
		werr = rerr
	}
	db.EvidenceCap = evidenceCap
	trimmed := 0
	if werr == nil {
		werr = retrying(ctx, "recode", *retryFor, stderr, func() (err error) {
			trimmed, err = db.Prune(ctx)
			return err
		})
	}
	if werr != nil {
		fmt.Fprintf(stderr, "annals recode: %v\n", werr)
		return exitFatal
	}
	after, _ := db.Stats(ctx)
	fmt.Fprintf(stdout, "recoded %d documents: %d event codings added, %d removed; events %d -> %d, evidence %d -> %d (%d events trimmed to %d evidence rows)\n",
		total.Documents, total.Added, total.Removed, before.Events, after.Events, before.Evidence, after.Evidence, trimmed, evidenceCap)
	return exitOK
}

// filterFlags registers the event filters shared by query, export and serve.
type filterFlags struct {
	actor, source, target, dyad, from, to, root, code, place, country, text, mode *string
	quad                                                                          *int
	minConf                                                                       *float64
}

func addFilterFlags(fs interface {
	String(string, string, string) *string
	Int(string, int, string) *int
	Float64(string, float64, string) *float64
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
		place:   fs.String("place", "", "place `NAME`, case-insensitive: that place, or its name and more words (Kharkiv region); NAME* for names that start with NAME"),
		country: fs.String("country", "", "location country (ISO alpha-3)"),
		text:    fs.String("text", "", "full-text search in the evidence sentences"),
		mode:    fs.String("mode", "", "modes, comma-separated (default asserted,intended,reported; 'all' for every mode)"),
		minConf: fs.Float64("min-confidence", 0, "only events with at least this confidence (0 to 1)"),
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
	if c := *ff.minConf; !(c >= 0 && c <= 1) {
		return f, fmt.Errorf("--min-confidence %v: want a number from 0 to 1", c)
	}
	f.MinConfidence = *ff.minConf
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
	fs := newFlags("query", "query --db FILE|URL [filters] [--format table|jsonl|csv]",
		`  annals query --db events.db --dyad PAK,IRN --from 2024-01-01 --to 2024-04-30
  annals query --db events.db --actor AFGGOV --root 19 --format csv > afg.csv
  annals query --db events.db --text "air strike" --country PAK
  annals query --db events.db --mode negated,hypothetical
`, stderr)
	dbPath := fs.String("db", "", "SQLite `FILE` or PostgreSQL URL (postgres://...) of an existing database")
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
	db, code := openDB("query", *dbPath, false, stderr)
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
	fs := newFlags("export", "export --db FILE|URL --format gdelt|plover|csv|jsonl|parquet [-o FILE] [filters]",
		`  annals export --db events.db --format gdelt -o events.tsv      GDELT 2.0's 61 columns
  annals export --db events.db --format plover > events.jsonl     PLOVER JSON lines
  annals export --db events.db --format parquet -o events.parquet --from 2024-01-01
`, stderr)
	dbPath := fs.String("db", "", "SQLite `FILE` or PostgreSQL URL (postgres://...) of an existing database")
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
	if !validFormat(*format) {
		fmt.Fprintf(stderr, "annals export: unknown --format %q (formats: %s)\n", *format, strings.Join(export.Formats, ", "))
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
	db, code := openDB("export", *dbPath, false, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	var opt export.Options
	if *format == "gdelt" {
		if opt.Extra, err = export.LoadExtra(context.Background(), db.SQL()); err != nil {
			fmt.Fprintf(stderr, "annals export: %v\n", err)
			return exitFatal
		}
	}
	w, err := export.New(*format, out, opt)
	if err != nil {
		fmt.Fprintf(stderr, "annals export: %v\n", err)
		return exitFatal
	}
	n := 0
	err = db.Each(context.Background(), f, func(e annals.StoredEvent) error { n++; return w.Write(e) })
	if err == nil {
		err = w.Close()
	}
	if err == nil && tmp != nil {
		// CreateTemp makes the file 0600; an export is for sharing
		if err = tmp.Chmod(0o644); err == nil {
			err = tmp.Close()
		}
		if err == nil {
			err = os.Rename(tmp.Name(), *outPath)
		}
		if err == nil && *format == "csv" {
			err = os.WriteFile(*outPath+".schema.json", export.CSVSchema(), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "annals export: %v\n", err)
		return exitFatal
	}
	if *outPath != "" {
		fmt.Fprintf(stderr, "wrote %d events to %s (%s)\n", n, *outPath, *format)
		if *format == "csv" {
			fmt.Fprintf(stderr, "its column types are in %s.schema.json (CAMEO codes are written C010: drop the C)\n", *outPath)
		}
	}
	return exitOK
}

func validFormat(f string) bool {
	for _, x := range export.Formats {
		if x == f {
			return true
		}
	}
	return false
}

func dirOf(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[:i+1]
	}
	return "."
}

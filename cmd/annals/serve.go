package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/api"
	"github.com/annals-events/annals/internal/demo"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/queue"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/web"
)

// limits are the server's bounds on its work (api.Server's CacheTTL,
// MaxQueries and QueueWait; zero values take api.Server's defaults).
type limits struct {
	cacheTTL   time.Duration
	maxQueries int
	queueWait  time.Duration
}

// serve runs the API and dashboard until interrupted.
func serve(db *store.DB, p *pipeline.Pipeline, addr, token, readToken string, lim limits, ready func(url string), stderr io.Writer) error {
	s := &api.Server{DB: db, Pipeline: p, Token: token, ReadToken: readToken, Web: web.FS(), CacheTTL: lim.cacheTTL, MaxQueries: lim.maxQueries, QueueWait: lim.queueWait,
		Log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	ready("http://" + ln.Addr().String() + "/")
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func cmdServe(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("serve", "serve --db FILE|URL [--addr 127.0.0.1:8080] [--token TOKEN]",
		`  annals serve --db events.db                        dashboard and API on http://127.0.0.1:8080/
  annals serve --db events.db --addr :9000 --token s3cret
  curl -H 'Authorization: Bearer s3cret' --data-binary @news.jsonl http://127.0.0.1:9000/api/v1/documents
`, stderr)
	dbPath := fs.String("db", "", "SQLite `FILE` or PostgreSQL URL (postgres://...) of an existing database")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	embedded := fs.Bool("embedded-queue", false, "also start an embedded NATS JetStream work queue with a worker that stores into --db (binaries built with -tags natsserver)")
	queueAddr := fs.String("queue-addr", "127.0.0.1:4222", "with --embedded-queue: the queue's address")
	cacheTTL := fs.Duration("cache-ttl", 30*time.Second, "keep API responses this long (writes through the API clear them; -1s turns the cache off)")
	token := fs.String("token", os.Getenv("ANNALS_TOKEN"), "bearer token that allows POST /api/v1/documents (default $ANNALS_TOKEN; empty refuses ingestion)")
	readToken := fs.String("read-token", os.Getenv("ANNALS_READ_TOKEN"), "bearer token needed (or --token) to read document text at GET /api/v1/documents/{id} (default $ANNALS_READ_TOKEN; empty: public). Events and their evidence sentences are always public")
	maxQueries := fs.Int("max-queries", 0, "GET computations running at once (0: 8, the store's connections); more wait for a free one")
	queueWait := fs.Duration("queue-wait", 0, "how long a GET waits for a free computation before it is answered 503 busy with Retry-After (0: 1s)")
	pprofAddr := fs.String("pprof-addr", os.Getenv("ANNALS_PPROF_ADDR"), "serve Go's profiles (net/http/pprof, /debug/pprof/) on this separate address, a loopback one such as 127.0.0.1:6060 (default $ANNALS_PPROF_ADDR; empty: off)")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if *pprofAddr != "" {
		_, stop, err := servePprof(*pprofAddr)
		if err != nil {
			fmt.Fprintf(stderr, "annals serve: %v\n", err)
			return exitFatal
		}
		defer stop()
	}
	if *embedded && !queue.EmbeddedAvailable {
		fmt.Fprintf(stderr, "annals serve: --embedded-queue: %v\n", queue.ErrNoEmbedded)
		return exitFatal
	}
	db, code := openDB("serve", *dbPath, false, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	var p *pipeline.Pipeline
	if *token != "" {
		if p, code = df.pipeline(stderr); p == nil {
			return code
		}
	}
	if *embedded {
		stopQueue, err := embeddedQueue(context.Background(), db, df, *queueAddr, stdout, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "annals serve: %v\n", err)
			return exitFatal
		}
		defer stopQueue()
	}
	err := serve(db, p, *addr, *token, *readToken, limits{*cacheTTL, *maxQueries, *queueWait}, func(url string) { fmt.Fprintf(stdout, "annals is serving %s on %s (Ctrl-C to stop)\n", *dbPath, url) }, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "annals serve: %v\n", err)
		return exitFatal
	}
	return exitOK
}

// servePprof serves net/http/pprof's handlers on their own listener at
// addr, apart from the API's mux (which never has them), until stop; at
// is the address it listens on.
func servePprof(addr string) (at string, stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("--pprof-addr %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return ln.Addr().String(), func() { srv.Close() }, nil
}

// demoDB builds the sample database in the user's cache folder, again
// whenever the bundled corpus or annals changes.
func demoDB(p *pipeline.Pipeline, stderr io.Writer) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "annals")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	h := sha256.Sum256(append([]byte(annals.Version), demo.Corpus...))
	path := filepath.Join(dir, "demo-"+hex.EncodeToString(h[:6])+".db")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp := path + ".building"
	os.Remove(tmp)
	db, err := store.Open(tmp)
	if err != nil {
		return "", err
	}
	pr := newProgress(stderr, "building the demo database:")
	pr.total.Store(int64(bytes.Count(demo.Corpus, []byte("\n"))))
	pr.stored.Store(-1) // stored in one transaction at the end
	skipped := 0
	in := readAll([]string{"-"}, ingestOptions(demo.Corpus), stderr, &skipped)
	var docs []*annals.CodedDocument
	p.Run(in, 0, time.Now().UTC(), func(r pipeline.Result) {
		docs = append(docs, r.Coded())
		pr.docs.Add(1)
		pr.coded.Add(int64(len(r.Events)))
		pr.tick(false)
	})
	_, err = db.Add(context.Background(), docs)
	db.Close()
	pr.tick(true)
	if err != nil {
		return "", err
	}
	for _, suf := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suf)
	}
	return path, os.Rename(tmp, path)
}

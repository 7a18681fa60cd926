package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/api"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/queue"
	"github.com/annals-events/annals/internal/store"
)

// publish sends the inputs to the work queue instead of coding them here.
// Articles already in the queue's dedup window (24 hours) are not queued
// twice and are counted as such; force queues them again under new
// message ids.
func publish(paths []string, opt ingest.Options, urls string, replicas int, force bool, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	nc, js, err := queue.Connect(ctx, urls, replicas)
	if err != nil {
		fmt.Fprintf(stderr, "annals ingest: %v\n", err)
		return exitFatal
	}
	defer nc.Close()
	skipped, dups := 0, 0
	stamp := ""
	if force {
		stamp = "force-" + time.Now().UTC().Format("20060102T150405.000000000")
	}
	pr := newProgress(stderr, "publish:")
	var perr error
	ingest.Read(paths, opt, func(a *annals.Article) error {
		dup, err := queue.Publish(ctx, js, a, stamp)
		var big *queue.TooLargeError
		if errors.As(err, &big) {
			skipped++ // one document too large for a message loses only itself
			fmt.Fprintf(stderr, "annals: skipped %v\n", err)
			return nil
		}
		if err != nil {
			perr = fmt.Errorf("publish %s: %w", a.ID, err)
			return perr
		}
		if dup {
			dups++
			return nil
		}
		pr.docs.Add(1)
		pr.tick(false)
		return nil
	}, func(e *ingest.InputError) {
		skipped++
		fmt.Fprintf(stderr, "annals: skipped %v\n", e)
	})
	pr.tick(true)
	if perr != nil {
		fmt.Fprintf(stderr, "annals ingest: %v\n", perr)
		return exitFatal
	}
	fmt.Fprintf(stdout, "published %d documents to %s, already queued: %d; run 'annals worker' to code them\n", pr.docs.Load(), queue.Subject, dups)
	if dups > 0 {
		fmt.Fprintf(stderr, "annals ingest: %d documents were published under the same id in the last 24 hours and were not queued again; --force queues them again\n", dups)
	}
	if skipped > 0 {
		return exitSkipped
	}
	return exitOK
}

func cmdWorker(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("worker", "worker --queue nats://HOST:4222[,nats://...] --db postgres://... [--metrics-addr 127.0.0.1:9101]",
		`  annals worker --queue nats://10.0.0.5:4222 --db postgres://annals@db/annals
  annals worker --queue nats://n1:4222,nats://n2:4222,nats://n3:4222 --db postgres://... --id w1
`, stderr)
	urls := fs.String("queue", "", "NATS server `URLs`, comma-separated")
	dbPath := fs.String("db", "", "store: postgres://... (or a SQLite file for a single worker)")
	id := fs.String("id", "", "worker name (default host-pid)")
	batch := fs.Int("batch", 16, "messages fetched and stored in one transaction")
	ackWait := fs.Duration("ack-wait", 30*time.Second, "redeliver a message not acknowledged within this time")
	metricsAddr := fs.String("metrics-addr", "127.0.0.1:9101", "address for Prometheus metrics (empty: none)")
	replicas := fs.Int("replicas", 1, "stream replicas when creating the streams (3 on a three-node cluster)")
	days := fs.Int("dedup-days", 0, "events up to this many days apart can be the same event")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if *urls == "" {
		fmt.Fprintln(stderr, "annals worker: --queue is required")
		return exitUsage
	}
	db, code := openDB("worker", *dbPath, true, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	db.Dedup.WindowDays = *days
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	nc, js, err := queue.Connect(ctx, *urls, *replicas)
	if err != nil {
		fmt.Fprintf(stderr, "annals worker: %v\n", err)
		return exitFatal
	}
	defer nc.Close()
	if *id == "" {
		h, _ := os.Hostname()
		*id = fmt.Sprintf("%s-%d", h, os.Getpid())
	}
	w := &queue.Worker{JS: js, DB: db, Pipeline: p, ID: *id, Batch: *batch, AckWait: *ackWait, Replicas: *replicas, Logf: func(format string, args ...any) {
		fmt.Fprintf(stderr, "worker %s: %s\n", *id, fmt.Sprintf(format, args...))
	}}
	if *metricsAddr != "" {
		set := metrics.NewSet()
		stored := set.NewCounter(`annals_worker_documents_total{result="stored"}`)
		failed := set.NewCounter(`annals_worker_documents_total{result="failed"}`)
		dead := set.NewCounter(`annals_worker_documents_total{result="dead"}`)
		lat := set.NewPrometheusHistogram("annals_worker_document_seconds")
		w.OnDone = func(ok, isDead bool, d time.Duration) {
			switch {
			case ok:
				stored.Inc()
			case isDead:
				dead.Inc()
			default:
				failed.Inc()
			}
			lat.Update(d.Seconds())
		}
		srv := &http.Server{Addr: *metricsAddr, Handler: api.MetricsHandler(set), ReadHeaderTimeout: 5 * time.Second}
		go func() {
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				fmt.Fprintf(stderr, "annals worker: metrics: %v\n", err)
			}
		}()
		defer srv.Close()
	}
	fmt.Fprintf(stdout, "worker %s: consuming %s into %s\n", *id, queue.Subject, db)
	if err := w.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "annals worker: %v\n", err)
		return exitFatal
	}
	fmt.Fprintf(stdout, "worker %s: stopped after draining its batch\n", *id)
	return exitOK
}

func cmdQueue(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("queue", "queue replay --queue nats://HOST:4222[,nats://...] [--limit N]",
		`  annals queue replay --queue nats://127.0.0.1:4222        queue every dead letter again
  annals queue replay --queue nats://n1:4222 --limit 10
`, stderr)
	urls := fs.String("queue", "", "NATS server `URLs`, comma-separated")
	limit := fs.Int("limit", 0, "replay at most this many dead letters, oldest first (0: all)")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if len(fs.Args()) != 1 || fs.Arg(0) != "replay" {
		fmt.Fprintf(stderr, "annals queue: want the subcommand 'replay', got %q\n", strings.Join(fs.Args(), " "))
		return exitUsage
	}
	if *urls == "" {
		fmt.Fprintln(stderr, "annals queue replay: --queue is required")
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	nc, js, err := queue.Connect(ctx, *urls, 1)
	if err != nil {
		fmt.Fprintf(stderr, "annals queue replay: %v\n", err)
		return exitFatal
	}
	defer nc.Close()
	n, err := queue.Replay(ctx, js, *limit)
	fmt.Fprintf(stdout, "replayed %d dead letters from %s to %s\n", n, queue.DeadSubj, queue.Subject)
	if err != nil {
		fmt.Fprintf(stderr, "annals queue replay: %v\n", err)
		return exitFatal
	}
	return exitOK
}

func cmdStatus(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("status", "status --queue nats://HOST:4222 [--json]",
		`  annals status --queue nats://127.0.0.1:4222
  annals status --queue nats://n1:4222 --json | jq .pending
`, stderr)
	urls := fs.String("queue", "", "NATS server `URLs`, comma-separated")
	asJSON := fs.Bool("json", false, "print JSON")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if *urls == "" {
		fmt.Fprintln(stderr, "annals status: --queue is required")
		return exitUsage
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	nc, js, err := queue.Connect(ctx, *urls, 1)
	if err != nil {
		fmt.Fprintf(stderr, "annals status: %v\n", err)
		return exitFatal
	}
	defer nc.Close()
	st, err := queue.GetStatus(ctx, js)
	if err != nil {
		fmt.Fprintf(stderr, "annals status: %v\n", err)
		return exitFatal
	}
	if *asJSON {
		json.NewEncoder(stdout).Encode(st)
		return exitOK
	}
	fmt.Fprintf(stdout, "queue %s: %d documents waiting, %d in flight, %d redelivered, %d dead letters\n", queue.Subject, st.Pending, st.InFlight, st.Redelivered, st.Dead)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WORKER\tHOST\tLAST SEEN\tSTORED\tFAILED\tDEAD\tRATE/s")
	for _, w := range st.Workers {
		rate := float64(w.Processed) / max(1, w.LastSeen.Sub(w.Started).Seconds())
		seen := time.Since(w.LastSeen).Round(time.Second).String() + " ago"
		if w.Stopping {
			seen += " (stopped)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%.1f\n", w.ID, w.Host, seen, w.Processed, w.Failed, w.Dead, rate)
	}
	tw.Flush()
	return exitOK
}

// embeddedQueue starts a JetStream server in process and a worker that
// stores into db, for a single-machine setup.
func embeddedQueue(ctx context.Context, db *store.DB, df dictFlags, addr string, stdout, stderr io.Writer) (func(), error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "annals", "jetstream")
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--queue-addr %q: %w", addr, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, fmt.Errorf("--queue-addr %q: bad port", addr)
	}
	srv, url, err := queue.Embedded(host, port, dir)
	if err != nil {
		return nil, err
	}
	p, code := df.pipeline(stderr)
	if p == nil {
		srv.Shutdown()
		return nil, fmt.Errorf("load dictionaries (exit %d)", code)
	}
	nc, js, err := queue.Connect(ctx, url, 1)
	if err != nil {
		srv.Shutdown()
		return nil, err
	}
	wctx, cancel := context.WithCancel(ctx)
	w := &queue.Worker{JS: js, DB: db, Pipeline: p, ID: "embedded"}
	done := make(chan struct{})
	go func() { w.Run(wctx); close(done) }()
	fmt.Fprintf(stdout, "embedded JetStream queue on %s: annals ingest --queue %s PATH...\n", url, url)
	return func() { cancel(); <-done; nc.Close(); srv.Shutdown() }, nil
}

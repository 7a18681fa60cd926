// Command gendb builds a realistic benchmark database of N events quickly
// and deterministically, without coding any text (see internal/store/gendata):
//
//	go run ./tools/gendb -n 1000000 -db /tmp/big.db
//	go run ./tools/gendb -n 1000000 -db 'postgres://annals:annals@127.0.0.1:5432/big?sslmode=disable'
//
// The store must be empty; the same -n and -seed always make the same rows,
// with -bulk (the default: indexes made after the load) or without.
// The store's derived tables (place names, summaries) are rebuilt after.
package main

import (
	"context"
	"flag"
	"log"
	"time"

	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/gendata"
)

func main() {
	n := flag.Int("n", 100000, "events to make")
	dsn := flag.String("db", "", "SQLite file or postgres:// URL (an empty store)")
	seed := flag.Int64("seed", 1, "random seed")
	bulk := flag.Bool("bulk", true, "drop the loaded tables' secondary indexes and make them again after the load (the same rows, sooner)")
	flag.Parse()
	if *dsn == "" {
		log.Fatal("gendb: -db is required")
	}
	start := time.Now()
	db, err := store.Open(*dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if db.Name() == "sqlite" {
		// for the build only: one connection, so these settings hold for
		// every statement; a crash mid-build leaves a file to throw away
		db.SQL().SetMaxOpenConns(1)
		for _, p := range []string{"PRAGMA synchronous=OFF", "PRAGMA cache_size=-4000000", "PRAGMA temp_store=MEMORY"} {
			if _, err := db.SQL().ExecContext(ctx, p); err != nil {
				log.Fatal(err)
			}
		}
	}
	gen := gendata.Generate
	if *bulk {
		gen = gendata.GenerateBulk
	}
	if err := gen(ctx, db.SQL(), db.Name(), *n, *seed); err != nil {
		log.Fatal(err)
	}
	// the rows went around the store: its place names and summaries
	// are made from them now
	log.Printf("gendb: %d events written in %s; rebuilding the derived tables", *n, time.Since(start).Round(time.Millisecond))
	if err := db.Rebuild(ctx); err != nil {
		log.Fatal(err)
	}
	// the planner's statistics of the derived tables too (PostgreSQL
	// reads a dense word's first page 5x slower without event_fts's)
	if _, err := db.SQL().ExecContext(ctx, `ANALYZE`); err != nil {
		log.Fatal(err)
	}
	log.Printf("gendb: %d events in %s", *n, time.Since(start).Round(time.Millisecond))
}

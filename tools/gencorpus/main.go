// Command gencorpus writes N synthetic wire-style articles as JSON lines,
// for load tests and throughput measurements:
//
//	go run ./tools/gencorpus -n 10000 > corpus.jsonl
package main

import (
	"bufio"
	"flag"
	"log"
	"os"

	"github.com/annals-events/annals/internal/corpus"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	seed := flag.Int64("seed", 7, "random seed")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	if err := corpus.Generate(w, *n, *seed); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}

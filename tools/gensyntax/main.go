// Command gensyntax trains the syntax stage's model (tagger, lemmatizer
// and dependency parser, see internal/syntax) on a Universal Dependencies
// treebank and writes the model file that internal/syntax embeds.
//
// Usage (paths relative to the repository root):
//
//	go run ./tools/gensyntax -train ../shared/ud/en_ewt-ud-train.conllu.gz \
//	    -dev ../shared/ud/en_ewt-ud-dev.conllu.gz -out internal/syntax/model/syntax.bin.gz
//
// Training is deterministic: the same treebank and options give the same
// bytes. With -dev it reports scores on the dev set; -test reports them on
// a test set (use once, never to tune).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/annals-events/annals/internal/syntax"
	"github.com/annals-events/annals/internal/syntax/conllu"
)

func main() {
	log.SetFlags(0)
	o := syntax.DefaultTrainOptions
	train := flag.String("train", "../shared/ud/en_ewt-ud-train.conllu.gz", "training treebank `FILE` (CoNLL-U, gzip or plain)")
	dev := flag.String("dev", "", "development treebank `FILE` to score the model on")
	test := flag.String("test", "", "test treebank `FILE` to score the model on")
	out := flag.String("out", "internal/syntax/model/syntax.bin.gz", "output model `FILE`")
	meta := flag.String("meta", "UD English EWT (UD_English-EWT commit 15d613d8447b3478787d4c278730a1e48a945efb), CC BY-SA 4.0; Silveira et al. 2014 and the UD English EWT contributors", "description stored in the model")
	flag.IntVar(&o.TaggerEpochs, "tagger-epochs", o.TaggerEpochs, "tagger epochs")
	flag.IntVar(&o.ParserEpochs, "parser-epochs", o.ParserEpochs, "parser epochs")
	flag.IntVar(&o.Folds, "folds", o.Folds, "jackknife folds for the parser's training tags (1: gold tags)")
	flag.IntVar(&o.MinQ, "minq", o.MinQ, "prune weights under this magnitude (int16 scale)")
	flag.IntVar(&o.MinUpdates, "min-updates", o.MinUpdates, "prune parser features updated fewer times")
	flag.Float64Var(&o.Explore, "explore", o.Explore, "error exploration probability")
	flag.IntVar(&o.Workers, "workers", o.Workers, "goroutines for the jackknife")
	devEvery := flag.Int("dev-every", 0, "score -dev every `N` parser epochs while training")
	prune := flag.String("prune", "", "instead of training, prune the weights of model `FILE` under -minq and write -out")
	flag.Parse()
	o.Meta = *meta
	o.Log = os.Stderr

	var model []byte
	if *prune != "" {
		old, err := os.ReadFile(*prune)
		if err != nil {
			log.Fatal(err)
		}
		if model, err = syntax.Prune(old, o.MinQ); err != nil {
			log.Fatal(err)
		}
		log.Printf("gensyntax: pruned %d bytes to %d", len(old), len(model))
	} else {
		sents, err := conllu.ReadFile(*train)
		if err != nil {
			log.Fatal(err)
		}
		if *dev != "" && *devEvery > 0 {
			if o.Dev, err = conllu.ReadFile(*dev); err != nil {
				log.Fatal(err)
			}
			o.DevEvery = *devEvery
		}
		start := time.Now()
		model, err = syntax.Train(sents, o)
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("gensyntax: trained in %v, model %d bytes", time.Since(start).Round(time.Second), len(model))
	}
	if err := os.WriteFile(*out, model, 0o644); err != nil {
		log.Fatal(err)
	}
	t0 := time.Now()
	p, err := syntax.Load(model)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("gensyntax: model loads in %v", time.Since(t0).Round(time.Millisecond))
	for _, f := range []struct{ name, path string }{{"dev", *dev}, {"test", *test}} {
		if f.path == "" {
			continue
		}
		gold, err := conllu.ReadFile(f.path)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %v\n", f.name, syntax.Evaluate(p, gold, false))
		fmt.Printf("%s (gold tags): %v\n", f.name, syntax.Evaluate(p, gold, true))
	}
}

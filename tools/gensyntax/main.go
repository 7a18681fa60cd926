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
	"io"
	"log"
	"os"
	"time"

	"github.com/annals-events/annals/internal/syntax"
	"github.com/annals-events/annals/internal/syntax/conllu"
)

func main() {
	log.SetFlags(0)
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gensyntax", flag.ContinueOnError)
	fs.SetOutput(stderr)
	log := log.New(stderr, "", 0)
	o := syntax.DefaultTrainOptions
	train := fs.String("train", "../shared/ud/en_ewt-ud-train.conllu.gz", "training treebank `FILE` (CoNLL-U, gzip or plain)")
	dev := fs.String("dev", "", "development treebank `FILE` to score the model on")
	test := fs.String("test", "", "test treebank `FILE` to score the model on")
	out := fs.String("out", "internal/syntax/model/syntax.bin.gz", "output model `FILE`")
	meta := fs.String("meta", "UD English EWT (UD_English-EWT commit 15d613d8447b3478787d4c278730a1e48a945efb), CC BY-SA 4.0; Silveira et al. 2014 and the UD English EWT contributors", "description stored in the model")
	fs.IntVar(&o.TaggerEpochs, "tagger-epochs", o.TaggerEpochs, "tagger epochs")
	fs.IntVar(&o.ParserEpochs, "parser-epochs", o.ParserEpochs, "parser epochs")
	fs.IntVar(&o.Folds, "folds", o.Folds, "jackknife folds for the parser's training tags (1: gold tags)")
	fs.IntVar(&o.AmbFolds, "amb-folds", o.AmbFolds, "train the tagger on ambiguity classes built without the sentence's fold (0: off)")
	fs.BoolVar(&o.FoldLexicon, "fold-lexicon", o.FoldLexicon, "build each jackknife fold's ambiguity lexicon without the fold")
	fs.BoolVar(&o.TwoPass, "two-pass", o.TwoPass, "train a second tagger pass over the first pass's tags")
	fs.IntVar(&o.TaggerMinQ, "tagger-minq", o.TaggerMinQ, "prune the taggers' weights under this magnitude")
	fs.IntVar(&o.MinQ, "minq", o.MinQ, "prune weights under this magnitude (int16 scale)")
	fs.IntVar(&o.MinUpdates, "min-updates", o.MinUpdates, "prune parser features updated fewer times")
	fs.Float64Var(&o.Explore, "explore", o.Explore, "error exploration probability")
	fs.IntVar(&o.Beam, "beam", o.Beam, "train the parser for beam search of this width (1: greedy)")
	fs.IntVar(&o.Workers, "workers", o.Workers, "goroutines for the jackknife")
	devEvery := fs.Int("dev-every", 0, "score -dev every `N` parser epochs while training")
	prune := fs.String("prune", "", "instead of training, prune the weights of model `FILE` under -minq and write -out")
	relemma := fs.String("relemma", "", "instead of training, retrain only the lemmatizer of model `FILE` on -train and write -out")
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.Meta = *meta
	o.Log = stderr

	var model []byte
	if *relemma != "" {
		old, err := os.ReadFile(*relemma)
		if err != nil {
			return err
		}
		sents, err := conllu.ReadFile(*train)
		if err != nil {
			return err
		}
		if model, err = syntax.Relemmatize(old, sents); err != nil {
			return err
		}
	} else if *prune != "" {
		old, err := os.ReadFile(*prune)
		if err != nil {
			return err
		}
		if model, err = syntax.Prune(old, o.MinQ); err != nil {
			return err
		}
		log.Printf("gensyntax: pruned %d bytes to %d", len(old), len(model))
	} else {
		sents, err := conllu.ReadFile(*train)
		if err != nil {
			return err
		}
		if *dev != "" && *devEvery > 0 {
			if o.Dev, err = conllu.ReadFile(*dev); err != nil {
				return err
			}
			o.DevEvery = *devEvery
		}
		start := time.Now()
		model, err = syntax.Train(sents, o)
		if err != nil {
			return err
		}
		log.Printf("gensyntax: trained in %v, model %d bytes", time.Since(start).Round(time.Second), len(model))
	}
	if err := os.WriteFile(*out, model, 0o644); err != nil {
		return err
	}
	t0 := time.Now()
	p, err := syntax.Load(model)
	if err != nil {
		return err
	}
	log.Printf("gensyntax: model loads in %v", time.Since(t0).Round(time.Millisecond))
	for _, f := range []struct{ name, path string }{{"dev", *dev}, {"test", *test}} {
		if f.path == "" {
			continue
		}
		gold, err := conllu.ReadFile(f.path)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %v\n", f.name, syntax.Evaluate(p, gold, false))
		fmt.Fprintf(stdout, "%s (gold tags): %v\n", f.name, syntax.Evaluate(p, gold, true))
	}
	return nil
}

// Package syntax is the syntax stage of annals: a pure-Go part-of-speech
// tagger, lemmatizer and dependency parser trained on the Universal
// Dependencies English Web Treebank (UD_English-EWT).
//
// For the tokens of one sentence, Parser.Parse predicts the Penn Treebank
// tag (annals.Token.Tag), the universal part of speech (UPOS), the lemma,
// the head (an index into the same slice, -1 for the root) and the UD v2
// relation with its EWT subtype (nsubj:pass, obl:tmod, acl:relcl, ...).
//
// The models are averaged perceptrons over hashed features (tagger.go,
// parser.go): a greedy left-to-right tagger with a tag dictionary for
// frequent unambiguous words, a small UPOS classifier over the predicted
// XPOS tags, and a greedy arc-hybrid parser trained with a dynamic oracle
// and error exploration (oracle.go), whose relation is chosen by a
// separate classifier once an arc is made. Lemmas come from rules and
// exceptions learned from the treebank (lemma.go). The model file format
// is documented in model.go; tools/gensyntax trains it (Train in
// train.go) and the result is embedded (model/syntax.bin.gz, licence in
// model/LICENSE).
//
// Inference is bound by memory: a sentence looks up several thousand
// feature rows in tables of tens of megabytes. The tables (classifier.go)
// keep a feature's weights in its hash slot (three for the transition
// classifier; up to three entries, else a reference to a dense or sparse
// rest, for the others), load the home slots of a batch of features in
// a loop of loads alone and compare keys without data-dependent
// branches; scores are summed in pairs of int32 held in one int64. The
// tagger caches, per word form, the sums of the features of the word
// alone (ownFeatures) in the pooled scratch; the greedy parser keeps,
// per word, the sums of the features of b0 and of s0 with their
// children while those children stay the same (parsecache.go). All sums
// are exact integer arithmetic, so none of this changes a prediction:
// testdata/golden_dev.txt.gz pins the output over EWT dev and the news
// sentences (golden_test.go).
//
// Use:
//
//	p, err := syntax.Default() // the embedded model, loaded once
//	...
//	p.Parse(toks) // toks: one sentence's []annals.Token with Text (and Lower)
//	for i, t := range toks {
//		// t.Tag "NNS", t.UPOS "NOUN", t.Lemma "troop", t.Rel "nsubj",
//		// t.Head: index of the head in toks, -1 for the root
//	}
//
// Parse does not allocate beyond pooled scratch, except for the lemma of
// a word the treebank lacks whose lemma is not a prefix of the word
// ("ponies" -> "pony"), and for strings.ToLower when Lower is empty. Tag
// runs the tagger and lemmatizer only; ParseTagged parses tokens whose
// Tag and UPOS are already set (gold tags).
//
// Evaluate (eval.go) scores a parser against gold CoNLL-U sentences the
// way the CoNLL 2018 shared task script does on gold tokenization.
package syntax

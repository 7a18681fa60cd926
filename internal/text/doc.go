// Package text is the front-end of the pipeline: it cuts an article into
// sentences and tokens that carry byte spans into the original text, tags
// each token with a Penn Treebank part of speech, and lemmatizes it.
//
// The tagger is the averaged perceptron that github.com/jdkato/prose/v2
// ships (a port of TextBlob's tagger); tools/gentagger compiles prose's
// model into model/tagger.bin, embedded here and read once per process into
// flat tables (15 ms), so that annals does not link prose and tagging costs
// no allocation per token. Lemmas come from
// github.com/aaaton/golem/v4. Later stages never re-tokenize: they work on
// the annals.Doc this package returns.
//
// With ANNALS_TAGGER=syntax in the environment, tags and lemmas come
// from the syntax stage's tagger and lemmatizer instead (parse.go maps
// EWT's conventions to the Penn Treebank's that the coder reads, and
// FrontEnd.Lemma lemmatizes the coder's lexicon the same way). That is
// meant to become the only tagger; it is not the default yet because
// five rows of the coder's regression suite (internal/coder/testdata/
// sentences.tsv) fail with it, each on a tagging error of the syntax
// stage on news ("Hungary/JJ faces/NNS", "leftist/NN rebels", "resisted
// imposing/JJ", "arms control/VBP treaty") or on a coder rule that reads a
// tag ("fishermen, held/VBN captive" coded as an arrest), while the
// coder's development and held-out figures hold within noise.
package text

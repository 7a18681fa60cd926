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
package text

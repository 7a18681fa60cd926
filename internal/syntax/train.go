package syntax

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/annals-events/annals/internal/syntax/conllu"
)

// TrainOptions sets up Train. Zero fields take the defaults in
// DefaultTrainOptions.
type TrainOptions struct {
	TaggerEpochs int // passes of the tagger over the training set
	UPOSEpochs   int // passes of the UPOS classifier
	ParserEpochs int // passes of the parser
	Folds        int // jackknife folds for the parser's training tags; 1: gold tags
	// FoldLexicon builds each fold's ambiguity lexicon without the
	// held-out sentences, so that the jackknifed tags (95.8% right on
	// EWT train, against 96.3% with the shared lexicon) are as good as
	// tags of new text are (94.6% on dev), not better.
	FoldLexicon bool
	// AmbFolds > 1 trains the tagger on ambiguity classes built without
	// the sentence's own fold (k % AmbFolds), so that the tagger learns
	// how far a rare word's class can be trusted on new text instead of
	// a class that always holds the gold tag. The model keeps the class
	// built from all the sentences.
	AmbFolds int
	// TwoPass adds a second tagger pass that reads the first pass's tags
	// of the words to the right.
	TwoPass     bool
	Explore     float64 // probability of following a wrong prediction
	ExploreFrom int     // first parser epoch (from 0) that explores
	DictMin     int     // minimum count of a word in the tag dictionary
	DictPurity  float64 // minimum share of its most frequent tag
	MinQ        int     // weights under this (int16 scale) are pruned
	TaggerMinQ  int     // the same for the taggers and the UPOS classifier
	MinUpdates  int     // parser features updated fewer times are pruned
	// Beam > 1 trains the parser for beam search of that width
	// (beam.go) instead of greedy parsing with the dynamic oracle.
	Beam    int
	Seed    uint64
	Workers int    // goroutines for the jackknife folds
	Meta    string // stored in the model
	// Dev, when set, is scored every DevEvery parser epochs (for tuning;
	// it does not change the model).
	Dev      []conllu.Sentence
	DevEvery int
	Log      io.Writer
}

// DefaultTrainOptions are the options the shipped model was trained with.
var DefaultTrainOptions = TrainOptions{
	TaggerEpochs: 8, UPOSEpochs: 5, ParserEpochs: 15, Folds: 5,
	FoldLexicon: true, AmbFolds: 5, TwoPass: true, TaggerMinQ: 800,
	Explore: 0.9, ExploreFrom: 1, DictMin: 20, DictPurity: 0.99,
	MinQ: 400, MinUpdates: 2, Seed: 1, Workers: 2,
}

func (o *TrainOptions) defaults() {
	d := DefaultTrainOptions
	if o.TaggerEpochs == 0 {
		o.TaggerEpochs = d.TaggerEpochs
	}
	if o.UPOSEpochs == 0 {
		o.UPOSEpochs = d.UPOSEpochs
	}
	if o.ParserEpochs == 0 {
		o.ParserEpochs = d.ParserEpochs
	}
	if o.Folds == 0 {
		o.Folds = d.Folds
	}
	if o.DictMin == 0 {
		o.DictMin = d.DictMin
	}
	if o.DictPurity == 0 {
		o.DictPurity = d.DictPurity
	}
	if o.MinUpdates == 0 {
		o.MinUpdates = d.MinUpdates
	}
	if o.MinQ == 0 {
		o.MinQ = d.MinQ
	}
	if o.TaggerMinQ == 0 {
		o.TaggerMinQ = o.MinQ
	}
	if o.Workers == 0 {
		o.Workers = d.Workers
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// tsent is a training sentence.
type tsent struct {
	forms, lowers, lemmas []string
	lx                    []lex
	xpos, upos            []int   // gold
	heads                 []int32 // gold, projectivized, n for the root
	rels                  []int32
	predX, predU          []int // predicted tags the parser trains on
	p1                    []int // first-pass tags the second pass trains on
}

func vocab(sents []conllu.Sentence, col func(*conllu.Word) string) []string {
	set := map[string]bool{}
	for i := range sents {
		for j := range sents[i].Words {
			set[col(&sents[i].Words[j])] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func index(ss []string) map[string]int {
	m := make(map[string]int, len(ss))
	for i, s := range ss {
		m[s] = i
	}
	return m
}

// Train trains a model on the sentences and returns the model file.
func Train(sents []conllu.Sentence, o TrainOptions) ([]byte, error) {
	o.defaults()
	if len(sents) == 0 {
		return nil, errors.New("syntax: no training sentences")
	}
	if o.Beam > maxBeam {
		return nil, fmt.Errorf("syntax: beam width %d over the limit of %d", o.Beam, maxBeam)
	}
	start := time.Now()
	d := &modelData{meta: o.Meta}
	d.xpos = vocab(sents, func(w *conllu.Word) string { return w.XPOS })
	d.upos = vocab(sents, func(w *conllu.Word) string { return w.UPOS })
	d.rels = vocab(sents, func(w *conllu.Word) string { return w.Deprel })
	if i := sort.SearchStrings(d.rels, "root"); i == len(d.rels) || d.rels[i] != "root" {
		d.rels = append(d.rels, "root")
		sort.Strings(d.rels)
	}
	if len(d.xpos) > 255 || len(d.upos) > 255 || len(d.rels) > 64 {
		return nil, fmt.Errorf("syntax: tag sets too large (%d xpos, %d upos, %d rels)", len(d.xpos), len(d.upos), len(d.rels))
	}
	xi, ui, ri := index(d.xpos), index(d.upos), index(d.rels)
	rootID := int32(ri["root"])
	ts := make([]*tsent, len(sents))
	var buf []byte
	for k := range sents {
		ws := sents[k].Words
		n := len(ws)
		t := &tsent{forms: make([]string, n), lowers: make([]string, n), lemmas: make([]string, n),
			lx: make([]lex, n), xpos: make([]int, n), upos: make([]int, n), rels: make([]int32, n)}
		raw := make([]int32, n)
		for j := range ws {
			w := &ws[j]
			t.forms[j] = w.Form
			buf = makeLex(&t.lx[j], w.Form, buf)
			t.lowers[j] = strings.ToLower(w.Form)
			t.lemmas[j] = w.Lemma
			t.xpos[j], t.upos[j], t.rels[j] = xi[w.XPOS], ui[w.UPOS], int32(ri[w.Deprel])
			h := int32(w.Head - 1)
			if w.Head <= 0 {
				h = int32(n)
				t.rels[j] = rootID
			}
			raw[j] = h
		}
		t.heads = projectivize(raw)
		ts[k] = t
	}
	fmt.Fprintf(o.Log, "syntax: %d sentences, %d xpos, %d upos, %d relations\n", len(ts), len(d.xpos), len(d.upos), len(d.rels))

	// Ambiguity lexicon: the tags each lowercase form (seen 3 times or
	// more) takes, as a feature for the tagger.
	past := pastPair{xi["VBD"], xi["VBN"], len(d.xpos) > 0 && d.xpos[xi["VBD"]] == "VBD" && d.xpos[xi["VBN"]] == "VBN"}
	d.ambKeys, d.ambVals = ambLexicon(ts, -1, 1, past)
	setAmb(ts, d.ambKeys, d.ambVals)
	// XPOS tags that decide the UPOS.
	xu := make([]map[int]int, len(d.xpos))
	for _, t := range ts {
		for j := range t.xpos {
			if xu[t.xpos[j]] == nil {
				xu[t.xpos[j]] = map[int]int{}
			}
			xu[t.xpos[j]][t.upos[j]]++
		}
	}
	d.uposOf = make([]uint8, len(d.xpos))
	for x, m := range xu {
		d.uposOf[x] = 255
		total, best, bestN := 0, 0, -1
		for u, c := range m {
			total += c
			if c > bestN || c == bestN && u < best {
				best, bestN = u, c
			}
		}
		if float64(bestN) >= 0.999*float64(total) {
			d.uposOf[x] = uint8(best)
		}
	}

	// Tag dictionary: frequent forms with one dominant tag.
	type fc struct {
		n    int
		tags map[int]int
	}
	forms := map[uint64]*fc{}
	for _, t := range ts {
		for j := range t.forms {
			f := forms[t.lx[j].form]
			if f == nil {
				f = &fc{tags: map[int]int{}}
				forms[t.lx[j].form] = f
			}
			f.n++
			f.tags[t.xpos[j]]++
		}
	}
	var dictKeys []uint64
	for k, f := range forms {
		if f.n < o.DictMin {
			continue
		}
		for _, c := range f.tags {
			if float64(c) >= o.DictPurity*float64(f.n) {
				dictKeys = append(dictKeys, k)
			}
		}
	}
	sort.Slice(dictKeys, func(a, b int) bool { return dictKeys[a] < dictKeys[b] })
	for _, k := range dictKeys {
		best, bestN := 0, -1
		for tg, c := range forms[k].tags {
			if c > bestN || c == bestN && tg < best {
				best, bestN = tg, c
			}
		}
		d.dictTags = append(d.dictTags, uint8(best))
	}
	d.dictKeys = dictKeys
	dict := newHashIndex(dictKeys)
	fmt.Fprintf(o.Log, "syntax: tag dictionary of %d forms\n", len(dictKeys))

	// Jackknife: tags for the parser's training data from taggers that
	// did not see the sentence.
	nx := len(d.xpos)
	rule := newClauseRule(d.xpos)
	if o.Folds > 1 {
		// jackknife tags every sentence with a tagger trained on the other
		// folds (second: the second pass, reading the first pass's tags).
		// With FoldLexicon, the fold's tagger sees an ambiguity lexicon
		// built without the held-out sentences, as a tagger on new text
		// would.
		jackknife := func(seed uint64, second bool) {
			forFolds(o.Folds, o.Workers, func(f int) {
				folded := foldLexicon(ts, f, o, past)
				var part []*tsent
				for k, t := range folded {
					if k%o.Folds != f {
						part = append(part, t)
					}
				}
				c := classifierOf(nx, trainTagger(part, &dict, d.dictTags, nx, o.TaggerEpochs, seed+uint64(f), second).export(1, 1))
				for k, t := range folded {
					if k%o.Folds == f {
						var p1 []int
						if second {
							p1 = t.p1
						}
						ts[k].predX = make([]int, len(t.forms))
						tagWith(c, &dict, d.dictTags, rule, t.lx, ts[k].predX, p1, nil, make([]int32, nx))
					}
				}
			})
		}
		jackknife(o.Seed+1, false)
		fmt.Fprintf(o.Log, "syntax: jackknifed XPOS accuracy %.2f%% (%v)\n", tagAccuracy(ts), time.Since(start).Round(time.Second))
		if o.TwoPass {
			// the second pass trains on the first's jackknifed tags;
			// its own jackknife gives the parser's training tags
			for _, t := range ts {
				t.p1 = t.predX
			}
			jackknife(o.Seed+101, true)
			fmt.Fprintf(o.Log, "syntax: jackknifed second-pass XPOS accuracy %.2f%% (%v)\n", tagAccuracy(ts), time.Since(start).Round(time.Second))
		}
	} else {
		for _, t := range ts {
			t.predX = t.xpos
			t.p1 = t.xpos
		}
	}
	if o.AmbFolds > 1 {
		setAmbFolded(ts, o.AmbFolds, past)
	}
	tagger := trainTagger(ts, &dict, d.dictTags, nx, o.TaggerEpochs, o.Seed, false)
	d.classifiers[0], d.classes[0] = tagger.export(o.TaggerMinQ, 1), nx
	d.classes[4] = nx
	if o.TwoPass {
		tagger2 := trainTagger(ts, &dict, d.dictTags, nx, o.TaggerEpochs, o.Seed+100, true)
		d.classifiers[4] = tagger2.export(o.TaggerMinQ, 1)
	}
	setAmb(ts, d.ambKeys, d.ambVals)
	fmt.Fprintf(o.Log, "syntax: tagger trained (%v)\n", time.Since(start).Round(time.Second))

	up := trainUPOS(ts, d.uposOf, len(d.upos), o.UPOSEpochs, o.Seed)
	d.classifiers[1], d.classes[1] = up.export(o.TaggerMinQ, 1), len(d.upos)
	uc := classifierOf(len(d.upos), up.export(1, 1)) // unpruned, so MinQ only prunes the shipped weights
	scores := make([]int32, 256)
	for _, t := range ts {
		if o.Folds > 1 {
			t.predU = make([]int, len(t.forms))
			uposWith(uc, d.uposOf, len(d.upos), t.lx, t.predX, t.predU, nil, scores)
		} else {
			t.predU = t.upos
		}
	}

	d.lemmatize(sents)
	fmt.Fprintf(o.Log, "syntax: lemmatizer: %d exceptions, %d rules\n", len(d.excKeys), len(d.ruleKeys))

	var hook func(ep int, trans, label *perceptron)
	if len(o.Dev) > 0 && o.DevEvery > 0 {
		hook = func(ep int, trans, label *perceptron) {
			if (ep+1)%o.DevEvery != 0 && ep+1 != o.ParserEpochs {
				return
			}
			dd := *d
			dd.classifiers[2], dd.classes[2] = trans.export(o.MinQ, o.MinUpdates), nActions
			dd.classifiers[3], dd.classes[3] = label.export(o.MinQ, o.MinUpdates), len(d.rels)
			p := newParser(buildModel(&dd))
			fmt.Fprintf(o.Log, "syntax: after parser epoch %d, dev: %v\n", ep+1, Evaluate(p, o.Dev, false))
		}
	}
	var trans, label *perceptron
	if o.Beam > 1 {
		d.beam = o.Beam
		trans, label = trainParserBeam(ts, len(d.rels), rootID, o, hook)
	} else {
		trans, label = trainParser(ts, len(d.rels), rootID, o, hook)
	}
	d.classifiers[2], d.classes[2] = trans.export(o.MinQ, o.MinUpdates), nActions
	d.classifiers[3], d.classes[3] = label.export(o.MinQ, o.MinUpdates), len(d.rels)
	for c, name := range []string{"tagger", "upos", "transitions", "labels", "second tagger"} {
		nw := 0
		for _, r := range d.classifiers[c] {
			nw += len(r.ents)
		}
		fmt.Fprintf(o.Log, "syntax: %s: %d features, %d weights\n", name, len(d.classifiers[c]), nw)
	}
	fmt.Fprintf(o.Log, "syntax: trained in %v\n", time.Since(start).Round(time.Second))
	return d.encode()
}

// pastPair holds the ids of VBD and VBN (ok false when the tag set has
// no such tags).
type pastPair struct {
	vbd, vbn int
	ok       bool
}

// ambLexicon builds the ambiguity lexicon from the sentences k with
// k%folds != skip (all of them when skip < 0): for each lowercase form
// seen at least 3 times, a hash of the set of tags that make up 5% or
// more of its uses. A form that may be past tense or participle alike
// (regular "-ed" forms, "struck", "held") and was seen as either has both.
func ambLexicon(ts []*tsent, skip, folds int, past pastPair) (keys, vals []uint64) {
	lexTags := map[uint64]map[int]int{}
	either := map[uint64]bool{}
	for k, t := range ts {
		if skip >= 0 && k%folds == skip {
			continue
		}
		for j := range t.lx {
			m := lexTags[t.lx[j].word]
			if m == nil {
				m = map[int]int{}
				lexTags[t.lx[j].word] = m
			}
			m[t.xpos[j]]++
			if l := t.lowers[j]; strings.HasSuffix(l, "ed") || irregular[l].both() {
				either[t.lx[j].word] = true
			}
		}
	}
	for w, m := range lexTags {
		total := 0
		for _, c := range m {
			total += c
		}
		if total < 3 {
			continue
		}
		var tags []int
		pastOrPart := false
		for tg, c := range m {
			if 20*c >= total {
				tags = append(tags, tg)
				pastOrPart = pastOrPart || past.ok && (tg == past.vbd || tg == past.vbn)
			}
		}
		if pastOrPart && either[w] {
			for _, tg := range []int{past.vbd, past.vbn} {
				if m[tg] == 0 || 20*m[tg] < total {
					tags = append(tags, tg)
				}
			}
		}
		sort.Ints(tags)
		h := uint64(0x51ed27)
		for _, tg := range tags {
			h = mix(h ^ uint64(tg+1))
		}
		keys = append(keys, w)
		vals = append(vals, h|1)
	}
	sortPairs(keys, vals)
	return keys, vals
}

// setAmbFolded sets each sentence's ambiguity classes from a lexicon
// built without its fold.
func setAmbFolded(ts []*tsent, folds int, past pastPair) {
	for f := 0; f < folds; f++ {
		keys, vals := ambLexicon(ts, f, folds, past)
		var part []*tsent
		for k, t := range ts {
			if k%folds == f {
				part = append(part, t)
			}
		}
		setAmb(part, keys, vals)
	}
}

func setAmb(ts []*tsent, keys, vals []uint64) {
	amb := newHashIndex(keys)
	for _, t := range ts {
		for j := range t.lx {
			t.lx[j].amb = 0
			if k, ok := amb.get(t.lx[j].word); ok {
				t.lx[j].amb = vals[k]
			}
		}
	}
}

// sortPairs sorts keys ascending, permuting vals alike.
func sortPairs(keys, vals []uint64) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	k2, v2 := make([]uint64, len(keys)), make([]uint64, len(keys))
	for i, j := range idx {
		k2[i], v2[i] = keys[j], vals[j]
	}
	copy(keys, k2)
	copy(vals, v2)
}

// tagWith tags lx into tags with an inference classifier: a second pass
// over the first pass's tags p1 when p1 is not nil.
func tagWith(c *classifier, dict *hashIndex, dictTag []uint8, rule *clauseRule, lx []lex, tags, p1 []int, feats []uint64, scores []int32) []uint64 {
	nc := len(rule.finite)
	margin := make([]int32, len(lx))
	for i := range lx {
		margin[i] = -1 << 30
		if j, ok := dict.get(lx[i].form); ok {
			tags[i] = int(dictTag[j])
			continue
		}
		if p1 != nil {
			feats = tagFeatures2(feats[:0], lx, tags, p1, i)
		} else {
			feats = tagFeatures(feats[:0], lx, tags, i)
		}
		sc := scores[:nc]
		c.score(sc, feats)
		tags[i] = argmax(sc)
		if rule.ok {
			margin[i] = sc[rule.vbd] - sc[rule.vbn]
		}
	}
	rule.apply(lx, tags, margin)
	return feats
}

// foldLexicon returns ts itself, or with o.FoldLexicon copies of the
// sentences whose ambiguity classes come from a lexicon built without
// fold f, as a tagger on new text would see them.
func foldLexicon(ts []*tsent, f int, o TrainOptions, past pastPair) []*tsent {
	if !o.FoldLexicon {
		return ts
	}
	keys, vals := ambLexicon(ts, f, o.Folds, past)
	folded := make([]*tsent, len(ts))
	for k, t := range ts {
		c := *t
		c.lx = append([]lex(nil), t.lx...)
		folded[k] = &c
	}
	setAmb(folded, keys, vals)
	return folded
}

// forFolds runs fn for each fold on workers goroutines.
func forFolds(folds, workers int, fn func(f int)) {
	jobs := make(chan int)
	done := make(chan struct{})
	for w := 0; w < max(1, workers); w++ {
		go func() {
			for f := range jobs {
				fn(f)
			}
			done <- struct{}{}
		}()
	}
	for f := 0; f < folds; f++ {
		jobs <- f
	}
	close(jobs)
	for w := 0; w < max(1, workers); w++ {
		<-done
	}
}

// tagAccuracy is the share of predX that is right, in percent.
func tagAccuracy(ts []*tsent) float64 {
	right, all := 0, 0
	for _, t := range ts {
		for j := range t.predX {
			all++
			if t.predX[j] == t.xpos[j] {
				right++
			}
		}
	}
	return 100 * float64(right) / float64(max(all, 1))
}

func uposWith(c *classifier, uposOf []uint8, nc int, lx []lex, xtags, utags []int, feats []uint64, scores []int32) []uint64 {
	for i := range lx {
		if u := uposOf[xtags[i]]; u != 255 {
			utags[i] = int(u)
			continue
		}
		feats = uposFeatures(feats[:0], lx, xtags, i)
		sc := scores[:nc]
		c.score(sc, feats)
		utags[i] = argmax(sc)
	}
	return feats
}

func argmax64(sc []int64) int {
	best := 0
	for i := 1; i < len(sc); i++ {
		if sc[i] > sc[best] {
			best = i
		}
	}
	return best
}

func shuffled(n int, rng *rand.Rand) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rng.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
	return order
}

// trainTagger trains the first pass, or with second the second pass on
// each sentence's p1.
func trainTagger(ts []*tsent, dict *hashIndex, dictTag []uint8, nc, epochs int, seed uint64, second bool) *perceptron {
	p := newPerceptron(nc)
	rng := rand.New(rand.NewPCG(seed, 0x7a66))
	scores := make([]int64, nc)
	var feats []uint64
	var tags []int
	for ep := 0; ep < epochs; ep++ {
		for _, k := range shuffled(len(ts), rng) {
			t := ts[k]
			tags = append(tags[:0], make([]int, len(t.lx))...)
			for i := range t.lx {
				if j, ok := dict.get(t.lx[i].form); ok {
					tags[i] = int(dictTag[j])
					continue
				}
				if second {
					feats = tagFeatures2(feats[:0], t.lx, tags, t.p1, i)
				} else {
					feats = tagFeatures(feats[:0], t.lx, tags, i)
				}
				p.score(scores, feats)
				g := argmax64(scores)
				p.tick()
				p.update(t.xpos[i], g, feats)
				tags[i] = g
			}
		}
	}
	return p
}

func trainUPOS(ts []*tsent, uposOf []uint8, nc, epochs int, seed uint64) *perceptron {
	p := newPerceptron(nc)
	rng := rand.New(rand.NewPCG(seed, 0x4b05))
	scores := make([]int64, nc)
	var feats []uint64
	for ep := 0; ep < epochs; ep++ {
		for _, k := range shuffled(len(ts), rng) {
			t := ts[k]
			for i := range t.lx {
				if uposOf[t.predX[i]] != 255 {
					continue
				}
				feats = uposFeatures(feats[:0], t.lx, t.predX, i)
				p.score(scores, feats)
				g := argmax64(scores)
				p.tick()
				p.update(t.upos[i], g, feats)
			}
		}
	}
	return p
}

// trainParser trains the transition and label classifiers with the
// dynamic oracle and error exploration.
func trainParser(ts []*tsent, nrels int, rootID int32, o TrainOptions, hook func(int, *perceptron, *perceptron)) (*perceptron, *perceptron) {
	trans, label := newPerceptron(nActions), newPerceptron(nrels)
	rng := rand.New(rand.NewPCG(o.Seed, 0x9a75e))
	var in pinput
	var st pstate
	var feats []uint64
	tsc := make([]int64, nActions)
	lsc := make([]int64, nrels)
	start := time.Now()
	for ep := 0; ep < o.ParserEpochs; ep++ {
		steps, wrong := 0, 0
		for _, k := range shuffled(len(ts), rng) {
			t := ts[k]
			n := len(t.lx)
			setInput(&in, t.lx, t.predX, t.predU)
			st.reset(n)
			for !st.done() {
				feats = allFeatures(feats[:0], &in, &st)
				trans.score(tsc, feats)
				var cost [nActions]int
				guess, best, minCost := -1, -1, 1<<30
				for a := 0; a < nActions; a++ {
					if !st.valid(a) {
						continue
					}
					cost[a] = actionCost(&st, t.heads, a)
					if guess < 0 || tsc[a] > tsc[guess] {
						guess = a
					}
					minCost = min(minCost, cost[a])
				}
				for a := 0; a < nActions; a++ {
					if st.valid(a) && cost[a] == minCost && (best < 0 || tsc[a] > tsc[best]) {
						best = a
					}
				}
				trans.tick()
				steps++
				next := guess
				if cost[guess] > minCost {
					wrong++
					trans.update(best, guess, feats)
					if ep < o.ExploreFrom || rng.Float64() >= o.Explore {
						next = best
					}
				}
				rel := int32(-1)
				if next != actShift {
					h, d := st.arc(next)
					if int(h) == n {
						rel = rootID
					} else {
						feats = labelFeatures(feats[:0], &in, &st, h, d)
						label.score(lsc, feats)
						lsc[rootID] = -1 << 60
						g := int32(argmax64(lsc))
						rel = g
						if t.heads[d] == h {
							label.tick()
							label.update(int(t.rels[d]), int(g), feats)
							rel = t.rels[d]
						}
					}
				}
				st.apply(next, rel)
			}
		}
		fmt.Fprintf(o.Log, "syntax: parser epoch %d: %.2f%% wrong transitions, %d features (%v)\n", ep+1, 100*float64(wrong)/float64(max(1, steps)), len(trans.rows), time.Since(start).Round(time.Second))
		if hook != nil {
			hook(ep, trans, label)
		}
	}
	return trans, label
}

// lemmatize trains the lemmatizer of d on the sentences.
func (d *modelData) lemmatize(sents []conllu.Sentence) {
	xi := index(d.xpos)
	var ex []lemmaExample
	for i := range sents {
		for _, w := range sents[i].Words {
			x, ok := xi[w.XPOS]
			if !ok {
				continue
			}
			ex = append(ex, lemmaExample{form: w.Form, lower: strings.ToLower(w.Form), lemma: w.Lemma, xpos: x, proper: properTag(w.XPOS)})
		}
	}
	lm := trainLemmatizer(ex, d.xpos, 2)
	d.excKeys, d.excLemmas, d.ruleKeys, d.rules = lm.exportKeys()
	d.knownKeys = lm.knownKeyList
}

// Relemmatize retrains only the lemmatizer of a model file on sents.
func Relemmatize(model []byte, sents []conllu.Sentence) ([]byte, error) {
	d, err := decodeModel(model)
	if err != nil {
		return nil, err
	}
	d.lemmatize(sents)
	return d.encode()
}

// exportKeys returns the lemmatizer's tables in the model file's terms.
func (lm *lemmatizer) exportKeys() (excKeys []uint64, excLemmas []string, ruleKeys []uint64, rules []lemmaRule) {
	return lm.excKeyList, lm.lemma, lm.ruleKeyList, lm.rule
}

package syntax

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/annals-events/annals"
)

//go:embed model/syntax.bin.gz
var embeddedModel []byte

// Parser tags, lemmatizes and parses sentences. It is immutable once
// loaded and safe for concurrent use.
type Parser struct {
	m    *model
	pool sync.Pool // *scratch
	xpos map[string]int
	upos map[string]int
}

// Default returns the parser built from the embedded model, loaded once
// per process (about 0.2 s); later calls return the same parser.
func Default() (*Parser, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Parser, error) { return Load(embeddedModel) })

// Load reads a model file (the format is described in model.go). A corrupt
// or truncated file gives an error, never a panic.
func Load(data []byte) (*Parser, error) {
	m, err := loadModel(data)
	if err != nil {
		return nil, err
	}
	return newParser(m), nil
}

func newParser(m *model) *Parser {
	p := &Parser{m: m, xpos: map[string]int{}, upos: map[string]int{}}
	for i, t := range m.xpos {
		p.xpos[t] = i
	}
	for i, t := range m.upos {
		p.upos[t] = i
	}
	p.pool.New = func() any { return new(scratch) }
	return p
}

// Meta returns the free-text description stored in the model (data
// source, training options, dev scores).
func (p *Parser) Meta() string { return p.m.meta }

// scratch is the per-call working memory, pooled.
type scratch struct {
	lx      []lex
	buf     []byte
	tags    []int
	tags1   []int // the first pass's tags
	utags   []int
	margin  []int32 // per token: the tagger's score of VBD less VBN's
	feats   []uint64
	scores  []int32
	in      pinput
	st      pstate
	static  []staticScore
	owner   []int32    // per feature in sfeats: its sum in static (statics)
	b0Sums  []groupSum // per token, as b0: the sum of b0Features (parsecache.go)
	s0Sums  []groupSum // per token, as s0: the sum of s0Features
	sfeats  []uint64
	missed  []int32 // tokens whose static scores statc lacked (statics)
	statc   staticCache
	uposOwn uposOwnCache
	forms   []string // the tokens' Text, for own
	own     ownCache
	beam    beamScratch
}

// ownCache holds, for recent word forms, the sums of the rows of their
// ownFeatures in each tagging pass: the features of a word alone are
// most of the tagger's work (its frequent features have a weight for
// nearly every tag), and the same words recur. It is direct-mapped by
// the form's hash, holds forms of up to ownMaxLen bytes, and lives in
// the pooled scratch, so it needs no locking; the sums are exact, so a
// hit gives the same scores as computing them.
type ownCache struct {
	nw   int // int64 words per sum
	keys []ownKey
	sums []int64 // per entry and pass, nw words
	acc  [maxClasses / 2]int64
}

const (
	ownEntries = 2048
	ownMaxLen  = 22
)

type ownKey struct {
	n    uint8 // length of the form + 1; 0: empty
	ok   uint8 // bit p: the sum of pass p is set
	form [ownMaxLen]byte
}

// ownSum returns the sums of token i's ownFeatures rows in classifier c,
// the tagger of the given pass (0 or 1).
func (p *Parser) ownSum(s *scratch, c *classifier, pass, i int) []int64 {
	oc := &s.own
	if oc.keys == nil {
		oc.nw = c.nWords
		oc.keys = make([]ownKey, ownEntries)
		oc.sums = make([]int64, ownEntries*2*oc.nw)
	}
	nw := oc.nw
	form := s.forms[i]
	compute := func(dst []int64) []int64 {
		s.sfeats = ownFeatures(s.sfeats[:0], &s.lx[i])
		oc.acc = [maxClasses / 2]int64{}
		c.add(&oc.acc, s.sfeats)
		return append(dst[:0], oc.acc[:nw]...)
	}
	if len(form) > ownMaxLen || c.nWords != nw {
		return compute(oc.acc[:0:0])
	}
	h := s.lx[i].form
	j := int((h ^ h>>29) & (ownEntries - 1))
	k := &oc.keys[j]
	sum := oc.sums[(2*j+pass)*nw : (2*j+pass+1)*nw]
	if int(k.n) != len(form)+1 || string(k.form[:len(form)]) != form {
		k.n, k.ok = uint8(len(form)+1), 0
		copy(k.form[:], form)
	} else if k.ok&(1<<pass) != 0 {
		return sum
	}
	k.ok |= 1 << pass
	return compute(sum)
}

// staticScore caches the transition scores of one word's static features
// in one role.
type staticScore struct {
	w  [nActions]int32
	ok bool
}

// static returns the cached scores of token i's static features in role
// r (statics fills them all before a parse), computing them on first use
// when not filled.
func (p *Parser) static(s *scratch, r int, i int32) *[nActions]int32 {
	n := int32(s.st.n)
	if i < 0 {
		i = n + 1
	}
	c := &s.static[int32(r)*(n+2)+i]
	if !c.ok {
		j := i
		if j == n+1 {
			j = -1
		}
		s.sfeats = staticFeatures(s.sfeats[:0], &s.in, r, j)
		p.m.trans.score(&c.w, s.sfeats)
		c.ok = true
	}
	return &c.w
}

// staticCache holds, for recent words (their lowercase form's hash, tag
// and UPOS: all that staticFeatures reads of a token), the scores of
// their static features in every role, as statics computes them: about
// a third of the transition classifier's lookups, and the same words
// recur from sentence to sentence ("the", "said", commas). It is direct-
// mapped, lives in the pooled scratch (no locking), and the scores are
// exact integer sums, so a hit gives what the lookups give.
type staticCache struct {
	keys []staticKey
	w    [][nRoles][nActions]int32
}

type staticKey struct {
	word, tag, upos uint64
	ok              bool
}

const staticEntries = 4096

// statics fills s.static with the scores of the static features of
// every token of the n and "none" in every role: from s.statc for the
// words it holds, the others' features looked up in one batch.
func (p *Parser) statics(s *scratch, n int32) {
	sc := &s.statc
	if sc.keys == nil {
		sc.keys = make([]staticKey, staticEntries)
		sc.w = make([][nRoles][nActions]int32, staticEntries)
	}
	s.sfeats, s.owner, s.missed = s.sfeats[:0], s.owner[:0], s.missed[:0]
	stride := n + 2
	for i := range stride {
		key := staticKeyOf(&s.in, n, i)
		e := key.slot()
		if sc.keys[e] == key {
			for r := range int32(nRoles) {
				s.static[r*stride+i] = staticScore{w: sc.w[e][r], ok: true}
			}
			continue
		}
		s.missed = append(s.missed, i)
		j := i
		if j == n+1 {
			j = -1
		}
		for r := range int32(nRoles) {
			k := len(s.sfeats)
			s.sfeats = staticFeatures(s.sfeats, &s.in, int(r), j)
			for range s.sfeats[k:] {
				s.owner = append(s.owner, r*stride+i)
			}
		}
	}
	p.m.trans.scoreEach(s.static, s.sfeats, s.owner)
	for _, i := range s.missed {
		key := staticKeyOf(&s.in, n, i)
		e := key.slot()
		sc.keys[e] = key
		for r := range int32(nRoles) {
			sc.w[e][r] = s.static[r*stride+i].w
		}
	}
}

// staticKeyOf is the key of token i of the n (n+1: "none") in a
// staticCache.
func staticKeyOf(in *pinput, n, i int32) staticKey {
	if i == n+1 {
		return staticKey{word: noneVal, tag: noneVal, upos: noneVal, ok: true}
	}
	return staticKey{word: in.word[i], tag: in.tag[i], upos: in.upos[i], ok: true}
}

// slot is the key's entry in a staticCache.
func (k staticKey) slot() int {
	h := (k.word ^ k.tag<<48 ^ k.upos<<56) * 0x9e3779b97f4a7c15
	return int(h >> (64 - 12)) // staticEntries = 1<<12
}

func (p *Parser) get(n int) *scratch {
	s := p.pool.Get().(*scratch)
	if cap(s.lx) < n {
		s.lx = make([]lex, n)
		s.forms = make([]string, n)
		s.tags = make([]int, n)
		s.utags = make([]int, n)
		s.margin = make([]int32, n)
	}
	s.lx, s.tags, s.utags, s.margin, s.forms = s.lx[:n], s.tags[:n], s.utags[:n], s.margin[:n], s.forms[:n]
	if len(s.scores) < 256 {
		s.scores = make([]int32, 256)
	}
	return s
}

// Parse fills Tag (XPOS), UPOS, Lemma, Head and Rel of each token of one
// sentence, reading only Text and Lower (Lower may be empty). Head is the
// index of the head within toks, -1 for the root.
func (p *Parser) Parse(toks []annals.Token) {
	if len(toks) == 0 {
		return
	}
	s := p.get(len(toks))
	p.lexAll(s, toks)
	p.tag(s)
	p.tagUPOS(s)
	p.writeTags(s, toks)
	p.parse(s, toks)
	p.pool.Put(s)
}

// Tag fills Tag, UPOS and Lemma only.
func (p *Parser) Tag(toks []annals.Token) {
	if len(toks) == 0 {
		return
	}
	s := p.get(len(toks))
	p.lexAll(s, toks)
	p.tag(s)
	p.tagUPOS(s)
	p.writeTags(s, toks)
	p.pool.Put(s)
}

// ParseTagged fills Head and Rel from the tokens' own Tag and UPOS (gold
// tags, say); Lemma is filled only where empty. A tag the model does not
// know counts as the model's first tag.
func (p *Parser) ParseTagged(toks []annals.Token) { p.parseGiven(toks, false) }

// ParseWithXPOS fills UPOS, Head and Rel, and Lemma where empty, from
// the tokens' own Penn Treebank tags (another tagger's): the model's
// taggers do not run, so it costs about a third of Parse. The UPOS come
// from the model's classifier over the given tags; a tag the model does
// not know counts as the model's first tag.
func (p *Parser) ParseWithXPOS(toks []annals.Token) { p.parseGiven(toks, true) }

// parseGiven parses tokens whose Tag is set, with their UPOS as given or,
// when upos is true, from the model's UPOS classifier.
func (p *Parser) parseGiven(toks []annals.Token, upos bool) {
	if len(toks) == 0 {
		return
	}
	s := p.get(len(toks))
	p.lexWords(s, toks)
	for i := range toks {
		s.tags[i] = p.xpos[toks[i].Tag]
		if !upos {
			s.utags[i] = p.upos[toks[i].UPOS]
		}
	}
	if upos {
		p.tagUPOS(s)
	}
	for i := range toks {
		if upos {
			toks[i].UPOS = p.m.upos[s.utags[i]]
		}
		if toks[i].Lemma == "" {
			toks[i].Lemma = p.lemmaOf(s, toks, i)
		}
	}
	p.parse(s, toks)
	p.pool.Put(s)
}

func (p *Parser) lexAll(s *scratch, toks []annals.Token) {
	for i := range toks {
		s.forms[i] = toks[i].Text
		s.buf = makeLex(&s.lx[i], toks[i].Text, s.buf)
		p.m.setAmb(&s.lx[i])
	}
}

// lexWords is lexAll for tokens whose tags are given: the parser reads
// only what wordLex fills.
func (p *Parser) lexWords(s *scratch, toks []annals.Token) {
	for i := range toks {
		s.buf = wordLex(&s.lx[i], toks[i].Text, s.buf)
		p.m.setAmb(&s.lx[i])
	}
}

// tag runs the greedy tagger over s.lx into s.tags: the first pass,
// then, when the model has one, the second pass over the first's tags.
func (p *Parser) tag(s *scratch) {
	m := p.m
	p.tagPass(s, m.tagger, nil)
	if m.tagger2 != nil {
		s.tags1 = append(s.tags1[:0], s.tags...)
		p.tagPass(s, m.tagger2, s.tags1)
	}
	clear(s.forms) // keep no caller's text
}

// tagPass tags s.lx into s.tags with classifier c (the second pass when
// p1 holds the first pass's tags) and applies the clause rule.
func (p *Parser) tagPass(s *scratch, c *classifier, p1 []int) {
	m := p.m
	nc := len(m.xpos)
	for i := range s.lx {
		s.margin[i] = -1 << 30
		if j, ok := m.tagDict.get(s.lx[i].form); ok {
			s.tags[i] = int(m.tagDictTag[j])
			continue
		}
		pass := 0
		if p1 != nil {
			pass = 1
			s.feats = ctxFeatures2(s.feats[:0], s.lx, s.tags, p1, i)
		} else {
			s.feats = ctxFeatures(s.feats[:0], s.lx, s.tags, i)
		}
		sc := s.scores[:nc]
		c.scoreFrom(sc, p.ownSum(s, c, pass, i), s.feats)
		s.tags[i] = argmax(sc)
		if m.rule.ok {
			s.margin[i] = sc[m.rule.vbd] - sc[m.rule.vbn]
		}
	}
	if !clauseRuleOff {
		m.rule.apply(s.lx, s.tags, s.margin)
	}
}

var clauseRuleOff = false

func (p *Parser) tagUPOS(s *scratch) {
	m := p.m
	nc := len(m.upos)
	for i := range s.lx {
		if u := m.uposOf[s.tags[i]]; u != 255 {
			s.utags[i] = int(u)
			continue
		}
		s.feats = uposContextFeatures(s.feats[:0], s.lx, s.tags, i)
		sc := s.scores[:nc]
		m.uposC.scoreFrom(sc, p.uposOwnSum(s, i), s.feats)
		s.utags[i] = argmax(sc)
	}
}

// uposOwnCache holds, for recent (word, XPOS) pairs, the sums of the
// rows of their uposOwnFeatures in the UPOS classifier, as ownCache does
// for the tagger: direct-mapped, in the pooled scratch, keyed by every
// value those features read, and exact (a hit is the sum the lookups
// give).
type uposOwnCache struct {
	nw   int // int64 words per sum
	keys []uposOwnKey
	sums []int64
	acc  [maxClasses / 2]int64
}

type uposOwnKey struct {
	word, suf, amb uint64
	x              int32
	ok             bool
}

const uposOwnEntries = 4096

// uposOwnSum returns the sum of token i's uposOwnFeatures rows.
func (p *Parser) uposOwnSum(s *scratch, i int) []int64 {
	c := p.m.uposC
	oc := &s.uposOwn
	if oc.keys == nil {
		oc.nw = c.nWords
		oc.keys = make([]uposOwnKey, uposOwnEntries)
		oc.sums = make([]int64, uposOwnEntries*oc.nw)
	}
	nw := oc.nw
	l := &s.lx[i]
	key := uposOwnKey{word: l.word, suf: l.suf[2], amb: l.amb, x: int32(s.tags[i]), ok: true}
	h := (key.word ^ uint64(key.x)<<56) * 0x9e3779b97f4a7c15
	j := int(h >> (64 - 12)) // uposOwnEntries = 1<<12
	sum := oc.sums[j*nw : (j+1)*nw]
	if oc.keys[j] == key {
		return sum
	}
	s.sfeats = uposOwnFeatures(s.sfeats[:0], s.lx, s.tags, i)
	oc.acc = [maxClasses / 2]int64{}
	c.add(&oc.acc, s.sfeats)
	oc.keys[j] = key
	return append(sum[:0], oc.acc[:nw]...)
}

func (p *Parser) writeTags(s *scratch, toks []annals.Token) {
	for i := range toks {
		toks[i].Tag = p.m.xpos[s.tags[i]]
		toks[i].UPOS = p.m.upos[s.utags[i]]
		toks[i].Lemma = p.lemmaOf(s, toks, i)
	}
}

// Lemma returns the lemma of a word (its form and lower-case form) under
// the Penn Treebank tag xpos, as Tag would give it with that tag, and
// whether the treebank knows that lemma as a word (a lemma or a base
// form of the training data).
func (p *Parser) Lemma(form, lower, xpos string) (string, bool) {
	x, ok := p.xpos[xpos]
	if !ok {
		return lower, false
	}
	l := p.m.lemma.lemmatize(form, lower, hashString(lower), x, p.m.proper[x])
	return l, p.m.lemma.known(strings.ToLower(l), "")
}

// Irregular reports an irregular past tense or participle of English
// that is not also a base form or a common noun ("fought", "withdrawn";
// not "cut", "wound").
func (p *Parser) Irregular(lower string) bool {
	f := irregular[lower]
	return f.base != "" && !f.alsoBase && !nounForms[lower]
}

// PastForm reports whether a lower-case word can be a past tense or a
// past participle by its form: an irregular verb's ("withdrew", "shot",
// "cut"), or a word in -ed ("shelled", "freed") unless the treebank has it
// as a frequent word of one other tag or it is one of notPastEd
// ("hundred"). "raid" cannot.
func (p *Parser) PastForm(lower string) bool {
	if f := irregular[lower]; f.past || f.part {
		return true
	}
	if len(lower) <= 4 || !strings.HasSuffix(lower, "ed") || notPastEd[lower] {
		return false
	}
	if j, ok := p.m.tagDict.get(hashString(lower)); ok {
		t := p.m.xpos[p.m.tagDictTag[j]]
		return t == "VBD" || t == "VBN"
	}
	return true
}

// notPastEd are words in -ed of a closed class that are never verbs: the
// numeral, and nouns the tag dictionary is too small to hold.
var notPastEd = map[string]bool{"hundred": true, "hatred": true, "kindred": true}

// nounForms are irregular verb forms that are nouns first.
var nounForms = map[string]bool{"wound": true, "ground": true, "rose": true, "bore": true, "felt": true, "lit": true, "shed": true}

func (p *Parser) lemmaOf(s *scratch, toks []annals.Token, i int) string {
	t := &toks[i]
	lower := t.Lower
	if lower == "" {
		lower = strings.ToLower(t.Text)
	}
	x := s.tags[i]
	return p.m.lemma.lemmatize(t.Text, lower, s.lx[i].word, x, p.m.proper[x])
}

func (m *model) setAmb(l *lex) {
	l.amb = 0
	if j, ok := m.amb.get(l.word); ok {
		l.amb = m.ambVal[j]
	}
}

func argmax(sc []int32) int {
	best := 0
	for i := 1; i < len(sc); i++ {
		if sc[i] > sc[best] {
			best = i
		}
	}
	return best
}

// setInput fills s.in from s.lx, s.tags and s.utags, with the root last.
func setInput(in *pinput, lx []lex, tags, utags []int) {
	n := len(lx)
	grow := func(v []uint64) []uint64 {
		if cap(v) < n+1 {
			return make([]uint64, n+1)
		}
		return v[:n+1]
	}
	in.word, in.tag, in.upos, in.wp, in.suf = grow(in.word), grow(in.tag), grow(in.upos), grow(in.wp), grow(in.suf)
	for i := range lx {
		in.word[i] = lx[i].word
		in.tag[i] = uint64(tags[i])
		in.upos[i] = uint64(utags[i])
		in.wp[i] = mix(lx[i].word ^ uint64(tags[i])<<56)
		in.suf[i] = lx[i].suf[2]
	}
	in.word[n], in.tag[n], in.upos[n], in.wp[n], in.suf[n] = tagRoot, tagRoot, tagRoot, tagRoot, tagRoot
}

// transScores sets tsc to the transition scores of st.
func (p *Parser) transScores(s *scratch, st *pstate, tsc *[nActions]int32) {
	s.feats = parseFeatures(s.feats[:0], &s.in, st)
	p.m.trans.score(tsc, s.feats)
	for r, i := range st.roles() {
		w := p.static(s, r, i)
		tsc[0] += w[0]
		tsc[1] += w[1]
		tsc[2] += w[2]
	}
}

// relOf returns the relation of the arc action a would make in st (-1
// for SHIFT): root for the arc to the root, else the labeller's choice.
func (p *Parser) relOf(s *scratch, st *pstate, a int) int32 {
	if a == actShift {
		return -1
	}
	m := p.m
	h, d := st.arc(a)
	if int(h) == st.n {
		return m.rootID
	}
	s.feats = labelFeatures(s.feats[:0], &s.in, st, h, d)
	sc := s.scores[:len(m.rels)]
	m.label.score(sc, s.feats)
	sc[m.rootID] = -1 << 30
	return int32(argmax(sc))
}

// parse runs the transition parser on s (tags set) and writes Head, Rel.
func (p *Parser) parse(s *scratch, toks []annals.Token) {
	m := p.m
	n := len(toks)
	setInput(&s.in, s.lx, s.tags, s.utags)
	// Cache slots for the static features: per role, tokens 0..n and
	// "none" at n+1, all filled at once.
	nc := nRoles * (n + 2)
	if cap(s.static) < nc {
		s.static = make([]staticScore, nc)
	}
	s.static = s.static[:nc]
	p.statics(s, int32(n))
	if cap(s.b0Sums) < n+1 {
		s.b0Sums = make([]groupSum, n+1)
		s.s0Sums = make([]groupSum, n+1)
	}
	s.b0Sums, s.s0Sums = s.b0Sums[:n+1], s.s0Sums[:n+1]
	clear(s.b0Sums)
	clear(s.s0Sums)
	st := &s.st
	st.reset(n)
	if m.beam > 1 {
		st = p.parseBeam(s, m.beam) // finished: the greedy loop below has nothing to do
	}
	var tsc [nActions]int32
	for !st.done() {
		a := st.forced()
		if a < 0 {
			p.greedyScores(s, st, &tsc)
			for c := 0; c < nActions; c++ {
				if st.valid(c) && (a < 0 || tsc[c] > tsc[a]) {
					a = c
				}
			}
		}
		st.apply(a, p.relOf(s, st, a))
	}
	for i := range toks {
		h := int(st.heads[i])
		if h == n {
			h = -1
		}
		toks[i].Head = h
		toks[i].Rel = m.rels[st.rels[i]]
	}
	repairTree(toks)
}

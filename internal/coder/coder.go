package coder

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/annals-events/annals"
)

// Coder codes events. It is immutable and safe for concurrent use.
type Coder struct {
	lx *Lexicon
	// Statements turns on the fallback 010 "make statement" event for a
	// reporting verb with an actor subject when nothing else is coded in
	// the sentence. It is off by default: on unseen news 11% of those
	// events were right, and a statement is coded only where the lexicon
	// has a pattern for it.
	Statements bool
	// Tree reads subjects from the dependency analysis where the sentence
	// has one and the tree passes the checks of tree.go (the pipeline sets
	// it unless asked for word order); otherwise from word order and tags.
	Tree bool
	// OnFeatures, when set, receives every event with the evidence
	// features its confidence is computed from (Calibrate); tools/genconf
	// fits confidence.tsv from them.
	OnFeatures func(e annals.Event, features []string)
}

// New returns a coder over a compiled lexicon.
func New(lx *Lexicon) *Coder { return &Coder{lx: lx} }

// Lexicon returns the coder's lexicon.
func (c *Coder) Lexicon() *Lexicon { return c.lx }

// Trace records why each trigger did or did not yield an event, for
// annals explain.
type Trace struct {
	Lines []string
	// Sentences gives, per line, the index of the sentence it is about.
	Sentences []int
	cur       int
	// Confidence gives, per event in order, the evidence features its
	// confidence was computed from (Calibrate).
	Confidence [][]string
}

// Code returns the events of a document. Mentions come from the actors
// stage; ref is the article's publication date (zero when unknown).
func (c *Coder) Code(doc *annals.Doc, ms []annals.Mention, ref time.Time) []annals.Event {
	evs, _ := c.code(context.Background(), doc, ms, ref, nil)
	return evs
}

// Explain codes a document and returns the trace of decisions.
func (c *Coder) Explain(doc *annals.Doc, ms []annals.Mention, ref time.Time) ([]annals.Event, *Trace) {
	t := &Trace{}
	evs, _ := c.code(context.Background(), doc, ms, ref, t)
	TargetPlaces(evs)
	evs = StoryTargets(evs, ms)
	for i := range evs {
		t.Confidence = append(t.Confidence, c.ConfidenceFeatures(doc, ms, evs, i))
	}
	c.Calibrate(doc, ms, evs)
	return evs, t
}

// CodeContext is Code that stops between sentences once ctx is done, with
// ctx's error.
func (c *Coder) CodeContext(ctx context.Context, doc *annals.Doc, ms []annals.Mention, ref time.Time) ([]annals.Event, error) {
	return c.code(ctx, doc, ms, ref, nil)
}

func (c *Coder) code(ctx context.Context, doc *annals.Doc, ms []annals.Mention, ref time.Time, tr *Trace) ([]annals.Event, error) {
	bySent := make([][]annals.Mention, len(doc.Sentences))
	// Uncoded names (people and bodies no dictionary knows) take part as
	// actors too: the event keeps their text, an empty code and a lower
	// confidence, so users see what the dictionaries miss.
	for _, m := range ms {
		bySent[m.Sentence] = append(bySent[m.Sentence], m)
	}
	var out []annals.Event
	doers := map[string]annals.Mention{}
	quote := &quoteState{}
	for si := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if tr != nil {
			tr.cur = si
		}
		s := &sentence{c: c, doc: doc, si: si, ms: bySent[si], tr: tr, doers: doers, quote: quote}
		s.first, s.last = doc.Sentences[si].First, doc.Sentences[si].Last
		s.parsedTree = s.parsed()
		s.tree = c.Tree && s.parsedTree && s.plausibleTree()
		out = append(out, s.code()...)
		s.advanceQuote()
	}
	for i := range out {
		out[i].DocID = doc.Article.ID
	}
	return out, nil
}

// inferredDate reports an event whose own clause names no date: its date
// is the publication date or one taken from the story (internal/when's
// date sources).
func inferredDate(e *annals.Event) bool {
	return e.DateSource == "publication" || e.DateSource == "context"
}

// MergeRepeats folds the same event told twice in one article into one,
// counting its evidence sentences. Two tellings are the same event when
// source, target, code and mode agree, their triggers share a lemma (the
// strikes that "struck" are "the strikes"; but "regretted the decision"
// after "expressed concern" is a second act of the same kind), and their
// dates agree, or one of them only carries a date inferred for a clause
// that names none (a closing summary repeating the lede); the date read
// from a clause is kept.
func MergeRepeats(doc *annals.Doc, evs []annals.Event) []annals.Event {
	// Each telling joins the first event before it (in the order they were
	// found) that agrees. A kind's (source, target, code, mode, trigger
	// lemma) first event takes every telling while its date is only
	// inferred, and the first telling with a date read from its clause
	// gives it that date; after that a telling joins the kind's event on
	// its day, or the first one when its own date is only inferred.
	// Looking these up keeps the work linear in the tellings, however many
	// days or repeats a document has (scanning every earlier event of a
	// kind, and every evidence sentence of it, was quadratic).
	type kind struct {
		first    int  // the kind's first event
		inferred bool // it is still its only one, its date inferred
		onDate   map[string]int
	}
	kinds := map[string]*kind{}
	told := map[[2]int]bool{} // event, evidence sentence
	var out []annals.Event
	if len(evs) > 0 {
		out = make([]annals.Event, 0, len(evs)) // at most one each, grown once
	}
	for _, e := range evs {
		k := e.Source + "|" + e.Target + "|" + e.Code + "|" + string(e.Mode)
		// another trigger lemma is another act of the same kind
		key := k + "|" + triggerLemma(doc, e)
		kd := kinds[key]
		at := -1
		switch {
		case kd == nil:
		case inferredDate(&e):
			at = kd.first
		case kd.inferred:
			at, kd.inferred = kd.first, false
			o := &out[at]
			o.EventDate, o.DatePrecision, o.DateSource = e.EventDate, e.DatePrecision, e.DateSource
			kd.onDate[e.EventDate] = at
		default:
			if i, ok := kd.onDate[e.EventDate]; ok {
				at = i
			}
		}
		if at >= 0 {
			o := &out[at]
			if !told[[2]int{at, e.SentenceIndex}] {
				told[[2]int{at, e.SentenceIndex}] = true
				o.EvidenceSentences = append(o.EvidenceSentences, e.SentenceIndex)
				o.Mentions++
			}
			if e.Confidence > o.Confidence {
				o.Confidence = e.Confidence
			}
			continue
		}
		e.Mentions = 1
		e.EvidenceSentences = []int{e.SentenceIndex}
		h := sha1.Sum([]byte(e.DocID + "|" + k + "|" + strconv.Itoa(e.SentenceIndex)))
		e.EventID = hex.EncodeToString(h[:8])
		n := len(out)
		told[[2]int{n, e.SentenceIndex}] = true
		if kd == nil {
			kd = &kind{first: n, inferred: inferredDate(&e), onDate: map[string]int{}}
			kinds[key] = kd
		}
		if !inferredDate(&e) {
			kd.onDate[e.EventDate] = n
		}
		out = append(out, e)
	}
	return out
}

// triggerLemma is the lemma of the event's trigger word ("" when the
// document does not hold it).
func triggerLemma(doc *annals.Doc, e annals.Event) string {
	if doc == nil || e.SentenceIndex < 0 || e.SentenceIndex >= len(doc.Sentences) {
		return ""
	}
	if k := tokenAtByte(doc, doc.Sentences[e.SentenceIndex], e.TriggerSpan.Start); k >= 0 {
		if t := &doc.Tokens[k]; t.Lemma != "" {
			return t.Lemma
		}
		return doc.Tokens[k].Lower
	}
	return ""
}

// sentence holds the state of coding one sentence.
type sentence struct {
	c             *Coder
	doc           *annals.Doc
	si            int
	first, last   int
	ms            []annals.Mention
	tr            *Trace
	consumed      map[int]bool // tokens used by a pattern's follow words
	inMention     map[int]bool // tokens inside actor mentions
	reports       []report     // reporting verbs with their speakers
	transparent   map[int]bool // infinitives coded as events of their own ("scheduled to attend")
	reportedFrom  int          // tokens at or after this index are reported content (accusations)
	reportedUnder int          // with a tree, the accusing verb whose subtree the content is (-1: none)
	purposeFrom   int          // a purpose infinitive ("in order to ...") starts here (s.last when none)
	purposeEnd    int          // and what it tells ends here
	events        []annals.Event
	// doers maps the lemma of each event's trigger, in the article so far,
	// to its source: a later reaction to "the strikes" is aimed at them.
	doers  map[string]annals.Mention
	quote  *quoteState // quotations open across sentences (quotes.go)
	unsaid []int       // negated reporting verbs ("did not say")
	// tree: subjects are read from the dependency analysis; parsedTree:
	// the sentence has one
	tree, parsedTree bool
	// sigBits are the signature bits of each token's lemma and form, sig
	// a window's signature (wordsig.go)
	sigBits []uint16
	sig     wordSig
}

func (s *sentence) tok(i int) *annals.Token { return &s.doc.Tokens[i] }

var reportingVerbs = map[string]bool{"say": true, "tell": true, "state": true, "announce": true, "add": true,
	"report": true, "claim": true, "note": true, "declare": true, "insist": true, "stress": true, "explain": true,
	"confirm": true, "quote": true, "write": true, "allege": true, "believe": true, "think": true, "argue": true, "hope": true,
	"repeat": true, "reiterate": true, "disclose": true, "reveal": true, "acknowledge": true, "admit": true, "assert": true, "maintain": true}

var subordinators = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "after": true, "before": true,
	"when": true, "while": true, "as": true, "because": true, "since": true, "although": true, "though": true, "if": true,
	"unless": true, "whereas": true, "where": true, "until": true, "whether": true, "but": true, "despite": true}

// boundary reports whether token i opens a new clause.
func (s *sentence) boundary(i int) bool {
	t := s.tok(i)
	switch t.Text {
	case ";", ":", "--", "—", "–":
		return true
	case "(", ")":
		return !s.shortParen(i) // "(ONLF)", "(AP)" do not break a clause
	}
	if t.Text == "," && i+1 < s.last {
		n := s.tok(i + 1)
		if n.Tag == "VBG" || n.Lower == "but" || n.Lower == "which" || n.Lower == "who" || n.Lower == "while" {
			return true
		}
	}
	if subordinators[t.Lower] && (t.Tag == "IN" || t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "CC" || t.Lower == "that" || t.Lower == "as") {
		if t.Lower == "as" && i+1 < s.last && (s.tok(i+1).Lower == "well" || s.tok(i+1).Tag == "JJ") {
			return false
		}
		return true
	}
	return false
}

func (s *sentence) clauseStart(v int) int {
	closed := false // a comma between i and v
	for i := v - 1; i > s.first; i-- {
		if s.boundary(i) {
			if l := s.tok(i).Lower; closed && (l == "who" || l == "which") && s.tok(i-1).Text == "," {
				// "Pezeshkian, who is on a visit to Pakistan, met": the
				// relative clause closed before v; v's clause goes on
				// before it
				i--
				continue
			}
			return i
		}
		closed = closed || s.tok(i).Text == ","
	}
	return s.first
}

func (s *sentence) clauseEnd(v int) int {
	for i := v + 1; i < s.last; i++ {
		if s.boundary(i) {
			return i
		}
	}
	return s.last
}

func isVerb(t *annals.Token) bool { return strings.HasPrefix(t.Tag, "VB") }

// headlineMistags are tags the tagger, trained on running prose, gives a
// headline's present-tense verb after a plural subject ("Ugandan police
// arrest/JJS opposition leader"); verbLike decides.
var headlineMistags = map[string]bool{"JJS": true, "JJR": true, "RB": true}

func isNoun(t *annals.Token) bool { return strings.HasPrefix(t.Tag, "NN") }

func (s *sentence) code() []annals.Event {
	s.consumed = map[int]bool{}
	s.reportedFrom = s.last + 1
	s.reportedUnder = -1
	skip := map[int]bool{} // complement verbs already coded through their governor
	var statementSubj *annals.Mention
	statementAt := -1
	s.inMention = map[int]bool{}
	s.transparent = map[int]bool{}
	for _, m := range s.ms {
		for i := m.First; i < m.Last; i++ {
			s.inMention[i] = true
		}
	}
	s.purposeFrom, s.purposeEnd = s.last, 0
	for v := s.first; v < s.last; v++ {
		if s.tok(v).Tag == "VB" && s.purpose(v) {
			s.purposeFrom, s.purposeEnd = v, s.purposeScope(v)
			break
		}
	}
	for v := s.first; v < s.last; v++ {
		t := s.tok(v)
		// "rejected accusations that it had ...": the content of a claim
		if v+1 < s.last && s.tok(v+1).Lower == "that" && claimNouns[t.Lemma] && v+1 < s.reportedFrom {
			s.reportedFrom = v + 1
		}
		if skip[v] || s.consumed[v] || s.inMention[v] {
			continue
		}
		if v > s.purposeFrom && v < s.purposeEnd && (isVerb(t) || isNoun(t)) && (s.c.lx.verbs[t.Lemma] != nil || s.c.lx.nouns[t.Lemma] != nil) {
			s.tr.add(t.Text + ": inside a purpose (in order to, so as to), not coded")
			continue
		}
		// a gerund inside a noun phrase ("tank shelling", "the bombing")
		// is a nominal trigger
		if t.Tag == "VBG" && v > s.first && s.c.lx.family[verbLemma(s.c.lx, t)] == "" {
			// ("threatening to pull funding" after a noun is a participle)
			p := s.tok(v - 1)
			if (p.Tag == "DT" || p.Tag == "JJ" || isNoun(p) || p.Tag == "POS" || p.Tag == "PRP$") && !(documents[p.Lemma] && s.objectNext(v)) {
				s.noun(v)
				continue
			}
			// (but "a resolution censuring Iran" is what the resolution
			// does)
		}
		if t.Tag == "VB" && s.purpose(v) {
			s.tr.add(t.Text + ": purpose (in order to, so as to), not coded")
			continue
		}
		if t.Tag == "VB" && v > s.first && s.tok(v-1).Lower == "to" && s.governed(v) && !s.transparent[v] {
			// "met with Assad to discuss ...": a purpose, not another event
			s.tr.add(t.Text + ": infinitive of purpose, not coded")
			continue
		}
		// "is willing to withdraw", "ready to talk": an adjective governs
		if t.Tag == "JJ" && s.c.lx.family[t.Lemma] != "" && v > s.first && s.tok(v-1).Lemma == "be" {
			s.verb(v, skip)
			continue
		}
		if isVerb(t) && s.nounModifier(v) {
			s.tr.add(t.Text + ": the parser reads a noun naming another noun's kind, not a verb")
			continue
		}
		if isVerb(t) || (t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "JJ" || headlineMistags[t.Tag] && s.headline()) && s.verbLike(v) { // ("Taliban ban/JJ women")
			if t.Lemma == "allege" && v+1 < s.reportedFrom {
				s.reportedFrom = v + 1 // "a report alleged that ...": an allegation's content is not coded
			}
			if reportingVerbs[t.Lemma] && s.c.lx.family[t.Lemma] == "" && !s.specific(v) {
				if s.notSaid(v) {
					// "did not explicitly say that Iran conducted the
					// strikes": what was not said is neither a claim nor a fact
					s.unsaid = append(s.unsaid, v)
					continue
				}
				if subj := s.subject(v); len(subj) > 0 {
					if statementSubj == nil {
						statementSubj, statementAt = &subj[0], v
					}
					s.reports = append(s.reports, report{v, subj[0], subj})
				}
				continue
			}
			s.verb(v, skip)
			continue
		}
		if isNoun(t) || t.Tag == "JJ" && len(s.c.lx.nouns[t.Lemma]) > 0 {
			s.noun(v) // ("military operation", "ethnic cleansing" start with an adjective)
		}
	}
	// a nominal event coded before the verb that turned out to undo it
	s.drop(func(_ int, e annals.Event) string {
		if i := s.tokenAt(e.TriggerSpan.Start); i >= 0 && s.consumed[i] && strings.HasPrefix(e.Rule, "nouns") {
			return s.tok(i).Text + ": undone by its verb, not coded"
		}
		return ""
	})
	// what a negated reporting verb did not say is not told as fact
	for i := range s.events {
		e := &s.events[i]
		for _, v := range s.unsaid {
			if e.Countable() && s.saidContent(s.tokenAt(e.TriggerSpan.Start), v) {
				e.Mode = annals.Hypothetical
				s.tr.add(fmt.Sprintf("%s %s->%s: the content of what %q did not say, hypothetical", e.Code, e.Source, e.Target, s.tok(v).Text))
			}
		}
	}
	s.claims()
	s.verdicts()
	// "accused Israel of attacking ...": the accusation (112) is the event;
	// what it alleges is not coded
	s.drop(func(_ int, e annals.Event) string {
		if ti := s.tokenAt(e.TriggerSpan.Start); e.Mode == annals.Reported && ti >= s.reportedFrom && s.accusedContent(ti) || s.inCharge(ti) {
			return fmt.Sprintf("%s %s->%s: the content of an accusation or charge, not coded", e.Code, e.Source, e.Target)
		}
		return ""
	})
	s.results()
	s.describing()
	told := false // an event told as having happened or as intended
	for _, e := range s.events {
		told = told || e.Mode == annals.Asserted || e.Mode == annals.Intended || e.Mode == annals.Reported
	}
	if !told && s.c.Statements && statementSubj != nil && statementSubj.Code != "" {
		e := s.event(*statementSubj, nil, "010", s.tok(statementAt).Lemma+" (reporting verb)", statementAt, statementAt+1, annals.Asserted)
		e.Confidence = 0.3
		s.events = append(s.events, e)
	}
	return s.events
}

// drop removes the events for which why returns a reason, tracing it.
func (s *sentence) drop(why func(i int, e annals.Event) string) {
	kept := s.events[:0]
	for i, e := range s.events {
		if r := why(i, e); r != "" {
			s.tr.add(r)
			continue
		}
		kept = append(kept, e)
	}
	s.events = kept
}

// tokenAt returns the index of the sentence token starting at byte off, or
// -1.
func (s *sentence) tokenAt(off int) int {
	for i := s.first; i < s.last; i++ {
		if s.tok(i).Start == off {
			return i
		}
	}
	return -1
}

func isAux(t *annals.Token) bool {
	switch t.Lemma {
	case "be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "get":
		return true
	}
	return false
}

// isQuote reports a quotation mark token.
func isQuote(t string) bool {
	switch t {
	case "\"", "''", "``", "“", "”", "'", "‘", "’":
		return true
	}
	return false
}

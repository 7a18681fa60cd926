package coder

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/when"
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
	// Tree reads arguments from the dependency analysis where the sentence
	// has one.
	Tree bool
}

// New returns a coder over a compiled lexicon.
func New(lx *Lexicon) *Coder { return &Coder{lx: lx} }

// Lexicon returns the coder's lexicon.
func (c *Coder) Lexicon() *Lexicon { return c.lx }

// Trace records why each trigger did or did not yield an event, for
// annals explain.
type Trace struct {
	Lines []string
}

func (t *Trace) add(s string) {
	if t != nil {
		t.Lines = append(t.Lines, s)
	}
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
	for si := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := &sentence{c: c, doc: doc, si: si, ms: bySent[si], tr: tr, doers: doers}
		s.first, s.last = doc.Sentences[si].First, doc.Sentences[si].Last
		s.parsedTree = s.parsed()
		s.tree = c.Tree && s.parsedTree
		out = append(out, s.code()...)
	}
	for i := range out {
		out[i].DocID = doc.Article.ID
	}
	return out, nil
}

// MergeRepeats folds the same event told twice in one article into one,
// counting its evidence sentences. Two tellings are the same event when
// source, target, code and mode agree and their dates agree, or one of
// them only carries the publication date (a closing summary repeating the
// lede); the more precise date is kept.
func MergeRepeats(evs []annals.Event) []annals.Event {
	idx := map[string][]int{}
	var out []annals.Event
	for _, e := range evs {
		k := e.Source + "|" + e.Target + "|" + e.Code + "|" + string(e.Mode)
		merged := false
		for _, i := range idx[k] {
			o := &out[i]
			if o.EventDate != e.EventDate && o.DatePrecision != "published" && e.DatePrecision != "published" {
				continue // the same kind of event on another day
			}
			if o.DatePrecision == "published" && e.DatePrecision != "published" {
				o.EventDate, o.DatePrecision = e.EventDate, e.DatePrecision
			}
			if !containsInt(o.EvidenceSentences, e.SentenceIndex) {
				o.EvidenceSentences = append(o.EvidenceSentences, e.SentenceIndex)
				o.Mentions++
			}
			if e.Confidence > o.Confidence {
				o.Confidence = e.Confidence
			}
			merged = true
			break
		}
		if merged {
			continue
		}
		e.Mentions = 1
		e.EvidenceSentences = []int{e.SentenceIndex}
		h := sha1.Sum([]byte(e.DocID + "|" + k + "|" + strconv.Itoa(e.SentenceIndex)))
		e.EventID = hex.EncodeToString(h[:8])
		idx[k] = append(idx[k], len(out))
		out = append(out, e)
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// sentence holds the state of coding one sentence.
type sentence struct {
	c            *Coder
	doc          *annals.Doc
	si           int
	first, last  int
	ms           []annals.Mention
	tr           *Trace
	consumed     map[int]bool // tokens used by a pattern's follow words
	inMention    map[int]bool // tokens inside actor mentions
	reports      []report     // reporting verbs with their speakers
	transparent  map[int]bool // infinitives coded as events of their own ("scheduled to attend")
	reportedFrom int          // tokens at or after this index are reported content (accusations)
	events       []annals.Event
	// doers maps the lemma of each event's trigger, in the article so far,
	// to its source: a later reaction to "the strikes" is aimed at them.
	doers  map[string]annals.Mention
	unsaid []int // negated reporting verbs ("did not say")
	// tree: subjects are read from the dependency analysis; parsedTree:
	// the sentence has one
	tree, parsedTree bool
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
	for i := v - 1; i > s.first; i-- {
		if s.boundary(i) {
			return i
		}
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

func isNoun(t *annals.Token) bool { return strings.HasPrefix(t.Tag, "NN") }

func (s *sentence) code() []annals.Event {
	s.consumed = map[int]bool{}
	s.reportedFrom = s.last + 1
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
	for v := s.first; v < s.last; v++ {
		t := s.tok(v)
		// "rejected accusations that it had ...": the content of a claim
		if v+1 < s.last && s.tok(v+1).Lower == "that" && claimNouns[t.Lemma] && v+1 < s.reportedFrom {
			s.reportedFrom = v + 1
		}
		if skip[v] || s.consumed[v] || s.inMention[v] {
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
		if isVerb(t) || (t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "JJ") && s.verbLike(v) { // ("Taliban ban/JJ women")
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
	// "accused Israel of attacking ...": the accusation (112) is the event;
	// what it alleges is not coded
	s.drop(func(_ int, e annals.Event) string {
		if ti := s.tokenAt(e.TriggerSpan.Start); e.Mode == annals.Reported && ti >= s.reportedFrom || s.inCharge(ti) {
			return fmt.Sprintf("%s %s->%s: the content of an accusation or charge, not coded", e.Code, e.Source, e.Target)
		}
		return ""
	})
	s.results()
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

// verbLike: the tagger calls some verbs nouns ("attacks", "strikes") after
// a subject; treat a noun right after an actor mention as a verb when the
// next token starts an object.
func (s *sentence) verbLike(v int) bool {
	if v == s.first || v+1 >= s.last {
		return false
	}
	for _, m := range s.ms {
		if m.Last == v {
			if d := s.tok(max(m.First-1, s.first)); m.First > s.first && (d.Lower == "a" || d.Lower == "an") ||
				s.tok(m.Last-1).Tag == "JJ" && (s.tok(v+1).Tag == "NN" || s.tok(v+1).Tag == "NNS") ||
				d.Lower == "the" && s.tok(v).Tag == "NN" && isNoun(s.tok(v+1)) {
				return false // "a Chinese research ship", "the EU aid package" (but "the US shares intelligence")
			}
			n := s.tok(v + 1)
			return n.Tag == "DT" || n.Tag == "NNP" || n.Tag == "PRP$" || n.Tag == "CD" || isNoun(n) && s.c.lx.verbs[s.tok(v).Lemma] != nil ||
				s.c.lx.family[s.tok(v).Lemma+" "+n.Lower] != "" || // "China and Russia call on the US to ..."
				s.particle(v) || // "Germany and UNICEF hand over 30 vehicles"
				n.Lower == "to" && s.c.lx.family[s.tok(v).Lemma] != "" // "Al-Shabaab refuses to lift ..."
		}
	}
	return false
}

// matchPattern finds the most specific pattern for the trigger at v. It
// returns the pattern, the index after the trigger words, and the tokens
// the follow words matched.
func (s *sentence) matchPattern(pats []*pattern, v, end int) (*pattern, int, []int) {
	var best *pattern
	bestAfter, bestSpan := v+1, 0
	var bestUsed []int
	for _, p := range pats {
		if best != nil && (len(p.trigger) < len(best.trigger) || len(p.trigger) == len(best.trigger) && content(p.follow) < content(best.follow)) {
			break // patterns are sorted most specific first
		}
		after, used, ok := s.matchOne(p, v, end)
		if !ok && len(p.trigger) == 1 && len(p.follow) > 0 && s.passive(v) {
			// "UN sanctions against Iran were lifted": the object stands
			// before a passive verb
			start := max(s.first, v-8)
			if _, u, ok2 := s.matchOne(p, start-1, v); ok2 {
				after, used, ok = v+1, u, true
			}
		}
		if !ok && len(p.trigger) > 1 && len(p.follow) > 0 && s.passive(v) {
			// "the strike by coal workers was called off": the particles
			// follow the verb, the object stands before it
			if a, _, ok1 := s.matchOne(&pattern{trigger: p.trigger}, v, end); ok1 {
				start := max(s.first, v-8)
				if _, u, ok2 := s.matchOne(&pattern{trigger: p.trigger[:1], follow: p.follow}, start-1, v); ok2 {
					after, used, ok = a, u, true
				}
			}
		}
		if !ok {
			continue
		}
		span := 0
		if len(used) > 0 {
			span = used[len(used)-1] - v
		}
		// among equally specific patterns, annals' own before PETRARCH's,
		// then the one whose words lie nearest the trigger: "rejected
		// accusation that ... offer" is a denial
		better := best == nil || len(p.follow) > len(best.follow) ||
			len(p.follow) == len(best.follow) && (p.curated && !best.curated || p.curated == best.curated && span < bestSpan)
		if better {
			best, bestAfter, bestUsed, bestSpan = p, after, used, span
		}
	}
	return best, bestAfter, bestUsed
}

// matchOne matches one pattern at v.
func (s *sentence) matchOne(p *pattern, v, end int) (int, []int, bool) {
	j := v + 1
	for _, w := range p.trigger[1:] {
		for j < end && s.tok(j).Tag == "RB" && s.tok(j).Lower != "not" {
			j++
		}
		if j >= end || s.tok(j).Lemma != w && s.tok(j).Lower != w {
			return 0, nil, false
		}
		j++
	}
	var used []int
	k := j
	for fi, alts := range p.follow {
		found := false
		// six words, not counting the names of actors: "accepted Turkish
		// President Recep Tayyip Erdogan's invitation"
		limit := k + 6
		for i := k; i < limit && i < end; i++ {
			if s.inMention[i] {
				limit++
			}
		}
		limit = min(end, limit)
		for ; k < limit; k++ {
			t := s.tok(k)
			if k > j && (t.Tag == "MD" || (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "VBN" && isNoun(s.tok(k-1))) && !isAux(t)) && !has(alts, t.Lemma) && !has(alts, t.Lower) {
				break // another clause's verb: "said he would not provide support"
			}
			if has(alts, t.Lemma) || has(alts, t.Lower) {
				// a noun item must head its phrase: "attacked government
				// forces" is not "attacked the government".
				if isNoun(t) && fi == len(p.follow)-1 && k+1 < end && (s.tok(k+1).Tag == "NN" || s.tok(k+1).Tag == "NNS") && !has(alts, s.tok(k+1).Lemma) && !lightHeads[s.tok(k+1).Lemma] {
					continue
				}
				found = true
				used = append(used, k)
				k++
				break
			}
		}
		if !found {
			return 0, nil, false
		}
	}
	return j, used, true
}

func has(xs []string, x string) bool {
	for _, a := range xs {
		if a == x {
			return true
		}
	}
	return false
}

// passive reports a be/get auxiliary before a past participle, or a
// participle modifying a noun with a by-agent ("warplanes supported by
// Russia").
func (s *sentence) passive(v int) bool {
	if s.tok(v).Tag == "VBD" && v > s.first && isNoun(s.tok(v-1)) {
		return s.reducedRelative(v) || s.patientParticiple(v)
	}
	if (s.tok(v).Tag == "VBN" || s.tok(v).Tag == "VBD") && v-2 >= s.first && s.tok(v-1).Text == "," && isNoun(s.tok(v-2)) && v+1 < s.last &&
		(s.tok(v+1).Lower == "by" || patientVerbs[verbLemma(s.c.lx, s.tok(v))] && !s.objectNext(v)) {
		return true // "The ceasefire, brokered by Egypt and Qatar,", "Eighteen fishermen, held captive in Libya,"
	}
	if s.tok(v).Tag != "VBN" {
		return false
	}
	if v > s.first && isNoun(s.tok(v-1)) && s.reducedRelative(v) {
		return true // "there were ten soldiers killed in ..."
	}
	if v > s.first && isNoun(s.tok(v-1)) && v+1 < s.last {
		// "freed the blogger and activists arrested last week": a
		// participle after a noun, once the main verb has come
		for k := v - 2; k >= s.first; k-- {
			if t := s.tok(k); (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP") && !isAux(t) ||
				t.Tag == "VBN" && k > s.first && s.tok(k-1).Lemma == "have" { // "have freed the blogger, along with activists arrested last week"
				return true
			}
		}
		// a participle after a noun: "warplanes supported by Russia",
		// "the civilians imprisoned for acting against Moscow"
		switch n := s.tok(v + 1); {
		case n.Lower == "by":
			return true
		case n.Tag == "IN" || n.Tag == "," || n.Tag == "RB" || n.Tag == "TO":
			// only when a main verb follows; otherwise the tagger called a
			// past tense a participle ("protesters rallied in Islamabad")
			for k := v + 2; k < s.last; k++ {
				if t := s.tok(k); t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" {
					return true
				}
			}
		}
	}
	for i := v - 1; i >= s.first && i >= v-3; i-- {
		t := s.tok(i)
		if t.Lemma == "be" || t.Lemma == "get" {
			return true
		}
		if t.Tag != "RB" && t.Tag != "VBN" && !when.IsTimeWord(t.Lower) { // ("was today called off")
			return false
		}
	}
	return false
}

// objectNext reports a noun phrase right after the verb at v: its object.
func (s *sentence) objectNext(v int) bool {
	if v+1 >= s.last {
		return false
	}
	n := s.tok(v + 1)
	return n.Tag == "DT" || n.Tag == "CD" || n.Tag == "PRP" || n.Tag == "PRP$" || isNoun(n)
}

// mode finds negation, modals and governing words around the verb group.
func (s *sentence) mode(v int, cs int) annals.Mode {
	// "is considering sending aid": an option weighed, not an act
	if s.tok(v).Tag == "VBG" && v > s.first && weighVerbs[verbLemma(s.c.lx, s.tok(v-1))] && isVerb(s.tok(v-1)) {
		return annals.Hypothetical
	}
	// "is expected to retaliate", "is set to sign": not yet an act; "failed
	// to agree": did not happen
	if s.tok(v).Tag == "VB" && v-2 >= s.first && s.tok(v-1).Lower == "to" {
		switch g := s.tok(v - 2); g.Lower {
		case "expected", "likely", "unlikely", "poised", "set", "due", "bound", "about", "ready", "prepared", "willing":
			if v-3 >= s.first && s.tok(v-3).Lemma == "be" {
				return annals.Hypothetical
			}
		case "failed", "fails", "fail", "failing":
			return annals.Negated
		}
	}
	// "the rebels are believed to have kidnapped": a belief reported
	if s.tok(v).Tag == "VBN" && v-3 >= s.first && s.tok(v-1).Lower == "have" && s.tok(v-2).Lower == "to" {
		switch verbLemma(s.c.lx, s.tok(v-3)) {
		case "believe", "think", "say", "report", "allege", "suspect", "understand", "know", "seem", "appear", "claim", "rumour", "rumor":
			return annals.Reported
		}
	}
	// "vowed to continue attacking ships": the gerund of an infinitive is
	// what is promised, coded with the promise
	if s.tok(v).Tag == "VBG" && v-2 >= s.first && aspectVerbs[verbLemma(s.c.lx, s.tok(v-1))] && s.tok(v-2).Lower == "to" {
		return annals.Hypothetical
	}
	// "US to send Patriot missiles to Ukraine": a headline's infinitive is
	// what is planned
	if s.tok(v).Tag == "VB" && v-1 > s.first && s.tok(v-1).Lower == "to" && !s.governed(v) && s.inMention[v-2] {
		return annals.Intended
	}
	// "wants to attack", "decided to send": a plan, not yet an act
	if s.tok(v).Tag == "VB" && v-2 >= s.first && s.tok(v-1).Lower == "to" && planVerbs[verbLemma(s.c.lx, s.tok(v-2))] {
		return annals.Intended
	}
	// "seeking to deepen a partnership, especially by promoting biofuels":
	// the means of a plan is planned too
	if s.tok(v).Tag == "VBG" && v-1 > s.first && s.tok(v-1).Lower == "by" {
		for k := v - 2; k > s.first && k >= v-15; k-- {
			if g := s.tok(k); isVerb(g) && (s.c.lx.family[g.Lemma] != "" && s.c.lx.family[g.Lemma] != "=" || planVerbs[verbLemma(s.c.lx, g)]) {
				return annals.Hypothetical
			}
		}
	}
	// "warned NATO against sending troops": what is warned against has not
	// happened
	if s.tok(v).Tag == "VBG" && v-1 > s.first && s.tok(v-1).Lower == "against" {
		for k := v - 2; k >= s.first && k >= v-8; k-- {
			if g := s.tok(k); isVerb(g) {
				switch verbLemma(s.c.lx, g) {
				case "warn", "caution", "advise", "counsel", "guard", "vote", "argue", "campaign", "lobby", "protest", "decide":
					return annals.Hypothetical
				}
				break
			}
		}
	}
	// "complain about spying": the topic of what is said, not an act told
	if s.tok(v).Tag == "VBG" && v-1 > s.first && (s.tok(v-1).Lower == "about" || s.tok(v-1).Lower == "regarding" || s.tok(v-1).Lower == "concerning") {
		return annals.Hypothetical
	}
	// "stopped buying Iranian oil", "have resisted taking a harder line",
	// "refrained from striking": the act has ended or was held back
	if s.tok(v).Tag == "VBG" && v > s.first {
		g := v - 1
		if s.tok(g).Lower == "from" && g > s.first {
			g-- // "refrained from", "abstained from"
		}
		if isVerb(s.tok(g)) {
			switch verbLemma(s.c.lx, s.tok(g)) {
			case "stop", "cease", "quit", "halt", "resist", "avoid", "refrain", "abstain", "desist", "shun":
				return annals.Negated
			}
		}
	}
	// "lifting the ban is out of the question"
	for k := v + 1; k+2 < s.last && k <= v+8; k++ {
		if s.tok(k).Lower == "out" && s.tok(k+1).Lower == "of" && (s.tok(k+2).Lower == "question" || s.tok(k+2).Lower == "the" && k+3 < s.last && s.tok(k+3).Lower == "question") {
			return annals.Negated
		}
	}
	// "has no intention of occupying", "no plans to attack"
	for i := v - 1; i > s.first && i >= v-3; i-- {
		switch s.tok(i).Lemma {
		case "intention", "plan", "desire", "interest", "intent":
			if s.tok(i-1).Lower == "no" && (s.tok(i+1).Lower == "of" || s.tok(i+1).Lower == "to") {
				return annals.Negated
			}
		}
	}
	// "did not confirm that it had struck": neither told as fact nor denied
	for i := v - 1; i > s.first+1 && i >= v-12; i-- {
		if l := s.tok(i).Lemma; (l == "confirm" || l == "acknowledge") && isVerb(s.tok(i)) {
			if n := s.tok(i - 1).Lower; n == "not" || n == "n't" || n == "never" || n == "neither" {
				return annals.Hypothetical
			}
		}
	}
	if s.expected(v) {
		return annals.Hypothetical
	}
	for i := v - 1; i >= s.first && i >= v-4; i-- {
		t := s.tok(i)
		switch t.Lower {
		case "not", "n't", "never", "no":
			return annals.Negated
		case "would", "could", "might", "may", "should", "can", "must":
			if t.Tag == "MD" && t.Lower == "would" && s.backshifted(i) {
				return annals.Intended // "said it would allow": reported "will"
			}
			if t.Tag == "MD" {
				return annals.Hypothetical
			}
		case "will", "shall", "'ll":
			if t.Tag == "MD" {
				return annals.Intended
			}
		}
		if isNoun(t) || t.Tag == "PRP" || t.Tag == "," {
			break
		}
	}
	// governing words earlier in the sentence
	for i := s.first; i < v; i++ {
		t := s.tok(i)
		switch t.Lemma {
		case "deny", "dismiss", "refute":
			if i < v && (i >= cs-1 || s.tok(i+1).Lower == "that" || s.tok(i+1).Lower == "any" || s.tok(i+1).Lower == "allegations") {
				return annals.Negated
			}
		case "if", "unless", "whether":
			if i >= cs-1 {
				return annals.Hypothetical
			}
		case "fear", "threat", "risk", "possibility", "prospect", "danger":
			if i+1 < s.last && (s.tok(i+1).Lower == "of" || s.tok(i+1).Lower == "that") && v-i <= 5 {
				return annals.Hypothetical
			}
		}
		if t.Lower == "allegedly" || t.Lower == "reportedly" || t.Lower == "purportedly" {
			return annals.Reported
		}
	}
	if v >= s.reportedFrom {
		return annals.Reported
	}
	// "arrested for collaborating with ...", "praised for helping ...": the
	// reason given for a judgment is its content, not an event told as fact
	if s.judgedFor(v) != "" {
		return annals.Reported
	}
	return annals.Asserted
}

// expected reports whether the verb at v is what someone hopes, expects
// or believes will happen: "hopes that Japan will persuade ...".
func (s *sentence) expected(v int) bool {
	for i := max(s.first, v-12); i < v-1; i++ {
		switch s.tok(i).Lemma {
		case "hope", "expect", "wish", "believe", "think", "doubt", "predict", "pessimistic", "optimistic", "confident",
			"skeptical", "sceptical", "likely", "unlikely", "possible", "worry":
			if n := s.tok(i + 1); n.Lower == "that" || n.Lower == "about" || n.Tag == "NNP" || n.Tag == "PRP" || n.Tag == "DT" {
				return true
			}
		}
	}
	return false
}

// inCharge reports whether token i lies in the reason given for a charge
// or a sentence: "jailed a student for helping militants join a group".
func (s *sentence) inCharge(i int) bool {
	for k := i; k > s.first && k >= i-12; k-- {
		if tk := s.tok(k); k < i && (s.boundary(k) || tk.Tag == "VBD" || tk.Tag == "VBZ" || tk.Tag == "VBP" || tk.Tag == "MD") {
			return false // "... for acting against Moscow were released": the charge has ended
		}
		if s.tok(k).Tag == "VBG" && s.judgedFor(k) == "blame" {
			return true
		}
	}
	return false
}

// judgedFor returns the judgment ("blame" or "praise") whose "for ...ing"
// phrase the gerund at v is: "jailed a student for helping militants",
// "thanked Qatar for mediating".
func (s *sentence) judgedFor(v int) string {
	if s.tok(v).Tag != "VBG" || v-1 <= s.first || s.tok(v-1).Lower != "for" {
		return ""
	}
	for i := v - 2; i >= s.first && i >= v-12; i-- {
		if j := judgments[verbLemma(s.c.lx, s.tok(i))]; j != "" && isVerb(s.tok(i)) {
			return j
		}
	}
	return ""
}

// subject returns the actor(s) before v in its clause, or the subject of
// the clause a relative pronoun or participle hangs from.
func (s *sentence) subject(v int) []annals.Mention {
	if s.tree {
		if ms, ok := s.treeSubject(v); ok {
			return ms
		}
	}
	cs := s.clauseStart(v)
	// a finite verb between a candidate and v owns the candidate, unless v
	// is coordinated with it ("condemned the attack and summoned ...").
	vg := v
	for vg > s.first && (s.tok(vg-1).Tag == "MD" || s.tok(vg-1).Tag == "RB" || isAux(s.tok(vg-1))) {
		vg--
	}
	coordVP := vg > s.first && (s.tok(vg-1).Lower == "and" || s.tok(vg-1).Lower == "or" || s.tok(vg-1).Lower == "but")
	if coordVP {
		// "ISIL had attacked Iraq and taken Mosul": the first verb's subject
		for g := vg - 2; g > cs && g >= vg-12; g-- {
			if tg := s.tok(g); isVerb(tg) && !isAux(tg) && tg.Tag != "VBG" {
				if subj := s.subject(g); len(subj) > 0 {
					return subj
				}
				break
			}
		}
	}
	if !coordVP {
		for i := vg - 1; i > cs; i-- {
			t := s.tok(i)
			if (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP") && !isAux(t) && !s.inMention[i] &&
				!(t.Tag == "VBD" && i > s.first && isNoun(s.tok(i-1)) && s.patientParticiple(i)) {
				cs = i
				break
			}
		}
	}
	// "the FARC said they will lay down arms": a pronoun subject of a
	// reported clause is the speaker
	if p := s.pronounSubject(vg); p >= 0 {
		for k := len(s.reports) - 1; k >= 0; k-- {
			if s.reports[k].verb < p {
				return []annals.Mention{s.reports[k].speaker}
			}
		}
	}
	if vg-1 > s.first && s.tok(vg-1).Text == "," {
		// "China, which has close ties with both sides, offered": the
		// relative clause has closed; the verb is the main one
		for k := vg - 2; k > s.first && k >= vg-25; k-- {
			if rel := s.tok(k).Lower; (rel == "which" || rel == "who") && s.tok(k-1).Text == "," {
				for i := len(s.ms) - 1; i >= 0; i-- {
					// the mention or its head noun before the comma: "The
					// African Union mission, which ..."
					if m := s.ms[i]; m.Last <= k-1 && m.Last >= k-3 && allNouns(s.doc.Tokens[m.Last:k-1]) {
						return s.coordinated(i)
					}
				}
				break
			}
		}
	}
	best := -1
	for i := len(s.ms) - 1; i >= 0; i-- {
		m := s.ms[i]
		if m.Last > v || m.First < cs {
			continue
		}
		if m.Place && m.Last < v && isNoun(s.tok(m.Last)) {
			continue // "the Mumbai attacks killed": where, not who
		}
		if s.participleObject(m, cs) {
			continue // "the coalition fighting Houthi rebels has declared": a participle's object
		}
		if m.First > s.first {
			pi := m.First - 1
			for k := pi; k > s.first && k >= m.First-3; k-- {
				t := s.tok(k)
				if !(t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "NN" || t.Tag == "NNS") {
					break
				}
				if p := s.tok(k - 1); p.Tag == "IN" {
					if t.Tag == "CD" && (p.Lower == "around" || p.Lower == "about" || p.Lower == "over" || p.Lower == "nearly" || p.Lower == "some" || p.Lower == "under") {
						break // "Around 3,000 Islamic State members": a number, not a phrase
					}
					pi = k - 1 // "released in the Rwandan capital", "the strike by coal workers"
					break
				}
				if t.Tag == "DT" || t.Tag == "PRP$" {
					break // the phrase starts here ("In recent years the Taliban")
				}
			}
			p := s.tok(pi)
			quantity := p.Lower == "of" && pi > s.first && quantities[s.tok(pi-1).Lower] // "thousands of protesters", "supporters of the junta"
			if (p.Tag == "IN" && !subordinators[p.Lower] || p.Tag == "TO") && !quantity {
				continue // inside a prepositional phrase
			}
		}
		best = i
		break
	}
	// "The Ogaden National Liberation Front (ONLF) declared": the name, not
	// the acronym in parentheses
	if best > 0 && s.ms[best].First > s.first && s.tok(s.ms[best].First-1).Text == "(" && s.ms[best-1].Last == s.ms[best].First-1 {
		best--
	}
	if best < 0 && v-1 > s.first && s.tok(v-1).Lower == "to" {
		// "Japan decided to ease ...": the governing verb's subject
		for g := v - 2; g >= s.first && g >= v-8; g-- {
			if t := s.tok(g); isVerb(t) && !isAux(t) {
				return s.subject(g)
			}
		}
	}
	if best < 0 {
		// relative clause or participle: the subject of the clause before
		if cs > s.first && (s.tok(cs).Lower == "which" || s.tok(cs).Lower == "who" || s.tok(cs).Lower == "that" || s.tok(cs).Text == "," || s.tok(cs).Lower == "while" || s.tok(cs).Lower == "after" || s.tok(cs).Lower == "before") {
			if s.ownSubject(cs+1, vg) {
				return nil // "after the skirmish went wrong": a subject that is no actor
			}
			if rel := s.tok(cs).Lower; rel == "which" || rel == "who" || rel == "that" {
				// the relative pronoun stands for the noun before it, even
				// inside a phrase: "its campaign against the militant group
				// that has seized ..."
				a := cs
				if a-1 > s.first && s.tok(a-1).Text == "," {
					a--
				}
				for i := len(s.ms) - 1; i >= 0; i-- {
					if s.ms[i].Last == a {
						return s.coordinated(i)
					}
				}
				if isNoun(s.tok(a - 1)) {
					return nil // "the step which ...": no actor
				}
			}
			for i := len(s.ms) - 1; i >= 0; i-- {
				m := s.ms[i]
				if m.Last <= cs && (m.First == s.first || s.tok(m.First-1).Tag != "IN") {
					if s.tok(cs).Lower == "which" || s.tok(cs).Lower == "who" || s.tok(cs).Lower == "that" {
						return s.coordinated(i)
					}
					// participle clauses take the main subject: the first
					// mention of the sentence not inside a PP.
					return s.coordinated(s.firstSubject(cs))
				}
			}
		}
		return nil
	}
	return s.coordinated(best)
}

// ownSubject reports whether a noun phrase that is no actor stands between
// from and the verb group at vg, outside prepositional phrases: the clause
// has a subject of its own.
func (s *sentence) ownSubject(from, vg int) bool {
	inPP := false
	for k := from; k < vg; k++ {
		t := s.tok(k)
		switch {
		case t.Tag == "IN" || t.Tag == "TO":
			inPP = true
		case (isNoun(t) || t.Tag == "PRP") && !s.inMention[k] && !inPP && !when.IsTimeWord(t.Lower):
			return true
		case t.Tag == "DT" && !inPP && k+1 < vg && !s.inMention[k+1] && !(k+2 < vg && s.inMention[k+2]):
			return true // "the skirmish" even when tagged as an adjective
		case t.Tag == "," || isVerb(t):
			inPP = false
		}
	}
	return false
}

func (s *sentence) firstSubject(before int) int {
	for i, m := range s.ms {
		if m.Last > before {
			break
		}
		if m.First == s.first || s.tok(m.First-1).Tag != "IN" {
			return i
		}
	}
	return -1
}

// coordinated returns mention i with the mentions joined to it by "and"
// or commas, and reference mentions that share its span.
func (s *sentence) coordinated(i int) []annals.Mention {
	if i < 0 {
		return nil
	}
	out := []annals.Mention{s.ms[i]}
	// same span (a reference resolved to two actors)
	for j := range s.ms {
		if j != i && s.ms[j].Span == s.ms[i].Span {
			out = append(out, s.ms[j])
		}
	}
	// leftwards: "Pakistan and Iran", "Egypt, Qatar and Turkey"; a comma
	// alone is a list only when a conjunction closes it ("the US commander
	// in Iraq, General David Petraeus," is one person)
	conj := false
	for j := i - 1; j >= 0; j-- {
		a, b := s.ms[j], s.ms[j+1]
		if a.Span == b.Span {
			continue
		}
		if a.Last > b.First {
			break
		}
		gap := s.doc.Tokens[a.Last:b.First]
		if !conj && len(gap) == 1 && gap[0].Text == "," && b.Last < s.last && s.tok(b.Last).Text == "," && s.startPP(a.First) < 0 {
			if b.Code == "" && a.Code != "" {
				out = []annals.Mention{a} // "A spokesman for the Taliban, Qari Yussouf Ahmadi,": the known one
			} else {
				out = append(out, a) // "Germany's foreign minister, Annalena Baerbock,": one person
			}
			break
		}
		headline := (a.First == s.first || subordinators[s.tok(a.First-1).Lower]) && len(gap) == 1 && gap[0].Text == "," &&
			b.Last < s.last && (isVerb(s.tok(b.Last)) || isNoun(s.tok(b.Last))) // "Pakistan, Iran agree to ...", "as India, Pakistan trade fire"
		if !coordGap(gap) || !conj && !conjGap(gap) && !headline {
			break
		}
		conj = true
		if k := s.startPP(a.First); k >= 0 && s.startPP(b.First) < 0 && b.Last < s.last && s.finite(b.Last) {
			break // "rockets at northern Israel, and Israeli jets struck"
		}
		out = append(out, a)
	}
	// rightwards for objects: "struck Iran and Afghanistan", but not the
	// subject of the next clause ("at Israel, and Israeli jets struck")
	for j := i + 1; j < len(s.ms); j++ {
		a, b := s.ms[j-1], s.ms[j]
		if b.Last < s.last && s.finite(b.Last) && a.Last < b.First && s.tok(a.Last).Text == "," {
			break // ", and Israeli jets struck": the next clause's subject
		}
		if a.Span == b.Span {
			if j-1 == i || containsMention(out, a) {
				continue
			}
			break
		}
		if a.Last > b.First {
			break
		}
		if !coordGap(s.doc.Tokens[a.Last:b.First]) || !containsMention(out, a) {
			break
		}
		if !conjGap(s.doc.Tokens[a.Last:b.First]) && !s.listCloses(j) {
			break
		}
		out = append(out, b)
	}
	return dedupMentions(out)
}

// consumedIn reports whether a pattern's words took a token of mention m.
func (s *sentence) consumedIn(m annals.Mention) bool {
	for k := m.First; k < m.Last; k++ {
		if s.consumed[k] {
			return true
		}
	}
	return false
}

// finite reports a finite verb (or modal, or auxiliary) at i.
func (s *sentence) finite(i int) bool {
	t := s.tok(i)
	return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"
}

// startPP returns the preposition whose phrase the token at i opens,
// past determiners and adjectives, or -1.
func (s *sentence) startPP(i int) int {
	for k := i - 1; k >= s.first && k >= i-3; k-- {
		t := s.tok(k)
		if t.Tag == "IN" && !subordinators[t.Lower] {
			return k
		}
		if !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "PRP$") {
			return -1
		}
	}
	return -1
}

func containsMention(ms []annals.Mention, m annals.Mention) bool {
	for _, x := range ms {
		if x.Span == m.Span && x.Code == m.Code {
			return true
		}
	}
	return false
}

func dedupMentions(ms []annals.Mention) []annals.Mention {
	var out []annals.Mention
	for _, m := range ms {
		if !containsMention(out, m) {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

var locatives = map[string]bool{"in": true, "inside": true, "at": true, "near": true, "across": true, "within": true,
	"from": true, "outside": true, "along": true, "throughout": true, "around": true, "over": true, "during": true, "since": true}

// object returns the first actor after from (before end), preferring one
// after a preposition the pattern named; locative mentions count only when
// allowLoc is set and nothing else is found.
func (s *sentence) object(from, end int, preps []string, allowLoc bool) ([]annals.Mention, bool) {
	return s.objectRoot(from, end, preps, allowLoc, "")
}

// objectRoot is object with the event's root, which lets "withdrew from X"
// and "recalled its envoy from X" take X.
func (s *sentence) objectRoot(from, end int, preps []string, allowLoc bool, root string) ([]annals.Mention, bool) {
	var loc, own = -1, -1
	before := func(m annals.Mention) string {
		p := ""
		if m.First > s.first {
			p = s.tok(m.First - 1).Lower
			if p == "the" && m.First-1 > s.first {
				p = s.tok(m.First - 2).Lower
			}
		}
		return p
	}
	// the pattern's preposition names the target ("send ... to Ukraine"),
	// wherever other names stand before it
	for i, m := range s.ms {
		if m.First >= from && m.First < end && len(preps) > 0 && has(preps, before(m)) {
			return s.coordinated(i), false
		}
	}
	agent := false
	for i, m := range s.ms {
		if m.First < from || m.First >= end {
			continue
		}
		p := before(m)
		if p == "by" || agent && (p == "and" || p == "or" || p == ",") {
			agent = true
			continue // a passive agent: "a ceasefire brokered by the United States and France"
		}
		agent = false
		if s.speaker(m) {
			continue // ", US Deputy Secretary Jeffrey Kupfer said"
		}
		if m.Code == "" && p == "of" {
			continue // "the border village of Banjska": a place's name
		}
		if m.Last < s.last && s.finite(m.Last) && m.First > s.first && (s.tok(m.First-1).Text == "," || s.tok(m.First-1).Lower == "and" || s.tok(m.First-1).Tag == "DT" && s.tok(m.First-2).Lower == "and") {
			continue // ", and the separatist authorities agreed": the next clause's subject
		}
		if s.consumed[m.First] || s.tok(m.First).Tag == "PRP$" && (s.consumedIn(m) || m.Ref) {
			if own < 0 {
				own = i // the pattern's own object word ("recalled its ambassador")
			}
			continue
		}
		if p == "from" && (root == "16" || root == "08") && m.Code != "" {
			return s.coordinated(i), false
		}
		if locatives[p] {
			if loc < 0 && m.Code != "" {
				loc = i
			}
			continue
		}
		return s.coordinated(i), false
	}
	if allowLoc && loc >= 0 && s.ms[loc].Code != "" {
		return s.coordinated(loc), true
	}
	if own >= 0 {
		return s.coordinated(own), false
	}
	return nil, false
}

// speaker reports whether mention m is the subject of a reporting verb
// that follows it: "..., the foreign ministry said".
func (s *sentence) speaker(m annals.Mention) bool {
	a := m.First
	for a-1 > s.first && (s.inMention[a-1] || s.tok(a-1).Tag == "NNP" || s.tok(a-1).Tag == "NNPS" || s.tok(a-1).Tag == "JJ" || s.tok(a-1).Tag == "DT" ||
		s.tok(a-1).Lower == "of" || s.tok(a-1).Lower == "on" || s.tok(a-1).Lower == "from" || isNoun(s.tok(a-1))) { // ", officials on both sides said"
		a-- // "..., US Deputy Secretary of Energy Jeffrey Kupfer said"
	}
	for a-1 > s.first && isQuote(s.tok(a-1).Text) {
		a-- // '"Israel must stop the bombardment," Erdogan said'
	}
	if a-1 <= s.first || s.tok(a-1).Text != "," {
		return false
	}
	for k := m.Last; k < s.last && k < m.Last+10; k++ {
		t := s.tok(k)
		if isVerb(t) {
			return reportingVerbs[verbLemma(s.c.lx, t)] && (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP")
		}
		if !(t.Tag == "NNP" || t.Tag == "NNPS" || isNoun(t) || t.Lower == "of" || t.Tag == "JJ" || t.Tag == "POS" || t.Tag == "," || t.Tag == "DT" || s.inMention[k]) {
			return false
		}
	}
	return false
}

// hazards are the natural causes that a possessor or adjective can make
// look like an actor's act: "Nepal's monsoon floods killed 200 people".
var hazards = map[string]bool{"flood": true, "earthquake": true, "quake": true, "storm": true, "cyclone": true, "typhoon": true,
	"hurricane": true, "landslide": true, "wildfire": true, "fire": true, "heatwave": true, "drought": true, "epidemic": true,
	"outbreak": true, "disease": true, "avalanche": true, "tsunami": true, "rain": true, "monsoon": true,
	"crash": true, "accident": true, "collision": true}

// hazardBefore reports whether a hazard noun heads the subject between the
// end of its actor mention and the verb.
func (s *sentence) hazardBefore(from, v int) bool {
	for i := from; i < v && i < s.last; i++ {
		if isNoun(s.tok(i)) && hazards[s.tok(i).Lemma] {
			return true
		}
		if isVerb(s.tok(i)) && !isAux(s.tok(i)) {
			return false
		}
	}
	return false
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

// nounBy reports whether the "by" before mention start m follows a noun
// ("the violation of its airspace by Iran"), not a participle.
func (s *sentence) nounBy(from, m int) bool {
	for k := m - 1; k > from; k-- {
		if s.tok(k).Lower == "by" {
			return isNoun(s.tok(k - 1))
		}
	}
	return false
}

// byAgent returns the mention after "by" (or "from") following v: a
// passive's agent, or who gives "support from X".
func (s *sentence) byAgent(from, end int) []annals.Mention { return s.agentAfter(from, end, true) }

// agentAfter is byAgent, with "from" naming the agent only when withFrom
// is set: "a withdrawal from ECOWAS" is not ECOWAS's.
func (s *sentence) agentAfter(from, end int, withFrom bool) []annals.Mention {
	for i, m := range s.ms {
		if m.First <= from || m.First >= end || m.First == s.first {
			continue
		}
		// "by Russia", "by the army", "by prison guards"
		for k := m.First - 1; k > from && k >= m.First-3; k-- {
			w := s.tok(k)
			if w.Lower == "by" || w.Lower == "from" && withFrom {
				if s.hazardBefore(m.Last, min(m.Last+4, end)) {
					return nil // "killed by the Malaysia Airlines flight MH17 crash"
				}
				return s.coordinated(i)
			}
			if !(w.Tag == "DT" || w.Tag == "JJ" || isNoun(w) || w.Tag == "PRP$") {
				break
			}
		}
	}
	return nil
}

// complement finds "to VERB" after v within the clause and returns the
// complement verb's index.
func (s *sentence) complement(v, end int) int {
	for i := v + 1; i < end && i < v+10; i++ {
		if s.tok(i).Lower == "to" && i+1 < s.last && (s.tok(i+1).Tag == "VB" || s.tok(i+1).Tag == "VBG" || s.c.lx.compCat[s.tok(i+1).Lemma] != "") {
			return i + 1 // "pledged to cooperate", "committed to opening"
		}
		if s.tok(i).Lower == "that" && i > v+1 {
			break
		}
	}
	// "demanded that Iran withdraw", "agreed on cooperating"
	for i := v + 1; i < end && i < v+10; i++ {
		t := s.tok(i)
		if t.Lower == "that" && i > v+1 {
			break // "rejected accusations that it had used ... to aid": a noun's clause
		}
		if t.Tag == "VB" || t.Tag == "VBG" && i > v+1 && (s.tok(i-1).Lower == "on" || s.tok(i-1).Lower == "for") {
			return i
		}
		// "demanded that Afghanistan act": a verb right after the subject
		if s.tok(v+1).Lower == "that" && i > v+2 && (t.Tag == "VBP" || isNoun(t) && s.c.lx.compCat[t.Lemma] != "") && s.inMention[i-1] {
			return i
		}
	}
	return -1
}

func (s *sentence) verb(v int, skip map[int]bool) {
	t := s.tok(v)
	lx := s.c.lx
	cs, ce := s.clauseStart(v), s.clauseEnd(v)
	pats := lx.verbs[verbLemma(lx, t)]
	fam := lx.family[t.Lemma]
	if fam == "" {
		fam = lx.family[verbLemma(lx, t)] // "planning" read as a noun's lemma
	}
	// two-word governors: "call on"
	if v+1 < s.last {
		if f, ok := lx.family[t.Lemma+" "+s.tok(v+1).Lower]; ok {
			fam = f
		}
	}
	var p *pattern
	after := v + 1
	var used []int
	if len(pats) > 0 {
		p, after, used = s.matchPattern(pats, v, ce)
	}
	code, rule := "", ""
	if p != nil {
		code, rule = p.code, p.loc
	}
	comp := -1
	if fam == "=" {
		// "scheduled to attend", "wants to re-examine", "helped to carry
		// out": the infinitive is the event, with this verb's subject
		if c := s.complement(v, s.clauseEnd(min(s.last-1, v+2))); c > v && s.tok(c-1).Lower == "to" {
			if l := verbLemma(lx, t); (l == "want" || l == "expect") && s.mentionIn(v+1, c-1) {
				fam = "02" // "wants Russia to attack": an appeal to Russia
			} else {
				s.transparent[c] = true
				return
			}
		}
		if fam == "=" {
			fam = "" // "began joint exercises": the verb's own patterns
		}
	}
	if fam != "" {
		comp = s.complement(v, s.clauseEnd(min(s.last-1, v+2)))
		if comp >= 0 {
			cl := s.tok(comp).Lemma
			cat := lx.compCat[cl]
			if comp+1 < s.last {
				if c2, ok := lx.compCat[cl+" "+s.tok(comp+1).Lower]; ok {
					cat = c2
				}
			}
			// "vowed to continue the offensive": an aspect verb's object is
			// what is promised
			if cat == "" && (aspectVerbs[cl] || lx.family[cl] == "=") {
				cat = s.nounCategory(comp+1, min(comp+6, s.last))
			}
			// the complement's own words decide: "return to negotiations"
			// is a meeting, "return the hostages" a release
			if cp, _, _ := s.matchPattern(lx.verbs[cl], comp, ce); cp != nil && len(cp.follow) > 0 && cp.curated {
				if c := coopCategory(cp.code); c != "" {
					cat = c
				}
			}
			c2, ok := lx.compMap[fam+"/"+cat]
			if !ok {
				c2 = lx.compMap[fam+"/*"]
				if p != nil && content(p.follow) > 0 && p.code != "---" {
					c2 = "" // "declined to comment": the pattern knows better
				}
			}
			if c2 != "" {
				code = c2
				rule = "complements.tsv " + fam + "/" + cat + " (" + t.Lemma + " to " + cl + ")"
				skip[comp] = true
				// the complement's own object words are part of this event
				if cp, _, cu := s.matchPattern(lx.verbs[cl], comp, ce); cp != nil {
					for _, u := range cu {
						s.consumed[u] = true
					}
				}
			}
		}
	}
	if recipientVerbs[verbLemma(lx, t)] && comp < 0 && s.nominalFrom(v, ce) {
		s.tr.add(t.Text + ": what is received is the event")
		return
	}
	if code == "043" && verbLemma(lx, t) == "receive" && !s.passive(v) && !s.guestAfter(after) {
		s.tr.add(t.Text + ": receives things, not guests")
		return
	}
	if code == "" || code == "---" {
		if p != nil && code == "---" {
			s.tr.add(t.Text + ": suppressed by " + p.loc)
		} else if len(pats) > 0 {
			s.tr.add(t.Text + ": no pattern matched")
		}
		return
	}
	for _, u := range used {
		// a verb or an event noun in the pattern ("condemned the Israeli
		// strike") can still be an event of its own, unless the verb undoes
		// it ("lifted the sanctions", "the sanctions were lifted")
		if l := verbLemma(lx, t); !isVerb(s.tok(u)) && (lx.nouns[s.tok(u).Lemma] == nil || supportVerbs[l] || measureVerbs[l] || undoes(lx, code, s.tok(u).Lemma)) {
			s.consumed[u] = true // "launched an air strike" is one event, "condemned the strike" two
		}
	}
	info := lx.Info(code)
	baseRoot := "" // the act's own root, before a promise or refusal recodes it
	if info != nil {
		baseRoot = info.Root
	}
	mode := s.mode(v, cs)
	if fam == "03" && mode == annals.Asserted && strings.HasPrefix(code, "03") {
		mode = annals.Intended
	}
	// "has not ruled out military action": the option stays open, a threat
	if mode == annals.Negated && verbLemma(lx, t) == "rule" && v+1 < s.last && s.tok(v+1).Lower == "out" && info != nil && (info.Quad == 4 || p != nil && strings.HasPrefix(p.code, "13")) {
		if c := futureCode(lx, code); c != "" {
			rule += " + not ruled out (" + code + " -> " + c + ")"
			code, mode = c, annals.Asserted
			info = lx.Info(code)
		}
	}
	// "he would not provide support", "they will not end the strike": a
	// refusal (12x), asserted
	if fam == "" && mode == annals.Negated && info != nil && s.modalNot(v) {
		if c := refusalCode(lx, code); c != "" {
			rule += " + will not (" + code + " -> " + c + ")"
			code, mode = c, annals.Asserted
			info = lx.Info(code)
		}
	}
	// "the rebels will release the hostages" is a promise: CAMEO codes an
	// intent (03x), and "will strike" a threat (13x)
	if fam == "" && mode == annals.Intended && info != nil {
		if c := futureCode(lx, code); c != "" {
			rule += " + will (" + code + " -> " + c + ")"
			code = c
			info = lx.Info(code)
		}
	}
	// Roles
	var src, tgt []annals.Mention
	pair := false // coordinated sources acting on each other
	conf := 0.85
	if p != nil && len(p.follow) > 0 || comp >= 0 {
		conf = 0.9
	}
	preps := prepsOf(p)
	if s.passive(v) && !(fam == "03" && comp > v) { // ("is committed to opening": an adjective)
		tgt = s.subject(v)
		// the agent stands inside the participle's own phrase: not "by
		// Putin" in "the civilians imprisoned for ... were released by Putin"
		pe := ce
		for k := v + 1; k < ce; k++ {
			if tk := s.tok(k); tk.Tag == "VBD" || tk.Tag == "VBZ" || tk.Tag == "VBP" || tk.Tag == "MD" {
				pe = k
				break
			}
		}
		src = s.byAgent(v, pe)
		conf -= 0.05
		if len(src) == 0 {
			// "UN sanctions against Iran were lifted": whoever imposed them
			for _, u := range used {
				if u < v && undoes(lx, code, s.tok(u).Lemma) {
					for i, m := range s.ms {
						if m.Last <= u && m.Last >= u-2 {
							src = s.coordinated(i)
						}
					}
					if len(src) == 0 {
						src = s.byAgent(u, v) // "the strike by coal workers was called off"
					}
				}
			}
		}
		for _, u := range used {
			if u < v && (len(tgt) == 0 || tgt[0].First < u) {
				// "the sanctions on Venezuela were lifted": the target is
				// attached to the object that stands before the verb
				if t2, _ := s.objectRoot(u+1, v, preps, false, ""); len(t2) > 0 {
					tgt = t2
				}
			}
		}
	} else {
		src = s.subject(v)
		if l := verbLemma(s.c.lx, s.tok(max(v-1, s.first))); len(src) == 0 && t.Tag == "VBG" && v > s.first && (aspectVerbs[l] || l == "deny" || l == "admit") {
			src = s.subject(v - 1) // "Kenya began sending troops", "the rebels denied shelling"
		}
		if len(src) == 0 && t.Tag == "VBG" && v > s.first && documents[s.tok(v-1).Lemma] {
			// "the board passed a resolution censuring Iran": the author of
			// the object the participle describes
			for g := v - 2; g >= s.first && g >= v-6; g-- {
				if tg := s.tok(g); (tg.Tag == "VBD" || tg.Tag == "VBZ" || tg.Tag == "VBP") && !isAux(tg) {
					src = s.subject(g)
					break
				}
			}
		}
		end := ce
		if comp > v {
			end = comp // "demanded that Afghanistan act": up to the complement
		} else {
			for k := after; k < ce; k++ {
				if tk, pt := s.tok(k), s.tok(k-1).Tag; (tk.Tag == "VBD" || tk.Tag == "VBZ" || tk.Tag == "VBP") && !isAux(tk) && !s.inMention[k] &&
					pt != "DT" && pt != "CD" && pt != "JJ" && pt != "PRP$" && // ("the two exiled dissidents")
					!(reportingVerbs[verbLemma(lx, tk)] && pt == "PRP") { // ("strikes on what it said were bases")
					end = k // "condemned the strikes and said its forces ...": the next predicate's
					break
				}
			}
		}
		allowLoc := info != nil
		var locTarget bool
		root := baseRoot
		tgt, locTarget = s.objectRoot(after, end, preps, allowLoc, root)
		if len(tgt) == 0 && comp > 0 && fam != "02" { // (an appeal is aimed at whom it asks, not at what they should act on)
			tgt, locTarget = s.objectRoot(comp, ce, preps, allowLoc, root)
		}
		if len(tgt) == 0 && comp < 0 && info != nil && (info.Quad == 1 || info.Quad == 3) {
			// "condemned the violation of its airspace by Iran": the
			// agent of the object is what a verbal reaction is aimed at
			// (not "a ceasefire brokered by the United States")
			if ag := s.byAgent(after, end); len(ag) > 0 && (len(src) == 0 || ag[0].Code != src[0].Code) && s.nounBy(after, ag[0].First) {
				tgt = ag
			}
		}
		if len(tgt) == 0 && comp < 0 && info != nil && (info.Quad == 1 || info.Quad == 3) && len(src) > 0 {
			// "the Taliban denounced the strikes": a reaction to an event
			// told earlier is aimed at whoever did it
			if m, ok := s.doerOfObject(after, end, src[0]); ok {
				tgt = []annals.Mention{m}
			}
		}
		coop := info != nil && info.Quad <= 2
		if coop && len(tgt) > 0 && s.tok(tgt[0].First-1).Lower == "against" && !s.consumed[tgt[0].First-2] {
			// (but "lifted sanctions against Iran": the pattern's noun
			// takes the "against")
			tgt = nil // cooperation against a common enemy
		}
		if coop && len(src) > 1 && len(tgt) > 0 && s.startPP(tgt[0].First) >= 0 {
			switch s.tok(s.startPP(tgt[0].First)).Lower {
			case "on", "about", "over", "regarding", "concerning":
				tgt = nil // "agreed to share intelligence on Russian submarines": a topic
			}
		}
		if len(src) > 1 && (s.mutual(v, ce) || locTarget && symmetric(info) || symmetric(info) && ownSide(src, tgt)) {
			tgt = nil // "pledged to work together", "clashed in Ladakh", "agreed to disengage troops": both directions
		}
		if len(src) > 1 && symmetric(info) && len(tgt) > 0 && tgt[0].Code == "" {
			tgt = nil // "the two sides agreed to reopen the Torkham crossing"
		}
		if l := verbLemma(lx, t); len(src) > 1 && len(tgt) == 0 && (l == "trade" || l == "exchange" || l == "swap") {
			code0 := code
			// "the army and the RSF traded blame": each to the other
			for _, a := range src {
				for _, b := range src {
					if a.Code != b.Code {
						b := b
						s.add(a, &b, code0, rule+" (reciprocal)", v, v+1, mode, conf-0.05)
					}
				}
			}
			return
		}
		pair = len(src) > 1 && len(tgt) == 0 && symmetric(info)
		if locTarget {
			conf -= 0.1 // the place stands for the target
		}
	}
	// "accused X of Y": what follows is the content of the accusation
	if t.Lemma == "accuse" || t.Lemma == "blame" || t.Lemma == "allege" {
		s.reportedFrom = v + 1
	}
	if len(src) > 0 && !s.passive(v) && s.hazardBefore(src[0].Last, v) {
		s.tr.add(t.Text + ": the subject is a natural hazard, not " + src[0].Text)
		src = nil
	}
	if len(src) == 0 {
		s.tr.add(t.Text + ": " + code + " from " + rule + " has no source actor")
		return
	}
	if c, why := s.noTarget(code, src, tgt, v, ce); c != code {
		code, rule = c, rule+" ("+why+")"
	}
	if len(tgt) == 0 && !pair {
		if p != nil && catchAll(p) && rule == p.loc {
			// PETRARCH-2's bare rows ("rule" 060, "force" 170, "join"
			// 040) were right 6-18% of the time on unseen news; alone
			// they say too little to code an event without a target
			s.tr.add(fmt.Sprintf("%s: %s from the catch-all row %s has no target, not coded", t.Text, code, rule))
			return
		}
		conf -= 0.15
	}
	s.emit(src, tgt, code, rule, v, v+1, mode, conf)
	if code == "043" && len(tgt) > 0 && len(src) > 0 {
		// "received ministers from the government": a host's guests visit
		for _, g := range tgt {
			if g.Code != "" && g.Code != src[0].Code {
				s.add(g, &src[0], "042", rule+" (hosted: the guest visits)", v, v+1, mode, conf-0.1)
			}
		}
	}
}

// ownSide reports whether every target belongs to a source's country:
// "India and China agreed to disengage troops" acts on their own troops.
func ownSide(src, tgt []annals.Mention) bool {
	if len(tgt) == 0 {
		return false
	}
	for _, g := range tgt {
		own := false
		for _, m := range src {
			own = own || len(g.Code) >= 3 && len(m.Code) >= 3 && g.Code[:3] == m.Code[:3]
		}
		if !own {
			return false
		}
	}
	return true
}

// noTarget recodes force used on no one: troops moved into a region of
// their own country are mobilised (154), not occupying (192); missiles
// fired into the sea are a show of force (150), not an air strike.
func (s *sentence) noTarget(code string, src, tgt []annals.Mention, v, end int) (string, string) {
	for _, g := range tgt {
		if len(g.Code) < 3 || len(src[0].Code) < 3 || g.Code[:3] != src[0].Code[:3] {
			return code, "" // a foreign or unknown target
		}
	}
	switch verbLemma(s.c.lx, s.tok(v)) {
	case "move", "send", "deploy", "dispatch", "mass", "bring", "pour", "roll":
		if strings.HasPrefix(code, "192") {
			return "154", "no foreign territory: 154"
		}
	}
	if len(tgt) == 0 && (strings.HasPrefix(code, "19") || strings.HasPrefix(code, "18")) {
		for k := v + 1; k < end && k < v+12; k++ {
			if l := s.tok(k).Lower; l == "sea" || l == "ocean" || l == "waters" {
				for j := k - 1; j > v && j >= k-4; j-- {
					if s.tok(j).Lower == "into" {
						return "150", "fired into the sea: 150"
					}
				}
			}
		}
	}
	return code, ""
}

func prepsOf(p *pattern) []string {
	if p == nil {
		return nil
	}
	var out []string
	for _, alts := range p.follow {
		for _, a := range alts {
			switch a {
			case "on", "against", "with", "to", "into", "at", "upon", "for", "from":
				out = append(out, a)
			}
		}
	}
	return out
}

// emit creates the events of a trigger: each source to each target, and
// both directions between coordinated sources with no target.
func (s *sentence) emit(src, tgt []annals.Mention, code, rule string, ts, te int, mode annals.Mode, conf float64) {
	if len(tgt) == 0 && len(src) > 1 && symmetric(s.c.lx.Info(code)) {
		for _, a := range src {
			for _, b := range src {
				if a.Code != b.Code {
					b := b
					s.add(a, &b, code, rule, ts, te, mode, conf-0.05)
				}
			}
		}
		return
	}
	for _, a := range src {
		if len(tgt) == 0 {
			s.add(a, nil, code, rule, ts, te, mode, conf)
			continue
		}
		for _, b := range tgt {
			b := b
			s.add(a, &b, code, rule, ts, te, mode, conf)
		}
	}
}

func (s *sentence) add(src annals.Mention, tgt *annals.Mention, code, rule string, ts, te int, mode annals.Mode, conf float64) {
	if tgt != nil && tgt.Span == src.Span && !src.Ref {
		tgt = nil // one mention found as both: "the strike by coal workers was called off"
	}
	if tgt != nil && tgt.Code == src.Code && src.Code != "" {
		tgt = nil // "ICRC rejected accusations that it ...": no target, not a self-target
	}
	if tgt != nil && tgt.Ref && len(tgt.Code) >= 3 && len(src.Code) >= 3 && tgt.Code[:3] == src.Code[:3] && s.tok(tgt.First).Tag == "PRP$" {
		tgt = nil // "withdraw its ambassador": its own, not a target
	}
	if tgt == nil || !tgt.Ref {
		if l := verbLemma(s.c.lx, s.tok(ts)); src.Code != "" && s.doers != nil {
			s.doers[l] = src // who did what the article later calls "the strikes"
			if len(code) >= 2 {
				s.doers["root:"+code[:2]] = src // or "the attack"
			}
		}
	}
	if src.Ref {
		conf -= 0.15
	}
	if src.Code == "" {
		conf -= 0.25
	}
	if tgt != nil && tgt.Code == "" {
		conf -= 0.1
	}
	if tgt != nil && tgt.Ref {
		conf -= 0.1
	}
	if mode == annals.Reported {
		conf -= 0.2 // the content of a claim ranks below the claim
	}
	if cs := s.clauseStart(ts); cs > s.first && s.boundary(cs) {
		conf -= 0.1 // subordinate, relative or participle clause
	}
	e := s.event(src, tgt, code, rule, ts, te, mode)
	e.Confidence = round2(conf)
	for _, o := range s.events {
		if o.Source == e.Source && o.Target == e.Target && o.Code == e.Code {
			return
		}
	}
	s.events = append(s.events, e)
}

func round2(f float64) float64 {
	if f < 0.05 {
		f = 0.05
	}
	return float64(int(f*100+0.5)) / 100
}

func (s *sentence) event(src annals.Mention, tgt *annals.Mention, code, rule string, ts, te int, mode annals.Mode) annals.Event {
	doc := s.doc
	sent := doc.Sentences[s.si]
	e := annals.Event{
		SentenceIndex: s.si,
		Sentence:      sent.Of(doc.Article.Text),
		Source:        src.Code,
		SourceText:    src.Text,
		SourceSpan:    src.Span,
		Code:          code,
		Mode:          mode,
		Rule:          rule,
		TriggerSpan:   annals.Span{Start: doc.Tokens[ts].Start, End: doc.Tokens[te-1].End},
	}
	e.SourceSpan = s.phrase(src.Span, ts, te, false)
	e.SourceText = doc.Article.Text[e.SourceSpan.Start:e.SourceSpan.End]
	if tgt != nil {
		e.Target = tgt.Code
		e.TargetSpan = s.phrase(tgt.Span, ts, te, true)
		e.TargetText = doc.Article.Text[e.TargetSpan.Start:e.TargetSpan.End]
	}
	lemma := verbLemma(s.c.lx, s.tok(ts))
	if c := crowdCode(code, src, lemma); c != code {
		e.Code, e.Rule = c, rule+" (by who acts: "+c+")"
	} else if code == "190" && aerial(e.SourceText) {
		e.Code, e.Rule = "195", rule+" (from the air: 195)"
	} else if c := repressed(code, src, tgt); c != code {
		e.Code, e.Rule = c, rule+" (on a crowd: "+c+")"
	}
	// "Chinese peacekeepers arrived in South Sudan": a deployment of
	// peacekeepers (074), not a visit
	if (code == "040" || code == "042" || code == "154") && (lemma == "arrive" || lemma == "land" || lemma == "deploy" || lemma == "deployment") &&
		(len(src.Code) >= 6 && src.Code[3:6] == "MIL" || lemma == "deployment") && strings.Contains(strings.ToLower(e.Sentence), "peacekeep") {
		e.Code, e.Rule = "074", rule+" (peacekeepers: 074)"
	}
	// "American troops have begun leaving Afghanistan": a military
	// withdrawal, not a consultation
	if strings.HasPrefix(code, "04") && (lemma == "leave" || lemma == "exit" || lemma == "quit") && len(src.Code) >= 6 && src.Code[3:6] == "MIL" {
		e.Code, e.Rule = "0874", rule+" (troops leaving: 0874)"
	}
	if info := s.c.lx.Info(e.Code); info != nil {
		e.Root, e.QuadClass, e.Goldstein, e.Plover = info.Root, info.Quad, info.Goldstein, info.Plover
	}
	return e
}

// aerialWords name aircraft and drones: a plain attack (190) by them uses
// aerial weapons (195).
var aerialWords = map[string]bool{"jet": true, "jets": true, "warplane": true, "warplanes": true, "aircraft": true,
	"bomber": true, "bombers": true, "helicopter": true, "helicopters": true, "gunship": true, "gunships": true,
	"drone": true, "drones": true, "air force": true}

// aerial reports whether an actor's text names aircraft or drones.
func aerial(text string) bool {
	low := strings.ToLower(text)
	if strings.Contains(low, "air force") {
		return true
	}
	for _, w := range strings.Fields(low) {
		if aerialWords[strings.Trim(w, ".,'’s")] {
			return true
		}
	}
	return false
}

// crowdWords name people protesting.
var crowdWords = []string{"protester", "protestor", "demonstrator", "rioter", "crowd", "mob", "marcher"}

// civilianRoles are actor roles that hold no armed force.
var civilianRoles = map[string]bool{"CVL": true, "OPP": true, "LAB": true, "AGR": true, "EDU": true, "BUS": true, "MED": true, "REF": true, "NGO": true}

// crowdCode recodes a verb by who does it: farmers or students who block
// a road obstruct passage (144) where a navy that blocks a convoy imposes a
// blockade (191), and protesters who clash with or attack the police riot
// (145) rather than use military force.
func crowdCode(code string, src annals.Mention, lemma string) string {
	text := strings.ToLower(src.Text)
	crowd := false
	for _, w := range crowdWords {
		if strings.Contains(text, w) {
			crowd = true
		}
	}
	civil := crowd
	if c := string(src.Code); len(c) >= 6 && c[:3] != "IGO" {
		civil = civil || civilianRoles[c[3:6]]
	}
	switch {
	case civil && (lemma == "block" || lemma == "blockade") && (code == "170" || code == "191"):
		return "144"
	case !civil && lemma == "block" && code == "170" && len(src.Code) >= 6 && (src.Code[3:6] == "MIL" || src.Code[3:6] == "COP"):
		return "191" // "the coast guard blocked a resupply mission"
	case strings.Contains(text, "suicide") && (strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19")):
		return "1831" // "a suicide bomber killed five engineers"
	case civil && (lemma == "gather" || lemma == "assemble" || lemma == "converge" || lemma == "congregate") && code == "040":
		return "141" // "protesters who had gathered outside parliament": a rally
	case (lemma == "bombing" || lemma == "bomb") && code == "195" && len(src.Code) >= 6 && (src.Code[3:6] == "INS" || src.Code[3:6] == "REB" || src.Code[3:6] == "SEP" || src.Code[3:6] == "CRM"):
		return "183" // "the terrorist bombing in Beirut": no air force's
	case civil && lemma == "strike" && code == "190":
		return "143" // "the strike by coal workers": a labour strike
	case crowd && (code == "180" || code == "182" || code == "190" || code == "193" || code == "171" || code == "1712"):
		return "145" // but "demonstrators launched missiles" stays 19x
	}
	return code
}

// repressed recodes force by the state on a crowd as repression (175):
// "security forces opened fire on student protesters".
func repressed(code string, src annals.Mention, tgt *annals.Mention) string {
	if tgt == nil || !stateRole(src.Code) || !(strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19")) {
		return code
	}
	text := strings.ToLower(tgt.Text)
	for _, w := range crowdWords {
		if strings.Contains(text, w) {
			return "175"
		}
	}
	return code
}

// phrase widens an actor mention to the noun phrase that names it in the
// sentence, so that source_text and target_text show what the sentence
// says: "the Syrian army" rather than "Syrian army", "Trump's decision",
// "Iran's foreign minister, Javad Zarif", and for a target the place or
// thing it is attached to ("an arms depot of the Syrian army", "displaced
// people in eastern Syria"). It never takes in the trigger [ts, te).
func (s *sentence) phrase(sp annals.Span, ts, te int, target bool) annals.Span {
	a, b := -1, -1
	for i := s.first; i < s.last; i++ {
		t := s.tok(i)
		if a < 0 && t.End > sp.Start {
			a = i
		}
		if t.Start < sp.End {
			b = i + 1
		}
	}
	if a < 0 || b <= a {
		return sp
	}
	free := func(i int) bool { return i >= s.first && i < s.last && (i < ts || i >= te) }
	modifier := func(t *annals.Token) bool {
		if when.IsTimeWord(t.Lower) || t.Lower == "both" || t.Lower == "either" || t.Lower == "neither" {
			return false
		}
		if t.Lower == "her" {
			return true // PRP$ the tagger may read as PRP
		}
		switch t.Tag {
		case "DT", "PDT", "JJ", "JJR", "JJS", "CD", "PRP$", "NN", "NNS", "NNP", "NNPS", "POS":
			return t.Lower != "that" && t.Lower != "this" || t.Tag != "DT"
		}
		return false
	}
	// Left: determiners, numbers, adjectives, possessors.
	for free(a-1) && modifier(s.tok(a-1)) {
		a--
	}
	if free(a-1) && s.tok(a).Lower == "least" && s.tok(a-1).Lower == "at" {
		a-- // "at least 75"
	} else if free(a-2) && s.tok(a-1).Lower == "than" && s.tok(a-2).Tag == "JJR" {
		a -= 2
	}
	// Right: the rest of the noun, a possessed head ("Trump's decision").
	for free(b) && !when.IsTimeWord(s.tok(b).Lower) && (isNoun(s.tok(b)) && !s.readsAsVerb(b) || s.tok(b).Tag == "POS" && free(b+1) && isNoun(s.tok(b+1))) {
		b++
	}
	// An apposed name after a title: "his counterpart, Michel Aoun,".
	if isNoun(s.tok(b-1)) && s.tok(b-1).Tag != "NNP" && free(b) && s.tok(b).Tag == "," {
		j := b + 1
		for free(j) && s.tok(j).Tag == "NNP" {
			j++
		}
		if j-b-1 >= 2 && (j >= s.last || s.tok(j).Tag == "," || s.tok(j).Tag == ".") {
			b = j
		}
	}
	if target {
		// Where it is: "people in eastern Syria", "a base near Kabul".
		for n := 0; n < 2 && free(b+1) && isNoun(s.tok(b-1)) && s.tok(b-1).Tag != "NNP" && s.tok(b-1).Tag != "NNPS"; n++ {
			if l := s.tok(b).Lower; l != "in" && l != "of" && l != "near" {
				break
			}
			j, named := b+1, false
			for free(j) && modifier(s.tok(j)) {
				named = named || s.tok(j).Tag == "NNP" || s.tok(j).Tag == "NNPS"
				j++
			}
			if j == b+1 || !isNoun(s.tok(j-1)) || !named && !placeNouns[s.tok(j-1).Lower] {
				break // "in response", "in an attempt" are not places
			}
			b = j
		}
	}
	return annals.Span{Start: s.tok(a).Start, End: s.tok(b - 1).End}
}

// lightHeads are nouns that add nothing to the noun before them: "ended
// mediation efforts" ends mediation, "launched attack operations" attacks.
var lightHeads = map[string]bool{"effort": true, "efforts": true, "operation": true, "operations": true,
	"activity": true, "activities": true, "process": true, "programme": true, "program": true}

// undoes reports whether a verb code acts on a noun of the other side,
// so that the noun names what is ended rather than a new event: "lifted
// the sanctions", "ended the blockade", "violated the ceasefire".
func undoes(lx *Lexicon, code, noun string) bool {
	np := lx.nouns[noun]
	if len(np) == 0 {
		return false
	}
	vi, ni := lx.Info(code), lx.Info(np[0].code)
	// "lifted the sanctions", and the reverse: "violated the ceasefire",
	// "broke off the talks"
	return vi != nil && ni != nil && (vi.Quad <= 2 && ni.Quad >= 3 || vi.Quad >= 3 && ni.Quad <= 2)
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

// placeNouns head a prepositional phrase that says where a target is.
var placeNouns = map[string]bool{"country": true, "city": true, "province": true, "region": true, "area": true,
	"district": true, "village": true, "town": true, "capital": true, "state": true, "border": true, "enclave": true}

// readsAsVerb reports whether the noun-tagged token i reads as the
// sentence's verb: a verb in the lexicon followed by what a verb takes
// ("Congo government rejects the plan", "Biden refuse to ...").
func (s *sentence) readsAsVerb(i int) bool {
	t := s.tok(i)
	if t.Tag == "NNP" || t.Tag == "NNPS" || s.c.lx.verbs[t.Lemma] == nil && s.c.lx.verbs[t.Lower] == nil {
		return false
	}
	if i+1 >= s.last || !isNoun(s.tok(i+1)) {
		return true
	}
	// a noun that a pattern of the verb takes: "the attack set fire to"
	for _, p := range s.c.lx.verbs[t.Lemma] {
		if len(p.trigger) == 1 && len(p.follow) > 0 && has(p.follow[0], s.tok(i+1).Lower) {
			return true
		}
	}
	return false
}

// noun codes a nominal trigger: "Israeli strike on Gaza", "a visit by the
// Turkish minister to Baghdad", "talks with Iran".
func (s *sentence) noun(n int) {
	t := s.tok(n)
	lx := s.c.lx
	pats := lx.nouns[t.Lemma]
	if len(pats) == 0 {
		return
	}
	p, after, _ := s.matchPattern(pats, n, s.last)
	if p == nil || p.code == "---" {
		return
	}
	// only a noun heading its phrase: "strike" in "strike force" is not one
	if after < s.last && isNoun(s.tok(after)) && !when.IsTimeWord(s.tok(after).Lower) && !s.readsAsVerb(after) {
		return
	}
	for k := n + 1; k < after; k++ {
		if s.consumed[k] && s.sharpen(n, k, p) {
			return // "carried out a chemical attack": the verb's event, made precise
		}
		s.consumed[k] = true // "hunger strike" is not also a "strike"
	}
	cs := s.clauseStart(n)
	var src []annals.Mention
	// possessor or adjective: a mention ending within 3 tokens before the
	// noun with only modifiers between.
	for i := len(s.ms) - 1; i >= 0; i-- {
		m := s.ms[i]
		if m.Last > n || m.Last < n-3 || m.Place {
			continue // ("the Bali bombing" happened in Bali)
		}
		ok := true
		for k := m.Last; k < n; k++ {
			tk := s.tok(k)
			if !(tk.Lower == "'s" || tk.Lower == "'" || tk.Tag == "JJ" || isNoun(tk) || tk.Tag == "VBN" || tk.Tag == "HYPH" || tk.Text == "-") {
				ok = false
			}
		}
		if ok {
			src = s.coordinated(i)
			if m.First > s.first && s.tok(m.First-1).Tag == "DT" {
				src = []annals.Mention{m} // "the civilians and the terrorist attack": a new phrase, not a list
			}
		}
		break
	}
	end := min(s.last, after+8)
	if b := s.clauseEnd(n); b < end {
		end = b
	}
	tfrom := after // where targets may start
	if len(src) == 0 && after < end && s.tok(after).Lower == "of" && (p.code[:2] == "04" || strings.HasPrefix(p.code, "087")) {
		// "the visit of the Chinese foreign minister to Canberra": the
		// of-phrase is the agent of a visit, a meeting, aid
		for i, m := range s.ms {
			if m.First > after && m.First <= after+3 {
				src, tfrom = s.coordinated(i), m.Last
				break
			}
		}
	}
	recipient := -1 // "Obama faces pressure from Congress": the subject of a recipient verb is the target
	if len(src) == 0 {
		src = s.agentAfter(n, min(end, n+5), !strings.HasPrefix(p.code, "087"))
		for k := n + 1; len(src) > 0 && k < src[0].First; k++ {
			if tk := s.tok(k); isVerb(tk) || tk.Text == "," {
				src = nil // "the ceasefire, brokered by Egypt": the participle's agent
			}
		}
		if len(src) > 0 {
			recipient = s.recipientOf(n)
		}
	}
	support := -1 // the verb that carries the nominal event
	if len(src) == 0 {
		// "Iraqi forces have begun their assault on ...": the subject of a
		// support verb is the agent of the nominal event
		for g := n - 1; g >= s.first && g >= n-8; g-- {
			tg := s.tok(g)
			if isVerb(tg) {
				if l := verbLemma(s.c.lx, tg); supportVerbs[l] || measureVerbs[l] {
					if tg.Tag == "VB" && g > s.first && s.tok(g-1).Lower == "to" && s.governed(g) && !s.transparent[g] {
						// "summoned the envoy to lodge a protest": a purpose
						s.tr.add(t.Text + ": under an infinitive of purpose, not coded")
						return
					}
					src, support = s.subject(g), g
				}
				break
			}
			if tg.Lower == "for" && g-2 >= s.first && s.tok(g-1).Lower == "responsible" && s.tok(g-2).Lemma == "be" {
				src = s.subject(g - 2) // "the LRA is responsible for mass killings"
				break
			}
			if !(tg.Tag == "DT" || tg.Tag == "PRP$" || tg.Tag == "JJ" || isNoun(tg) || tg.Tag == "CD" || tg.Tag == "RP" ||
				tg.Lower == "of" && g > s.first && isNoun(s.tok(g-1))) { // "began a new round of joint exercises"
				break
			}
		}
	}
	if len(src) == 0 {
		s.tr.add(t.Text + ": nominal " + p.code + " has no source")
		return
	}
	var tgt []annals.Mention
	placed := false // the target is only where it happened ("in Beirut")
	if support >= 0 {
		// "Obama gave Putin a stern warning": the one between the verb and
		// its noun is the target
		for i, m := range s.ms {
			if m.First > support && m.Last < n && s.startPP(m.First) < 0 && s.tok(m.First-1).Tag != "POS" {
				tgt = s.coordinated(i)
				break
			}
		}
	}
	if recipient >= 0 {
		if tgt = s.subject(recipient); len(tgt) == 0 {
			s.tr.add(t.Text + ": received by no actor, not coded") // "the step enjoyed support from Moscow"
			return
		}
	}
	// "bans on travel to Canada against four officers": "against" names
	// the target of a conflict noun wherever it stands
	if info := s.c.lx.Info(p.code); info != nil && info.Quad >= 3 && len(tgt) == 0 {
		far := min(s.last, after+14, s.clauseEnd(n))
		for i, m := range s.ms {
			if m.First <= after || m.First >= far {
				continue
			}
			k := m.First - 1
			for k > after && k >= m.First-3 && (s.tok(k).Tag == "DT" || s.tok(k).Tag == "CD" || s.tok(k).Tag == "JJ") {
				k-- // "against four senior officers"
			}
			if s.tok(k).Lower == "against" {
				tgt = s.coordinated(i)
				break
			}
		}
	}
	for i, m := range s.ms {
		if len(tgt) > 0 {
			break
		}
		if m.First < tfrom || m.First >= end || m.First == s.first {
			continue
		}
		k := m.First - 1
		for k > after && k >= m.First-3 && (s.tok(k).Tag == "DT" || s.tok(k).Tag == "CD" || s.tok(k).Tag == "JJ") {
			k-- // "an attack on a Pakistani air base", "the deployment of 800 troops"
		}
		pr := s.tok(k).Lower
		if pr == "by" {
			continue // the agent of "a visit by X to Y"
		}
		if m.Code == "" && s.tok(m.First-1).Tag != "IN" && s.tok(m.First-1).Tag != "TO" {
			continue // "the visit of Pope Francis to Iraq": the rest of a name
		}
		switch pr {
		case "on", "against", "to", "with", "into", "at", "in", "inside", "upon", "targeting":
			tgt = s.coordinated(i)
			placed = pr == "in" || pr == "inside"
		case "of":
			// "Israel's assassination of Ismail Haniyeh": the one acted on
			if r := p.code[:2]; r == "17" || r == "18" || r == "19" || r == "20" {
				tgt = s.coordinated(i)
			} else {
				continue // "the deployment of 230 troops to Liberia": what is deployed
			}
		case "for":
			// "expressed appreciation for China's assistance"
			if r := p.code[:2]; r == "01" || r == "05" {
				tgt = s.coordinated(i)
			}
		case "from":
			// "the withdrawal of French troops from Niger"
			if strings.HasPrefix(p.code, "087") {
				tgt = s.coordinated(i)
			}
		}
		break
	}
	if len(tgt) == 0 || placed {
		// "a Hamas official was killed in an Israeli drone strike in
		// Beirut": the victims before the place
		// (but bare role words, whose country is only the article's, do
		// not displace a named place)
		if vt := s.victims(n); len(vt) > 0 && (len(tgt) == 0 || !strings.HasPrefix(vt[0].Entry, "agents.tsv")) {
			tgt = vt
		}
	}
	code := p.code
	if code == "150" && s.civilDrill(n) {
		s.tr.add(t.Text + ": a civil drill, not a show of force")
		return
	}
	if code == "150" && (s.jointBefore(n) || len(tgt) > 0 && s.tok(tgt[0].First-1).Lower == "with" || len(src) > 1) {
		code = "062" // "joint military exercises", "drills with the US navy", "Brazil and Argentina's war games"
	}
	if strings.HasPrefix(code, "087") && len(tgt) > 0 {
		igo := true
		for _, g := range tgt {
			igo = igo && strings.HasPrefix(g.Code, "IGO")
		}
		if igo {
			code = "161" // "their withdrawal from ECOWAS": leaving an organisation
		}
	}
	mode := s.mode(n, cs)
	if support >= 0 && mode == annals.Asserted {
		// "it will begin a new military operation": the support verb's
		// modality is the event's
		mode = s.mode(support, s.clauseStart(support))
	}
	if support >= 0 && mode == annals.Intended {
		if c := futureCode(lx, code); c != "" {
			code = c // a promised operation is a threat (13x), promised aid an intent (03x)
		}
	}
	// a nominal inside "fears of", "threat of", "plans for" is not an
	// event that happened
	if n-2 >= s.first {
		w := s.tok(n - 2).Lemma
		if (s.tok(n-1).Lower == "of" || s.tok(n-1).Lower == "for") && (w == "threat" || w == "fear" || w == "risk" || w == "plan" || w == "possibility" || w == "call" || w == "demand") {
			mode = annals.Hypothetical
		}
	}
	conf := 0.7
	if len(tgt) == 0 {
		conf -= 0.15
	}
	s.emit(src, tgt, code, p.loc, n, n+1, mode, conf)
}

// particle reports whether the token after v completes a two-word verb
// of the lexicon ("hand over", "carry out").
func (s *sentence) particle(v int) bool {
	n := s.tok(v + 1).Lower
	for _, p := range s.c.lx.verbs[s.tok(v).Lemma] {
		if len(p.trigger) > 1 && p.trigger[1] == n {
			return true
		}
	}
	return false
}

// sharpen gives the event of the support verb whose pattern took token k
// of the nominal trigger at n the nominal's more precise code: "carried
// out a chemical attack" is 2041, not 190.
func (s *sentence) sharpen(n, k int, p *pattern) bool {
	for i := len(s.events) - 1; i >= 0; i-- {
		e := &s.events[i]
		ti := s.tokenAt(e.TriggerSpan.Start)
		if ti < 0 || ti >= n || ti < n-8 || !supportVerbs[verbLemma(s.c.lx, s.tok(ti))] {
			continue
		}
		if info := s.c.lx.Info(p.code); info != nil && e.Code != p.code {
			e.Code, e.Rule = p.code, e.Rule+" + "+p.loc
			e.Root, e.QuadClass, e.Goldstein, e.Plover = info.Root, info.Quad, info.Goldstein, info.Plover
		}
		return true
	}
	return false
}

// victims returns the subject of a passive killing or wounding whose "in"
// phrase holds the nominal attack at n: "five soldiers were wounded in a
// Hezbollah anti-tank missile attack".
func (s *sentence) victims(n int) []annals.Mention {
	for k := n - 1; k > s.first && k >= n-6; k-- {
		if l := s.tok(k).Lower; l == "in" || l == "during" {
			if resultVerbs[verbLemma(s.c.lx, s.tok(k-1))] && s.passive(k-1) {
				return s.subject(k - 1)
			}
			return nil
		}
		if t := s.tok(k); !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || isNoun(t) || t.Tag == "POS") {
			return nil
		}
	}
	return nil
}

// civilDrill reports an evacuation, fire or rescue drill: "carried out an
// emergency evacuation exercise in a school".
func (s *sentence) civilDrill(n int) bool {
	for k := n - 1; k >= s.first && k >= n-3; k-- {
		switch s.tok(k).Lower {
		case "evacuation", "fire", "rescue", "earthquake", "disaster", "humanitarian", "medical", "first-aid", "tabletop":
			return true
		}
	}
	return false
}

// jointBefore reports "joint" or "combined" among the modifiers before the
// noun at n.
func (s *sentence) jointBefore(n int) bool {
	for k := n - 1; k >= s.first && k >= n-4; k-- {
		t := s.tok(k)
		if t.Lower == "joint" || t.Lower == "combined" || t.Lower == "bilateral" || t.Lower == "trilateral" || t.Lower == "multinational" {
			return true
		}
		if !(t.Tag == "JJ" || isNoun(t) || t.Tag == "DT" || t.Tag == "CD" || t.Tag == "VBG" || t.Tag == "VBN") {
			return false
		}
	}
	return false
}

// mutual reports "together", "jointly", "each other" or "one another"
// after the trigger in its clause.
func (s *sentence) mutual(v, end int) bool {
	for i := v + 1; i < end && i < v+8; i++ {
		w := s.tok(i).Lower
		if w == "together" || w == "jointly" || w == "mutual" || (w == "each" || w == "one") && i+1 < s.last && (s.tok(i+1).Lower == "other" || s.tok(i+1).Lower == "another") {
			return true
		}
	}
	return false
}

func isAux(t *annals.Token) bool {
	switch t.Lemma {
	case "be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "get":
		return true
	}
	return false
}

// specific reports whether a pattern with follow words matches the verb at
// v ("announced sanctions" is a sanction, not a statement).
func (s *sentence) specific(v int) bool {
	p, _, _ := s.matchPattern(s.c.lx.verbs[s.tok(v).Lemma], v, s.clauseEnd(v))
	return p != nil && len(p.follow) > 0 && p.code != "---"
}

// isQuote reports a quotation mark token.
func isQuote(t string) bool {
	switch t {
	case "\"", "''", "``", "“", "”", "'", "‘", "’":
		return true
	}
	return false
}

// allNouns reports whether every token is a common noun.
func allNouns(toks []annals.Token) bool {
	for _, t := range toks {
		if t.Tag != "NN" && t.Tag != "NNS" {
			return false
		}
	}
	return true
}

// conjGap reports a conjunction between two mentions.
func conjGap(gap []annals.Token) bool {
	for _, t := range gap {
		if t.Lower == "and" || t.Lower == "or" || t.Lower == "well" {
			return true
		}
	}
	return false
}

// listCloses reports whether the list of mentions going on from mention j
// ends with a conjunction: "Iran, Iraq and Syria".
func (s *sentence) listCloses(j int) bool {
	for k := j + 1; k < len(s.ms); k++ {
		gap := s.doc.Tokens[s.ms[k-1].Last:s.ms[k].First]
		if s.ms[k-1].Last > s.ms[k].First || !coordGap(gap) {
			return false
		}
		if conjGap(gap) {
			return true
		}
	}
	return false
}

// coordGap reports whether the tokens between two mentions coordinate
// them: "and", ",", ", and", "and the", "as well as".
func coordGap(gap []annals.Token) bool {
	if len(gap) == 0 || len(gap) > 3 {
		return false
	}
	conj := false
	for _, t := range gap {
		switch t.Lower {
		case "and", "or", "as", "well":
			conj = true
		case ",", "the", "its", "their":
		default:
			return false
		}
	}
	return conj || len(gap) == 1 && gap[0].Text == ","
}

// quantities head a noun phrase whose "of" phrase is the real subject:
// "thousands of protesters rallied".
var quantities = map[string]bool{"thousands": true, "hundreds": true, "dozens": true, "scores": true, "millions": true,
	"tens": true, "some": true, "many": true, "several": true, "members": true, "group": true, "groups": true,
	"number": true, "crowds": true, "crowd": true, "team": true, "delegation": true, "unit": true, "units": true,
	"supporters": true, "followers": true, "loyalists": true}

type report struct {
	verb     int
	speaker  annals.Mention
	speakers []annals.Mention // with the speaker's co-subjects: "Mali, Burkina Faso and Niger announced"
}

// spoke reports whether code is one of the report's speakers.
func (r report) spoke(code string) bool {
	for _, m := range r.speakers {
		if m.Code == code {
			return true
		}
	}
	return false
}

// claims turns a state's report of another state's violence into what it
// is, an accusation ("Ukraine says Russia was behind the attacks", "the US
// claimed that ISIL had attacked Iraq"): the speaker accuses the agent (112)
// and the violence itself is not coded; likewise a claim of responsibility
// (015) stands for the act it claims.
func (s *sentence) claims() {
	// the claimed or alleged events themselves are not coded: the claim
	// (015) or the accusation (112) carries them, with the sentence
	drop := map[int]bool{}
	defer s.drop(func(i int, e annals.Event) string {
		if drop[i] {
			return fmt.Sprintf("%s %s->%s: the content of a claim, not coded", e.Code, e.Source, e.Target)
		}
		return ""
	})
	// "the rebels claimed that they had attacked the base": a claim of
	// responsibility (015)
	for _, r := range s.reports {
		if l := verbLemma(s.c.lx, s.tok(r.verb)); l != "claim" || r.speaker.Code == "" {
			continue
		}
		n := len(s.events)
		for i := 0; i < n; i++ {
			e := &s.events[i]
			if e.QuadClass < 4 || e.Source != r.speaker.Code || e.TriggerSpan.Start < s.tok(r.verb).End {
				continue
			}
			drop[i] = true
			var tgt *annals.Mention
			if e.Target != "" {
				tgt = &annals.Mention{Span: e.TargetSpan, Text: e.TargetText, Code: e.Target}
			}
			c := s.event(r.speaker, tgt, "015", "claims responsibility: claim + "+e.Rule, r.verb, r.verb+1, annals.Asserted)
			c.Confidence = 0.8
			s.events = append(s.events, c)
		}
	}
	// "Russia says Israel must end its attacks": what one actor says
	// another must do is a demand on it (10x)
	for _, r := range s.reports {
		if r.speaker.Code == "" {
			continue
		}
		n := len(s.events)
		for i := 0; i < n; i++ {
			e := s.events[i]
			if e.Mode != annals.Hypothetical || e.Source == "" || e.Source == r.speaker.Code || e.TriggerSpan.Start < s.tok(r.verb).End && !s.speaker(r.speaker) {
				continue // ('"Israel must stop the bombardment," Erdogan said': the quote comes first)
			}
			ti := s.tokenAt(e.TriggerSpan.Start)
			must := false
			for k := ti - 1; k >= s.first && k >= ti-3; k-- {
				if l := s.tok(k).Lower; (l == "must" || l == "should") && s.tok(k).Tag == "MD" {
					must = true
				}
			}
			if !must {
				continue
			}
			code := complementCode(s.c.lx, "10", coopCategory(e.Code))
			if code == "" {
				continue
			}
			tgt := annals.Mention{Span: e.SourceSpan, Text: e.SourceText, Code: e.Source}
			c := s.event(r.speaker, &tgt, code, "demands: "+s.tok(r.verb).Lemma+" + must + "+e.Rule, r.verb, r.verb+1, annals.Asserted)
			c.Confidence = 0.7
			s.events = append(s.events, c)
		}
	}
	for _, r := range s.reports {
		sp := r.speaker.Code
		if len(sp) < 3 || sp[:3] == "---" || !stateRole(sp) {
			continue // a reporter or a monitor reporting violence accuses no one
		}
		if s.speaker(r.speaker) {
			continue // "..., the U.S. Central Command said, expanding ...": what it said came before
		}
		n := len(s.events)
		for i := 0; i < n; i++ {
			e := &s.events[i]
			if e.QuadClass < 3 || len(e.Source) < 3 || e.Source[:3] == sp[:3] || e.Source[:3] == "---" || r.spoke(e.Source) ||
				e.Mode == annals.Negated || e.Mode == annals.Hypothetical {
				continue // "said Moscow had resisted taking a harder line" accuses no one
			}
			if e.TriggerSpan.Start < s.tok(r.verb).End {
				continue // the report must govern the event
			}
			if ti := s.tokenAt(e.TriggerSpan.Start); ti > s.first && s.tok(ti).Tag == "VBN" && isNoun(s.tok(ti-1)) {
				continue // "sanctions imposed on Tehran by his predecessor": background, not what is said
			}
			drop[i] = true
			src := r.speaker
			tgt := annals.Mention{Span: e.SourceSpan, Text: e.SourceText, Code: e.Source}
			c := s.event(src, &tgt, "112", "claims: "+s.tok(r.verb).Lemma+" + "+e.Rule, r.verb, r.verb+1, annals.Asserted)
			c.Confidence = 0.6
			dup := false
			for _, o := range s.events {
				if o.Source == c.Source && o.Target == c.Target && o.Code == c.Code {
					dup = true
				}
			}
			if !dup {
				s.events = append(s.events, c)
			}
		}
	}
}

// nominalSubject returns the nominal attack event, by the same source,
// that is the subject of the verb event i at token ti, or -1.
func (s *sentence) nominalSubject(i, ti int) int {
	e := s.events[i]
	for j, o := range s.events {
		oj := s.tokenAt(o.TriggerSpan.Start)
		if j == i || oj < 0 || oj >= ti || o.QuadClass != 4 || o.Source != e.Source || o.Mode != e.Mode || !strings.HasPrefix(o.Rule, "nouns") {
			continue
		}
		clear := true
		for k := oj + 1; k < ti; k++ {
			if t := s.tok(k); isVerb(t) && !isAux(t) || t.Text == "," || s.boundary(k) {
				clear = false
			}
		}
		if clear {
			return j
		}
	}
	return -1
}

// recipientVerbs take as object what someone else does to their subject:
// "faces pressure from Congress", "received assurances from the
// government", "won backing from the EU".
var recipientVerbs = map[string]bool{"face": true, "receive": true, "get": true, "enjoy": true, "win": true, "gain": true,
	"draw": true, "attract": true, "secure": true, "obtain": true, "earn": true}

// recipientOf returns the recipient verb whose object is the noun at n, or
// -1.
func (s *sentence) recipientOf(n int) int {
	for g := n - 1; g >= s.first && g >= n-5; g-- {
		t := s.tok(g)
		if (t.Tag == "VBG" || t.Tag == "VBN") && g > s.first && (s.tok(g-1).Tag == "DT" || isVerb(s.tok(g-1))) {
			continue // "faces mounting pressure"
		}
		if isVerb(t) {
			if recipientVerbs[verbLemma(s.c.lx, t)] {
				return g
			}
			return -1
		}
		if !(t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "JJ" || t.Tag == "JJR" || t.Tag == "CD" || t.Tag == "RB" || isNoun(t)) {
			return -1
		}
	}
	return -1
}

// guestAfter reports whether the object starting at k is an actor:
// "received the Iraqi prime minister" (not "received food").
func (s *sentence) guestAfter(k int) bool {
	for ; k < s.last; k++ {
		if s.inMention[k] {
			return true
		}
		if t := s.tok(k); !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "PRP$" || t.Tag == "RB") {
			return false
		}
	}
	return false
}

// nominalFrom reports whether the object of the verb at v is a nominal
// event with a from- or by-agent: "received assurances from the
// government".
func (s *sentence) nominalFrom(v, end int) bool {
	for k := v + 1; k < end && k <= v+5; k++ {
		t := s.tok(k)
		if isNoun(t) && len(s.c.lx.nouns[t.Lemma]) > 0 && !s.inMention[k] {
			return len(s.byAgent(k, min(end, k+5))) > 0
		}
		if !(t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "JJ" || t.Tag == "JJR" || t.Tag == "CD" || t.Tag == "RB" || t.Tag == "VBG" || t.Tag == "VBN") {
			return false
		}
	}
	return false
}

// resultVerbs tell what an attack did rather than another attack.
var resultVerbs = map[string]bool{"kill": true, "wound": true, "injure": true, "maim": true}

// results folds the toll of an attack into the attack: "bombarded the
// city, killing eight people" and "were killed in an air strike by
// government forces" are one event each, with the attack's code and the
// victims as target when the attack named none.
func (s *sentence) results() {
	into := map[int]int{}
	subj := map[int]bool{} // folded into the nominal event that is its subject
	for i, e := range s.events {
		ti := s.tokenAt(e.TriggerSpan.Start)
		if e.QuadClass == 4 && ti > s.first && isVerb(s.tok(ti)) {
			// "An Israeli air strike destroyed the consulate": the verb tells
			// what its nominal subject did; one event with the verb's object
			if j := s.nominalSubject(i, ti); j >= 0 {
				into[i], subj[i] = j, true
				continue
			}
		}
		if ti > s.first && s.tok(ti).Tag == "VBG" && s.tok(ti-1).Text == "," {
			// "rallied in Niamey, chanting slogans": the same act told twice
			for j, o := range s.events {
				if oj := s.tokenAt(o.TriggerSpan.Start); j != i && oj >= 0 && oj < ti && o.Source == e.Source && o.Root == e.Root && o.Mode == e.Mode {
					into[i] = j
					break
				}
			}
			if _, ok := into[i]; ok {
				continue
			}
		}
		if e.QuadClass != 4 || ti < 0 || !resultVerbs[verbLemma(s.c.lx, s.tok(ti))] {
			continue
		}
		for j, o := range s.events {
			oj := s.tokenAt(o.TriggerSpan.Start)
			participle := ti > s.first && s.tok(ti).Tag == "VBG" && (s.tok(ti-1).Text == "," || s.tok(ti-1).Lower == "and") && oj < ti // ", killing nine people (and wounding ...)"
			if j == i || o.QuadClass != 4 || o.Source != e.Source && !(participle && s.tok(ti-1).Lower == "and") || oj < 0 || resultVerbs[verbLemma(s.c.lx, s.tok(oj))] ||
				!participle && (oj-ti > 15 || ti-oj > 15) || o.Mode != e.Mode {
				continue
			}
			into[i] = j
			break
		}
	}
	why := map[int]string{}
	order := make([]int, 0, len(into))
	for i := range into {
		order = append(order, i)
	}
	sort.Ints(order) // the first telling fills an empty target: the verb's object before a toll
	for _, i := range order {
		j := into[i]
		e, o := s.events[i], &s.events[j]
		if o.Target == "" && e.Target != "" {
			o.Target, o.TargetText, o.TargetSpan = e.Target, e.TargetText, e.TargetSpan
			o.Confidence = round2(min(0.95, o.Confidence+0.15))
		}
		if ti := s.tokenAt(e.TriggerSpan.Start); resultVerbs[verbLemma(s.c.lx, s.tok(ti))] {
			why[i] = fmt.Sprintf("%s %s->%s: the toll of the %s event, folded into it", e.Code, e.Source, e.Target, o.Code)
		} else if subj[i] {
			why[i] = fmt.Sprintf("%s %s->%s: what its subject, the %s event, did; folded into it", e.Code, e.Source, e.Target, o.Code)
		} else {
			why[i] = fmt.Sprintf("%s %s->%s: the %s event told again in a participle, folded into it", e.Code, e.Source, e.Target, o.Code)
		}
	}
	s.drop(func(i int, e annals.Event) string { return why[i] })
}

// symmetric events between coordinated actors go both ways: consulting,
// agreeing, cooperating, fighting. A protest or a condemnation by two
// actors is two events with no target between them.
func symmetric(info *CodeInfo) bool {
	if info == nil {
		return false
	}
	switch info.Code {
	case "042", "043", "045", "038", "039":
		return false // visiting, hosting and mediating have a guest, a host, parties
	}
	switch info.Root {
	case "03", "04", "05", "06", "08", "16", "19":
		return true
	}
	return false
}

// governed reports whether the infinitive at v hangs from an earlier verb
// in its sentence (a purpose or a complement), rather than heading a
// headline-style clause ("Pakistan to expel Afghans").
func (s *sentence) governed(v int) bool {
	for i := v - 2; i >= s.first && i >= v-12; i-- {
		t := s.tok(i)
		if isVerb(t) && t.Tag != "VBG" || (t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "JJ") && s.verbLike(i) { // ("UNICEF hand/NN over vehicles to support")
			return true
		}
	}
	return false
}

// shortParen reports whether the parenthesis at i opens or closes a short
// aside of at most four tokens.
func (s *sentence) shortParen(i int) bool {
	if s.tok(i).Text == "(" {
		for j := i + 1; j < s.last && j <= i+5; j++ {
			if s.tok(j).Text == ")" {
				return true
			}
		}
		return false
	}
	for j := i - 1; j >= s.first && j >= i-5; j-- {
		if s.tok(j).Text == "(" {
			return true
		}
	}
	return false
}

// nounCategory is the complement category of the first nominal event in
// [from, to): "continue the offensive" is force, "resume the talks" a
// meeting.
func (s *sentence) nounCategory(from, to int) string {
	for k := from; k < to; k++ {
		t := s.tok(k)
		if !isNoun(t) && t.Tag != "JJ" { // ("the offensive" may be read as an adjective)
			continue
		}
		ps := s.c.lx.nouns[t.Lemma]
		if len(ps) == 0 {
			continue
		}
		code := ps[len(ps)-1].code // the noun on its own
		switch {
		case code >= "18" && code < "21", strings.HasPrefix(code, "15"):
			return "force"
		case strings.HasPrefix(code, "16"), strings.HasPrefix(code, "17"):
			return "sanction"
		}
		return coopCategory(code)
	}
	return ""
}

// futureCode maps a material act promised in the future to the CAMEO
// code of the promise (cooperation -> 03x) or the threat (conflict -> 13x),
// through the complement table.
func futureCode(lx *Lexicon, code string) string {
	fam, cat := "03", coopCategory(code)
	switch {
	case cat != "":
	case strings.HasPrefix(code, "16"), strings.HasPrefix(code, "17"):
		fam, cat = "13", "sanction"
	case code >= "18" && code < "21", strings.HasPrefix(code, "15"):
		fam, cat = "13", "force"
	default:
		return ""
	}
	return complementCode(lx, fam, cat)
}

// coopCategory is the complement category of a cooperative code: what
// "will ..." or "refused to ..." applies to.
func coopCategory(code string) string {
	switch {
	case strings.HasPrefix(code, "084"):
		return "release"
	case code == "038", code == "039", code == "045":
		return "mediate"
	case strings.HasPrefix(code, "087"), code == "0356":
		return "deescalate"
	case strings.HasPrefix(code, "08"):
		return "ease"
	case strings.HasPrefix(code, "07"):
		return "aid"
	case code == "062":
		return "coopmil"
	case code == "064":
		return "coopintel"
	case strings.HasPrefix(code, "06"):
		return "coop"
	case code == "057" || strings.HasPrefix(code, "037"):
		return "settle"
	case strings.HasPrefix(code, "032"), strings.HasPrefix(code, "05"):
		return "diplo"
	case strings.HasPrefix(code, "033"):
		return "aid"
	case strings.HasPrefix(code, "034"):
		return "reform"
	case strings.HasPrefix(code, "035"):
		return "ease"
	case strings.HasPrefix(code, "036"):
		return "meet"
	case strings.HasPrefix(code, "030"), strings.HasPrefix(code, "031"):
		return "coop"
	case strings.HasPrefix(code, "04"):
		return "meet"
	}
	return ""
}

// complementCode looks a family and category up in the complement table,
// falling back to the family's default.
func complementCode(lx *Lexicon, fam, cat string) string {
	if c, ok := lx.compMap[fam+"/"+cat]; ok {
		return c
	}
	return lx.compMap[fam+"/*"]
}

// verbLemma returns the lemma under which the lexicon knows a verb. The
// dictionary lemmatizer leaves some inflected verbs alone ("launching" is
// also a noun); for verb tags, regular suffixes are tried too.
func verbLemma(lx *Lexicon, t *annals.Token) string {
	if lx.verbs[t.Lemma] != nil || !isVerb(t) {
		return t.Lemma
	}
	w := t.Lower
	var cands []string
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		b := w[:len(w)-3]
		cands = append(cands, b, b+"e")
		if n := len(b); n > 2 && b[n-1] == b[n-2] {
			cands = append(cands, b[:n-1]) // "shelling" -> "shell" is covered; "hitting" -> "hit"
		}
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		cands = append(cands, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		b := w[:len(w)-2]
		cands = append(cands, b, w[:len(w)-1])
		if n := len(b); n > 2 && b[n-1] == b[n-2] {
			cands = append(cands, b[:n-1])
		}
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		cands = append(cands, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "es") && len(w) > 3:
		cands = append(cands, w[:len(w)-2], w[:len(w)-1])
	case strings.HasSuffix(w, "s") && len(w) > 3:
		cands = append(cands, w[:len(w)-1])
	}
	for _, c := range cands {
		if lx.verbs[c] != nil {
			return c
		}
	}
	return t.Lemma
}

// supportVerbs carry a nominal event without adding their own meaning.
var supportVerbs = map[string]bool{"begin": true, "start": true, "launch": true, "carry": true, "conduct": true, "stage": true,
	"mount": true, "continue": true, "step": true, "intensify": true, "escalate": true, "resume": true, "hold": true,
	"make": true, "pay": true, "undertake": true, "perform": true, "unleash": true, "wage": true, "complete": true,
	"go": true, "give": true, "issue": true, "open": true, "deliver": true, "express": true, "lodge": true}

// measureVerbs put a measure into effect by naming it: whoever "announced
// sanctions" or "declared a ceasefire" is the one imposing or observing it.
var measureVerbs = map[string]bool{"announce": true, "declare": true, "unveil": true, "order": true, "introduce": true,
	"approve": true, "adopt": true, "impose": true}

// stateRole reports a state or one of its organs: a bare country code or a
// government, military, police, intelligence, legislative or judicial role.
func stateRole(code string) bool {
	if len(code) < 3 {
		return false // an unknown name
	}
	if len(code) == 3 {
		return code != "IGO" && code != "NGO" && code != "IMG" && code != "MNC" && code != "MED"
	}
	switch code[3:min(6, len(code))] {
	case "GOV", "MIL", "COP", "SPY", "LEG", "JUD":
		return true
	}
	return false
}

// pronounSubject returns the index of a personal pronoun right before the
// verb group starting at vg ("they will", "it had"), or -1.
func (s *sentence) pronounSubject(vg int) int {
	if vg-1 < s.first {
		return -1
	}
	t := s.tok(vg - 1)
	switch t.Lower {
	case "they", "it", "he", "she", "we":
		return vg - 1
	}
	return -1
}

// modalNot reports "will not", "would not", "won't" in v's verb group.
// purpose reports an infinitive after "in order to" or "so as to": what an
// act is for, not an act.
func (s *sentence) purpose(v int) bool {
	if v-3 < s.first || s.tok(v-1).Lower != "to" {
		return false
	}
	a, b := s.tok(v-3).Lower, s.tok(v-2).Lower
	return a == "in" && b == "order" || a == "so" && b == "as"
}

// notSaid reports a negated reporting verb: "did not (explicitly) say",
// "never said", "declined to say" is read from the words before it.
func (s *sentence) notSaid(v int) bool {
	for i := v - 1; i >= s.first && i >= v-4; i-- {
		t := s.tok(i)
		switch {
		case t.Lower == "not" || t.Lower == "n't" || t.Lower == "never":
			return true
		case t.Lower == "to" && i > s.first && refusals[s.tok(i-1).Lemma]:
			return true
		case t.Tag == "RB" || isAux(t) || t.Tag == "MD":
		default:
			return false
		}
	}
	return false
}

// refusals govern an infinitive that does not happen ("declined to say").
var refusals = map[string]bool{"decline": true, "refuse": true, "fail": true}

// saidContent reports whether token k lies in what the reporting verb at v
// says: under its clausal complement or object in the tree ("did not say
// that Iran struck", but not "did not say anything, but Iran struck"); in
// an unparsed sentence, anything after v.
func (s *sentence) saidContent(k, v int) bool {
	if k <= v {
		return false
	}
	if !s.parsedTree {
		for j := v + 1; j < k; j++ { // up to ", but" or ", yet"
			if l := s.tok(j).Lower; (l == "but" || l == "yet") && s.tok(j-1).Text == "," {
				return false
			}
		}
		return true
	}
	for n := 0; k >= 0 && n <= s.last-s.first; n++ {
		h := s.head(k)
		if h == v {
			return contentRels[s.rel(k)]
		}
		if s.rel(k) == "conj" && s.contrast(k) {
			return false // "..., but Afghan forces shelled the post": a clause of its own
		}
		k = h
	}
	return false
}

// contrast reports a conjunct with its own subject joined by "but" or
// "yet": it asserts for itself, whatever it is coordinated with.
func (s *sentence) contrast(k int) bool {
	but := false
	for _, c := range s.children(k, map[string]bool{"cc": true}) {
		if l := s.tok(c).Lower; l == "but" || l == "yet" {
			but = true
		}
	}
	return but && len(s.children(k, subjectRels)) > 0
}

// contentRels attach what a reporting verb says.
var contentRels = map[string]bool{"ccomp": true, "xcomp": true, "obj": true, "csubj": true, "parataxis": true}

func (s *sentence) modalNot(v int) bool {
	neg, modal := false, false
	for i := v - 1; i >= s.first && i >= v-4; i-- {
		t := s.tok(i)
		switch {
		case t.Lower == "not" || t.Lower == "n't" || t.Lower == "never":
			neg = true
		case t.Tag == "MD" && (t.Lemma == "will" || t.Lower == "would" || t.Lower == "wo" || t.Lower == "will"):
			modal = true
		case t.Tag == "RB":
		default:
			return neg && modal
		}
	}
	return neg && modal
}

// refusalCode maps a cooperative act announced as not going to happen to
// CAMEO's rejection of it.
func refusalCode(lx *Lexicon, code string) string {
	cat := coopCategory(code)
	if cat == "" && !strings.HasPrefix(code, "05") {
		return ""
	}
	return complementCode(lx, "12", cat)
}

// participleObject reports whether mention m is the object of a participle
// after a noun: "the coalition fighting (the) Houthi rebels".
func (s *sentence) participleObject(m annals.Mention, cs int) bool {
	k := m.First - 1
	if k > cs && s.tok(k).Tag == "DT" {
		k--
	}
	return k-1 > cs && participial(s.tok(k)) && isNoun(s.tok(k-1))
}

// participial reports a gerund or participle that is not a preposition
// in disguise ("including", "following").
func participial(t *annals.Token) bool {
	switch t.Lower {
	case "including", "excluding", "according", "following", "regarding", "concerning", "considering", "during", "pending":
		return false
	}
	return t.Tag == "VBG"
}

// documents are nouns whose participle says what their authors do: "a
// resolution censuring Iran", "a statement condemning the attack".
var documents = map[string]bool{"resolution": true, "statement": true, "letter": true, "declaration": true, "report": true,
	"communique": true, "communiqué": true, "motion": true, "decree": true, "bill": true, "note": true}

// claimNouns introduce the content of a claim ("allegations that ...").
var claimNouns = map[string]bool{"accusation": true, "allegation": true, "charge": true, "claim": true, "report": true,
	"rumour": true, "rumor": true, "suggestion": true, "assertion": true, "speculation": true}

// reducedRelative reports whether a past form the tagger read as a past
// tense is a participle after its noun: "there were ten soldiers killed
// in ...". ("Five policemen killed in Helmand were buried" reads the same
// as "Russia vetoed on Friday a resolution ... that is ...", so a later
// verb alone is not taken as a sign.)
func (s *sentence) reducedRelative(v int) bool {
	i := v - 1
	for i > s.first && (isNoun(s.tok(i)) || s.tok(i).Tag == "JJ" || s.tok(i).Tag == "CD" || s.tok(i).Tag == "DT") {
		i--
	}
	if i > s.first && s.tok(i).Lemma == "be" && s.tok(i-1).Tag == "EX" {
		return true
	}
	return false
}

// patientVerbs only make sense with the one they act on: without an object
// after them, their past form is a participle.
var patientVerbs = map[string]bool{"jail": true, "imprison": true, "arrest": true, "detain": true, "kill": true, "wound": true,
	"injure": true, "abduct": true, "kidnap": true, "capture": true, "release": true, "free": true, "execute": true,
	"convict": true, "sentence": true, "accuse": true, "charge": true, "deport": true, "expel": true, "behead": true,
	"torture": true, "exile": true, "indict": true, "hold": true, "seize": true}

// patientParticiple reports whether the past form at v, after a noun, is a
// participle modifying it: "the mayor, a member of Hamas jailed over a year
// ago", "officials accused of playing a role". The verb needs an object
// and has none, and the clause's own verb came earlier.
func (s *sentence) patientParticiple(v int) bool {
	if !patientVerbs[verbLemma(s.c.lx, s.tok(v))] || v+1 >= s.last {
		return false
	}
	switch n := s.tok(v + 1); {
	case n.Tag == "DT" || n.Tag == "CD" || n.Tag == "PRP" || n.Tag == "PRP$" || isNoun(n) || n.Tag == "JJ":
		return false // an object: "killed five soldiers"
	case (n.Lower == "at" || n.Lower == "more" || n.Lower == "over" || n.Lower == "about" || n.Lower == "nearly" || n.Lower == "up") &&
		v+3 < s.last && (s.tok(v+2).Tag == "CD" || s.tok(v+3).Tag == "CD"):
		return false // "killed at least 20"
	}
	for k := v - 2; k >= s.first; k-- {
		if t := s.tok(k); (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP") && !isAux(t) {
			return true
		}
	}
	// "the journalists detained during the protest were released": the
	// clause's own verb follows, past phrases and no noun phrase of its
	// own ("police arrested on Friday five men who ..." has one)
	if n := s.tok(v + 1); n.Tag != "IN" && n.Tag != "RB" && n.Tag != "RP" {
		return false
	}
	for k := v + 2; k < s.last; k++ {
		t := s.tok(k)
		switch {
		case t.Lower == "who" || t.Lower == "which" || t.Lower == "that" || t.Tag == "," || t.Tag == "CC":
			return false
		case t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD":
			return true
		case (t.Tag == "DT" || t.Tag == "CD") && s.tok(k-1).Tag != "IN":
			return false // a noun phrase not inside a prepositional phrase
		}
	}
	return false
}

// backshifted reports whether the "would" at i is the "will" of reported
// speech: "Ethiopia said it would allow ...", "the rebels announced
// yesterday that they would release ...". A condition in between ("said
// that if attacked it would ...") keeps it hypothetical.
func (s *sentence) backshifted(i int) bool {
	for k := i - 1; k >= s.first && k >= i-8; k-- {
		t := s.tok(k)
		switch {
		case t.Lower == "if" || t.Lower == "unless" || t.Lower == "whether":
			return false
		case isVerb(t):
			l := verbLemma(s.c.lx, t)
			return (t.Tag == "VBD" || t.Tag == "VBN") && (reportingVerbs[l] || l == "pledge" || l == "promise" || l == "vow")
		case isNoun(t) || t.Tag == "PRP" || t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "RB" || t.Tag == "POS" || t.Tag == "PRP$" || t.Lower == "that":
		default:
			return false
		}
	}
	return false
}

// mentionIn reports whether an actor mention starts in [from, to).
func (s *sentence) mentionIn(from, to int) bool {
	for _, m := range s.ms {
		if m.First >= from && m.First < to {
			return true
		}
	}
	return false
}

// planVerbs take the act they plan as an infinitive.
// (Scheduled and prepared acts are coded as the act, as CAMEO does.)
var planVerbs = map[string]bool{"want": true, "plan": true, "intend": true, "aim": true, "wish": true}

// aspectVerbs take the event as a gerund and lend it their subject.
var aspectVerbs = map[string]bool{"begin": true, "start": true, "continue": true, "resume": true, "keep": true, "stop": true, "cease": true, "finish": true}

// weighVerbs take an option as a gerund: "considering sending troops".
var weighVerbs = map[string]bool{"consider": true, "weigh": true, "mull": true, "contemplate": true,
	"discuss": true, "explore": true, "study": true, "debate": true}

// judgments are acts whose "for ...ing" phrase gives their reason.
// A charge is an allegation, not coded (as an accusation's content is
// not); the reason for praise is told as a report.
var judgments = map[string]string{"arrest": "blame", "detain": "blame", "jail": "blame", "convict": "blame", "sentence": "blame",
	"charge": "blame", "accuse": "blame", "blame": "blame", "punish": "blame", "sanction": "blame", "criticize": "blame",
	"criticise": "blame", "condemn": "blame", "fine": "blame", "indict": "blame", "prosecute": "blame", "try": "blame",
	"execute": "blame", "imprison": "blame", "expel": "blame", "deport": "blame",
	"praise": "praise", "thank": "praise", "honour": "praise", "honor": "praise", "reward": "praise", "commend": "praise"}

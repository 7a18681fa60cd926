package coder

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/annals-events/annals"
)

// An event's confidence is the probability that a careful coder would
// keep it, estimated from the evidence the coder had: which lexicon file
// the rule came from and how it was adjusted, whether both actors were
// found and how (named, by office, by reference), the clause status, how
// far the actors stand from the trigger, how many events the trigger and
// the sentence gave. Each piece of evidence is a feature ("tgt=none",
// "file=verbs-petrarch"); confidence.tsv gives each a weight, and the
// confidence is the logistic function of their sum. An article adds
// evidence a sentence lacks (docconfidence.go). tools/genconf fits the
// weights on the project's own annotated sentences and articles; the file
// says which and how well.

// ConfidenceFile is the lexicon file holding the confidence weights.
const ConfidenceFile = "confidence.tsv"

// confModel is a compiled confidence.tsv: a bias and one weight per
// feature; features it does not name weigh nothing.
type confModel struct {
	bias float64
	w    map[string]float64
}

// loadConfidence reads confidence.tsv from fsys; a lexicon folder
// without one keeps the coder's rule-of-thumb confidences (nil, nil).
func loadConfidence(fsys fs.FS) (*confModel, error) {
	b, err := fs.ReadFile(fsys, ConfidenceFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("%s: %v", ConfidenceFile, err)
	}
	m := &confModel{w: map[string]float64{}}
	var probs []string
	for i, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSuffix(l, "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		loc := fmt.Sprintf("%s:%d", ConfidenceFile, i+1)
		c := strings.Split(l, "\t")
		if len(c) != 2 {
			probs = append(probs, fmt.Sprintf("%s: want 2 tab-separated columns (feature, weight), got %d", loc, len(c)))
			continue
		}
		v, err := strconv.ParseFloat(c[1], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			probs = append(probs, fmt.Sprintf("%s: bad weight %q", loc, c[1]))
			continue
		}
		if c[0] == "bias" {
			m.bias = v
			continue
		}
		if _, dup := m.w[c[0]]; dup {
			probs = append(probs, fmt.Sprintf("%s: feature %q given twice", loc, c[0]))
			continue
		}
		m.w[c[0]] = v
	}
	if len(probs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(probs, "\n"))
	}
	return m, nil
}

// score is the model's probability for the features.
func (m *confModel) score(feats []string) float64 {
	z := m.bias
	for _, f := range feats {
		z += m.w[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// Calibrate sets each event's confidence from its evidence, once the
// events of a document are final but before repeats merge (pipeline). The
// rule-of-thumb confidence the coder set stays one piece of that evidence.
// Without a confidence model it only reports the features to OnFeatures.
func (c *Coder) Calibrate(doc *annals.Doc, ms []annals.Mention, evs []annals.Event) {
	if c.lx.conf == nil && c.OnFeatures == nil {
		return
	}
	var feats []string
	ix := newSentIndex(doc, ms, evs)
	for i := range evs {
		e := &evs[i]
		feats = c.lx.eventFeatures(feats[:0], doc, &ix, evs, i)
		if c.OnFeatures != nil {
			c.OnFeatures(*e, feats)
		}
		if c.lx.conf != nil {
			e.Confidence = round2(min(0.99, max(0.01, c.lx.conf.score(feats))))
		}
	}
}

// ConfidenceFeatures lists the features of event i of evs, for explain.
func (c *Coder) ConfidenceFeatures(doc *annals.Doc, ms []annals.Mention, evs []annals.Event, i int) []string {
	ix := newSentIndex(doc, ms, evs)
	return c.lx.eventFeatures(nil, doc, &ix, evs, i)
}

// sentIndex gives, per sentence, its mentions and its events, so that an
// event's features cost the size of its sentence, not of the document;
// and what the document-level features need: the repeats each event
// merges with and the quotations open at each sentence.
type sentIndex struct {
	ms  map[int][]annals.Mention
	evs map[int][]int
	docIndex
}

func newSentIndex(doc *annals.Doc, ms []annals.Mention, evs []annals.Event) sentIndex {
	ix := sentIndex{ms: map[int][]annals.Mention{}, evs: map[int][]int{}}
	for _, m := range ms {
		ix.ms[m.Sentence] = append(ix.ms[m.Sentence], m)
	}
	for i, e := range evs {
		ix.evs[e.SentenceIndex] = append(ix.evs[e.SentenceIndex], i)
	}
	ix.docIndex = newDocIndex(doc, ms, evs)
	return ix
}

// eventFeatures appends the evidence features of evs[i].
func (lx *Lexicon) eventFeatures(dst []string, doc *annals.Doc, ix *sentIndex, evs []annals.Event, i int) []string {
	e := &evs[i]
	sent := doc.Sentences[e.SentenceIndex]
	trig := tokenAtByte(doc, sent, e.TriggerSpan.Start)
	dst = append(dst,
		"base="+strconv.FormatFloat(math.Round(e.Confidence*10)/10, 'f', 1, 64),
		"file="+ruleFile(e.Rule),
		"mode="+string(e.Mode),
		"root="+e.Root,
		"src="+actorKind(e.Source, e.SourceText, actorRef(ix.ms[e.SentenceIndex], e.SourceSpan)),
		"tgt="+targetKind(e, actorRef(ix.ms[e.SentenceIndex], e.TargetSpan)),
	)
	loc := e.Rule
	if k := strings.IndexByte(loc, ' '); k >= 0 {
		loc = loc[:k]
	}
	if p := lx.byLoc[loc]; p != nil {
		// how much of the sentence the row asks for beyond its verb; the
		// row is named by its content, so its weight stays with it when
		// lines move ("verbs.tsv:accuse/of/112")
		dst = append(dst, "spec="+bin(len(p.trigger)-1+len(p.follow), 0, 1, 2), "row="+p.key)
	}
	if len(e.Source) >= 3 && len(e.Target) >= 3 {
		if e.Source[:3] == e.Target[:3] {
			dst = append(dst, "dyad=own") // within one country: a government and its people, or a mistake
		} else {
			dst = append(dst, "dyad=foreign")
		}
		if catch := lx.byLoc[loc]; catch != nil && catchAll(catch) && e.Source[:3] == e.Target[:3] {
			dst = append(dst, "dyad=own-catchall")
		}
	}
	for _, m := range ruleMarks {
		if strings.Contains(e.Rule, m.text) {
			dst = append(dst, "mark="+m.name)
		}
	}
	dst = ix.docFeatures(dst, doc, evs, i, trig)
	fan, inSent, earlier := 0, 0, 0
	for _, j := range ix.evs[e.SentenceIndex] {
		if evs[j].Countable() {
			inSent++
			if evs[j].TriggerSpan == e.TriggerSpan {
				fan++
			} else if evs[j].TriggerSpan.Start < e.TriggerSpan.Start {
				earlier++
			}
		}
	}
	// the first trigger of the sentence is usually its main event
	dst = append(dst, "rank="+bin(earlier, 0, 1))
	dst = append(dst, "fan="+bin(fan, 1, 2, 3), "events="+bin(inSent, 1, 2, 3, 5),
		"length="+bin(sent.Last-sent.First, 15, 30, 45))
	if trig >= 0 {
		t := &doc.Tokens[trig]
		dst = append(dst, "pos="+posClass(t.Tag))
		cs := &sentence{doc: doc, si: e.SentenceIndex, first: sent.First, last: sent.Last}
		if k := cs.clauseStart(trig); k > cs.first && cs.boundary(k) {
			dst = append(dst, "clause=sub") // subordinate, relative or participle clause
		} else {
			dst = append(dst, "clause=main")
		}
		if e.SourceSpan.End > e.SourceSpan.Start {
			if s := tokenAtByte(doc, sent, e.SourceSpan.Start); s >= 0 {
				if s < trig {
					dst = append(dst, "srcgap="+bin(trig-tokenAtByte(doc, sent, e.SourceSpan.End-1)-1, 0, 2, 6, 12))
				} else {
					dst = append(dst, "srcgap=after")
				}
			}
		}
		if e.TargetSpan.End > e.TargetSpan.Start {
			if s := tokenAtByte(doc, sent, e.TargetSpan.Start); s >= 0 {
				if s > trig {
					dst = append(dst, "tgtgap="+bin(s-trig-1, 0, 2, 6, 12))
				} else {
					dst = append(dst, "tgtgap=before")
				}
			}
		}
	}
	return dst
}

// ruleMarks are the notes the coder adds to a rule when it adjusts an
// event, each a feature of its own.
var ruleMarks = []struct{ text, name string }{
	{"(target: the state where it struck)", "place-target"},
	{"(target: the story's other side)", "story-target"},
	{" + ", "converted"},
	{"(by who acts", "by-actor"},
	{"(from the air", "aerial"},
	{"(on a crowd", "crowd"},
	{"reaction to", "reaction"},
	{"each other", "each-other"},
}

// ruleFile names the lexicon file (without .tsv) or mechanism that gave
// the event: "verbs", "nouns", "complements", "verbs-petrarch", "claims".
func ruleFile(rule string) string {
	f := rule
	if k := strings.IndexAny(f, ": "); k >= 0 {
		f = f[:k]
	}
	f = strings.TrimSuffix(f, ".tsv")
	switch f {
	case "verbs", "nouns", "complements", "verbs-petrarch", "claims":
		return f
	}
	return "other"
}

// actorKind classes an actor code: none, uncoded (a name the dictionaries
// lack), a bare country, a country with a role, an international or
// non-state body; "ref-" when it was resolved from a reference.
func actorKind(code, text string, ref bool) string {
	k := "none"
	switch {
	case code == "" && text != "":
		k = "uncoded"
	case code == "":
	case strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG"):
		k = "body"
	case len(code) == 3:
		k = "country"
	default:
		k = "role"
	}
	if ref && k != "none" {
		k = "ref-" + k
	}
	return k
}

func targetKind(e *annals.Event, ref bool) string {
	if e.TargetSpan.End <= e.TargetSpan.Start && e.Target == "" {
		return "none"
	}
	return actorKind(e.Target, e.TargetText, ref)
}

// actorRef reports whether the mention of its sentence inside span was
// resolved from a reference ("it", "the two countries").
func actorRef(ms []annals.Mention, sp annals.Span) bool {
	for _, m := range ms {
		if m.Ref && m.Start >= sp.Start && m.End <= sp.End && sp.End > sp.Start {
			return true
		}
	}
	return false
}

// tokenAtByte returns the index of the token of sentence sent that holds
// byte offset b, or -1.
func tokenAtByte(doc *annals.Doc, sent annals.Sentence, b int) int {
	k := sort.Search(sent.Last-sent.First, func(i int) bool { return doc.Tokens[sent.First+i].End > b })
	if k == sent.Last-sent.First || doc.Tokens[sent.First+k].Start > b {
		return -1
	}
	return sent.First + k
}

// bin names the interval of cuts that holds n: "<=c" for the first cut
// at least n, ">c" past the last.
func bin(n int, cuts ...int) string {
	for _, c := range cuts {
		if n <= c {
			return "<=" + strconv.Itoa(c)
		}
	}
	return ">" + strconv.Itoa(cuts[len(cuts)-1])
}

func posClass(tag string) string {
	switch {
	case strings.HasPrefix(tag, "VB"):
		return "verb"
	case strings.HasPrefix(tag, "NN"):
		return "noun"
	case strings.HasPrefix(tag, "JJ"):
		return "adj"
	}
	return "other"
}

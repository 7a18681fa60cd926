package coder

import (
	"strings"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/when"
)

// Document-level confidence features: what an article has and a single
// annotated sentence lacks. A wire story tells its news first and its
// background later, often in the past perfect ("Baghdad had accused
// Kuwait last month"); it quotes people; it tells the main event more
// than once; its role words and targets come from the story. Each of
// these is a feature (docFeatures), weighed like the others in
// confidence.tsv; tools/genconf fits them on the project's own articles
// (internal/coder/testdata/articles.jsonl).
//
//	doc=article         the document has more than articleSentences sentences
//	sent=<=0 ... >6     the index of the event's sentence, in an article
//	aspect=pluperfect   the trigger's verb group is past perfect ("had struck",
//	                    "having fought"); for a noun, the verb after it ("talks had collapsed")
//	aspect=perfect      present perfect ("has imposed")
//	quote=in            the trigger stands inside quotation marks
//	told=<=2, told=>2   the event is told by that many sentences (MergeRepeats
//	                    merges them into one)
//	telling=later       a later telling of an event told before
//	age=<=1 ... >31     days from the event's date to the publication date;
//	                    pub (no date but the article's), context (only the
//	                    story's), future, unresolved
//	srcseen=, tgtseen=  how often the document mentions the source's (the
//	                    target's) side, in an article

// articleSentences is the length over which a document is an article.
const articleSentences = 3

// docIndex is what docFeatures needs once per document.
type docIndex struct {
	group  []int          // per event, the event it merges into (RepeatGroups)
	merged []annals.Event // MergeRepeats of the events
	quoted []bool         // per sentence: a quotation is open at its start
	dates  *when.Dates    // the dating stage's, for events not dated yet
	sides  map[string]int // mentions per side (storySide) in the document
}

func newDocIndex(doc *annals.Doc, ms []annals.Mention, evs []annals.Event) docIndex {
	var ix docIndex
	if doc == nil {
		return ix
	}
	ix.merged, ix.group = RepeatGroups(doc, evs)
	ix.quoted = quoteStarts(doc)
	ix.sides = map[string]int{}
	for _, m := range ms {
		if sd := storySide(m.Code); sd != "" {
			ix.sides[sd]++
		}
	}
	return ix
}

// RepeatGroups merges the repeats among evs as MergeRepeats does and
// says, per event of evs, which merged event it became (an index into
// merged, -1 for none): a first telling is its own event, a later one
// the first event of its kind (source, target, code, mode and trigger
// lemma) that counts its sentence among its evidence. The lookup is
// linear in the tellings.
func RepeatGroups(doc *annals.Doc, evs []annals.Event) (merged []annals.Event, group []int) {
	merged = MergeRepeats(doc, evs)
	type at struct {
		kind      string
		sent, pos int // pos: the trigger's start, -1 for any telling in sent
	}
	idx := make(map[at]int, 2*len(merged))
	kind := func(e *annals.Event) string {
		return e.Source + "|" + e.Target + "|" + e.Code + "|" + string(e.Mode) + "|" + triggerLemma(doc, *e)
	}
	for j := range merged {
		m := &merged[j]
		k := kind(m)
		idx[at{k, m.SentenceIndex, m.TriggerSpan.Start}] = j
		for _, si := range m.EvidenceSentences {
			if _, ok := idx[at{k, si, -1}]; !ok {
				idx[at{k, si, -1}] = j
			}
		}
	}
	group = make([]int, len(evs))
	for i := range evs {
		e := &evs[i]
		k := kind(e)
		j, ok := idx[at{k, e.SentenceIndex, e.TriggerSpan.Start}]
		if !ok {
			if j, ok = idx[at{k, e.SentenceIndex, -1}]; !ok {
				j = -1
			}
		}
		group[i] = j
	}
	return merged, group
}

// docFeatures appends the document-level features of evs[i], whose
// trigger is token trig (-1 when unknown).
func (ix *sentIndex) docFeatures(dst []string, doc *annals.Doc, evs []annals.Event, i, trig int) []string {
	e := &evs[i]
	article := len(doc.Sentences) > articleSentences
	if article {
		dst = append(dst, "doc=article", "sent="+bin(e.SentenceIndex, 0, 1, 3, 6))
	}
	if trig >= 0 {
		if a := aspect(doc, doc.Sentences[e.SentenceIndex], trig); a != "" {
			dst = append(dst, "aspect="+a)
		}
		if ix.inQuote(doc, e.SentenceIndex, trig) {
			dst = append(dst, "quote=in")
		}
	}
	if i < len(ix.group) && ix.group[i] >= 0 {
		m := &ix.merged[ix.group[i]]
		if n := len(m.EvidenceSentences); n > 1 {
			dst = append(dst, "told="+bin(n, 2))
		}
		if m.SentenceIndex != e.SentenceIndex || m.TriggerSpan != e.TriggerSpan {
			dst = append(dst, "telling=later")
		}
	}
	if a := ix.age(doc, e, trig); a != "" {
		dst = append(dst, "age="+a)
	}
	if article {
		// the story's own actors are mentioned again and again; an actor
		// named once is more often one the coder took by mistake
		if sd := storySide(e.Source); sd != "" {
			dst = append(dst, "srcseen="+bin(ix.sides[sd], 1, 3, 6))
		}
		if sd := storySide(e.Target); sd != "" {
			dst = append(dst, "tgtseen="+bin(ix.sides[sd], 1, 3, 6))
		}
	}
	return dst
}

// aspect is "pluperfect" when the verb group of the trigger (token k) is
// past perfect, "perfect" when it is present perfect, "" otherwise. A
// verbal trigger has its auxiliaries before it ("had been condemned",
// "having fought"); a nominal one takes the first verb group after it in
// its clause ("talks in Jeddah had collapsed").
func aspect(doc *annals.Doc, s annals.Sentence, k int) string {
	t := &doc.Tokens[k]
	if strings.HasPrefix(t.Tag, "VB") {
		if t.Tag != "VBN" && t.Tag != "VBD" {
			return ""
		}
		for j := k - 1; j >= s.First && j >= k-4; j-- {
			if a := perfectAux(&doc.Tokens[j]); a != "" {
				return a
			}
			if l := &doc.Tokens[j]; l.Lower != "been" && !strings.HasPrefix(l.Tag, "RB") {
				return ""
			}
		}
		return ""
	}
	for j := k + 1; j < s.Last; j++ {
		l := &doc.Tokens[j]
		if l.Tag == "," || l.Tag == ":" || l.Lower == "that" || l.Lower == "which" || l.Lower == "who" {
			return ""
		}
		if a := perfectAux(l); a != "" {
			if j+1 < s.Last && (doc.Tokens[j+1].Tag == "VBN" || doc.Tokens[j+1].Lower == "been" || strings.HasPrefix(doc.Tokens[j+1].Tag, "RB")) {
				return a
			}
			return ""
		}
		if strings.HasPrefix(l.Tag, "VB") || l.Tag == "MD" {
			return ""
		}
	}
	return ""
}

// perfectAux classes a perfect auxiliary: "had", "'d", "having" are
// pluperfect (background told as such), "has", "have" perfect.
func perfectAux(t *annals.Token) string {
	switch t.Lower {
	case "had", "having":
		return "pluperfect"
	case "'d", "’d":
		if t.Tag == "VBD" {
			return "pluperfect"
		}
	case "has", "have", "'ve", "’ve":
		return "perfect"
	}
	return ""
}

// quoteStarts says, per sentence, whether a quotation is open at its
// start: double quotation marks toggle it (curly ones open and close it),
// and a paragraph break closes it (a quotation that runs on opens again
// at the next paragraph).
func quoteStarts(doc *annals.Doc) []bool {
	open := make([]bool, len(doc.Sentences))
	in := false
	text := ""
	if doc.Article != nil {
		text = doc.Article.Text
	}
	prevEnd := -1
	for si, s := range doc.Sentences {
		for k := s.First; k < s.Last; k++ {
			t := &doc.Tokens[k]
			if prevEnd >= 0 && t.Start > prevEnd && t.Start <= len(text) && strings.Contains(text[prevEnd:t.Start], "\n\n") {
				in = false
			}
			prevEnd = t.End
			if k == s.First {
				open[si] = in
			}
			in = quoteToggle(t.Text, in)
		}
	}
	return open
}

// quoteToggle is the quotation state after a token.
func quoteToggle(tok string, in bool) bool {
	switch tok {
	case "“", "``":
		return true
	case "”", "''":
		return false
	case "\"":
		return !in
	}
	return in
}

// inQuote reports whether token k of sentence si stands inside a
// quotation.
func (ix *sentIndex) inQuote(doc *annals.Doc, si, k int) bool {
	if si >= len(ix.quoted) {
		return false
	}
	in := ix.quoted[si]
	for j := doc.Sentences[si].First; j < k; j++ {
		in = quoteToggle(doc.Tokens[j].Text, in)
	}
	return in
}

// age bins the days from the event's date to the article's: the date the
// pipeline gave the event, or, for an event not dated yet (annals
// explain), the one the dating stage would give it. "pub": nothing dates
// the event's clause or story; "context": only its story or the statement
// its quotation continues does.
func (ix *sentIndex) age(doc *annals.Doc, e *annals.Event, trig int) string {
	if doc.Article == nil || doc.Article.Published.IsZero() {
		return ""
	}
	pub := doc.Article.Published
	date, src := e.EventDate, e.DateSource
	if src == "" {
		if trig < 0 {
			return ""
		}
		if ix.dates == nil {
			ix.dates = when.ForDoc(doc, pub)
		}
		d := ix.dates.Event(e.SentenceIndex, trig)
		date, src = d.String(), d.Source
	}
	switch src {
	case when.Publication:
		return "pub"
	case when.Context:
		return "context"
	}
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		return "unresolved"
	}
	days := int(pub.Sub(d).Hours() / 24)
	if days < -1 {
		return "future"
	}
	return bin(days, 1, 7, 31)
}

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/actors"
	"github.com/annals-events/annals/internal/coder"
	"github.com/annals-events/annals/internal/geo"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/text"
	"github.com/annals-events/annals/internal/when"
)

// Pipeline holds the compiled stages. It is immutable and safe for
// concurrent use.
type Pipeline struct {
	FE     *text.FrontEnd
	Actors *actors.Dict
	Coder  *coder.Coder
	Geo    *geo.Gazetteer
	// Syntax runs the syntax stage (heads, relations, UPOS) even when the
	// coder does not read the tree, for callers that show it.
	Syntax bool
	// The budget of one document: larger ones (in bytes of text) and ones
	// that take longer to code are skipped with the reason. Zero is no
	// limit.
	MaxBytes int
	MaxTime  time.Duration
	// MinConfidence drops events whose confidence (a calibrated estimate
	// of the chance a careful coder keeps the event) is below it.
	MinConfidence float64
}

// DefaultMinConfidence keeps the events the coder's confidence model
// rates at least one in four likely to be right; on news the ones below
// were right about one time in six (issue 14's note has the figures).
const DefaultMinConfidence = 0.25

// Default budget per document: an article of 8 MB codes in seconds, so a
// minute is only reached by text no stage was made for.
const (
	DefaultMaxBytes = 8 << 20
	DefaultMaxTime  = time.Minute
)

// Options name dictionary folders that replace the embedded ones, and the
// budget per document (zero: the defaults; negative: no limit).
type Options struct {
	ActorDir   string // folder of actor *.tsv files; empty for the embedded set
	LexiconDir string // folder of lexicon *.tsv files; empty for the embedded set
	Dirs       func(string) fs.FS
	MaxBytes   int
	MaxTime    time.Duration
	// MinConfidence: zero for DefaultMinConfidence, negative for none.
	MinConfidence float64
	// WordOrder codes without the dependency tree: subjects are read from
	// word order and tags, and the syntax stage runs only where the
	// locator needs a tree. For comparison (BenchmarkCode, the note's
	// figures); the default reads the tree.
	WordOrder bool
}

// built counts the calls of New: each loads dictionaries (and, the first
// time, the models).
var built atomic.Int64

// Built says how many times New has loaded models and dictionaries in this
// process: tests check with it that a command with nothing to code loads
// none.
func Built() int64 { return built.Load() }

// New loads the models and dictionaries.
func New(opt Options) (*Pipeline, error) {
	built.Add(1)
	fe, err := text.Default()
	if err != nil {
		return nil, err
	}
	afs, lfs := actors.Embedded(), coder.Embedded()
	if opt.ActorDir != "" {
		afs = opt.Dirs(opt.ActorDir)
	}
	if opt.LexiconDir != "" {
		lfs = opt.Dirs(opt.LexiconDir)
	}
	g, err := geo.Default()
	if err != nil {
		return nil, err
	}
	d, err := actors.LoadWith(afs, g)
	if err != nil {
		return nil, fmt.Errorf("actor dictionaries:\n%w", err)
	}
	lx, err := coder.LoadLexicon(lfs, fe.Lemma)
	if err != nil {
		return nil, fmt.Errorf("event lexicon:\n%w", err)
	}
	p := &Pipeline{FE: fe, Actors: d, Coder: coder.New(lx), Geo: g, MaxBytes: opt.MaxBytes, MaxTime: opt.MaxTime}
	p.Coder.Tree = !opt.WordOrder
	if p.MaxBytes == 0 {
		p.MaxBytes = DefaultMaxBytes
	}
	if p.MaxTime == 0 {
		p.MaxTime = DefaultMaxTime
	}
	p.MaxBytes, p.MaxTime = max(p.MaxBytes, 0), max(p.MaxTime, 0)
	switch {
	case opt.MinConfidence == 0:
		p.MinConfidence = DefaultMinConfidence
	case opt.MinConfidence > 0:
		p.MinConfidence = opt.MinConfidence
	}
	return p, nil
}

// Result is one article after the pipeline.
type Result struct {
	Seq      int
	Doc      *annals.Doc
	Mentions []annals.Mention
	Events   []annals.Event
	Places   []geo.Mention
	// Err is why the article was not coded (a *SkipError): over its
	// budget, or cancelled. Doc then holds only the article.
	Err error
}

// ErrBudget is the cause of a skip for a document over its budget.
var ErrBudget = errors.New("over the budget per document")

// SkipError says which document was not coded and why.
type SkipError struct {
	ID     string
	Reason string
	Err    error // ErrBudget, or the context's error
}

func (e *SkipError) Error() string { return fmt.Sprintf("document %q not coded: %s", e.ID, e.Reason) }
func (e *SkipError) Unwrap() error { return e.Err }

// Process runs every stage on one article. now stands in for the
// publication date when choosing actor roles in undated text.
func (p *Pipeline) Process(a *annals.Article, now time.Time) Result {
	return p.ProcessContext(context.Background(), a, now)
}

// ProcessContext is Process within ctx and the pipeline's budget: every
// stage stops between sentences once ctx is done or the time budget is
// spent, and the result's Err says why.
func (p *Pipeline) ProcessContext(ctx context.Context, a *annals.Article, now time.Time) Result {
	if p.MaxBytes > 0 && len(a.Text) > p.MaxBytes {
		return skipped(a, fmt.Sprintf("its text is %d bytes, over the budget of %d bytes per document (--max-doc-bytes)", len(a.Text), p.MaxBytes), ErrBudget)
	}
	start := time.Now()
	if p.MaxTime > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, p.MaxTime, ErrBudget)
		defer cancel()
	}
	stop := func(stage string, err error) Result {
		if cause := context.Cause(ctx); errors.Is(cause, ErrBudget) {
			return skipped(a, fmt.Sprintf("coding took longer than the budget of %v per document (--max-doc-time); stopped in the %s stage after %v", p.MaxTime, stage, time.Since(start).Round(time.Millisecond)), ErrBudget)
		}
		return skipped(a, fmt.Sprintf("cancelled in the %s stage: %v", stage, err), err)
	}
	doc, err := p.FE.ProcessContext(ctx, a, p.Syntax || p.Coder.Tree)
	if err != nil {
		return stop("text", err)
	}
	ref := a.Published
	if ref.IsZero() {
		ref = now
	}
	ms, err := p.Actors.RecognizeContext(ctx, doc, ref)
	if err != nil {
		return stop("actors", err)
	}
	evs, err := p.Coder.CodeContext(ctx, doc, ms, a.Published)
	if err != nil {
		return stop("coder", err)
	}
	dateEvents(doc, evs, a.Published)
	places := p.Geo.Find(doc, ms)
	p.Geo.LocateParsed(doc, evs, places, func(i int) []annals.Token { return p.FE.ParsedSentence(doc, i) })
	coder.TargetPlaces(evs)
	evs = coder.StoryTargets(evs, ms)
	p.Coder.Calibrate(doc, ms, evs)
	evs = p.confident(evs)
	evs = coder.MergeRepeats(doc, evs)
	if err := ctx.Err(); err != nil {
		return stop("places", err)
	}
	return Result{Doc: doc, Mentions: ms, Events: evs, Places: places}
}

// confident keeps the events at or above the confidence floor.
func (p *Pipeline) confident(evs []annals.Event) []annals.Event {
	if p.MinConfidence <= 0 {
		return evs
	}
	kept := evs[:0]
	for _, e := range evs {
		if e.Confidence >= p.MinConfidence {
			kept = append(kept, e)
		}
	}
	return kept
}

func skipped(a *annals.Article, reason string, err error) Result {
	return Result{Doc: &annals.Doc{Article: a}, Err: &SkipError{ID: a.ID, Reason: reason, Err: err}}
}

// Run processes articles from in with workers goroutines (0 means one per
// core) and calls emit in input order from a single goroutine.
func (p *Pipeline) Run(in <-chan *annals.Article, workers int, now time.Time, emit func(Result)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		a   *annals.Article
	}
	jobs := make(chan job, workers*2)
	results := make(chan Result, workers*2)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := p.Process(j.a, now)
				r.Seq = j.seq
				results <- r
			}
		}()
	}
	go func() {
		seq := 0
		for a := range in {
			jobs <- job{seq, a}
			seq++
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]Result{}
	next := 0
	for r := range results {
		pending[r.Seq] = r
		for {
			x, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			emit(x)
			next++
		}
	}
}

// dateEvents dates each event from the temporal expressions of its
// clause and of the article (internal/when), else with the publication
// date, and says how its date was found.
func dateEvents(doc *annals.Doc, evs []annals.Event, pub time.Time) {
	if len(evs) == 0 {
		return
	}
	ds := when.ForDoc(doc, pub)
	for i := range evs {
		e := &evs[i]
		d := ds.Event(e.SentenceIndex, triggerToken(doc, e.SentenceIndex, e.TriggerSpan.Start))
		e.EventDate, e.DatePrecision, e.DateSource = d.String(), d.Precision, d.Source
	}
}

func triggerToken(doc *annals.Doc, si, start int) int {
	s := doc.Sentences[si]
	for k := s.First; k < s.Last; k++ {
		if doc.Tokens[k].Start == start {
			return k
		}
	}
	return s.First
}

// cueHead is the token of span sp that heads it: with a tree, the one
// whose head lies outside the span (a verb first); without one, the
// first verb that is not an auxiliary, else the first token.
func cueHead(doc *annals.Doc, s annals.Sentence, sp annals.Span) int {
	head, first := -1, -1
	parsed := false
	for k := s.First; k < s.Last; k++ {
		parsed = parsed || doc.Tokens[k].Rel != ""
	}
	for k := s.First; k < s.Last; k++ {
		t := &doc.Tokens[k]
		if t.Start < sp.Start || t.End > sp.End {
			continue
		}
		if first < 0 {
			first = k
		}
		if !parsed {
			aux := k+1 < s.Last && strings.HasPrefix(doc.Tokens[k+1].Tag, "VB") && (t.Lemma == "be" || t.Lemma == "have" || t.Lemma == "do")
			if head < 0 && strings.HasPrefix(t.Tag, "VB") && !aux {
				head = k
			}
			continue
		}
		h := s.First + t.Head
		out := t.Head < 0 || doc.Tokens[h].Start < sp.Start || doc.Tokens[h].End > sp.End
		if out && (head < 0 || t.UPOS == "VERB" && doc.Tokens[head].UPOS != "VERB") {
			head = k
		}
	}
	if head < 0 {
		return first
	}
	return head
}

// DateAtSpan returns the date annals gives an event whose trigger is the
// head of the text span sp (the token of the span whose syntactic head
// lies outside it, a verb first): the evaluation dates gold events at
// their cues with it. ok is false when no sentence holds the span.
func DateAtSpan(doc *annals.Doc, sp annals.Span) (date, precision, source, sentence string, ok bool) {
	for _, s := range doc.Sentences {
		if sp.Start < s.Start || sp.Start >= s.End {
			continue
		}
		head := cueHead(doc, s, sp)
		if head < 0 {
			return "", "", "", "", false
		}
		var pub time.Time
		if doc.Article != nil {
			pub = doc.Article.Published
		}
		d := when.ForDoc(doc, pub).Event(s.Index, head)
		return d.String(), d.Precision, d.Source, s.Span.Of(doc.Article.Text), true
	}
	return "", "", "", "", false
}

// Coded is what a store writes for the result: the article, its content
// hash, sentence spans, mentions and events.
func (r Result) Coded() *annals.CodedDocument {
	d := &annals.CodedDocument{Article: r.Doc.Article, ContentHash: ingest.ContentHash(r.Doc.Article.Text), Mentions: r.Mentions, Events: r.Events}
	for _, s := range r.Doc.Sentences {
		d.Sentences = append(d.Sentences, s.Span)
	}
	return d
}

// PlaceAtSpan returns the location annals gives an event e whose trigger
// is the head of the text span sp (as DateAtSpan finds it), in the result
// r of its article: the evaluation places gold events at their cues with
// it, e carrying the gold event's code, actors and mode. ok is false when
// no sentence holds the span.
func (p *Pipeline) PlaceAtSpan(r Result, sp annals.Span, e annals.Event) (loc *annals.Location, sentence string, ok bool) {
	doc := r.Doc
	for _, s := range doc.Sentences {
		if sp.Start < s.Start || sp.Start >= s.End {
			continue
		}
		head := cueHead(doc, s, sp)
		if head < 0 {
			return nil, "", false
		}
		e.SentenceIndex, e.TriggerSpan = s.Index, doc.Tokens[head].Span
		// the story's earlier events come along: they may set its scene
		var evs []annals.Event
		for _, x := range r.Events {
			if x.SentenceIndex < s.Index {
				x.Location = nil
				evs = append(evs, x)
			}
		}
		evs = append(evs, e)
		dateEvents(doc, evs[len(evs)-1:], doc.Article.Published)
		p.Geo.LocateParsed(doc, evs, r.Places, func(i int) []annals.Token { return p.FE.ParsedSentence(doc, i) })
		return evs[len(evs)-1].Location, s.Span.Of(doc.Article.Text), true
	}
	return nil, "", false
}

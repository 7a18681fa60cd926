package pipeline

import (
	"fmt"
	"io/fs"
	"runtime"
	"sync"
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
}

// Options name dictionary folders that replace the embedded ones.
type Options struct {
	ActorDir   string // folder of actor *.tsv files; empty for the embedded set
	LexiconDir string // folder of lexicon *.tsv files; empty for the embedded set
	Dirs       func(string) fs.FS
}

// New loads the models and dictionaries.
func New(opt Options) (*Pipeline, error) {
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
	d, err := actors.LoadWith(afs, g.Locality)
	if err != nil {
		return nil, fmt.Errorf("actor dictionaries:\n%w", err)
	}
	lx, err := coder.LoadLexicon(lfs, fe.Lemma)
	if err != nil {
		return nil, fmt.Errorf("event lexicon:\n%w", err)
	}
	return &Pipeline{FE: fe, Actors: d, Coder: coder.New(lx), Geo: g}, nil
}

// Result is one article after the pipeline.
type Result struct {
	Seq      int
	Doc      *annals.Doc
	Mentions []annals.Mention
	Events   []annals.Event
	Places   []geo.Mention
}

// Process runs every stage on one article. now stands in for the
// publication date when choosing actor roles in undated text.
func (p *Pipeline) Process(a *annals.Article, now time.Time) Result {
	doc := p.FE.Process(a)
	ref := a.Published
	if ref.IsZero() {
		ref = now
	}
	ms := p.Actors.Recognize(doc, ref)
	evs := p.Coder.Code(doc, ms, a.Published)
	dateEvents(doc, evs, a.Published)
	places := p.Geo.Find(doc, ms)
	p.Geo.Locate(doc, evs, places)
	coder.TargetPlaces(evs)
	evs = coder.MergeRepeats(evs)
	return Result{Doc: doc, Mentions: ms, Events: evs, Places: places}
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

// dateEvents gives each event the date of the temporal expression nearest
// its trigger in its sentence, else the publication date.
func dateEvents(doc *annals.Doc, evs []annals.Event, pub time.Time) {
	exprs := map[int][]when.Expr{}
	for i := range evs {
		e := &evs[i]
		s := doc.Sentences[e.SentenceIndex]
		ex, ok := exprs[e.SentenceIndex]
		if !ok {
			ex = when.Find(doc.Tokens, s.First, s.Last, doc.Article.Text, pub)
			exprs[e.SentenceIndex] = ex
		}
		trig := s.First
		for k := s.First; k < s.Last; k++ {
			if doc.Tokens[k].Start == e.TriggerSpan.Start {
				trig = k
				break
			}
		}
		e.EventDate, e.DatePrecision = when.ForEvent(ex, trig, pub)
	}
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

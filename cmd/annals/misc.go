package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/actors"
	"github.com/annals-events/annals/internal/coder"
	"github.com/annals-events/annals/internal/eval"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/queue"
	"github.com/annals-events/annals/internal/text"
)

func cmdVersion(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("version", "version", "", stderr)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " (" + s.Value[:12] + ")"
			}
		}
	}
	fmt.Fprintf(stdout, "annals %s%s\n", annals.Version, rev)
	if queue.EmbeddedAvailable {
		fmt.Fprintln(stdout, "embedded NATS server: included (serve --embedded-queue)")
	} else {
		fmt.Fprintln(stdout, "embedded NATS server: not included (build with -tags natsserver for serve --embedded-queue)")
	}
	return exitOK
}

// textArg returns the text named by the arguments: literal words, or "-"
// for standard input. The caller checks there is an argument.
func textArg(args []string, stdin io.Reader) (string, error) {
	if len(args) == 1 && args[0] == "-" {
		b, err := io.ReadAll(io.LimitReader(stdin, ingest.MaxArticleBytes+1))
		if err != nil {
			return "", fmt.Errorf("read stdin: %w", err)
		}
		if len(b) > ingest.MaxArticleBytes {
			return "", ingest.ErrTooLarge
		}
		return string(b), nil
	}
	return strings.Join(args, " "), nil
}

func cmdActors(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("actors", "actors [--date YYYY-MM-DD] TEXT|-\n       annals actors --unknown [--top N] PATH...",
		`  annals actors "Pakistan's army chief Asim Munir met Afghan officials."
  annals actors --date 2020-05-01 "Imran Khan spoke to the Taliban."
  annals actors --unknown --top 50 corpus/    names no dictionary knows
`, stderr)
	date := fs.String("date", "", "article date `YYYY-MM-DD` that selects the roles in force (default today)")
	unknown := fs.Bool("unknown", false, "list the most frequent uncoded names in the input files")
	top := fs.Int("top", 40, "with --unknown, how many names to list")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	ref, err := parsePublished(*date)
	if err != nil {
		fmt.Fprintf(stderr, "annals actors: %v\n", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		if *unknown {
			fmt.Fprintln(stderr, "annals actors: --unknown needs at least one PATH (or - for standard input)")
		} else {
			fmt.Fprintln(stderr, "annals actors: name a TEXT to read, or - for standard input")
		}
		return exitUsage
	}
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if *unknown {
		skipped := 0
		counts := map[string]int{}
		in := readAll(fs.Args(), ingest.Options{Stdin: stdin, LocalLinks: true}, stderr, &skipped)
		p.Run(in, 0, time.Now().UTC(), func(r pipeline.Result) {
			skippedDoc(r, stderr)
			for _, m := range r.Mentions {
				if m.Code == "" {
					counts[m.Text]++
				}
			}
		})
		type kv struct {
			Text  string `json:"text"`
			Count int    `json:"count"`
		}
		var list []kv
		for k, v := range counts {
			list = append(list, kv{k, v})
		}
		sort.Slice(list, func(i, j int) bool {
			return list[i].Count > list[j].Count || list[i].Count == list[j].Count && list[i].Text < list[j].Text
		})
		for i, x := range list {
			if i >= *top {
				break
			}
			enc.Encode(x)
		}
		if skipped > 0 {
			return exitSkipped
		}
		return exitOK
	}
	txt, err := textArg(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "annals actors: %v\n", err)
		return exitSkipped
	}
	if ref.IsZero() {
		ref = time.Now().UTC()
	}
	a := &annals.Article{ID: "text", Text: txt, Published: ref}
	r := p.Process(a, ref)
	if skippedDoc(r, stderr) {
		return exitSkipped
	}
	type out struct {
		Text  string  `json:"text"`
		Start int     `json:"start"`
		End   int     `json:"end"`
		Code  string  `json:"code"`
		Entry *string `json:"entry"`
		Ref   bool    `json:"ref,omitempty"`
	}
	for _, m := range r.Mentions {
		o := out{Text: m.Text, Start: m.Start, End: m.End, Code: m.Code, Ref: m.Ref}
		if m.Entry != "" {
			e := m.Entry
			o.Entry = &e
		}
		enc.Encode(o)
	}
	return exitOK
}

func cmdExplain(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("explain", "explain [--published YYYY-MM-DD] SENTENCE|-",
		`  annals explain "Iran and Pakistan pledged to work together against militants."
  echo "The army denied that its troops shelled the village." | annals explain -
`, stderr)
	published := fs.String("published", "", "publication date `YYYY-MM-DD`")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	pub, err := parsePublished(*published)
	if err != nil {
		fmt.Fprintf(stderr, "annals explain: %v\n", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "annals explain: name a SENTENCE to explain, or - for standard input")
		return exitUsage
	}
	txt, err := textArg(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "annals explain: %v\n", err)
		return exitSkipped
	}
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	a := &annals.Article{ID: "explain", Text: txt, Published: pub}
	// coded as the pipeline codes it (the parser runs only where the coder
	// reads the tree); the tree shown is the syntax stage's all the same
	doc, err := p.FE.ProcessContext(context.Background(), a, p.Syntax || p.Coder.Tree)
	if err != nil {
		fmt.Fprintf(stderr, "annals explain: %v\n", err)
		return exitSkipped
	}
	ref := pub
	if ref.IsZero() {
		ref = time.Now().UTC()
	}
	ms := p.Actors.Recognize(doc, ref)
	evs, tr := p.Coder.Explain(doc, ms, pub)
	for _, s := range doc.Sentences {
		fmt.Fprintf(stdout, "sentence %d: %s\n  tokens:", s.Index, s.Of(txt))
		toks := doc.Tokens[s.First:s.Last]
		for _, t := range toks {
			fmt.Fprintf(stdout, " %s/%s", t.Text, t.Tag)
		}
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout, "  tree:")
		tree := toks
		if !parsed(toks) {
			tree = p.FE.ParsedSentence(doc, s.Index)
		}
		for i, t := range tree {
			head := "ROOT"
			if t.Head >= 0 && t.Head < len(tree) {
				head = fmt.Sprintf("%d %s", t.Head+1, tree[t.Head].Text)
			}
			fmt.Fprintf(stdout, "    %2d %-16s %-5s %-12s <- %s\n", i+1, t.Text, t.UPOS, t.Rel, head)
		}
		for _, m := range ms {
			if m.Sentence != s.Index {
				continue
			}
			code := m.Code
			if code == "" {
				code = "(uncoded)"
			}
			ref := ""
			if m.Ref {
				ref = " (reference)"
			}
			fmt.Fprintf(stdout, "  actor %q -> %s%s  [%s]\n", m.Text, code, ref, m.Entry)
		}
		for i, l := range tr.Lines {
			if tr.Sentences[i] == s.Index {
				fmt.Fprintf(stdout, "  not coded: %s\n", l)
			}
		}
		explainEvents(stdout, p, txt, evs, tr, s.Index)
	}
	if len(evs) == 0 {
		fmt.Fprintln(stdout, "  no event")
	}
	return exitOK
}

// parsed reports whether the syntax stage has analysed toks.
func parsed(toks []annals.Token) bool {
	for _, t := range toks {
		if t.Rel != "" {
			return true
		}
	}
	return false
}

// explainEvents prints the events of sentence si with their evidence.
func explainEvents(stdout io.Writer, p *pipeline.Pipeline, txt string, evs []annals.Event, tr *coder.Trace, si int) {
	for i, e := range evs {
		if e.SentenceIndex != si {
			continue
		}
		fmt.Fprintf(stdout, "  event %s -> %s %s (%s, %s) mode=%s confidence=%.2f rule=%s trigger=%q\n",
			orDash(e.Source), orDash(e.Target), e.Code, e.Plover, codeName(p, e.Code), e.Mode, e.Confidence, e.Rule, e.TriggerSpan.Of(txt))
		if i < len(tr.Confidence) {
			fmt.Fprintf(stdout, "    confidence from: %s\n", strings.Join(tr.Confidence[i], " "))
		}
		if e.Confidence < p.MinConfidence {
			fmt.Fprintf(stdout, "    not kept: confidence %.2f is under --min-confidence %.2f\n", e.Confidence, p.MinConfidence)
		}
	}
}

func codeName(p *pipeline.Pipeline, code string) string {
	if i := p.Coder.Lexicon().Info(code); i != nil {
		return i.Name
	}
	return "?"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func cmdEval(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("eval", "eval --gold FILE [--errors] | eval --ud GOLD.conllu",
		`  annals eval --gold ../shared/eval/news_dev.jsonl --errors
  annals eval --ud ../shared/ud/en_ewt-ud-test.conllu.gz      tags, lemmas and tree on gold tokens
  annals eval --gold ../shared/eval/petr2_gsr.jsonl
  annals eval --gold ../shared/eval/cameo_train.jsonl --errors | less
`, stderr)
	gold := fs.String("gold", "", "gold file (JSON lines: news records with events and traps, sentences with expected events, or sentences with a pentaclass)")
	errs := fs.Bool("errors", false, "list every miss with its sentence")
	ud := fs.String("ud", "", "score the syntax stage on a CoNLL-U treebank `FILE` (plain or gzip): UPOS, XPOS, lemma, UAS, LAS")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if *ud != "" {
		return evalUD(*ud, stdout, stderr)
	}
	if *gold == "" {
		fmt.Fprintln(stderr, "annals eval: --gold FILE or --ud FILE is required")
		return exitUsage
	}
	recs, err := eval.Load(*gold)
	if err != nil {
		fmt.Fprintf(stderr, "annals eval: %v\n", err)
		return exitSkipped
	}
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	now := time.Now().UTC()
	docs := map[string]*annals.Doc{}
	results := map[string]pipeline.Result{}
	rep := eval.Run(recs, func(a *annals.Article) []annals.Event {
		r := p.Process(a, now)
		docs[a.ID], results[a.ID] = r.Doc, r
		return r.Events
	})
	rep.ScoreDatesAtCues(recs, func(a *annals.Article, cue string) (string, string, string, string, bool) {
		d := docs[a.ID]
		i := strings.Index(a.Text, cue)
		if d == nil || i < 0 {
			return "", "", "", "", false
		}
		return pipeline.DateAtSpan(d, annals.Span{Start: i, End: i + len(cue)})
	})
	rep.ScorePlacesAtCues(recs, func(a *annals.Article, cue string, ev annals.Event) (*annals.Location, string, bool) {
		r, ok := results[a.ID]
		i := strings.Index(a.Text, cue)
		if !ok || r.Doc == nil || i < 0 {
			return nil, "", false
		}
		return p.PlaceAtSpan(r, annals.Span{Start: i, End: i + len(cue)}, ev)
	})
	rep.Print(stdout, *errs)
	return exitOK
}

func cmdDict(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("dict", "dict check [--actors-dir DIR] [--lexicon-dir DIR]",
		`  annals dict check                          check the built-in dictionaries
  annals dict check --actors-dir my-actors/  check an edited copy
`, stderr)
	df := addDictFlags(fs)
	if len(args) == 0 || args[0] != "check" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK
		}
		fmt.Fprintln(stderr, "annals dict: want 'annals dict check'")
		return exitUsage
	}
	if code, ok := parse(fs, args[1:], stdout); !ok {
		return code
	}
	afs, lfs := actors.Embedded(), coder.Embedded()
	if *df.actors != "" {
		afs = os.DirFS(*df.actors)
	}
	if *df.lexicon != "" {
		lfs = os.DirFS(*df.lexicon)
	}
	bad := false
	start := time.Now()
	d, err := actors.Load(afs)
	if err != nil {
		bad = true
		printProblems(stderr, err)
	} else {
		fmt.Fprintf(stdout, "actors: %d phrases in %s, loaded in %s\n", d.Entries, strings.Join(d.Files, ", "), time.Since(start).Round(time.Millisecond))
	}
	fe, err := text.Default()
	if err != nil {
		fmt.Fprintf(stderr, "annals: %v\n", err)
		return exitFatal
	}
	lx, err := coder.LoadLexicon(lfs, fe.Lemma)
	if err != nil {
		bad = true
		printProblems(stderr, err)
	} else {
		fmt.Fprintf(stdout, "lexicon: %d CAMEO codes, files %s\n", len(lx.Codes), strings.Join(lx.Files, ", "))
		lint := lx.Lint()
		for _, l := range lint {
			fmt.Fprintln(stdout, "warning: "+l)
		}
		if len(lint) > 0 {
			fmt.Fprintf(stdout, "lexicon: %d rows can never decide an event (warnings above)\n", len(lint))
		}
	}
	if bad {
		return exitSkipped
	}
	fmt.Fprintln(stdout, "ok")
	return exitOK
}

func printProblems(w io.Writer, err error) {
	var ae *actors.Error
	var le *coder.LexiconError
	switch {
	case errors.As(err, &ae):
		for _, p := range ae.Problems {
			fmt.Fprintln(w, p)
		}
	case errors.As(err, &le):
		for _, p := range le.Problems {
			fmt.Fprintln(w, p)
		}
	default:
		fmt.Fprintln(w, err)
	}
}

func cmdPlaces(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("places", "places [--date YYYY-MM-DD] TEXT|-",
		`  annals places "Iran struck targets in Pakistan's southwestern Baluchistan province."
  annals places "Police in Hyderabad arrested two Indian nationals."
  cat article.txt | annals places -
`, stderr)
	date := fs.String("date", "", "article date `YYYY-MM-DD` (default today)")
	df := addDictFlags(fs)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	ref, err := parsePublished(*date)
	if err != nil {
		fmt.Fprintf(stderr, "annals places: %v\n", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "annals places: name a TEXT to read, or - for standard input")
		return exitUsage
	}
	txt, err := textArg(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "annals places: %v\n", err)
		return exitSkipped
	}
	p, code := df.pipeline(stderr)
	if p == nil {
		return code
	}
	if ref.IsZero() {
		ref = time.Now().UTC()
	}
	r := p.Process(&annals.Article{ID: "text", Text: txt, Published: ref}, ref)
	if skippedDoc(r, stderr) {
		return exitSkipped
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, m := range r.Places {
		enc.Encode(m)
	}
	return exitOK
}

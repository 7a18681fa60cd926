package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/syntax"
	"github.com/annals-events/annals/internal/syntax/conllu"
	"github.com/annals-events/annals/internal/text"
)

func cmdParse(args []string, stdout, stderr io.Writer, stdin io.Reader) int {
	fs := newFlags("parse", "parse [--input text|conllu] PATH|-",
		`  annals parse article.txt                     segment, tag and parse; print CoNLL-U
  echo "Iran summoned Pakistan's envoy." | annals parse -
  annals parse --input conllu gold.conllu      parse the given tokens (gold tokenization)
`, stderr)
	input := fs.String("input", "text", "what PATH holds: text (segmented and tokenized by annals) or conllu (its tokens are parsed as given)")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if *input != "text" && *input != "conllu" {
		fmt.Fprintf(stderr, "annals parse: --input %q: want text or conllu\n", *input)
		return exitUsage
	}
	if len(fs.Args()) != 1 {
		fmt.Fprintln(stderr, "annals parse: name one PATH to parse, or - for standard input")
		return exitUsage
	}
	path := fs.Arg(0)
	var in io.Reader = stdin
	name := "stdin"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(stderr, "annals parse: %v\n", err)
			return exitSkipped
		}
		defer f.Close()
		in, name = f, path
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if *input == "conllu" {
		p, err := syntax.Default()
		if err != nil {
			fmt.Fprintf(stderr, "annals parse: %v\n", err)
			return exitFatal
		}
		sents, err := conllu.Read(in, name)
		if err != nil {
			fmt.Fprintf(stderr, "annals parse: %v\n", err)
			return exitSkipped
		}
		sys := make([]conllu.Sentence, len(sents))
		for i := range sents {
			sys[i] = p.ParseSentence(&sents[i], false)
		}
		if err := conllu.Write(out, sys); err != nil {
			fmt.Fprintf(stderr, "annals parse: %v\n", err)
			return exitFatal
		}
		return exitOK
	}
	b, err := io.ReadAll(io.LimitReader(in, 64<<20))
	if err != nil {
		fmt.Fprintf(stderr, "annals parse: %s: %v\n", name, err)
		return exitSkipped
	}
	fe, err := text.Default()
	if err != nil {
		fmt.Fprintf(stderr, "annals parse: %v\n", err)
		return exitFatal
	}
	doc := fe.Process(&annals.Article{ID: name, Text: strings.ToValidUTF8(string(b), "\uFFFD")})
	if err := conllu.Write(out, docSentences(doc)); err != nil {
		fmt.Fprintf(stderr, "annals parse: %v\n", err)
		return exitFatal
	}
	return exitOK
}

// docSentences turns a processed document into CoNLL-U sentences, with
// SpaceAfter=No where the next token follows without a space.
func docSentences(doc *annals.Doc) []conllu.Sentence {
	txt := doc.Article.Text
	var out []conllu.Sentence
	for si, s := range doc.Sentences {
		toks := doc.Tokens[s.First:s.Last]
		cs := conllu.Sentence{Comments: []string{fmt.Sprintf("sent_id = %d", si+1)}, Text: strings.Join(strings.Fields(s.Of(txt)), " ")}
		for i, t := range toks {
			misc := "_"
			if i+1 < len(toks) && toks[i+1].Start == t.End {
				misc = "SpaceAfter=No"
			}
			cs.Words = append(cs.Words, conllu.Word{ID: i + 1, Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.Tag, Feats: "_",
				Head: t.Head + 1, Deprel: t.Rel, Deps: "_", Misc: misc})
		}
		out = append(out, cs)
	}
	return out
}

// evalUD scores the syntax stage on a CoNLL-U gold file, on its tokens.
func evalUD(path string, stdout, stderr io.Writer) int {
	gold, err := conllu.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "annals eval: %v\n", err)
		return exitSkipped
	}
	p, err := syntax.Default()
	if err != nil {
		fmt.Fprintf(stderr, "annals eval: %v\n", err)
		return exitFatal
	}
	sc := syntax.Evaluate(p, gold, false)
	fmt.Fprintf(stdout, "%s: gold tokenization, predicted tags (CoNLL 2018 rules: LAS on universal relations, punctuation included)\n", path)
	sc.Report(stdout)
	return exitOK
}

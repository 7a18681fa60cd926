package syntax

import (
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/cputime"
	"github.com/annals-events/annals/internal/syntax/conllu"
)

// News-length sentences (about 25 tokens).
var benchSentences = []string{
	"Pakistani security forces killed at least 12 suspected militants in a raid on a hideout in the northwestern tribal region of North Waziristan on Sunday , officials said .",
	"The United Nations Security Council on Tuesday condemned the attack on a peacekeeping convoy in Mali , which killed two soldiers and wounded four others .",
	"Protesters clashed with police in the capital after the government announced a sharp rise in fuel prices , and dozens of people were arrested .",
	"Russia and Ukraine agreed to resume talks on a prisoner exchange next week , the Turkish foreign minister told reporters in Ankara late on Friday .",
}

func benchTokens() [][]annals.Token {
	var out [][]annals.Token
	for _, s := range benchSentences {
		out = append(out, tokens(s))
	}
	return out
}

// reportSents reports sentences per second of wall time and, where the
// platform tells, per second of CPU time (steadier on a shared machine).
func reportSents(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if c := cputime.Self() - cpu0; c > 0 {
		b.ReportMetric(float64(b.N)/c.Seconds(), "sentences/cpu-s")
	}
}

func BenchmarkTag(b *testing.B) {
	p := defaultParser(b)
	sents := benchTokens()
	b.ResetTimer()
	cpu0 := cputime.Self()
	for i := 0; i < b.N; i++ {
		p.Tag(sents[i%len(sents)])
	}
	reportSents(b, cpu0)
}

// BenchmarkParse parses already tagged sentences.
func BenchmarkParse(b *testing.B) {
	p := defaultParser(b)
	sents := benchTokens()
	for _, s := range sents {
		p.Tag(s)
	}
	b.ResetTimer()
	cpu0 := cputime.Self()
	for i := 0; i < b.N; i++ {
		p.ParseTagged(sents[i%len(sents)])
	}
	reportSents(b, cpu0)
}

func BenchmarkTagParse(b *testing.B) {
	p := defaultParser(b)
	sents := benchTokens()
	b.ResetTimer()
	cpu0 := cputime.Self()
	for i := 0; i < b.N; i++ {
		p.Parse(sents[i%len(sents)])
	}
	reportSents(b, cpu0)
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagParseCorpus tags and parses EWT dev and the news sentences,
// each sentence once per pass over the corpus, so that the tagger's
// per-form cache sees a real vocabulary rather than four sentences; it
// reports tokens per CPU second and the same as 25-token sentences.
func BenchmarkTagParseCorpus(b *testing.B) {
	dev, err := conllu.ReadFile(ewtDevPath)
	if err != nil {
		b.Skip("EWT dev set not found")
	}
	p := defaultParser(b)
	var sents [][]annals.Token
	ntok := 0
	for i := range dev {
		sents = append(sents, Tokens(&dev[i], false))
	}
	for _, s := range readTestdata(b, "news.conllu") {
		sents = append(sents, Tokens(&s, false))
	}
	b.ResetTimer()
	cpu0 := cputime.Self()
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		ntok += len(s)
		p.Parse(s)
	}
	if c := cputime.Self() - cpu0; c > 0 {
		b.ReportMetric(float64(ntok)/c.Seconds(), "tokens/cpu-s")
		b.ReportMetric(float64(ntok)/25/c.Seconds(), "25tok-sentences/cpu-s")
	}
}

// BenchmarkParseXPOSCorpus parses EWT dev and the news sentences from
// tags given (the model's own, set once), as the front-end's
// ParseWithXPOS calls run in the pipeline, and reports tokens per CPU
// second.
func BenchmarkParseXPOSCorpus(b *testing.B) {
	dev, err := conllu.ReadFile(ewtDevPath)
	if err != nil {
		b.Skip("EWT dev set not found")
	}
	p := defaultParser(b)
	var sents [][]annals.Token
	for i := range dev {
		sents = append(sents, Tokens(&dev[i], false))
	}
	for _, s := range readTestdata(b, "news.conllu") {
		sents = append(sents, Tokens(&s, false))
	}
	for _, s := range sents {
		p.Tag(s)
	}
	ntok := 0
	b.ResetTimer()
	cpu0 := cputime.Self()
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		ntok += len(s)
		p.ParseWithXPOS(s)
	}
	if c := cputime.Self() - cpu0; c > 0 {
		b.ReportMetric(float64(ntok)/c.Seconds(), "tokens/cpu-s")
	}
}

package syntax

import (
	"testing"

	"github.com/annals-events/annals"
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

func reportSents(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkTag(b *testing.B) {
	p := defaultParser(b)
	sents := benchTokens()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Tag(sents[i%len(sents)])
	}
	reportSents(b)
}

// BenchmarkParse parses already tagged sentences.
func BenchmarkParse(b *testing.B) {
	p := defaultParser(b)
	sents := benchTokens()
	for _, s := range sents {
		p.Tag(s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.ParseTagged(sents[i%len(sents)])
	}
	reportSents(b)
}

func BenchmarkTagParse(b *testing.B) {
	p := defaultParser(b)
	sents := benchTokens()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Parse(sents[i%len(sents)])
	}
	reportSents(b)
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
}

package coder

import "github.com/annals-events/annals"

// Quotations that run over several sentences: 'The ambassador said: "We
// are shocked. We called upon Iran to cooperate."' The first person in the
// later sentences is whoever opened the quotation.

// quoteState follows the quotation marks of an article, sentence by
// sentence.
type quoteState struct {
	open    bool            // a quotation is open at the start of the current sentence
	speaker *annals.Mention // who opened it, when the sentence that opened it says
}

// doubleQuote reports a double quotation mark, which opens or closes a
// quotation (single marks are also apostrophes).
func doubleQuote(t string) bool {
	switch t {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}

// openAt reports whether token k of the sentence stands inside a quotation,
// counting the one left open by earlier sentences.
func (s *sentence) openAt(k int) bool {
	in := s.quote != nil && s.quote.open
	for i := s.first; i < k; i++ {
		if doubleQuote(s.tok(i).Text) {
			in = !in
		}
	}
	return in
}

// carriedSpeaker returns the speaker of a quotation left open by an earlier
// sentence, for a first-person pronoun at p that is still inside it.
func (s *sentence) carriedSpeaker(p int) (annals.Mention, bool) {
	if s.quote == nil || !s.quote.open || s.quote.speaker == nil {
		return annals.Mention{}, false
	}
	for i := s.first; i < p; i++ {
		if doubleQuote(s.tok(i).Text) {
			return annals.Mention{}, false // the carried quotation closed before p
		}
	}
	return *s.quote.speaker, true
}

// advanceQuote updates the state at the end of the sentence: whether a
// quotation stays open, and if one opened here, who opened it (the subject
// of the reporting verb just before the opening mark: 'X said: "...').
func (s *sentence) advanceQuote() {
	if s.quote == nil {
		return
	}
	in := s.quote.open
	for i := s.first; i < s.last; i++ {
		if !doubleQuote(s.tok(i).Text) {
			continue
		}
		if !in {
			s.quote.speaker = nil
			for g := i - 1; g >= s.first && g >= i-3; g-- {
				if tg := s.tok(g); isVerb(tg) && reportingVerbs[verbLemma(s.c.lx, tg)] {
					if subj := s.subject(g); len(subj) > 0 {
						m := subj[0]
						if m.Code == "" {
							// "Pakistani ambassador to Tehran Muhammad Tipu
							// said": a name the dictionaries lack, after the
							// office that says who he is
							for _, o := range s.ms {
								if o.Last <= m.First && o.Code != "" && (o.First == s.first || s.tok(o.First-1).Tag == "DT" && o.First-1 == s.first) {
									m = o
									break
								}
							}
						}
						if m.Code != "" {
							s.quote.speaker = &m
						}
					}
					break
				}
			}
		}
		in = !in
	}
	s.quote.open = in
}

// headline reports a sentence written as a headline: it has no closing
// stop ("China holds war games around Taiwan").
func (s *sentence) headline() bool {
	if s.last <= s.first {
		return false
	}
	switch s.tok(s.last - 1).Text {
	case ".", "!", "?", "\"", "”", "''", ")":
		return false
	}
	return true
}

// headlineCoord reports a present-tense verb at v that a headline joins to
// the verb before it with a bare comma, so that it shares its subject:
// "Putin announces partial mobilisation, threatens West".
func (s *sentence) headlineCoord(v int) bool {
	if v-1 <= s.first || s.tok(v-1).Text != "," || !s.headline() {
		return false
	}
	t := s.tok(v)
	return t.Tag == "VBZ" || t.Tag == "VBP"
}

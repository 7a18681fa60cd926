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
	// who spoke the quotation the sentence before closed with its
	// attribution ('"We are shocked," the minister said.'): a quotation
	// that opens the next sentence goes on in the same voice
	last *annals.Mention
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
	if s.quote == nil {
		return annals.Mention{}, false
	}
	if s.quote.open && s.quote.speaker != nil {
		for i := s.first; i < p; i++ {
			if doubleQuote(s.tok(i).Text) {
				return annals.Mention{}, false // the carried quotation closed before p
			}
		}
		return *s.quote.speaker, true
	}
	// '"We are shocked," the minister said. "We have suspended the talks."'
	if m := s.resumedSpeaker(); m != nil {
		for i := s.first + 1; i < p; i++ {
			if doubleQuote(s.tok(i).Text) {
				return annals.Mention{}, false
			}
		}
		return *m, true
	}
	return annals.Mention{}, false
}

// resumedSpeaker returns the speaker of a quotation that opens this
// sentence right after a sentence that closed an attributed one, or nil.
func (s *sentence) resumedSpeaker() *annals.Mention {
	if s.quote == nil || s.quote.open || s.quote.last == nil || s.last <= s.first || !doubleQuote(s.tok(s.first).Text) {
		return nil
	}
	return s.quote.last
}

// attributed returns the speaker named after a quotation this sentence
// closes ('"...," the foreign ministry said', '"...," the daily quoted the
// army chief as saying'), or nil.
func (s *sentence) attributed() *annals.Mention {
	for _, m := range s.ms {
		if m.Code != "" && s.quotedAs(m) {
			return &m
		}
	}
	for _, m := range s.ms {
		if m.Code != "" && m.First > s.first && s.speaker(m) && !s.quotedAt(m.First-1) && s.closesQuoteBefore(m.First) {
			return &m
		}
	}
	return nil
}

// closesQuoteBefore reports a closing quotation mark among the three
// tokens before k (', "' or '," the').
func (s *sentence) closesQuoteBefore(k int) bool {
	for i := k - 1; i > s.first && i >= k-3; i-- {
		if doubleQuote(s.tok(i).Text) {
			return true
		}
	}
	return false
}

// advanceQuote updates the state at the end of the sentence: whether a
// quotation stays open, and if one opened here, who opened it (the subject
// of the reporting verb just before the opening mark: 'X said: "...').
func (s *sentence) advanceQuote() {
	if s.quote == nil {
		return
	}
	resumed := s.resumedSpeaker()
	defer func() {
		// the voice a next sentence's opening quotation goes on in
		s.quote.last = s.attributed()
		if s.quote.last == nil && resumed != nil && !s.quote.open {
			s.quote.last = resumed // '"..." "..."': still the same speaker
		}
	}()
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
			if s.quote.speaker == nil && i == s.first && resumed != nil {
				s.quote.speaker = resumed // and it may run over sentences
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

// quotedAs reports whether mention m is the one a paper quotes after a
// closed quotation: '"...," the daily quoted m as saying'.
func (s *sentence) quotedAs(m annals.Mention) bool {
	if m.Last+1 >= s.last || s.tok(m.Last).Lower != "as" || s.tok(m.Last+1).Lower != "saying" {
		return false
	}
	for v := m.First - 1; v > s.first && v >= m.First-3; v-- {
		if t := s.tok(v); isVerb(t) && verbLemma(s.c.lx, t) == "quote" {
			for i := v - 1; i > s.first && i >= v-6; i-- {
				if doubleQuote(s.tok(i).Text) {
					return true
				}
			}
		}
	}
	return false
}

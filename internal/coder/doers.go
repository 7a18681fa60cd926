package coder

import "github.com/annals-events/annals"

// What the article has told so far, for a later sentence that refers back
// to it: sentence.doers maps each event's trigger lemma, and its CAMEO
// root, to the event's source.

// doerOfObject finds, among the nouns after a verbal reaction (before end),
// the first that names an event the article has already coded, by its
// trigger ("denounced the strikes") or by the CAMEO root of the noun's
// pattern ("condemned the attack" after "struck"), and returns a reference mention
// over that noun standing for the event's source. A doer that is the
// reacting actor itself does not count.
func (s *sentence) doerOfObject(from, end int, src annals.Mention) (annals.Mention, bool) {
	for k := from; k < end; k++ {
		t := s.tok(k)
		if s.inMention[k] {
			return annals.Mention{}, false // an actor stands first: it is the object
		}
		if !isNoun(t) || len(s.c.lx.nouns[t.Lemma]) == 0 {
			continue
		}
		d, ok := s.doers[t.Lemma]
		if !ok {
			if c := s.c.lx.nouns[t.Lemma][0].code; len(c) >= 2 {
				d, ok = s.doers["root:"+c[:2]]
			}
		}
		if !ok || d.Code == src.Code || len(d.Code) >= 3 && len(src.Code) >= 3 && d.Code[:3] == src.Code[:3] {
			return annals.Mention{}, false
		}
		m := annals.Mention{Span: t.Span, Text: t.Text, Code: d.Code, Entry: d.Entry, Sentence: s.si, First: k, Last: k + 1, Ref: true}
		return m, true
	}
	return annals.Mention{}, false
}

package coder

// Claims, accusations and demands that a speaker makes about others, and
// results that follow from an event.

import (
	"fmt"
	"sort"
	"strings"

	"github.com/annals-events/annals"
)

type report struct {
	verb     int
	speaker  annals.Mention
	speakers []annals.Mention // with the speaker's co-subjects: "Mali, Burkina Faso and Niger announced"
}

// spoke reports whether code is one of the report's speakers.
func (r report) spoke(code string) bool {
	for _, m := range r.speakers {
		if m.Code == code {
			return true
		}
	}
	return false
}

// claims turns a state's report of another state's violence or coercion
// (material conflict) into what it is, an accusation ("Ukraine says Russia
// was behind the attacks", "the US claimed that ISIL had attacked Iraq"):
// the speaker accuses the agent (112) and the act itself is coded as
// reported. Words reported of another ("defying warnings from China",
// "criticism by the US") accuse no one. Likewise a claim of
// responsibility (015) stands for the act it claims.
func (s *sentence) claims() {
	// the claimed or alleged events themselves are not coded: the claim
	// (015) or the accusation (112) carries them, with the sentence
	drop := map[int]bool{}
	defer s.drop(func(i int, e annals.Event) string {
		if drop[i] {
			return fmt.Sprintf("%s %s->%s: the content of a claim, not coded", e.Code, e.Source, e.Target)
		}
		return ""
	})
	// "the rebels claimed that they had attacked the base": a claim of
	// responsibility (015)
	for _, r := range s.reports {
		if l := verbLemma(s.c.lx, s.tok(r.verb)); l != "claim" || r.speaker.Code == "" {
			continue
		}
		n := len(s.events)
		for i := 0; i < n; i++ {
			e := &s.events[i]
			if e.QuadClass < 4 || e.Source != r.speaker.Code || e.TriggerSpan.Start < s.tok(r.verb).End {
				continue
			}
			drop[i] = true
			var tgt *annals.Mention
			if e.Target != "" {
				tgt = &annals.Mention{Span: e.TargetSpan, Text: e.TargetText, Code: e.Target}
			}
			c := s.event(r.speaker, tgt, "015", "claims responsibility: claim + "+e.Rule, r.verb, r.verb+1, annals.Asserted)
			c.Confidence = 0.8
			s.events = append(s.events, c)
		}
	}
	// "Russia says Israel must end its attacks": what one actor says
	// another must do is a demand on it (10x)
	for _, r := range s.reports {
		if r.speaker.Code == "" {
			continue
		}
		n := len(s.events)
		for i := 0; i < n; i++ {
			e := s.events[i]
			if e.Mode != annals.Hypothetical || e.Source == "" || e.Source == r.speaker.Code || e.TriggerSpan.Start < s.tok(r.verb).End && !s.speaker(r.speaker) {
				continue // ('"Israel must stop the bombardment," Erdogan said': the quote comes first)
			}
			ti := s.tokenAt(e.TriggerSpan.Start)
			must := false
			for k := ti - 1; k >= s.first && k >= ti-3; k-- {
				if l := s.tok(k).Lower; (l == "must" || l == "should") && s.tok(k).Tag == "MD" {
					must = true
				}
			}
			if !must {
				continue
			}
			code := complementCode(s.c.lx, "10", coopCategory(e.Code))
			if code == "" {
				continue
			}
			tgt := annals.Mention{Span: e.SourceSpan, Text: e.SourceText, Code: e.Source}
			c := s.event(r.speaker, &tgt, code, "demands: "+s.tok(r.verb).Lemma+" + must + "+e.Rule, r.verb, r.verb+1, annals.Asserted)
			c.Confidence = 0.7
			s.events = append(s.events, c)
		}
	}
	for _, r := range s.reports {
		sp := r.speaker.Code
		if len(sp) < 3 || sp[:3] == "---" || !stateRole(sp) {
			continue // a reporter or a monitor reporting violence accuses no one
		}
		if s.speaker(r.speaker) {
			continue // "..., the U.S. Central Command said, expanding ...": what it said came before
		}
		n := len(s.events)
		for i := 0; i < n; i++ {
			e := &s.events[i]
			if e.QuadClass < 4 || len(e.Source) < 3 || e.Source[:3] == sp[:3] || e.Source[:3] == "---" || r.spoke(e.Source) ||
				e.Mode == annals.Negated || e.Mode == annals.Hypothetical {
				continue // "said Moscow had resisted taking a harder line" accuses no one
			}
			if e.TriggerSpan.Start < s.tok(r.verb).End {
				continue // the report must govern the event
			}
			if ti := s.tokenAt(e.TriggerSpan.Start); ti > s.first && s.tok(ti).Tag == "VBN" && isNoun(s.tok(ti-1)) {
				continue // "sanctions imposed on Tehran by his predecessor": background, not what is said
			}
			// the act itself is coded too, as the speaker's report of it
			// ("an act of one side as claimed by the other side")
			e.Mode = annals.Reported
			e.Rule += " (reported by " + sp + ")"
			src := r.speaker
			tgt := annals.Mention{Span: e.SourceSpan, Text: e.SourceText, Code: e.Source}
			c := s.event(src, &tgt, "112", "claims: "+s.tok(r.verb).Lemma+" + "+e.Rule, r.verb, r.verb+1, annals.Asserted)
			c.Confidence = 0.6
			dup := false
			for _, o := range s.events {
				if o.Source == c.Source && o.Target == c.Target && o.Code == c.Code {
					dup = true
				}
			}
			if !dup {
				s.events = append(s.events, c)
			}
		}
	}
}

// ownMeasure reports an event whose row names what it acts on ("suspend
// treaty", "close crossing"): a participle with such a row tells another
// act, not the same one again.
func (s *sentence) ownMeasure(e annals.Event) bool {
	loc := e.Rule
	if k := strings.IndexByte(loc, ' '); k >= 0 {
		loc = loc[:k]
	}
	p := s.c.lx.byLoc[loc]
	return p != nil && p.curated && len(p.follow) > 0
}

// resultVerbs tell what an attack did rather than another attack.
var resultVerbs = map[string]bool{"kill": true, "wound": true, "injure": true, "maim": true}

// results folds the toll of an attack into the attack: "bombarded the
// city, killing eight people" and "were killed in an air strike by
// government forces" are one event each, with the attack's code and the
// victims as target when the attack named none.
func (s *sentence) results() {
	into := map[int]int{}
	subj := map[int]bool{} // folded into the nominal event that is its subject
	for i, e := range s.events {
		ti := s.tokenAt(e.TriggerSpan.Start)
		if e.QuadClass == 4 && ti > s.first && isVerb(s.tok(ti)) {
			// "An Israeli air strike destroyed the consulate": the verb tells
			// what its nominal subject did; one event with the verb's object
			if j := s.nominalSubject(i, ti); j >= 0 {
				into[i], subj[i] = j, true
				continue
			}
		}
		if ti > s.first && s.tok(ti).Tag == "VBG" && s.tok(ti-1).Text == "," && !s.ownMeasure(e) {
			// "rallied in Niamey, chanting slogans": the same act told twice
			// (but "downgraded ties, suspending a treaty": a measure of its own)
			for j, o := range s.events {
				if oj := s.tokenAt(o.TriggerSpan.Start); j != i && oj >= 0 && oj < ti && o.Source == e.Source && o.Root == e.Root && o.Mode == e.Mode {
					into[i] = j
					break
				}
			}
			if _, ok := into[i]; ok {
				continue
			}
		}
		if e.QuadClass != 4 || ti < 0 || !resultVerbs[verbLemma(s.c.lx, s.tok(ti))] {
			continue
		}
		for j, o := range s.events {
			oj := s.tokenAt(o.TriggerSpan.Start)
			participle := ti > s.first && s.tok(ti).Tag == "VBG" && (s.tok(ti-1).Text == "," || s.tok(ti-1).Lower == "and") && oj < ti // ", killing nine people (and wounding ...)"
			if j == i || o.QuadClass != 4 || o.Source != e.Source && !(participle && s.tok(ti-1).Lower == "and") || oj < 0 || resultVerbs[verbLemma(s.c.lx, s.tok(oj))] ||
				!participle && (oj-ti > 15 || ti-oj > 15) || o.Mode != e.Mode {
				continue
			}
			into[i] = j
			break
		}
	}
	why := map[int]string{}
	order := make([]int, 0, len(into))
	for i := range into {
		order = append(order, i)
	}
	sort.Ints(order) // the first telling fills an empty target: the verb's object before a toll
	for _, i := range order {
		j := into[i]
		e, o := s.events[i], &s.events[j]
		if o.Target == "" && e.Target != "" {
			o.Target, o.TargetText, o.TargetSpan = e.Target, e.TargetText, e.TargetSpan
			o.Confidence = round2(min(0.95, o.Confidence+0.15))
		}
		if ti := s.tokenAt(e.TriggerSpan.Start); resultVerbs[verbLemma(s.c.lx, s.tok(ti))] {
			why[i] = fmt.Sprintf("%s %s->%s: the toll of the %s event, folded into it", e.Code, e.Source, e.Target, o.Code)
		} else if subj[i] {
			why[i] = fmt.Sprintf("%s %s->%s: what its subject, the %s event, did; folded into it", e.Code, e.Source, e.Target, o.Code)
		} else {
			why[i] = fmt.Sprintf("%s %s->%s: the %s event told again in a participle, folded into it", e.Code, e.Source, e.Target, o.Code)
		}
	}
	s.drop(func(i int, e annals.Event) string { return why[i] })
}

package when

import (
	"strings"

	"github.com/annals-events/annals"
)

// segment is a clause or phrase of a sentence, as far as a date goes: the
// main clause, or a subordinate one that hangs on another (parent) and is
// opened by the token opener.
type segment struct {
	parent int
	link   link
	opener int // token index; -1 for the main clause
	// offset is the index in the sentence's expressions of the counted
	// offset standing before an opener ("two days after ..."), -1 if none
	offset int
}

// clauses splits tokens [first, last) into segments from word order and
// tags: seg[k-first] is token k's segment. The main clause may be
// interrupted ("Pakistan, after Iran struck on Tuesday, retaliated").
type clauses struct {
	toks        []annals.Token
	first, last int
	seg         []int
	segs        []segment
}

func isVerb(t *annals.Token) bool { return strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" }

func isNoun(t *annals.Token) bool {
	return strings.HasPrefix(t.Tag, "NN") || t.Tag == "PRP" || t.Tag == "CD"
}

func isFinite(t *annals.Token) bool {
	return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"
}

// split finds the segments of a sentence.
func split(toks []annals.Token, first, last int) *clauses {
	c := &clauses{toks: toks, first: first, last: last, seg: make([]int, last-first), segs: []segment{{parent: -1, opener: -1, offset: -1}}}
	cur := 0
	finite := false // a finite verb seen: a participle after a noun modifies it
	open := func(k int, l link) {
		c.segs = append(c.segs, segment{parent: cur, link: l, opener: k, offset: -1})
		cur = len(c.segs) - 1
	}
	for k := first; k < last; k++ {
		t := &toks[k]
		w := t.Lower
		switch {
		case closers[w] && c.segs[cur].link != linkMain && c.segs[cur].link != linkReported:
			for cur != 0 && c.segs[cur].link != linkReported {
				cur = c.segs[cur].parent
			}
		case w == ";" && c.segs[cur].link == linkReported:
			cur = 0
		}
		if l, ok := c.opens(k); ok {
			open(k, l)
		}
		c.seg[k-first] = cur
		if isFinite(t) {
			finite = true
		}
		// a participle after a noun is a reduced relative clause once the
		// sentence has its own verb ("the law imposed by the president",
		// "a truce starting on Sunday"); after a comma, an adverbial one
		// at the time of its clause (", killing eight people")
		if k+1 < last && (toks[k+1].Tag == "VBN" || toks[k+1].Tag == "VBG") && !ingNouns[toks[k+1].Lower] {
			switch {
			case w == ",":
				if toks[k+1].Tag == "VBG" {
					open(k+1, linkSame)
				}
			case finite && strings.HasPrefix(t.Tag, "NN") && k > first && !quoteOrStop(toks[k-1].Lower):
				open(k+1, linkRelative)
			}
		}
	}
	return c
}

// opens says whether token k opens a subordinate clause, and how.
func (c *clauses) opens(k int) (link, bool) {
	t := &c.toks[k]
	w := t.Lower
	next := func(j int) *annals.Token {
		if k+j < c.last {
			return &c.toks[k+j]
		}
		return nil
	}
	prev := ""
	if k > c.first {
		prev = c.toks[k-1].Lower
	}
	switch w {
	case "that":
		// after a noun a relative clause ("a provision that permits") or
		// what the noun says ("the announcement on Thursday that ..."),
		// either way dated by the noun phrase; after a verb what is said
		switch {
		case t.Tag != "IN" && t.Tag != "WDT":
			return 0, false
		case t.Tag == "WDT" || k > c.first && strings.HasPrefix(c.toks[k-1].Tag, "NN"):
			return linkRelative, true
		}
		return linkReported, true
	case "since":
		// "has fought the RSF since ..." dates the perfect clause from its
		// start; elsewhere "since" looks back from another time
		if v := c.nearestVerbBefore(k); v >= 0 && c.perfect(v) {
			return 0, false
		}
	case "where":
		return linkRelative, prev == ","
	case "as":
		// "as" opens a clause only when a verb follows before the clause
		// ends ("as troops were withdrawing"), not "as a warning"
		if prev == "such" || prev == "as" || prev == "so" || t.Tag != "IN" {
			return 0, false
		}
		for j := k + 1; j < c.last && !closers[c.toks[j].Lower]; j++ {
			if isFinite(&c.toks[j]) {
				return linkSame, true
			}
		}
		return 0, false
	case "ahead", "prior":
		if n := next(1); n == nil || (n.Lower != "of" && n.Lower != "to") {
			return 0, false
		}
	case "following":
		if prev == "the" || t.Tag != "VBG" && t.Tag != "IN" {
			return 0, false
		}
	case "after", "before":
		// "the day before," is an adverb: it opens nothing
		if n := next(1); n == nil || closers[n.Lower] || n.Tag == "." || n.Tag == "CC" || n.Tag == "WRB" {
			return 0, false
		}
	}
	l, ok := openers[w]
	return l, ok
}

// nearestVerbBefore is the verb nearest before token k in k's segment
// as split so far, -1 when none.
func (c *clauses) nearestVerbBefore(k int) int {
	s := -1
	for j := k - 1; j >= c.first; j-- {
		if s < 0 {
			s = c.seg[j-c.first]
		}
		if c.seg[j-c.first] != s {
			continue
		}
		if isVerb(&c.toks[j]) {
			return j
		}
	}
	return -1
}

// perfect reports a verb group in the perfect: "has fought", "have risen".
func (c *clauses) perfect(k int) bool {
	if c.toks[k].Tag != "VBN" {
		return false
	}
	for j := k - 1; j >= c.first && j >= k-3; j-- {
		if perfectAux[c.toks[j].Lower] || c.toks[j].Lower == "had" {
			return true
		}
		if !isVerb(&c.toks[j]) && c.toks[j].Tag != "RB" {
			return false
		}
	}
	return false
}

func quoteOrStop(w string) bool {
	switch w {
	case "\"", "“", "”", "'", "‘", "’", ":", ";", "``", "''", "(":
		return true
	}
	return false
}

// hasFinite reports whether segment s holds a finite verb: a clause, not
// a noun phrase.
func (c *clauses) hasFinite(s int) bool {
	for k := c.first; k < c.last; k++ {
		if c.seg[k-c.first] == s && isFinite(&c.toks[k]) {
			return true
		}
	}
	return false
}

// finiteBefore reports a finite verb of segment s before token i.
func (c *clauses) finiteBefore(s, i int) bool {
	for k := c.first; k < i && k < c.last; k++ {
		if c.seg[k-c.first] == s && isFinite(&c.toks[k]) {
			return true
		}
	}
	return false
}

// segOf returns the segment of token k.
func (c *clauses) segOf(k int) int {
	if k < c.first || k >= c.last {
		return 0
	}
	return c.seg[k-c.first]
}

// direction is the tense of the clause of the expression over tokens
// [i, j): the verb group
// nearest before it in its segment, else the nearest after it. An
// adverbial participle (", suspending the treaty on Wednesday") has the
// tense of the clause it hangs on; a participle after a noun ("a truce
// starting on Sunday") has none.
func (c *clauses) direction(i, j int) direction {
	s := c.segOf(i)
	// a date inside a noun phrase ("an April 1 strike", "Monday's
	// attack") is not what a present verb schedules
	adnominal := i > c.first && (c.toks[i-1].Tag == "DT" || c.toks[i-1].Tag == "PRP$" || c.toks[i-1].Tag == "POS") ||
		j < c.last && (strings.HasPrefix(c.toks[j].Tag, "NN") || c.toks[j].Tag == "POS")
	for {
		k := c.nearestVerb(i, s)
		d := c.groupTense(k)
		if k >= 0 && k < i && d == dirUnknown && isPresent(&c.toks[k]) && !adnominal {
			// a present verb before the date: a schedule ("takes effect on
			// Sunday"), or a report of what the verb after it tells
			// ("officials say the attack on Tuesday killed ten")
			d = dirFuture
			if reportingVerbs[c.toks[k].Lemma] {
				d = c.groupTense(c.verbAfter(i, s))
			}
		}
		sg := c.segs[s]
		if d != dirUnknown || s == 0 || sg.link != linkSame {
			return d
		}
		i, s = sg.opener, sg.parent
	}
}

// nearestVerb is the last verb of the verb group nearest before token i
// in segment s, else the first verb after it; -1 when s has none.
func (c *clauses) nearestVerb(i, s int) int {
	for k := i - 1; k >= c.first; k-- {
		if c.seg[k-c.first] == s && isVerb(&c.toks[k]) {
			return k
		}
	}
	for k := i + 1; k < c.last; k++ {
		if c.seg[k-c.first] == s && isVerb(&c.toks[k]) {
			return k
		}
	}
	return -1
}

// verbAfter is the first verb after token i in segment s, -1 when none.
func (c *clauses) verbAfter(i, s int) int {
	for k := i + 1; k < c.last; k++ {
		if c.seg[k-c.first] == s && isVerb(&c.toks[k]) {
			return k
		}
	}
	return -1
}

// isPresent reports a verb in the simple present ("takes", "opens", "is").
func isPresent(t *annals.Token) bool { return t.Tag == "VBZ" || t.Tag == "VBP" }

// groupTense classifies the verb group holding token k: its auxiliaries,
// modals and infinitive marker before it, and the verbs after it.
func (c *clauses) groupTense(k int) direction {
	if k < 0 {
		return dirUnknown
	}
	in := func(t *annals.Token) bool {
		return isVerb(t) || t.Tag == "RB" || t.Tag == "TO" || t.Lower == "not" || t.Lower == "n't" || t.Lower == "going"
	}
	a, b := k, k
	for a > c.first && in(&c.toks[a-1]) {
		a--
	}
	for b+1 < c.last && in(&c.toks[b+1]) {
		b++
	}
	var past, perfect, present, future, infinitive bool
	last := -1 // the group's main verb
	for j := a; j <= b; j++ {
		t := &c.toks[j]
		switch {
		case t.Tag == "TO" && j+1 <= b && c.toks[j+1].Tag == "VB":
			infinitive = true
		case t.Tag == "MD" || futureWords[t.Lower] && isVerb(t):
			future = future || futureWords[t.Lower]
		case t.Lower == "going" && j+1 <= b && c.toks[j+1].Tag == "TO":
			future = true
		case pastAux[t.Lower]:
			past = true
		case perfectAux[t.Lower]:
			perfect = true
		case presentAux[t.Lower]:
			present = true
		case t.Tag == "VBD":
			past = true
		}
		if isVerb(t) {
			last = j
		}
	}
	switch {
	case future || infinitive:
		return dirFuture
	case past:
		return dirPast
	case last < 0:
		return dirUnknown
	}
	m := &c.toks[last]
	switch {
	case perfect && m.Tag == "VBN":
		return dirPast
	case present && (m.Tag == "VBG" || m.Tag == "VBN" && scheduled[m.Lemma]):
		return dirFuture // "are meeting on Monday", "is scheduled for May"
	case (m.Tag == "JJ" || m.Tag == "VBN") && scheduled[m.Lemma]:
		return dirFuture
	}
	return dirUnknown
}

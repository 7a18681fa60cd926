package coder

// Clause status: how the text tells an event (asserted, intended, reported,
// negated, hypothetical) and the codes that status selects.

import (
	"strings"

	"github.com/annals-events/annals"
)

// noneDeterminers make an object that names nothing: "provided no
// details".
var noneDeterminers = map[string]bool{"no": true}

// mode finds negation, modals and governing words around the verb group.
func (s *sentence) mode(v int, cs int) annals.Mode {
	// "is considering sending aid": an option weighed, not an act
	if s.tok(v).Tag == "VBG" && v > s.first && weighVerbs[verbLemma(s.c.lx, s.tok(v-1))] && isVerb(s.tok(v-1)) {
		return annals.Hypothetical
	}
	// "is expected to retaliate", "is set to sign": not yet an act; "failed
	// to agree": did not happen
	inf := v // the infinitive's "to" stands before inf: "to sign", "to be approved"
	if s.tok(v).Tag == "VBN" && v-2 >= s.first && s.tok(v-1).Lower == "be" {
		inf = v - 1
	}
	if (s.tok(v).Tag == "VB" || inf < v) && inf-2 >= s.first && s.tok(inf-1).Lower == "to" {
		v := inf
		switch g := s.tok(v - 2); g.Lower {
		case "expected", "likely", "unlikely", "poised", "set", "due", "bound", "about", "ready", "prepared", "willing":
			if v-3 >= s.first && s.tok(v-3).Lemma == "be" {
				return annals.Hypothetical
			}
		case "failed", "fails", "fail", "failing":
			return annals.Negated
		}
	}
	// "is not ready for them to open negotiations", "it is time for Chile
	// to act": an infinitive with its own subject after "for" is what should
	// or could happen, and did not where its governor is negated
	if g, ok := s.forInfinitive(v); ok {
		if s.negatedAt(g) {
			return annals.Negated
		}
		return annals.Hypothetical
	}
	// "the rebels are believed to have kidnapped": a belief reported
	if s.tok(v).Tag == "VBN" && v-3 >= s.first && s.tok(v-1).Lower == "have" && s.tok(v-2).Lower == "to" {
		switch verbLemma(s.c.lx, s.tok(v-3)) {
		case "believe", "think", "say", "report", "allege", "suspect", "understand", "know", "seem", "appear", "claim", "rumour", "rumor":
			return annals.Reported
		}
	}
	// "vowed to continue attacking ships": the gerund of an infinitive is
	// what is promised, coded with the promise
	if s.tok(v).Tag == "VBG" && v-2 >= s.first && aspectVerbs[verbLemma(s.c.lx, s.tok(v-1))] && s.tok(v-2).Lower == "to" {
		return annals.Hypothetical
	}
	// "US to send Patriot missiles to Ukraine": a headline's infinitive is
	// what is planned
	if s.tok(v).Tag == "VB" && v-1 > s.first && s.tok(v-1).Lower == "to" && !s.governed(v) && s.inMention[v-2] {
		return annals.Intended
	}
	// "wants to attack", "decided to send": a plan, not yet an act
	if s.tok(v).Tag == "VB" && v-2 >= s.first && s.tok(v-1).Lower == "to" && planVerbs[verbLemma(s.c.lx, s.tok(v-2))] {
		return annals.Intended
	}
	// "seeking to deepen a partnership, especially by promoting biofuels":
	// the means of a plan is planned too
	if s.tok(v).Tag == "VBG" && v-1 > s.first && s.tok(v-1).Lower == "by" {
		for k := v - 2; k > s.first && k >= v-15; k-- {
			if g := s.tok(k); isVerb(g) && (s.c.lx.family[g.Lemma] != "" && s.c.lx.family[g.Lemma] != "=" || planVerbs[verbLemma(s.c.lx, g)]) {
				return annals.Hypothetical
			}
		}
	}
	// "warned NATO against sending troops": what is warned against has not
	// happened
	if s.tok(v).Tag == "VBG" && v-1 > s.first && s.tok(v-1).Lower == "against" {
		for k := v - 2; k >= s.first && k >= v-8; k-- {
			if g := s.tok(k); isVerb(g) {
				switch verbLemma(s.c.lx, g) {
				case "warn", "caution", "advise", "counsel", "guard", "vote", "argue", "campaign", "lobby", "protest", "decide":
					return annals.Hypothetical
				}
				break
			}
		}
	}
	// "complain about spying": the topic of what is said, not an act told
	if s.tok(v).Tag == "VBG" && v-1 > s.first && (s.tok(v-1).Lower == "about" || s.tok(v-1).Lower == "regarding" || s.tok(v-1).Lower == "concerning") {
		return annals.Hypothetical
	}
	// "stopped buying Iranian oil", "have resisted taking a harder line",
	// "refrained from striking": the act has ended or was held back
	if s.tok(v).Tag == "VBG" && v > s.first {
		g := v - 1
		if s.tok(g).Lower == "from" && g > s.first {
			g-- // "refrained from", "abstained from"
		}
		if isVerb(s.tok(g)) {
			switch verbLemma(s.c.lx, s.tok(g)) {
			case "stop", "cease", "quit", "halt", "resist", "avoid", "refrain", "abstain", "desist", "shun":
				return annals.Negated
			}
		}
	}
	// "provided no details", "reached no agreement", "gave no reason": an
	// object that is none negates the act
	if isVerb(s.tok(v)) {
		k := v + 1
		for k < s.last && s.tok(k).Tag == "RB" {
			k++
		}
		if k+1 < s.last && noneDeterminers[s.tok(k).Lower] && (s.tok(k+1).Tag == "JJ" || isNoun(s.tok(k+1))) {
			return annals.Negated
		}
	}
	// "lifting the ban is out of the question"
	for k := v + 1; k+2 < s.last && k <= v+8; k++ {
		if s.tok(k).Lower == "out" && s.tok(k+1).Lower == "of" && (s.tok(k+2).Lower == "question" || s.tok(k+2).Lower == "the" && k+3 < s.last && s.tok(k+3).Lower == "question") {
			return annals.Negated
		}
	}
	// "has no intention of occupying", "no plans to attack"
	for i := v - 1; i > s.first && i >= v-3; i-- {
		switch s.tok(i).Lemma {
		case "intention", "plan", "desire", "interest", "intent":
			if s.tok(i-1).Lower == "no" && (s.tok(i+1).Lower == "of" || s.tok(i+1).Lower == "to") {
				return annals.Negated
			}
		}
	}
	// "did not confirm that it had struck": neither told as fact nor denied
	for i := v - 1; i > s.first+1 && i >= v-12; i-- {
		if l := s.tok(i).Lemma; (l == "confirm" || l == "acknowledge") && isVerb(s.tok(i)) {
			if n := s.tok(i - 1).Lower; n == "not" || n == "n't" || n == "never" || n == "neither" {
				return annals.Hypothetical
			}
		}
	}
	if s.expected(v) {
		return annals.Hypothetical
	}
	for i := v - 1; i >= s.first && i >= v-4; i-- {
		t := s.tok(i)
		switch t.Lower {
		case "not", "n't", "never", "no":
			return annals.Negated
		case "would", "could", "might", "may", "should", "can", "must":
			if t.Tag == "MD" && t.Lower == "would" && s.backshifted(i) {
				return annals.Intended // "said it would allow": reported "will"
			}
			if t.Tag == "MD" {
				return annals.Hypothetical
			}
		case "will", "shall", "'ll":
			if t.Tag == "MD" {
				return annals.Intended
			}
		}
		if isNoun(t) || t.Tag == "PRP" || t.Tag == "," {
			break
		}
	}
	// governing words earlier in the sentence
	for i := s.first; i < v; i++ {
		t := s.tok(i)
		switch t.Lemma {
		case "deny", "dismiss", "refute":
			if i < v && (i >= cs-1 || s.tok(i+1).Lower == "that" || s.tok(i+1).Lower == "any" || s.tok(i+1).Lower == "allegations") {
				return annals.Negated
			}
		case "if", "unless", "whether":
			if i >= cs-1 {
				return annals.Hypothetical
			}
		case "fear", "threat", "risk", "possibility", "prospect", "danger":
			if i+1 < s.last && (s.tok(i+1).Lower == "of" || s.tok(i+1).Lower == "that") && v-i <= 5 {
				return annals.Hypothetical
			}
		}
		if t.Lower == "allegedly" || t.Lower == "reportedly" || t.Lower == "purportedly" {
			return annals.Reported
		}
	}
	if v >= s.reportedFrom && s.accusedContent(v) {
		return annals.Reported
	}
	// "arrested for collaborating with ...", "praised for helping ...": the
	// reason given for a judgment is its content, not an event told as fact
	if s.judgedFor(v) != "" {
		return annals.Reported
	}
	return annals.Asserted
}

// expected reports whether the verb at v is what someone hopes, expects
// or believes will happen: "hopes that Japan will persuade ...".
func (s *sentence) expected(v int) bool {
	for i := max(s.first, v-12); i < v-1; i++ {
		switch s.tok(i).Lemma {
		case "hope", "expect", "wish", "believe", "think", "doubt", "predict", "pessimistic", "optimistic", "confident",
			"skeptical", "sceptical", "likely", "unlikely", "possible", "worry":
			if n := s.tok(i + 1); n.Lower == "that" || n.Lower == "about" || n.Tag == "NNP" || n.Tag == "PRP" || n.Tag == "DT" {
				return true
			}
		}
	}
	return false
}

// inCharge reports whether token i lies in the reason given for a charge
// or a sentence: "jailed a student for helping militants join a group".
func (s *sentence) inCharge(i int) bool {
	for k := i; k > s.first && k >= i-12; k-- {
		if tk := s.tok(k); k < i && (s.boundary(k) || tk.Tag == "VBD" || tk.Tag == "VBZ" || tk.Tag == "VBP" || tk.Tag == "MD") {
			return false // "... for acting against Moscow were released": the charge has ended
		}
		if s.tok(k).Tag == "VBG" && s.judgedFor(k) == "blame" {
			return true
		}
	}
	return false
}

// judgedFor returns the judgment ("blame" or "praise") whose "for ...ing"
// phrase the gerund at v is: "jailed a student for helping militants",
// "thanked Qatar for mediating".
func (s *sentence) judgedFor(v int) string {
	if s.tok(v).Tag != "VBG" || v-1 <= s.first || s.tok(v-1).Lower != "for" {
		return ""
	}
	for i := v - 2; i >= s.first && i >= v-12; i-- {
		if j := judgments[verbLemma(s.c.lx, s.tok(i))]; j != "" && isVerb(s.tok(i)) {
			return j
		}
	}
	return ""
}

// futureCode maps a material act promised in the future to the CAMEO
// code of the promise (cooperation -> 03x) or the threat (conflict -> 13x),
// through the complement table.
func futureCode(lx *Lexicon, code string) string {
	fam, cat := "03", coopCategory(code)
	switch {
	case cat != "":
	case strings.HasPrefix(code, "16"):
		// "will suspend talks", "the ambassador will be recalled": a
		// reduction of relations already decided is announced, not
		// threatened; it stays itself, intended
		return ""
	case strings.HasPrefix(code, "17"):
		fam, cat = "13", "sanction"
	case code >= "18" && code < "21", strings.HasPrefix(code, "15"):
		fam, cat = "13", "force"
	default:
		return ""
	}
	return complementCode(lx, fam, cat)
}

// modalNot reports "will not", "would not", "won't" in v's verb group.
// purpose reports an infinitive after "in order to" or "so as to": what an
// act is for, not an act.
func (s *sentence) purpose(v int) bool {
	if v-3 < s.first || s.tok(v-1).Lower != "to" {
		return false
	}
	a, b := s.tok(v-3).Lower, s.tok(v-2).Lower
	return a == "in" && b == "order" || a == "so" && b == "as"
}

// purposeScope is where the purpose whose infinitive is at v ends: at a
// semicolon, a closing quotation mark, or the sentence's end.
func (s *sentence) purposeScope(v int) int {
	for k := v + 1; k < s.last; k++ {
		if t := s.tok(k).Text; t == ";" || t == "”" || t == "\"" && k+1 < s.last && s.tok(k+1).Text == "," {
			return k
		}
	}
	return s.last
}

// negators are the words that negate the verb they stand before.
var negators = map[string]bool{"not": true, "n't": true, "never": true}

// notSaid reports a negated reporting verb: "did not (explicitly) say",
// "never said", "declined to say" is read from the words before it.
func (s *sentence) notSaid(v int) bool {
	for i := v - 1; i >= s.first && i >= v-4; i-- {
		t := s.tok(i)
		switch {
		case negators[t.Lower]:
			return true
		case t.Lower == "to" && i > s.first && refusals[s.tok(i-1).Lemma]:
			return true
		case t.Tag == "RB" || isAux(t) || t.Tag == "MD":
		default:
			return false
		}
	}
	return false
}

// refusals govern an infinitive that does not happen ("declined to say").
var refusals = map[string]bool{"decline": true, "refuse": true, "fail": true}

// saidContent reports whether token k lies in what the reporting verb at v
// says: under its clausal complement or object in the tree ("did not say
// that Iran struck", but not "did not say anything, but Iran struck"); in
// an unparsed sentence, anything after v.
func (s *sentence) saidContent(k, v int) bool {
	if k <= v {
		return false
	}
	if !s.parsedTree {
		for j := v + 1; j < k; j++ { // up to ", but" or ", yet"
			if l := s.tok(j).Lower; (l == "but" || l == "yet") && s.tok(j-1).Text == "," {
				return false
			}
		}
		return true
	}
	for n := 0; k >= 0 && n <= s.last-s.first; n++ {
		h := s.head(k)
		if h == v {
			return contentRels[s.rel(k)]
		}
		if s.rel(k) == "conj" && s.contrast(k) {
			return false // "..., but Afghan forces shelled the post": a clause of its own
		}
		k = h
	}
	return false
}

// contrast reports a conjunct with its own subject joined by "but" or
// "yet": it asserts for itself, whatever it is coordinated with.
func (s *sentence) contrast(k int) bool {
	but := false
	for _, c := range s.children(k, map[string]bool{"cc": true}) {
		if l := s.tok(c).Lower; l == "but" || l == "yet" {
			but = true
		}
	}
	return but && len(s.children(k, subjectRels)) > 0
}

// contentRels attach what a reporting verb says.
var contentRels = map[string]bool{"ccomp": true, "xcomp": true, "obj": true, "csubj": true, "parataxis": true}

func (s *sentence) modalNot(v int) bool {
	neg, modal := false, false
	for i := v - 1; i >= s.first && i >= v-4; i-- {
		t := s.tok(i)
		switch {
		case negators[t.Lower]:
			neg = true
		case t.Tag == "MD" && (t.Lemma == "will" || t.Lower == "would" || t.Lower == "wo" || t.Lower == "will"):
			modal = true
		case t.Tag == "RB":
		default:
			return neg && modal
		}
	}
	return neg && modal
}

// refusalCode maps a cooperative act announced as not going to happen to
// CAMEO's rejection of it.
func refusalCode(lx *Lexicon, code string) string {
	cat := coopCategory(code)
	if cat == "" && !strings.HasPrefix(code, "05") {
		return ""
	}
	return complementCode(lx, "12", cat)
}

// conditionalForce reports an act v under "would" that is held out on a
// condition: an "if" or "unless" clause after it, or a generic object in
// its clause (up to ce: "any violation", "any attack").
func (s *sentence) conditionalForce(v, ce int) bool {
	would := false
	for i := v - 1; i >= s.first && i >= v-4; i-- {
		if t := s.tok(i); t.Tag == "MD" && t.Lower == "would" {
			would = true
			break
		}
	}
	if !would || !s.spoken(v) {
		return false // the narrator's "Israel would attack if ..." is a conjecture, not a threat
	}
	for k := v + 1; k < s.last; k++ {
		switch t := s.tok(k); {
		case t.Lower == "if" || t.Lower == "unless":
			return true // (the condition's clause follows v's)
		case k < ce && genericDets[t.Lower] && t.Lower != "no" && t.Tag == "DT":
			return true
		}
	}
	return false
}

// spoken reports whether someone says v: a reporting verb above it in the
// tree ("Netanyahu said he would respond ...", "..., the minister said"),
// or, without a tree, anywhere in the sentence.
func (s *sentence) spoken(v int) bool {
	if !s.parsedTree {
		for k := s.first; k < s.last; k++ {
			if t := s.tok(k); isVerb(t) && reportingVerbs[verbLemma(s.c.lx, t)] {
				return true
			}
		}
		return false
	}
	for k, n := s.head(v), 0; k >= 0 && n < s.last-s.first; k, n = s.head(k), n+1 {
		if isVerb(s.tok(k)) && reportingVerbs[verbLemma(s.c.lx, s.tok(k))] {
			return true
		}
	}
	// a trailing attribution hangs from the clause it reports: "...,
	// the minister said"
	for _, c := range s.children(s.root(), nil) {
		if r := s.rel(c); (r == "parataxis" || r == "ccomp") && reportingVerbs[verbLemma(s.c.lx, s.tok(c))] {
			return true
		}
	}
	return false
}

// backshifted reports whether the "would" at i is the "will" of reported
// speech: "Ethiopia said it would allow ...", "the rebels announced
// yesterday that they would release ...". A condition in between ("said
// that if attacked it would ...") keeps it hypothetical.
func (s *sentence) backshifted(i int) bool {
	for k := i - 1; k >= s.first && k >= i-8; k-- {
		t := s.tok(k)
		switch {
		case t.Lower == "if" || t.Lower == "unless" || t.Lower == "whether":
			return false
		case isVerb(t):
			l := verbLemma(s.c.lx, t)
			return (t.Tag == "VBD" || t.Tag == "VBN") && (reportingVerbs[l] || l == "pledge" || l == "promise" || l == "vow")
		case isNoun(t) || t.Tag == "PRP" || t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "RB" || t.Tag == "POS" || t.Tag == "PRP$" || t.Lower == "that":
		default:
			return false
		}
	}
	return false
}

// planVerbs take the act they plan as an infinitive.
// (Scheduled and prepared acts are coded as the act, as CAMEO does.)
var planVerbs = map[string]bool{"want": true, "plan": true, "intend": true, "aim": true, "wish": true}

// aspectVerbs take the event as a gerund and lend it their subject.
var aspectVerbs = map[string]bool{"begin": true, "start": true, "continue": true, "resume": true, "keep": true, "stop": true, "cease": true, "finish": true}

// weighVerbs take an option as a gerund: "considering sending troops".
var weighVerbs = map[string]bool{"consider": true, "weigh": true, "mull": true, "contemplate": true,
	"discuss": true, "explore": true, "study": true, "debate": true}

// judgments are acts whose "for ...ing" phrase gives their reason.
// A charge is an allegation, not coded (as an accusation's content is
// not); the reason for praise is told as a report.
var judgments = map[string]string{"arrest": "blame", "detain": "blame", "jail": "blame", "convict": "blame", "sentence": "blame",
	"charge": "blame", "accuse": "blame", "blame": "blame", "punish": "blame", "sanction": "blame", "criticize": "blame",
	"criticise": "blame", "condemn": "blame", "fine": "blame", "indict": "blame", "prosecute": "blame", "try": "blame",
	"execute": "blame", "imprison": "blame", "expel": "blame", "deport": "blame",
	"praise": "praise", "thank": "praise", "honour": "praise", "honor": "praise", "reward": "praise", "commend": "praise"}

// forInfinitive reports an infinitive at v with a subject of its own
// after "for" ("for us to start", "for the two sides to meet") and
// returns the word that governs the "for".
func (s *sentence) forInfinitive(v int) (int, bool) {
	if s.tok(v).Tag != "VB" || v-3 < s.first || s.tok(v-1).Lower != "to" {
		return 0, false
	}
	for k := v - 2; k > s.first && k >= v-6; k-- {
		t := s.tok(k)
		if t.Lower == "for" && k < v-2 {
			return k - 1, true
		}
		if !(t.Tag == "PRP" || t.Tag == "DT" || t.Tag == "CD" || t.Tag == "JJ" || isNoun(t) || s.inMention[k]) {
			break
		}
	}
	return 0, false
}

// negatedAt reports a negation ("not", "n't", "never") among the few
// words before the governor at g, past its auxiliaries and adverbs ("is
// not prepared", "are still not ready").
func (s *sentence) negatedAt(g int) bool {
	for k := g - 1; k >= s.first && k >= g-3; k-- {
		t := s.tok(k)
		switch {
		case negators[t.Lower]:
			return true
		case t.Tag == "RB" || isAux(t):
			continue
		}
		break
	}
	return false
}

package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals-events/annals"
)

// The dateline that opens wire copy is a place, optionally its country
// or state (after a comma or in brackets), optionally a date, optionally
// the agency in parentheses, and a colon or a dash: "QUETTA:",
// "ISLAMABAD (Reuters) -", "KABUL, Afghanistan (AP) —", "TEHRAN, Jan 17
// (Reuters) -", "SEOUL, Dec. 3 (UPI) —", "WASHINGTON/BEIRUT (Reuters) -A
// ceasefire" (no space after the dash where an agency precedes it). A
// place in capitals is enough; a place written in title case ("Tehran
// [Iran], January 28 (IRNA) :", "New Delhi [India], March 5 (ANI):",
// "Islamabad, Jan 28 (APP):") needs a bracketed country or a date, so
// that a paragraph opening with a name and a dash is not taken for one.
const (
	dlUpper   = `[A-Z][A-Z'.\-]+(?:(?: |/)[A-Z][A-Z'.\-]+){0,3}`
	dlTitle   = `[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){0,2}`
	dlComma   = `,\s*[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,2}`
	dlBracket = `\s*\[[A-Z][A-Za-z'.\- ]{1,30}\]`
	dlDate    = `,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?`
	dlAgency  = `\s*\([A-Za-z][A-Za-z .&/\-]{0,30}\)`
	dlSep     = `\s*(?::|--|-|—|–)`
)

var (
	datelineRe      = regexp.MustCompile(`^` + dlUpper + `(?:` + dlComma + `|` + dlBracket + `)?(?:` + dlDate + `)?(?:` + dlAgency + dlSep + `\s*|` + dlSep + `\s+)`)
	titleDatelineRe = regexp.MustCompile(`^` + dlTitle + `(?:` + dlBracket + `(?:` + dlDate + `)?|(?:` + dlComma + `)?` + dlDate + `)(?:` + dlAgency + `)?` + dlSep + `\s+`)
	// the parts of a matched dateline
	dlPartsRe = regexp.MustCompile(`^(` + dlUpper + `|` + dlTitle + `)(` + dlComma + `|` + dlBracket + `)?(` + dlDate + `)?(` + dlAgency + `)?` + dlSep)
)

// notPlaces are title-case words that open a line the way a dateline's
// place does but are dates ("Monday, Jan. 5 -").
var notPlaces = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"on": true, "in": true, "at": true, "by": true, "the": true, "updated": true, "posted": true, "published": true}

// datelineEnd returns the length of the dateline that opens s, 0 when it
// has none.
func datelineEnd(s string) int {
	if m := datelineRe.FindStringIndex(s); m != nil {
		return m[1]
	}
	if m := titleDatelineRe.FindStringIndex(s); m != nil {
		w := s
		if k := strings.IndexAny(w, " ,["); k >= 0 {
			w = w[:k]
		}
		if !notPlaces[strings.ToLower(w)] {
			return m[1]
		}
	}
	return 0
}

// Dateline is a dateline's parts.
type Dateline struct {
	Place  string // "Tehran", "PESHAWAR", "WASHINGTON/BEIRUT"
	Region string // the country or state that qualifies it: "Iran", "Calif."
	Date   string // "January 28", "Dec. 3"
	Agency string // "IRNA", "AP"
}

// ParseDateline splits a dateline (as Segment finds it) into its parts;
// ok is false when s opens with no dateline.
func ParseDateline(s string) (Dateline, bool) {
	n := datelineEnd(s)
	if n == 0 {
		n = len(s) // a dateline already cut at its end, as Doc.Dateline spans it
	}
	m := dlPartsRe.FindStringSubmatch(s[:n])
	if m == nil {
		return Dateline{}, false
	}
	d := Dateline{Place: m[1]}
	d.Region = strings.TrimSpace(strings.Trim(strings.TrimSpace(m[2]), ",[]"))
	d.Date = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(m[3]), ","))
	d.Agency = strings.Trim(strings.TrimSpace(m[4]), "()")
	return d, true
}

// sentence starters that follow an abbreviation at a sentence end
// ("... in the U.S. The ...").
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "this": true, "that": true, "these": true, "those": true,
	"but": true, "and": true, "in": true, "on": true, "at": true, "his": true, "her": true,
	"their": true, "its": true, "there": true, "officials": true, "meanwhile": true,
	"however": true, "after": true, "earlier": true, "later": true, "last": true,
}

// Segment cuts text into blocks (paragraphs), skips each block's dateline,
// tokenizes, and groups tokens into sentences. It returns the tokens, the
// sentences and the first dateline.
func Segment(text string) ([]annals.Token, []annals.Sentence, annals.Span) {
	toks := make([]annals.Token, 0, len(text)/5+8)
	var sents []annals.Sentence
	var dateline annals.Span
	wrapped := isHardWrapped(text)
	for _, b := range blocks(text, wrapped) {
		start := b.Start
		if n := datelineEnd(text[b.Start:b.End]); n > 0 && n < b.Len() {
			if dateline.End == 0 && len(sents) == 0 {
				dateline = annals.Span{Start: b.Start, End: b.Start + n}
			}
			start = b.Start + n
		}
		first := len(toks)
		toks = Tokenize(text, start, b.End, toks)
		sents = splitSentences(toks, first, sents)
	}
	for i := range sents {
		sents[i].Index = i
		sents[i].Span = annals.Span{Start: toks[sents[i].First].Start, End: toks[sents[i].Last-1].End}
	}
	return toks, sents, dateline
}

// isHardWrapped reports whether the text looks wrapped at a fixed width, in
// which case single newlines are spaces.
func isHardWrapped(text string) bool {
	lines, long := 0, 0
	for _, l := range strings.Split(text, "\n") {
		n := len(strings.TrimSpace(l))
		if n == 0 {
			continue
		}
		lines++
		if n > 100 {
			long++
		}
	}
	return lines >= 4 && long == 0
}

// blocks splits text at blank lines, and at single newlines unless the text
// is hard-wrapped and the line runs on.
func blocks(text string, wrapped bool) []annals.Span {
	var out []annals.Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, annals.Span{Start: s, End: e})
		}
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		j := i + 1
		blank := false
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
			if text[j] == '\n' {
				blank = true
			}
			j++
		}
		if blank || !wrapped || !runsOn(text[start:i]) {
			emit(i)
			start = j
		}
		i = j - 1
	}
	emit(len(text))
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// runsOn reports whether a wrapped line continues on the next line.
func runsOn(line string) bool {
	line = strings.TrimRight(line, " \t\r")
	r, _ := utf8.DecodeLastRuneInString(line)
	return unicode.IsLower(r) || r == ',' || r == '-' || unicode.IsDigit(r) || r == ';'
}

func isClosing(s string) bool {
	switch s {
	case "\"", "”", "'", "’", ")", "]", "»", "''":
		return true
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// MaxSentenceTokens is the longest sentence the later stages see: text
// with no sentence end for longer (an unpunctuated line, a list, a table)
// is cut into pieces of at most this many tokens, after the last comma,
// semicolon, colon or dash of a piece's second half when it has one. News
// sentences stay far below it (the longest in the evaluation sets is 71
// tokens), and it keeps the stages' work per sentence bounded, so a
// document's work grows with its length, not with the square of its
// longest line.
const MaxSentenceTokens = 250

// cutAt returns where a sentence begun at begin that has reached
// MaxSentenceTokens at toks[i] ends: after the last clause mark of its
// second half, else after i.
func cutAt(toks []annals.Token, begin, i int) int {
	for j := i; j > begin+MaxSentenceTokens/2; j-- {
		switch toks[j].Text {
		case ",", ";", ":", "-", "--", "—", "–":
			return j + 1
		}
	}
	return i + 1
}

// splitSentences groups toks[first:] into sentences appended to sents.
func splitSentences(toks []annals.Token, first int, sents []annals.Sentence) []annals.Sentence {
	begin := first
	n := len(toks)
	straight := 0 // ASCII double quotes seen in the block
	for i := first; i < n; i++ {
		t := toks[i].Text
		if t == "\"" {
			straight++
		}
		if i+1-begin >= MaxSentenceTokens && i+1 < n {
			j := cutAt(toks, begin, i)
			for k := j; k <= i; k++ {
				if toks[k].Text == "\"" {
					straight-- // read again as the next sentence's
				}
			}
			sents = append(sents, annals.Sentence{First: begin, Last: j})
			begin = j
			i = j - 1
			continue
		}
		end := false
		switch {
		case t == "." || t == "!" || t == "?" || strings.Trim(t, ".!?") == "" && len(t) > 1:
			end = true
		case len(t) > 1 && t[len(t)-1] == '.':
			// Abbreviation or initialism with its period.
			base := strings.ToLower(strings.TrimSuffix(t, "."))
			if titles[base] || isInitial(strings.TrimSuffix(t, ".")) {
				break
			}
			if i+1 >= n {
				end = true
			} else if nx := toks[i+1].Text; isClosing(nx) || starters[toks[i+1].Lower] && startsUpper(nx) {
				end = true
			}
		}
		if !end {
			continue
		}
		j := i + 1
		for j < n && isClosing(toks[j].Text) {
			if toks[j].Text == "\"" {
				if straight%2 == 0 {
					break // an opening quote of the next sentence
				}
				straight++
			}
			j++
		}
		if j < n && startsLower(toks[j].Text) {
			continue // "?" inside a quote followed by "he said"
		}
		sents = append(sents, annals.Sentence{First: begin, Last: j})
		begin = j
		i = j - 1
	}
	if begin < n {
		sents = append(sents, annals.Sentence{First: begin, Last: n})
	}
	return sents
}

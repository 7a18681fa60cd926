package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals-events/annals"
)

// abbreviations end with a period that does not end a sentence when they
// precede a name or number. Keys are lower case without the period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "cpl": true, "pvt": true,
	"adm": true, "brig": true, "cmdr": true, "gov": true, "sen": true, "rep": true, "reps": true,
	"pres": true, "rev": true, "st": true, "mt": true, "ft": true, "jr": true, "sr": true,
	"no": true, "nos": true, "co": true, "corp": true, "inc": true, "ltd": true, "bros": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"vs": true, "etc": true, "approx": true, "est": true, "dept": true, "univ": true,
	"gens": true, "lieut": true, "supt": true, "insp": true, "amb": true, "hon": true,
	"ave": true, "blvd": true, "rd": true, "fig": true, "vol": true, "op": true, "cf": true,
	"e.g": true, "i.e": true, "a.m": true, "p.m": true,
}

// titles are abbreviations that never end a sentence: a name follows.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "cpl": true, "pvt": true,
	"adm": true, "brig": true, "cmdr": true, "gov": true, "sen": true, "rep": true,
	"pres": true, "rev": true, "st": true, "mt": true, "ft": true, "gens": true, "lieut": true,
	"supt": true, "insp": true, "amb": true, "hon": true, "no": true, "nos": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Tokenize splits text[start:end] into tokens in Penn Treebank style:
// punctuation apart, "'s" and "n't" split off, abbreviations and initials
// keep their period, numbers keep their separators. Every token's Text is
// exactly text[Start:End].
func Tokenize(text string, start, end int, out []annals.Token) []annals.Token {
	i := start
	for i < end {
		r, n := decode(text, i)
		if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			i += n
			continue
		}
		if j := urlEnd(text, i, end); j > i {
			out = appendTok(out, text, i, j)
			i = j
			continue
		}
		if !isWordRune(r) {
			j := i + n
			// Runs of the same punctuation ("...", "--", "??", "====") are
			// one token, as in UD.
			if !isQuoteRune(r) && r != '(' && r != ')' {
				for j < end {
					r2, n2 := decode(text, j)
					if r2 != r {
						break
					}
					j += n2
				}
			}
			out = appendTok(out, text, i, j)
			i = j
			continue
		}
		j := scanWord(text, i, end)
		// Split clitics: "'s", "'re", "'ve", "'ll", "'d", "'m" and "n't".
		w := text[i:j]
		if k := clitic(w); k > 0 {
			out = appendTok(out, text, i, i+k)
			out = appendTok(out, text, i+k, j)
		} else {
			out = appendTok(out, text, i, j)
		}
		i = j
	}
	return out
}

func isQuoteRune(r rune) bool {
	return r == '"' || r == '\'' || r == '“' || r == '”' || r == '‘' || r == '’'
}

// urlEnd returns the end of a web address or e-mail address starting at i
// (one token, as in UD), or i when none starts there.
func urlEnd(text string, i, end int) int {
	rest := text[i:end]
	isURL := strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.")
	j := i
	at, dot := -1, false
	for j < end {
		r, n := decode(text, j)
		if unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' || r == '(' || r == ')' || r == '[' || r == ']' {
			break
		}
		if r == '@' {
			at = j
		}
		if r == '.' && at >= 0 {
			dot = true
		}
		j += n
	}
	// trailing sentence punctuation is not part of the address
	for j > i && strings.ContainsRune(".,;:!?'", rune(text[j-1])) {
		j--
	}
	if isURL {
		return j
	}
	if at > i && dot && at < j-1 {
		for k := i; k < at; k++ { // a plain local part: letters, digits, . _ - +
			c := text[k]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '+') {
				return i
			}
		}
		return j
	}
	return i
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i, end int) int {
	j := i
	digitsOnly := true
	for j < end {
		r, n := decode(text, j)
		if isWordRune(r) {
			if !unicode.IsDigit(r) {
				digitsOnly = false
			}
			j += n
			continue
		}
		r2, n2 := decode(text, j+n)
		if j+n >= end {
			r2, n2 = 0, 0
		}
		switch {
		case isHyphen(r) && isWordRune(r2):
			j += n
			continue
		case isApostrophe(r) && unicode.IsLetter(r2):
			// Keep O'Brien and Ba'ath; stop before clitics handled later.
			j += n
			continue
		case (r == '.' || r == ',' || r == ':') && digitsOnly && unicode.IsDigit(r2):
			j += n
			continue
		case r == '.' && n2 > 0 && unicode.IsLetter(r2) && j+n+n2 < end && text[j+n+n2] == '.' && utf8.RuneCountInString(text[i:j]) <= 2:
			// Dotted initialisms: U.S., U.N., a.m.
			j += n + n2 + 1
			for j < end {
				r3, n3 := decode(text, j)
				if !unicode.IsLetter(r3) || j+n3 >= end || text[j+n3] != '.' {
					break
				}
				j += n3 + 1
			}
			// "U.S.-led", "U.N.-backed"
			if j+1 < end && isHyphen(rune(text[j])) {
				if r4, _ := decode(text, j+1); unicode.IsLetter(r4) {
					return scanWord(text, j+1, end)
				}
			}
			return j
		case r == '.':
			w := text[i:j]
			if abbreviations[strings.ToLower(w)] || isInitial(w) {
				return j + 1
			}
		}
		break
	}
	return j
}

func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// clitic returns where a trailing clitic starts in w, or 0.
func clitic(w string) int {
	lw := len(w)
	if lw > 3 && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")) {
		k := strings.LastIndex(w, "n")
		if k > 0 {
			return k
		}
	}
	for _, suf := range cliticSuffixes {
		if !strings.HasSuffix(w, suf) {
			continue
		}
		rest := w[:len(w)-len(suf)]
		for _, ap := range cliticApostrophes {
			if len(rest) > len(ap) && strings.HasSuffix(rest, ap) {
				return len(rest) - len(ap)
			}
		}
	}
	return 0
}

// cliticSuffixes and cliticApostrophes: a clitic is an apostrophe and a
// suffix, tried in this order ("South Korea‘s": a left quote typed for
// an apostrophe).
var (
	cliticSuffixes    = []string{"s", "re", "ve", "ll", "d", "m", "S"}
	cliticApostrophes = []string{"'", "’", "ʼ", "‘"}
)

func appendTok(out []annals.Token, text string, i, j int) []annals.Token {
	t := annals.Token{Span: annals.Span{Start: i, End: j}, Text: text[i:j]}
	t.Lower = lower(t.Text)
	return append(out, t)
}

// apostrophes folds the typographic apostrophes (and a left single quote
// typed for one) to ASCII.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'")

// lower lowercases without allocating when the word is already lower case
// ASCII, and folds typographic apostrophes to ASCII. (The replacer
// allocates even when it replaces nothing, so it runs only on a word with
// the apostrophes' first byte, 0xE2.)
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			l := strings.ToLower(s)
			if strings.IndexByte(l, 0xE2) < 0 {
				return l
			}
			return apostrophes.Replace(l)
		}
	}
	return s
}

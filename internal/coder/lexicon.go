package coder

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed lexicon/*.tsv
var embedded embed.FS

// Embedded returns the lexicon compiled into the binary.
func Embedded() fs.FS {
	sub, err := fs.Sub(embedded, "lexicon")
	if err != nil {
		panic(err)
	}
	return sub
}

// CodeInfo is one row of the CAMEO codebook.
type CodeInfo struct {
	Code      string
	Name      string
	Goldstein float64
	Root      string
	Quad      int
	Penta     int
	Plover    string
}

// pattern is a trigger with the words that must follow it.
type pattern struct {
	trigger []string   // lemmas: verb (or noun) and particles
	follow  [][]string // items in order, each a set of alternatives
	code    string     // CAMEO code, "---" to suppress
	loc     string     // file:line
	key     string     // file:trigger/follow/code as written (confidence.go)
	curated bool
	need    [][]uint16 // signature bits of the words matchOne must find (wordsig.go)
}

// bareStatementCodes are the codes a row with no words after its verb
// gives a verb of saying ("say", "cite", "describe", "emphasize": 010),
// whether PETRARCH-2's or annals' own. Such a row codes no event by
// itself: CAMEO's statement is for what is said to or about someone
// ("comment on", a pattern with words), the bare verb fires on news far
// more often wrongly than rightly, and what is said is coded from the
// verb's complement. The rows stay for what they carry (the verb is a
// reporting verb, with a code its complement conversions start from).
var bareStatementCodes = map[string]bool{"010": true}

// catchAll reports a generated row with no words after its trigger: a
// verb's default code in the PETRARCH-2 dictionary.
func catchAll(p *pattern) bool { return !p.curated && len(p.follow) == 0 }

// Lexicon is the compiled, immutable event lexicon.
type Lexicon struct {
	Codes   map[string]*CodeInfo
	verbs   map[string][]*pattern // by first trigger lemma
	nouns   map[string][]*pattern
	family  map[string]string // governing verb -> complement family
	compCat map[string]string // complement verb -> category
	compMap map[string]string // family+"/"+category -> code
	// reciprocal names the predicates whose coordinated actors act on each
	// other (reciprocal.tsv): meet, agree, clash, "talks", "ties"
	reciprocal map[string]bool
	// recipMarks holds the markers of reciprocal.tsv by kind (modifier,
	// adverb, object): "joint", "together", "each other"
	recipMarks map[string]map[string]bool
	conf       *confModel // confidence.tsv, nil when the folder has none
	byLoc      map[string]*pattern
	recodes    []*recodeRow // recode.tsv, in file order
	// verdicts maps a verdicts.tsv kind (adjective, noun, verb, frame)
	// to its words (nouns and verbs by lemma) and their codes
	verdicts map[string]map[string]string
	Files    []string
}

// LexiconError lists every problem as file:line: message.
type LexiconError struct{ Problems []string }

func (e *LexiconError) Error() string { return strings.Join(e.Problems, "\n") }

// Lemmatizer maps a lower-case word to its lemma.
type Lemmatizer func(string) string

// LoadLexicon compiles the lexicon files in fsys; lemma normalises the
// words in patterns the way the front-end lemmatizes text.
func LoadLexicon(fsys fs.FS, lemma Lemmatizer) (*Lexicon, error) {
	lx := &Lexicon{Codes: map[string]*CodeInfo{}, verbs: map[string][]*pattern{}, nouns: map[string][]*pattern{},
		family: map[string]string{}, compCat: map[string]string{}, compMap: map[string]string{}, byLoc: map[string]*pattern{},
		reciprocal: map[string]bool{}, verdicts: map[string]map[string]string{}, recipMarks: map[string]map[string]bool{"modifier": {}, "adverb": {}, "object": {}}}
	var probs []string
	read := func(name string, cols int, fn func(c []string, loc string) error) {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs = append(probs, fmt.Sprintf("%s: %v", name, err))
			return
		}
		lx.Files = append(lx.Files, name)
		ln := 0 // lines of any length: a scanner would stop silently at 64 KB
		for _, l := range strings.Split(string(b), "\n") {
			ln++
			l = strings.TrimSuffix(l, "\r")
			if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
				continue
			}
			c := strings.Split(l, "\t")
			loc := fmt.Sprintf("%s:%d", name, ln)
			if len(c) != cols {
				probs = append(probs, fmt.Sprintf("%s: want %d tab-separated columns, got %d", loc, cols, len(c)))
				continue
			}
			if err := fn(c, loc); err != nil {
				probs = append(probs, fmt.Sprintf("%s: %v", loc, err))
			}
		}
	}
	read("cameo.tsv", 7, func(c []string, loc string) error {
		g, err := strconv.ParseFloat(c[2], 64)
		if err != nil {
			return fmt.Errorf("bad Goldstein score %q", c[2])
		}
		q, err1 := strconv.Atoi(c[4])
		p, err2 := strconv.Atoi(c[5])
		if err1 != nil || err2 != nil || q < 1 || q > 4 || p < 0 || p > 4 {
			return fmt.Errorf("bad quad or penta class %q %q", c[4], c[5])
		}
		lx.Codes[c[0]] = &CodeInfo{Code: c[0], Name: c[1], Goldstein: g, Root: c[3], Quad: q, Penta: p, Plover: c[6]}
		return nil
	})
	if len(lx.Codes) == 0 {
		probs = append(probs, "cameo.tsv: no codes loaded")
		return nil, &LexiconError{probs}
	}
	norm := func(s string) []string {
		f := strings.Fields(strings.ToLower(s))
		for i, w := range f {
			f[i] = lemma(w)
		}
		return f
	}
	seen := map[string]string{} // file, trigger and follow words -> first location
	addPat := func(into map[string][]*pattern, curated bool) func(c []string, loc string) error {
		return func(c []string, loc string) error {
			key := loc[:strings.LastIndexByte(loc, ':')] + "\t" + strings.ToLower(strings.TrimSpace(c[0])) + "\t" + strings.ToLower(strings.TrimSpace(c[1]))
			if first, dup := seen[key]; dup {
				return fmt.Errorf("duplicate of %s: the same trigger and follow words", first)
			}
			seen[key] = loc
			code := strings.TrimSpace(c[2])
			if code != "---" {
				if _, ok := lx.Codes[code]; !ok {
					return fmt.Errorf("unknown CAMEO code %q", code)
				}
			}
			p := &pattern{trigger: norm(c[0]), code: code, loc: loc, curated: curated,
				key: loc[:strings.LastIndexByte(loc, ':')] + ":" + strings.ToLower(strings.TrimSpace(c[0])) + "/" + strings.ToLower(strings.TrimSpace(c[1])) + "/" + code}
			lx.byLoc[loc] = p
			if len(p.trigger) == 0 {
				return fmt.Errorf("empty trigger")
			}
			for _, item := range strings.Fields(strings.ToLower(c[1])) {
				var alts []string
				for _, a := range strings.Split(item, "|") {
					// both the word as written and its lemma: "meeting" must
					// match "meetings" though the lemmatizer reads it as "meet"
					alts = append(alts, a)
					if l := lemma(a); l != a {
						alts = append(alts, l)
					}
				}
				p.follow = append(p.follow, alts)
			}
			into[p.trigger[0]] = append(into[p.trigger[0]], p)
			// the lemmatizer may take a verb for another word's form
			// ("broker" for the comparative of "broke"): the row is also
			// found under the word as written
			if raw := strings.Fields(strings.ToLower(c[0])); len(raw) > 0 && raw[0] != p.trigger[0] {
				into[raw[0]] = append(into[raw[0]], p)
			}
			return nil
		}
	}
	files, _ := fs.Glob(fsys, "*.tsv")
	for _, f := range files {
		switch {
		case f == "verbs.tsv":
			read(f, 4, addPat(lx.verbs, true))
		case strings.HasPrefix(f, "verbs"):
			read(f, 4, addPat(lx.verbs, false))
		case f == "nouns.tsv":
			read(f, 4, addPat(lx.nouns, true))
		case f == "complements.tsv":
			read(f, 5, func(c []string, loc string) error {
				switch c[0] {
				case "verb":
					lx.family[strings.Join(norm(c[1]), " ")] = c[2]
				case "comp":
					lx.compCat[strings.Join(norm(c[1]), " ")] = c[2]
				case "code":
					if _, ok := lx.Codes[c[3]]; !ok {
						return fmt.Errorf("unknown CAMEO code %q", c[3])
					}
					lx.compMap[c[1]+"/"+c[2]] = c[3]
				default:
					return fmt.Errorf("unknown row kind %q: want verb, comp or code", c[0])
				}
				return nil
			})
		case f == "recode.tsv":
			read(f, 6, func(c []string, loc string) error {
				r, err := parseRecode(lx, c, loc)
				if err == nil {
					lx.recodes = append(lx.recodes, r)
				}
				return err
			})
		case f == "verdicts.tsv":
			read(f, 4, func(c []string, loc string) error {
				k, w, code := strings.TrimSpace(c[0]), strings.ToLower(strings.TrimSpace(c[1])), strings.TrimSpace(c[2])
				switch k {
				case "adjective", "noun", "verb":
					if _, ok := lx.Codes[code]; !ok {
						return fmt.Errorf("unknown CAMEO code %q", code)
					}
				case "frame", "label":
					if code != "-" {
						return fmt.Errorf("a %s has no code: want -", k)
					}
				default:
					return fmt.Errorf("unknown row kind %q: want adjective, noun, verb, frame or label", k)
				}
				if w == "" || strings.Contains(w, " ") {
					return fmt.Errorf("want one word, got %q", c[1])
				}
				if k != "adjective" {
					w = strings.Join(norm(w), " ") // nouns and verbs by lemma
				}
				if lx.verdicts[k] == nil {
					lx.verdicts[k] = map[string]string{}
				}
				lx.verdicts[k][w] = code
				return nil
			})
		case f == "reciprocal.tsv":
			read(f, 3, func(c []string, loc string) error {
				w := strings.Join(strings.Fields(strings.ToLower(c[1])), " ")
				if w == "" {
					return fmt.Errorf("empty word")
				}
				switch k := strings.TrimSpace(c[0]); k {
				case "predicate":
					lx.reciprocal[w] = true
					if l := strings.Join(norm(w), " "); l != w {
						lx.reciprocal[l] = true // as the front-end lemmatizes it
					}
				case "modifier", "adverb", "object":
					lx.recipMarks[k][w] = true
				default:
					return fmt.Errorf("unknown row kind %q: want predicate, modifier, adverb or object", k)
				}
				return nil
			})
		case f == "cameo.tsv":
		case f == ConfidenceFile:
			m, err := loadConfidence(fsys)
			if err != nil {
				probs = append(probs, err.Error())
			}
			lx.conf = m
			lx.Files = append(lx.Files, f)
		default:
			probs = append(probs, fmt.Sprintf("%s: unknown lexicon file", f))
		}
	}
	if len(probs) > 0 {
		return nil, &LexiconError{probs}
	}
	for _, m := range []map[string][]*pattern{lx.verbs, lx.nouns} {
		for _, ps := range m {
			for _, p := range ps {
				p.need = needs(p)
			}
			sort.SliceStable(ps, func(i, j int) bool {
				a, b := ps[i], ps[j]
				if len(a.trigger) != len(b.trigger) {
					return len(a.trigger) > len(b.trigger)
				}
				if ca, cb := content(a.follow), content(b.follow); ca != cb {
					return ca > cb
				}
				return a.curated && !b.curated
			})
		}
	}
	return lx, nil
}

// Info returns the codebook row of code, or nil.
func (lx *Lexicon) Info(code string) *CodeInfo { return lx.Codes[code] }

var functionWords = map[string]bool{"on": true, "in": true, "at": true, "to": true, "with": true, "for": true, "of": true,
	"by": true, "from": true, "into": true, "against": true, "about": true, "over": true, "the": true, "a": true, "an": true}

// content counts the follow items that hold a content word: a pattern
// that only adds a preposition is no more specific than the bare verb.
func content(follow [][]string) int {
	n := 0
	for _, alts := range follow {
		for _, a := range alts {
			if !functionWords[a] {
				n++
				break
			}
		}
	}
	return n
}

package coder

import (
	"fmt"
	"strings"

	"github.com/annals-events/annals"
)

// Codes by who acts (lexicon/recode.tsv): a row names trigger lemmas,
// the codes it applies to, conditions on the source actor and a word the
// sentence must hold, and the code the event becomes. The first row that
// matches decides; the words of particular verbs live in the file, the
// classes of actors below.

// crowdWords name people protesting.
var crowdWords = []string{"protester", "protestor", "demonstrator", "rioter", "crowd", "mob", "marcher"}

// civilianRoles are actor roles that hold no armed force.
var civilianRoles = map[string]bool{"CVL": true, "OPP": true, "LAB": true, "AGR": true, "EDU": true, "BUS": true, "MED": true, "REF": true, "NGO": true}

// recodeRow is one row of recode.tsv.
type recodeRow struct {
	lemmas map[string]bool // nil: any trigger
	codes  []string        // exact codes, or prefixes ending in "*"
	src    []srcCond
	word   string // a word the sentence holds (its start), "" for any
	code   string
	loc    string
}

// srcCond is one condition on the source actor.
type srcCond struct {
	kind  string // crowd, civil, !civil, role, text
	roles map[string]bool
	text  string
}

// parseRecode reads one row of recode.tsv (columns lemma, code, source,
// sentence, new, note).
func parseRecode(lx *Lexicon, c []string, loc string) (*recodeRow, error) {
	r := &recodeRow{loc: loc, code: strings.TrimSpace(c[4])}
	if r.code != "---" {
		if _, ok := lx.Codes[r.code]; !ok {
			return nil, fmt.Errorf("unknown CAMEO code %q", r.code)
		}
	}
	if l := strings.TrimSpace(c[0]); l != "*" {
		r.lemmas = map[string]bool{}
		for _, w := range strings.Split(l, "|") {
			if w = strings.TrimSpace(w); w == "" {
				return nil, fmt.Errorf("empty lemma in %q", l)
			}
			r.lemmas[w] = true
		}
	}
	for _, k := range strings.Split(strings.TrimSpace(c[1]), "|") {
		if p := strings.TrimSuffix(k, "*"); p != k {
			if p == "" {
				return nil, fmt.Errorf("empty code prefix in %q", c[1])
			}
		} else if _, ok := lx.Codes[k]; !ok {
			return nil, fmt.Errorf("unknown CAMEO code %q", k)
		}
		r.codes = append(r.codes, k)
	}
	if s := strings.TrimSpace(c[2]); s != "*" {
		for _, t := range strings.Split(s, ",") {
			t = strings.TrimSpace(t)
			switch {
			case t == "crowd" || t == "civil" || t == "!civil":
				r.src = append(r.src, srcCond{kind: t})
			case strings.HasPrefix(t, "role="):
				rc := srcCond{kind: "role", roles: map[string]bool{}}
				for _, role := range strings.Split(t[len("role="):], "|") {
					if len(role) != 3 {
						return nil, fmt.Errorf("role %q: want three letters (MIL, COP)", role)
					}
					rc.roles[role] = true
				}
				r.src = append(r.src, rc)
			case strings.HasPrefix(t, "text=") && len(t) > len("text="):
				r.src = append(r.src, srcCond{kind: "text", text: strings.ToLower(t[len("text="):])})
			default:
				return nil, fmt.Errorf("unknown source condition %q: want crowd, civil, !civil, role=XXX or text=word", t)
			}
		}
	}
	if w := strings.TrimSpace(c[3]); w != "*" {
		r.word = strings.ToLower(w)
	}
	return r, nil
}

// recode returns the code the first matching row gives the event of
// trigger lemma with code, source src, in sentence, and the row; the code
// unchanged and nil when none matches.
func (lx *Lexicon) recode(lemma, code string, src annals.Mention, sentence string) (string, *recodeRow) {
	text := strings.ToLower(src.Text)
	crowd := false
	for _, w := range crowdWords {
		crowd = crowd || strings.Contains(text, w)
	}
	role := ""
	if len(src.Code) >= 6 {
		role = src.Code[3:6]
	}
	civil := crowd || role != "" && !strings.HasPrefix(src.Code, "IGO") && civilianRoles[role]
	lowered := ""
rows:
	for _, r := range lx.recodes {
		if r.lemmas != nil && !r.lemmas[lemma] || !codeIn(code, r.codes) {
			continue
		}
		for _, c := range r.src {
			ok := false
			switch c.kind {
			case "crowd":
				ok = crowd
			case "civil":
				ok = civil
			case "!civil":
				ok = !civil
			case "role":
				ok = c.roles[role]
			case "text":
				ok = strings.Contains(text, c.text)
			}
			if !ok {
				continue rows
			}
		}
		if r.word != "" {
			if lowered == "" {
				lowered = strings.ToLower(sentence)
			}
			if !strings.Contains(lowered, r.word) {
				continue
			}
		}
		return r.code, r
	}
	return code, nil
}

// codeIn reports whether code is one of codes (exact, or a prefix
// ending in "*").
func codeIn(code string, codes []string) bool {
	for _, k := range codes {
		if p := strings.TrimSuffix(k, "*"); p != k && strings.HasPrefix(code, p) || k == code {
			return true
		}
	}
	return false
}

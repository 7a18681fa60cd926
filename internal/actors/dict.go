package actors

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/annals-events/annals/internal/text"
)

//go:embed dict/*.tsv
var embedded embed.FS

// Embedded returns the dictionaries compiled into the binary.
func Embedded() fs.FS {
	sub, err := fs.Sub(embedded, "dict")
	if err != nil {
		panic(err)
	}
	return sub
}

// generated files are the output of tools/gendict; curated files shadow
// their phrases.
var generated = map[string]bool{"countries.tsv": true, "petrarch.tsv": true}

// Dict is a compiled, immutable set of actor dictionaries.
type Dict struct {
	byFirst map[string][]*entry // keyed by the first token of the phrase
	// firstBits has bit wordHash(k)>>(64-firstBitsLog) set for each key k
	// of byFirst: a word whose bit is clear starts no entry, found
	// without the map (most words of a text start none)
	firstBits []uint64
	countries map[string]string // code -> preferred name
	town      func(name string) (country string, ok bool)
	// personWords are the first and last words of the people the
	// dictionaries name ("lai", "khan"): a town of that name is read as
	// the person's ("condemned Lai"), not as a place
	personWords map[string]bool
	// surnames index the people the dictionaries name by the first and
	// last words of their names ("yoon" for Yoon Suk Yeol, "macron")
	surnames map[string][]*entry
	Files    []string
	Entries  int
}

type entry struct {
	toks   []string
	second uint64 // wordHash of toks[1], 0 for one token: a filter for match
	rows   []row
	agent  bool // role word: rows carry "~ROLE"
	person bool
	place  bool // a town or region that stands for its country
}

type row struct {
	code        string
	from, until int // YYYYMMDD, 0 when open
	loc         string
	curated     bool
}

// Error lists every problem found in the dictionaries, one per line as
// file:line: message.
type Error struct{ Problems []string }

func (e *Error) Error() string { return strings.Join(e.Problems, "\n") }

var codeRe = regexp.MustCompile(`^(?:[A-Z]{3})+$`)

// Load compiles every *.tsv file in fsys. It returns all problems at once
// and never a partly loaded Dict.
func Load(fsys fs.FS) (*Dict, error) { return LoadWith(fsys, nil) }

// Places is what a gazetteer tells the dictionaries: whether a phrase
// names a town or region (not a country or a capital), so that "the
// Mumbai attacks" are placed in India rather than done by it; and the
// country of a town the dictionaries lack ("pounded Kherson").
type Places interface {
	Locality(phrase string) bool
	Town(name string) (country string, ok bool)
}

// LoadWith is Load with a gazetteer's judgement (nil for none).
func LoadWith(fsys fs.FS, places Places) (*Dict, error) {
	var locality func(string) bool
	if places != nil {
		locality = places.Locality
	}
	files, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("no .tsv dictionary files found")
	}
	sort.Strings(files)
	type raw struct {
		tier   int
		phrase string
		row    row
		agent  bool
		person bool
	}
	var raws []raw
	var probs []string
	shadow := map[string]int{} // phrase -> highest tier that has it
	countries := map[string]string{}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			probs = append(probs, fmt.Sprintf("%s: %v", f, err))
			continue
		}
		// lines of any length: the file is in memory already, and a scanner's
		// line limit would end the file silently at a long line
		ln := 0
		cur := !generated[path.Base(f)]
		for _, line := range strings.Split(string(b), "\n") {
			ln++
			line = strings.TrimSuffix(line, "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			bad := func(format string, a ...any) {
				probs = append(probs, fmt.Sprintf("%s:%d: %s", f, ln, fmt.Sprintf(format, a...)))
			}
			cols := strings.Split(line, "\t")
			if len(cols) != 5 {
				bad("want 5 tab-separated columns (phrase, code, from, until, source), got %d", len(cols))
				continue
			}
			phrase, code := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1])
			if phrase == "" {
				bad("empty phrase")
				continue
			}
			if strings.TrimSpace(cols[4]) == "" {
				bad("missing source")
				continue
			}
			agent := strings.HasPrefix(code, "~")
			c := strings.TrimPrefix(code, "~")
			if !codeRe.MatchString(c) && !(strings.HasPrefix(c, "---") && codeRe.MatchString(c[3:])) {
				bad("malformed code %q: want 3-letter blocks of capitals", code)
				continue
			}
			if agent {
				for i := 0; i < len(c); i += 3 {
					if !KnownRole(c[i : i+3]) {
						bad("unknown role %q in %q", c[i:i+3], code)
					}
				}
			} else if !KnownActorPrefix(c[:3]) {
				bad("unknown country or international code %q in %q", c[:3], code)
				continue
			} else if cur {
				for i := 3; i < len(c); i += 3 {
					if !knownBlock(c[i : i+3]) {
						bad("unknown role %q in %q", c[i:i+3], code)
					}
				}
			}
			from, err1 := parseDay(cols[2])
			until, err2 := parseDay(cols[3])
			if err1 != nil {
				bad("from: %v", err1)
				continue
			}
			if err2 != nil {
				bad("until: %v", err2)
				continue
			}
			if from != 0 && until != 0 && until < from {
				bad("until %s is before from %s", cols[3], cols[2])
				continue
			}
			p := normPhrase(phrase)
			if t := tierOf(f); t > shadow[p] {
				shadow[p] = t
			}
			if len(c) == 3 && !agent {
				if _, ok := countries[c]; !ok || strings.HasPrefix(cols[4], "iso-codes name") {
					countries[c] = phrase
				}
			}
			raws = append(raws, raw{tier: tierOf(f), phrase: p, agent: agent, person: strings.Contains(cols[4], "person") || f == "leaders.tsv" || strings.Contains(cols[4], "CountryInfo") ||
				f == "petrarch.tsv" && (from != 0 || until != 0) && !agent, // (PETRARCH-2 dates only the offices of people)
				row: row{code: c, from: from, until: until, loc: fmt.Sprintf("%s:%d", f, ln), curated: cur}})
		}
	}
	if len(probs) > 0 {
		return nil, &Error{probs}
	}
	d := &Dict{byFirst: map[string][]*entry{}, countries: countries, Files: files}
	byPhrase := map[string]*entry{}
	for _, r := range raws {
		if r.tier < shadow[r.phrase] && !r.agent {
			continue // a curated file, or the country table, replaces these rows
		}
		key := r.phrase
		if r.agent {
			key = "~" + key
		}
		e := byPhrase[key]
		if e == nil {
			e = &entry{toks: strings.Split(r.phrase, " "), agent: r.agent}
			byPhrase[key] = e
			d.byFirst[e.toks[0]] = append(d.byFirst[e.toks[0]], e)
			d.Entries++
		}
		e.person = e.person || r.person
		e.rows = append(e.rows, r.row)
	}
	d.personWords = map[string]bool{}
	d.surnames = map[string][]*entry{}
	for _, es := range d.byFirst {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].toks) > len(es[j].toks) })
		for _, e := range es {
			if locality != nil && !e.agent && !e.person && countryRows(e) {
				e.place = locality(strings.Join(e.toks, " "))
			}
			if e.person && len(e.toks) > 1 {
				d.personWords[e.toks[0]] = true
				d.personWords[e.toks[len(e.toks)-1]] = true
				for _, w := range []string{e.toks[0], e.toks[len(e.toks)-1]} {
					if len(d.surnames[w]) == 0 || d.surnames[w][len(d.surnames[w])-1] != e {
						d.surnames[w] = append(d.surnames[w], e)
					}
				}
			}
		}
	}
	if places != nil {
		d.town = places.Town
	}
	d.compact()
	return d, nil
}

// compact moves the loaded dictionary into a few large objects: the
// entries into one slice, their rows into another, their tokens into a
// third whose strings share one string of text, the rows' locations
// into another string, and byFirst's lists into one slice of pointers.
// Each entry keeps its fields and each list its order; what changes is
// what the garbage collector walks at every cycle, some 230,000 small
// objects before (a fifth of a cycle's work in a pipeline).
func (d *Dict) compact() {
	firsts := make([]string, 0, len(d.byFirst))
	nEntries, nRows, nToks := 0, 0, 0
	for k, es := range d.byFirst {
		firsts = append(firsts, k)
		for _, e := range es {
			nEntries++
			nRows += len(e.rows)
			nToks += len(e.toks)
		}
	}
	sort.Strings(firsts)
	// the text first, then strings into it
	var text, locs strings.Builder
	for _, k := range firsts {
		for _, e := range d.byFirst[k] {
			for _, t := range e.toks {
				text.WriteString(t)
			}
			for _, r := range e.rows {
				locs.WriteString(r.loc)
			}
		}
	}
	txt, loc := text.String(), locs.String()
	entries := make([]entry, 0, nEntries)
	rows := make([]row, 0, nRows)
	toks := make([]string, 0, nToks)
	lists := make([]*entry, 0, nEntries)
	byFirst := make(map[string][]*entry, len(firsts))
	ti, li := 0, 0
	for _, k := range firsts {
		es := d.byFirst[k]
		start := len(lists)
		for _, e := range es {
			ne := *e
			t0 := len(toks)
			for _, t := range e.toks {
				toks = append(toks, txt[ti:ti+len(t)])
				ti += len(t)
			}
			ne.toks = toks[t0:len(toks):len(toks)]
			r0 := len(rows)
			for _, r := range e.rows {
				r.loc = loc[li : li+len(r.loc)]
				li += len(r.loc)
				rows = append(rows, r)
			}
			ne.rows = rows[r0:len(rows):len(rows)]
			entries = append(entries, ne)
			lists = append(lists, &entries[len(entries)-1])
		}
		byFirst[lists[start].toks[0]] = lists[start:len(lists):len(lists)]
	}
	d.byFirst = byFirst
	d.firstBits = make([]uint64, 1<<firstBitsLog/64)
	for k := range byFirst {
		b := wordHash(k) >> (64 - firstBitsLog)
		d.firstBits[b/64] |= 1 << (b % 64)
	}
	for i := range entries {
		if e := &entries[i]; len(e.toks) >= 2 {
			e.second = wordHash(e.toks[1])
		}
	}
}

// firstBitsLog is the log2 of Dict.firstBits' size in bits: 32 KB, a
// bit in 15 set for the dictionaries' 18,000 first words.
const firstBitsLog = 18

// wordHash is FNV-1a over w.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// starting returns byFirst[w], without the map when firstBits says w
// starts no entry.
func (d *Dict) starting(w string) []*entry {
	if d.firstBits != nil {
		b := wordHash(w) >> (64 - firstBitsLog)
		if d.firstBits[b/64]&(1<<(b%64)) == 0 {
			return nil
		}
	}
	return d.byFirst[w]
}

// countryRows reports whether every row of e is a bare country code.
func countryRows(e *entry) bool {
	for _, r := range e.rows {
		if len(r.code) != 3 {
			return false
		}
	}
	return len(e.rows) > 0
}

// tierOf ranks dictionary files: curated files win over the country
// table, which wins over the PETRARCH people and bodies.
func tierOf(file string) int {
	switch path.Base(file) {
	case "petrarch.tsv":
		return 0
	case "countries.tsv":
		return 1
	}
	return 2
}

// normPhrase tokenizes a dictionary phrase the way text is tokenized, so
// "Pakistan's army" and "u.s." match token for token.
func normPhrase(p string) string {
	// capitalise each word so initials ("s. jaishankar") keep their period
	words := strings.Fields(p)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	p = strings.Join(words, " ")
	toks := text.Tokenize(p, 0, len(p), nil)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Lower
	}
	return strings.Join(parts, " ")
}

func parseDay(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("bad date %q: want YYYY-MM-DD", s)
	}
	return dayNum(t), nil
}

func dayNum(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }

// pick returns the row in force on day (YYYYMMDD): a row whose range holds
// the day, curated before generated, narrowest range first; else an
// undated row; else the latest row that started before the day.
func (e *entry) pick(day int) *row {
	var best *row
	width := func(r *row) int {
		f, u := r.from, r.until
		if f == 0 {
			f = 10000101
		}
		if u == 0 {
			u = 99991231
		}
		return u - f
	}
	for i := range e.rows {
		r := &e.rows[i]
		if r.from == 0 && r.until == 0 {
			continue
		}
		if (r.from == 0 || r.from <= day) && (r.until == 0 || day < r.until) {
			if best == nil || r.curated && !best.curated || r.curated == best.curated && width(r) < width(best) {
				best = r
			}
		}
	}
	if best != nil {
		return best
	}
	for i := range e.rows {
		r := &e.rows[i]
		if r.from == 0 && r.until == 0 && (best == nil || r.curated && !best.curated) {
			best = r
		}
	}
	if best != nil {
		return best
	}
	for i := range e.rows {
		r := &e.rows[i]
		if (r.from == 0 || r.from <= day) && (best == nil || r.until > best.until) {
			best = r
		}
	}
	if best == nil {
		best = &e.rows[0]
	}
	if e.person && best.until != 0 && day >= best.until && len(best.code) >= 6 && formerRoles[best.code[3:6]] {
		// every office of the person has ended and the dictionary says
		// nothing since: a former office holder is one of the elite
		// ("Muammar Gaddafi" after August 2011), not the government
		return &row{code: best.code[:3] + "ELI", from: best.until, loc: best.loc, curated: best.curated}
	}
	return best
}

// CountryName returns a readable name for a country code.
func (d *Dict) CountryName(code string) string { return d.countries[code] }

// IsCountry reports whether code is a country the dictionaries know.
func (d *Dict) IsCountry(code string) bool { _, ok := d.countries[code]; return ok }

func itoa(n int) string { return strconv.Itoa(n) }

// titled returns the one person the curated dictionaries name (not
// PETRARCH-2's, whose last offices run on undated) whose name begins or
// ends with the word w and who, on day, holds an office coded with the
// country and role given (either may be empty: any): "President Yoon",
// "Taiwan's Lai". Two people who fit, or none, give false.
func (d *Dict) titled(w string, day int, country, role string) (unit, bool) {
	var found *entry
	var r *row
	for _, e := range d.surnames[w] {
		er := e.pick(day)
		if er == nil || !er.curated || len(er.code) < 6 || country != "" && er.code[:3] != country || role != "" && er.code[3:6] != role {
			continue
		}
		if found != nil && found != e {
			if fr := found.pick(day); fr.code != er.code {
				return unit{}, false // two offices the word could mean
			}
			continue // one person listed under two spellings
		}
		found, r = e, er
	}
	if found == nil {
		return unit{}, false
	}
	return unit{e: found, r: r}, true
}

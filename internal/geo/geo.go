package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/annals-events/annals"
	"golang.org/x/text/unicode/norm"
)

//go:embed gazetteer.tsv.gz
var gazetteerGz []byte

// Kind of place.
const (
	Country = "country"
	ADM1    = "adm1"
	City    = "city"
	// Region is a region that is no first-level subdivision or a body of
	// water ("Darfur", "the South China Sea"); Site a crossing, shoal or
	// reef ("Torkham", "Sabina Shoal"). Both come from the generator's
	// curated features file; a place of no single country (international
	// waters, a disputed shoal) has an empty Country.
	Region = "region"
	Site   = "site"
)

// Place is one gazetteer entry.
type Place struct {
	Name       string  `json:"name"`
	Kind       string  `json:"kind"`
	Country    string  `json:"country"`
	ADM1       string  `json:"adm1"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Population int     `json:"population"`
	Feature    string  `json:"feature,omitempty"`
	Approx     bool    `json:"approx,omitempty"` // coordinates are the country's
}

// Gazetteer is an immutable name index.
//
// The index is laid out for the garbage collector, which walks it at
// every cycle: the places lie in one slice, their strings in the text of
// the file (one string), the places of each name in one slice of
// pointers into the first, and the names in a map from their hashes to
// spans of a string holding all of them, a map with no pointers for the
// collector to follow. (As a map of strings to slices of pointers to
// places, each with its own strings, the gazetteer was some 300,000
// objects and nearly half the collector's work in a pipeline.)
type Gazetteer struct {
	places    []Place
	cands     []*Place            // the places of each name, name by name (nameSpan.off, n)
	keys      string              // the names, one after another (nameSpan.key, len)
	byHash    map[uint64]nameSpan // by keyHash of the name
	collide   map[string]nameSpan // the names whose hash an earlier name has (practically none)
	countries map[string]*Place
	maxWords  int
	Places    int
}

// nameSpan says where a name is in Gazetteer.keys and where its places
// are in Gazetteer.cands.
type nameSpan struct {
	key, len, off, n uint32
}

// keyHash is FNV-1a over k.
func keyHash(k string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(k); i++ {
		h ^= uint64(k[i])
		h *= 1099511628211
	}
	return h
}

// byName returns the places indexed under the name k (a Key), in the
// order of the file; nil when none.
func (g *Gazetteer) byName(k string) []*Place {
	sp, ok := g.byHash[keyHash(k)]
	if !ok {
		return nil
	}
	if g.keys[sp.key:sp.key+sp.len] != k {
		if sp, ok = g.collide[k]; !ok {
			return nil
		}
	}
	return g.cands[sp.off : sp.off+sp.n : sp.off+sp.n]
}

// byNameBytes is byName of string(k), without making the string.
func (g *Gazetteer) byNameBytes(k []byte) []*Place {
	h := uint64(14695981039346656037)
	for _, c := range k {
		h ^= uint64(c)
		h *= 1099511628211
	}
	sp, ok := g.byHash[h]
	if !ok {
		return nil
	}
	if g.keys[sp.key:sp.key+sp.len] != string(k) {
		if sp, ok = g.collide[string(k)]; !ok {
			return nil
		}
	}
	return g.cands[sp.off : sp.off+sp.n : sp.off+sp.n]
}

// names calls f with each indexed name and its places.
func (g *Gazetteer) names(f func(k string, ps []*Place)) {
	for _, sp := range g.byHash {
		f(g.keys[sp.key:sp.key+sp.len], g.cands[sp.off:sp.off+sp.n])
	}
	for _, sp := range g.collide {
		f(g.keys[sp.key:sp.key+sp.len], g.cands[sp.off:sp.off+sp.n])
	}
}

// Default loads the embedded gazetteer once.
func Default() (*Gazetteer, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Gazetteer, error) { return Load(gazetteerGz) })

// Key normalises a place name: lower case, accents removed, hyphens and
// apostrophes as spaces.
func Key(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return unicodeKey(s)
		}
	}
	return string(appendASCIIKey(nil, s))
}

// byKey is byName[Key(s)] without building the key as a string when s is
// ASCII.
func (g *Gazetteer) byKey(s string) []*Place {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return g.byName(unicodeKey(s))
		}
	}
	var buf [64]byte
	return g.byNameBytes(appendASCIIKey(buf[:0], s))
}

// appendASCIIKey appends Key(s) of an ASCII s: its letters and digits in
// lower case, each run of other bytes one space between them. (ASCII is
// its own NFD and has no combining marks, and its only letters and
// digits are A-Z, a-z and 0-9.)
func appendASCIIKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, c)
	}
	return dst
}

// unicodeKey is Key of any s.
func unicodeKey(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Load parses a gzip-compressed gazetteer file.
func Load(gz []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	// the lines first, into one string that the places' strings share
	var text []byte
	var ends []int // end of each line in text
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		text = append(text, sc.Bytes()...)
		ends = append(ends, len(text))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	all := string(text)
	g := &Gazetteer{countries: map[string]*Place{}}
	type named struct {
		key   string
		place int
	}
	var index []named // each name of each place, in the file's order
	start := 0
	for ln, end := range ends {
		l := all[start:end]
		start = end
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 9 {
			return nil, fmt.Errorf("gazetteer:%d: want 9 columns, got %d", ln+1, len(c))
		}
		lat, err1 := strconv.ParseFloat(c[4], 64)
		lon, err2 := strconv.ParseFloat(c[5], 64)
		pop, err3 := strconv.Atoi(c[6])
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("gazetteer:%d: bad number", ln+1)
		}
		names := strings.Split(c[1], "|")
		p := Place{Name: names[0], Country: c[2], ADM1: c[3], Lat: lat, Lon: lon, Population: pop, Feature: c[7], Approx: c[8] == "approx"}
		switch c[0] {
		case "C":
			p.Kind = Country
		case "A":
			p.Kind = ADM1
		case "R":
			p.Kind = Region
		case "S":
			p.Kind = Site
		default:
			p.Kind = City
		}
		seen := map[string]bool{}
		for _, n := range names {
			k := Key(n)
			if k == "" || seen[k] || !indexable(k, c[0], pop) {
				continue
			}
			seen[k] = true
			index = append(index, named{k, len(g.places)})
			if w := strings.Count(k, " ") + 1; w > g.maxWords {
				g.maxWords = w
			}
		}
		g.places = append(g.places, p)
		g.Places++
	}
	for i := range g.places {
		if p := &g.places[i]; p.Kind == Country {
			g.countries[p.Country] = p // the last of a code, as the file has it
		}
	}
	if g.maxWords > 6 {
		g.maxWords = 6
	}
	// the places of each name, names in the order of their first place
	group := map[string]int{}
	var members [][]int32
	var order []string
	for _, nm := range index {
		j, ok := group[nm.key]
		if !ok {
			j = len(members)
			group[nm.key] = j
			members = append(members, nil)
			order = append(order, nm.key)
		}
		members[j] = append(members[j], int32(nm.place))
	}
	var keys strings.Builder
	spans := make([]nameSpan, len(order))
	g.cands = make([]*Place, 0, len(index))
	for j, k := range order {
		spans[j] = nameSpan{key: uint32(keys.Len()), len: uint32(len(k)), off: uint32(len(g.cands)), n: uint32(len(members[j]))}
		keys.WriteString(k)
		for _, i := range members[j] {
			g.cands = append(g.cands, &g.places[i])
		}
	}
	g.keys = keys.String()
	g.byHash = make(map[uint64]nameSpan, len(order))
	for j, k := range order {
		h := keyHash(k)
		if _, ok := g.byHash[h]; ok {
			if g.collide == nil {
				g.collide = map[string]nameSpan{}
			}
			g.collide[k] = spans[j]
			continue
		}
		g.byHash[h] = spans[j]
	}
	return g, nil
}

// Lookup returns the places with a name.
func (g *Gazetteer) Lookup(name string) []*Place { return g.byKey(name) }

// CountryPlace returns the country entry for an ISO alpha-3 code.
func (g *Gazetteer) CountryPlace(cc3 string) *Place { return g.countries[cc3] }

// Locality reports whether name is known only as a town or a region: not
// a country and not a capital, which news uses for its government.
func (g *Gazetteer) Locality(name string) bool {
	ps := g.Lookup(name)
	for _, p := range ps {
		if p.Kind == Country || p.Feature == "PPLC" {
			return false
		}
	}
	return len(ps) > 0
}

// townPopulation is the least population of a town Town names.
const townPopulation = 15000

// Town returns the country of the town or region that name unambiguously
// means: a place of at least townPopulation people, a first-level
// subdivision ("Tigray") or a region of one country ("South Ossetia"),
// where every such place of that name lies in one country and no country
// or capital is so named
// (those the actor dictionaries code themselves). The actors stage uses
// it for names its dictionaries lack ("Russian artillery pounded
// Kherson").
func (g *Gazetteer) Town(name string) (string, bool) {
	country := ""
	for _, p := range g.Lookup(name) {
		switch {
		case p.Kind == Country || p.Feature == "PPLC":
			return "", false
		case p.Kind == City && p.Population >= townPopulation, p.Kind == ADM1, p.Kind == Region && p.Country != "":
			if country != "" && country != p.Country {
				return "", false
			}
			country = p.Country
		}
	}
	return country, country != ""
}

// Candidate is a place a mention may mean, with its score.
type Candidate struct {
	*Place
	Score float64 `json:"score"`
}

// Mention is a place named in the text.
type Mention struct {
	annals.Span
	Text        string      `json:"text"`
	Sentence    int         `json:"sentence"`
	First, Last int         `json:"-"`
	Best        *Candidate  `json:"resolved"`
	Others      []Candidate `json:"candidates"`
	Actor       bool        `json:"actor"` // the name is used as an actor ("Washington said")
}

func capitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Context weighs the countries an article is about.
type Context map[string]float64

// BuildContext counts the countries of the document's actor mentions.
func BuildContext(ms []annals.Mention) Context {
	ctx := Context{}
	for _, m := range ms {
		if len(m.Code) >= 3 && m.Code[:3] != "---" {
			ctx[m.Code[:3]]++
		}
	}
	return ctx
}

// score ranks a candidate: the article's countries first, then kind and
// population.
func score(p *Place, ctx Context) float64 {
	s := math.Log10(float64(p.Population) + 10)
	switch p.Kind {
	case Country:
		s = 9
	case ADM1, Region:
		s = 6.5 // a province weighs like a city of three million
	case Site:
		s = 5.5 // a named crossing or shoal, like a city of 300,000
	}
	if p.Feature == "PPLC" {
		s += 1
	}
	if n := ctx[p.Country]; n > 0 && p.Country != "" {
		bonus := 3 + math.Min(n, 5)/2
		s += bonus
	}
	return s
}

// smallTown is the population under which a town's share of the story's
// countries counts half: on its own it must not beat a capital or a large
// city of the same name elsewhere ("Lima" in a story about the US is still
// Peru's unless qualified, "Lima, Ohio").
const smallTown = 100000

// closedClass are the parts of speech a place name's words never have: a
// name that is a preposition, determiner, number or pronoun in this
// sentence ("At", "two children") is no place.
var closedClass = map[string]bool{"ADP": true, "DET": true, "NUM": true, "PRON": true, "AUX": true, "CCONJ": true, "SCONJ": true, "PART": true}

// Find returns the place mentions of a document. actorSpans marks mentions
// used as actors (subjects and objects that are not in a locative phrase),
// which keep their resolution but are flagged.
func (g *Gazetteer) Find(doc *annals.Doc, ms []annals.Mention) []Mention {
	ctx := BuildContext(ms)
	actorCtx := BuildContext(ms)
	// unambiguous place names tell the article's geography too
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			if cs := g.byName(doc.Tokens[i].Lower); len(cs) == 1 && capitalized(doc.Tokens[i].Text) && cs[0].Country != "" {
				ctx[cs[0].Country] += 0.5
			}
		}
	}
	people := map[int]bool{}
	for _, m := range ms {
		// names of people and bodies are not places ("Imran Khan", "UN")
		if strings.HasPrefix(m.Entry, "leaders.tsv") || strings.HasPrefix(m.Entry, "groups.tsv") || organisation(m.Code) {
			for i := m.First; i < m.Last; i++ {
				people[i] = true
			}
			continue
		}
		// in a role or a person's name, past the place that may open it
		// ("Peshawar's police chief"), only a country, province or capital
		// is a place ("Taiwan President Lai ...": Taiwan, not Lai)
		if m.Entry != "" && !placeEntry(m.Entry) {
			from := m.First
			if m.Last-m.First > 1 {
				from = m.First + g.leadingPlace(doc, m.First, m.Last)
			}
			for i := from; i < m.Last; i++ {
				if !g.qualifies(doc.Tokens[i].Lower) {
					people[i] = true
				}
			}
		}
	}
	selves := selfContexts(ms)
	var out []Mention
	toks := doc.Tokens
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			if toks[i].Lower == "country" && i > s.First && toks[i-1].Lower == "the" {
				if m, ok := theCountry(out, toks, s.Index, i); ok {
					out = append(out, m) // "troops withdrew from the country"
				}
				continue
			}
			if !capitalized(toks[i].Text) || people[i] || i == s.First && !strings.HasPrefix(toks[i].Tag, "NNP") {
				continue // sentence-initial common words ("Police") are not places
			}
			for n := min(g.maxWords, s.Last-i); n >= 1; n-- {
				if people[i+n-1] || !wordStart(toks[i+n-1].Text) || closedClass[toks[i+n-1].UPOS] || closedClass[toks[i].UPOS] {
					continue
				}
				txt := doc.Article.Text[toks[i].Start:toks[i+n-1].End]
				cands := g.byKey(txt)
				if len(cands) == 0 {
					continue
				}
				m := Mention{Span: annals.Span{Start: toks[i].Start, End: toks[i+n-1].End}, Text: txt, Sentence: s.Index, First: i, Last: i + n}
				var cs []Candidate
				self := selves[txt]
				qual := g.qualifier(doc, i+n, s.Last)
				hasCity := map[string]bool{}
				for _, p := range cands {
					if p.Kind == City {
						hasCity[p.Country] = true
					}
				}
				prevCountry := ""
				if len(out) > 0 && i >= 2 && toks[i-1].Text == "," && out[len(out)-1].Last == i-1 {
					prevCountry = out[len(out)-1].Best.Country // "Atlanta, Georgia"
				}
				bigElsewhere := func(cc string) bool {
					for _, q := range cands {
						if q.Country != cc && (q.Feature == "PPLC" || q.Population >= 1000000) {
							return true
						}
					}
					return false
				}
				for _, p := range cands {
					sc := score(p, ctx)
					if n := ctx[p.Country]; n > 0 && p.Kind == City && p.Population < smallTown && bigElsewhere(p.Country) {
						sc -= (3 + math.Min(n, 5)/2) / 2 // the story's town does not outrank Lima or Damascus
					}
					if p.Kind == ADM1 && hasCity[p.Country] {
						sc -= 2 // "Kandahar" the city before the province of the same name
					}
					if p.Kind == ADM1 && i > s.First && toks[i-1].Lower == "the" {
						sc -= 3 // "the Red Sea" is a sea before it is a Sudanese state
					}
					if prevCountry != "" && p.Country == prevCountry && p.Kind != City {
						sc += 10
					}
					if c := self[p.Country]; c > 0 && ctx[p.Country] <= c {
						sc -= 3 + math.Min(c, 5)/2 // the name's own actor reading is no evidence
					}
					if qual != "" && p.Country == qual {
						sc += 10 // "Hyderabad, Sindh", "Paris, Texas"
					}
					if p.Kind == ADM1 && i+n < s.Last && adminWords[toks[i+n].Lower] {
						sc += 10 // "Washington state", "Helmand province"
					}
					cs = append(cs, Candidate{p, sc})
				}
				sort.SliceStable(cs, func(a, b int) bool { return cs[a].Score > cs[b].Score })
				if cs[0].Score < 4 {
					continue // every reading is implausible
				}
				if b := cs[0].Place; b.Kind == City && b.Population < smallTown && actorCtx[b.Country] == 0 && qual == "" && !locative(toks, i, s.First) && !placeNounAfter(toks, i+n, s.Last) {
					continue // a small town of no country of the story, named outside a place phrase, is a person's name ("denounced Lai")
				}
				m.Best = &cs[0]
				if len(cs) > 1 {
					m.Others = cs[1:min(len(cs), 4)]
				}
				m.Actor = !locative(toks, i, s.First) && actsAsSubject(toks, i+n, s.Last)
				out = append(out, m)
				i += n - 1
				break
			}
		}
	}
	return out
}

var locPreps = map[string]bool{"in": true, "inside": true, "near": true, "at": true, "across": true, "outside": true,
	"within": true, "along": true, "into": true, "from": true, "to": true, "throughout": true, "around": true, "of": true, "over": true}

// locative reports whether the phrase starting at i is the object of a
// place preposition, skipping determiners, possessives and adjectives:
// "in Pakistan's southwestern Baluchistan province".
func locative(toks []annals.Token, i, first int) bool {
	for k := i - 1; k >= first && k >= i-5; k-- {
		t := toks[k]
		if locPreps[t.Lower] {
			return true
		}
		if t.Lower == "the" || t.Lower == "'s" || t.Tag == "JJ" || t.Tag == "NNP" || t.Tag == "POS" || t.Text == "," {
			continue
		}
		return false
	}
	return false
}

// placeEntry reports an actor dictionary entry that is a place standing
// for its country: a country's own names, the gazetteer's towns.
func placeEntry(entry string) bool {
	return strings.HasPrefix(entry, "countries") || strings.HasPrefix(entry, "gazetteer")
}

// leadingPlace returns how many tokens of the place name that opens the
// tokens [i, end) span, at least one.
func (g *Gazetteer) leadingPlace(doc *annals.Doc, i, end int) int {
	for n := min(g.maxWords, end-i); n > 1; n-- {
		if len(g.byKey(doc.Article.Text[doc.Tokens[i].Start:doc.Tokens[i+n-1].End])) > 0 {
			return n
		}
	}
	return 1
}

// theCountry resolves "the country" at token i of sentence si to the last
// country named in that sentence or the one before ("The Taliban took
// power in Afghanistan as troops withdrew from the country"); the
// mention spans "the country" and carries that country's name.
func theCountry(out []Mention, toks []annals.Token, si, i int) (Mention, bool) {
	for k := len(out) - 1; k >= 0 && out[k].Sentence >= si-1; k-- {
		if b := out[k].Best; b != nil && b.Kind == Country {
			return Mention{Span: annals.Span{Start: toks[i-1].Start, End: toks[i].End}, Text: b.Name, Sentence: si, First: i - 1, Last: i + 1, Best: b}, true
		}
	}
	return Mention{}, false
}

// qualifies reports whether a word names a country, a province or a
// capital: the places that qualify a role ("Kabul government", "Sindh
// police"). Any other word of a role's or a person's name is no place.
func (g *Gazetteer) qualifies(w string) bool {
	for _, p := range g.byKey(w) {
		if p.Kind == Country || p.Kind == ADM1 || p.Kind == Region || p.Feature == "PPLC" {
			return true
		}
	}
	return false
}

var rank = map[string]int{Country: 0, ADM1: 1, Region: 1, City: 2, Site: 2}

// organisation reports an actor code of an international or
// non-governmental body or group, whose name is never a place.
func organisation(code string) bool {
	return strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG") || strings.HasPrefix(code, "MNC")
}

func wordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

var adminWords = map[string]bool{"state": true, "province": true, "region": true, "governorate": true, "oblast": true, "district": true}

// selfContexts is, for each mention text, the context contributed by the
// actor mentions with that text: for a place name, its own actor reading
// ("Tripoli" coded as Libya). One pass, so a long article does not read
// every mention for every place it names.
func selfContexts(ms []annals.Mention) map[string]Context {
	out := map[string]Context{}
	for _, m := range ms {
		if len(m.Code) < 3 {
			continue
		}
		c := out[m.Text]
		if c == nil {
			c = Context{}
			out[m.Text] = c
		}
		c[m.Code[:3]]++
	}
	return out
}

// qualifier returns the country of a ", Province" or ", Country" right
// after a place name.
func (g *Gazetteer) qualifier(doc *annals.Doc, i, end int) string {
	toks := doc.Tokens
	if i+1 >= end || toks[i].Text != "," {
		return ""
	}
	for n := min(3, end-i-1); n >= 1; n-- {
		txt := doc.Article.Text[toks[i+1].Start:toks[i+n].End]
		for _, p := range g.byKey(txt) {
			if p.Kind != City {
				return p.Country
			}
		}
	}
	return ""
}

// actsAsSubject reports a verb right after the name, or after a
// coordinated name ("Moscow and Beijing signed"): the name stands for its
// government.
func actsAsSubject(toks []annals.Token, j, end int) bool {
	for k := j; k < end && k < j+4; k++ {
		t := toks[k]
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			return true
		}
		if t.Lower != "and" && t.Text != "," && !capitalized(t.Text) {
			return false
		}
	}
	return false
}

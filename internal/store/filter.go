package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals-events/annals"
)

// where builds the SQL condition of a filter over events e. Each filter
// is written so that an index serves it (see migrations 0002): actor
// prefixes as equality on the country prefix and byte ranges, places
// through the table of place names.
func (s *DB) where(f annals.EventFilter) (string, []any) { return s.whereText(f, false) }

// whereText is where, with a dense text search (textDense) written as a
// test of each event's own sentences rather than the set of every
// sentence the words match.
func (s *DB) whereText(f annals.EventFilter, dense bool) (string, []any) {
	var c []string
	var args []any
	add := func(cond string, a ...any) {
		c = append(c, cond)
		args = append(args, a...)
	}
	addc := func(cond string, a []any) { add(cond, a...) }
	if f.Actor != "" {
		cs, as := s.prefixCond("e.source", f.Actor)
		ct, at := s.prefixCond("e.target", f.Actor)
		add(`(`+cs+` OR `+ct+`)`, append(as, at...)...)
	}
	if f.Source != "" {
		addc(s.prefixCond("e.source", f.Source))
	}
	if f.Target != "" {
		addc(s.prefixCond("e.target", f.Target))
	}
	if f.DyadA != "" && f.DyadB != "" {
		a, b := strings.ToUpper(f.DyadA), strings.ToUpper(f.DyadB)
		a3, aok := country(a)
		b3, bok := country(b)
		if aok && bok {
			// the unordered pair of country prefixes, on events_pair
			lo, hi := min(a3, b3), max(a3, b3)
			s3, t3 := `substr(e.source, 1, 3)`, `substr(e.target, 1, 3)`
			add(s.d.lo+`(`+s3+`, `+t3+`) = ? AND `+s.d.hi+`(`+s3+`, `+t3+`) = ?`, lo, hi)
		}
		if !aok || !bok || len(a) > 3 || len(b) > 3 {
			sa, xa := s.prefixCond("e.source", a)
			tb, xb := s.prefixCond("e.target", b)
			sb, yb := s.prefixCond("e.source", b)
			ta, ya := s.prefixCond("e.target", a)
			add(`((`+sa+` AND `+tb+`) OR (`+sb+` AND `+ta+`))`, append(append(append(xa, xb...), yb...), ya...)...)
		}
	}
	if f.From != "" {
		add(`e.event_date >= ?`, f.From)
	}
	if f.To != "" {
		add(`e.event_date <= ?`, f.To)
	}
	if f.Root != "" {
		add(`e.root = ?`, f.Root)
	}
	if f.Code != "" {
		// a CAMEO code's root is its first two digits: the root's index
		// reads a dense code in id order
		if len(f.Code) >= 2 {
			add(`e.root = ?`, f.Code[:2])
			addc(s.rangeCond("e.code", f.Code))
		} else {
			addc(s.rangeCondWith("e.code", f.Code, s.d.unlikely))
		}
	}
	if f.QuadClass != 0 {
		add(`e.quad_class = ?`, f.QuadClass)
	}
	if f.Place != "" {
		// on the small table of place names, then events_place
		if p, ok := strings.CutSuffix(f.Place, "*"); ok {
			add(s.d.unlikely(`e.loc_name IN (SELECT name FROM places WHERE name `+s.d.ilike+` ? ESCAPE '\')`), likePrefix(p))
		} else {
			add(s.d.unlikely(`e.loc_name IN (SELECT name FROM places WHERE name `+s.d.ilike+` ? ESCAPE '\' OR name `+s.d.ilike+` ? ESCAPE '\')`),
				likeEscape(f.Place), likeEscape(f.Place)+" %")
		}
	}
	if f.At != nil {
		// on events_at (migration 0007): a place is a small part of the
		// events, read from its index rather than in id order hoping to
		// meet it soon
		add(s.d.unlikely(`e.lat = ?`)+` AND e.lon = ?`, f.At.Lat, f.At.Lon)
	}
	if f.Country != "" {
		add(`e.country = ?`, strings.ToUpper(f.Country))
	}
	if f.MinConfidence > 0 {
		// most events pass: a condition on the rows the other filters read
		add(s.d.noIndex(`e.confidence`)+` >= ?`, f.MinConfidence)
	}
	if f.Text != "" {
		if strings.IndexFunc(f.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			add(`1 = ?`, 0) // no word to search for ("*", a quote): nothing matches
		} else {
			cond, v := s.d.fts(f.Text)
			if dense && s.d.ftsProbe != "" {
				cond = s.d.ftsProbe
			}
			add(cond, v)
		}
	}
	if f.DocID != "" {
		// every event the document reports, whether or not its evidence
		// is among the rows the event keeps
		add(`e.id IN (SELECT event_id FROM event_docs WHERE doc_id = ?)`, f.DocID)
	}
	modes := f.Modes
	if len(modes) == 0 {
		modes = defaultModes
	}
	ph := make([]string, len(modes))
	col := "e.mode"
	for i, m := range modes {
		ph[i] = "?"
		args = append(args, string(m))
		if m == annals.Asserted {
			col = s.d.noIndex(col) // most events: an index would only slow it
		}
	}
	c = append(c, col+` IN (`+strings.Join(ph, ",")+`)`)
	switch {
	case f.Sort == "date" && f.After > 0:
		add(`(e.event_date > ? OR e.event_date = ? AND e.id > ?)`, f.AfterDate, f.AfterDate, f.After)
	case f.Sort == "-date" && f.After > 0:
		add(`(e.event_date < ? OR e.event_date = ? AND e.id < ?)`, f.AfterDate, f.AfterDate, f.After)
	case f.After > 0:
		add(`e.id > ?`, f.After)
	}
	return strings.Join(c, " AND "), args
}

// orderBy is the ORDER BY of a page of events in f's order, by column
// names (e) or, over a UNION, by the positions of eventCols (pos).
func orderBy(f annals.EventFilter) (e, pos string) {
	switch f.Sort {
	case "date":
		return "e.event_date, e.id", "10, 1"
	case "-date":
		return "e.event_date DESC, e.id DESC", "10 DESC, 1 DESC"
	}
	return "e.id", "1"
}

var defaultModes = []annals.Mode{annals.Asserted, annals.Intended, annals.Reported}

// country is the country prefix of an actor code, when it has one made
// of three ASCII bytes (so that bytes and characters agree).
func country(code string) (string, bool) {
	if len(code) < 3 {
		return "", false
	}
	for i := 0; i < 3; i++ {
		if code[i] >= 0x80 {
			return "", false
		}
	}
	return code[:3], true
}

// prefixCond is an indexed condition for "the actor code in col starts
// with p" (case-insensitively: codes are upper case): equality on the
// country prefix when p has one, and a byte range for the rest.
func (s *DB) prefixCond(col, p string) (string, []any) {
	p = strings.ToUpper(p)
	p3, ok := country(p)
	if !ok {
		return s.rangeCondWith(col, p, s.d.unlikely)
	}
	cond := `substr(` + col + `, 1, 3) = ?`
	if len(p) == 3 {
		return cond, []any{p3}
	}
	r, a := s.rangeCond(col, p)
	return cond + ` AND ` + r, append([]any{p3}, a...)
}

// rangeCond is "col starts with p" as a byte range, col >= p AND col <
// the next prefix, which a BINARY (SQLite) or "C" (PostgreSQL) index
// serves.
func (s *DB) rangeCond(col, p string) (string, []any) {
	return s.rangeCondWith(col, p, func(c string) string { return c })
}

// rangeCondWith is rangeCond with each comparison wrapped.
func (s *DB) rangeCondWith(col, p string, wrap func(string) string) (string, []any) {
	b := s.d.bin(col)
	hi, ok := nextPrefix(p)
	if !ok {
		return wrap(b + ` >= ?`), []any{p}
	}
	return `(` + wrap(b+` >= ?`) + ` AND ` + wrap(b+` < ?`) + `)`, []any{p, hi}
}

// nextPrefix is the least string greater than every string starting
// with p, in code point (UTF-8 byte) order; false when there is none.
func nextPrefix(p string) (string, bool) {
	r := []rune(p)
	for len(r) > 0 {
		last := r[len(r)-1]
		if last < utf8.MaxRune {
			last++
			if last == 0xD800 { // surrogates are not characters
				last = 0xE000
			}
			r[len(r)-1] = last
			return string(r), true
		}
		r = r[:len(r)-1]
	}
	return "", false
}

// likePrefix is a LIKE pattern matching values that start with s: the
// wildcards % and _ in s (and the escape character) match only themselves.
func likePrefix(s string) string { return likeEscape(s) + "%" }

// likeEscape is a LIKE pattern matching s alone.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// ftsQuery quotes each word so user text cannot break FTS5 syntax, and
// drops the words PostgreSQL's english configuration ignores, so that both
// stores find the same sentences ("attack on the base" needs no "on" or
// "the"). A query of stopwords alone keeps its words. An apostrophe ends
// a word, as PostgreSQL's parser reads it: "Pakistan's" is "Pakistan" and
// the stop word "s", so it finds "Pakistan" as PostgreSQL does, not only
// the phrase "Pakistan's".
func ftsQuery(s string) string {
	var parts, all []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		q := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		all = append(all, q)
		if !englishStop[strings.ToLower(w)] {
			parts = append(parts, q)
		}
	}
	if len(parts) == 0 {
		parts = all
	}
	return strings.Join(parts, " ")
}

// englishStop is PostgreSQL's english stop-word list (the Snowball list
// its english text search configuration uses).
var englishStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
		she her hers herself it its itself they them their theirs themselves what which who whom this that these those
		am is are was were be been being have has had having do does did doing a an the and but if or because as until
		while of at by for with about against between into through during before after above below to from up down in
		out on off over under again further then once here there when where why how all any both each few more most
		other some such no nor not only own same so than too very s t can will just don should now`) {
		m[w] = true
	}
	return m
}()

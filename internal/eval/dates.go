package eval

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/annals-events/annals"
)

// newsDevDates holds hand-annotated event dates for the gold events of
// ../shared/eval/news_dev.jsonl, keyed by record id, event index and a
// hash of the cue, so that no text of the dev set is copied here: an
// annotation applies only to the event whose cue hashes the same.
//
//go:embed news_dev_dates.tsv
var newsDevDates []byte

// noteKey is an annotated gold event: its record id and event index.
type noteKey struct {
	id  string
	idx int
}

// note is one row of a hand annotation of news_dev's gold events
// (news_dev_dates.tsv, news_dev_places.tsv): the hash of the cue it was
// made for and its fields after the key.
type note struct {
	hash   string
	fields []string
}

// loadNotes reads an annotation keyed by record id, event index and cue
// hash, whose rows have cols tab-separated columns; lines starting with
// # and the header (first column "id") are skipped.
func loadNotes(name string, data []byte, cols int) map[noteKey]note {
	out := map[noteKey]note{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != cols || strings.HasPrefix(f[0], "#") || f[0] == "id" {
			continue
		}
		i, err := strconv.Atoi(f[1])
		if err != nil {
			panic(name + ": bad event index " + f[1])
		}
		out[noteKey{f[0], i}] = note{f[2], f[3:]}
	}
	return out
}

// noteFor returns the annotation of event i of rec when one was made for
// its cue.
func noteFor(notes map[noteKey]note, rec *Record, i int) ([]string, bool) {
	n, ok := notes[noteKey{rec.ID, i}]
	if !ok || n.hash != cueHash((*rec.Events)[i].Cue) {
		return nil, false
	}
	return n.fields, true
}

var dateNotes = loadNotes("news_dev_dates.tsv", newsDevDates, 6)

func cueHash(cue string) string {
	h := sha1.Sum([]byte(cue))
	return hex.EncodeToString(h[:])[:10]
}

// annotateDates gives the events of a news record the dates of the
// embedded annotation where the record, the event index and the cue
// agree and the gold file carries no date of its own.
func annotateDates(rec *Record) {
	annotate(rec, dateNotes, func(g *NewsEvent) bool {
		if g.Date != "" && g.DateBasis == "" {
			g.DateBasis = "gold"
		}
		return g.Date != ""
	}, func(g *NewsEvent, f []string) {
		if f[0] != "-" {
			g.Date, g.DatePrecision, g.DateBasis = f[0], f[1], f[2]
		}
	})
}

// annotate applies an annotation to the events of a news record: set
// gets the fields of each event whose record, index and cue agree with a
// row, unless gold reports that the gold file carries its own.
func annotate(rec *Record, notes map[noteKey]note, gold func(*NewsEvent) bool, set func(*NewsEvent, []string)) {
	if rec.Events == nil {
		return
	}
	evs := *rec.Events
	for i := range evs {
		if gold(&evs[i]) {
			continue
		}
		if f, ok := noteFor(notes, rec, i); ok {
			set(&evs[i], f)
		}
	}
}

// sameDate reports whether an emitted event date falls in the gold date's
// period: the day, the week (Monday to Sunday), the month or the year,
// as the gold precision says.
func sameDate(gold, prec, got string) bool {
	g, err := time.Parse("2006-01-02", gold)
	if err != nil {
		return false
	}
	d, err := time.Parse("2006-01-02", got)
	if err != nil {
		return false
	}
	switch prec {
	case "year":
		return g.Year() == d.Year()
	case "month":
		return g.Year() == d.Year() && g.Month() == d.Month()
	case "week":
		gy, gw := g.ISOWeek()
		dy, dw := d.ISOWeek()
		return gy == dy && gw == dw
	}
	return gold == got
}

// DateScore counts dated gold events and how many got the right date, by
// how the gold date is known (explicit in the clause, or fixed by context).
type DateScore struct {
	N, Right int
	ByBasis  map[string][2]int // basis -> {n, right}
	BySource map[string][2]int // emitted date_source -> {n, right}
	Errors   []string
}

func (s *DateScore) add(g *NewsEvent, date, prec, source, sentence string) {
	if s.ByBasis == nil {
		s.ByBasis, s.BySource = map[string][2]int{}, map[string][2]int{}
	}
	ok := sameDate(g.Date, g.DatePrecision, date)
	s.N++
	b, src := s.ByBasis[g.DateBasis], s.BySource[source]
	b[0]++
	src[0]++
	if ok {
		s.Right++
		b[1]++
		src[1]++
	} else {
		sent := spaces.ReplaceAllString(sentence, " ")
		if len(sent) > 150 {
			sent = sent[:150]
		}
		s.Errors = append(s.Errors, fmt.Sprintf("  DATE  got %s (%s, %s) want %s (%s, %s) cue=%q | %s",
			orDash(date), orDash(prec), orDash(source), g.Date, g.DatePrecision, g.DateBasis, g.Cue, sent))
	}
	s.ByBasis[g.DateBasis], s.BySource[source] = b, src
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (s *DateScore) line(w io.Writer, name string) {
	fmt.Fprintf(w, "dates %s: %d/%d right (%.2f)", name, s.Right, s.N, div(s.Right, s.N))
	for _, k := range sortedKeys(s.ByBasis) {
		v := s.ByBasis[k]
		fmt.Fprintf(w, "  gold %s %d/%d", k, v[1], v[0])
	}
	for _, k := range sortedKeys(s.BySource) {
		v := s.BySource[k]
		fmt.Fprintf(w, "  got %s %d/%d", orDash(k), v[1], v[0])
	}
	fmt.Fprintln(w)
}

func sortedKeys(m map[string][2]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// scoreDates counts the dates of emitted events matched to dated gold
// events (hitOf maps a gold index to the emitted event it matched).
func (r *Report) scoreDates(rec Record, evs []annals.Event, hitOf map[int]int) {
	gevs := *rec.Events
	for gi, k := range hitOf {
		g := &gevs[gi]
		if g.Date == "" {
			continue
		}
		r.Dates.add(g, evs[k].EventDate, evs[k].DatePrecision, evs[k].DateSource, evs[k].Sentence)
	}
}

// DateAt is what the cue-level date check needs from the pipeline: the
// date annals gives an event whose trigger is the head of the cue, in the
// article a (the cue is a substring of a.Text); ok is false when the cue
// cannot be placed.
type DateAt func(a *annals.Article, cue string) (date, precision, source, sentence string, ok bool)

// ScoreDatesAtCues dates every dated gold event of the news records at its
// cue, whatever the coder found: a figure for the dating that does not
// move with the coder's recall.
func (r *Report) ScoreDatesAtCues(recs []Record, at DateAt) {
	for _, rec := range recs {
		if rec.Events == nil {
			continue
		}
		a := &annals.Article{ID: rec.ID, Text: rec.Text}
		if t, err := time.Parse("2006-01-02", rec.Published); err == nil {
			a.Published = t
		}
		for i := range *rec.Events {
			g := &(*rec.Events)[i]
			if g.Date == "" {
				continue
			}
			date, prec, src, sent, ok := at(a, g.Cue)
			if !ok {
				continue
			}
			r.CueDates.add(g, date, prec, src, sent)
		}
	}
}

package eval

import (
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/geo"
)

// newsDevPlaces holds hand-annotated event places for the gold events of
// ../shared/eval/news_dev.jsonl, keyed like news_dev_dates.tsv (record
// id, event index, hash of the cue): the place names a careful coder
// accepts, the place's country and how the text tells it.
//
//go:embed news_dev_places.tsv
var newsDevPlaces []byte

var placeNotes = loadNotes("news_dev_places.tsv", newsDevPlaces, 6)

// Place bases: how the text tells where a gold event happened. An event
// of a told basis that gets no location is a miss; an implied place is
// one a location may rightly give, and none is no miss; none means the
// text tells no place, and any location is wrong.
const (
	PlaceClause   = "clause"   // the event's own clause or nominal names it
	PlaceArticle  = "article"  // another sentence ties the place to this event
	PlaceDateline = "dateline" // only the dateline tells it
	PlaceImplied  = "implied"  // the story implies it without telling it
	PlaceNone     = "none"     // the text tells no place
)

func placeTold(basis string) bool {
	return basis == PlaceClause || basis == PlaceArticle || basis == PlaceDateline
}

// annotatePlaces gives the events of a news record the places of the
// embedded annotation where the record, the event index and the cue
// agree and the gold file carries no place of its own.
func annotatePlaces(rec *Record) {
	annotate(rec, placeNotes, func(g *NewsEvent) bool { return g.PlaceBasis != "" }, func(g *NewsEvent, f []string) {
		if f[0] != "-" {
			g.Places = strings.Split(f[0], "|")
		}
		if f[1] != "-" {
			g.PlaceCountry = f[1]
		}
		g.PlaceBasis = f[2]
	})
}

// isCountryCode reports an alternative that is an ISO alpha-3 code: it
// accepts a location given only as that country.
func isCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// placeRight reports whether a location is one of the gold alternatives:
// its name is one of them (compared as gazetteer keys, province words
// aside) in the gold place's country (or one its alternatives name by
// code), or it is a country-level location
// of a country whose code is one of them.
func placeRight(g *NewsEvent, loc *annals.Location) bool {
	if loc == nil || g.PlaceBasis == PlaceNone {
		return false
	}
	k := placeKey(loc.Name)
	for _, alt := range g.Places {
		if isCountryCode(alt) {
			if strings.HasPrefix(loc.Precision, geo.Country) && loc.Country == alt {
				return true
			}
			continue
		}
		if k != "" && placeKey(alt) == k && inCountry(g, loc.Country) {
			return true
		}
	}
	return false
}

// adminSuffixes are the words of a province's kind that a name may carry
// or not ("the Kursk region" is Kursk): compared without them.
var adminSuffixes = []string{" region", " province", " oblast", " state", " governorate", " district"}

func placeKey(name string) string {
	k := geo.Key(name)
	for _, s := range adminSuffixes {
		k = strings.TrimSuffix(k, s)
	}
	return k
}

// inCountry reports whether cc is the gold place's country or one of the
// countries its alternatives name (a border crossing of two countries).
// A location of no country (a sea, a strait, a disputed shoal) lies in no
// wrong one: its name alone decides.
func inCountry(g *NewsEvent, cc string) bool {
	if g.PlaceCountry == "" || cc == "" || cc == g.PlaceCountry {
		return true
	}
	for _, alt := range g.Places {
		if isCountryCode(alt) && alt == cc {
			return true
		}
	}
	return false
}

// PlaceScore counts, among emitted events matched to gold events with an
// annotated place, those located, located right, located in the right
// country, and the events whose place the text tells that got none.
type PlaceScore struct {
	N              int // matched events with an annotated gold place (none included)
	Located, Right int
	CountryRight   int
	Told, Missed   int               // matched events whose place is told; of them, unlocated
	NoneRight      int               // gold none and no location
	ByBasis        map[string][3]int // gold basis -> {located, right, unlocated}
	ByPrecision    map[string][2]int // emitted precision -> {located, right}
	Errors         []string
}

func (s *PlaceScore) add(g *NewsEvent, e *annals.Event) {
	if s.ByBasis == nil {
		s.ByBasis, s.ByPrecision = map[string][3]int{}, map[string][2]int{}
	}
	s.N++
	b := s.ByBasis[g.PlaceBasis]
	defer func() { s.ByBasis[g.PlaceBasis] = b }()
	told := placeTold(g.PlaceBasis)
	if told {
		s.Told++
	}
	loc := e.Location
	if loc == nil {
		b[2]++
		switch {
		case told:
			s.Missed++
			s.errorf("  NOPLACE", g, e)
		case g.PlaceBasis == PlaceNone:
			s.NoneRight++
		}
		return
	}
	s.Located++
	b[0]++
	p := s.ByPrecision[loc.Precision]
	p[0]++
	if loc.Country != "" && loc.Country == g.PlaceCountry {
		s.CountryRight++
	}
	if placeRight(g, loc) {
		s.Right++
		b[1]++
		p[1]++
	} else {
		s.errorf(fmt.Sprintf("  PLACE got %q (%s, %s)", loc.Name, orDash(loc.Country), loc.Precision), g, e)
	}
	s.ByPrecision[loc.Precision] = p
}

func (s *PlaceScore) errorf(what string, g *NewsEvent, e *annals.Event) {
	sent := spaces.ReplaceAllString(e.Sentence, " ")
	if len(sent) > 150 {
		sent = sent[:150]
	}
	want := "-"
	if len(g.Places) > 0 {
		want = strings.Join(g.Places, "|")
	}
	s.Errors = append(s.Errors, fmt.Sprintf("%s want %s (%s, %s) cue=%q | %s", what, want, orDash(g.PlaceCountry), g.PlaceBasis, g.Cue, sent))
}

func (s *PlaceScore) line(w io.Writer, name string) {
	fmt.Fprintf(w, "places %s: located right %d/%d (%.2f), country right %d/%d; told %d, got none %d; no place told and none given %d",
		name, s.Right, s.Located, div(s.Right, s.Located), s.CountryRight, s.Located, s.Told, s.Missed, s.NoneRight)
	for _, k := range []string{PlaceClause, PlaceArticle, PlaceDateline, PlaceImplied, PlaceNone} {
		if v, ok := s.ByBasis[k]; ok {
			fmt.Fprintf(w, "  gold %s %d/%d (none %d)", k, v[1], v[0], v[2])
		}
	}
	fmt.Fprintln(w)
}

// scorePlaces counts the locations of emitted events matched to gold
// events with an annotated place (hitOf maps a gold index to the emitted
// event it matched).
func (r *Report) scorePlaces(rec Record, evs []annals.Event, hitOf map[int]int) {
	gevs := *rec.Events
	for gi := range gevs {
		k, ok := hitOf[gi]
		if !ok || gevs[gi].PlaceBasis == "" {
			continue
		}
		r.Places.add(&gevs[gi], &evs[k])
	}
}

// PlaceAt is what the cue-level place check needs from the pipeline: the
// location annals gives an event like ev (the gold event's code, actors
// and mode) triggered at the head of the cue, in the article a; ok is
// false when the cue cannot be placed.
type PlaceAt func(a *annals.Article, cue string, ev annals.Event) (loc *annals.Location, sentence string, ok bool)

// goldEvent is an event with the gold event's first root, its first
// source and target prefixes (no actor where the gold allows any) and
// its mode.
func goldEvent(g *NewsEvent) annals.Event {
	e := annals.Event{Mode: annals.Mode(g.Mode)}
	if e.Mode == "" {
		e.Mode = annals.Asserted
	}
	if len(g.Roots) > 0 {
		e.Root = g.Roots[0]
		e.Code = e.Root
	}
	if !g.Source.Any && len(g.Source.List) > 0 {
		e.Source = g.Source.List[0]
	}
	if !g.Target.Any && len(g.Target.List) > 0 {
		e.Target = g.Target.List[0]
	}
	return e
}

// ScorePlacesAtCues places every gold event with an annotated place at
// its cue, whatever the coder found: a figure for the locator that does
// not move with the coder's recall.
func (r *Report) ScorePlacesAtCues(recs []Record, at PlaceAt) {
	for _, rec := range recs {
		if rec.Events == nil {
			continue
		}
		a := rec.Article()
		for i := range *rec.Events {
			g := &(*rec.Events)[i]
			if g.PlaceBasis == "" {
				continue
			}
			loc, sent, ok := at(a, g.Cue, goldEvent(g))
			if !ok {
				continue
			}
			r.CuePlaces.add(g, &annals.Event{Location: loc, Sentence: sent})
		}
	}
}

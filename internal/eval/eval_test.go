package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/coder"
)

func TestScoringRules(t *testing.T) {
	// gold written for this test, in the two dev-set formats
	gold := `{"id": "a", "date": "2024-01-18", "text": "Pakistan struck Iran.", "expected": [{"source": "PAK", "target": "IRN", "code": "190"}]}
{"id": "b", "date": null, "text": "Insurgents shelled a town.", "expected": [{"source": "---REB", "target": "", "code": "194"}]}
{"id": "c", "date": "2024-01-18", "text": "Nothing happened.", "expected": []}
`
	dir := t.TempDir()
	p := filepath.Join(dir, "gold.jsonl")
	os.WriteFile(p, []byte(gold), 0o644)
	recs, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	coded := map[string][]annals.Event{
		// right root and dyad (first three letters only), plus a negated extra that does not count
		"a": {{Source: "PAKMIL", Target: "IRNGOV", Code: "195", Mode: annals.Asserted}, {Source: "IRN", Target: "PAK", Code: "190", Mode: annals.Negated}},
		// --- agrees with any country; an empty gold target with anything
		"b": {{Source: "SYRINS", Target: "SYRCVL", Code: "190", Mode: annals.Reported}},
		// a false positive
		"c": {{Source: "USA", Target: "", Code: "010", Mode: annals.Asserted}},
	}
	r := Run(recs, func(a *annals.Article) []annals.Event { return coded[a.ID] })
	sc := r.Scores()
	if r.Expected != 2 || r.Emitted != 3 || r.Matched != 2 {
		t.Fatalf("expected %d emitted %d matched %d", r.Expected, r.Emitted, r.Matched)
	}
	if math.Abs(sc["precision"]-2.0/3) > 1e-9 || sc["recall"] != 1 || math.Abs(sc["f1"]-0.8) > 1e-9 {
		t.Errorf("scores %v", sc)
	}
	if r.RootTP["19"] != 2 || r.RootPred["01"] != 1 {
		t.Errorf("per root %v %v", r.RootTP, r.RootPred)
	}
}

func TestPentaAndSpans(t *testing.T) {
	gold := `{"id": "p1", "text": "x", "pentaclass": 4, "source_spans": ["Pakistani troops"], "target_spans": ["the militants"]}
{"id": "p2", "text": "y", "pentaclass": 1, "source_spans": ["Iran"], "target_spans": null}
{"id": "p3", "text": "z", "pentaclass": 0, "source_spans": null, "target_spans": null}
`
	p := filepath.Join(t.TempDir(), "penta.jsonl")
	os.WriteFile(p, []byte(gold), 0o644)
	recs, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	coded := map[string][]annals.Event{
		// the most confident event decides: 190 -> class 4
		"p1": {{Code: "040", Confidence: 0.5, Mode: annals.Asserted, SourceText: "x"}, {Code: "190", Confidence: 0.9, Mode: annals.Asserted, SourceText: "Pakistani troops", TargetText: "militants"}},
		// wrong class (07 -> 2)
		"p2": {{Code: "070", Confidence: 0.8, Mode: annals.Asserted, SourceText: "Iran"}},
		// no event counts as wrong
	}
	r := Run(recs, func(a *annals.Article) []annals.Event { return coded[a.ID] })
	sc := r.Scores()
	if math.Abs(sc["accuracy"]-1.0/3) > 1e-9 {
		t.Errorf("accuracy %v", sc["accuracy"])
	}
	// source spans: p1 exact (1.0), p2 exact (1.0) -> 1.0; target: p1 "militants" vs "the militants" = 2*1*0.5/1.5
	if sc["source_span_f1"] != 1 || math.Abs(sc["target_span_f1"]-2.0/3) > 1e-9 {
		t.Errorf("spans %v", sc)
	}
	if PentaOf("16") != 3 || PentaOf("17") != 4 || PentaOf("02") != 0 || PentaOf("05") != 1 || PentaOf("08") != 2 || PentaOf("13") != 3 {
		t.Error("penta mapping")
	}
}

func TestOverlapF1(t *testing.T) {
	if f := overlapF1("the Iraqi troops", "Iraqi troops"); math.Abs(f-0.8) > 1e-9 {
		t.Errorf("overlap %v", f)
	}
	if overlapF1("", "x") != 0 || overlapF1("a b", "c d") != 0 {
		t.Error("empty or disjoint spans")
	}
}

// TestNewsScoring follows the rule of ../shared/eval/README.md on a record
// of its own: required events take matches first, a list of prefixes
// matches any of them, a null target matches anything, traps count.
func TestNewsScoring(t *testing.T) {
	gold := `{"id":"n1","published":"2024-01-18","text":"A. B.","events":[
 {"cue":"Iran struck","source":"IRN","target":["PAK","IMG"],"roots":["18","19"],"mode":"asserted","required":true},
 {"cue":"Iran struck","source":"IRN","target":null,"roots":["18","19"],"mode":"asserted","required":false},
 {"cue":"Pakistan recalled","source":"PAK","target":"IRN","roots":["16"],"mode":"asserted","required":true}],
 "traps":[{"cue":"did not confirm","roots":["19"],"why":"denial"}]}`
	var rec Record
	if err := json.Unmarshal([]byte(gold), &rec); err != nil {
		t.Fatal(err)
	}
	evs := []annals.Event{
		{Sentence: "Iran struck  militants in Pakistan.", Source: "IRNMIL", Target: "PAKINS", Code: "195", Mode: annals.Asserted},
		{Sentence: "Iran struck militants in Pakistan.", Source: "IRN", Target: "", Code: "190", Mode: annals.Reported},
		{Sentence: "Iran struck militants in Pakistan.", Source: "PAK", Target: "IRN", Code: "190", Mode: annals.Asserted},
		{Sentence: "Officials did not confirm the raid.", Source: "IRN", Target: "PAK", Code: "190", Mode: annals.Asserted},
	}
	r := &Report{}
	r.Kind = "news"
	r.scoreNews(rec, evs)
	s := r.Scores()
	if r.Matched != 2 || r.Emitted != 4 || r.RequiredFound != 1 || r.Expected != 2 || r.TrapHits != 1 {
		t.Fatalf("matched %d emitted %d found %d/%d traps %d", r.Matched, r.Emitted, r.RequiredFound, r.Expected, r.TrapHits)
	}
	// arguments: three events have a cued sentence and a gold root (the
	// trap's is no gold event); IRNMIL and IRN agree on the source, PAK does not
	if r.ArgN != 3 || r.ArgSource != 2 || r.ArgTarget != 3 || r.ArgBoth != 2 {
		t.Errorf("args n=%d source=%d target=%d both=%d", r.ArgN, r.ArgSource, r.ArgTarget, r.ArgBoth)
	}
	if s["precision"] != 0.5 || s["recall"] != 0.5 || s["mode_agree"] != 0.5 {
		t.Errorf("scores %v", s)
	}
}

// TestPentaMatchesCodebook checks PentaOf against the penta class the
// lexicon's codebook (cameo.tsv, generated from ../shared/cameo) gives
// every code.
func TestPentaMatchesCodebook(t *testing.T) {
	lx, err := coder.LoadLexicon(coder.Embedded(), func(s string) string { return s })
	if err != nil {
		t.Fatal(err)
	}
	for code, info := range lx.Codes {
		if got := PentaOf(info.Root); got != info.Penta {
			t.Errorf("code %s (root %s): PentaOf %d, codebook %d", code, info.Root, got, info.Penta)
		}
	}
}

// TestDateScoring: a matched event's date counts against a dated gold
// event at the gold's precision; undated gold events do not count.
func TestDateScoring(t *testing.T) {
	gold := `{"id":"d1","published":"2024-01-18","text":"x","events":[
 {"cue":"Iran struck","source":"IRN","target":"PAK","roots":["19"],"date":"2024-01-16","date_precision":"day"},
 {"cue":"Pakistan recalled","source":"PAK","target":"IRN","roots":["16"],"date":"2024-01-15","date_precision":"week"},
 {"cue":"talks began","source":"PAK","target":"IRN","roots":["04"],"date":"2023-12-01","date_precision":"month"},
 {"cue":"both sides met","source":"PAK","target":"IRN","roots":["04"]}]}`
	var rec Record
	if err := json.Unmarshal([]byte(gold), &rec); err != nil {
		t.Fatal(err)
	}
	annotateDates(&rec)
	evs := []annals.Event{
		{Sentence: "Iran struck Pakistan.", Source: "IRN", Target: "PAK", Code: "190", EventDate: "2024-01-17", DateSource: "publication"},     // a day late
		{Sentence: "Pakistan recalled its envoy.", Source: "PAK", Target: "IRN", Code: "161", EventDate: "2024-01-21", DateSource: "relative"}, // the same week
		{Sentence: "The talks began.", Source: "PAK", Target: "IRN", Code: "040", EventDate: "2023-12-28", DateSource: "explicit"},             // the same month
		{Sentence: "Later both sides met.", Source: "PAK", Target: "IRN", Code: "040", EventDate: "2024-01-18"},                                // no gold date
	}
	r := &Report{}
	r.scoreNews(rec, evs)
	if r.Dates.N != 3 || r.Dates.Right != 2 || r.Dates.ByBasis["gold"] != [2]int{3, 2} || r.Dates.BySource["publication"] != [2]int{1, 0} {
		t.Errorf("dates %+v", r.Dates)
	}
	if !sameDate("2024-01-15", "week", "2024-01-21") || sameDate("2024-01-15", "week", "2024-01-22") || !sameDate("2023-01-01", "year", "2023-12-31") {
		t.Error("sameDate periods")
	}
}

// TestDateAnnotationNeedsItsCue: news_dev's embedded dates apply to a
// record's event only when its cue hashes as annotated.
func TestDateAnnotationNeedsItsCue(t *testing.T) {
	rec := Record{ID: "news-dev/01", Events: &[]NewsEvent{{Cue: "a cue written for this test"}}}
	annotateDates(&rec)
	if (*rec.Events)[0].Date != "" {
		t.Errorf("an annotation applied to another cue: %+v", (*rec.Events)[0])
	}
	n := 0
	for _, v := range dateNotes {
		if v.fields[0] != "-" {
			n++
		}
	}
	if len(dateNotes) != 220 || n != 172 {
		t.Errorf("%d annotated events, %d dated; want 220 and 172", len(dateNotes), n)
	}
}

// TestMatchNews: MatchNews pairs events with gold events as the news
// score does (required first, each at most once), and PrecisionAt reads
// the confidence bands.
func TestMatchNews(t *testing.T) {
	gold := `{"id": "n1", "published": "2024-01-18", "text": "Iran struck Pakistan on Tuesday. Pakistan recalled its envoy.", "events": [` +
		`{"cue": "recalled its envoy", "source": "PAK", "target": "IRN", "roots": ["16"], "required": false},` +
		`{"cue": "Iran struck Pakistan", "source": "IRN", "target": "PAK", "roots": ["18", "19"], "required": true},` +
		`{"cue": "Iran struck Pakistan", "source": "IRN", "target": null, "roots": ["19"], "required": false}], "traps": []}
`
	p := filepath.Join(t.TempDir(), "news.jsonl")
	os.WriteFile(p, []byte(gold), 0o644)
	recs, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	evs := []annals.Event{
		{Sentence: "Iran struck Pakistan on Tuesday.", Source: "IRNMIL", Target: "", Code: "190", Mode: annals.Asserted, Confidence: 0.95},
		{Sentence: "Iran struck Pakistan on Tuesday.", Source: "IRN", Target: "PAK", Code: "195", Mode: annals.Asserted, Confidence: 0.75},
		{Sentence: "Pakistan recalled its envoy.", Source: "PAK", Target: "IRN", Code: "161", Mode: annals.Asserted, Confidence: 0.85},
		{Sentence: "Pakistan recalled its envoy.", Source: "PAK", Target: "IRN", Code: "111", Mode: annals.Asserted, Confidence: 0.55},
	}
	got := MatchNews(recs[0], evs)
	// the required gold event takes the first event that fits it (the
	// second: the first has no target), the optional ones what is left
	if want := []int{2, 1, 0, -1}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("MatchNews = %v, want %v", got, want)
	}
	r := Run(recs, func(a *annals.Article) []annals.Event { return evs })
	if p, n := r.PrecisionAt(0.7); n != 3 || math.Abs(p-1) > 1e-9 {
		t.Errorf("PrecisionAt(0.7) = %v, %d; want 1, 3", p, n)
	}
	if p, n := r.PrecisionAt(0); n != 4 || math.Abs(p-0.75) > 1e-9 {
		t.Errorf("PrecisionAt(0) = %v, %d; want 0.75, 4", p, n)
	}
}

// TestPlaceScoring: a matched event's location counts against the gold
// alternatives by name (province words aside) or, for a location given as
// a country, by the country code; a location where the text tells none
// is wrong; an unlocated event is a miss only when the place is told.
func TestPlaceScoring(t *testing.T) {
	gold := `{"id":"p1","published":"2024-01-18","text":"x","events":[
 {"cue":"Iran struck","source":"IRN","target":"PAK","roots":["19"],"places":["Panjgur","Baluchistan","PAK"],"place_country":"PAK","place_basis":"clause"},
 {"cue":"Pakistan recalled","source":"PAK","target":"IRN","roots":["16"],"place_basis":"none"},
 {"cue":"talks began","source":"PAK","target":"IRN","roots":["04"],"places":["Doha"],"place_country":"QAT","place_basis":"dateline"},
 {"cue":"troops advanced","source":"UKR","target":"RUS","roots":["19"],"places":["Kursk"],"place_country":"RUS","place_basis":"clause"},
 {"cue":"both sides met","source":"PAK","target":"IRN","roots":["04"],"places":["Islamabad"],"place_country":"PAK","place_basis":"implied"},
 {"cue":"shelling resumed","source":"RUS","target":"UKR","roots":["19"],"places":["Kharkiv"],"place_country":"UKR","place_basis":"clause"}]}`
	var rec Record
	if err := json.Unmarshal([]byte(gold), &rec); err != nil {
		t.Fatal(err)
	}
	annotatePlaces(&rec) // the gold carries its own places: nothing changes
	evs := []annals.Event{
		{Sentence: "Iran struck Pakistan.", Source: "IRN", Target: "PAK", Code: "190", Location: &annals.Location{Name: "Pakistanis", Country: "PAK", Precision: "country"}},                     // the country, by code
		{Sentence: "Pakistan recalled its envoy.", Source: "PAK", Target: "IRN", Code: "161", Location: &annals.Location{Name: "Tehran", Country: "IRN", Precision: "city"}},                     // the text tells no place
		{Sentence: "The talks began.", Source: "PAK", Target: "IRN", Code: "040"},                                                                                                                // told by the dateline, not given: a miss
		{Sentence: "The troops advanced.", Source: "UKR", Target: "RUS", Code: "190", Location: &annals.Location{Name: "Kursk region", Country: "RUS", Precision: "adm1"}},                       // the province word aside
		{Sentence: "Later both sides met.", Source: "PAK", Target: "IRN", Code: "040"},                                                                                                           // implied: no miss
		{Sentence: "The shelling resumed.", Source: "RUS", Target: "UKR", Code: "190", Location: &annals.Location{Name: "Kharkiv Oblast", Country: "RUS", Precision: "adm1 (country centroid)"}}, // the name right, the country wrong
	}
	r := &Report{}
	r.scoreNews(rec, evs)
	ps := r.Places
	if ps.N != 6 || ps.Located != 4 || ps.Right != 2 || ps.CountryRight != 2 || ps.Told != 4 || ps.Missed != 1 || ps.NoneRight != 0 {
		t.Errorf("places %+v", ps)
	}
	if placeRight(&NewsEvent{Places: []string{"PAK"}, PlaceBasis: PlaceClause}, &annals.Location{Name: "Quetta", Country: "PAK", Precision: "city"}) {
		t.Error("a city counted for a country-level gold place")
	}
	if placeRight(&NewsEvent{PlaceBasis: PlaceNone}, &annals.Location{Name: "Quetta", Country: "PAK", Precision: "city"}) {
		t.Error("a location counted where the text tells none")
	}
	strait := &NewsEvent{Places: []string{"Taiwan Strait", "TWN"}, PlaceCountry: "TWN", PlaceBasis: PlaceClause}
	if !placeRight(strait, &annals.Location{Name: "Taiwan Strait", Precision: "region"}) {
		t.Error("a place of no country (a strait) not counted by its name")
	}
	if placeRight(strait, &annals.Location{Name: "Taiwan Strait", Country: "CHN", Precision: "region"}) {
		t.Error("a place of another country counted by its name")
	}
	if placeRight(strait, &annals.Location{Name: "South China Sea", Precision: "region"}) {
		t.Error("a place of no country counted under another name")
	}
}

// TestPlaceAnnotationNeedsItsCue: news_dev's embedded places apply to a
// record's event only when its cue hashes as annotated, and the
// annotation covers every gold event.
func TestPlaceAnnotationNeedsItsCue(t *testing.T) {
	rec := Record{ID: "news-dev/03", Events: &[]NewsEvent{{Cue: "a cue written for this test"}}}
	annotatePlaces(&rec)
	if g := (*rec.Events)[0]; g.PlaceBasis != "" || g.Places != nil {
		t.Errorf("an annotation applied to another cue: %+v", g)
	}
	bases := map[string]int{}
	for k, v := range placeNotes {
		bases[v.fields[2]]++
		if (v.fields[0] == "-") != (v.fields[2] == PlaceNone) {
			t.Errorf("%v: places %q with basis %q", k, v.fields[0], v.fields[2])
		}
	}
	if len(placeNotes) != 220 || bases[PlaceNone] != 83 || bases[PlaceClause]+bases[PlaceArticle]+bases[PlaceDateline] != 89 {
		t.Errorf("%d annotated events, bases %v; want 220, 83 none and 89 told", len(placeNotes), bases)
	}
}

package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/annals-events/annals"
	"github.com/parquet-go/parquet-go"
)

// Formats lists the export formats.
var Formats = []string{"gdelt", "plover", "csv", "jsonl", "parquet"}

// Writer writes events one at a time; Close finishes the file.
type Writer interface {
	Write(annals.StoredEvent) error
	Close() error
}

// New returns a writer for a format.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "gdelt":
		return &gdeltWriter{w: csvTab(w)}, nil
	case "plover":
		e := json.NewEncoder(w)
		e.SetEscapeHTML(false)
		return &ploverWriter{enc: e}, nil
	case "csv":
		c := csv.NewWriter(w)
		if err := c.Write(CSVHeader); err != nil {
			return nil, err
		}
		return &csvWriter{w: c}, nil
	case "jsonl":
		e := json.NewEncoder(w)
		e.SetEscapeHTML(false)
		return &jsonWriter{enc: e}, nil
	case "parquet":
		return &parquetWriter{w: parquet.NewGenericWriter[Row](w)}, nil
	}
	return nil, fmt.Errorf("unknown format %q (formats: %s)", format, strings.Join(Formats, ", "))
}

// SafeCells neutralises spreadsheet formulas in a CSV record: a cell that
// starts with =, +, -, @, tab or carriage return and is not a number gets
// a leading apostrophe, so a spreadsheet shows it as text instead of
// running it. Numbers such as -10.0 stay as they are.
func SafeCells(rec []string) []string {
	for i, c := range rec {
		if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			continue
		}
		if _, err := strconv.ParseFloat(c, 64); err == nil {
			continue
		}
		rec[i] = "'" + c
	}
	return rec
}

func csvTab(w io.Writer) *csv.Writer {
	c := csv.NewWriter(w)
	c.Comma = '\t'
	return c
}

// Row is the flat record of CSV and Parquet exports.
type Row struct {
	ID            int64   `parquet:"id"`
	EventDate     string  `parquet:"event_date"`
	DatePrecision string  `parquet:"date_precision"`
	Source        string  `parquet:"source"`
	SourceText    string  `parquet:"source_text"`
	Target        string  `parquet:"target"`
	TargetText    string  `parquet:"target_text"`
	Code          string  `parquet:"code"`
	Root          string  `parquet:"root"`
	QuadClass     int32   `parquet:"quad_class"`
	Goldstein     float64 `parquet:"goldstein"`
	Plover        string  `parquet:"plover"`
	Mode          string  `parquet:"mode"`
	Confidence    float64 `parquet:"confidence"`
	Rule          string  `parquet:"rule"`
	NumMentions   int32   `parquet:"num_mentions"`
	NumSources    int32   `parquet:"num_sources"`
	NumArticles   int32   `parquet:"num_articles"`
	Place         string  `parquet:"place"`
	Country       string  `parquet:"country"`
	ADM1          string  `parquet:"adm1"`
	Lat           float64 `parquet:"lat,optional"`
	Lon           float64 `parquet:"lon,optional"`
	LocPrecision  string  `parquet:"loc_precision"`
	DocID         string  `parquet:"doc_id"`
	SentenceIndex int32   `parquet:"sentence_index"`
	Sentence      string  `parquet:"sentence"`
	URL           string  `parquet:"url"`
}

// CSVHeader names the CSV columns.
var CSVHeader = []string{"id", "event_date", "date_precision", "source", "source_text", "target", "target_text", "code", "root",
	"quad_class", "goldstein", "plover", "mode", "confidence", "rule", "num_mentions", "num_sources", "num_articles",
	"place", "country", "adm1", "lat", "lon", "loc_precision", "doc_id", "sentence_index", "sentence", "url"}

// RowOf flattens a stored event.
func RowOf(e annals.StoredEvent) Row {
	r := Row{ID: e.ID, EventDate: e.EventDate, DatePrecision: e.DatePrecision, Source: e.Source, SourceText: e.SourceText,
		Target: e.Target, TargetText: e.TargetText, Code: e.Code, Root: e.Root, QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein,
		Plover: e.Plover, Mode: string(e.Mode), Confidence: e.Confidence, Rule: e.Rule, NumMentions: int32(e.NumMentions),
		NumSources: int32(e.NumSources), NumArticles: int32(e.NumArticles), DocID: e.DocID, SentenceIndex: int32(e.SentenceIndex), Sentence: e.Sentence}
	if l := e.Location; l != nil {
		r.Place, r.Country, r.ADM1, r.Lat, r.Lon, r.LocPrecision = l.Name, l.Country, l.ADM1, l.Lat, l.Lon, l.Precision
	}
	if len(e.Evidence) > 0 {
		r.URL = e.Evidence[0].URL
	}
	return r
}

// CSVRecord is a row as CSV fields.
func CSVRecord(e annals.StoredEvent) []string {
	r := RowOf(e)
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	lat, lon := "", ""
	if e.Location != nil {
		lat, lon = f(r.Lat), f(r.Lon)
	}
	return []string{strconv.FormatInt(r.ID, 10), r.EventDate, r.DatePrecision, r.Source, r.SourceText, r.Target, r.TargetText, r.Code, r.Root,
		strconv.Itoa(int(r.QuadClass)), f(r.Goldstein), r.Plover, r.Mode, f(r.Confidence), r.Rule, strconv.Itoa(int(r.NumMentions)),
		strconv.Itoa(int(r.NumSources)), strconv.Itoa(int(r.NumArticles)), r.Place, r.Country, r.ADM1, lat, lon, r.LocPrecision,
		r.DocID, strconv.Itoa(int(r.SentenceIndex)), r.Sentence, r.URL}
}

type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) Write(e annals.StoredEvent) error { return c.w.Write(SafeCells(CSVRecord(e))) }
func (c *csvWriter) Close() error                     { c.w.Flush(); return c.w.Error() }

type jsonWriter struct{ enc *json.Encoder }

func (j *jsonWriter) Write(e annals.StoredEvent) error { return j.enc.Encode(e) }
func (j *jsonWriter) Close() error                     { return nil }

type parquetWriter struct{ w *parquet.GenericWriter[Row] }

func (p *parquetWriter) Write(e annals.StoredEvent) error {
	_, err := p.w.Write([]Row{RowOf(e)})
	return err
}
func (p *parquetWriter) Close() error { return p.w.Close() }

// GDELT's actor fields: the three-letter country and up to three role
// codes, as GDELT splits them.
func gdeltActor(code, name string) []string {
	out := make([]string, 10)
	if code == "" {
		return out
	}
	out[0], out[1] = code, name
	country := ""
	if len(code) >= 3 && code[:3] != "---" && code[:3] != "IGO" && code[:3] != "NGO" && code[:3] != "IMG" && code[:3] != "MNC" {
		country = code[:3]
	}
	out[2] = country
	k := 7
	for i := 3; i+3 <= len(code) && k < 10; i += 3 {
		out[k] = code[i : i+3]
		k++
	}
	if country == "" && len(code) >= 3 && code[:3] != "---" {
		out[3] = code[:3] // IGO, NGO, IMG, MNC: the known group slot
	}
	return out
}

type gdeltWriter struct{ w *csv.Writer }

var geoType = map[string]string{"country": "1", "adm1": "5", "city": "4"}

func (g *gdeltWriter) Write(e annals.StoredEvent) error {
	t, err := time.Parse("2006-01-02", e.EventDate)
	if err != nil {
		t = time.Time{}
	}
	date, month, year, frac := "", "", "", ""
	if !t.IsZero() {
		date, month, year = t.Format("20060102"), t.Format("200601"), t.Format("2006")
		frac = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
	}
	rec := []string{strconv.FormatInt(e.ID, 10), date, month, year, frac}
	rec = append(rec, gdeltActor(e.Source, e.SourceText)...)
	rec = append(rec, gdeltActor(e.Target, e.TargetText)...)
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	rec = append(rec, "1", e.Code, base, e.Root, strconv.Itoa(e.QuadClass), strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumSources), strconv.Itoa(e.NumArticles), "")
	empty := make([]string, 8)
	rec = append(rec, empty...) // Actor1Geo: annals locates the action, not the actors
	rec = append(rec, empty...)
	if l := e.Location; l != nil {
		rec = append(rec, geoType[l.Precision], l.Name, l.Country, l.ADM1, "", strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64), "")
	} else {
		rec = append(rec, empty...)
	}
	url := ""
	if len(e.Evidence) > 0 {
		url = e.Evidence[0].URL
	}
	rec = append(rec, time.Now().UTC().Format("20060102150405"), url)
	if len(rec) != 61 {
		return fmt.Errorf("gdelt row has %d columns, want 61", len(rec))
	}
	return g.w.Write(SafeCells(rec))
}
func (g *gdeltWriter) Close() error { g.w.Flush(); return g.w.Error() }

type ploverWriter struct{ enc *json.Encoder }

type ploverEntity struct {
	Code       string `json:"code"`
	Sector     string `json:"sector,omitempty"`
	EntityText string `json:"entity_text"`
}

func entity(code, text string) []ploverEntity {
	if code == "" && text == "" {
		return nil
	}
	e := ploverEntity{Code: code, EntityText: text}
	if len(code) > 3 {
		e.Code, e.Sector = code[:3], code[3:]
	}
	return []ploverEntity{e}
}

var resolution = map[string]int{"country": 1, "adm1": 2, "city": 4}

func (p *ploverWriter) Write(e annals.StoredEvent) error {
	rec := map[string]any{
		"id":         strconv.FormatInt(e.ID, 10),
		"date":       e.EventDate,
		"actor":      entity(e.Source, e.SourceText),
		"event":      []string{e.Plover},
		"quad_code":  e.QuadClass,
		"mode":       []string{string(e.Mode)},
		"coder":      "annals " + annals.Version,
		"coded_date": time.Now().UTC().Format("2006-01-02"),
		"comment":    fmt.Sprintf("CAMEO %s, Goldstein %.1f, confidence %.2f, rule %s", e.Code, e.Goldstein, e.Confidence, e.Rule),
	}
	if e.Plover == "" {
		rec["event"] = []string{}
	}
	if r := entity(e.Target, e.TargetText); r != nil {
		rec["recipient"] = r
	}
	if l := e.Location; l != nil {
		rec["event_loc"] = map[string]any{"extracted_place": l.Name, "resolved_place": l.Name, "lat": l.Lat, "lon": l.Lon,
			"country_code": l.Country, "resolution": resolution[l.Precision]}
	}
	if len(e.Evidence) > 0 {
		ev := e.Evidence[0]
		rec["event_text"] = ev.Sentence
		rec["text_info"] = map[string]any{"sequence": ev.SentenceIndex, "start": ev.TriggerSpan.Start - ev.SentenceStart, "end": ev.TriggerSpan.End - ev.SentenceStart}
		rec["cite_info"] = map[string]any{"url": ev.URL, "coder": "annals", "codebook": "CAMEO/PLOVER", "version": annals.Version}
	}
	return p.enc.Encode(rec)
}
func (p *ploverWriter) Close() error { return nil }

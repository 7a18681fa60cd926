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

// Extra is what a stored event alone does not tell: whether it is the main
// event of its sentence and when it was first stored. LoadExtra reads it
// from a store.
type Extra struct {
	Root  bool
	Added time.Time
}

// Options adjust an export.
type Options struct {
	// Extra, when set, gives IsRootEvent and DATEADDED for GDELT rows;
	// without it IsRootEvent is 0 and DATEADDED the export time.
	Extra map[int64]Extra
	// Now is the export time (default time.Now).
	Now func() time.Time
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

// New returns a writer for a format.
func New(format string, w io.Writer, opt Options) (Writer, error) {
	switch format {
	case "gdelt":
		return &gdeltWriter{w: csvTab(w), opt: opt, now: opt.now()}, nil
	case "plover":
		e := json.NewEncoder(w)
		e.SetEscapeHTML(false)
		return &ploverWriter{enc: e, now: opt.now()}, nil
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
		return &parquetWriter{w: parquet.NewGenericWriter[ParquetRow](w, parquet.Compression(&parquet.Zstd))}, nil
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

// Row is the flat record of CSV exports.
type Row struct {
	ID            int64
	EventDate     string
	DatePrecision string
	DateSource    string
	Source        string
	SourceText    string
	Target        string
	TargetText    string
	Code          string
	Root          string
	QuadClass     int32
	Goldstein     float64
	Plover        string
	Mode          string
	Confidence    float64
	Rule          string
	NumMentions   int32
	NumSources    int32
	NumArticles   int32
	Place         string
	Country       string
	ADM1          string
	Lat           float64
	Lon           float64
	LocPrecision  string
	DocID         string
	SentenceIndex int32
	Sentence      string
	URL           string
}

// CSVHeader names the CSV columns.
var CSVHeader = []string{"id", "event_date", "date_precision", "date_source", "source", "source_text", "target", "target_text", "code", "root",
	"quad_class", "goldstein", "plover", "mode", "confidence", "rule", "num_mentions", "num_sources", "num_articles",
	"place", "country", "adm1", "lat", "lon", "loc_precision", "doc_id", "sentence_index", "sentence", "url"}

// CodePrefix starts the CSV's CAMEO code and root cells ("C010", "C01"):
// pandas' and R's readers turn a column of bare digits into integers and
// drop the leading zeros ("010" becomes 10); a column with a letter in
// every cell stays text. Strip the first character to get the CAMEO code.
const CodePrefix = "C"

// RowOf flattens a stored event.
func RowOf(e annals.StoredEvent) Row {
	r := Row{ID: e.ID, EventDate: e.EventDate, DatePrecision: e.DatePrecision, DateSource: e.DateSource, Source: e.Source, SourceText: e.SourceText,
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

func prefixed(code string) string {
	if code == "" {
		return ""
	}
	return CodePrefix + code
}

// CSVRecord is a row as CSV fields.
func CSVRecord(e annals.StoredEvent) []string {
	r := RowOf(e)
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	lat, lon := "", ""
	if e.Location != nil {
		lat, lon = f(r.Lat), f(r.Lon)
	}
	return []string{strconv.FormatInt(r.ID, 10), r.EventDate, r.DatePrecision, r.DateSource, r.Source, r.SourceText, r.Target, r.TargetText, prefixed(r.Code), prefixed(r.Root),
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

package export

import (
	"time"

	"github.com/annals-events/annals"
	"github.com/parquet-go/parquet-go"
)

// ParquetRow is the record of Parquet exports: event_date is a DATE, text
// that is missing is null (never ""), text columns are dictionary-encoded,
// and the file is zstd-compressed.
type ParquetRow struct {
	ID            int64    `parquet:"id"`
	EventDate     *int32   `parquet:"event_date,optional,date"` // days since 1970-01-01
	DatePrecision *string  `parquet:"date_precision,optional,dict"`
	DateSource    *string  `parquet:"date_source,optional,dict"`
	Source        *string  `parquet:"source,optional,dict"`
	SourceText    *string  `parquet:"source_text,optional,dict"`
	Target        *string  `parquet:"target,optional,dict"`
	TargetText    *string  `parquet:"target_text,optional,dict"`
	Code          *string  `parquet:"code,optional,dict"`
	Root          *string  `parquet:"root,optional,dict"`
	QuadClass     int32    `parquet:"quad_class"`
	Goldstein     float64  `parquet:"goldstein"`
	Plover        *string  `parquet:"plover,optional,dict"`
	Mode          *string  `parquet:"mode,optional,dict"`
	Confidence    float64  `parquet:"confidence"`
	Rule          *string  `parquet:"rule,optional,dict"`
	NumMentions   int32    `parquet:"num_mentions"`
	NumSources    int32    `parquet:"num_sources"`
	NumArticles   int32    `parquet:"num_articles"`
	Place         *string  `parquet:"place,optional,dict"`
	Country       *string  `parquet:"country,optional,dict"`
	ADM1          *string  `parquet:"adm1,optional,dict"`
	Lat           *float64 `parquet:"lat,optional"`
	Lon           *float64 `parquet:"lon,optional"`
	LocPrecision  *string  `parquet:"loc_precision,optional,dict"`
	DocID         *string  `parquet:"doc_id,optional,dict"`
	SentenceIndex int32    `parquet:"sentence_index"`
	Sentence      *string  `parquet:"sentence,optional,dict"`
	URL           *string  `parquet:"url,optional,dict"`
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ParquetRowOf flattens a stored event for Parquet.
func ParquetRowOf(e annals.StoredEvent) ParquetRow {
	r := RowOf(e)
	p := ParquetRow{ID: r.ID, DatePrecision: optString(r.DatePrecision), DateSource: optString(r.DateSource), Source: optString(r.Source), SourceText: optString(r.SourceText),
		Target: optString(r.Target), TargetText: optString(r.TargetText), Code: optString(r.Code), Root: optString(r.Root),
		QuadClass: r.QuadClass, Goldstein: r.Goldstein, Plover: optString(r.Plover), Mode: optString(r.Mode), Confidence: r.Confidence,
		Rule: optString(r.Rule), NumMentions: r.NumMentions, NumSources: r.NumSources, NumArticles: r.NumArticles,
		Place: optString(r.Place), Country: optString(r.Country), ADM1: optString(r.ADM1), LocPrecision: optString(r.LocPrecision),
		DocID: optString(r.DocID), SentenceIndex: r.SentenceIndex, Sentence: optString(r.Sentence), URL: optString(r.URL)}
	if t, err := time.Parse("2006-01-02", r.EventDate); err == nil {
		days := int32(t.Unix() / 86400)
		p.EventDate = &days
	}
	if e.Location != nil {
		lat, lon := r.Lat, r.Lon
		p.Lat, p.Lon = &lat, &lon
	}
	return p
}

type parquetWriter struct {
	w *parquet.GenericWriter[ParquetRow]
}

func (p *parquetWriter) Write(e annals.StoredEvent) error {
	_, err := p.w.Write([]ParquetRow{ParquetRowOf(e)})
	return err
}
func (p *parquetWriter) Close() error { return p.w.Close() }

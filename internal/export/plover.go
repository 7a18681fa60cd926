package export

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/annals-events/annals"
)

type ploverWriter struct {
	enc *json.Encoder
	now time.Time
}

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

var resolution = map[string]int{"country": 1, "adm1": 2, "region": 2, "city": 4, "site": 4}

// ploverContexts are annals' modes that PLOVER records as a context.
var ploverContexts = map[annals.Mode]string{annals.Hypothetical: "hypothetical", annals.Intended: "future"}

// PloverRecord is the PLOVER record of a stored event: event, mode and
// context from the CAMEO-to-PLOVER table (the lexicon's PLOVER type where
// the table has no row for the code), quad_code from the PLOVER type.
func PloverRecord(e annals.StoredEvent, coded time.Time) map[string]any {
	p, ok := Plover(e.Code)
	if !ok {
		p = PloverEntry{Event: e.Plover}
	}
	ctx := append([]string{}, p.Context...)
	if c := ploverContexts[e.Mode]; c != "" {
		ctx = append(ctx, c)
	}
	rec := map[string]any{
		"id":         strconv.FormatInt(e.ID, 10),
		"date":       e.EventDate,
		"actor":      entity(e.Source, e.SourceText),
		"event":      p.Event,
		"mode":       p.Mode,
		"context":    ctx,
		"quad_code":  PloverQuad(p.Event),
		"modality":   string(e.Mode),
		"coder":      "annals " + annals.Version,
		"coded_date": coded.Format("2006-01-02"),
		"comment":    fmt.Sprintf("CAMEO %s, Goldstein %.1f, confidence %.2f, rule %s", e.Code, e.Goldstein, e.Confidence, e.Rule),
	}
	if rec["actor"] == nil {
		rec["actor"] = []ploverEntity{}
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
	return rec
}

func (p *ploverWriter) Write(e annals.StoredEvent) error { return p.enc.Encode(PloverRecord(e, p.now)) }
func (p *ploverWriter) Close() error                     { return nil }

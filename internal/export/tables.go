package export

import (
	_ "embed"
	"strings"
)

//go:embed fips.tsv
var fipsTSV string

//go:embed fips-adm1.tsv
var adm1TSV string

//go:embed cameo2plover.tsv
var ploverTSV string

var fipsOf = map[string]string{}

// adm1Of maps a division code as annals holds it (ISO 3166-2 "PK-BA" or
// GeoNames admin1 "PK.02") to GDELT's ADM1 code ("PK02").
var adm1Of = map[string]string{}

// PloverEntry is one row of the CAMEO to PLOVER table.
type PloverEntry struct {
	Event   string
	Mode    string
	Context []string
}

var ploverOf = map[string]PloverEntry{}

func init() {
	for _, line := range strings.Split(fipsTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		fipsOf[c[0]] = c[1]
	}
	for _, line := range strings.Split(adm1TSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		code, gdelt, _ := strings.Cut(line, "\t")
		adm1Of[code] = gdelt
	}
	for _, line := range strings.Split(ploverTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		e := PloverEntry{Event: c[1], Mode: c[2]}
		if c[3] != "" {
			e.Context = strings.Split(c[3], ",")
		}
		ploverOf[c[0]] = e
	}
}

// FIPS returns the FIPS 10-4 country code for an ISO 3166-1 alpha-3 code,
// or "" when there is none.
func FIPS(iso3 string) string { return fipsOf[iso3] }

// Plover returns the PLOVER event, mode and context of a CAMEO code from
// the CAMEO-to-PLOVER table: the code's own row, else its nearest parent's
// (0871 falls back to 087, then 08). ok is false when neither the code nor
// a parent is in the table (PLOVER does not code statements, 01, or
// appeals, 02).
func Plover(code string) (PloverEntry, bool) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if e, ok := ploverOf[c]; ok {
			return e, true
		}
	}
	return PloverEntry{}, false
}

// PloverQuad is the quad class of a PLOVER event type, as the PLOVER
// reference groups the types: verbal cooperation (1), material cooperation
// (2), verbal conflict (3) and material conflict (4); 0 for none.
func PloverQuad(event string) int {
	switch event {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE":
		return 1
	case "COOPERATE", "AID", "RETREAT":
		return 2
	case "REQUEST", "ACCUSE", "REJECT", "THREATEN":
		return 3
	case "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT":
		return 4
	}
	return 0
}

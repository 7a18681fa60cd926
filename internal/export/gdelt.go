package export

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"time"

	"github.com/annals-events/annals"
)

// GDELT's actor fields: the three-letter CAMEO country (GDELT's actor
// country codes are CAMEO's, not FIPS) and up to three role codes, as
// GDELT splits them.
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

type gdeltWriter struct {
	w   *csv.Writer
	opt Options
	now time.Time
}

// GDELT's geographic types: 1 country, 2 US state, 3 US city, 4 world
// city, 5 world state (first-level division).
func gdeltGeoType(l *annals.Location) string {
	us := l.Country == "USA"
	switch l.Precision {
	case "country":
		return "1"
	case "adm1", "region": // a region or a sea: GDELT's nearest is a first-level division
		if us {
			return "2"
		}
		return "5"
	case "city", "site": // a crossing or a shoal: a point, like a city
		if us {
			return "3"
		}
		return "4"
	}
	return ""
}

// GDELTGeo returns a location's country and first-level division as
// GDELT writes them: the FIPS 10-4 country code ("PK") and the FIPS
// country code followed by the FIPS 10-4 division code ("PK02"; US states
// by postal code, "USCA"), from the table tools/genfips makes
// (fips-adm1.tsv), which knows annals' divisions by their ISO 3166-2
// codes ("PK-BA") and GeoNames admin1 codes ("PK.02"). Where the division
// is unknown, or has no FIPS code in the table, the ADM1 code is the FIPS
// country code alone, GDELT's form for a location known only to its
// country. FIPS 10-4 splits the State of Palestine into the Gaza Strip
// (GZ) and the West Bank (WE): a place in Gaza is GZ, one known only to
// be in Palestine WE, as GeoNames has it.
func GDELTGeo(l *annals.Location) (country, adm1 string) {
	if code, ok := adm1Of[l.ADM1]; ok && l.ADM1 != "" && FIPS(l.Country) != "" {
		return code[:2], code
	}
	fips := FIPS(l.Country)
	return fips, fips
}

// GDELTADM1 is the ADM1 code of GDELTGeo.
func GDELTADM1(l *annals.Location) string {
	_, adm1 := GDELTGeo(l)
	return adm1
}

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
	x, known := g.opt.Extra[e.ID]
	root := "0"
	if x.Root {
		root = "1"
	}
	rec = append(rec, root, e.Code, base, e.Root, strconv.Itoa(e.QuadClass), strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumSources), strconv.Itoa(e.NumArticles), "")
	empty := make([]string, 8)
	rec = append(rec, empty...) // Actor1Geo: annals locates the action, not the actors
	rec = append(rec, empty...)
	if l := e.Location; l != nil {
		fips, adm1 := GDELTGeo(l)
		feature := ""
		switch l.Precision {
		case "country":
			feature = fips
		case "adm1":
			feature = adm1
		}
		rec = append(rec, gdeltGeoType(l), l.Name, fips, adm1, "", strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64), feature)
	} else {
		rec = append(rec, empty...)
	}
	url := "" // SOURCEURL: the first document's URL, else its id as the citation
	if len(e.Evidence) > 0 {
		url = e.Evidence[0].URL
		if url == "" {
			url = e.Evidence[0].DocID
		}
	}
	added := g.now
	if known && !x.Added.IsZero() {
		added = x.Added.UTC()
	}
	rec = append(rec, added.Format("20060102150405"), url)
	if len(rec) != 61 {
		return fmt.Errorf("gdelt row has %d columns, want 61", len(rec))
	}
	return g.w.Write(SafeCells(rec))
}
func (g *gdeltWriter) Close() error { g.w.Flush(); return g.w.Error() }

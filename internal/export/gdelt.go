package export

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
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
	case "adm1":
		if us {
			return "2"
		}
		return "5"
	case "city":
		if us {
			return "3"
		}
		return "4"
	}
	return ""
}

// GeoNames' first-level codes are FIPS 10-4 codes except in these
// countries (GeoNames' admin1 documentation), where GDELT's FIPS code
// cannot be derived from them.
var notFIPSAdmin1 = map[string]bool{"GB": true, "CH": true, "BE": true, "ME": true}

// GDELTADM1 writes a location's first-level division as GDELT does: the
// FIPS country code followed by the FIPS 10-4 division code ("PK02", and
// "USCA" for US states, whose FIPS code GDELT writes as the postal code).
// annals holds divisions as GeoNames codes ("PK.02", FIPS-based) or ISO
// 3166-2 codes ("PK-BA"); where the FIPS division is not known, the FIPS
// country code alone is written, which is GDELT's form for a location
// known only to the country.
func GDELTADM1(l *annals.Location) string {
	fips := FIPS(l.Country)
	if fips == "" {
		return ""
	}
	a := l.ADM1
	if i := strings.IndexAny(a, ".-"); i == 2 {
		sub := a[3:]
		switch {
		case a[2] == '.' && !notFIPSAdmin1[a[:2]] && len(sub) == 2:
			return fips + sub
		case l.Country == "USA" && len(sub) == 2:
			return fips + sub
		}
	}
	return fips
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
		fips, adm1 := FIPS(l.Country), GDELTADM1(l)
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

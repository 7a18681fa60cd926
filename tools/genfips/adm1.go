package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// region is a first-level division in iso3166-2-db's data/iso3166-2.json.
type region struct {
	ISO   string            `json:"iso"`   // ISO 3166-2 code after the country
	FIPS  any               `json:"fips"`  // FIPS 10-4 code after the country (a string, at times a number)
	Admin any               `json:"admin"` // GeoNames admin1 code
	Name  string            `json:"name"`
	Names map[string]string `json:"names"`
}

type country struct {
	ISO     string   `json:"iso"`
	ISO3    string   `json:"iso3"`
	Regions []region `json:"regions"`
}

// fipsDivision is a FIPS 10-4 division code: two letters or digits.
var fipsDivision = regexp.MustCompile(`^[A-Z0-9]{2}$`)

// gaza are the ISO 3166-2 governorates of the Gaza Strip, which FIPS
// 10-4 (and GDELT) codes as a country of its own, GZ; the State of
// Palestine's other governorates are in the West Bank, WE. Written for
// annals from ISO 3166-2:PS.
var gaza = map[string]bool{"PS-DEB": true, "PS-GZA": true, "PS-KYS": true, "PS-NGZ": true, "PS-RFH": true}

// alsoNamed are names of gazetteer divisions, as the regions file spells
// them, that none of the gazetteer's own names for them match (written for
// annals).
var alsoNamed = map[string]string{"IR-03": "East Azerbaijan", "IR-17": "Kohgiluyeh and Boyer-Ahmad"}

// extraCodes are GeoNames codes the regions file lacks, with their GDELT
// code (written for annals): GeoNames files the Israeli settlements of the
// West Bank under Israel, as its division WE; FIPS 10-4 codes the West
// Bank as a country, WE.
var extraCodes = map[string]string{"IL.WE": "WE"}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return fmt.Sprint(x)
	}
	return ""
}

// nameKey folds a division's name for matching: no accents, no case, no
// punctuation, and no words such as "province" or "region".
func nameKey(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(norm.NFD.String(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) }) {
		switch w {
		case "province", "region", "oblast", "governorate", "district", "state", "county", "municipality", "prefecture", "department", "autonomous", "of", "the", "and", "va",
			"sheng", "shi", "zizhiqu", "zhuangzu", "huizu", "uygur": // China: province, municipality, autonomous region
			continue
		}
		for _, r := range w {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// adm1Table maps division codes as annals holds them (ISO 3166-2 "PK-BA",
// GeoNames admin1 "PK.02") to GDELT's ADM1 code (FIPS country and FIPS
// division, "PK02"; US states by postal code, "USCA"; in the State of
// Palestine the FIPS country alone, GZ or WE).
//
// GeoNames codes come from the regions file's admin column. ISO codes
// are those of the gazetteer's divisions (Debian's iso-codes, newer than
// the regions file), each matched by name, within its country, to the
// one division of the regions file that has that name; by its ISO code
// only where no name matches and the country's codes have not changed
// meaning (ISO 3166-2:IR was renumbered: IR-11 was Zanjan, it is now
// Sistan and Baluchestan), which a name that matches one division and a
// code that names another shows.
func adm1Table(regionsPath, gazetteerPath, fipsPath string) (map[string]string, error) {
	b, err := os.ReadFile(regionsPath)
	if err != nil {
		return nil, err
	}
	var countries map[string]country
	if err := json.Unmarshal(b, &countries); err != nil {
		return nil, fmt.Errorf("%s: %w", regionsPath, err)
	}
	fipsOf, err := readFIPS(fipsPath)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	byName := map[string]map[string]bool{} // country|name -> GDELT codes
	byISO := map[string]string{}           // ISO 3166-2 code in the regions file -> GDELT code
	for cc, c := range countries {
		cf := fipsOf[c.ISO3]
		if cf == "" {
			continue
		}
		for _, r := range c.Regions {
			f := strings.ToUpper(str(r.FIPS))
			if !fipsDivision.MatchString(f) {
				continue // none, or a GeoNames id where a code belongs
			}
			code := cf + f
			switch cc {
			case "US":
				code = cf + r.ISO // GDELT writes US states by postal code
			case "PS":
				code = f // GZ or WE: FIPS countries
			}
			if r.ISO != "" {
				byISO[cc+"-"+r.ISO] = code
			}
			if a := str(r.Admin); a != "" {
				out[cc+"."+a] = code
			}
			for _, n := range append([]string{r.Name}, values(r.Names)...) {
				if k := nameKey(n); k != "" {
					key := cc + "|" + k
					if byName[key] == nil {
						byName[key] = map[string]bool{}
					}
					byName[key][code] = true
				}
			}
		}
	}
	// the gazetteer's divisions, by name, else by code
	f, err := os.Open(gazetteerPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", gazetteerPath, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	renumbered := map[string]bool{} // countries whose ISO codes changed meaning
	var byCode []string             // divisions left to match by code
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 4 || c[0] != "A" {
			continue
		}
		iso := c[3]
		cc, _, _ := strings.Cut(iso, "-")
		if cc == "PS" {
			out[iso] = "WE"
			if gaza[iso] {
				out[iso] = "GZ"
			}
			continue
		}
		found := map[string]bool{}
		names := strings.Split(c[1], "|")
		if n, ok := alsoNamed[iso]; ok {
			names = append(names, n)
		}
		for _, n := range names {
			for code := range byName[cc+"|"+nameKey(n)] {
				found[code] = true
			}
		}
		if len(found) == 1 {
			for code := range found {
				out[iso] = code
				if old, ok := byISO[iso]; ok && old != code {
					renumbered[cc] = true
				}
			}
			continue
		}
		if byISO[iso] != "" {
			byCode = append(byCode, iso)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", gazetteerPath, err)
	}
	for _, iso := range byCode {
		if cc, _, _ := strings.Cut(iso, "-"); !renumbered[cc] {
			out[iso] = byISO[iso]
		}
	}
	for code, gdelt := range extraCodes {
		out[code] = gdelt
	}
	return out, nil
}

func values(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// readFIPS reads the country table this command writes (iso3, fips).
func readFIPS(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) >= 2 {
			m[c[0]] = c[1]
		}
	}
	return m, nil
}

func writeADM1(path string, table map[string]string) error {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(ADM1Header)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%s\n", k, table[k])
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// ADM1Header opens the generated ADM1 table, with the source's licence.
const ADM1Header = `# First-level divisions to GDELT's ADM1 codes. GENERATED by tools/genfips; do not edit.
# A division as annals holds it, by its ISO 3166-2 code (PK-BA) or its GeoNames admin1 code
# (PK.02), and its ADM1 code as GDELT writes it: the FIPS 10-4 country code and the FIPS 10-4
# division code (PK02), US states by postal code (USCA), and in the State of Palestine the
# FIPS 10-4 country alone (GZ for the Gaza Strip, WE for the West Bank).
# Source: iso3166-2-db 2.3.11 (npm package; github.com/esosedi/3166), data/iso3166-2.json:
# each division's fips, admin (GeoNames) and iso codes and names; FIPS country codes from
# fips.tsv; the ISO codes of annals' gazetteer matched to it by name (by code where no name
# matches, in countries whose codes kept their meaning); the Gaza governorates, two Iranian
# provinces' names and GeoNames' IL.WE (the West Bank's Israeli settlements: WE) added by annals.
# iso3166-2-db is under the MIT licence:
#
# MIT License
#
# Copyright (c) 2016 esosedi
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
#
# code	gdelt
`

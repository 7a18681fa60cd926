package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/export"
	"github.com/annals-events/annals/internal/store"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// inferDtype infers a CSV column's type the way pandas.read_csv does by
// default: empty cells are NaN; a column whose other cells all parse as
// integers is int64 (float64 when some are empty, since NaN is a float),
// one whose cells all parse as numbers is float64, True/False is bool,
// anything else stays object, with every cell kept as written. R's
// read.csv (type.convert) and readr decide the same way for these values.
func inferDtype(cells []string) string {
	ints, floats, bools, empty, n := true, true, true, false, 0
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			empty = true
			continue
		}
		n++
		if _, err := strconv.ParseInt(strings.TrimPrefix(c, "+"), 10, 64); err != nil {
			ints = false
		}
		if _, err := strconv.ParseFloat(c, 64); err != nil {
			floats = false
		}
		if c != "True" && c != "False" && c != "true" && c != "false" {
			bools = false
		}
	}
	switch {
	case n == 0:
		return "float64"
	case ints && !empty:
		return "int64"
	case floats:
		return "float64"
	case bools && !empty:
		return "bool"
	}
	return "object"
}

// readBack returns what a reader inferring types sees in a column: the
// cell as written for text columns, the number's formatting otherwise.
func readBack(dtype, cell string) string {
	if dtype == "object" || strings.TrimSpace(cell) == "" {
		return cell
	}
	if dtype == "int64" {
		v, _ := strconv.ParseInt(strings.TrimSpace(cell), 10, 64)
		return strconv.FormatInt(v, 10)
	}
	v, _ := strconv.ParseFloat(strings.TrimSpace(cell), 64)
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func TestInferDtype(t *testing.T) {
	for _, c := range []struct {
		cells []string
		want  string
	}{
		{[]string{"010", "190"}, "int64"}, // what loses the zero
		{[]string{"010", ""}, "float64"},
		{[]string{"1.5", "2"}, "float64"},
		{[]string{"C010", "C190"}, "object"},
		{[]string{"010", "x"}, "object"},
	} {
		if got := inferDtype(c.cells); got != c.want {
			t.Errorf("inferDtype(%q) = %s, want %s", c.cells, got, c.want)
		}
	}
}

func exportDemo(t *testing.T, dbPath, f string) (string, []byte) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "events."+f)
	if _, errs, code := runCLI(t, "", "export", "--db", dbPath, "--format", f, "-o", out); code != exitOK {
		t.Fatalf("export %s: exit %d: %s", f, code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return out, b
}

// TestCSVCodesSurviveTypeInference reads the CSV export back inferring
// column types as pandas.read_csv does: CAMEO codes stay text with their
// leading zeros, and numbers are numbers.
func TestCSVCodesSurviveTypeInference(t *testing.T) {
	dbPath := ingestDemo(t)
	out, b := exportDemo(t, dbPath, "csv")
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head, rows := rows[0], rows[1:]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	cells := func(name string) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r[col[name]])
		}
		return out
	}
	for _, name := range []string{"code", "root", "source", "target", "event_date", "doc_id"} {
		if d := inferDtype(cells(name)); d != "object" {
			t.Errorf("column %s is read as %s", name, d)
		}
	}
	for _, name := range []string{"id", "quad_class", "num_articles", "sentence_index"} {
		if d := inferDtype(cells(name)); d != "int64" {
			t.Errorf("column %s is read as %s, want int64", name, d)
		}
	}
	if d := inferDtype(cells("goldstein")); d != "float64" {
		t.Errorf("goldstein is read as %s", d)
	}
	lost, zeros := 0, 0
	for _, name := range []string{"code", "root"} {
		d := inferDtype(cells(name))
		for _, c := range cells(name) {
			code := strings.TrimPrefix(c, export.CodePrefix)
			if !strings.HasPrefix(code, "0") {
				continue
			}
			zeros++
			if got := strings.TrimPrefix(readBack(d, c), export.CodePrefix); got != code {
				lost++
				if lost <= 3 {
					t.Errorf("%s %q reads back as %q", name, c, got)
				}
			}
		}
	}
	if zeros == 0 {
		t.Fatal("no code with a leading zero in the demo")
	}
	t.Logf("%d rows; %d code/root cells with a leading zero, %d lost under inference", len(rows), zeros, lost)
	// the sidecar schema names every column
	sb, err := os.ReadFile(out + ".schema.json")
	if err != nil {
		t.Fatalf("no sidecar schema: %v", err)
	}
	var schema struct {
		Fields []struct{ Name, Type string }
	}
	if err := json.Unmarshal(sb, &schema); err != nil {
		t.Fatal(err)
	}
	if len(schema.Fields) != len(head) {
		t.Fatalf("schema has %d fields, CSV %d columns", len(schema.Fields), len(head))
	}
	for i, f := range schema.Fields {
		if f.Name != head[i] {
			t.Errorf("schema field %d is %s, CSV column %s", i, f.Name, head[i])
		}
		if (f.Name == "code" || f.Name == "root" || f.Name == "doc_id") && f.Type != "string" {
			t.Errorf("schema types %s as %s", f.Name, f.Type)
		}
	}
}

// TestParquetTypes reads the Parquet export back: event_date is a DATE,
// text columns are optional with nulls for missing text, dictionary-encoded
// and zstd-compressed.
func TestParquetTypes(t *testing.T) {
	dbPath := ingestDemo(t)
	_, b := exportDemo(t, dbPath, "parquet")
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	md := f.Metadata()
	elem := map[string]format.SchemaElement{}
	for _, e := range md.Schema {
		elem[e.Name] = e
	}
	ed := elem["event_date"]
	if ed.LogicalType.Value == nil || !strings.Contains(ed.LogicalType.String(), "DATE") {
		t.Errorf("event_date logical type %v, want DATE", ed.LogicalType.String())
	}
	for _, name := range []string{"event_date", "target", "target_text", "place", "adm1", "url", "lat"} {
		if rt, ok := elem[name].RepetitionType.Get(); !ok || rt != format.Optional {
			t.Errorf("%s is not optional (%v)", name, rt)
		}
	}
	for _, rg := range md.RowGroups {
		for _, c := range rg.Columns {
			name := strings.Join(c.MetaData.PathInSchema, ".")
			if c.MetaData.Codec != format.Zstd {
				t.Errorf("column %s compressed with %v, want zstd", name, c.MetaData.Codec)
			}
			if name == "code" || name == "source" || name == "sentence" {
				dict := false
				for _, e := range c.MetaData.Encoding {
					dict = dict || e == format.RLEDictionary || e == format.PlainDictionary
				}
				if !dict {
					t.Errorf("column %s encodings %v: no dictionary", name, c.MetaData.Encoding)
				}
			}
		}
	}
	rows, err := parquet.Read[export.ParquetRow](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	nullTargets, nullPlaces, emptyStrings := 0, 0, 0
	for _, r := range rows {
		if r.EventDate == nil || time.Unix(int64(*r.EventDate)*86400, 0).UTC().Year() != 2024 {
			t.Errorf("row %d event_date %v", r.ID, r.EventDate)
		}
		if r.Target == nil {
			nullTargets++
		}
		if r.Place == nil {
			nullPlaces++
			if r.Lat != nil {
				t.Errorf("row %d: lat without a place", r.ID)
			}
		}
		for _, s := range []*string{r.Source, r.Target, r.TargetText, r.Place, r.ADM1, r.URL, r.DocID} {
			if s != nil && *s == "" {
				emptyStrings++
			}
		}
	}
	if emptyStrings > 0 {
		t.Errorf("%d empty strings where null belongs", emptyStrings)
	}
	if nullTargets == 0 && nullPlaces == 0 {
		t.Error("no null at all: the demo has events without target or place")
	}
	t.Logf("%d rows, %d with a null target, %d with a null place", len(rows), nullTargets, nullPlaces)
}

// TestGDELTExport checks the GDELT columns annals used to get wrong:
// FIPS country codes, IsRootEvent from the sentence, SOURCEURL and
// DATEADDED from the store.
func TestGDELTExport(t *testing.T) {
	dbPath := ingestDemo(t)
	_, b := exportDemo(t, dbPath, "gdelt")
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = '\t'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var firstStored string
	db.SQL().QueryRow(`SELECT MIN(ingested_at) FROM documents`).Scan(&firstStored)
	db.Close()
	fips := map[string]bool{}
	geo := map[string]string{} // place: country and ADM1 code
	roots, urls := 0, 0
	for _, row := range rows {
		if cc := row[53]; cc != "" { // ActionGeo_CountryCode
			fips[cc] = true
			geo[row[52]] = cc + " " + row[54]
			if len(cc) != 2 {
				t.Errorf("ActionGeo_CountryCode %q is not FIPS 10-4", cc)
			}
			// the country alone, or the country and a FIPS division
			if adm1 := row[54]; !(adm1 == cc || len(adm1) == 4 && strings.HasPrefix(adm1, cc)) {
				t.Errorf("%s: ActionGeo_ADM1Code %q is not FIPS country %q and a division", row[52], adm1, cc)
			}
		}
		switch row[25] {
		case "1":
			roots++
		case "0":
		default:
			t.Errorf("IsRootEvent %q", row[25])
		}
		if row[60] != "" {
			urls++ // the demo's documents have no URL: their ids are the citation
		}
		if len(row[59]) != 14 || row[59][:8] != strings.ReplaceAll(firstStored[:10], "-", "") {
			t.Errorf("DATEADDED %q, want the day the event was stored (%s)", row[59], firstStored)
		}
	}
	for _, cc := range []string{"PK", "IR", "IS", "UP", "AF"} { // Pakistan, Iran, Israel, Ukraine, Afghanistan
		if !fips[cc] {
			t.Errorf("no event placed in FIPS %s (codes seen: %v)", cc, fips)
		}
	}
	// divisions in GDELT's FIPS codes, whichever scheme annals holds them in
	for place, want := range map[string]string{
		"Balochistan":        "PK PK02", // ISO 3166-2 PK-BA
		"Quetta":             "PK PK02", // GeoNames PK.02
		"Sistan-Baluchestan": "IR IR04", // ISO 3166-2 IR-11, which was Zanjan's code
		"Kharkiv region":     "UP UP07", // ISO 3166-2 UA-63
		"Tehran":             "IR IR26",
		"Khan Younis":        "GZ GZ", // the Gaza Strip, a FIPS country
		"Israel":             "IS IS",
	} {
		if geo[place] != want {
			t.Errorf("%s: country and ADM1 %q, want %q", place, geo[place], want)
		}
	}
	for _, iso := range []string{"PAK", "IRN", "ISR", "UKR", "UA"} { // UA: Ukraine's ISO alpha-2
		if fips[iso] {
			t.Errorf("ISO code %s in the FIPS column", iso)
		}
	}
	if roots == 0 || roots == len(rows) {
		t.Errorf("IsRootEvent is 1 in %d of %d rows: not read from the sentences", roots, len(rows))
	}
	if urls == 0 {
		t.Error("no SOURCEURL")
	}
	t.Logf("%d rows, %d root events, %d with SOURCEURL, FIPS countries %d", len(rows), roots, urls, len(fips))
}

// TestPloverExport checks that quad_code agrees with the PLOVER event
// type and that mode and context come from the CAMEO-to-PLOVER table.
func TestPloverExport(t *testing.T) {
	dbPath := ingestDemo(t)
	_, b := exportDemo(t, dbPath, "plover")
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n, withMode, withContext := 0, 0, 0
	for sc.Scan() {
		var rec struct {
			Event    string   `json:"event"`
			Mode     string   `json:"mode"`
			Context  []string `json:"context"`
			QuadCode int      `json:"quad_code"`
			Comment  string   `json:"comment"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		n++
		if q := export.PloverQuad(rec.Event); rec.QuadCode != q {
			t.Errorf("event %s has quad_code %d, want %d (%s)", rec.Event, rec.QuadCode, q, rec.Comment)
		}
		if rec.Mode != "" {
			withMode++
		}
		if len(rec.Context) > 0 {
			withContext++
		}
	}
	if n == 0 || withMode == 0 || withContext == 0 {
		t.Errorf("%d records, %d with a mode, %d with a context", n, withMode, withContext)
	}
	t.Logf("%d records, %d with a PLOVER mode, %d with a context", n, withMode, withContext)
}

// TestExportFilesAreReadable: every export, and the CSV's schema beside
// it, is written with the usual 0644.
func TestExportFilesAreReadable(t *testing.T) {
	dbPath := ingestDemo(t)
	for _, f := range []string{"csv", "jsonl", "parquet", "gdelt", "plover"} {
		out, _ := exportDemo(t, dbPath, f)
		files := []string{out}
		if f == "csv" {
			files = append(files, out+".schema.json")
		}
		for _, name := range files {
			st, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != 0o644 {
				t.Errorf("%s export %s written with mode %v, want 0644", f, filepath.Base(name), st.Mode().Perm())
			}
		}
	}
}

// section is a "## name" section of docs/formats.md.
func section(doc, name string) string {
	_, after, ok := strings.Cut(doc, "\n## "+name+"\n")
	if !ok {
		return ""
	}
	body, _, _ := strings.Cut(after, "\n## ")
	return body
}

// TestFormatsDocumentEveryColumn: docs/formats.md documents every column
// that each export writes, read from the files the export writes.
func TestFormatsDocumentEveryColumn(t *testing.T) {
	b, err := os.ReadFile("../../docs/formats.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	dbPath := ingestDemo(t)
	// a table row naming the column: "| `name` |" or among "| `a`, `name` |"
	inTable := func(sec, name string) bool {
		for _, line := range strings.Split(sec, "\n") {
			if cell, _, ok := strings.Cut(strings.TrimPrefix(line, "| "), " |"); ok && strings.HasPrefix(line, "| ") {
				for _, c := range strings.Split(cell, ", ") {
					if c == "`"+name+"`" {
						return true
					}
				}
			}
		}
		return false
	}
	_, csvb := exportDemo(t, dbPath, "csv")
	header, err := csv.NewReader(bytes.NewReader(csvb)).Read()
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range header {
		if !inTable(section(doc, "csv"), col) {
			t.Errorf("csv column %s is not in the csv table of docs/formats.md", col)
		}
	}
	// parquet: the CSV's columns, each typed in the parquet table or by
	// "every other column"
	_, pq := exportDemo(t, dbPath, "parquet")
	f, err := parquet.OpenFile(bytes.NewReader(pq), int64(len(pq)))
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, c := range f.Schema().Fields() {
		cols = append(cols, c.Name())
	}
	if strings.Join(cols, ",") != strings.Join(header, ",") || !strings.Contains(section(doc, "parquet"), "The columns are\nthose of the CSV") {
		t.Errorf("parquet columns %q; the CSV's %q", cols, header)
	}
	// gdelt: columns 1-61, each in a row of the table (single or a range)
	covered := map[int]bool{}
	for _, line := range strings.Split(section(doc, "gdelt"), "\n") {
		cell, _, ok := strings.Cut(strings.TrimPrefix(line, "| "), " |")
		if !ok || !strings.HasPrefix(line, "| ") {
			continue
		}
		lo, hi, _ := strings.Cut(cell, "-")
		a, err1 := strconv.Atoi(lo)
		z, err2 := strconv.Atoi(hi)
		if err2 != nil {
			z = a
		}
		if err1 == nil {
			for i := a; i <= z; i++ {
				covered[i] = true
			}
		}
	}
	_, g := exportDemo(t, dbPath, "gdelt")
	first, _, _ := strings.Cut(string(g), "\n")
	if n := len(strings.Split(first, "\t")); n != 61 {
		t.Errorf("gdelt rows have %d columns", n)
	}
	for i := 1; i <= 61; i++ {
		if !covered[i] {
			t.Errorf("gdelt column %d is not in the gdelt table of docs/formats.md", i)
		}
	}
	// plover and jsonl: every field of every record
	for _, format := range []string{"plover", "jsonl"} {
		_, out := exportDemo(t, dbPath, format)
		fields := map[string]bool{}
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var rec map[string]json.RawMessage
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			for k := range rec {
				fields[k] = true
			}
		}
		sec := section(doc, format)
		for k := range fields {
			// jsonl's fields are those of annals code's output (the
			// README's Output section) and the ones the section adds
			if format == "plover" && !inTable(sec, k) ||
				format == "jsonl" && !strings.Contains(sec, "`"+k+"`") && !readmeOutputField(t, k) {
				t.Errorf("%s field %s is not documented", format, k)
			}
		}
	}
}

// readmeOutputField reports whether the README's Output section names a
// field of annals code's output.
func readmeOutputField(t *testing.T, k string) bool {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, out, _ := strings.Cut(string(b), "### Output")
	out, _, _ = strings.Cut(out, "\n### ")
	return regexp.MustCompile(`[\s,` + "`" + `]` + regexp.QuoteMeta(k) + `[,` + "`" + `\s]`).MatchString(out)
}

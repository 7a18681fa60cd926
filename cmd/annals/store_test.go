package main

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/corpus"
	"github.com/annals-events/annals/internal/export"
	"github.com/annals-events/annals/internal/store"
	"github.com/parquet-go/parquet-go"
)

// buildBinary compiles annals once for the tests that run it as a process.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "annals")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func writeCorpus(t testing.TB, n int) string {
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := corpus.Generate(f, n, 42); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// checkIntegrity asserts every document is stored once and nothing is
// orphaned or half-written, in either engine.
func checkIntegrity(t *testing.T, dsn string, docs int) {
	t.Helper()
	db, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := func(query string) int {
		var n int
		if err := db.SQL().QueryRow(query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	if n := q(`SELECT COUNT(*) FROM documents`); n != docs {
		t.Errorf("%d documents stored, want %d", n, docs)
	}
	checks := map[string]string{
		"documents stored twice":      `SELECT COUNT(*) FROM (SELECT content_hash FROM documents GROUP BY content_hash HAVING COUNT(*) > 1) x`,
		"documents without sentences": `SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)`,
		"orphan sentences":            `SELECT COUNT(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.doc_id)`,
		"orphan mentions":             `SELECT COUNT(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.doc_id)`,
		"orphan evidence":             `SELECT COUNT(*) FROM evidence v WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = v.event_id) OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = v.doc_id)`,
		"events without evidence":     `SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id)`,
		"events with wrong counts":    `SELECT COUNT(*) FROM events e WHERE num_articles != (SELECT COUNT(DISTINCT doc_id) FROM evidence v WHERE v.event_id = e.id)`,
	}
	if db.Name() == "sqlite" {
		checks["full-text rows without evidence"] = `SELECT COUNT(*) FROM event_fts f WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = f.rowid)`
		checks["events without full-text rows"] = `SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_fts f WHERE f.rowid = e.id)`
	}
	for what, query := range checks {
		if n := q(query); n != 0 {
			t.Errorf("%d %s", n, what)
		}
	}
}

// TestIngestSurvivesKills kills an ingest process at random moments after
// its first commit, runs it again each time, and checks the database ends
// with every document exactly once and no partial document. (Killed at a
// random time from its start, most processes died loading the models,
// before they had written anything.)
func TestIngestSurvivesKills(t *testing.T) {
	bin := buildBinary(t)
	const docs = 1200
	in := writeCorpus(t, docs)
	dbPath := filepath.Join(t.TempDir(), "k.db")
	stored := func() int {
		db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro&_pragma=busy_timeout(1000)")
		if err != nil {
			return 0
		}
		defer db.Close()
		var n int
		db.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&n)
		return n
	}
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	kills, runs := 0, 0
	for i := 0; i < 25; i++ {
		before := stored()
		if before == docs {
			break // on a fast moment the documents can run out first
		}
		runs++
		cmd := exec.Command(bin, "ingest", "--db", dbPath, "--batch", strconv.Itoa(1+r.Intn(16)), in)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		// wait for this process's first commit, then kill it within the
		// next batch or two
		deadline := time.Now().Add(time.Minute)
	wait:
		for stored() <= before && time.Now().Before(deadline) {
			select {
			case <-exited:
				break wait
			case <-time.After(20 * time.Millisecond):
			}
		}
		time.Sleep(time.Duration(r.Intn(100)) * time.Millisecond)
		select {
		case <-exited:
		default:
			if cmd.Process.Kill() == nil {
				kills++
			}
			<-exited
		}
	}
	if kills < 15 || kills*5 < runs*4 {
		t.Fatalf("only %d kills of %d runs landed after a commit", kills, runs)
	}
	t.Logf("%d kills after the first commit; %d of %d documents stored before the final run", kills, stored(), docs)
	out, err := exec.Command(bin, "ingest", "--db", dbPath, in).CombinedOutput()
	if err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}
	checkIntegrity(t, dbPath, docs)
	// and once more: nothing new
	out, _ = exec.Command(bin, "ingest", "--db", dbPath, in).CombinedOutput()
	if !strings.Contains(string(out), "stored 0 new documents") {
		t.Errorf("second complete run stored something:\n%s", out)
	}
	// a clean single run gives the same events
	clean := filepath.Join(t.TempDir(), "clean.db")
	if out, err := exec.Command(bin, "ingest", "--db", clean, in).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	if a, b := eventKeys(t, dbPath), eventKeys(t, clean); a != b {
		t.Errorf("killed-and-resumed database differs from a clean run")
	}
}

func eventKeys(t *testing.T, path string) string {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var s string
	db.QueryRow(`SELECT group_concat(k, ';') FROM (SELECT source||'|'||target||'|'||code||'|'||event_date||'|'||num_articles AS k FROM events ORDER BY k)`).Scan(&s)
	return s
}

func ingestDemo(t *testing.T) string {
	dbPath := filepath.Join(t.TempDir(), "demo.db")
	if _, errs, code := runCLI(t, "", "ingest", "--db", dbPath, "../../internal/demo/corpus.jsonl"); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	return dbPath
}

func TestExportsReadBack(t *testing.T) {
	dbPath := ingestDemo(t)
	dir := t.TempDir()
	var want int
	{
		db, _ := store.Open(dbPath)
		db.SQL().QueryRow(`SELECT COUNT(*) FROM events WHERE mode IN ('asserted','intended','reported')`).Scan(&want)
		db.Close()
	}
	if want == 0 {
		t.Fatal("no events to export")
	}
	for _, f := range export.Formats {
		out := filepath.Join(dir, "events."+f)
		if _, errs, code := runCLI(t, "", "export", "--db", dbPath, "--format", f, "-o", out); code != exitOK {
			t.Fatalf("export %s: %s", f, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		switch f {
		case "gdelt":
			r := csv.NewReader(bytes.NewReader(b))
			r.Comma = '\t'
			rows, err := r.ReadAll()
			if err != nil || len(rows) != want {
				t.Fatalf("gdelt: %v, %d rows want %d", err, len(rows), want)
			}
			for _, row := range rows {
				if len(row) != 61 {
					t.Fatalf("gdelt row has %d columns", len(row))
				}
				for _, col := range []int{0, 29, 31, 32, 33} { // GLOBALEVENTID, QuadClass, NumMentions, NumSources, NumArticles
					if _, err := strconv.Atoi(row[col]); err != nil {
						t.Errorf("gdelt column %d %q is not an integer", col+1, row[col])
					}
				}
				if _, err := strconv.ParseFloat(row[30], 64); err != nil {
					t.Errorf("GoldsteinScale %q", row[30])
				}
				if len(row[1]) != 8 || len(row[26]) < 2 || row[26][:2] != row[28] {
					t.Errorf("SQLDATE %q, EventCode %q, EventRootCode %q", row[1], row[26], row[28])
				}
			}
		case "parquet":
			rows, err := parquet.Read[export.ParquetRow](bytes.NewReader(b), int64(len(b)))
			if err != nil || len(rows) != want {
				t.Fatalf("parquet: %v, %d rows want %d", err, len(rows), want)
			}
		case "csv":
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil || len(rows) != want+1 || strings.Join(rows[0], ",") != strings.Join(export.CSVHeader, ",") {
				t.Fatalf("csv: %v, %d rows", err, len(rows))
			}
		case "plover", "jsonl":
			sc := bufio.NewScanner(bytes.NewReader(b))
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			n := 0
			for sc.Scan() {
				var m map[string]any
				if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
					t.Fatalf("%s line %d: %v", f, n+1, err)
				}
				req := []string{"id", "code", "num_articles", "evidence"}
				if f == "plover" {
					req = []string{"id", "date", "actor", "event"}
				}
				for _, k := range req {
					if _, ok := m[k]; !ok {
						t.Errorf("%s record lacks %q", f, k)
					}
				}
				n++
			}
			if n != want {
				t.Errorf("%s: %d records, want %d", f, n, want)
			}
		}
	}
}

func TestQueryFormats(t *testing.T) {
	dbPath := ingestDemo(t)
	out, errs, code := runCLI(t, "", "query", "--db", dbPath, "--dyad", "PAK,IRN", "--format", "csv")
	if code != exitOK {
		t.Fatalf("%d %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("csv %v %d", err, len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	si, ti := col["source"], col["target"]
	if rows[0][si] != "source" || rows[0][ti] != "target" {
		t.Fatalf("csv header %q lacks source or target", rows[0])
	}
	for _, r := range rows[1:] {
		s, tg := r[si], r[ti]
		if !(strings.HasPrefix(s, "PAK") && strings.HasPrefix(tg, "IRN") || strings.HasPrefix(s, "IRN") && strings.HasPrefix(tg, "PAK")) {
			t.Errorf("dyad filter let through %s -> %s", s, tg)
		}
	}
	out, _, _ = runCLI(t, "", "query", "--db", dbPath, "--format", "table", "--root", "19")
	if !strings.Contains(out, "ASSAULT") {
		t.Errorf("table:\n%s", out)
	}
	if _, _, code := runCLI(t, "", "query", "--db", dbPath, "--dyad", "PAK"); code != exitUsage {
		t.Errorf("bad --dyad exit %d", code)
	}
	// recode reports no change with the same dictionaries
	out, _, code = runCLI(t, "", "recode", "--db", dbPath)
	if code != exitOK || !strings.Contains(out, "0 event codings added, 0 removed") {
		t.Errorf("recode: %d %s", code, out)
	}
}

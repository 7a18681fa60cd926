package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
)

// TestReadingAMissingDatabaseFails: a mistyped --db must not become an
// empty database that answers with no rows.
func TestReadingAMissingDatabaseFails(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "evnets.db")
	for _, args := range [][]string{
		{"query", "--db", missing},
		{"export", "--db", missing, "--format", "csv"},
		{"recode", "--db", missing},
		{"serve", "--db", missing, "--addr", "127.0.0.1:0"},
	} {
		_, errs, code := runCLI(t, "", args...)
		want := "annals " + args[0] + ": database " + missing + " does not exist (create it with 'annals ingest --db " + missing + " PATH...')\n"
		if code != exitFatal || errs != want {
			t.Errorf("%v: exit %d, stderr %q; want exit %d, %q", args, code, errs, exitFatal, want)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created %s", args, missing)
		}
	}
	_, errs, code := runCLI(t, "", "query", "--db", dir)
	if code != exitFatal || !strings.Contains(errs, "database "+dir+" is a folder, not a SQLite file") {
		t.Errorf("a folder as --db: exit %d, %q", code, errs)
	}
}

func TestUnsupportedDatabaseScheme(t *testing.T) {
	for _, cmd := range []string{"query", "export", "ingest", "serve", "recode"} {
		args := []string{cmd, "--db", "mysql://root@db/annals"}
		if cmd == "ingest" {
			args = append(args, "../../internal/demo/corpus.jsonl")
		}
		_, errs, code := runCLI(t, "", args...)
		want := "annals " + cmd + ": unsupported database URL scheme \"mysql\": use a file path or postgres://\n"
		if code != exitUsage || errs != want {
			t.Errorf("%s: exit %d, stderr %q; want exit %d, %q", cmd, code, errs, exitUsage, want)
		}
	}
	_, errs, code := runCLI(t, "", "query")
	if code != exitUsage || !strings.Contains(errs, "annals query: --db FILE|URL is required") {
		t.Errorf("no --db: exit %d, %q", code, errs)
	}
}

// TestFlagsAfterArguments: the flag package stops at the first argument;
// annals reads flags wherever they stand.
func TestFlagsAfterArguments(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	out, errs, code := runCLI(t, "", "ingest", "../../internal/demo/corpus.jsonl", "--db", dbPath, "--batch", "8")
	if code != exitOK || !strings.Contains(out, "stored 41 new documents") {
		t.Fatalf("ingest PATH --db: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = runCLI(t, "", "explain", "Iran condemned the Pakistani strike.", "--published", "2024-01-18")
	if code != exitOK || !strings.Contains(out, "event IRN") {
		t.Errorf("explain TEXT --published: exit %d\n%s%s", code, out, errs)
	}
	// "-" is standard input and "--" ends the flags
	out, _, code = runCLI(t, "Iran condemned the Pakistani strike.", "explain", "-", "--published", "2024-01-18")
	if code != exitOK || !strings.Contains(out, "event IRN") {
		t.Errorf("explain - --published: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "", "actors", "--", "--date")
	if code != exitOK {
		t.Errorf("actors -- --date: exit %d\n%s", code, out)
	}
	_, errs, code = runCLI(t, "", "query", dbPath, "--bogus")
	if code != exitUsage || !strings.Contains(errs, "flag provided but not defined: -bogus") {
		t.Errorf("unknown flag after an argument: exit %d, %q", code, errs)
	}
}

func TestCommandsNeedTheirArgument(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"explain"}, "annals explain: name a SENTENCE to explain, or - for standard input\n"},
		{[]string{"explain", "--published", "2024-01-18"}, "annals explain: name a SENTENCE to explain, or - for standard input\n"},
		{[]string{"actors"}, "annals actors: name a TEXT to read, or - for standard input\n"},
		{[]string{"actors", "--unknown"}, "annals actors: --unknown needs at least one PATH (or - for standard input)\n"},
		{[]string{"places"}, "annals places: name a TEXT to read, or - for standard input\n"},
		{[]string{"ingest", "--db", "x.db"}, "annals ingest: name at least one PATH (or - for standard input)\n"},
		{[]string{"eval"}, "annals eval: --gold FILE or --ud FILE is required\n"},
		{[]string{"code"}, "annals code: name at least one PATH to code (or - for standard input)\n"},
		{[]string{"code", "--published", "2024-01-18"}, "annals code: name at least one PATH to code (or - for standard input)\n"},
		{[]string{"parse"}, "annals parse: name one PATH to parse, or - for standard input\n"},
		{[]string{"parse", "a.txt", "b.txt"}, "annals parse: name one PATH to parse, or - for standard input\n"},
	} {
		_, errs, code := runCLI(t, "", c.args...)
		if code != exitUsage || errs != c.want {
			t.Errorf("%v: exit %d, stderr %q; want exit %d, %q", c.args, code, errs, exitUsage, c.want)
		}
	}
}

func TestHelpNamesBothStores(t *testing.T) {
	for _, cmd := range []string{"query", "export", "serve", "recode", "ingest"} {
		out, _, _ := runCLI(t, "", cmd, "--help")
		if !strings.Contains(out, "SQLite FILE") || !strings.Contains(out, "PostgreSQL URL") || !strings.Contains(out, "--db FILE|URL") {
			t.Errorf("%s --help does not name both stores:\n%s", cmd, out)
		}
	}
}

func TestProgressLine(t *testing.T) {
	p := newProgress(&strings.Builder{}, "ingest:")
	p.start = time.Now().Add(-10 * time.Second)
	p.total.Store(100)
	p.docs.Store(40)
	p.skipped.Store(10)
	p.coded.Store(8330)
	p.stored.Store(170)
	line := p.line(p.start.Add(10 * time.Second))
	want := "ingest: 50/100 documents (50%), 5.0/s, 10s left; 8330 events coded, 170 stored; 10 documents already stored"
	if line != want {
		t.Errorf("progress\n got %q\nwant %q", line, want)
	}
	p.total.Store(0)
	p.stored.Store(-1)
	if line := p.line(p.start.Add(10 * time.Second)); line != "ingest: 50 documents, 5.0/s; 8330 events coded; 10 documents already stored" {
		t.Errorf("progress without a total: %q", line)
	}
}

// TestIngestCountsStoredEvents: the ingest progress and summary count the
// events stored after merging, not the coder's raw events.
func TestIngestCountsStoredEvents(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	// synthetic wire copy, merged over a month and 5,000 km so that many
	// articles tell one stored event
	in := writeCorpus(t, 120)
	out, errs, code := runCLI(t, "", "ingest", "--db", dbPath, "--dedup-days", "30", "--dedup-km", "5000", in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	t.Logf("%s%s", errs, out)
	m := regexp.MustCompile(`(\d+)/120 documents \(100%\).*; (\d+) events coded, (\d+) stored`).FindStringSubmatch(errs)
	if m == nil {
		t.Fatalf("no final progress line with done/total in:\n%s", errs)
	}
	if !strings.Contains(out, "and "+m[3]+" new events (of "+m[2]+" coded)") || !strings.Contains(out, ", "+m[3]+" events (") {
		t.Errorf("stored count %s disagrees with the summary:\n%s", m[3], out)
	}
	if m[2] == m[3] {
		t.Errorf("coded %s = stored %s: the corpus repeats events across articles", m[2], m[3])
	}
}

// TestExplainAgreesWithCode: explain codes a text as annals code does (the
// events it keeps are the ones code prints), shows each event under its
// sentence, and shows the syntax stage's tree though the coder did not
// need the parser.
func TestExplainAgreesWithCode(t *testing.T) {
	txt := "Pakistan's army said it struck militant hideouts in Afghanistan. The Afghan Taliban condemned the raids, and Kabul summoned Pakistan's envoy."
	in := `{"id":"x","published":"2024-03-19","text":` + strconv.Quote(txt) + "}\n"
	out, errs, code := runCLI(t, in, "code", "-")
	if code != exitOK {
		t.Fatalf("code: exit %d\n%s", code, errs)
	}
	var coded []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var e annals.Event
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("code output %q: %v", l, err)
		}
		coded = append(coded, fmt.Sprintf("%d %s>%s %s", e.SentenceIndex, e.Source, e.Target, e.Code))
	}
	out, errs, code = runCLI(t, txt, "explain", "-", "--published", "2024-03-19")
	if code != exitOK {
		t.Fatalf("explain: exit %d\n%s", code, errs)
	}
	var explained []string
	sent, rels := -1, 0
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		var n int
		if _, err := fmt.Sscanf(l, "sentence %d:", &n); err == nil {
			sent = n
		}
		if strings.Contains(l, " nsubj ") {
			rels++
		}
		var src, tgt, c string
		if _, err := fmt.Sscanf(l, "  event %s -> %s %s", &src, &tgt, &c); err == nil {
			kept := !(i+2 < len(lines) && strings.Contains(lines[i+2], "not kept"))
			if tgt == "-" {
				tgt = ""
			}
			if kept {
				explained = append(explained, fmt.Sprintf("%d %s>%s %s", sent, src, tgt, c))
			}
		}
	}
	sort.Strings(coded)
	sort.Strings(explained)
	if len(coded) == 0 || strings.Join(coded, "; ") != strings.Join(explained, "; ") {
		t.Errorf("explain keeps %q, code prints %q", explained, coded)
	}
	if rels == 0 {
		t.Errorf("explain shows no tree:\n%s", out)
	}
}

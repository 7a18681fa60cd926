package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/actors"
	"github.com/annals-events/annals/internal/coder"
)

func runCLI(t testing.TB, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, strings.NewReader(stdin))
	return out.String(), errb.String(), code
}

func events(t *testing.T, s string) []annals.Event {
	t.Helper()
	var evs []annals.Event
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var e annals.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		evs = append(evs, e)
	}
	return evs
}

func TestCodeContract(t *testing.T) {
	out, errs, code := runCLI(t, "Pakistan's Air Force carried out strikes on militants inside Iran.", "code", "--published", "2024-01-18", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	evs := events(t, out)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	var raw map[string]any
	json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &raw)
	for _, k := range []string{"doc_id", "event_id", "sentence_index", "sentence", "source", "source_text", "target", "target_text", "code", "root", "quad_class", "goldstein", "plover", "mode", "event_date", "date_precision", "date_source", "location", "confidence", "rule", "mentions"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("event lacks field %q", k)
		}
	}
	e := evs[0]
	if e.Source != "PAKMIL" || e.Root != "19" || e.Mode != annals.Asserted || e.EventDate != "2024-01-18" || e.Rule == "" {
		t.Errorf("event %+v", e)
	}
}

func TestCodeSkipsBadInputsAndExitsOne(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Iran condemned the Pakistani strike."), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	out, errs, code := runCLI(t, "", "code", good, empty, filepath.Join(dir, "missing.txt"))
	if code != exitSkipped {
		t.Errorf("exit %d, want %d", code, exitSkipped)
	}
	if !strings.Contains(errs, "empty.txt: empty input") || !strings.Contains(errs, "missing.txt") {
		t.Errorf("stderr does not name the bad inputs:\n%s", errs)
	}
	if len(events(t, out)) == 0 {
		t.Error("the good input was not coded")
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, c := range commands {
		args := []string{c.name, "--help"}
		if c.name == "dict" {
			args = []string{"dict", "check", "--help"}
		}
		out, errs, code := runCLI(t, "", args...)
		if strings.Count(out+errs, "Usage:") != 1 {
			t.Errorf("%s --help: usage printed %d times", c.name, strings.Count(out+errs, "Usage:"))
		}
		if code != exitOK || !strings.Contains(out, "Usage: annals "+c.name) || c.name != "version" && !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help: exit %d\n%s", c.name, code, out)
		}
	}
	if _, _, code := runCLI(t, "", "frobnicate"); code != exitUsage {
		t.Errorf("unknown command exit %d", code)
	}
	if _, _, code := runCLI(t, "", "code", "--published", "18/01/2024", "-"); code != exitUsage {
		t.Errorf("bad date exit %d", code)
	}
}

func TestDemo(t *testing.T) {
	out, errs, code := runCLI(t, "", "demo", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	evs := events(t, out)
	dyads := map[string]bool{}
	for _, e := range evs {
		if len(e.Source) >= 3 && len(e.Target) >= 3 {
			dyads[e.Source[:3]+"-"+e.Target[:3]] = true
		}
	}
	for _, d := range []string{"IRN-PAK", "PAK-IRN", "PAK-AFG", "IRN-ISR", "RUS-UKR"} {
		if !dyads[d] {
			t.Errorf("demo has no %s event", d)
		}
	}
}

func TestDictCheck(t *testing.T) {
	out, errs, code := runCLI(t, "", "dict", "check")
	if code != exitOK || !strings.Contains(out, "ok") {
		t.Fatalf("dict check on shipped dictionaries: exit %d\n%s%s", code, out, errs)
	}
	// Plant errors in a copy of the actor dictionaries.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.tsv"), []byte("pakistan\tPAK\t\t\ttest\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.tsv"), []byte("# header\nimran khan\tPAKGOV\t2018-13-01\t\ttest\nfoo\tXXXGOV\t\t\ttest\nbar\tPAKZZZ\t\t\ttest\nbaz\tPAK\t2020-01-01\t2019-01-01\ttest\nonly two\tcolumns\n"), 0o644)
	_, errs, code = runCLI(t, "", "dict", "check", "--actors-dir", dir)
	if code != exitSkipped {
		t.Errorf("planted errors: exit %d", code)
	}
	for _, w := range []string{"bad.tsv:2: from: bad date", "bad.tsv:3: unknown country", "bad.tsv:4: unknown role", "bad.tsv:5: until", "bad.tsv:6: want 5"} {
		if !strings.Contains(errs, w) {
			t.Errorf("dict check output lacks %q:\n%s", w, errs)
		}
	}
	// and a broken lexicon
	ldir := t.TempDir()
	os.WriteFile(filepath.Join(ldir, "cameo.tsv"), []byte("190\tUse force\t-10\t19\t4\t4\tASSAULT\n"), 0o644)
	os.WriteFile(filepath.Join(ldir, "verbs.tsv"), []byte("attack\t\t190\tok\nstrike\t\t999\tbad\nattack\t\t190\tagain\n"), 0o644)
	_, errs, code = runCLI(t, "", "dict", "check", "--lexicon-dir", ldir)
	if code != exitSkipped || !strings.Contains(errs, "verbs.tsv:2: unknown CAMEO code \"999\"") {
		t.Errorf("lexicon check: exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, "verbs.tsv:3: duplicate of verbs.tsv:1") {
		t.Errorf("lexicon check misses a duplicate row:\n%s", errs)
	}
}

func TestVersion(t *testing.T) {
	out, _, code := runCLI(t, "", "version")
	if code != exitOK || !strings.HasPrefix(out, "annals "+annals.Version) {
		t.Errorf("version: %q", out)
	}
}

// TestDictCheckLongLine: a 2 MB line in a dictionary or the lexicon fails
// dict check with its file and line (a line scanner's limit used to end
// the file silently and the check said ok).
func TestDictCheckLongLine(t *testing.T) {
	long := strings.Repeat("x", 2<<20) + "\n"
	copyWith := func(src fs.FS, file string) string {
		dir := t.TempDir()
		names, _ := fs.Glob(src, "*.tsv")
		for _, n := range names {
			b, err := fs.ReadFile(src, n)
			if err != nil {
				t.Fatal(err)
			}
			if n == file {
				b = append([]byte(long), b...)
			}
			if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	_, errs, code := runCLI(t, "", "dict", "check", "--actors-dir", copyWith(actors.Embedded(), "countries.tsv"))
	if code != exitSkipped || !strings.Contains(errs, "countries.tsv:1: want 5") {
		t.Errorf("2 MB line in countries.tsv: exit %d\n%.300s", code, errs)
	}
	_, errs, code = runCLI(t, "", "dict", "check", "--lexicon-dir", copyWith(coder.Embedded(), "verbs.tsv"))
	if code != exitSkipped || !strings.Contains(errs, "verbs.tsv:1: want") {
		t.Errorf("2 MB line in verbs.tsv: exit %d\n%.300s", code, errs)
	}
}

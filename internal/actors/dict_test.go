package actors

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// withLine is a copy of the embedded dictionaries with line inserted
// before the first row of file.
func withLine(t *testing.T, file, line string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	names, err := fs.Glob(Embedded(), "*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(Embedded(), n)
		if err != nil {
			t.Fatal(err)
		}
		if n == file {
			b = append([]byte(line+"\n"), b...)
		}
		m[n] = &fstest.MapFile{Data: b}
	}
	return m
}

// TestLoadLongLine: a 2 MB line neither ends a dictionary file silently
// (bufio.Scanner's limit dropped every row after it) nor passes unnoticed.
func TestLoadLongLine(t *testing.T) {
	want, err := Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 2<<20)
	d, err := Load(withLine(t, "countries.tsv", "# "+long))
	if err != nil {
		t.Fatalf("a 2 MB comment line: %v", err)
	}
	if d.Entries != want.Entries {
		t.Errorf("a 2 MB comment line in countries.tsv: %d phrases, want %d", d.Entries, want.Entries)
	}
	_, err = Load(withLine(t, "countries.tsv", long))
	if err == nil || !strings.Contains(err.Error(), "countries.tsv:1: want 5 tab-separated columns") {
		t.Errorf("a 2 MB malformed row: %v", err)
	}
}

// FuzzLoad checks the dictionary loader never panics and either loads or
// names its problems.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("pakistan\tPAK\t\t\ttest\n"))
	f.Add([]byte("imran khan\tPAKGOV\t2018-08-18\t2022-04-10\ttest\r\n# c\n\n"))
	f.Add([]byte("~police\t~COP\t\t\ttest\nx\t---GOV\t\t\tt\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Load(fstest.MapFS{"f.tsv": &fstest.MapFile{Data: b}})
		if err == nil && d == nil {
			t.Fatal("no dictionary and no error")
		}
		if err != nil && d != nil {
			t.Fatal("a partly loaded dictionary with an error")
		}
	})
}

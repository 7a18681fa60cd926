package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/ingest"
	"github.com/annals-events/annals/internal/pipeline"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

// storeUncoded stores the articles of a corpus file as documents without
// codings, as an earlier ingest would have stored them (ids and content
// hashes are what a re-ingest compares), without loading any model.
func storeUncoded(t testing.TB, dsn, corpusPath string) int {
	t.Helper()
	db, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs []*annals.CodedDocument
	ingest.Read([]string{corpusPath}, ingest.Options{LocalLinks: true}, func(a *annals.Article) error {
		docs = append(docs, &annals.CodedDocument{Article: a, ContentHash: ingest.ContentHash(a.Text), Sentences: []annals.Span{{Start: 0, End: len(a.Text)}}})
		return nil
	}, func(e *ingest.InputError) { t.Fatal(e) })
	for lo := 0; lo < len(docs); lo += 500 {
		if _, err := db.Add(context.Background(), docs[lo:min(len(docs), lo+500)]); err != nil {
			t.Fatal(err)
		}
	}
	return len(docs)
}

// BenchmarkReingestStored: annals ingest of a 2,000-document corpus that is
// already stored (issue 16: under 0.2 s).
func BenchmarkReingestStored(b *testing.B) {
	in := writeCorpus(b, 2000)
	dbPath := filepath.Join(b.TempDir(), "r.db")
	storeUncoded(b, dbPath, in)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out, errs, code := runCLI(b, "", "ingest", "--db", dbPath, in); code != exitOK {
			b.Fatalf("exit %d: %s%s", code, out, errs)
		}
	}
}

// TestReingestLoadsNoModel: ingest of documents that are all stored (by
// id or by content) reports them and loads no model; one new document
// among them loads the models and is the only one stored. (pipeline.Built
// counts for the whole process: this package's tests do not run in
// parallel.)
func TestReingestLoadsNoModel(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			dsn := b.DSN(t)
			in := writeCorpus(t, 1200) // more than one look-up's batch
			storeUncoded(t, dsn, in)
			before := pipeline.Built()
			out, errs, code := runCLI(t, "", "ingest", "--db", dsn, "--batch", "7", in)
			if code != exitOK {
				t.Fatalf("exit %d: %s%s", code, out, errs)
			}
			if n := pipeline.Built() - before; n != 0 {
				t.Errorf("re-ingest of a stored corpus loaded the pipeline %d times", n)
			}
			if !strings.Contains(errs, "1200/1200 documents (100%)") || !strings.Contains(errs, "; 1200 documents already stored") {
				t.Errorf("progress does not count 1200 stored documents:\n%s", errs)
			}
			if !strings.Contains(out, "stored 0 new documents and 0 new events (of 0 coded)") || !strings.Contains(out, "now holds 1200 documents, 0 events") {
				t.Errorf("summary:\n%s", out)
			}

			// the same texts under new ids, the same ids with new texts,
			// and one new article
			body, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitAfter(strings.TrimSpace(string(body)), "\n")
			mixed := filepath.Join(t.TempDir(), "mixed.jsonl")
			var b strings.Builder
			b.WriteString(strings.Replace(lines[0], `"id":"`, `"id":"copy-`, 1))
			b.WriteString(strings.Replace(lines[1], `"text":"`, `"text":"Updated: `, 1))
			b.WriteString(`{"id":"fresh-1","published":"2024-03-01","title":"New","text":"Pakistan carried out air strikes on militant hideouts inside Iran on Tuesday."}` + "\n")
			b.WriteString(strings.Join(lines[2:], ""))
			if err := os.WriteFile(mixed, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errs, code = runCLI(t, "", "ingest", "--db", dsn, mixed)
			if code != exitOK {
				t.Fatalf("exit %d: %s%s", code, out, errs)
			}
			if n := pipeline.Built() - before; n != 1 {
				t.Errorf("a new document loaded the pipeline %d times, want once", n)
			}
			if !strings.Contains(errs, "1201/1201 documents (100%)") || !strings.Contains(errs, "; 1200 documents already stored") {
				t.Errorf("progress does not count 1200 stored documents of 1201:\n%s", errs)
			}
			if !strings.Contains(out, "stored 1 new documents and ") || !strings.Contains(out, "now holds 1201 documents") {
				t.Errorf("summary:\n%s", out)
			}
			db, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if known, err := db.HasMany(context.Background(), []store.DocKey{{ID: "fresh-1"}}); err != nil || !known[0] {
				t.Errorf("the new article is not stored: %v %v", known, err)
			}
		})
	}
}

// TestIngestMissingDictionaryFolder: a mistyped --actors-dir fails before
// anything is read, though the models load only when needed.
func TestIngestMissingDictionaryFolder(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "m.db")
	_, errs, code := runCLI(t, "", "ingest", "--db", dbPath, "--actors-dir", filepath.Join(t.TempDir(), "nope"), writeCorpus(t, 3))
	if code != exitFatal || !strings.Contains(errs, "--actors-dir") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

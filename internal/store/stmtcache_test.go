package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// TestReadStatementsKept: a SQLite read is prepared once and kept by its
// text, concurrent callers share it and get their own answers, no more
// than maxReadStmts are kept, and a text past the bound (or one that does
// not prepare) still runs, unprepared.
func TestReadStatementsKept(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	ask := func(q string, arg int) (int, error) {
		var n int
		err := db.queryRow(ctx, nil, q, arg).Scan(&n)
		return n, err
	}
	if n, err := ask(`SELECT ? + 1`, 1); err != nil || n != 2 {
		t.Fatalf("SELECT 1 + 1: %d %v", n, err)
	}
	kept := db.reads.m[`SELECT ? + 1`]
	if kept == nil {
		t.Fatal("the read was not kept")
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				if n, err := ask(`SELECT ? + 1`, g*1000+i); err != nil || n != g*1000+i+1 {
					t.Errorf("%d + 1: %d %v", g*1000+i, n, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if len(db.reads.m) != 1 || db.reads.m[`SELECT ? + 1`] != kept {
		t.Errorf("%d statements kept after the same text 800 times, or another one", len(db.reads.m))
	}
	for i := range maxReadStmts + 10 {
		q := fmt.Sprintf(`SELECT ? + %d`, i+2)
		if n, err := ask(q, 1); err != nil || n != i+3 {
			t.Fatalf("%s: %d %v", q, n, err)
		}
	}
	if len(db.reads.m) != maxReadStmts {
		t.Errorf("%d statements kept, want the bound %d", len(db.reads.m), maxReadStmts)
	}
	if _, err := ask(`SELECT ? + FROM nowhere`, 1); err == nil {
		t.Error("a statement that does not prepare ran")
	}
}

package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

// Each error here comes from a real server or file, not a made-up value.

func TestTransientConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close() // nothing listens there now
	_, err = store.Open(fmt.Sprintf("postgres://annals:annals@127.0.0.1:%d/annals?sslmode=disable&connect_timeout=5", port))
	if err == nil || !store.Transient(err) {
		t.Fatalf("connection refused: Transient(%v) = false", err)
	}
	t.Logf("transient: %v", err)
	if store.Transient(errors.New("parse JSON: unexpected character")) || store.Transient(nil) {
		t.Error("a data error is transient")
	}
}

func TestTransientSQLiteBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	open := func() *sql.DB {
		d, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		return d
	}
	a, b := open(), open()
	tx, err := a.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`INSERT INTO documents (id, content_hash, text, ingested_at, source) VALUES ('a', 'h', 't', '', 's')`); err != nil {
		t.Fatal(err)
	}
	_, err = b.Exec(`INSERT INTO documents (id, content_hash, text, ingested_at, source) VALUES ('b', 'h2', 't', '', 's')`)
	if err == nil || !store.Transient(err) {
		t.Fatalf("a second writer: Transient(%v) = false", err)
	}
	t.Logf("transient: %v", err)
	// a constraint failure is the data's fault
	_, err = tx.Exec(`INSERT INTO documents (id, content_hash, text, ingested_at, source) VALUES ('a', 'h', 't', '', 's')`)
	if err == nil || store.Transient(err) {
		t.Fatalf("a duplicate key: Transient(%v) = true", err)
	}
}

func TestTransientPostgres(t *testing.T) {
	dsn := storetest.PostgresURL(t)
	if dsn == "" {
		t.Skip("no PostgreSQL test server ($ANNALS_TEST_POSTGRES)")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.Exec(`CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 0), (2, 0)`); err != nil {
		t.Fatal(err)
	}
	// permanent: a syntax error, a duplicate key
	_, err = db.Exec(`SELEKT 1`)
	if err == nil || store.Transient(err) {
		t.Errorf("syntax error: Transient(%v) = true", err)
	}
	_, err = db.Exec(`INSERT INTO t VALUES (1, 0)`)
	if err == nil || store.Transient(err) {
		t.Errorf("duplicate key: Transient(%v) = true", err)
	}

	// 40P01: two transactions lock the rows in opposite orders
	txs := make([]*sql.Tx, 2)
	for i := range txs {
		if txs[i], err = db.BeginTx(ctx, nil); err != nil {
			t.Fatal(err)
		}
		defer txs[i].Rollback()
		if _, err := txs[i].Exec(`UPDATE t SET v = v + 1 WHERE id = $1`, i+1); err != nil {
			t.Fatal(err)
		}
	}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range txs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = txs[i].Exec(`UPDATE t SET v = v + 1 WHERE id = $1`, 2-i)
			if errs[i] != nil {
				txs[i].Rollback()
			} else {
				txs[i].Commit()
			}
		}()
	}
	wg.Wait()
	deadlock := errors.Join(errs...)
	if deadlock == nil || !strings.Contains(deadlock.Error(), "40P01") || !store.Transient(deadlock) {
		t.Errorf("deadlock: Transient(%v) = false", deadlock)
	}

	// 40001: two serializable transactions read what the other writes
	for i := range txs {
		if txs[i], err = db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}); err != nil {
			t.Fatal(err)
		}
		defer txs[i].Rollback()
		var n int
		if err := txs[i].QueryRow(`SELECT sum(v) FROM t`).Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	var serr error
	for i := range txs {
		if _, err := txs[i].Exec(`UPDATE t SET v = v + 1 WHERE id = $1`, i+1); err != nil {
			serr = err
			continue
		}
		if err := txs[i].Commit(); err != nil {
			serr = err
		}
	}
	if serr == nil || !strings.Contains(serr.Error(), "40001") || !store.Transient(serr) {
		t.Errorf("serialization failure: Transient(%v) = false", serr)
	}

	// 57P01: the server ends a session
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var pid int
	conn.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid)
	if _, err := db.Exec(`SELECT pg_terminate_backend($1)`, pid); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	_, err = conn.ExecContext(ctx, `SELECT 1`)
	if err == nil || !store.Transient(err) {
		t.Errorf("terminated session: Transient(%v) = false", err)
	}
	t.Logf("transient: %v; %v; %v", deadlock, serr, err)
}

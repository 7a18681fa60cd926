package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/annals-events/annals/internal/store"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// PostgresURL returns a fresh, empty database on the test server and
// drops it when the test ends; "" when there is no server.
func PostgresURL(t testing.TB) string {
	admin := os.Getenv("ANNALS_TEST_POSTGRES")
	if admin == "" {
		if os.Getenv("ANNALS_REQUIRE_POSTGRES") == "1" {
			t.Fatal("ANNALS_TEST_POSTGRES is not set: scripts/test starts PostgreSQL and sets it")
		}
		return ""
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	name := fmt.Sprintf("annals_test_%d_%d", time.Now().UnixNano()%1e9, rand.Intn(1e6))
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		db.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		db.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Backend is a named way to open a fresh store.
type Backend struct {
	Name string
	Open func(t testing.TB) *store.DB
	DSN  func(t testing.TB) string
}

// Backends lists SQLite and, when configured, PostgreSQL.
func Backends(t testing.TB) []Backend {
	bs := []Backend{{Name: "sqlite", DSN: func(t testing.TB) string { return filepath.Join(t.TempDir(), "test.db") }}}
	if os.Getenv("ANNALS_TEST_POSTGRES") != "" || os.Getenv("ANNALS_REQUIRE_POSTGRES") == "1" {
		bs = append(bs, Backend{Name: "postgres", DSN: PostgresURL})
	}
	for i := range bs {
		dsn := bs[i].DSN
		bs[i].Open = func(t testing.TB) *store.DB {
			db, err := store.Open(dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}
	}
	return bs
}

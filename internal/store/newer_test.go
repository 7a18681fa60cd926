package store_test

import (
	"errors"
	"testing"

	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/storetest"
)

// TestNewerSchemaRefused: a store a newer annals migrated past this one's
// migrations is not opened (so older code never writes to tables it does
// not keep), with an error that names the versions; one at this
// annals's own version opens again.
func TestNewerSchemaRefused(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			dsn := b.DSN(t)
			db, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			var v int
			if err := db.SQL().QueryRow(`SELECT MAX(version) FROM schema_version`).Scan(&v); err != nil {
				t.Fatal(err)
			}
			if _, err := db.SQL().Exec(`INSERT INTO schema_version (version) VALUES (9999)`); err != nil {
				t.Fatal(err)
			}
			db.Close()
			_, err = store.Open(dsn)
			if !errors.Is(err, store.ErrNewerSchema) {
				t.Fatalf("open a version-9999 store: %v, want ErrNewerSchema", err)
			}
			t.Log(err)
			// the same store at this annals's version opens
			raw, err := store.OpenVersion(dsn, v)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.SQL().Exec(`DELETE FROM schema_version WHERE version = 9999`); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			again, err := store.Open(dsn)
			if err != nil {
				t.Fatalf("reopen at version %d: %v", v, err)
			}
			again.Close()
		})
	}
}

package gendata_test

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/gendata"
	"github.com/annals-events/annals/internal/store/storetest"
)

// tables are those Generate fills and those a rebuild makes from them.
var tables = []string{"documents", "sentences", "events", "evidence", "event_docs", "places", "sum_dyad_days", "sum_actors", "sum_pairs",
	"sum_dyads", "sum_dyad_months", "sum_actor_months", "sum_dyad_years", "sum_actor_years", "event_days", "sum_pair_days", "sum_pair_weeks", "sum_country_years"}

// TestBulkGenerateSameRows: the bulk path (indexes made after the load)
// writes exactly the rows of the ordinary one, and after a rebuild the
// same summaries, full-text rows and indexes, in SQLite and PostgreSQL.
func TestBulkGenerateSameRows(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			var dumps [2]map[string][]string
			var indexes [2][]string
			for i, gen := range []func(context.Context, *sql.DB, string, int, int64) error{gendata.Generate, gendata.GenerateBulk} {
				db := b.Open(t)
				if err := gen(ctx, db.SQL(), db.Name(), 2500, 7); err != nil {
					t.Fatal(err)
				}
				if err := db.Rebuild(ctx); err != nil {
					t.Fatal(err)
				}
				dumps[i] = map[string][]string{}
				for _, tb := range append(tables, "event_fts") {
					dumps[i][tb] = dump(t, db, tb)
				}
				indexes[i] = indexDefs(t, db)
			}
			for _, tb := range append(tables, "event_fts") {
				if len(dumps[0][tb]) == 0 {
					t.Errorf("%s: no rows: the comparison tests nothing", tb)
				}
				if !reflect.DeepEqual(dumps[0][tb], dumps[1][tb]) {
					t.Errorf("%s: %d rows by the ordinary path, %d by the bulk path, or they differ", tb, len(dumps[0][tb]), len(dumps[1][tb]))
				}
			}
			if len(indexes[0]) < 20 || !reflect.DeepEqual(indexes[0], indexes[1]) {
				var only [2][]string
				for i := range 2 {
					for _, x := range indexes[i] {
						if !slices.Contains(indexes[1-i], x) {
							only[i] = append(only[i], x)
						}
					}
				}
				t.Errorf("%d indexes by the ordinary path, %d by the bulk path; only in the ordinary: %.20q; only in the bulk: %.20q", len(indexes[0]), len(indexes[1]), only[0], only[1])
			}
		})
	}
}

// dump is every row of a table as text, sorted (event_fts: which events
// each word of a probe list finds, as its text cannot be read back).
func dump(t *testing.T, db *store.DB, table string) []string {
	t.Helper()
	q := `SELECT * FROM ` + table
	if table == "event_fts" {
		q = `SELECT rowid FROM event_fts WHERE event_fts MATCH 'struck OR Kabul OR archive'`
		if db.Name() == "postgres" {
			q = `SELECT event_id FROM event_fts WHERE tsv @@ to_tsquery('english', 'struck | Kabul | archive')`
		}
	}
	rows, err := db.SQL().Query(q + ` ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, v := range vals {
			if x, ok := v.([]byte); ok {
				v = string(x)
			}
			fmt.Fprintf(&b, "%v|", v)
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	// ORDER BY 1 leaves ties in any order
	slices.Sort(out)
	return out
}

// indexDefs are the definitions of the store's indexes, sorted.
func indexDefs(t *testing.T, db *store.DB) []string {
	t.Helper()
	q := `SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`
	if db.Name() == "postgres" {
		q = `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()`
	}
	rows, err := db.SQL().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

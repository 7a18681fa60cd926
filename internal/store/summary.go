package store

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
)

// sums are the changes a write transaction makes to the summary tables
// (migration 0003), gathered per key and applied once, in key order, just
// before the transaction commits: one upsert per touched summary row
// rather than per event, and concurrent PostgreSQL writers lock summary
// rows in the same order, so they cannot deadlock on them.
type sums struct {
	dyad  map[dyadKey]*dyadVal
	month map[dyadKey]*dyadVal // day holds the month
	year  map[dyadKey]*dyadVal // day holds the year
	amon  map[actorMonth]int64
	ayear map[actorMonth]int64 // month holds the year
	cyear map[actorMonth]int64 // month holds the year, code the country prefix (migration 0013)
	pair  map[pairKey]*pairVal // by actor codes
	pair3 map[pairKey]*pairVal // by country prefixes
	actor map[actorKey]int64
	days  map[string][2]int64     // the least and greatest id of new events by date
	pday  map[pairDay]*pairDayVal // by country pair either way and day (migration 0013)
	pweek map[pairDay]*pairDayVal // day holds the week's Monday
}

// pairDay keys sum_pair_days and sum_pair_weeks: a country pair in
// either direction (a3 <= b3), a day or week, a mode.
type pairDay struct{ a3, b3, day, mode string }

// pairDayVal is a pair's events of a day or week: all of them, those of
// each quad class (q[1]..q[4]) and their Goldstein scores in hundredths.
type pairDayVal struct {
	events, g100 int64
	q            [5]int64
}

type dyadKey struct {
	src3, tgt3, day string
	quad            int
	mode            string
}

type dyadVal struct{ events, g100 int64 }

type pairKey struct{ source, target, mode string }

type pairVal struct{ events, coop, conflict, g100 int64 }

type actorKey struct{ code, mode string }

type actorMonth struct{ month, code, mode string }

func newSums() *sums {
	return &sums{dyad: map[dyadKey]*dyadVal{}, month: map[dyadKey]*dyadVal{}, year: map[dyadKey]*dyadVal{}, amon: map[actorMonth]int64{}, ayear: map[actorMonth]int64{}, cyear: map[actorMonth]int64{}, pair: map[pairKey]*pairVal{}, pair3: map[pairKey]*pairVal{}, actor: map[actorKey]int64{}, days: map[string][2]int64{},
		pday: map[pairDay]*pairDayVal{}, pweek: map[pairDay]*pairDayVal{}}
}

// first7 is the month of a date, as substr(day, 1, 7).
func first7(day string) string {
	if len(day) > 7 {
		return day[:7]
	}
	return day
}

// first4 is the year of a date or month, as substr(day, 1, 4).
func first4(day string) string {
	if len(day) > 4 {
		return day[:4]
	}
	return day
}

// first3 is SQL's substr(s, 1, 3): three characters.
func first3(s string) string {
	n := 0
	for i := range s {
		if n == 3 {
			return s[:i]
		}
		n++
	}
	return s
}

// g100 is a Goldstein score in hundredths, as the summaries sum it
// (ROUND: half away from zero, as math.Round).
func g100(g float64) int64 { return int64(math.Round(g * 100)) }

// add counts an event in (n = 1) or out (n = -1).
func (m *sums) add(source, target string, quad int, goldstein float64, mode, day string, n int64) {
	g := g100(goldstein) * n
	dk := dyadKey{first3(source), first3(target), day, quad, mode}
	addDyad(m.dyad, dk, g, n)
	mk := dk
	mk.day = first7(day)
	addDyad(m.month, mk, g, n)
	yk := dk
	yk.day = first4(day)
	addDyad(m.year, yk, g, n)
	m.amon[actorMonth{mk.day, source, mode}] += n
	m.amon[actorMonth{mk.day, target, mode}] += n
	m.ayear[actorMonth{yk.day, source, mode}] += n
	m.ayear[actorMonth{yk.day, target, mode}] += n
	m.cyear[actorMonth{yk.day, dk.src3, mode}] += n
	m.cyear[actorMonth{yk.day, dk.tgt3, mode}] += n
	addPair(m.pair, pairKey{source, target, mode}, quad, g, n)
	addPair(m.pair3, pairKey{dk.src3, dk.tgt3, mode}, quad, g, n)
	m.actor[actorKey{source, mode}] += n
	m.actor[actorKey{target, mode}] += n
	pk := pairDay{dk.src3, dk.tgt3, day, mode}
	if pk.b3 < pk.a3 {
		pk.a3, pk.b3 = pk.b3, pk.a3
	}
	addPairDay(m.pday, pk, quad, g, n)
	if day != "" {
		pk.day = bucketOf(day, IntervalWeek)
		addPairDay(m.pweek, pk, quad, g, n)
	}
}

func addPairDay(m map[pairDay]*pairDayVal, k pairDay, quad int, g, n int64) {
	p := m[k]
	if p == nil {
		p = &pairDayVal{}
		m[k] = p
	}
	p.events += n
	p.g100 += g
	if quad >= 1 && quad <= 4 {
		p.q[quad] += n
	}
}

// stored widens the id window of the new event id's date.
func (m *sums) stored(day string, id int64) {
	w, ok := m.days[day]
	if !ok {
		w = [2]int64{id, id}
	}
	m.days[day] = [2]int64{min(w[0], id), max(w[1], id)}
}

func addDyad(m map[dyadKey]*dyadVal, k dyadKey, g, n int64) {
	d := m[k]
	if d == nil {
		d = &dyadVal{}
		m[k] = d
	}
	d.events += n
	d.g100 += g
}

func addPair(m map[pairKey]*pairVal, k pairKey, quad int, g, n int64) {
	p := m[k]
	if p == nil {
		p = &pairVal{}
		m[k] = p
	}
	p.events += n
	p.g100 += g
	if quad <= 2 {
		p.coop += n
	} else {
		p.conflict += n
	}
}

// upsertRows is how many rows one summary upsert carries.
const upsertRows = 100

// apply writes the changes in tx.
func (m *sums) apply(ctx context.Context, s *DB, tx *wtx) error {
	if err := s.applyDyads(ctx, tx, m.dyad, `sum_dyad_days`, `day`); err != nil {
		return err
	}
	if err := s.applyDyads(ctx, tx, m.month, `sum_dyad_months`, `month`); err != nil {
		return err
	}
	if err := s.applyDyads(ctx, tx, m.year, `sum_dyad_years`, `year`); err != nil {
		return err
	}
	if err := s.applyPairs(ctx, tx, m.pair, `sum_pairs`, `source, target, mode`, `source = ? AND target = ? AND mode = ?`); err != nil {
		return err
	}
	if err := s.applyPairs(ctx, tx, m.pair3, `sum_dyads`, `src3, tgt3, mode`, `src3 = ? AND tgt3 = ? AND mode = ?`); err != nil {
		return err
	}
	if err := s.applyActorPeriods(ctx, tx, m.amon, `sum_actor_months`, `month`); err != nil {
		return err
	}
	if err := s.applyActorPeriods(ctx, tx, m.ayear, `sum_actor_years`, `year`); err != nil {
		return err
	}
	if err := s.applyActorPeriods(ctx, tx, m.cyear, `sum_country_years`, `year`); err != nil {
		return err
	}
	if err := m.applyActors(ctx, s, tx); err != nil {
		return err
	}
	if err := s.applyPairDays(ctx, tx, m.pday, `sum_pair_days`, `day`); err != nil {
		return err
	}
	if err := s.applyPairDays(ctx, tx, m.pweek, `sum_pair_weeks`, `week`); err != nil {
		return err
	}
	return m.applyDays(ctx, s, tx)
}

// applyDays widens the id windows of event_days, in day order.
func (m *sums) applyDays(ctx context.Context, s *DB, tx *wtx) error {
	days := make([]string, 0, len(m.days))
	for d := range m.days {
		days = append(days, d)
	}
	slices.Sort(days)
	for len(days) > 0 {
		n := min(len(days), upsertRows)
		var args []any
		for _, d := range days[:n] {
			args = append(args, d, m.days[d][0], m.days[d][1])
		}
		q := `INSERT INTO event_days (day, min_id, max_id) VALUES ` + strings.TrimSuffix(strings.Repeat("(?,?,?),", n), ",") +
			` ON CONFLICT (day) DO UPDATE SET min_id = ` + s.d.lo + `(event_days.min_id, excluded.min_id), max_id = ` + s.d.hi + `(event_days.max_id, excluded.max_id)`
		if _, err := s.exec(ctx, tx, q, args...); err != nil {
			return err
		}
		days = days[n:]
	}
	return nil
}

// applyActorPeriods writes the changes to a table of actors per month or
// year.
func (s *DB) applyActorPeriods(ctx context.Context, tx *wtx, m map[actorMonth]int64, table, period string) error {
	am := make([]actorMonth, 0, len(m))
	for k, v := range m {
		if v != 0 {
			am = append(am, k)
		}
	}
	slices.SortFunc(am, func(a, b actorMonth) int {
		return cmp.Or(strings.Compare(a.month, b.month), strings.Compare(a.code, b.code), strings.Compare(a.mode, b.mode))
	})
	var rows, gone [][]any
	for _, k := range am {
		rows = append(rows, []any{k.month, k.code, k.mode, m[k]})
		if m[k] < 0 {
			gone = append(gone, []any{k.month, k.code, k.mode})
		}
	}
	if err := s.upsert(ctx, tx, table, period+`, code, mode`, `events`, rows); err != nil {
		return err
	}
	return s.dropEmpty(ctx, tx, table, period+` = ? AND code = ? AND mode = ?`, gone)
}

// applyDyads writes the changes to a table of dyads per day or month.
func (s *DB) applyDyads(ctx context.Context, tx *wtx, m map[dyadKey]*dyadVal, table, period string) error {
	dk := make([]dyadKey, 0, len(m))
	for k, v := range m {
		if v.events != 0 || v.g100 != 0 {
			dk = append(dk, k)
		}
	}
	slices.SortFunc(dk, func(a, b dyadKey) int {
		return cmp.Or(strings.Compare(a.src3, b.src3), strings.Compare(a.tgt3, b.tgt3), strings.Compare(a.day, b.day), cmp.Compare(a.quad, b.quad), strings.Compare(a.mode, b.mode))
	})
	var rows [][]any
	var gone [][]any
	for _, k := range dk {
		v := m[k]
		rows = append(rows, []any{k.src3, k.tgt3, k.day, k.quad, k.mode, v.events, v.g100})
		if v.events < 0 {
			gone = append(gone, []any{k.src3, k.tgt3, k.day, k.quad, k.mode})
		}
	}
	if err := s.upsert(ctx, tx, table, `src3, tgt3, `+period+`, quad_class, mode`, `events, goldstein100`, rows); err != nil {
		return err
	}
	return s.dropEmpty(ctx, tx, table, `src3 = ? AND tgt3 = ? AND `+period+` = ? AND quad_class = ? AND mode = ?`, gone)
}

// applyPairDays writes the changes to a table of country pairs per day
// or week, in key order.
func (s *DB) applyPairDays(ctx context.Context, tx *wtx, m map[pairDay]*pairDayVal, table, period string) error {
	pk := make([]pairDay, 0, len(m))
	for k, v := range m {
		if *v != (pairDayVal{}) {
			pk = append(pk, k)
		}
	}
	slices.SortFunc(pk, func(a, b pairDay) int {
		return cmp.Or(strings.Compare(a.a3, b.a3), strings.Compare(a.b3, b.b3), strings.Compare(a.day, b.day), strings.Compare(a.mode, b.mode))
	})
	var rows, gone [][]any
	for _, k := range pk {
		v := m[k]
		rows = append(rows, []any{k.a3, k.b3, k.day, k.mode, v.events, v.q[1], v.q[2], v.q[3], v.q[4], v.g100})
		if v.events < 0 {
			gone = append(gone, []any{k.a3, k.b3, k.day, k.mode})
		}
	}
	if err := s.upsert(ctx, tx, table, `a3, b3, `+period+`, mode`, `events, q1, q2, q3, q4, goldstein100`, rows); err != nil {
		return err
	}
	return s.dropEmpty(ctx, tx, table, `a3 = ? AND b3 = ? AND `+period+` = ? AND mode = ?`, gone)
}

// applyActors writes the changes to sum_actors.
func (m *sums) applyActors(ctx context.Context, s *DB, tx *wtx) error {
	ak := make([]actorKey, 0, len(m.actor))
	for k, v := range m.actor {
		if v != 0 {
			ak = append(ak, k)
		}
	}
	slices.SortFunc(ak, func(a, b actorKey) int {
		return cmp.Or(strings.Compare(a.code, b.code), strings.Compare(a.mode, b.mode))
	})
	var rows, gone [][]any
	for _, k := range ak {
		rows = append(rows, []any{k.code, k.mode, m.actor[k]})
		if m.actor[k] < 0 {
			gone = append(gone, []any{k.code, k.mode})
		}
	}
	if err := s.upsert(ctx, tx, `sum_actors`, `code, mode`, `events`, rows); err != nil {
		return err
	}
	return s.dropEmpty(ctx, tx, `sum_actors`, `code = ? AND mode = ?`, gone)
}

// applyPairs writes the changes to a table of pairs.
func (s *DB) applyPairs(ctx context.Context, tx *wtx, m map[pairKey]*pairVal, table, keys, cond string) error {
	pk := make([]pairKey, 0, len(m))
	for k, v := range m {
		if v.events != 0 || v.g100 != 0 {
			pk = append(pk, k)
		}
	}
	slices.SortFunc(pk, func(a, b pairKey) int {
		return cmp.Or(strings.Compare(a.source, b.source), strings.Compare(a.target, b.target), strings.Compare(a.mode, b.mode))
	})
	var rows, gone [][]any
	for _, k := range pk {
		v := m[k]
		rows = append(rows, []any{k.source, k.target, k.mode, v.events, v.coop, v.conflict, v.g100})
		if v.events < 0 {
			gone = append(gone, []any{k.source, k.target, k.mode})
		}
	}
	if err := s.upsert(ctx, tx, table, keys, `events, cooperation, conflict, goldstein100`, rows); err != nil {
		return err
	}
	return s.dropEmpty(ctx, tx, table, cond, gone)
}

// upsert adds rows of deltas to a summary table, upsertRows at a time.
func (s *DB) upsert(ctx context.Context, tx *wtx, table, keys, vals string, rows [][]any) error {
	var set []string
	for _, v := range strings.Split(vals, ", ") {
		set = append(set, v+` = `+table+`.`+v+` + excluded.`+v)
	}
	for len(rows) > 0 {
		n := min(len(rows), upsertRows)
		ph := `(` + strings.TrimSuffix(strings.Repeat("?,", len(rows[0])), ",") + `)`
		q := `INSERT INTO ` + table + ` (` + keys + `, ` + vals + `) VALUES ` + strings.TrimSuffix(strings.Repeat(ph+",", n), ",") +
			` ON CONFLICT (` + keys + `) DO UPDATE SET ` + strings.Join(set, ", ")
		var args []any
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := s.exec(ctx, tx, q, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// dropEmpty deletes the rows of keys whose count went down, if now zero.
func (s *DB) dropEmpty(ctx context.Context, tx *wtx, table, cond string, keys [][]any) error {
	for _, k := range keys {
		if _, err := s.exec(ctx, tx, `DELETE FROM `+table+` WHERE `+cond+` AND events = 0`, k...); err != nil {
			return err
		}
	}
	return nil
}

// derivedInserts are the statements that fill the derived tables from
// the events: the INSERT ... SELECT statements of migrations 0002-0004,
// 0009, 0010, 0012 and 0013 (the year summaries, made from the month
// summaries, so they come after them; event_days; the events' full-text
// rows; the pair timelines and the countries of a year, made from the
// day and year summaries), so a rebuild and a migrated store agree.
func (s *DB) derivedInserts() ([]string, error) {
	var out []string
	for _, n := range []string{"0002_indexed_filters.sql", "0003_summaries.sql", "0004_month_summaries.sql", "0009_year_summaries.sql", "0010_event_days.sql", "0012_event_fts.sql", "0013_coarse_summaries.sql"} {
		sts, err := s.migrationStatements(n)
		if err != nil {
			return nil, err
		}
		for _, st := range sts {
			if strings.HasPrefix(st, "INSERT INTO") {
				out = append(out, st)
			}
		}
	}
	return out, nil
}

// migrationStatements are the statements of a migration of the store's
// dialect, without the comments before them.
func (s *DB) migrationStatements(name string) ([]string, error) {
	b, err := migrations.ReadFile(s.d.migrations + "/" + name)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, st := range strings.Split(string(b), ";\n") {
		st = strings.TrimSpace(st)
		// skip the comments before a statement
		for strings.HasPrefix(st, "--") {
			_, st, _ = strings.Cut(st, "\n")
			st = strings.TrimSpace(st)
		}
		if st != "" {
			out = append(out, strings.TrimSuffix(st, ";"))
		}
	}
	return out, nil
}

// migrationInsert is a migration's INSERT INTO table statement.
func (s *DB) migrationInsert(name, table string) (string, error) {
	sts, err := s.migrationStatements(name)
	if err != nil {
		return "", err
	}
	for _, st := range sts {
		if strings.HasPrefix(st, "INSERT INTO "+table+" ") {
			return st, nil
		}
	}
	return "", fmt.Errorf("migration %s: no INSERT INTO %s", name, table)
}

// derivedTables are the tables derivedInserts fill.
func (s *DB) derivedTables() []string {
	return []string{"places", "sum_dyad_days", "sum_actors", "sum_pairs", "sum_dyads", "sum_dyad_months", "sum_actor_months", "sum_dyad_years", "sum_actor_years", "event_days", "event_fts", "sum_pair_days", "sum_pair_weeks", "sum_country_years"}
}

package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/annals-events/annals"
)

// Place is a point on the map with the number of events there that match
// a filter, per quad class. Its events are those of the same filter with
// At set to the point (GET /api/v1/events?at=LAT,LON).
type Place struct {
	Name    string  `json:"name"`    // the name most of its events give the point
	Country string  `json:"country"` // ISO alpha-3
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Events  int     `json:"events"`
	Quad    [5]int  `json:"quad"` // events per quad class 1-4 (index 0 unused)
}

// PlaceCounts is the map of the events matching a filter.
type PlaceCounts struct {
	Places []Place `json:"places"` // the places with most events first, at most the limit
	// Located counts the events with a place, in every place (listed or
	// not); Unlocated those without one; TotalPlaces the places before
	// the limit.
	Located     int  `json:"located"`
	Unlocated   int  `json:"unlocated"`
	TotalPlaces int  `json:"total_places"`
	Truncated   bool `json:"truncated"` // more places than the limit
}

// MaxPlaces bounds the places of one answer.
const MaxPlaces = 20000

// Places counts the events matching f per point (latitude and longitude)
// and quad class, the places with most events first, at most limit of
// them (0: MaxPlaces). f's cursor and order are ignored: the answer is
// one aggregate. With no filter but dates, quad class and modes, the
// count reads only the index events_map (SQLite) or events_at
// (PostgreSQL), unless a narrow date range reads events_date; any other
// filter reads that filter's index first.
func (s *DB) Places(ctx context.Context, f annals.EventFilter, limit int) (*PlaceCounts, error) {
	if limit <= 0 || limit > MaxPlaces {
		limit = MaxPlaces
	}
	q, args := s.placesQuery(f)
	var tx *wtx
	if s.d.name == "postgres" {
		// PostgreSQL compiles a count over every partition with JIT,
		// which costs more than it saves (over a million events here,
		// medians of 0.9-1.2 s with it, 0.7-0.8 s without): off for
		// this read
		t, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return nil, fmt.Errorf("places: %w", err)
		}
		defer t.Rollback()
		if _, err := t.ExecContext(ctx, `SET LOCAL jit = off`); err != nil {
			return nil, fmt.Errorf("places: %w", err)
		}
		tx = &wtx{Tx: t}
	}
	rows, err := s.query(ctx, tx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	defer rows.Close()
	type pt struct{ lat, lon float64 }
	type named struct{ name, country string }
	out := &PlaceCounts{}
	idx := map[pt]int{}
	var names []map[named]int
	for rows.Next() {
		var lat, lon sql.NullFloat64
		var name, country sql.NullString
		var quad, n int
		if err := rows.Scan(&lat, &lon, &name, &country, &quad, &n); err != nil {
			return nil, err
		}
		if !lat.Valid || !lon.Valid {
			out.Unlocated += n
			continue
		}
		k := pt{lat.Float64, lon.Float64}
		i, ok := idx[k]
		if !ok {
			i = len(out.Places)
			idx[k] = i
			out.Places = append(out.Places, Place{Lat: k.lat, Lon: k.lon})
			names = append(names, map[named]int{})
		}
		p := &out.Places[i]
		p.Events += n
		if quad >= 1 && quad <= 4 {
			p.Quad[quad] += n
		}
		names[i][named{name.String, country.String}] += n
		out.Located += n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out.Places {
		// the name most events at the point give it (the least such name
		// on a tie, so the answer does not depend on row order)
		best, bn := named{}, -1
		for k, n := range names[i] {
			if n > bn || n == bn && (k.name < best.name || k.name == best.name && k.country < best.country) {
				best, bn = k, n
			}
		}
		out.Places[i].Name, out.Places[i].Country = best.name, best.country
	}
	slices.SortFunc(out.Places, func(a, b Place) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Lat, b.Lat), cmp.Compare(a.Lon, b.Lon))
	})
	out.TotalPlaces = len(out.Places)
	if len(out.Places) > limit {
		out.Places, out.Truncated = out.Places[:limit], true
	}
	if out.Places == nil {
		out.Places = []Place{}
	}
	return out, nil
}

// placesQuery is the count per point, name and quad class of the events
// matching f (unlocated events in the group whose point is NULL), grouped
// in the order of events_map's columns so SQLite reads that index in
// order and needs no sort.
func (s *DB) placesQuery(f annals.EventFilter) (string, []any) {
	f.After, f.AfterDate, f.Sort, f.Limit = 0, "", "", 0
	quad := f.QuadClass
	f.QuadClass = 0
	cond, args := s.where(f)
	if quad != 0 {
		// a quad class is a quarter of the events or more: reading them
		// one by one from events_quad is slower than reading events_map
		// whole (SQLite; PostgreSQL chooses by its statistics)
		cond += ` AND ` + s.d.noIndex("e.quad_class") + ` = ?`
		args = append(args, quad)
	}
	return `SELECT e.lat, e.lon, e.loc_name, e.country, e.quad_class, COUNT(*) FROM events e WHERE ` + cond + `
		GROUP BY e.lat, e.lon, e.loc_name, e.country, e.quad_class`, args
}

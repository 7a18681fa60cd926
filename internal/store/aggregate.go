package store

import (
	"context"

	"github.com/annals-events/annals"
)

// ActorCount is an actor with its number of events.
type ActorCount struct {
	Code   string `json:"code"`
	Events int    `json:"events"`
}

// Actors returns actors (by code, or by country prefix when byCountry) by
// event count, as source or target, among events matching f. With no
// filter but modes it reads sum_actors; with dates, the year and month
// summaries (by code, or the countries' year summary when byCountry; by
// country pair when a quad class is set too); otherwise the events.
func (s *DB) Actors(ctx context.Context, f annals.EventFilter, byCountry bool, limit int) ([]ActorCount, error) {
	q, args := s.actorsQuery(f, byCountry, limit)
	rows, err := s.query(ctx, nil, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ActorCount
	for rows.Next() {
		var a ActorCount
		if err := rows.Scan(&a.Code, &a.Events); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// actorsQuery is the query of Actors.
func (s *DB) actorsQuery(f annals.EventFilter, byCountry bool, limit int) (string, []any) {
	if limit <= 0 {
		limit = 100
	}
	col := "code"
	if byCountry {
		col = "substr(code, 1, 3)"
	}
	var q string
	var args []any
	switch {
	case summarised(f) && f.From == "" && f.To == "" && f.QuadClass == 0:
		m, margs := modesIn(f)
		q = `SELECT ` + col + ` AS c, SUM(events) AS n FROM sum_actors WHERE code != '' AND ` + m + `
			GROUP BY ` + col + ` HAVING SUM(events) > 0 ORDER BY 2 DESC, 1 LIMIT ?`
		args = append(margs, limit)
	case summarised(f) && f.QuadClass == 0 && datesParse(f):
		rows, rargs, _ := s.actorRows(f, byCountry)
		q = `SELECT ` + col + ` AS c, SUM(n) AS n FROM (` + rows + `) AS x WHERE code != '' GROUP BY ` + col + ` HAVING SUM(n) > 0 ORDER BY 2 DESC, 1 LIMIT ?`
		args = append(rargs, limit)
	case summarised(f) && byCountry && datesParse(f):
		rows, rargs, _ := dyadRows(f, "", nil, false, true)
		q = `SELECT code AS c, SUM(n) AS n FROM (SELECT src3 AS code, events AS n FROM (` + rows + `) AS r
			UNION ALL SELECT tgt3, events FROM (` + rows + `) AS r2) AS x
			WHERE code != '' GROUP BY code HAVING SUM(n) > 0 ORDER BY 2 DESC, 1 LIMIT ?`
		args = append(append(append([]any{}, rargs...), rargs...), limit)
	default:
		cond, cargs := s.where(f)
		q = `SELECT ` + col + ` AS c, COUNT(*) AS n FROM (SELECT e.source AS code FROM events e WHERE ` + cond + ` UNION ALL SELECT e.target FROM events e WHERE ` + cond + `) AS x
			WHERE code != '' GROUP BY ` + col + ` ORDER BY 2 DESC, 1 LIMIT ?`
		args = append(append(append([]any{}, cargs...), cargs...), limit)
	}
	return q, args
}

// Edge is a weighted link between two actors.
type Edge struct {
	Source      string  `json:"source"`
	Target      string  `json:"target"`
	Events      int     `json:"events"`
	Cooperation int     `json:"cooperation"` // quad classes 1-2
	Conflict    int     `json:"conflict"`    // quad classes 3-4
	Goldstein   float64 `json:"goldstein"`
}

// Network returns the actor graph among events matching f, by country
// prefix when byCountry, the strongest edges first. With no filter but
// modes it reads sum_pairs; by country with dates and quad class,
// sum_dyad_days; otherwise the events.
func (s *DB) Network(ctx context.Context, f annals.EventFilter, byCountry bool, limit int) ([]Edge, error) {
	q, args := s.networkQuery(f, byCountry, limit)
	rows, err := s.query(ctx, nil, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Edge
	for rows.Next() {
		var e Edge
		var g int64
		if err := rows.Scan(&e.Source, &e.Target, &e.Events, &e.Cooperation, &e.Conflict, &g); err != nil {
			return nil, err
		}
		e.Goldstein = round2(float64(g) / 100 / float64(e.Events))
		out = append(out, e)
	}
	return out, rows.Err()
}

// networkQuery is the query of Network.
func (s *DB) networkQuery(f annals.EventFilter, byCountry bool, limit int) (string, []any) {
	if limit <= 0 {
		limit = 200
	}
	var q string
	var args []any
	switch {
	case summarised(f) && f.From == "" && f.To == "" && f.QuadClass == 0:
		table, sc, tc := "sum_pairs", "source", "target"
		if byCountry {
			table, sc, tc = "sum_dyads", "src3", "tgt3"
		}
		m, margs := modesIn(f)
		q = `SELECT ` + sc + ` AS a, ` + tc + ` AS b, SUM(events), SUM(cooperation), SUM(conflict), SUM(goldstein100)
			FROM ` + table + ` WHERE ` + m + ` AND ` + tc + ` != '' AND ` + sc + ` != '' AND substr(` + sc + `,1,3) != '---' AND substr(` + tc + `,1,3) != '---'
			AND ` + sc + ` != ` + tc + ` GROUP BY ` + sc + `, ` + tc + ` HAVING SUM(events) > 0 ORDER BY 3 DESC, 1, 2 LIMIT ?`
		args = append(margs, limit)
	case summarised(f) && byCountry && datesParse(f):
		rows, rargs, _ := dyadRows(f, "", nil, false, true)
		q = `SELECT src3, tgt3, SUM(events), SUM(CASE WHEN quad_class <= 2 THEN events ELSE 0 END), SUM(CASE WHEN quad_class >= 3 THEN events ELSE 0 END), SUM(goldstein100)
			FROM (` + rows + `) AS x WHERE src3 != '' AND tgt3 != '' AND src3 != '---' AND tgt3 != '---' AND src3 != tgt3
			GROUP BY src3, tgt3 HAVING SUM(events) > 0 ORDER BY 3 DESC, 1, 2 LIMIT ?`
		args = append(rargs, limit)
	default:
		cond, cargs := s.where(f)
		sc, tc := "e.source", "e.target"
		if byCountry {
			sc, tc = "substr(e.source,1,3)", "substr(e.target,1,3)"
		}
		q = `SELECT ` + sc + ` AS a, ` + tc + ` AS b, COUNT(*), SUM(CASE WHEN e.quad_class <= 2 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class >= 3 THEN 1 ELSE 0 END), SUM(` + g100SQL(s.d) + `)
		FROM events e WHERE ` + cond + ` AND e.target != '' AND e.source != '' AND substr(e.source,1,3) != '---' AND substr(e.target,1,3) != '---'
		AND ` + sc + ` != ` + tc + ` GROUP BY ` + sc + `, ` + tc + ` ORDER BY 3 DESC, 1, 2 LIMIT ?`
		args = append(cargs, limit)
	}
	return q, args
}

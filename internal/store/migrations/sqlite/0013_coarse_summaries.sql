-- Coarser summaries (issue 16). Timelines: a dyad timeline by day or week over
-- years read sum_dyad_days, one row per direction, day, quad class and
-- mode (30,000 rows for the densest pair of a million events). These
-- hold one row per country pair in either direction (a3 <= b3, byte
-- order), day or week and mode, with the counts per quad class in
-- columns, so a timeline with no quad class reads one index range of a
-- third as many rows by day and a fifteenth by week. week is the Monday
-- of the day's week, YYYY-MM-DD, as the timeline's week bucket; undated
-- events (day '') have no week. Kept current with the other summaries in
-- the transactions that write events; made from sum_dyad_days.
CREATE TABLE sum_pair_days (
	a3           TEXT NOT NULL,
	b3           TEXT NOT NULL,
	day          TEXT NOT NULL,
	mode         TEXT NOT NULL,
	events       INTEGER NOT NULL,
	q1           INTEGER NOT NULL,
	q2           INTEGER NOT NULL,
	q3           INTEGER NOT NULL,
	q4           INTEGER NOT NULL,
	goldstein100 INTEGER NOT NULL,
	PRIMARY KEY (a3, b3, day, mode)
) WITHOUT ROWID;

CREATE TABLE sum_pair_weeks (
	a3           TEXT NOT NULL,
	b3           TEXT NOT NULL,
	week         TEXT NOT NULL,
	mode         TEXT NOT NULL,
	events       INTEGER NOT NULL,
	q1           INTEGER NOT NULL,
	q2           INTEGER NOT NULL,
	q3           INTEGER NOT NULL,
	q4           INTEGER NOT NULL,
	goldstein100 INTEGER NOT NULL,
	PRIMARY KEY (a3, b3, week, mode)
) WITHOUT ROWID;

-- The actors by country of whole years (GET /api/v1/actors?by=country)
-- read sum_actor_years by actor code and grouped them by country: 3,000
-- rows a year at a million events. This holds them by country prefix
-- (substr(code, 1, 3)), as source and as target: 300. Made from
-- sum_actor_years.
CREATE TABLE sum_country_years (
	year   TEXT NOT NULL,
	code   TEXT NOT NULL,
	mode   TEXT NOT NULL,
	events INTEGER NOT NULL,
	PRIMARY KEY (year, code, mode)
) WITHOUT ROWID;

INSERT INTO sum_pair_days (a3, b3, day, mode, events, q1, q2, q3, q4, goldstein100)
	SELECT min(src3, tgt3), max(src3, tgt3), day, mode, SUM(events), SUM(CASE WHEN quad_class = 1 THEN events ELSE 0 END),
		SUM(CASE WHEN quad_class = 2 THEN events ELSE 0 END), SUM(CASE WHEN quad_class = 3 THEN events ELSE 0 END),
		SUM(CASE WHEN quad_class = 4 THEN events ELSE 0 END), SUM(goldstein100)
	FROM sum_dyad_days GROUP BY min(src3, tgt3), max(src3, tgt3), day, mode;
INSERT INTO sum_pair_weeks (a3, b3, week, mode, events, q1, q2, q3, q4, goldstein100)
	SELECT a3, b3, COALESCE(date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days'), day), mode,
		SUM(events), SUM(q1), SUM(q2), SUM(q3), SUM(q4), SUM(goldstein100)
	FROM sum_pair_days WHERE day != ''
	GROUP BY a3, b3, COALESCE(date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days'), day), mode;
INSERT INTO sum_country_years (year, code, mode, events)
	SELECT year, substr(code, 1, 3), mode, SUM(events) FROM sum_actor_years GROUP BY year, substr(code, 1, 3), mode;

ANALYZE sum_pair_days;
ANALYZE sum_pair_weeks;
ANALYZE sum_country_years;

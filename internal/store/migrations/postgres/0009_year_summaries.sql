-- Year summaries (issue 16): a date range reads its whole years here, its
-- whole months outside them from the month summaries and its partial
-- months from the day summaries (or the events), so the network and the
-- actor list of a year read one year's rows instead of twelve months'.
-- Kept current with the other summaries, in the transactions that write
-- events; year is YYYY ('' when undated). Made from the month summaries,
-- which are made from the events.
CREATE TABLE sum_dyad_years (
	src3         TEXT NOT NULL,
	tgt3         TEXT NOT NULL,
	year         TEXT NOT NULL,
	quad_class   INTEGER NOT NULL,
	mode         TEXT NOT NULL,
	events       BIGINT NOT NULL,
	goldstein100 BIGINT NOT NULL,
	PRIMARY KEY (src3, tgt3, year, quad_class, mode)
);
CREATE INDEX sum_dyad_years_year ON sum_dyad_years(year) INCLUDE (src3, tgt3, quad_class, mode, events, goldstein100);

-- per actor code and year, as source and as target
CREATE TABLE sum_actor_years (
	year   TEXT NOT NULL,
	code   TEXT NOT NULL,
	mode   TEXT NOT NULL,
	events BIGINT NOT NULL,
	PRIMARY KEY (year, code, mode)
);

INSERT INTO sum_dyad_years (src3, tgt3, year, quad_class, mode, events, goldstein100)
	SELECT src3, tgt3, substr(month, 1, 4), quad_class, mode, SUM(events), SUM(goldstein100)
	FROM sum_dyad_months GROUP BY src3, tgt3, substr(month, 1, 4), quad_class, mode;
INSERT INTO sum_actor_years (year, code, mode, events)
	SELECT substr(month, 1, 4), code, mode, SUM(events) FROM sum_actor_months GROUP BY substr(month, 1, 4), code, mode;

ANALYZE sum_dyad_years;
ANALYZE sum_actor_years;

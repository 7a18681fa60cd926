-- Summaries the timelines, actor lists and the network read instead of
-- the events (issue 16). The store keeps them current in the transaction
-- that writes events (Add, Replace, the recount that deletes events left
-- without evidence); Goldstein scores are summed in hundredths, as
-- integers, so adding and removing an event leaves no rounding behind.
-- Keys hold the mode so that any choice of modes is answered.

-- per ordered pair of country prefixes, day and quad class
CREATE TABLE sum_dyad_days (
	src3         TEXT NOT NULL,
	tgt3         TEXT NOT NULL,
	day          TEXT NOT NULL,
	quad_class   INTEGER NOT NULL,
	mode         TEXT NOT NULL,
	events       BIGINT NOT NULL,
	goldstein100 BIGINT NOT NULL,
	PRIMARY KEY (src3, tgt3, day, quad_class, mode)
);
-- date ranges over every pair (the network and actor lists of a year)
-- read only this index
CREATE INDEX sum_dyad_days_day ON sum_dyad_days(day) INCLUDE (src3, tgt3, quad_class, mode, events, goldstein100);

-- per actor code, as source and as target (an event of an actor with
-- itself counts twice, as the actor list always counted it)
CREATE TABLE sum_actors (
	code   TEXT NOT NULL,
	mode   TEXT NOT NULL,
	events BIGINT NOT NULL,
	PRIMARY KEY (code, mode)
);

-- per ordered pair of actor codes
CREATE TABLE sum_pairs (
	source       TEXT NOT NULL,
	target       TEXT NOT NULL,
	mode         TEXT NOT NULL,
	events       BIGINT NOT NULL,
	cooperation  BIGINT NOT NULL,
	conflict     BIGINT NOT NULL,
	goldstein100 BIGINT NOT NULL,
	PRIMARY KEY (source, target, mode)
);

-- per ordered pair of country prefixes, all time (the country network)
CREATE TABLE sum_dyads (
	src3         TEXT NOT NULL,
	tgt3         TEXT NOT NULL,
	mode         TEXT NOT NULL,
	events       BIGINT NOT NULL,
	cooperation  BIGINT NOT NULL,
	conflict     BIGINT NOT NULL,
	goldstein100 BIGINT NOT NULL,
	PRIMARY KEY (src3, tgt3, mode)
);

INSERT INTO sum_dyad_days (src3, tgt3, day, quad_class, mode, events, goldstein100)
	SELECT substr(source, 1, 3), substr(target, 1, 3), event_date, quad_class, mode, COUNT(*), SUM(CAST(ROUND(goldstein::numeric * 100) AS BIGINT))
	FROM events GROUP BY substr(source, 1, 3), substr(target, 1, 3), event_date, quad_class, mode;
INSERT INTO sum_actors (code, mode, events)
	SELECT code, mode, SUM(n) FROM (SELECT source AS code, mode, COUNT(*) AS n FROM events GROUP BY source, mode
		UNION ALL SELECT target, mode, COUNT(*) FROM events GROUP BY target, mode) AS x GROUP BY code, mode;
INSERT INTO sum_pairs (source, target, mode, events, cooperation, conflict, goldstein100)
	SELECT source, target, mode, COUNT(*), SUM(CASE WHEN quad_class <= 2 THEN 1 ELSE 0 END), SUM(CASE WHEN quad_class >= 3 THEN 1 ELSE 0 END), SUM(CAST(ROUND(goldstein::numeric * 100) AS BIGINT))
	FROM events GROUP BY source, target, mode;
INSERT INTO sum_dyads (src3, tgt3, mode, events, cooperation, conflict, goldstein100)
	SELECT substr(source, 1, 3), substr(target, 1, 3), mode, COUNT(*), SUM(CASE WHEN quad_class <= 2 THEN 1 ELSE 0 END), SUM(CASE WHEN quad_class >= 3 THEN 1 ELSE 0 END), SUM(CAST(ROUND(goldstein::numeric * 100) AS BIGINT))
	FROM events GROUP BY substr(source, 1, 3), substr(target, 1, 3), mode;

-- statistics for the new indexes and tables: with statistics for the old
-- indexes only, the planner misjudges the new ones
ANALYZE;

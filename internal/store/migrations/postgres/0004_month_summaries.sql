-- Month summaries (issue 16): a date range reads its whole months here
-- and only its partial months from the day summaries (or the events), so
-- the network and actor lists of a year read a few thousand rows. Kept
-- current with the other summaries; month is YYYY-MM ('' when undated).
CREATE TABLE sum_dyad_months (
	src3         TEXT NOT NULL,
	tgt3         TEXT NOT NULL,
	month        TEXT NOT NULL,
	quad_class   INTEGER NOT NULL,
	mode         TEXT NOT NULL,
	events       BIGINT NOT NULL,
	goldstein100 BIGINT NOT NULL,
	PRIMARY KEY (src3, tgt3, month, quad_class, mode)
);
CREATE INDEX sum_dyad_months_month ON sum_dyad_months(month) INCLUDE (src3, tgt3, quad_class, mode, events, goldstein100);

-- per actor code and month, as source and as target
CREATE TABLE sum_actor_months (
	month  TEXT NOT NULL,
	code   TEXT NOT NULL,
	mode   TEXT NOT NULL,
	events BIGINT NOT NULL,
	PRIMARY KEY (month, code, mode)
);

INSERT INTO sum_dyad_months (src3, tgt3, month, quad_class, mode, events, goldstein100)
	SELECT substr(source, 1, 3), substr(target, 1, 3), substr(event_date, 1, 7), quad_class, mode, COUNT(*), SUM(CAST(ROUND(goldstein::numeric * 100) AS BIGINT))
	FROM events GROUP BY substr(source, 1, 3), substr(target, 1, 3), substr(event_date, 1, 7), quad_class, mode;
INSERT INTO sum_actor_months (month, code, mode, events)
	SELECT month, code, mode, SUM(n) FROM (SELECT substr(event_date, 1, 7) AS month, source AS code, mode, COUNT(*) AS n FROM events GROUP BY substr(event_date, 1, 7), source, mode
		UNION ALL SELECT substr(event_date, 1, 7), target, mode, COUNT(*) FROM events GROUP BY substr(event_date, 1, 7), target, mode) AS x GROUP BY month, code, mode;

ANALYZE;

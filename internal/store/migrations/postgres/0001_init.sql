-- PostgreSQL schema: the same tables as SQLite's, with events partitioned
-- by event date (one partition a year, and a default partition for
-- undated events and years outside the range) so a long history stays
-- fast, and full-text search through a GIN index on the sentences.
CREATE TABLE documents (
	id           TEXT PRIMARY KEY,
	url          TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '',
	content_hash TEXT NOT NULL UNIQUE,
	text         TEXT NOT NULL,
	ingested_at  TEXT NOT NULL
);

CREATE TABLE sentences (
	doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	start_off INTEGER NOT NULL,
	end_off   INTEGER NOT NULL,
	text      TEXT NOT NULL,
	PRIMARY KEY (doc_id, idx)
);
CREATE INDEX sentences_fts ON sentences USING GIN (to_tsvector('english', text));

CREATE TABLE mentions (
	doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence  INTEGER NOT NULL,
	start_off INTEGER NOT NULL,
	end_off   INTEGER NOT NULL,
	text      TEXT NOT NULL,
	code      TEXT NOT NULL,
	entry     TEXT NOT NULL,
	ref       BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_code ON mentions(code);

CREATE TABLE events (
	id             BIGSERIAL,
	source         TEXT NOT NULL,
	target         TEXT NOT NULL,
	code           TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      DOUBLE PRECISION NOT NULL,
	plover         TEXT NOT NULL,
	mode           TEXT NOT NULL,
	event_date     TEXT NOT NULL,
	date_precision TEXT NOT NULL,
	loc_name       TEXT,
	country        TEXT,
	adm1           TEXT,
	lat            DOUBLE PRECISION,
	lon            DOUBLE PRECISION,
	loc_precision  TEXT,
	confidence     DOUBLE PRECISION NOT NULL,
	rule           TEXT NOT NULL,
	source_text    TEXT NOT NULL,
	target_text    TEXT NOT NULL,
	num_mentions   INTEGER NOT NULL DEFAULT 0,
	num_sources    INTEGER NOT NULL DEFAULT 0,
	num_articles   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (id, event_date)
) PARTITION BY RANGE (event_date);
CREATE TABLE events_y1990 PARTITION OF events FOR VALUES FROM ('1990-01-01') TO ('1991-01-01');
CREATE TABLE events_y1991 PARTITION OF events FOR VALUES FROM ('1991-01-01') TO ('1992-01-01');
CREATE TABLE events_y1992 PARTITION OF events FOR VALUES FROM ('1992-01-01') TO ('1993-01-01');
CREATE TABLE events_y1993 PARTITION OF events FOR VALUES FROM ('1993-01-01') TO ('1994-01-01');
CREATE TABLE events_y1994 PARTITION OF events FOR VALUES FROM ('1994-01-01') TO ('1995-01-01');
CREATE TABLE events_y1995 PARTITION OF events FOR VALUES FROM ('1995-01-01') TO ('1996-01-01');
CREATE TABLE events_y1996 PARTITION OF events FOR VALUES FROM ('1996-01-01') TO ('1997-01-01');
CREATE TABLE events_y1997 PARTITION OF events FOR VALUES FROM ('1997-01-01') TO ('1998-01-01');
CREATE TABLE events_y1998 PARTITION OF events FOR VALUES FROM ('1998-01-01') TO ('1999-01-01');
CREATE TABLE events_y1999 PARTITION OF events FOR VALUES FROM ('1999-01-01') TO ('2000-01-01');
CREATE TABLE events_y2000 PARTITION OF events FOR VALUES FROM ('2000-01-01') TO ('2001-01-01');
CREATE TABLE events_y2001 PARTITION OF events FOR VALUES FROM ('2001-01-01') TO ('2002-01-01');
CREATE TABLE events_y2002 PARTITION OF events FOR VALUES FROM ('2002-01-01') TO ('2003-01-01');
CREATE TABLE events_y2003 PARTITION OF events FOR VALUES FROM ('2003-01-01') TO ('2004-01-01');
CREATE TABLE events_y2004 PARTITION OF events FOR VALUES FROM ('2004-01-01') TO ('2005-01-01');
CREATE TABLE events_y2005 PARTITION OF events FOR VALUES FROM ('2005-01-01') TO ('2006-01-01');
CREATE TABLE events_y2006 PARTITION OF events FOR VALUES FROM ('2006-01-01') TO ('2007-01-01');
CREATE TABLE events_y2007 PARTITION OF events FOR VALUES FROM ('2007-01-01') TO ('2008-01-01');
CREATE TABLE events_y2008 PARTITION OF events FOR VALUES FROM ('2008-01-01') TO ('2009-01-01');
CREATE TABLE events_y2009 PARTITION OF events FOR VALUES FROM ('2009-01-01') TO ('2010-01-01');
CREATE TABLE events_y2010 PARTITION OF events FOR VALUES FROM ('2010-01-01') TO ('2011-01-01');
CREATE TABLE events_y2011 PARTITION OF events FOR VALUES FROM ('2011-01-01') TO ('2012-01-01');
CREATE TABLE events_y2012 PARTITION OF events FOR VALUES FROM ('2012-01-01') TO ('2013-01-01');
CREATE TABLE events_y2013 PARTITION OF events FOR VALUES FROM ('2013-01-01') TO ('2014-01-01');
CREATE TABLE events_y2014 PARTITION OF events FOR VALUES FROM ('2014-01-01') TO ('2015-01-01');
CREATE TABLE events_y2015 PARTITION OF events FOR VALUES FROM ('2015-01-01') TO ('2016-01-01');
CREATE TABLE events_y2016 PARTITION OF events FOR VALUES FROM ('2016-01-01') TO ('2017-01-01');
CREATE TABLE events_y2017 PARTITION OF events FOR VALUES FROM ('2017-01-01') TO ('2018-01-01');
CREATE TABLE events_y2018 PARTITION OF events FOR VALUES FROM ('2018-01-01') TO ('2019-01-01');
CREATE TABLE events_y2019 PARTITION OF events FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');
CREATE TABLE events_y2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE events_y2021 PARTITION OF events FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE events_y2022 PARTITION OF events FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE events_y2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE events_y2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_y2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_y2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE events_y2027 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE TABLE events_y2028 PARTITION OF events FOR VALUES FROM ('2028-01-01') TO ('2029-01-01');
CREATE TABLE events_y2029 PARTITION OF events FOR VALUES FROM ('2029-01-01') TO ('2030-01-01');
CREATE TABLE events_y2030 PARTITION OF events FOR VALUES FROM ('2030-01-01') TO ('2031-01-01');
CREATE TABLE events_y2031 PARTITION OF events FOR VALUES FROM ('2031-01-01') TO ('2032-01-01');
CREATE TABLE events_y2032 PARTITION OF events FOR VALUES FROM ('2032-01-01') TO ('2033-01-01');
CREATE TABLE events_y2033 PARTITION OF events FOR VALUES FROM ('2033-01-01') TO ('2034-01-01');
CREATE TABLE events_y2034 PARTITION OF events FOR VALUES FROM ('2034-01-01') TO ('2035-01-01');
CREATE TABLE events_y2035 PARTITION OF events FOR VALUES FROM ('2035-01-01') TO ('2036-01-01');
CREATE TABLE events_y2036 PARTITION OF events FOR VALUES FROM ('2036-01-01') TO ('2037-01-01');
CREATE TABLE events_y2037 PARTITION OF events FOR VALUES FROM ('2037-01-01') TO ('2038-01-01');
CREATE TABLE events_y2038 PARTITION OF events FOR VALUES FROM ('2038-01-01') TO ('2039-01-01');
CREATE TABLE events_y2039 PARTITION OF events FOR VALUES FROM ('2039-01-01') TO ('2040-01-01');
CREATE TABLE events_y2040 PARTITION OF events FOR VALUES FROM ('2040-01-01') TO ('2041-01-01');
CREATE TABLE events_other PARTITION OF events DEFAULT;
CREATE INDEX events_id ON events(id);
CREATE INDEX events_dedup ON events(source, target, code, event_date);
CREATE INDEX events_target ON events(target, event_date);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_root ON events(root, event_date);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_dyad ON events((substr(source, 1, 3)), (substr(target, 1, 3)), event_date, quad_class, goldstein, mode);

-- evidence cannot reference a partitioned table by id alone; the store
-- deletes events only when their last evidence goes, in one transaction.
CREATE TABLE evidence (
	event_id       BIGINT NOT NULL,
	doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence_index INTEGER NOT NULL,
	mentions       INTEGER NOT NULL,
	source_text    TEXT NOT NULL,
	target_text    TEXT NOT NULL,
	source_start   INTEGER NOT NULL, source_end INTEGER NOT NULL,
	target_start   INTEGER NOT NULL, target_end INTEGER NOT NULL,
	trigger_start  INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
	rule           TEXT NOT NULL,
	confidence     DOUBLE PRECISION NOT NULL,
	mode           TEXT NOT NULL,
	PRIMARY KEY (event_id, doc_id, sentence_index)
);
CREATE INDEX evidence_doc ON evidence(doc_id);

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

CREATE VIRTUAL TABLE sentence_fts USING fts5(text, doc_id UNINDEXED, idx UNINDEXED);

CREATE TABLE mentions (
	doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence  INTEGER NOT NULL,
	start_off INTEGER NOT NULL,
	end_off   INTEGER NOT NULL,
	text     TEXT NOT NULL,
	code     TEXT NOT NULL,
	entry    TEXT NOT NULL,
	ref      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_code ON mentions(code);

-- One row per real-world event, deduplicated across documents.
CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	source         TEXT NOT NULL,
	target         TEXT NOT NULL,
	code           TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover         TEXT NOT NULL,
	mode           TEXT NOT NULL,
	event_date     TEXT NOT NULL,
	date_precision TEXT NOT NULL,
	loc_name       TEXT,
	country        TEXT,
	adm1           TEXT,
	lat            REAL,
	lon            REAL,
	loc_precision  TEXT,
	confidence     REAL NOT NULL,
	rule           TEXT NOT NULL,
	source_text    TEXT NOT NULL,
	target_text    TEXT NOT NULL,
	num_mentions   INTEGER NOT NULL DEFAULT 0,
	num_sources    INTEGER NOT NULL DEFAULT 0,
	num_articles   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_dedup ON events(source, target, code, event_date);
CREATE INDEX events_target ON events(target, event_date);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_root ON events(root, event_date);
CREATE INDEX events_country ON events(country);
-- dyad timelines read only the index
CREATE INDEX events_dyad ON events(substr(source, 1, 3), substr(target, 1, 3), event_date, quad_class, goldstein, mode);

CREATE TABLE evidence (
	event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence_index INTEGER NOT NULL,
	mentions       INTEGER NOT NULL,
	source_text    TEXT NOT NULL,
	target_text    TEXT NOT NULL,
	source_start   INTEGER NOT NULL, source_end INTEGER NOT NULL,
	target_start   INTEGER NOT NULL, target_end INTEGER NOT NULL,
	trigger_start  INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
	rule           TEXT NOT NULL,
	confidence     REAL NOT NULL,
	mode           TEXT NOT NULL,
	PRIMARY KEY (event_id, doc_id, sentence_index)
);
CREATE INDEX evidence_doc ON evidence(doc_id);

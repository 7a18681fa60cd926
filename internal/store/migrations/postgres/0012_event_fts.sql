-- Full-text search by event (issue 16): one row per event with the
-- tsvector of every sentence of its kept evidence, under a GIN index, so
-- the text filter reads the ids of its matches from the index instead of
-- joining sentences to evidence to events. It replaces the expression
-- index on the sentences, which served this filter alone. The store
-- rewrites an event's row in the transaction that changes its evidence;
-- this INSERT also rebuilds it.
CREATE TABLE event_fts (
	event_id BIGINT PRIMARY KEY,
	tsv      TSVECTOR NOT NULL
);
INSERT INTO event_fts (event_id, tsv) SELECT v.event_id, to_tsvector('english', string_agg(s.text, E'\n' ORDER BY v.doc_id, v.sentence_index)) FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index GROUP BY v.event_id;
CREATE INDEX event_fts_tsv ON event_fts USING GIN (tsv);
DROP INDEX sentences_fts;
ANALYZE event_fts;

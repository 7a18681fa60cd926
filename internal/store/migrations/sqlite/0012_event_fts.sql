-- Full-text search by event (issue 16): one FTS5 row per event, whose
-- rowid is the event's id and whose text is every sentence of its kept
-- evidence, so the text filter reads the ids of its matches in id order
-- straight from the index (a rare word) or tests an event by one seek
-- (a dense one, MATCH with rowid =) instead of joining sentences to
-- evidence to events and sorting. It replaces the per-sentence index,
-- which served this filter alone. The store rewrites an event's row in
-- the transaction that changes its evidence; this INSERT also rebuilds it.
CREATE VIRTUAL TABLE event_fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'porter unicode61');
INSERT INTO event_fts (rowid, text) SELECT event_id, group_concat(text, char(10)) FROM (SELECT DISTINCT v.event_id, s.text FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence_index ORDER BY v.event_id, s.text) GROUP BY event_id;
DROP TABLE sentence_fts_keys;
DROP TABLE sentence_fts;

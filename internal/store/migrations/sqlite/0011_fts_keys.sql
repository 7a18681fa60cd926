-- The full-text row of each sentence (issue 16), so that an event's own
-- sentences can be tested against a query (MATCH with rowid =) instead
-- of reading every sentence a dense word matches: a page of events with
-- a common word is read in id order, testing each event, and stops at a
-- page. The FTS5 rowid is kept here, not assumed equal to the sentences'
-- rowid (which VACUUM may renumber). Written with the sentences.
CREATE TABLE sentence_fts_keys (
	doc_id TEXT NOT NULL,
	idx    INTEGER NOT NULL,
	fts    INTEGER NOT NULL,
	PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

INSERT INTO sentence_fts_keys (doc_id, idx, fts) SELECT doc_id, idx, rowid FROM sentence_fts;

-- Text search that finds what an analyst types (issue 17): the sentence
-- index is rebuilt with FTS5's Porter stemmer over unicode61, so "air
-- strike" finds "air strikes" as PostgreSQL's english configuration does.
CREATE VIRTUAL TABLE sentence_fts_porter USING fts5(text, doc_id UNINDEXED, idx UNINDEXED, tokenize = 'porter unicode61');
INSERT INTO sentence_fts_porter (text, doc_id, idx) SELECT text, doc_id, idx FROM sentence_fts;
DROP TABLE sentence_fts;
ALTER TABLE sentence_fts_porter RENAME TO sentence_fts;

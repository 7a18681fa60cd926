-- SQLite kept the full-text row of each sentence in this version;
-- PostgreSQL's sentences were indexed by a GIN expression index.
SELECT 1;

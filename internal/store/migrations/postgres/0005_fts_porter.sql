-- The SQLite store's sentence index moved to a stemming tokenizer in this
-- version; PostgreSQL already searches with its english configuration.
SELECT 1;

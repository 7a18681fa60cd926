// Package store is the embedded event store: one SQLite file (the pure-Go
// modernc.org/sqlite driver) in WAL mode with foreign keys on, versioned
// migrations embedded in the binary and each run in a transaction. It keeps
// documents (with a content hash), sentences, actor mentions,
// deduplicated events and their evidence, a full-text index by event
// (event_fts: FTS5 in SQLite, a GIN-indexed tsvector in PostgreSQL,
// rewritten in the transaction that changes an event's evidence) and
// summary tables, and answers the queries and aggregates the command
// line, the API and the dashboard use.
package store

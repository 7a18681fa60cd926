// Package sqlite is the embedded event store: one SQLite file (the pure-Go
// modernc.org/sqlite driver) in WAL mode with foreign keys on, versioned
// migrations embedded in the binary and each run in a transaction. It keeps
// documents (with a content hash), sentences (with a full-text index),
// actor mentions, deduplicated events and their evidence, and answers the
// queries and aggregates the command line, the API and the dashboard use.
package store

package store

import (
	"context"
	"database/sql"
	"sync"
)

// maxReadStmts bounds the read statements a SQLite store keeps prepared.
const maxReadStmts = 512

// readStmts keeps SQLite's read statements prepared, by their text, for
// the store's life: SQLite parses and plans a statement on every call
// otherwise, and under the load tool at a million events that was a
// sixth of the server's CPU (the events page, its evidence and the
// aggregates are a few hundred texts). database/sql prepares a kept
// statement again on each connection that runs it, once. When
// maxReadStmts are kept, further texts are run unprepared as before, so
// a statement in use is never closed until the store is. PostgreSQL's
// driver (pgx) already keeps each connection's statements prepared.
type readStmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// stmt is the kept statement of q, prepared now if need be; nil when
// none is kept (the cache is full, or q does not prepare: the caller
// runs it unprepared and meets the error there).
func (c *readStmts) stmt(ctx context.Context, db *sql.DB, q string) *sql.Stmt {
	c.mu.Lock()
	st, ok := c.m[q]
	full := len(c.m) >= maxReadStmts
	c.mu.Unlock()
	if ok || full {
		return st
	}
	// prepared outside the lock: it may wait for a free connection
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if kept, ok := c.m[q]; ok { // another caller kept it first
		st.Close()
		return kept
	}
	if len(c.m) >= maxReadStmts {
		st.Close()
		return nil
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st
}

// close closes every kept statement.
func (c *readStmts) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// transientSQLStates are PostgreSQL error codes of faults that pass: the
// same work can succeed when tried again.
var transientSQLStates = map[string]string{
	"40001": "serialization failure",
	"40P01": "deadlock",
	"55P03": "lock not available",
	"57P01": "administrator shutdown",
	"57P02": "crash shutdown",
	"57P03": "cannot connect now",
	"53300": "too many connections",
	"58000": "system error",
}

// transientText are the messages of transient faults whose error value
// lost its type on the way (wrapped with %v, or from a driver that
// returns plain errors).
var transientText = []string{
	"connection refused", "connection reset", "broken pipe", "unexpected eof", "conn closed",
	"database is locked", "database table is locked", "sqlite_busy", "sqlite_locked",
	"the database system is shutting down", "the database system is starting up",
	"the database system is in recovery mode", "terminating connection due to administrator command",
	"server closed the connection", "i/o timeout", "no such host", "network is unreachable",
}

// Transient reports whether err is a fault that passes rather than a
// problem with the data: the server unreachable, restarting or shutting
// down, a dropped connection, a serialization failure or deadlock, a
// SQLite file locked by another writer, or a timeout. Work that failed
// with a transient error should be retried later, never given up on; any
// other error is permanent.
func Transient(err error) bool {
	if err == nil {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		_, ok := transientSQLStates[pe.Code]
		return ok || strings.HasPrefix(pe.Code, "08") // connection exceptions
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff { // the primary code of an extended one
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
		return false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &ne),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		pgconn.SafeToRetry(err), pgconn.Timeout(err):
		return true
	}
	msg := strings.ToLower(err.Error())
	for _, t := range transientText {
		if strings.Contains(msg, t) {
			return true
		}
	}
	return false
}

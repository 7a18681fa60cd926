// Package storetest opens fresh stores for tests: a SQLite file always,
// and a PostgreSQL database when $ANNALS_TEST_POSTGRES names a server
// (scripts/test starts one; with ANNALS_REQUIRE_POSTGRES=1 a missing
// server fails the test instead of skipping that backend).
package storetest

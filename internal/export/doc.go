// Package export writes stored events in the formats users already have
// tools for: the GDELT 2.0 event table (61 tab-separated columns in GDELT's
// order), PLOVER JSON lines, CSV and JSON lines with every field, and
// Parquet (github.com/parquet-go/parquet-go).
package export

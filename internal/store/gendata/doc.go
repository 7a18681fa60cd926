// Package gendata fills an empty store with a realistic, deterministic set
// of synthetic documents, sentences, events and evidence, without coding
// any text, for benchmarks and load tests (tools/gendb).
package gendata

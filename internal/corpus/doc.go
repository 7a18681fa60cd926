// Package corpus generates synthetic wire-style articles for tests,
// benchmarks and load tests: templated sentences about real actor pairs on
// known dates, so the expected codings are known in advance. It is not a
// model of the news; it is a workload.
package corpus

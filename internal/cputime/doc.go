// Package cputime reads the CPU time the process has used, so that
// benchmarks and complexity checks on a shared machine can measure work
// rather than wall time, which other processes stretch.
package cputime

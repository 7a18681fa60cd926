//go:build !unix

package cputime

import "time"

// Self is 0 where the platform does not tell a process's CPU time.
func Self() time.Duration { return 0 }

//go:build unix

// Package cputime reads the CPU time of the running process, for
// benchmarks that report it beside wall time: on a shared machine other
// jobs inflate wall time much more than CPU time.
package cputime

import (
	"syscall"
	"time"
)

// Now is the user+system CPU time of this process so far; 0 when it cannot
// be read.
func Now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

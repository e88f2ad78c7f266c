//go:build unix

package admin

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time: on a shared machine,
// other jobs disturb it much less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

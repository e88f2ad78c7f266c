// Package leaktest finds the goroutines a test run leaves behind: those
// whose stacks name any of the given markers (a package, a type, a
// connection's serve loop), so that a test package's TestMain, or one
// test, fails when a bot, a fake server or a connection outlives it.
package leaktest

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

// Leaked returns the stacks of the running goroutines that contain any
// of markers.
func Leaked(markers ...string) []string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf)) // cut short: all of them, or none
	}
	var bad []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		for _, m := range markers {
			if strings.Contains(g, m) {
				bad = append(bad, g)
				break
			}
		}
	}
	return bad
}

// Settle waits up to d for the goroutines Leaked finds to end, as
// goroutines being shut down take a moment to; past d it returns an error
// with their stacks.
func Settle(d time.Duration, markers ...string) error {
	deadline := time.Now().Add(d)
	for {
		bad := Leaked(markers...)
		if len(bad) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("leaked %d goroutines:\n%s", len(bad), strings.Join(bad, "\n\n"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

//go:build unix

package store

import (
	"context"
	"fmt"
	"os"
	"syscall"
)

// lockWriters takes the write lock that every process using the SQLite file
// shares: an exclusive flock on path (created if needed), held until
// release is called. SQLite's busy handler polls with sleeps of up to
// 100 ms, so a process whose writers queue back to back (writeSem hands the
// file from one to the next at once) can keep another process's writer
// waiting past busy_timeout; the kernel wakes a flock waiter as soon as the
// lock is free. A cancelled ctx abandons the wait, and the lock is dropped
// as soon as it is granted.
func lockWriters(ctx context.Context, path string) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open write lock: %w", err)
	}
	got := make(chan error, 1)
	go func() {
		for {
			err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
			if err != syscall.EINTR {
				got <- err
				return
			}
		}
	}()
	select {
	case err := <-got:
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("take write lock: %w", err)
		}
		return func() { f.Close() }, nil // closing the file drops the lock
	case <-ctx.Done():
		go func() { <-got; f.Close() }()
		return nil, ctx.Err()
	}
}

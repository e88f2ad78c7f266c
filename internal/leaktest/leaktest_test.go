package leaktest

import (
	"strings"
	"testing"
	"time"
)

// parkedUntil is a goroutine for the tests to find by its name; it says
// when it has started.
func parkedUntil(started chan<- struct{}, done <-chan struct{}) {
	close(started)
	<-done
}

func TestSettle(t *testing.T) {
	const marker = "leaktest.parkedUntil"
	started, done := make(chan struct{}), make(chan struct{})
	go parkedUntil(started, done)
	<-started
	if got := Leaked(marker); len(got) != 1 {
		t.Fatalf("Leaked = %d stacks, want the one parked goroutine", len(got))
	}
	err := Settle(50*time.Millisecond, marker)
	if err == nil || !strings.Contains(err.Error(), "leaked 1 goroutines") || !strings.Contains(err.Error(), marker) {
		t.Errorf("Settle with the goroutine running: %v", err)
	}
	time.AfterFunc(30*time.Millisecond, func() { close(done) })
	if err := Settle(5*time.Second, marker); err != nil {
		t.Errorf("Settle after the goroutine ends: %v", err)
	}
	if got := Leaked("no goroutine has this in its stack"); got != nil {
		t.Errorf("Leaked of an unknown marker = %d stacks", len(got))
	}
}

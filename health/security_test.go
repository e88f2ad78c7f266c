package health

import (
	"context"
	"log/slog"
	"testing"
	"time"
)

// TestSecurityNonLoopbackAddressIsWarned: the health server has no
// authentication, so serving it beyond this machine is the operator's
// explicit choice and is logged as a warning (docs/security.md).
func TestSecurityNonLoopbackAddressIsWarned(t *testing.T) {
	rec := &recorder{}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, "0.0.0.0:0", New(Config{}).Handler(), slog.New(rec)) }()
	for deadline := time.Now().Add(5 * time.Second); ; {
		if _, ok := rec.find("health: listening", "addr"); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("got no \"health: listening\" log line within 5s")
		}
		select {
		case err := <-done:
			t.Fatalf("Serve returned early: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, ok := rec.find("health: serving on a non-loopback address; /metrics and /healthz are reachable from the network", "addr"); !ok {
		t.Errorf("no warning for 0.0.0.0 (warnings: %d)", rec.count(slog.LevelWarn))
	}
}

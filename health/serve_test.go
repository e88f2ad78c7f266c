package health

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestServeStopsOnCancel(t *testing.T) {
	rec := &recorder{}
	m := New(Config{})
	m.SetIndex(1, 1)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, "127.0.0.1:0", m.Handler(), slog.New(rec)) }()

	// The bound port is only known from the log line.
	var addr string
	for deadline := time.Now().Add(5 * time.Second); addr == ""; {
		if time.Now().After(deadline) {
			t.Fatal("got no \"health: listening\" log line within 5s")
		}
		select {
		case err := <-done:
			t.Fatalf("Serve returned early: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
		addr, _ = rec.find("health: listening", "addr")
	}

	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz: got %d, want 200", resp.StatusCode)
	}
	if got := rec.count(slog.LevelWarn); got != 0 {
		t.Errorf("warnings on loopback: got %d, want 0", got)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel: got %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return within 10s of cancel")
	}
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Errorf("dial %s after shutdown: got a connection, want refused", addr)
	}
}

func TestServeErrors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	tests := []struct {
		name string
		addr string
		want []string
	}{
		{"address in use", busy.Addr().String(), []string{"HEALTH_ADDR", busy.Addr().String()}},
		{"malformed", "127.0.0.1:notaport", []string{"HEALTH_ADDR"}},
		{"empty", "", []string{"HEALTH_ADDR", "empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
			defer cancel()
			err := Serve(ctx, tt.addr, http.NotFoundHandler(), nil)
			if err == nil {
				t.Fatalf("Serve(%q): got nil, want an error", tt.addr)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("Serve(%q): got %v, want it to fail at once", tt.addr, err)
			}
			for _, s := range tt.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("Serve(%q): got %q, want it to mention %q", tt.addr, err, s)
				}
			}
		})
	}
}

func TestServeCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := Serve(ctx, "127.0.0.1:0", http.NotFoundHandler(), nil); err != nil {
		t.Errorf("got %v, want nil", err)
	}
}

package httpserve

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// lines is a log destination that hands the test each line slog writes
// (one Write a line); buffered well beyond the few lines Serve logs.
type lines chan string

func (l lines) Write(p []byte) (int, error) { l <- string(p); return len(p), nil }

func newLines() lines { return make(lines, 64) }

// waitFor returns the first line holding s, or fails after 10 s.
func (l lines) waitFor(t *testing.T, s string) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case line := <-l:
			if strings.Contains(line, s) {
				return line
			}
		case <-timeout:
			t.Fatalf("no log line holding %q within 10 s", s)
		}
	}
}

var listeningRE = regexp.MustCompile(`msg="test: listening" url=http://(127\.0\.0\.1:\d+)/ addr=(127\.0\.0\.1:\d+)`)

// A request in flight when ctx ends sees its context cancelled, so that
// the shutdown is quick and clean; the address is free afterwards.
func TestServeCancelsRequestsAndShutsDown(t *testing.T) {
	logs := newLines()
	entered := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-r.Context().Done()
	})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, "127.0.0.1:0", h, Config{Name: "test", Setting: "TEST_ADDR", Logger: slog.New(slog.NewTextHandler(logs, nil))})
	}()
	line := logs.waitFor(t, "listening")
	m := listeningRE.FindStringSubmatch(line)
	if m == nil || m[1] != m[2] {
		t.Fatalf("listening line %q: want the url and addr of one loopback address", line)
	}
	addr := m[1]
	go http.Get("http://" + addr + "/")
	select {
	case <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the request did not arrive within 10 s")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve = %v, want nil after a clean shutdown", err)
		}
	case <-time.After(shutdownTimeout + 10*time.Second):
		t.Fatal("Serve did not return after ctx ended")
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Errorf("%s still accepts connections after shutdown", addr)
	}
}

func TestServeAddressErrors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	// Already done: a bad address is reported all the same.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for _, tc := range []struct{ addr, want string }{
		{"", "TEST_ADDR is empty"},
		{busy.Addr().String(), `TEST_ADDR "` + busy.Addr().String() + `"`},
		{"127.0.0.1:notaport", `TEST_ADDR "127.0.0.1:notaport"`},
	} {
		err := Serve(ctx, tc.addr, http.NotFoundHandler(), Config{Name: "test", Setting: "TEST_ADDR"})
		if err == nil || !strings.Contains(err.Error(), tc.want) || errors.Is(err, context.Canceled) {
			t.Errorf("Serve(%q) = %v, want an error holding %q", tc.addr, err, tc.want)
		}
	}
}

func TestServeWarnsOffLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr string
		warn bool
	}{{"127.0.0.1:0", false}, {"0.0.0.0:0", true}} {
		logs := newLines()
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error, 1)
		go func() {
			done <- Serve(ctx, tc.addr, http.NotFoundHandler(),
				Config{Name: "test", Setting: "TEST_ADDR", Exposed: "it shows secrets", Logger: slog.New(slog.NewTextHandler(logs, nil))})
		}()
		// The warning comes before the listening line, or not at all.
		got := strings.Contains(logs.waitFor(t, ": "), "test: serving on a non-loopback address; it shows secrets")
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if got != tc.warn {
			t.Errorf("%s: warned %v, want %v", tc.addr, got, tc.warn)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	tests := []struct {
		name string
		addr net.Addr
		want bool
	}{
		{"ipv4 loopback", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9090}, true},
		{"ipv4 loopback range", &net.TCPAddr{IP: net.IPv4(127, 1, 2, 3), Port: 9090}, true},
		{"ipv6 loopback", &net.TCPAddr{IP: net.IPv6loopback, Port: 9090}, true},
		{"unspecified v4", &net.TCPAddr{IP: net.IPv4zero, Port: 9090}, false},
		{"unspecified v6", &net.TCPAddr{IP: net.IPv6unspecified, Port: 9090}, false},
		{"private", &net.TCPAddr{IP: net.IPv4(10, 0, 0, 5), Port: 9090}, false},
		{"not tcp", &net.UnixAddr{Name: "/tmp/x", Net: "unix"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsLoopback(tt.addr); got != tt.want {
				t.Errorf("IsLoopback(%v): got %v, want %v", tt.addr, got, tt.want)
			}
		})
	}
}

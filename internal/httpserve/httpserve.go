// Package httpserve serves an http.Handler on a TCP address until a
// context ends, the way corpusbot's health endpoint and operator's
// dashboard both need: bounded timeouts, a warning when the address is
// reachable from the network, and a graceful shutdown.
package httpserve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Server timeouts. Requests and pages are small and quick; the limits
// keep a slow or idle client from holding a connection for long.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 5 * time.Second
)

// Config says what is served, for its logs and errors.
type Config struct {
	// Name opens every log line and error: "health", "dashboard".
	Name string
	// Setting is where the address comes from ("HEALTH_ADDR"); errors
	// about the address name it.
	Setting string
	// Exposed is the warning logged when the address is reachable from
	// other machines, saying what that exposes.
	Exposed string
	// Logger; nil discards.
	Logger *slog.Logger
}

// Serve listens on addr and serves h until ctx is done, then shuts down
// gracefully. It returns nil after a clean shutdown, and an error naming
// cfg.Setting at once when addr is empty or cannot be bound, even when ctx
// is already done. Once listening it logs "<Name>: listening" with the
// url and addr.
func Serve(ctx context.Context, addr string, h http.Handler, cfg Config) error {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if addr == "" {
		// Off means "do not call Serve", not "listen on every interface".
		return fmt.Errorf("%s is empty", cfg.Setting)
	}
	// Not ctx: a bad address is reported even when ctx is already done.
	var lc net.ListenConfig
	ln, err := lc.Listen(context.WithoutCancel(ctx), "tcp", addr)
	if err != nil {
		return fmt.Errorf("%s %q: %w", cfg.Setting, addr, err)
	}
	bound := ln.Addr().String()
	if !IsLoopback(ln.Addr()) {
		log.Warn(cfg.Name+": serving on a non-loopback address; "+cfg.Exposed, "addr", bound)
	}
	log.Info(cfg.Name+": listening", "url", "http://"+bound+"/", "addr", bound)

	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		// Requests see ctx's cancellation, so none outlives shutdown.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	select {
	case err := <-errc:
		return fmt.Errorf("%s server: %w", cfg.Name, err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("%s server shutdown: %w", cfg.Name, err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("%s server: %w", cfg.Name, err)
	}
	return nil
}

// IsLoopback reports whether a listener's address is reachable only from
// this machine. The unspecified address (":8080") is not.
func IsLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

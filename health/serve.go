package health

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Server timeouts. Health checks and scrapes are small and quick; the
// limits keep a slow or idle client from holding connections for long.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 5 * time.Second
)

// Serve listens on addr (HEALTH_ADDR) and serves h until ctx is done, then
// shuts down gracefully. It returns nil after a clean shutdown and an error
// naming HEALTH_ADDR when addr cannot be bound. A nil logger discards.
//
// Serving on a non-loopback address is allowed but logged as a warning:
// metrics and health detail should reach the network only deliberately.
func Serve(ctx context.Context, addr string, h http.Handler, logger *slog.Logger) error {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if addr == "" {
		// Off means "do not call Serve", not "listen on every interface".
		return errors.New("HEALTH_ADDR is empty")
	}
	// Not ctx: a bad address is reported even when ctx is already done.
	var lc net.ListenConfig
	ln, err := lc.Listen(context.WithoutCancel(ctx), "tcp", addr)
	if err != nil {
		return fmt.Errorf("HEALTH_ADDR %q: %w", addr, err)
	}
	if !isLoopback(ln.Addr()) {
		logger.Warn("health: serving on a non-loopback address; /metrics and /healthz are reachable from the network",
			"addr", ln.Addr().String())
	}
	logger.Info("health: listening", "addr", ln.Addr().String())

	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		// Requests see ctx's cancellation, so none outlives shutdown.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	select {
	case err := <-errc:
		return fmt.Errorf("health server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("health server shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("health server: %w", err)
	}
	return nil
}

// isLoopback reports whether a listener's address is reachable only from
// this machine. The unspecified address (":8080") is not.
func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

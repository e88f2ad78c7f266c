package health

import (
	"context"
	"log/slog"
	"net/http"

	"corpusbot/internal/httpserve"
)

// Serve listens on addr (HEALTH_ADDR) and serves h until ctx is done, then
// shuts down gracefully. It returns nil after a clean shutdown and an error
// naming HEALTH_ADDR when addr cannot be bound. A nil logger discards.
//
// Serving on a non-loopback address is allowed but logged as a warning:
// metrics and health detail should reach the network only deliberately.
func Serve(ctx context.Context, addr string, h http.Handler, logger *slog.Logger) error {
	return httpserve.Serve(ctx, addr, h, httpserve.Config{
		Name:    "health",
		Setting: "HEALTH_ADDR",
		Exposed: "/metrics and /healthz are reachable from the network",
		Logger:  logger,
	})
}

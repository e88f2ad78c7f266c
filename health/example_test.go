package health_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/signal"
	"time"

	"corpusbot/health"
)

// Wiring in package main: one Monitor, passed to bot and answer through
// the small interfaces they declare, and Serve run only when HEALTH_ADDR
// is set.
func Example() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))

	mon := health.New(health.Config{Logger: logger, ExpectGateway: true})
	mon.SetLLMConfigured(true)
	mon.SetIndex(12, 840) // after the corpus is loaded

	if addr := os.Getenv("HEALTH_ADDR"); addr != "" {
		go func() {
			if err := health.Serve(ctx, addr, mon.Handler(), logger); err != nil {
				logger.Error("health server", "error", err)
			}
		}()
	}

	// In bot and answer, through their interfaces:
	mon.SetGateway(true)
	mon.Question("ask")
	mon.ObserveRetrieval(180 * time.Microsecond)
	mon.ObserveLLM(2 * time.Second)
	mon.Tokens(1500, 220)
	mon.ObserveAnswer("ask", 2100*time.Millisecond)
}

func ExampleMonitor_Handler() {
	start := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	now := start
	mon := health.New(health.Config{Now: func() time.Time { return now }, ExpectGateway: true})
	mon.SetIndex(12, 840)
	mon.SetGateway(true)
	mon.SetLLMConfigured(true)
	now = now.Add(time.Minute)
	mon.LLMError(errors.New("llm: rate limited"))
	mon.Error("rate_limited")

	w := httptest.NewRecorder()
	mon.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/healthz", nil))
	fmt.Print(w.Code, " ", w.Body.String())
	// Output:
	// 200 {"status":"degraded","gateway_connected":true,"gateway":"connected","store":"ok","index_loaded":true,"documents":12,"passages":840,"llm_configured":true,"last_llm_error":"llm: rate limited","last_llm_error_at":"2025-03-01T09:01:00Z","uptime_seconds":60}
}

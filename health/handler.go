package health

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Status values reported by /healthz.
const (
	StatusOK       = "ok"
	StatusDegraded = "degraded"
	StatusDown     = "down"
)

// Report is the JSON body of /healthz.
type Report struct {
	Status           string `json:"status"`
	GatewayConnected bool   `json:"gateway_connected"`
	Gateway          string `json:"gateway"`                // "connected" or "disconnected"
	Store            string `json:"store"`                  // "ok", "read-only", "full", "missing", "corrupt"
	StoreDetail      string `json:"store_detail,omitempty"` // why the store is not ok
	IndexLoaded      bool   `json:"index_loaded"`
	Documents        int    `json:"documents"`
	Passages         int    `json:"passages"`
	LLMConfigured    bool   `json:"llm_configured"`
	LastLLMError     string `json:"last_llm_error,omitempty"`
	LastLLMErrorAt   string `json:"last_llm_error_at,omitempty"` // RFC 3339, UTC
	UptimeSeconds    int64  `json:"uptime_seconds"`
}

// Report returns the current health, as /healthz serves it.
func (m *Monitor) Report() Report {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := Report{
		GatewayConnected: m.gatewayUp,
		Gateway:          "disconnected",
		Store:            m.storeState,
		StoreDetail:      m.storeDetail,
		IndexLoaded:      m.pass > 0,
		Documents:        m.docs,
		Passages:         m.pass,
		LLMConfigured:    m.llmConfigured,
		LastLLMError:     m.lastErr,
		UptimeSeconds:    int64(m.now().Sub(m.start) / time.Second),
	}
	if !m.lastErrAt.IsZero() {
		r.LastLLMErrorAt = m.lastErrAt.UTC().Format(time.RFC3339)
	}
	if r.GatewayConnected {
		r.Gateway = "connected"
	}
	switch {
	case !r.IndexLoaded, m.expectGateway && !r.GatewayConnected:
		r.Status = StatusDown
	case r.Store != StoreOK, !r.LLMConfigured, m.llmFailing:
		r.Status = StatusDegraded
	default:
		r.Status = StatusOK
	}
	return r
}

// Handler returns the handler serving /healthz and /metrics.
func (m *Monitor) Handler() http.Handler { return m.handler }

func newHandler(m *Monitor) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", m.healthz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog: promLogger{m.log},
		// Counts failed scrapes in promhttp_metric_handler_errors_total.
		Registry: m.reg,
	}))
	return mux
}

func (m *Monitor) healthz(w http.ResponseWriter, _ *http.Request) {
	rep := m.Report()
	code := http.StatusOK
	if rep.Status == StatusDown || rep.Store != StoreOK {
		// 503 lets a load balancer or orchestrator act on it without
		// parsing the body. A store that cannot record votes and
		// conversations needs an operator, though answers still work.
		code = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(rep) // a failed write means the client left; nothing to do
}

// promLogger adapts slog to promhttp's Println logger.
type promLogger struct{ log *slog.Logger }

func (l promLogger) Println(v ...any) {
	l.log.Warn("health: serving metrics", "error", fmt.Sprint(v...))
}

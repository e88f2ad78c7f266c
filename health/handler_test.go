package health

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func getHealthz(t *testing.T, m *Monitor) (int, Report, http.Header) {
	t.Helper()
	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	var rep Report
	if err := json.Unmarshal(w.Body.Bytes(), &rep); err != nil {
		t.Fatalf("decode /healthz %q: %v", w.Body.String(), err)
	}
	return w.Code, rep, w.Header()
}

func TestHealthz(t *testing.T) {
	ready := func(m *Monitor) {
		m.SetIndex(3, 120)
		m.SetLLMConfigured(true)
		m.SetGateway(true)
	}
	tests := []struct {
		name          string
		expectGateway bool
		setup         func(m *Monitor)
		wantCode      int
		wantStatus    string
		wantErr       string
	}{
		{"fresh", true, func(*Monitor) {}, 503, StatusDown, ""},
		{"ready", true, ready, 200, StatusOK, ""},
		{"no gateway expected", false, func(m *Monitor) {
			m.SetIndex(3, 120)
			m.SetLLMConfigured(true)
		}, 200, StatusOK, ""},
		{"gateway expected, not connected", true, func(m *Monitor) {
			m.SetIndex(3, 120)
			m.SetLLMConfigured(true)
		}, 503, StatusDown, ""},
		{"gateway lost", true, func(m *Monitor) { ready(m); m.SetGateway(false) }, 503, StatusDown, ""},
		{"index empty", true, func(m *Monitor) { ready(m); m.SetIndex(0, 0) }, 503, StatusDown, ""},
		{"no model configured", true, func(m *Monitor) { ready(m); m.SetLLMConfigured(false) }, 200, StatusDegraded, ""},
		{"model failing", true, func(m *Monitor) {
			ready(m)
			m.LLMError(errors.New("llm: rate limited: retry after 20s"))
		}, 200, StatusDegraded, "llm: rate limited: retry after 20s"},
		{"model recovered keeps last error", true, func(m *Monitor) {
			ready(m)
			m.LLMError(errors.New("llm: timeout"))
			m.LLMOK()
		}, 200, StatusOK, "llm: timeout"},
		{"nil error is success", true, func(m *Monitor) {
			ready(m)
			m.LLMError(errors.New("llm: timeout"))
			m.LLMError(nil)
		}, 200, StatusOK, "llm: timeout"},
		{"store full", true, func(m *Monitor) { ready(m); m.SetStore("full", "database or disk is full") }, 503, StatusDegraded, ""},
		{"store missing", true, func(m *Monitor) { ready(m); m.SetStore("missing", "deleted") }, 503, StatusDegraded, ""},
		{"store recovered", true, func(m *Monitor) { ready(m); m.SetStore("read-only", "x"); m.SetStore(StoreOK, "") }, 200, StatusOK, ""},
		{"down wins over degraded", true, func(m *Monitor) {
			m.SetIndex(3, 120)
			m.LLMError(errors.New("llm: unavailable"))
		}, 503, StatusDown, "llm: unavailable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := newClock()
			m := New(Config{Now: clk.Now, ExpectGateway: tt.expectGateway})
			tt.setup(m)
			code, rep, hdr := getHealthz(t, m)
			if code != tt.wantCode {
				t.Errorf("code: got %d, want %d", code, tt.wantCode)
			}
			if rep.Status != tt.wantStatus {
				t.Errorf("status: got %q, want %q", rep.Status, tt.wantStatus)
			}
			if rep.LastLLMError != tt.wantErr {
				t.Errorf("last_llm_error: got %q, want %q", rep.LastLLMError, tt.wantErr)
			}
			wantAt := ""
			if tt.wantErr != "" {
				wantAt = "2025-03-01T09:00:00Z"
			}
			if rep.LastLLMErrorAt != wantAt {
				t.Errorf("last_llm_error_at: got %q, want %q", rep.LastLLMErrorAt, wantAt)
			}
			if got := hdr.Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type: got %q, want application/json", got)
			}
		})
	}
}

func TestHealthzJSON(t *testing.T) {
	clk := newClock()
	m := New(Config{Now: clk.Now, ExpectGateway: true})
	m.SetIndex(3, 120)
	m.SetGateway(true)
	m.SetLLMConfigured(true)
	clk.Advance(90 * time.Second)
	m.LLMError(errors.New("llm: unavailable: 502"))
	clk.Advance(30 * time.Second)

	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	want := `{"status":"degraded","gateway_connected":true,"gateway":"connected","store":"ok","index_loaded":true,"documents":3,"passages":120,` +
		`"llm_configured":true,"last_llm_error":"llm: unavailable: 502","last_llm_error_at":"2025-03-01T09:01:30Z",` +
		`"uptime_seconds":120}` + "\n"
	if got := w.Body.String(); got != want {
		t.Errorf("body:\ngot  %s\nwant %s", got, want)
	}
	if got := w.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control: got %q, want no-store", got)
	}
}

func TestLLMErrorTruncated(t *testing.T) {
	tests := []struct {
		name    string
		msg     string
		wantLen int
		wantEnd string
	}{
		{"short kept", "llm: timeout", 12, "timeout"},
		{"long cut", strings.Repeat("x", 5000), maxErrorLen, "…"},
		{"long multibyte cut", strings.Repeat("日本", 300), maxErrorLen, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(Config{})
			m.LLMError(errors.New(tt.msg))
			got := m.Report().LastLLMError
			if n := utf8.RuneCountInString(got); n != tt.wantLen {
				t.Errorf("length: got %d runes, want %d", n, tt.wantLen)
			}
			if !utf8.ValidString(got) {
				t.Errorf("got invalid UTF-8 %q", got)
			}
			if !strings.HasSuffix(got, tt.wantEnd) {
				t.Errorf("got %q, want it to end in %q", got, tt.wantEnd)
			}
		})
	}
}

func TestHandlerRoutes(t *testing.T) {
	tests := []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/healthz", http.StatusServiceUnavailable},
		{http.MethodHead, "/healthz", http.StatusServiceUnavailable},
		{http.MethodGet, "/metrics", http.StatusOK},
		{http.MethodPost, "/healthz", http.StatusMethodNotAllowed},
		{http.MethodPost, "/metrics", http.StatusMethodNotAllowed},
		{http.MethodGet, "/", http.StatusNotFound},
		{http.MethodGet, "/debug/pprof/", http.StatusNotFound},
	}
	m := New(Config{})
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			w := httptest.NewRecorder()
			m.Handler().ServeHTTP(w, httptest.NewRequest(tt.method, tt.path, nil))
			if w.Code != tt.want {
				t.Errorf("got %d, want %d", w.Code, tt.want)
			}
		})
	}
}

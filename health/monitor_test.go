package health

import (
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
)

func TestMetricsAfterRecording(t *testing.T) {
	tests := []struct {
		name   string
		record func(m *Monitor)
		metric string
		labels map[string]string
		want   float64
	}{
		{"question ask", func(m *Monitor) { m.Question("ask"); m.Question("ask") },
			"corpusbot_questions_total", map[string]string{"kind": "ask"}, 2},
		{"question search", func(m *Monitor) { m.Question("search") },
			"corpusbot_questions_total", map[string]string{"kind": "search"}, 1},
		{"question unknown kind", func(m *Monitor) { m.Question("poem") },
			"corpusbot_questions_total", map[string]string{"kind": "other"}, 1},
		{"question zero before any", func(m *Monitor) {},
			"corpusbot_questions_total", map[string]string{"kind": "briefing"}, 0},
		{"abstention", func(m *Monitor) { m.Abstained() },
			"corpusbot_abstentions_total", nil, 1},
		{"retrieval count", func(m *Monitor) { m.ObserveRetrieval(40 * time.Microsecond) },
			"corpusbot_retrieval_seconds", nil, 1},
		{"llm count", func(m *Monitor) { m.ObserveLLM(3 * time.Second); m.ObserveLLM(time.Second) },
			"corpusbot_llm_seconds", nil, 2},
		{"answer by kind", func(m *Monitor) { m.ObserveAnswer("summary", 4*time.Second) },
			"corpusbot_answer_seconds", map[string]string{"kind": "summary"}, 1},
		{"answer other kind untouched", func(m *Monitor) { m.ObserveAnswer("summary", time.Second) },
			"corpusbot_answer_seconds", map[string]string{"kind": "ask"}, 0},
		{"prompt tokens", func(m *Monitor) { m.Tokens(1200, 300); m.Tokens(800, 100) },
			"corpusbot_llm_tokens_total", map[string]string{"type": "prompt"}, 2000},
		{"completion tokens", func(m *Monitor) { m.Tokens(1200, 300); m.Tokens(800, 100) },
			"corpusbot_llm_tokens_total", map[string]string{"type": "completion"}, 400},
		{"negative tokens ignored", func(m *Monitor) { m.Tokens(-5, 7) },
			"corpusbot_llm_tokens_total", map[string]string{"type": "prompt"}, 0},
		{"error known kind", func(m *Monitor) { m.Error("rate_limited"); m.Error("timeout") },
			"corpusbot_errors_total", map[string]string{"kind": "rate_limited"}, 1},
		{"error unknown kind", func(m *Monitor) { m.Error("boom") },
			"corpusbot_errors_total", map[string]string{"kind": "other"}, 1},
		{"empty model reply", func(m *Monitor) { m.Error("empty_reply") },
			"corpusbot_errors_total", map[string]string{"kind": "empty_reply"}, 1},
		{"briefing fallback", func(m *Monitor) { m.BriefingFallback("extractive"); m.BriefingFallback("notice") },
			"corpusbot_briefing_fallbacks_total", map[string]string{"kind": "extractive"}, 1},
		{"briefing fallback zero before any", func(m *Monitor) {},
			"corpusbot_briefing_fallbacks_total", map[string]string{"kind": "notice"}, 0},
		{"vote up", func(m *Monitor) { m.Vote(1); m.Vote(1); m.Vote(-1) },
			"corpusbot_feedback_votes_total", map[string]string{"vote": "up"}, 2},
		{"vote down", func(m *Monitor) { m.Vote(1); m.Vote(-1) },
			"corpusbot_feedback_votes_total", map[string]string{"vote": "down"}, 1},
		{"vote zero ignored", func(m *Monitor) { m.Vote(0) },
			"corpusbot_feedback_votes_total", map[string]string{"vote": "up"}, 0},
		{"gateway connected", func(m *Monitor) { m.SetGateway(true) },
			"corpusbot_gateway_connected", nil, 1},
		{"gateway disconnected", func(m *Monitor) { m.SetGateway(true); m.SetGateway(false) },
			"corpusbot_gateway_connected", nil, 0},
		{"store error kind", func(m *Monitor) { m.StoreError("full"); m.StoreError("full"); m.StoreError("corrupt") },
			"corpusbot_store_errors_total", map[string]string{"kind": "full"}, 2},
		{"store error unknown kind", func(m *Monitor) { m.StoreError("gremlins") },
			"corpusbot_store_errors_total", map[string]string{"kind": "other"}, 1},
		{"store ok at start", func(m *Monitor) {},
			"corpusbot_store_ok", nil, 1},
		{"store degraded", func(m *Monitor) { m.SetStore("full", "database or disk is full") },
			"corpusbot_store_ok", nil, 0},
		{"store recovered", func(m *Monitor) { m.SetStore("full", "x"); m.SetStore(StoreOK, "") },
			"corpusbot_store_ok", nil, 1},
		{"index documents", func(m *Monitor) { m.SetIndex(42, 1234) },
			"corpusbot_index_documents", nil, 42},
		{"index passages", func(m *Monitor) { m.SetIndex(42, 1234) },
			"corpusbot_index_passages", nil, 1234},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(Config{})
			tt.record(m)
			got := value(t, scrape(t, m), tt.metric, tt.labels)
			if got != tt.want {
				t.Errorf("%s%v: got %v, want %v", tt.metric, tt.labels, got, tt.want)
			}
		})
	}
}

func TestMetricFamilies(t *testing.T) {
	m := New(Config{})
	mfs := scrape(t, m)
	tests := []struct {
		name string
		typ  dto.MetricType
	}{
		{"corpusbot_questions_total", dto.MetricType_COUNTER},
		{"corpusbot_abstentions_total", dto.MetricType_COUNTER},
		{"corpusbot_retrieval_seconds", dto.MetricType_HISTOGRAM},
		{"corpusbot_llm_seconds", dto.MetricType_HISTOGRAM},
		{"corpusbot_answer_seconds", dto.MetricType_HISTOGRAM},
		{"corpusbot_llm_tokens_total", dto.MetricType_COUNTER},
		{"corpusbot_errors_total", dto.MetricType_COUNTER},
		{"corpusbot_feedback_votes_total", dto.MetricType_COUNTER},
		{"corpusbot_gateway_connected", dto.MetricType_GAUGE},
		{"corpusbot_store_errors_total", dto.MetricType_COUNTER},
		{"corpusbot_store_ok", dto.MetricType_GAUGE},
		{"corpusbot_index_documents", dto.MetricType_GAUGE},
		{"corpusbot_index_passages", dto.MetricType_GAUGE},
		{"go_goroutines", dto.MetricType_GAUGE},
		{"go_build_info", dto.MetricType_GAUGE},
		{"process_start_time_seconds", dto.MetricType_GAUGE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mf, ok := mfs[tt.name]
			if !ok {
				t.Fatalf("got no %s, want it exposed", tt.name)
			}
			if got := mf.GetType(); got != tt.typ {
				t.Errorf("type: got %v, want %v", got, tt.typ)
			}
			if mf.GetHelp() == "" {
				t.Errorf("help: got empty, want a description")
			}
		})
	}
}

func TestHistogramBuckets(t *testing.T) {
	m := New(Config{})
	m.ObserveRetrieval(30 * time.Microsecond)
	m.ObserveLLM(90 * time.Second)
	m.ObserveAnswer("ask", 15*time.Millisecond)
	mfs := scrape(t, m)
	tests := []struct {
		name        string
		labels      map[string]string
		first, last float64
		sum         float64
		le          float64 // a bound the one observation falls under
		wantBelow   uint64  // cumulative count at le
	}{
		{"corpusbot_retrieval_seconds", nil, 10e-6, 0.1, 30e-6, 50e-6, 1},
		{"corpusbot_llm_seconds", nil, 0.1, 120, 90, 60, 0},
		{"corpusbot_answer_seconds", map[string]string{"kind": "ask"}, 0.01, 120, 0.015, 0.025, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := series(t, mfs, tt.name, tt.labels).GetHistogram()
			b := h.GetBucket()
			if len(b) < 2 {
				t.Fatalf("got %d buckets, want several", len(b))
			}
			if got := b[0].GetUpperBound(); got != tt.first {
				t.Errorf("first bucket: got %v, want %v", got, tt.first)
			}
			// The text format adds le="+Inf"; the last finite bound is the range's top.
			if got := b[len(b)-1].GetUpperBound(); !math.IsInf(got, 1) {
				t.Errorf("final bucket: got %v, want +Inf", got)
			}
			if got := b[len(b)-2].GetUpperBound(); got != tt.last {
				t.Errorf("last bucket: got %v, want %v", got, tt.last)
			}
			if got := h.GetSampleSum(); got < tt.sum*0.999 || got > tt.sum*1.001 {
				t.Errorf("sum: got %v, want %v", got, tt.sum)
			}
			for _, bk := range b {
				if bk.GetUpperBound() == tt.le && bk.GetCumulativeCount() != tt.wantBelow {
					t.Errorf("bucket le=%v: got %d, want %d", tt.le, bk.GetCumulativeCount(), tt.wantBelow)
				}
			}
		})
	}
}

// Label values must stay within fixed sets however many distinct kinds
// callers pass, or months of running could grow series without bound.
func TestLabelCardinalityBounded(t *testing.T) {
	rec := &recorder{}
	m := New(Config{Logger: slog.New(rec)})
	const n = 1000
	for i := range n {
		m.Error(fmt.Sprintf("weird_%d", i))
		m.StoreError(fmt.Sprintf("weird_%d", i))
		m.Question(fmt.Sprintf("kind_%d", i))
		m.ObserveAnswer(fmt.Sprintf("kind_%d", i), time.Second)
	}
	mfs := scrape(t, m)
	tests := []struct {
		name   string
		label  string
		series int
	}{
		{"corpusbot_errors_total", "kind", len(errorKinds) + 1},
		{"corpusbot_store_errors_total", "kind", len(storeErrorKinds) + 1},
		{"corpusbot_questions_total", "kind", len(questionKinds) + 1},
		{"corpusbot_answer_seconds", "kind", len(questionKinds) + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(mfs[tt.name].GetMetric()); got != tt.series {
				t.Errorf("series: got %d, want %d", got, tt.series)
			}
			if got := value(t, mfs, tt.name, map[string]string{tt.label: "other"}); got != n {
				t.Errorf("other: got %v, want %d", got, n)
			}
		})
	}
	t.Run("warnings bounded", func(t *testing.T) {
		if got := rec.count(slog.LevelWarn); got != maxWarned {
			t.Errorf("warnings: got %d, want %d", got, maxWarned)
		}
	})
}

func TestConcurrentRecording(t *testing.T) {
	m := New(Config{ExpectGateway: true})
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()

	const workers, each = 8, 200
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				m.Question("ask")
				m.Abstained()
				m.ObserveRetrieval(time.Duration(i) * time.Microsecond)
				m.ObserveLLM(time.Duration(i) * time.Millisecond)
				m.ObserveAnswer("ask", time.Duration(i)*time.Millisecond)
				m.Tokens(10, 1)
				m.Error("timeout")
				m.Error(fmt.Sprint("x", w))
				m.Vote(1)
				m.SetGateway(i%2 == 0)
				m.SetIndex(w, i+1)
				m.SetLLMConfigured(true)
				if i%3 == 0 {
					m.LLMError(fmt.Errorf("worker %d call %d failed", w, i))
				} else {
					m.LLMOK()
				}
				_ = m.Report()
			}
		})
	}
	// Scrape while recording, as Prometheus would.
	for range 4 {
		wg.Go(func() {
			for range 10 {
				for _, path := range []string{"/metrics", "/healthz"} {
					resp, err := http.Get(srv.URL + path)
					if err != nil {
						t.Error(err)
						return
					}
					resp.Body.Close()
				}
			}
		})
	}
	wg.Wait()

	mfs := scrape(t, m)
	const total = workers * each
	tests := []struct {
		metric string
		labels map[string]string
		want   float64
	}{
		{"corpusbot_questions_total", map[string]string{"kind": "ask"}, total},
		{"corpusbot_abstentions_total", nil, total},
		{"corpusbot_retrieval_seconds", nil, total},
		{"corpusbot_llm_seconds", nil, total},
		{"corpusbot_answer_seconds", map[string]string{"kind": "ask"}, total},
		{"corpusbot_llm_tokens_total", map[string]string{"type": "prompt"}, 10 * total},
		{"corpusbot_llm_tokens_total", map[string]string{"type": "completion"}, total},
		{"corpusbot_errors_total", map[string]string{"kind": "timeout"}, total},
		{"corpusbot_errors_total", map[string]string{"kind": "other"}, total},
		{"corpusbot_feedback_votes_total", map[string]string{"vote": "up"}, total},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.metric, tt.labels), func(t *testing.T) {
			if got := value(t, mfs, tt.metric, tt.labels); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"short", "timeout", 10, "timeout"},
		{"exact", "abcde", 5, "abcde"},
		{"cut", "abcdef", 5, "abcd…"},
		{"multibyte not split", "ééééééé", 4, "ééé…"},
		{"invalid utf8 replaced", "a\xffb", 10, "a\uFFFDb"},
		{"at a word boundary", "connection refused by peer", 20, "connection refused…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := truncate(tt.in, tt.n); got != tt.want {
				t.Errorf("truncate(%q, %d): got %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

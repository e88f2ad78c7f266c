package health

import (
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"corpusbot/text"
)

// Label values. Kinds outside these lists are recorded as other.
var (
	questionKinds = []string{"ask", "summary", "briefing", "search"}
	errorKinds    = []string{"rate_limited", "timeout", "unavailable", "unauthorized",
		"context_too_long", "incomplete", "empty_reply", "discord", "internal"}
	// storeErrorKinds are store.Kind* (health does not import store).
	storeErrorKinds = []string{"full", "read_only", "corrupt", "missing", "replaced", "io", "busy", "unavailable"}
	// fallbackKinds are what a daily briefing the model could not write
	// became: the documents' lead sentences, or a short notice.
	fallbackKinds = []string{"extractive", "notice"}
)

// StoreOK is the store state that means writes are durable.
const StoreOK = "ok"

const (
	other = "other"

	// maxErrorLen bounds the message kept from the last model error, so
	// /healthz stays small whatever the provider returned.
	maxErrorLen = 200

	// maxWarned bounds the set of unknown label values already logged.
	maxWarned = 32
)

// Buckets in seconds, in readable 1-2.5-5 steps over each stage's range:
// an in-memory search takes microseconds, a model call up to minutes.
var (
	retrievalBuckets = []float64{10e-6, 25e-6, 50e-6, 100e-6, 250e-6, 500e-6,
		1e-3, 2.5e-3, 5e-3, 10e-3, 25e-3, 50e-3, 100e-3}
	llmBuckets    = []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120}
	answerBuckets = []float64{0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120}
)

// Config configures a Monitor. The zero value is usable.
type Config struct {
	// Logger receives warnings about unknown label values and failed
	// scrapes. Nil discards them.
	Logger *slog.Logger
	// Now returns the current time; nil means time.Now. Tests fix it.
	Now func() time.Time
	// ExpectGateway makes a disconnected Discord gateway mean "down".
	// Leave it false when running without Discord.
	ExpectGateway bool
}

// Monitor records metrics and health state. It is safe for concurrent use.
type Monitor struct {
	log           *slog.Logger
	now           func() time.Time
	expectGateway bool
	start         time.Time
	reg           *prometheus.Registry
	handler       http.Handler

	questions   *prometheus.CounterVec
	abstentions prometheus.Counter
	retrieval   prometheus.Histogram
	llm         prometheus.Histogram
	answers     *prometheus.HistogramVec
	tokens      *prometheus.CounterVec
	errs        *prometheus.CounterVec
	votes       *prometheus.CounterVec
	fallbacks   *prometheus.CounterVec
	gateway     prometheus.Gauge
	storeErrs   *prometheus.CounterVec
	storeUp     prometheus.Gauge
	documents   prometheus.Gauge
	passages    prometheus.Gauge

	mu            sync.Mutex
	gatewayUp     bool
	storeState    string
	storeDetail   string
	docs, pass    int
	llmConfigured bool
	llmFailing    bool // the most recent model call failed
	lastErr       string
	lastErrAt     time.Time
	warned        map[string]bool
}

// New returns a Monitor with its own registry, holding the corpusbot
// metrics and the Go, process and build-info collectors.
func New(cfg Config) *Monitor {
	m := &Monitor{
		log:           cfg.Logger,
		now:           cfg.Now,
		expectGateway: cfg.ExpectGateway,
		reg:           prometheus.NewRegistry(),
		warned:        make(map[string]bool),
		storeState:    StoreOK,
	}
	if m.log == nil {
		m.log = slog.New(slog.DiscardHandler)
	}
	if m.now == nil {
		m.now = time.Now
	}
	m.start = m.now()

	m.questions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corpusbot_questions_total",
		Help: "Questions received, by kind (ask, summary, briefing, search, other).",
	}, []string{"kind"})
	m.abstentions = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "corpusbot_abstentions_total",
		Help: "Questions answered with an abstention because the corpus does not cover them.",
	})
	m.retrieval = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "corpusbot_retrieval_seconds",
		Help:    "Time to retrieve passages from the index.",
		Buckets: retrievalBuckets,
	})
	m.llm = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "corpusbot_llm_seconds",
		Help:    "Time of one language model call, including retries.",
		Buckets: llmBuckets,
	})
	m.answers = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "corpusbot_answer_seconds",
		Help:    "Time from question to complete answer, by kind.",
		Buckets: answerBuckets,
	}, []string{"kind"})
	m.tokens = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corpusbot_llm_tokens_total",
		Help: "Language model tokens used, by type (prompt, completion).",
	}, []string{"type"})
	m.errs = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corpusbot_errors_total",
		Help: "Errors, by kind.",
	}, []string{"kind"})
	m.votes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corpusbot_feedback_votes_total",
		Help: "Feedback votes on answers, by vote (up, down).",
	}, []string{"vote"})
	m.fallbacks = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corpusbot_briefing_fallbacks_total",
		Help: "Daily briefings the model could not write (it failed, or no claim was verified), by what was posted instead (extractive, notice).",
	}, []string{"kind"})
	m.gateway = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "corpusbot_gateway_connected",
		Help: "1 when the Discord gateway is connected, else 0.",
	})
	m.storeErrs = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corpusbot_store_errors_total",
		Help: "Failed store operations, by kind (full, read_only, corrupt, missing, replaced, io, busy, other).",
	}, []string{"kind"})
	m.storeUp = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "corpusbot_store_ok",
		Help: "1 when store writes are durable, else 0 (see /healthz for why).",
	})
	m.storeUp.Set(1)
	m.documents = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "corpusbot_index_documents",
		Help: "Documents in the loaded index.",
	})
	m.passages = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "corpusbot_index_passages",
		Help: "Passages in the loaded index.",
	})

	m.reg.MustRegister(
		m.questions, m.abstentions, m.retrieval, m.llm, m.answers, m.tokens,
		m.errs, m.votes, m.fallbacks, m.gateway, m.storeErrs, m.storeUp, m.documents, m.passages,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewBuildInfoCollector(),
	)

	// Every series exists from the start at zero, so that rate() and
	// alerts work before the first event and a scrape shows all kinds.
	for _, k := range append(slices.Clone(questionKinds), other) {
		m.questions.WithLabelValues(k)
		m.answers.WithLabelValues(k)
	}
	for _, k := range append(slices.Clone(errorKinds), other) {
		m.errs.WithLabelValues(k)
	}
	for _, k := range append(slices.Clone(storeErrorKinds), other) {
		m.storeErrs.WithLabelValues(k)
	}
	m.tokens.WithLabelValues("prompt")
	m.tokens.WithLabelValues("completion")
	m.votes.WithLabelValues("up")
	m.votes.WithLabelValues("down")
	for _, k := range fallbackKinds {
		m.fallbacks.WithLabelValues(k)
	}

	m.handler = newHandler(m)
	return m
}

// Question counts a question of the given kind: "ask", "summary",
// "briefing" or "search".
func (m *Monitor) Question(kind string) {
	m.questions.WithLabelValues(m.label(kind, questionKinds)).Inc()
}

// Abstained counts an answer that abstained for lack of evidence.
func (m *Monitor) Abstained() { m.abstentions.Inc() }

// ObserveRetrieval records the time one retrieval took.
func (m *Monitor) ObserveRetrieval(d time.Duration) { m.retrieval.Observe(d.Seconds()) }

// ObserveLLM records the time one model call took.
func (m *Monitor) ObserveLLM(d time.Duration) { m.llm.Observe(d.Seconds()) }

// ObserveAnswer records the end-to-end time of a question of the given kind.
func (m *Monitor) ObserveAnswer(kind string, d time.Duration) {
	m.answers.WithLabelValues(m.label(kind, questionKinds)).Observe(d.Seconds())
}

// Tokens adds the model tokens of one call. Negative counts are ignored:
// a counter only goes up.
func (m *Monitor) Tokens(prompt, completion int) {
	if prompt > 0 {
		for _, k := range append(slices.Clone(storeErrorKinds), other) {
			m.storeErrs.WithLabelValues(k)
		}
		m.tokens.WithLabelValues("prompt").Add(float64(prompt))
	}
	if completion > 0 {
		m.tokens.WithLabelValues("completion").Add(float64(completion))
	}
}

// Error counts an error of the given kind: "rate_limited", "timeout",
// "unavailable", "unauthorized", "context_too_long", "incomplete",
// "empty_reply", "discord" or "internal". Other kinds are counted as
// "other".
func (m *Monitor) Error(kind string) {
	m.errs.WithLabelValues(m.label(kind, errorKinds)).Inc()
}

// BriefingFallback counts a daily briefing the model could not write, by
// what was posted instead: "extractive" or "notice".
func (m *Monitor) BriefingFallback(kind string) {
	m.fallbacks.WithLabelValues(m.label(kind, fallbackKinds)).Inc()
}

// Vote counts a feedback vote: positive is "up", negative "down"; zero
// is no vote and is ignored.
func (m *Monitor) Vote(value int) {
	switch {
	case value > 0:
		m.votes.WithLabelValues("up").Inc()
	case value < 0:
		m.votes.WithLabelValues("down").Inc()
	}
}

// SetGateway records whether the Discord gateway is connected.
func (m *Monitor) SetGateway(connected bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gatewayUp = connected
	if connected {
		m.gateway.Set(1)
	} else {
		m.gateway.Set(0)
	}
}

// StoreError counts a failed store operation of the given kind: "full",
// "read_only", "corrupt", "missing", "replaced", "io", "busy" or
// "unavailable"; others are counted as "other".
func (m *Monitor) StoreError(kind string) {
	m.storeErrs.WithLabelValues(m.label(kind, storeErrorKinds)).Inc()
}

// SetStore records the store's state: StoreOK, or why writes are not
// durable ("read-only", "full", "missing", "corrupt", "unavailable") with
// a one-line detail.
func (m *Monitor) SetStore(state, detail string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.storeState = state
	m.storeDetail = truncate(detail, maxErrorLen)
	if state == StoreOK {
		m.storeDetail = ""
		m.storeUp.Set(1)
	} else {
		m.storeUp.Set(0)
	}
}

// SetIndex records the size of the loaded index. An index without
// passages can answer nothing, so it does not count as loaded.
func (m *Monitor) SetIndex(docs, passages int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs, m.pass = docs, passages
	m.documents.Set(float64(docs))
	m.passages.Set(float64(passages))
}

// SetLLMConfigured records whether a language model is configured.
func (m *Monitor) SetLLMConfigured(ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.llmConfigured = ok
}

// LLMError records that the latest model call failed. Only err.Error() is
// kept, cut to 200 characters; callers redact secrets before it gets here.
// A nil err is the same as LLMOK. Counting the error is Error's job.
func (m *Monitor) LLMError(err error) {
	if err == nil {
		m.LLMOK()
		return
	}
	msg := truncate(err.Error(), maxErrorLen)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.llmFailing = true
	m.lastErr = msg
	m.lastErrAt = m.now()
}

// LLMOK records that the latest model call succeeded. The last error is
// kept for /healthz; only the status recovers.
func (m *Monitor) LLMOK() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.llmFailing = false
}

// label returns the kind v if it is one of known, else "other", logging
// each unknown value once so that a misspelt kind in the wiring gets
// noticed.
func (m *Monitor) label(v string, known []string) string {
	if slices.Contains(known, v) {
		return v
	}
	m.mu.Lock()
	first := !m.warned[v] && len(m.warned) < maxWarned
	if first {
		m.warned[v] = true
	}
	m.mu.Unlock()
	if first {
		m.log.Warn("health: unknown label value counted as other", "kind", truncate(v, 64))
	}
	return other
}

// truncate cuts s to at most n runes (text.Clip) after replacing invalid
// UTF-8, so the result is safe to put in JSON or logs.
func truncate(s string, n int) string { return text.Clip(strings.ToValidUTF8(s, "\uFFFD"), n) }

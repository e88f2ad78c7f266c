package llm

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/internal/openaitest"
)

// logBuffer collects log output from concurrent goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// count reports how many log lines contain s.
func (b *logBuffer) count(s string) int {
	n := 0
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, s) {
			n++
		}
	}
	return n
}

// newClient builds a client for srv with test-friendly defaults (short
// backoff, generous timeout), after edit has had its say.
func newClient(t *testing.T, srv *openaitest.Server, edit func(*Config)) (*Client, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	cfg := Config{
		BaseURL:    srv.URL(),
		Model:      "test-model",
		Timeout:    5 * time.Second,
		MaxRetries: 2,
		RetryBase:  time.Millisecond,
		Logger:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if edit != nil {
		edit(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, logs
}

var question = Request{Messages: []Message{
	{Role: System, Content: "Answer only from the passages."},
	{Role: User, Content: "Who owns Alipay?"},
}}

// call runs req through Complete or Stream, collecting the deltas.
func call(t *testing.T, c *Client, stream bool, req Request) (Response, []string, error) {
	t.Helper()
	return callCtx(t, t.Context(), c, stream, req)
}

func callCtx(t *testing.T, ctx context.Context, c *Client, stream bool, req Request) (Response, []string, error) {
	t.Helper()
	if !stream {
		r, err := c.Complete(ctx, req)
		return r, nil, err
	}
	var deltas []string
	r, err := c.Stream(ctx, req, func(d string) error {
		deltas = append(deltas, d)
		return nil
	})
	return r, deltas, err
}

// modes runs f once for Complete and once for Stream.
func modes(t *testing.T, f func(t *testing.T, stream bool)) {
	for _, stream := range []bool{false, true} {
		name := "complete"
		if stream {
			name = "stream"
		}
		t.Run(name, func(t *testing.T) { f(t, stream) })
	}
}

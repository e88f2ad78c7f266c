package llm

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"corpusbot/internal/openaitest"
)

func TestRetries(t *testing.T) {
	contextLength := openaitest.Error(http.StatusBadRequest,
		"This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
		"invalid_request_error", "context_length_exceeded")
	tests := []struct {
		name       string
		steps      []openaitest.Step
		wantErr    error // nil: success with the default reply
		wantCalls  int
		wantInText string // in the error text
	}{
		{"429 without Retry-After then success", []openaitest.Step{openaitest.RateLimited("")}, nil, 2, ""},
		{"500 then success", []openaitest.Step{openaitest.Status(500, "boom")}, nil, 2, ""},
		{"502 then 504 then success", []openaitest.Step{openaitest.Status(502, "a"), openaitest.Status(504, "b")}, nil, 3, ""},
		{"proxy HTML 503 then success", []openaitest.Step{openaitest.Raw(503, "text/html", "<html>down</html>")}, nil, 2, ""},
		{"connection cut then success", []openaitest.Step{openaitest.CutStream(0)}, nil, 2, ""},
		{"503 exhausts retries", []openaitest.Step{openaitest.Status(503, "overloaded"), openaitest.Status(503, "overloaded"), openaitest.Status(503, "overloaded")},
			ErrUnavailable, 3, "status 503: overloaded (3 attempts)"},
		{"429 exhausts retries", []openaitest.Step{openaitest.RateLimited("0"), openaitest.RateLimited("0"), openaitest.RateLimited("0")},
			ErrRateLimited, 3, "status 429"},
		{"insufficient quota is not retried", []openaitest.Step{openaitest.Error(429, "You exceeded your current quota.", "insufficient_quota", "insufficient_quota")},
			ErrRateLimited, 1, "quota"},
		{"401 is not retried", []openaitest.Step{openaitest.Status(401, "Incorrect API key provided.")}, ErrUnauthorized, 1, "status 401: Incorrect API key provided."},
		{"403 is not retried", []openaitest.Step{openaitest.Status(403, "forbidden")}, ErrUnauthorized, 1, "status 403"},
		{"404 is not retried", []openaitest.Step{openaitest.Status(404, "model 'llama9' not found")}, ErrBadRequest, 1, "llama9"},
		{"422 is not retried", []openaitest.Step{openaitest.Status(422, "bad field")}, ErrBadRequest, 1, "status 422"},
		{"400 is not retried", []openaitest.Step{openaitest.Status(400, "bad")}, ErrBadRequest, 1, "status 400"},
		{"context length by code", []openaitest.Step{contextLength}, ErrContextTooLong, 1, "maximum context length"},
		{"context length by message (vLLM)", []openaitest.Step{openaitest.Error(400, "This model's maximum context length is 4096 tokens.", "BadRequestError", "")},
			ErrContextTooLong, 1, ""},
		{"context length by type (llama.cpp)", []openaitest.Step{openaitest.Error(400, "the request exceeds the available context size, try increasing it", "exceed_context_size_error", "")},
			ErrContextTooLong, 1, ""},
		{"501 is not retried", []openaitest.Step{openaitest.Status(501, "no")}, ErrUnavailable, 1, "status 501"},
		{"malformed JSON is not retried", []openaitest.Step{openaitest.Malformed()}, ErrUnavailable, 1, "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			modes(t, func(t *testing.T, stream bool) {
				srv := openaitest.New(t)
				srv.Push(tt.steps...)
				c, logs := newClient(t, srv, nil)
				resp, deltas, err := call(t, c, stream, question)
				if got := srv.Calls(); got != tt.wantCalls {
					t.Errorf("got %d calls, want %d", got, tt.wantCalls)
				}
				if retries := logs.count("llm retry"); retries != tt.wantCalls-1 {
					t.Errorf("got %d retry log lines, want %d", retries, tt.wantCalls-1)
				}
				if tt.wantErr == nil {
					if err != nil {
						t.Fatalf("got %v, want success", err)
					}
					if resp.Content != openaitest.DefaultReply {
						t.Errorf("got %q, want %q", resp.Content, openaitest.DefaultReply)
					}
					if stream && strings.Join(deltas, "") != openaitest.DefaultReply {
						t.Errorf("got deltas %q, want them to spell the reply once", deltas)
					}
					return
				}
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantInText) {
					t.Errorf("got error %q, want it to contain %q", err, tt.wantInText)
				}
				if logs.count("llm request failed") != 1 {
					t.Errorf("got logs %s, want one final failure line", logs)
				}
				if len(deltas) != 0 {
					t.Errorf("got deltas %q from a failed call, want none", deltas)
				}
			})
		})
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	modes(t, func(t *testing.T, stream bool) {
		srv := openaitest.New(t)
		srv.Push(openaitest.RateLimited("1"))
		c, logs := newClient(t, srv, nil) // RetryBase 1ms: only Retry-After can explain a 1s wait
		start := time.Now()
		if _, _, err := call(t, c, stream, question); err != nil {
			t.Fatal(err)
		}
		if got := time.Since(start); got < 950*time.Millisecond {
			t.Errorf("got success after %v, want at least the 1s Retry-After", got)
		}
		if srv.Calls() != 2 {
			t.Errorf("got %d calls, want 2", srv.Calls())
		}
		if !strings.Contains(logs.String(), "retry_in=1s") || !strings.Contains(logs.String(), "status=429") {
			t.Errorf("got logs %s, want a retry line with status=429 retry_in=1s", logs)
		}
	})
}

func TestTimeoutIsNotRetried(t *testing.T) {
	const timeout = 300 * time.Millisecond
	modes(t, func(t *testing.T, stream bool) {
		srv := openaitest.New(t)
		srv.Push(openaitest.Hang(), openaitest.Hang())
		c, _ := newClient(t, srv, func(cfg *Config) { cfg.Timeout = timeout })
		start := time.Now()
		_, _, err := call(t, c, stream, question)
		elapsed := time.Since(start)
		if !errors.Is(err, ErrTimeout) {
			t.Fatalf("got %v, want ErrTimeout", err)
		}
		if elapsed < timeout-50*time.Millisecond || elapsed > timeout+2*time.Second {
			t.Errorf("got ErrTimeout after %v, want about %v", elapsed, timeout)
		}
		if srv.Calls() != 1 {
			t.Errorf("got %d calls, want 1", srv.Calls())
		}
	})
}

func TestCancelStopsRetries(t *testing.T) {
	modes(t, func(t *testing.T, stream bool) {
		srv := openaitest.New(t)
		srv.Push(openaitest.RateLimited("30"), openaitest.RateLimited("30"))
		c, _ := newClient(t, srv, nil)
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(200*time.Millisecond, cancel)
		start := time.Now()
		_, _, err := callCtx(t, ctx, c, stream, question)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
		if got := time.Since(start); got > 3*time.Second {
			t.Errorf("got return after %v, want soon after the 200ms cancel", got)
		}
		if srv.Calls() != 1 {
			t.Errorf("got %d calls, want 1", srv.Calls())
		}
	})
}

func TestNoSleepPastDeadline(t *testing.T) {
	modes(t, func(t *testing.T, stream bool) {
		srv := openaitest.New(t)
		srv.Push(openaitest.RateLimited("10"))
		c, _ := newClient(t, srv, nil)
		ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
		defer cancel()
		start := time.Now()
		_, _, err := callCtx(t, ctx, c, stream, question)
		if !errors.Is(err, ErrRateLimited) {
			t.Errorf("got %v, want the last error, ErrRateLimited", err)
		}
		if got := time.Since(start); got > 2*time.Second {
			t.Errorf("got return after %v, want at once rather than at the deadline", got)
		}
		if srv.Calls() != 1 {
			t.Errorf("got %d calls, want 1", srv.Calls())
		}
	})
}

func TestBackoff(t *testing.T) {
	const base = 500 * time.Millisecond
	highest := func(n int64) int64 { return n - 1 }
	tests := []struct {
		retry int
		want  time.Duration
	}{
		{0, base},
		{1, 2 * base},
		{2, 4 * base},
		{4, 8 * time.Second},
		{5, maxBackoff},
		{60, maxBackoff}, // no overflow
	}
	for _, tt := range tests {
		t.Run("retry "+strconv.Itoa(tt.retry), func(t *testing.T) {
			if got := backoff(base, tt.retry, highest); got != tt.want {
				t.Errorf("got ceiling %v, want %v", got, tt.want)
			}
			if got := backoff(base, tt.retry, func(int64) int64 { return 0 }); got != 0 {
				t.Errorf("got floor %v, want 0 (full jitter)", got)
			}
		})
	}
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, header, ms string
		want             time.Duration
		wantOK           bool
	}{
		{"absent", "", "", 0, false},
		{"seconds", "1", "", time.Second, true},
		{"zero", "0", "", 0, true},
		{"fraction", "1.5", "", 1500 * time.Millisecond, true},
		{"capped", "120", "", maxRetryAfter, true},
		{"huge", "1e300", "", maxRetryAfter, true},
		{"negative", "-1", "", 0, false},
		{"garbage", "soon", "", 0, false},
		{"infinite", "Inf", "", 0, false},
		{"http date", now.Add(5 * time.Second).Format(http.TimeFormat), "", 5 * time.Second, true},
		{"past date", now.Add(-time.Hour).Format(http.TimeFormat), "", 0, true},
		{"milliseconds win", "3", "250", 250 * time.Millisecond, true},
		{"bad milliseconds ignored", "3", "NaN", 3 * time.Second, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := retryAfter(tt.header, tt.ms, now)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("got %v %v, want %v %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

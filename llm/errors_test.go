package llm

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"syscall"
	"testing"

	openai "github.com/sashabaranov/go-openai"
)

func TestClassify(t *testing.T) {
	var syntaxErr *json.SyntaxError
	err := json.Unmarshal([]byte("{nope"), &struct{}{})
	if !errors.As(err, &syntaxErr) {
		t.Fatalf("setup: got %T, want *json.SyntaxError", err)
	}
	tests := []struct {
		name          string
		err           error
		wantKind      error
		wantRetryable bool
		wantStatus    int
	}{
		{"429", &openai.APIError{HTTPStatusCode: 429, Message: "slow down"}, ErrRateLimited, true, 429},
		{"429 quota", &openai.APIError{HTTPStatusCode: 429, Code: "insufficient_quota"}, ErrRateLimited, false, 429},
		{"401", &openai.APIError{HTTPStatusCode: 401}, ErrUnauthorized, false, 401},
		{"403", &openai.APIError{HTTPStatusCode: 403}, ErrUnauthorized, false, 403},
		{"400", &openai.APIError{HTTPStatusCode: 400, Message: "bad"}, ErrBadRequest, false, 400},
		{"400 context code", &openai.APIError{HTTPStatusCode: 400, Code: "context_length_exceeded"}, ErrContextTooLong, false, 400},
		{"413 context message", &openai.APIError{HTTPStatusCode: 413, Message: "prompt exceeds the context window"}, ErrContextTooLong, false, 413},
		{"413 other", &openai.APIError{HTTPStatusCode: 413, Message: "too big"}, ErrBadRequest, false, 413},
		{"404", &openai.APIError{HTTPStatusCode: 404}, ErrBadRequest, false, 404},
		{"500", &openai.APIError{HTTPStatusCode: 500}, ErrUnavailable, true, 500},
		{"505", &openai.APIError{HTTPStatusCode: 505}, ErrUnavailable, false, 505},
		{"raw 503 body", &openai.RequestError{HTTPStatusCode: 503, Body: []byte("<html>down</html>"), Err: syntaxErr}, ErrUnavailable, true, 503},
		{"raw 401 body", &openai.RequestError{HTTPStatusCode: 401, Body: []byte("Unauthorized")}, ErrUnauthorized, false, 401},
		{"stream error event", fmt.Errorf("error, %w", &openai.APIError{Message: "server had an error"}), ErrUnavailable, false, 0},
		{"stream context event", fmt.Errorf("error, %w", &openai.APIError{Message: "maximum context length exceeded"}), ErrContextTooLong, false, 0},
		{"syntax", fmt.Errorf("decode: %w", syntaxErr), ErrUnavailable, false, 0},
		{"empty stream messages", openai.ErrTooManyEmptyStreamMessages, ErrUnavailable, false, 0},
		{"refused", &url.Error{Op: "Post", URL: "http://127.0.0.1:1", Err: syscall.ECONNREFUSED}, ErrUnavailable, true, 0},
		{"unexpected EOF", io.ErrUnexpectedEOF, ErrUnavailable, true, 0},
		{"client validation", openai.ErrReasoningModelMaxTokensDeprecated, ErrBadRequest, false, 0},
		{"unknown", errors.New("something else"), ErrUnavailable, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := classify(tt.err, "")
			if !errors.Is(got, tt.wantKind) {
				t.Errorf("got %v, want %v", got, tt.wantKind)
			}
			if got.retryable != tt.wantRetryable {
				t.Errorf("got retryable %v, want %v", got.retryable, tt.wantRetryable)
			}
			if got.status != tt.wantStatus {
				t.Errorf("got status %d, want %d", got.status, tt.wantStatus)
			}
		})
	}
}

func TestCallErrorText(t *testing.T) {
	tests := []struct {
		name string
		err  *callError
		want string
	}{
		{"full", &callError{kind: ErrUnavailable, status: 503, detail: "overloaded", attempts: 3}, "llm unavailable: status 503: overloaded (3 attempts)"},
		{"one attempt", &callError{kind: ErrTimeout, detail: "no response within 1s", attempts: 1}, "llm timed out: no response within 1s"},
		{"cancelled", &callError{detail: "cancelled"}, "llm call: cancelled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, key, want string
	}{
		{"key", "bad key sk-123 given", "sk-123", "bad key [redacted] given"},
		{"no key", "bad key sk-123", "", "bad key sk-123"},
		{"whitespace", "a\n\n  b\tc", "", "a b c"},
		{"long", strings.Repeat("é", maxDetail+10), "", strings.Repeat("é", maxDetail) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(tt.in, tt.key); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Package llm talks to any OpenAI-compatible chat completion server. It is the
// only importer of go-openai. Errors fall into categories callers can map to
// words: ErrRateLimited, ErrTimeout, ErrUnavailable, ErrUnauthorized,
// ErrContextTooLong, ErrBadRequest, ErrIncomplete.
package llm

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"corpusbot/secret"
)

// Error categories; test with errors.Is.
var (
	ErrRateLimited    = errors.New("llm rate limited")
	ErrTimeout        = errors.New("llm timed out")
	ErrUnavailable    = errors.New("llm unavailable")
	ErrUnauthorized   = errors.New("llm rejected the credentials")
	ErrContextTooLong = errors.New("llm context too long")
	ErrBadRequest     = errors.New("llm rejected the request")
	ErrIncomplete     = errors.New("llm stream ended before the answer was complete")
)

// Config for New. A BaseURL without an APIKey is valid (Ollama, llama.cpp).
type Config struct {
	APIKey     secret.String
	BaseURL    string        // "" means OpenAI's
	Model      string        // "" means "gpt-4o-mini"
	Timeout    time.Duration // per request attempt; 0 means 60s
	MaxRetries int           // retries after the first attempt; <0 means 0
	HTTPClient *http.Client  // nil means a fresh client
	Logger     *slog.Logger  // nil discards
}

// Enabled reports whether an LLM is configured at all.
func (c Config) Enabled() bool { return !c.APIKey.IsZero() || c.BaseURL != "" }

// Role of a message.
type Role string

const (
	System    Role = "system"
	User      Role = "user"
	Assistant Role = "assistant"
)

// Message is one chat message. There is deliberately no Name field: user
// names must never reach the model as message names.
type Message struct {
	Role    Role
	Content string
}

// Request is one chat completion.
type Request struct {
	Messages    []Message
	MaxTokens   int     // 0 leaves it to the server
	Temperature float32 // 0 is deterministic-leaning
}

// Usage counts tokens as the server reported them.
type Usage struct {
	PromptTokens     int
	CompletionTokens int
	TotalTokens      int
}

// Response is a finished completion.
type Response struct {
	Content      string
	FinishReason string
	Usage        Usage
}

// Client is safe for concurrent use.
type Client struct{}

// New checks cfg and builds a client.
func New(cfg Config) (*Client, error) { panic("llm.New: not implemented yet") }

// Complete runs one completion, retrying transient failures.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	panic("not implemented yet")
}

// Stream runs one completion and calls onDelta with each piece of text as it
// arrives. A stream cut before its end returns ErrIncomplete, never a partial
// Response presented as whole.
func (c *Client) Stream(ctx context.Context, req Request, onDelta func(string) error) (Response, error) {
	panic("not implemented yet")
}

package llm

import (
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
	Timeout    time.Duration // per request attempt (Stream: per wait for the next piece); 0 means 60s
	MaxRetries int           // retries after the first attempt; <0 means 0
	RetryBase  time.Duration // first backoff step, doubled per retry up to 10s; 0 means 500ms
	HTTPClient *http.Client  // nil means a fresh client; never modified
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
	Temperature float32 // 0 is deterministic-leaning (sent as 0.01); reasoning models get their fixed default
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

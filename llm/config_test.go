package llm

import (
	"strings"
	"testing"
	"time"

	"corpusbot/secret"
)

func TestBaseURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", "https://api.openai.com/v1"},
		{"http://localhost:11434", "http://localhost:11434/v1"},
		{"http://localhost:11434/", "http://localhost:11434/v1"},
		{" http://127.0.0.1:8080 ", "http://127.0.0.1:8080/v1"},
		{"http://localhost:8000/v1/", "http://localhost:8000/v1"},
		{"https://example.openai.azure.com/openai/v1", "https://example.openai.azure.com/openai/v1"},
		{"https://proxy.example/llm", "https://proxy.example/llm"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := baseURL(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v, want %q", got, err, tt.want)
			}
		})
	}
}

func TestNewRejects(t *testing.T) {
	key := secret.New("sk-x")
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"nothing configured", Config{}, "neither an API key nor a base URL"},
		{"no scheme", Config{BaseURL: "localhost:11434"}, "want http(s)://"},
		{"other scheme", Config{BaseURL: "ftp://host"}, "want http(s)://"},
		{"no host", Config{BaseURL: "http://"}, "want http(s)://"},
		{"query", Config{BaseURL: "http://host/v1?x=1"}, "no query"},
		{"negative timeout", Config{APIKey: key, Timeout: -time.Second}, "timeout"},
		{"negative retry base", Config{APIKey: key, RetryBase: -time.Second}, "retry base"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestNewHidesPasswordInErrors(t *testing.T) {
	_, err := New(Config{BaseURL: "ftp://user:hunter2@host"})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("got %v, want an error without the password", err)
	}
}

func TestNewDefaults(t *testing.T) {
	c, err := New(Config{APIKey: secret.New("sk-x"), MaxRetries: -3})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"model", c.model, defaultModel},
		{"timeout", c.timeout, defaultTimeout},
		{"retry base", c.retryBase, defaultRetryBase},
		{"max retries", c.maxRetries, 0},
		{"logger", c.log != nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

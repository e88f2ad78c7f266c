package llm

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"corpusbot/internal/openaitest"
	"corpusbot/secret"
)

func TestCompletePlain(t *testing.T) {
	srv := openaitest.New(t)
	srv.Push(openaitest.Respond(openaitest.Reply{Text: "Ant Group owns Alipay [1].", PromptTokens: 40, CompletionTokens: 7}))
	c, _ := newClient(t, srv, nil)
	resp, err := c.Complete(t.Context(), question)
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	want := Response{Content: "Ant Group owns Alipay [1].", FinishReason: "stop", Usage: Usage{40, 7, 47}}
	if resp != want {
		t.Errorf("got %+v, want %+v", resp, want)
	}
}

func TestRequestShape(t *testing.T) {
	tests := []struct {
		name            string
		model           string
		req             Request
		wantMaxTokens   int
		wantMaxCompl    int
		wantTemperature *float64
	}{
		{"zero temperature is near zero", "test-model", Request{MaxTokens: 50}, 50, 0, ptr(0.01)},
		{"temperature passes", "test-model", Request{Temperature: 0.7}, 0, 0, ptr(0.7)},
		{"reasoning model", "o3-mini", Request{MaxTokens: 50, Temperature: 0.7}, 0, 50, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			modes(t, func(t *testing.T, stream bool) {
				srv := openaitest.New(t)
				c, _ := newClient(t, srv, func(cfg *Config) { cfg.Model = tt.model })
				req := tt.req
				req.Messages = question.Messages
				if _, _, err := call(t, c, stream, req); err != nil {
					t.Fatal(err)
				}
				got := srv.Requests()[0]
				if got.Model != tt.model {
					t.Errorf("got model %q, want %q", got.Model, tt.model)
				}
				if got.Stream != stream || got.IncludeUsage != stream {
					t.Errorf("got stream %v include_usage %v, want both %v", got.Stream, got.IncludeUsage, stream)
				}
				if got.MaxTokens != tt.wantMaxTokens || got.MaxCompletionTokens != tt.wantMaxCompl {
					t.Errorf("got max_tokens %d max_completion_tokens %d, want %d and %d",
						got.MaxTokens, got.MaxCompletionTokens, tt.wantMaxTokens, tt.wantMaxCompl)
				}
				switch {
				case (got.Temperature == nil) != (tt.wantTemperature == nil):
					t.Errorf("got temperature %v, want %v", got.Temperature, tt.wantTemperature)
				case got.Temperature != nil && !near(*got.Temperature, *tt.wantTemperature):
					t.Errorf("got temperature %v, want %v", *got.Temperature, *tt.wantTemperature)
				}
				if len(got.Messages) != 2 || got.Messages[0].Role != "system" || got.Messages[1].Content != "Who owns Alipay?" {
					t.Errorf("got messages %+v, want the question's two", got.Messages)
				}
			})
		})
	}
}

func ptr(f float64) *float64 { return &f }

// near compares a float32 sent over the wire with its float64 reading.
func near(a, b float64) bool { return a-b < 1e-6 && b-a < 1e-6 }

func TestMessagesCarryNoName(t *testing.T) {
	modes(t, func(t *testing.T, stream bool) {
		srv := openaitest.New(t)
		c, _ := newClient(t, srv, nil)
		req := Request{Messages: []Message{
			{Role: System, Content: "s"},
			{Role: User, Content: "alice asks"},
			{Role: Assistant, Content: "earlier answer"},
			{Role: User, Content: "bob asks"},
		}}
		if _, _, err := call(t, c, stream, req); err != nil {
			t.Fatal(err)
		}
		got := srv.Requests()[0]
		for i, m := range got.Messages {
			if m.HasName {
				t.Errorf("message %d: got a name key (%q), want none", i, m.Name)
			}
		}
		if strings.Contains(string(got.Body), `"name"`) {
			t.Errorf("got body %s, want no \"name\" key", got.Body)
		}
	})
}

func TestAuthorizationHeader(t *testing.T) {
	tests := []struct {
		name string
		key  string
		want []string
	}{
		{"no key sends no header", "", nil},
		{"key sends bearer", "sk-test-123", []string{"Bearer sk-test-123"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			modes(t, func(t *testing.T, stream bool) {
				srv := openaitest.New(t)
				c, _ := newClient(t, srv, func(cfg *Config) { cfg.APIKey = secret.New(tt.key) })
				if _, _, err := call(t, c, stream, question); err != nil {
					t.Fatal(err)
				}
				got := srv.Requests()[0].Header.Values("Authorization")
				if strings.Join(got, ",") != strings.Join(tt.want, ",") {
					t.Errorf("got Authorization %q, want %q", got, tt.want)
				}
			})
		})
	}
}

func TestBaseURLWithoutPathGetsV1(t *testing.T) {
	srv := openaitest.New(t)
	root := strings.TrimSuffix(srv.URL(), "/v1")
	for _, base := range []string{root, root + "/"} {
		t.Run(base, func(t *testing.T) {
			c, _ := newClient(t, srv, func(cfg *Config) { cfg.BaseURL = base })
			if _, err := c.Complete(t.Context(), question); err != nil {
				t.Fatal(err)
			}
			reqs := srv.Requests()
			if got := reqs[len(reqs)-1].Path; got != "/v1/chat/completions" {
				t.Errorf("got path %q, want /v1/chat/completions", got)
			}
		})
	}
}

// countingTransport counts the requests a caller's own transport carries.
type countingTransport struct {
	n int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n++
	return http.DefaultTransport.RoundTrip(r)
}

func TestUsesCallersHTTPClientWithoutChangingIt(t *testing.T) {
	srv := openaitest.New(t)
	ct := &countingTransport{}
	hc := &http.Client{Transport: ct}
	c, _ := newClient(t, srv, func(cfg *Config) { cfg.HTTPClient = hc })
	if _, err := c.Complete(t.Context(), question); err != nil {
		t.Fatal(err)
	}
	if ct.n != 1 {
		t.Errorf("got %d requests through the caller's transport, want 1", ct.n)
	}
	if hc.Transport != ct {
		t.Errorf("got the caller's client's transport replaced by %T", hc.Transport)
	}
}

func TestInvalidRequests(t *testing.T) {
	tests := []struct {
		name string
		req  Request
	}{
		{"no messages", Request{}},
		{"unknown role", Request{Messages: []Message{{Role: "tool", Content: "x"}}}},
		{"negative max tokens", Request{Messages: question.Messages, MaxTokens: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			modes(t, func(t *testing.T, stream bool) {
				srv := openaitest.New(t)
				c, _ := newClient(t, srv, nil)
				_, _, err := call(t, c, stream, tt.req)
				if !errors.Is(err, ErrBadRequest) {
					t.Errorf("got %v, want ErrBadRequest", err)
				}
				if srv.Calls() != 0 {
					t.Errorf("got %d calls, want none", srv.Calls())
				}
			})
		})
	}
}

func TestKeyNeverInErrorsOrLogs(t *testing.T) {
	const key = "sk-live-SECRETSECRET"
	const prompt = "TOP-SECRET-PROMPT-TEXT"
	srv := openaitest.New(t)
	srv.Push(
		openaitest.Status(http.StatusInternalServerError, "upstream failed for key "+key),
		openaitest.Error(http.StatusUnauthorized, "Incorrect API key provided: "+key+".", "invalid_request_error", "invalid_api_key"),
	)
	c, logs := newClient(t, srv, func(cfg *Config) { cfg.APIKey = secret.New(key) })
	_, err := c.Complete(t.Context(), Request{Messages: []Message{{Role: User, Content: prompt}}})
	if !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("got %v, want ErrUnauthorized", err)
	}
	for name, text := range map[string]string{"error": err.Error(), "logs": logs.String()} {
		if strings.Contains(text, key) {
			t.Errorf("%s contain the key: %s", name, text)
		}
		if strings.Contains(text, prompt) {
			t.Errorf("%s contain the prompt: %s", name, text)
		}
	}
	if !strings.Contains(err.Error(), "Incorrect API key provided: [redacted].") {
		t.Errorf("got error %q, want the server's message with the key redacted", err)
	}
}

func TestCallerDeadlineIsTimeout(t *testing.T) {
	modes(t, func(t *testing.T, stream bool) {
		srv := openaitest.New(t)
		srv.Push(openaitest.Hang())
		c, _ := newClient(t, srv, nil) // Timeout 5s: the caller's 300ms ends it
		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		defer cancel()
		_, _, err := callCtx(t, ctx, c, stream, question)
		if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("got %v, want ErrTimeout and context.DeadlineExceeded", err)
		}
	})
}

func TestConcurrentCalls(t *testing.T) {
	srv := openaitest.New(t, openaitest.WithLatency(100*time.Millisecond))
	srv.SetResponder(func(r openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Text: "re: " + r.Messages[len(r.Messages)-1].Content}
	})
	c, _ := newClient(t, srv, nil)
	const n = 20
	errs := make(chan error, n)
	for i := range n {
		go func() {
			q := strings.Repeat("q", i+1)
			req := Request{Messages: []Message{{Role: User, Content: q}}}
			resp, _, err := call(t, c, i%2 == 0, req)
			if err == nil && resp.Content != "re: "+q {
				err = errors.New("got " + resp.Content + ", want re: " + q)
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

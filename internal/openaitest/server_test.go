package openaitest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// post sends a chat completion request with plain net/http.
func post(t *testing.T, ctx context.Context, url, body string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}

func mustPost(t *testing.T, url, body string) *http.Response {
	t.Helper()
	resp, err := post(t, context.Background(), url, body)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

const plainBody = `{"model":"m1","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Who owns Alipay?","name":"alice"}],"max_tokens":50,"temperature":0.2}`

const streamBody = `{"model":"m1","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"one two three"}]}`

func decodeCompletion(t *testing.T, resp *http.Response) completion {
	t.Helper()
	var c completion
	if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
		t.Fatalf("decode completion: %v", err)
	}
	return c
}

// readEvents returns the data payloads of an SSE body and the read error that
// ended it (nil at a clean end).
func TestPlainCompletion(t *testing.T) {
	s := New(t)
	resp := mustPost(t, s.URL()+"/chat/completions", plainBody)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("got status %d, want 200", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("got content type %q, want application/json", got)
	}
	c := decodeCompletion(t, resp)
	if len(c.Choices) != 1 {
		t.Fatalf("got %d choices, want 1", len(c.Choices))
	}
	if got := c.Choices[0].Message.Content; got != DefaultReply {
		t.Errorf("got content %q, want %q", got, DefaultReply)
	}
	if got := c.Choices[0].FinishReason; got != "stop" {
		t.Errorf("got finish reason %q, want stop", got)
	}
	if c.Model != "m1" {
		t.Errorf("got model %q, want the request's m1", c.Model)
	}
	wantUsage := usage{PromptTokens: 5, CompletionTokens: estimateTokens(DefaultReply)}
	wantUsage.TotalTokens = wantUsage.PromptTokens + wantUsage.CompletionTokens
	if c.Usage != wantUsage {
		t.Errorf("got usage %+v, want %+v", c.Usage, wantUsage)
	}
}

func TestRecordsRequests(t *testing.T) {
	s := New(t)
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/chat/completions", strings.NewReader(plainBody))
	req.Header.Set("Authorization", "Bearer k-123")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	mustPost(t, s.URL()+"/chat/completions", streamBody)

	if got := s.Calls(); got != 2 {
		t.Fatalf("got %d calls, want 2", got)
	}
	reqs := s.Requests()
	r0, r1 := reqs[0], reqs[1]
	tests := []struct {
		name      string
		got, want any
	}{
		{"model", r0.Model, "m1"},
		{"authorization", r0.Authorization, "Bearer k-123"},
		{"messages", len(r0.Messages), 2},
		{"system role", r0.Messages[0].Role, "system"},
		{"system content", r0.Messages[0].Content, "Be brief."},
		{"system has name", r0.Messages[0].HasName, false},
		{"user has name", r0.Messages[1].HasName, true},
		{"user name", r0.Messages[1].Name, "alice"},
		{"max tokens", r0.MaxTokens, 50},
		{"temperature", *r0.Temperature, 0.2},
		{"plain is not stream", r0.Stream, false},
		{"stream", r1.Stream, true},
		{"include usage", r1.IncludeUsage, true},
		{"absent temperature", r1.Temperature == nil, true},
		{"no authorization", len(r1.Header.Values("Authorization")), 0},
		{"text", r0.Text(), "Be brief.\nWho owns Alipay?"},
		{"path", r0.Path, "/v1/chat/completions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestMultipartContent(t *testing.T) {
	s := New(t)
	mustPost(t, s.URL()+"/chat/completions",
		`{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"b"}]}]}`)
	if got := s.Requests()[0].Messages[0].Content; got != "a\nb" {
		t.Errorf("got content %q, want %q", got, "a\nb")
	}
}

func TestRoutes(t *testing.T) {
	s := New(t)
	root := strings.TrimSuffix(s.URL(), "/v1")
	tests := []struct {
		name, method, url string
		wantStatus        int
	}{
		{"chat under v1", http.MethodPost, s.URL() + "/chat/completions", http.StatusOK},
		{"chat without v1", http.MethodPost, root + "/chat/completions", http.StatusOK},
		{"models", http.MethodGet, s.URL() + "/models", http.StatusOK},
		{"chat wrong method", http.MethodGet, s.URL() + "/chat/completions", http.StatusMethodNotAllowed},
		{"unknown path", http.MethodPost, s.URL() + "/completions", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, tt.url, strings.NewReader(plainBody))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("got status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
		})
	}
	resp, err := http.Get(s.URL() + "/models")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var ml modelList
	if err := json.NewDecoder(resp.Body).Decode(&ml); err != nil {
		t.Fatal(err)
	}
	if len(ml.Data) != 1 || ml.Data[0].ID != Model {
		t.Errorf("got models %+v, want one entry %q", ml.Data, Model)
	}
	if got := s.Calls(); got != 2 {
		t.Errorf("got %d chat calls, want 2 (other routes are not recorded)", got)
	}
}

func TestScriptOrder(t *testing.T) {
	s := New(t)
	s.Push(
		Status(http.StatusInternalServerError, "boom"),
		RateLimited("7"),
		RateLimited(""),
		Error(http.StatusBadRequest, "maximum context length is 8 tokens", "invalid_request_error", "context_length_exceeded"),
		Raw(http.StatusBadGateway, "text/html", "<html>bad gateway</html>"),
		Text("scripted"),
	)
	if got := s.Pending(); got != 6 {
		t.Fatalf("got %d pending, want 6", got)
	}
	tests := []struct {
		name           string
		wantStatus     int
		wantRetryAfter string
		wantBody       string
	}{
		{"server error", 500, "", `{"error":{"message":"boom","type":"server_error","param":null,"code":null}}`},
		{"rate limited with header", 429, "7", `{"error":{"message":"Rate limit reached for requests.","type":"requests","param":null,"code":"rate_limit_exceeded"}}`},
		{"rate limited without header", 429, "", ""},
		{"context length", 400, "", `{"error":{"message":"maximum context length is 8 tokens","type":"invalid_request_error","param":null,"code":"context_length_exceeded"}}`},
		{"raw", 502, "", "<html>bad gateway</html>"},
		{"text", 200, "", ""},
		{"default after queue", 200, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := mustPost(t, s.URL()+"/chat/completions", plainBody)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("got status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if got := resp.Header.Get("Retry-After"); got != tt.wantRetryAfter {
				t.Errorf("got Retry-After %q, want %q", got, tt.wantRetryAfter)
			}
			b, _ := io.ReadAll(resp.Body)
			if tt.wantBody != "" && string(b) != tt.wantBody {
				t.Errorf("got body %s, want %s", b, tt.wantBody)
			}
		})
	}
	if got := s.Pending(); got != 0 {
		t.Errorf("got %d pending, want 0", got)
	}
	reqs := s.Requests()
	if len(reqs) != len(tests) {
		t.Fatalf("got %d requests, want %d", len(reqs), len(tests))
	}
}

func TestScriptedTextThenDefault(t *testing.T) {
	s := New(t)
	s.Push(Text("first"), Respond(Reply{Text: "second", FinishReason: "length", CompletionTokens: 99}))
	for i, want := range []struct {
		text, finish string
		completion   int
	}{{"first", "stop", 1}, {"second", "length", 99}, {DefaultReply, "stop", estimateTokens(DefaultReply)}} {
		c := decodeCompletion(t, mustPost(t, s.URL()+"/chat/completions", plainBody))
		if got := c.Choices[0].Message.Content; got != want.text {
			t.Errorf("request %d: got %q, want %q", i, got, want.text)
		}
		if got := c.Choices[0].FinishReason; got != want.finish {
			t.Errorf("request %d: got finish %q, want %q", i, got, want.finish)
		}
		if c.Usage.CompletionTokens != want.completion {
			t.Errorf("request %d: got %d completion tokens, want %d", i, c.Usage.CompletionTokens, want.completion)
		}
	}
}

func TestResponder(t *testing.T) {
	s := New(t)
	s.SetResponder(func(r Request) Reply {
		// A pipeline test would find passage numbers in the prompt.
		if strings.Contains(r.Text(), "Alipay") {
			return Reply{Text: "Ant Group owns Alipay [1]."}
		}
		return Reply{Text: "I cannot tell."}
	})
	s.Push(Text("scripted first"))
	want := []string{"scripted first", "Ant Group owns Alipay [1].", "Ant Group owns Alipay [1]."}
	for i, w := range want {
		c := decodeCompletion(t, mustPost(t, s.URL()+"/chat/completions", plainBody))
		if got := c.Choices[0].Message.Content; got != w {
			t.Errorf("request %d: got %q, want %q", i, got, w)
		}
	}
	s.SetResponder(nil)
	c := decodeCompletion(t, mustPost(t, s.URL()+"/chat/completions", plainBody))
	if got := c.Choices[0].Message.Content; got != DefaultReply {
		t.Errorf("after SetResponder(nil): got %q, want %q", got, DefaultReply)
	}
}

func TestInvalidBodyKeepsScript(t *testing.T) {
	s := New(t)
	s.Push(Text("kept"))
	resp := mustPost(t, s.URL()+"/chat/completions", `{"messages": [`)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("got status %d, want 400", resp.StatusCode)
	}
	if got := s.Pending(); got != 1 {
		t.Errorf("got %d pending, want 1", got)
	}
	if r := s.Requests()[0]; r.DecodeError == "" {
		t.Error("got no DecodeError for an invalid body, want one")
	}
}

func TestAPIKey(t *testing.T) {
	s := New(t, WithAPIKey("k1"))
	tests := []struct {
		name, auth string
		want       int
	}{
		{"missing", "", http.StatusUnauthorized},
		{"wrong", "Bearer k2", http.StatusUnauthorized},
		{"right", "Bearer k1", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, s.URL()+"/chat/completions", strings.NewReader(plainBody))
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("got status %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}

func TestHangReleasedWhenClientLeaves(t *testing.T) {
	s := New(t)
	s.Push(Hang())
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := post(t, ctx, s.URL()+"/chat/completions", plainBody)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got error %v, want context.DeadlineExceeded", err)
	}
	if got := time.Since(start); got > 3*time.Second {
		t.Errorf("got hang of %v, want about 200ms", got)
	}
	// The next request is served normally.
	if resp := mustPost(t, s.URL()+"/chat/completions", plainBody); resp.StatusCode != http.StatusOK {
		t.Errorf("got status %d after a hang, want 200", resp.StatusCode)
	}
}

func TestCloseReleasesHangs(t *testing.T) {
	s := Start(WithLatency(time.Hour))
	s.Push(Hang(), Hang())
	var wg sync.WaitGroup
	for range 3 { // two hangs and one request stuck in latency
		wg.Go(func() {
			resp, err := post(t, context.Background(), s.URL()+"/chat/completions", plainBody)
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.Calls() < 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	closed := make(chan struct{})
	go func() {
		s.Close()
		wg.Wait()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not release hanging requests within 5s")
	}
	s.Close() // a second Close is harmless
}

func TestCloseLeavesNoGoroutines(t *testing.T) {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	before := runtime.NumGoroutine()
	s := Start()
	s.Push(Hang(), StallStream(1), Hang())
	var wg sync.WaitGroup
	for _, body := range []string{plainBody, streamBody, streamBody} {
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodPost, s.URL()+"/chat/completions", strings.NewReader(body))
			if resp, err := client.Do(req); err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	for deadline := time.Now().Add(5 * time.Second); s.Calls() < 3 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	s.Close()
	wg.Wait()
	// Goroutines wind down asynchronously; allow them a generous moment.
	var after int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if after = runtime.NumGoroutine(); after <= before {
			return
		}
	}
	t.Errorf("got %d goroutines after Close, want at most the %d before Start", after, before)
}

func TestLatency(t *testing.T) {
	s := New(t, WithLatency(300*time.Millisecond))
	start := time.Now()
	mustPost(t, s.URL()+"/chat/completions", plainBody)
	if got := time.Since(start); got < 300*time.Millisecond {
		t.Errorf("got response after %v, want at least 300ms", got)
	}
}

func TestConcurrentRequests(t *testing.T) {
	const n = 100
	const latency = 300 * time.Millisecond
	s := New(t, WithLatency(latency))
	s.SetResponder(func(r Request) Reply { return Reply{Text: "echo " + r.Messages[len(r.Messages)-1].Content} })
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			stream := i%2 == 0
			body := `{"model":"m","stream":` + map[bool]string{true: "true", false: "false"}[stream] +
				`,"messages":[{"role":"user","content":"q` + strings.Repeat("x", i) + `"}]}`
			resp, err := post(t, context.Background(), s.URL()+"/chat/completions", body)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			want := "echo q" + strings.Repeat("x", i)
			var got string
			if stream {
				events, err := readEvents(resp.Body)
				if err != nil {
					errs <- err
					return
				}
				for _, e := range events[:len(events)-1] {
					var c chunk
					_ = json.Unmarshal([]byte(e), &c)
					if len(c.Choices) > 0 && c.Choices[0].Delta.Content != nil {
						got += *c.Choices[0].Delta.Content
					}
				}
			} else {
				var c completion
				if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
					errs <- err
					return
				}
				got = c.Choices[0].Message.Content
			}
			if got != want {
				errs <- errors.New("got " + got + ", want " + want)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := s.Calls(); got != n {
		t.Errorf("got %d calls, want %d", got, n)
	}
	// Served one after another this would take n*latency = 30s.
	if got := time.Since(start); got > 10*time.Second {
		t.Errorf("got %d requests in %v, want them served concurrently", n, got)
	}
}

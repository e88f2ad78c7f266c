package llm

import (
	"context"
	"net/http"
	"strings"
	"sync"
)

// transport wraps the caller's RoundTripper to do what go-openai cannot be
// told to do: drop an empty bearer token, and keep the response headers that
// its error types discard (Retry-After) where the retry loop can read them.
type transport struct {
	base http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if auth, ok := req.Header["Authorization"]; ok && emptyBearer(auth) {
		// A keyless server (Ollama, llama.cpp) must see no Authorization
		// header at all; some proxies reject "Bearer " outright. A
		// RoundTripper must not modify its request, so change a clone.
		req = req.Clone(req.Context())
		req.Header.Del("Authorization")
	}
	resp, err := t.base.RoundTrip(req)
	if resp != nil {
		if info := attemptFrom(req.Context()); info != nil {
			info.record(resp)
		}
	}
	return resp, err
}

func emptyBearer(values []string) bool {
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v != "" && !strings.EqualFold(v, "Bearer") {
			return false
		}
	}
	return true
}

// attemptInfo holds what the transport saw of one attempt's response.
type attemptInfo struct {
	mu           sync.Mutex
	status       int
	retryAfter   string
	retryAfterMs string
}

func (a *attemptInfo) record(resp *http.Response) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.status = resp.StatusCode
	a.retryAfter = resp.Header.Get("Retry-After")
	a.retryAfterMs = resp.Header.Get("Retry-After-Ms")
}

func (a *attemptInfo) get() (status int, retryAfter, retryAfterMs string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.status, a.retryAfter, a.retryAfterMs
}

type attemptKey struct{}

func withAttempt(ctx context.Context, a *attemptInfo) context.Context {
	return context.WithValue(ctx, attemptKey{}, a)
}

func attemptFrom(ctx context.Context) *attemptInfo {
	a, _ := ctx.Value(attemptKey{}).(*attemptInfo)
	return a
}

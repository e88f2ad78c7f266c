package openaitest

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// DefaultReply is the answer when no step is queued and no responder is set.
const DefaultReply = "This is a reply from the fake OpenAI server."

// Model is the model the server reports when a request names none, and the
// only entry of GET /v1/models.
const Model = "openaitest"

// maxBody bounds what the server reads of a request body.
const maxBody = 16 << 20

// Server is a fake OpenAI-compatible server. Create it with New (or Start).
type Server struct {
	srv        *httptest.Server
	latency    time.Duration
	chunkDelay time.Duration
	apiKey     string
	// beforeFinish, when set, runs before a whole stream's finish chunk.
	beforeFinish func(context.Context, Request)

	done      chan struct{} // closed by Close; releases hangs and waits
	closeOnce sync.Once
	ids       atomic.Int64

	mu        sync.Mutex
	requests  []Request
	queue     []Step
	responder func(Request) Reply
}

// Option configures a Server.
type Option func(*Server)

// WithLatency delays every response by d before its first byte.
func WithLatency(d time.Duration) Option { return func(s *Server) { s.latency = d } }

// WithChunkDelay waits d between the chunks of a streamed reply.
func WithChunkDelay(d time.Duration) Option { return func(s *Server) { s.chunkDelay = d } }

// WithBeforeFinish runs f with the request before the finish chunk of
// every stream that is sent whole, its content already sent: a test can
// hold the end of an answer until the client has shown what streamed (f
// should return when ctx is done).
func WithBeforeFinish(f func(ctx context.Context, req Request)) Option {
	return func(s *Server) { s.beforeFinish = f }
}

// WithAPIKey makes the server answer 401 to any request whose Authorization
// header is not "Bearer key". Without it any header, or none, is accepted.
func WithAPIKey(key string) Option { return func(s *Server) { s.apiKey = key } }

// WithResponder sets the responder from the start; see SetResponder.
func WithResponder(f func(Request) Reply) Option { return func(s *Server) { s.responder = f } }

// New starts a server on 127.0.0.1 and closes it when the test ends.
func New(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := Start(opts...)
	t.Cleanup(s.Close)
	return s
}

// Start starts a server on 127.0.0.1 that the caller must Close. Tests use
// New; Start serves examples and programs that have no testing.TB.
func Start(opts ...Option) *Server {
	s := &Server{done: make(chan struct{})}
	for _, o := range opts {
		o(s)
	}
	// Bind the loopback address explicitly rather than trusting httptest's
	// defaults, which a -httptest.serve flag can change.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("openaitest: listen on 127.0.0.1: %v", err))
	}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	s.srv.Listener.Close()
	s.srv.Listener = l
	s.srv.Start()
	return s
}

// URL is the base URL clients are configured with, including "/v1".
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Close releases every hanging or waiting handler, then shuts the server down.
// It is safe to call more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.srv.Close()
	})
}

// Push queues scripted steps. Each chat completion request consumes the
// oldest queued step; when the queue is empty the responder answers.
func (s *Server) Push(steps ...Step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = append(s.queue, steps...)
}

// Pending reports how many pushed steps no request has consumed yet.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// SetResponder sets the function that computes a reply when no step is
// queued. It may be called concurrently with requests; nil restores the
// default, which answers DefaultReply.
func (s *Server) SetResponder(f func(Request) Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.responder = f
}

// Requests returns a copy of the chat completion requests received so far,
// in order of arrival.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	copy(out, s.requests)
	return out
}

// Calls reports how many chat completion requests have arrived.
func (s *Server) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	// Accept both the documented /v1 prefix and a base URL without it.
	path := strings.TrimPrefix(r.URL.Path, "/v1")
	switch path {
	case "/chat/completions":
		if r.Method != http.MethodPost {
			writeError(w, http.StatusMethodNotAllowed, "method not allowed", "invalid_request_error", "")
			return
		}
		s.chat(w, r)
	case "/models":
		if r.Method != http.MethodGet {
			writeError(w, http.StatusMethodNotAllowed, "method not allowed", "invalid_request_error", "")
			return
		}
		writeJSON(w, http.StatusOK, modelList{
			Object: "list",
			Data:   []modelEntry{{ID: Model, Object: "model", OwnedBy: "openaitest"}},
		})
	default:
		writeError(w, http.StatusNotFound, "unknown path "+r.URL.Path, "invalid_request_error", "unknown_url")
	}
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	req := decodeRequest(r, body)
	if err != nil && req.DecodeError == "" {
		req.DecodeError = "read body: " + err.Error()
	}

	s.mu.Lock()
	s.requests = append(s.requests, req)
	var (
		step      Step
		haveStep  bool
		responder = s.responder
	)
	// A request the server rejects outright does not consume a scripted step.
	rejected := req.DecodeError != "" || !s.authorized(req)
	if !rejected && len(s.queue) > 0 {
		step, haveStep = s.queue[0], true
		s.queue = s.queue[1:]
	}
	s.mu.Unlock()

	switch {
	case req.DecodeError != "":
		writeError(w, http.StatusBadRequest, "invalid request body: "+req.DecodeError, "invalid_request_error", "")
		return
	case !s.authorized(req):
		writeError(w, http.StatusUnauthorized, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
		return
	}
	// The responder is user code: call it without holding the lock so it
	// may inspect the server.
	respond := func() Reply {
		if responder == nil {
			return Reply{Text: DefaultReply}
		}
		return responder(req)
	}
	if !haveStep {
		step = Respond(respond())
	}
	if step.kind != kindHang && !s.wait(r.Context(), s.latency) {
		return
	}
	s.serveStep(w, r, req, step, respond)
}

func (s *Server) authorized(req Request) bool {
	return s.apiKey == "" || req.Authorization == "Bearer "+s.apiKey
}

// wait sleeps for d unless the client goes away or the server closes first;
// it reports whether the full time passed.
func (s *Server) wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.done:
		return false
	}
}

// hold blocks until the client goes away or the server closes.
func (s *Server) hold(ctx context.Context) {
	select {
	case <-ctx.Done():
	case <-s.done:
	}
}

package llm

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"corpusbot/secret"
)

const (
	defaultBaseURL = "https://api.openai.com/v1"
	defaultModel   = "gpt-4o-mini"
	defaultTimeout = 60 * time.Second

	// minTemperature stands for a requested 0: go-openai omits a zero
	// temperature, which would leave the server's default (often 1).
	minTemperature = 0.01
)

// Client is safe for concurrent use.
type Client struct {
	api        *openai.Client
	key        secret.String // only to scrub server messages that echo it
	model      string
	reasoning  bool // o1/o3/o4/gpt-5/gpt-6: fixed sampling, max_completion_tokens
	timeout    time.Duration
	maxRetries int
	retryBase  time.Duration
	log        *slog.Logger
}

// New checks cfg and builds a client. It fails when cfg is not Enabled.
func New(cfg Config) (*Client, error) {
	if !cfg.Enabled() {
		return nil, errors.New("llm: neither an API key nor a base URL is configured")
	}
	base, err := baseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.Timeout < 0 {
		return nil, fmt.Errorf("llm: timeout %s is negative", cfg.Timeout)
	}
	if cfg.RetryBase < 0 {
		return nil, fmt.Errorf("llm: retry base %s is negative", cfg.RetryBase)
	}
	c := &Client{
		key:        cfg.APIKey,
		model:      cmp.Or(cfg.Model, defaultModel),
		timeout:    cfg.Timeout,
		maxRetries: max(cfg.MaxRetries, 0),
		retryBase:  cfg.RetryBase,
		log:        cfg.Logger,
	}
	if c.timeout == 0 {
		c.timeout = defaultTimeout
	}
	if c.retryBase == 0 {
		c.retryBase = defaultRetryBase
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	c.reasoning = isReasoningModel(c.model)

	oc := openai.DefaultConfig(cfg.APIKey.Reveal())
	oc.BaseURL = base
	oc.HTTPClient = httpClient(cfg.HTTPClient)
	c.api = openai.NewClientWithConfig(oc)
	return c, nil
}

// httpClient copies hc (the caller's stays untouched) with its transport
// wrapped.
func httpClient(hc *http.Client) *http.Client {
	var out http.Client
	if hc != nil {
		out = *hc
	}
	rt := out.Transport
	if rt == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		// Answers run in parallel against one host; keep their connections.
		t.MaxIdleConnsPerHost = 16
		rt = t
	}
	out.Transport = &transport{base: rt}
	return &out
}

// baseURL applies the defaults: "" is OpenAI's, and a URL with no path gets
// "/v1" because users type Ollama's address as http://localhost:11434.
func baseURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return defaultBaseURL, nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL itself may hold a password
		}
		return "", fmt.Errorf("llm: base url: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("llm: base url %q: want http(s)://host[:port][/path]", u.Redacted())
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("llm: base url %q: no query or fragment allowed", u.Redacted())
	}
	if u.Path == "" || u.Path == "/" {
		u.Path = "/v1"
	}
	return strings.TrimRight(u.String(), "/"), nil
}

func isReasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// chatRequest converts req, refusing what no server would accept.
func (c *Client) chatRequest(req Request) (openai.ChatCompletionRequest, error) {
	if len(req.Messages) == 0 {
		return openai.ChatCompletionRequest{}, &callError{kind: ErrBadRequest, detail: "no messages"}
	}
	if req.MaxTokens < 0 {
		return openai.ChatCompletionRequest{}, &callError{kind: ErrBadRequest, detail: fmt.Sprintf("max tokens %d is negative", req.MaxTokens)}
	}
	out := openai.ChatCompletionRequest{
		Model:    c.model,
		Messages: make([]openai.ChatCompletionMessage, len(req.Messages)),
	}
	for i, m := range req.Messages {
		switch m.Role {
		case System, User, Assistant:
		default:
			return openai.ChatCompletionRequest{}, &callError{kind: ErrBadRequest, detail: fmt.Sprintf("message %d has role %q", i, m.Role)}
		}
		// Name stays empty: go-openai then omits it from the JSON.
		out.Messages[i] = openai.ChatCompletionMessage{Role: string(m.Role), Content: m.Content}
	}
	if c.reasoning {
		// These models refuse max_tokens and any temperature but their own.
		out.MaxCompletionTokens = req.MaxTokens
	} else {
		out.MaxTokens = req.MaxTokens
		out.Temperature = req.Temperature
		if out.Temperature <= 0 {
			out.Temperature = minTemperature
		}
	}
	return out, nil
}

// Complete runs one completion, retrying transient failures.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	creq, err := c.chatRequest(req)
	if err != nil {
		return Response{}, err
	}
	start := time.Now()
	var resp Response
	err = c.do(ctx, func(ctx context.Context) error {
		actx, cancel := context.WithTimeout(ctx, c.timeout)
		defer cancel()
		out, err := c.api.CreateChatCompletion(actx, creq)
		if err != nil {
			if e := ctxFailure(ctx, actx, c.timeout.String()); e != nil {
				return e
			}
			return classify(err, c.key.Reveal())
		}
		if len(out.Choices) == 0 {
			return &callError{kind: ErrUnavailable, detail: "response has no choices"}
		}
		ch := out.Choices[0]
		resp = Response{
			Content:      ch.Message.Content,
			FinishReason: string(ch.FinishReason),
			Usage:        usage(&out.Usage),
		}
		return nil
	})
	if err != nil {
		return Response{}, err
	}
	c.logDone("complete", start, resp)
	return resp, nil
}

// Stream runs one completion and calls onDelta with each piece of text as it
// arrives. A stream cut before its end returns ErrIncomplete, never a partial
// Response presented as whole. If onDelta returns an error, the stream stops
// and Stream returns that error unchanged.
//
// Timeout bounds the wait for the response and then for each next piece, not
// the whole stream: a slow local model that keeps producing text is not cut
// off. Bound the total with ctx. Failures are retried only while no delta has
// been delivered; after that any failure but the caller's cancellation is
// ErrIncomplete.
func (c *Client) Stream(ctx context.Context, req Request, onDelta func(string) error) (Response, error) {
	creq, err := c.chatRequest(req)
	if err != nil {
		return Response{}, err
	}
	creq.Stream = true
	creq.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	if onDelta == nil {
		onDelta = func(string) error { return nil }
	}
	start := time.Now()
	var resp Response
	err = c.do(ctx, func(ctx context.Context) error {
		r, err := c.streamAttempt(ctx, creq, onDelta)
		resp = r
		return err
	})
	if d, ok := err.(errDelta); ok {
		return Response{}, d.err
	}
	if err != nil {
		return Response{}, err
	}
	c.logDone("stream", start, resp)
	return resp, nil
}

// errDelta carries the caller's onDelta error through the retry loop, which
// must neither retry it nor mistake it for one of its own.
type errDelta struct{ err error }

func (e errDelta) Error() string { return e.err.Error() }

func (c *Client) streamAttempt(ctx context.Context, creq openai.ChatCompletionRequest, onDelta func(string) error) (Response, error) {
	sctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	idle := time.AfterFunc(c.timeout, func() { cancel(errIdle) })
	defer idle.Stop()

	var (
		text   strings.Builder
		finish string
		u      Usage
	)
	fail := func(err error) error {
		e := ctxFailure(ctx, sctx, c.timeout.String())
		if e == nil {
			e = classify(err, c.key.Reveal())
		}
		if text.Len() == 0 || (e.kind == nil && errors.Is(e.cause, context.Canceled)) {
			return e
		}
		// Text has reached the caller: a retry would repeat it.
		return &callError{
			kind:   ErrIncomplete,
			detail: fmt.Sprintf("after %d bytes: %s", text.Len(), e.Error()),
			cause:  e.cause,
		}
	}

	stream, err := c.api.CreateChatCompletionStream(sctx, creq)
	idle.Stop()
	if err != nil {
		return Response{}, fail(err)
	}
	defer stream.Close()
	for {
		idle.Reset(c.timeout)
		chunk, err := stream.Recv()
		idle.Stop()
		if errors.Is(err, io.EOF) {
			if finish != "" {
				return Response{Content: text.String(), FinishReason: finish, Usage: u}, nil
			}
			if text.Len() == 0 {
				return Response{}, &callError{kind: ErrUnavailable, detail: "stream ended before any content", retryable: true}
			}
			return Response{}, &callError{kind: ErrIncomplete, detail: fmt.Sprintf("stream ended without a finish reason after %d bytes", text.Len())}
		}
		if err != nil {
			return Response{}, fail(err)
		}
		if chunk.Usage != nil {
			u = usage(chunk.Usage)
		}
		if len(chunk.Choices) == 0 {
			continue
		}
		ch := chunk.Choices[0]
		if d := ch.Delta.Content; d != "" {
			text.WriteString(d)
			if err := onDelta(d); err != nil {
				return Response{}, errDelta{err}
			}
		}
		if ch.FinishReason != "" && ch.FinishReason != openai.FinishReasonNull {
			finish = string(ch.FinishReason)
		}
	}
}

func usage(u *openai.Usage) Usage {
	return Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens, TotalTokens: u.TotalTokens}
}

func (c *Client) logDone(op string, start time.Time, r Response) {
	c.log.Debug("llm "+op+" done", "model", c.model, "finish", r.FinishReason,
		"prompt_tokens", r.Usage.PromptTokens, "completion_tokens", r.Usage.CompletionTokens,
		"took", time.Since(start).Round(time.Millisecond))
}

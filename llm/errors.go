package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// callError is every error Complete and Stream return for a failed call,
// apart from the caller's own onDelta error.
type callError struct {
	kind      error  // a category sentinel; nil for a call its context cancelled
	status    int    // HTTP status, 0 when there was none
	detail    string // short, single-line, without the API key
	cause     error  // context errors, so errors.Is sees them
	retryable bool
	attempts  int
}

func (e *callError) Error() string {
	var b strings.Builder
	if e.kind != nil {
		b.WriteString(e.kind.Error())
	} else {
		b.WriteString("llm call")
	}
	if e.status != 0 {
		fmt.Fprintf(&b, ": status %d", e.status)
	}
	if e.detail != "" {
		b.WriteString(": ")
		b.WriteString(e.detail)
	}
	if e.attempts > 1 {
		fmt.Fprintf(&b, " (%d attempts)", e.attempts)
	}
	return b.String()
}

func (e *callError) Unwrap() []error {
	var errs []error
	if e.kind != nil {
		errs = append(errs, e.kind)
	}
	if e.cause != nil {
		errs = append(errs, e.cause)
	}
	return errs
}

// errIdle is the cancellation cause when a stream goes quiet for Timeout.
var errIdle = errors.New("llm stream idle")

// ctxFailure explains a failed attempt by its contexts, or returns nil when
// neither is done: parent is the caller's, attempt the one bounded by Timeout.
func ctxFailure(parent, attempt context.Context, timeout string) *callError {
	if err := parent.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return &callError{kind: ErrTimeout, detail: "the caller's deadline passed", cause: err}
		}
		return &callError{detail: "cancelled", cause: err}
	}
	if attempt.Err() == nil {
		return nil
	}
	if errors.Is(context.Cause(attempt), errIdle) {
		return &callError{kind: ErrTimeout, detail: "no data for " + timeout, cause: context.DeadlineExceeded}
	}
	return &callError{kind: ErrTimeout, detail: "no response within " + timeout, cause: context.DeadlineExceeded}
}

// clientErrors are go-openai's own refusals, raised before any request.
var clientErrors = []error{
	openai.ErrChatCompletionInvalidModel,
	openai.ErrChatCompletionStreamNotSupported,
	openai.ErrContentFieldsMisused,
	openai.ErrReasoningEffortUnsupported,
	openai.ErrReasoningToolsRequireResponses,
	openai.ErrReasoningSamplingUnsupported,
	openai.ErrReasoningModelMaxTokensDeprecated,
	openai.ErrReasoningModelLimitationsLogprobs,
	openai.ErrReasoningModelLimitationsOther,
}

// classify maps an error from go-openai to a category. key is scrubbed from
// any text the server sent back.
func classify(err error, key string) *callError {
	var reqErr *openai.RequestError
	var apiErr *openai.APIError
	switch {
	case errors.As(err, &reqErr):
		// An error status whose body was not OpenAI's error JSON: a proxy's
		// HTML page, a bare "Service Unavailable".
		msg := strings.TrimSpace(string(reqErr.Body))
		if errors.As(reqErr.Err, &apiErr) {
			msg = apiErr.Message
		}
		if msg == "" {
			msg = http.StatusText(reqErr.HTTPStatusCode)
		}
		return byStatus(reqErr.HTTPStatusCode, clean(msg, key), "", "")
	case errors.As(err, &apiErr):
		code := ""
		if apiErr.Code != nil {
			code = fmt.Sprint(apiErr.Code)
		}
		msg := clean(apiErr.Message, key)
		if apiErr.HTTPStatusCode == 0 {
			// An error event inside a stream that had started with 200.
			if isContextLength(msg, code, apiErr.Type) {
				return &callError{kind: ErrContextTooLong, detail: msg}
			}
			return &callError{kind: ErrUnavailable, detail: "error event in stream: " + msg}
		}
		return byStatus(apiErr.HTTPStatusCode, msg, code, apiErr.Type)
	case isMalformed(err):
		return &callError{kind: ErrUnavailable, detail: "malformed response: " + clean(err.Error(), key)}
	case isClientError(err):
		return &callError{kind: ErrBadRequest, detail: clean(err.Error(), key)}
	case isNetwork(err):
		return &callError{kind: ErrUnavailable, detail: clean(err.Error(), key), retryable: true}
	default:
		return &callError{kind: ErrUnavailable, detail: clean(err.Error(), key)}
	}
}

// byStatus maps an HTTP error status and the server's error fields.
func byStatus(status int, msg, code, typ string) *callError {
	e := &callError{status: status, detail: msg}
	switch {
	case (status == http.StatusBadRequest || status == http.StatusRequestEntityTooLarge) && isContextLength(msg, code, typ):
		e.kind = ErrContextTooLong
	case status == http.StatusTooManyRequests:
		e.kind = ErrRateLimited
		// An exhausted quota stays exhausted however long we wait.
		e.retryable = code != "insufficient_quota" && typ != "insufficient_quota"
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		e.kind = ErrUnauthorized
	case status >= 400 && status < 500:
		e.kind = ErrBadRequest
	case status == http.StatusInternalServerError, status == http.StatusBadGateway,
		status == http.StatusServiceUnavailable, status == http.StatusGatewayTimeout:
		e.kind = ErrUnavailable
		e.retryable = true
	default:
		e.kind = ErrUnavailable
	}
	return e
}

// isContextLength recognises the context-length errors of OpenAI
// (code context_length_exceeded), vLLM ("maximum context length") and
// llama.cpp (type exceed_context_size_error, "context size").
func isContextLength(msg, code, typ string) bool {
	if code == "context_length_exceeded" || typ == "exceed_context_size_error" {
		return true
	}
	m := strings.ToLower(msg)
	for _, s := range []string{"maximum context length", "context length", "context size", "context window"} {
		if strings.Contains(m, s) {
			return true
		}
	}
	return false
}

func isMalformed(err error) bool {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	return errors.As(err, &syn) || errors.As(err, &typ) || errors.Is(err, openai.ErrTooManyEmptyStreamMessages)
}

func isClientError(err error) bool {
	for _, c := range clientErrors {
		if errors.Is(err, c) {
			return true
		}
	}
	return false
}

func isNetwork(err error) bool {
	var ue *url.Error
	var ne net.Error
	return errors.As(err, &ue) || errors.As(err, &ne) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// maxDetail bounds the server text kept in an error, in runes.
const maxDetail = 200

// clean makes server text fit for an error string and a log line: the key
// removed, whitespace collapsed, length bounded.
func clean(s, key string) string {
	if key != "" {
		s = strings.ReplaceAll(s, key, "[redacted]")
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > maxDetail {
		r := []rune(s)
		s = string(r[:maxDetail]) + "…"
	}
	return s
}

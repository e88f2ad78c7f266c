package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// Reply is a successful answer, as a responder computes it.
type Reply struct {
	Text             string
	FinishReason     string // "" means "stop"
	PromptTokens     int    // 0 means estimated from the request (words ≈ tokens)
	CompletionTokens int    // 0 means estimated from Text
	// Chunks, when set, are the stream's content pieces instead of Text's
	// words: a citation, a mention or a character can be split anywhere.
	// A piece is JSON-encoded as any content; with RawChunks it goes into
	// the JSON string as written, so that it can carry escapes a real
	// server sends, such as half a surrogate pair ("\ud83d").
	Chunks    []string
	RawChunks bool
}

type stepKind int

const (
	kindReply stepKind = iota
	kindError
	kindRaw
	kindHang
	kindCut
	kindStall
	kindMalformed
	kindStreamError
)

// Step is one scripted response. Build steps with Text, Respond, Status,
// Error, RateLimited, Raw, Hang, CutStream, StallStream and Malformed.
type Step struct {
	kind        stepKind
	reply       Reply
	status      int
	message     string
	errType     string
	errCode     string
	retryAfter  string
	contentType string
	body        string
	chunks      int
}

// Text answers with s, as JSON or as a stream, whichever the request asked for.
func Text(s string) Step { return Respond(Reply{Text: s}) }

// Respond answers with r.
func Respond(r Reply) Step { return Step{kind: kindReply, reply: r} }

// Status answers with an HTTP error status and an OpenAI-style error body
// {"error":{"message":…,"type":…,"code":…}} whose type suits the status.
func Status(code int, message string) Step {
	return Error(code, message, errorType(code), "")
}

// Error answers with an HTTP error status and an OpenAI-style error body with
// the given type and code; an empty code is sent as null. A context-length
// error, for example, is
//
//	Error(400, "This model's maximum context length is 8192 tokens.", "invalid_request_error", "context_length_exceeded")
func Error(status int, message, typ, code string) Step {
	return Step{kind: kindError, status: status, message: message, errType: typ, errCode: code}
}

// RateLimited answers 429 with an OpenAI-style error body and, unless
// retryAfter is "", a Retry-After header with that value.
func RateLimited(retryAfter string) Step {
	s := Error(http.StatusTooManyRequests, "Rate limit reached for requests.", "requests", "rate_limit_exceeded")
	s.retryAfter = retryAfter
	return s
}

// Raw answers with exactly this status, content type and body, like a proxy's
// HTML error page.
func Raw(status int, contentType, body string) Step {
	return Step{kind: kindRaw, status: status, contentType: contentType, body: body}
}

// Hang sends nothing and blocks until the client goes away or the server is
// closed. Latency does not apply.
func Hang() Step { return Step{kind: kindHang} }

// CutStream sends the first afterChunks content chunks (after the opening role
// chunk) of the reply the responder would give, then closes the connection abruptly: no finish chunk,
// no [DONE], no end of the chunked body. To a request that did not ask for a
// stream it sends the headers and half the JSON body, then closes.
func CutStream(afterChunks int) Step { return Step{kind: kindCut, chunks: afterChunks} }

// StallStream is CutStream that, instead of closing, keeps the connection
// open and silent until the client goes away or the server is closed.
func StallStream(afterChunks int) Step { return Step{kind: kindStall, chunks: afterChunks} }

// Malformed answers 200 with a complete body that is not valid JSON, or for a
// stream a data line holding invalid JSON followed by [DONE].
func Malformed() Step { return Step{kind: kindMalformed} }

// StreamError sends the first afterChunks content chunks of the reply the
// responder would give, then an error event as OpenAI sends one when it
// fails mid-stream (data: {"error": {…}} with a type suiting status), and
// ends the response. A request that did not ask for a stream gets the
// error as Error(status, …) would send it.
func StreamError(afterChunks, status int, message string) Step {
	return Step{kind: kindStreamError, chunks: afterChunks, status: status, message: message, errType: errorType(status)}
}

func (s *Server) serveStep(w http.ResponseWriter, r *http.Request, req Request, st Step, respond func() Reply) {
	switch st.kind {
	case kindReply:
		if req.Stream {
			s.stream(w, r, req, st.reply, -1, endNormal)
		} else {
			s.writeReply(w, req, st.reply)
		}
	case kindError:
		if st.retryAfter != "" {
			w.Header().Set("Retry-After", st.retryAfter)
		}
		writeError(w, st.status, st.message, st.errType, st.errCode)
	case kindRaw:
		w.Header().Set("Content-Type", st.contentType)
		w.Header().Set("Content-Length", strconv.Itoa(len(st.body)))
		w.WriteHeader(st.status)
		_, _ = w.Write([]byte(st.body))
	case kindHang:
		s.hold(r.Context())
	case kindCut, kindStall:
		end := endCut
		if st.kind == kindStall {
			end = endStall
		}
		reply := respond()
		if req.Stream {
			s.stream(w, r, req, reply, st.chunks, end)
		} else {
			s.partialJSON(w, r, req, reply, end)
		}
	case kindStreamError:
		if !req.Stream {
			writeError(w, st.status, st.message, st.errType, "")
			return
		}
		s.stream(w, r, req, respond(), st.chunks, endError)
		_, _ = fmt.Fprintf(w, "data: %s\n\n", mustJSON(errorBody{Error: apiError{Message: st.message, Type: st.errType}}))
		flush(w)
	case kindMalformed:
		if req.Stream {
			s.malformedStream(w)
		} else {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`{"id":"chatcmpl-malformed","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":tru}}]}`))
		}
	}
}

// errorType is the OpenAI error type usually seen with an HTTP status.
func errorType(status int) string {
	switch {
	case status == http.StatusUnauthorized:
		return "authentication_error"
	case status == http.StatusForbidden:
		return "permission_error"
	case status == http.StatusNotFound:
		return "not_found_error"
	case status == http.StatusTooManyRequests:
		return "requests"
	case status >= 500:
		return "server_error"
	default:
		return "invalid_request_error"
	}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the wire structs always marshal
	}
	return b
}

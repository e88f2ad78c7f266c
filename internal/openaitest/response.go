package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Wire structs of the responses, in OpenAI's field names.
type (
	usage struct {
		PromptTokens     int `json:"prompt_tokens"`
		CompletionTokens int `json:"completion_tokens"`
		TotalTokens      int `json:"total_tokens"`
	}
	wireMessage struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	}
	choice struct {
		Index        int         `json:"index"`
		Message      wireMessage `json:"message"`
		FinishReason string      `json:"finish_reason"`
	}
	completion struct {
		ID      string   `json:"id"`
		Object  string   `json:"object"`
		Created int64    `json:"created"`
		Model   string   `json:"model"`
		Choices []choice `json:"choices"`
		Usage   usage    `json:"usage"`
	}
	delta struct {
		Role    string  `json:"role,omitempty"`
		Content *string `json:"content,omitempty"`
	}
	chunkChoice struct {
		Index        int     `json:"index"`
		Delta        delta   `json:"delta"`
		FinishReason *string `json:"finish_reason"` // null until the last chunk
	}
	chunk struct {
		ID      string        `json:"id"`
		Object  string        `json:"object"`
		Created int64         `json:"created"`
		Model   string        `json:"model"`
		Choices []chunkChoice `json:"choices"` // empty in the usage chunk
		Usage   *usage        `json:"usage,omitempty"`
	}
	apiError struct {
		Message string  `json:"message"`
		Type    string  `json:"type"`
		Param   *string `json:"param"`
		Code    *string `json:"code"`
	}
	errorBody struct {
		Error apiError `json:"error"`
	}
	modelEntry struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	modelList struct {
		Object string       `json:"object"`
		Data   []modelEntry `json:"data"`
	}
)

// streamEnd says how a stream finishes.
type streamEnd int

const (
	endNormal streamEnd = iota // finish chunk, usage chunk, [DONE]
	endCut                     // connection closed abruptly
	endStall                   // connection held open, silent
	endError                   // stop after limit chunks; the caller writes an error event
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, status int, message, typ, code string) {
	e := apiError{Message: message, Type: typ}
	if code != "" {
		e.Code = &code
	}
	writeJSON(w, status, errorBody{Error: e})
}

func (s *Server) nextID() string { return fmt.Sprintf("chatcmpl-openaitest-%d", s.ids.Add(1)) }

func modelOf(req Request) string {
	if req.Model == "" {
		return Model
	}
	return req.Model
}

func usageOf(req Request, reply Reply) usage {
	u := usage{PromptTokens: reply.PromptTokens, CompletionTokens: reply.CompletionTokens}
	if u.PromptTokens == 0 {
		for _, m := range req.Messages {
			u.PromptTokens += estimateTokens(m.Content)
		}
	}
	if u.CompletionTokens == 0 {
		u.CompletionTokens = estimateTokens(reply.Text)
	}
	u.TotalTokens = u.PromptTokens + u.CompletionTokens
	return u
}

func finishReason(reply Reply) string {
	if reply.FinishReason == "" {
		return "stop"
	}
	return reply.FinishReason
}

func (s *Server) completion(req Request, reply Reply) completion {
	return completion{
		ID:      s.nextID(),
		Object:  "chat.completion",
		Created: time.Now().Unix(),
		Model:   modelOf(req),
		Choices: []choice{{
			Message:      wireMessage{Role: "assistant", Content: reply.Text},
			FinishReason: finishReason(reply),
		}},
		Usage: usageOf(req, reply),
	}
}

func (s *Server) writeReply(w http.ResponseWriter, req Request, reply Reply) {
	writeJSON(w, http.StatusOK, s.completion(req, reply))
}

// partialJSON announces the whole JSON body but sends only half of it, then
// cuts or stalls.
func (s *Server) partialJSON(w http.ResponseWriter, r *http.Request, req Request, reply Reply, end streamEnd) {
	b, _ := json.Marshal(s.completion(req, reply))
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b[:len(b)/2])
	flush(w)
	if end == endCut {
		cut(w)
		return
	}
	s.hold(r.Context())
}

func startStream(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)
}

// stream writes reply as server-sent events. With end other than endNormal it
// stops after limit content chunks.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, req Request, reply Reply, limit int, end streamEnd) {
	ctx := r.Context()
	startStream(w)
	base := chunk{ID: s.nextID(), Object: "chat.completion.chunk", Created: time.Now().Unix(), Model: modelOf(req)}
	send := func(c chunk) bool {
		b, err := json.Marshal(c)
		if err != nil {
			return false
		}
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return false
		}
		flush(w)
		return true
	}
	withChoice := func(d delta, finish *string) chunk {
		c := base
		c.Choices = []chunkChoice{{Delta: d, FinishReason: finish}}
		return c
	}

	empty := ""
	if !send(withChoice(delta{Role: "assistant", Content: &empty}, nil)) {
		return
	}
	pieces := splitChunks(reply.Text)
	if reply.Chunks != nil {
		pieces = reply.Chunks
	}
	for i, p := range pieces {
		if end != endNormal && i >= limit {
			break
		}
		if i > 0 && !s.wait(ctx, s.chunkDelay) {
			return
		}
		if reply.RawChunks {
			c := withChoice(delta{Content: &empty}, nil)
			b, _ := json.Marshal(c)
			// The empty content's "" takes the piece as written.
			b = []byte(strings.Replace(string(b), `"content":""`, `"content":"`+p+`"`, 1))
			if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
				return
			}
			flush(w)
			continue
		}
		if !send(withChoice(delta{Content: &p}, nil)) {
			return
		}
	}
	switch end {
	case endError:
		return
	case endCut:
		cut(w)
		return
	case endStall:
		s.hold(ctx)
		return
	}
	if len(pieces) > 0 && !s.wait(ctx, s.chunkDelay) {
		return
	}
	if s.beforeFinish != nil {
		s.beforeFinish(ctx, req)
	}
	fr := finishReason(reply)
	if !send(withChoice(delta{}, &fr)) {
		return
	}
	if req.IncludeUsage {
		c := base
		c.Choices = []chunkChoice{}
		u := usageOf(req, reply)
		c.Usage = &u
		if !send(c) {
			return
		}
	}
	_, _ = fmt.Fprint(w, "data: [DONE]\n\n")
	flush(w)
}

func (s *Server) malformedStream(w http.ResponseWriter) {
	startStream(w)
	_, _ = fmt.Fprint(w, "data: {\"id\":\"chatcmpl-malformed\",\"choices\":[{\"delta\":{\"content\":tru}}]}\n\n")
	_, _ = fmt.Fprint(w, "data: [DONE]\n\n")
	flush(w)
}

func flush(w http.ResponseWriter) {
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

// cut closes the connection under the response: the client sees the body
// end without its terminating chunk, as when a proxy or server dies.
func cut(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	// Without a hijackable connection (HTTP/2), aborting the handler is
	// the closest equivalent: net/http resets the stream.
	panic(http.ErrAbortHandler)
}

// splitChunks splits s into word pieces, each carrying the whitespace before
// it, so that the pieces concatenate back to s exactly.
func splitChunks(s string) []string {
	var out []string
	start, prevSpace := 0, true
	for i, r := range s {
		space := unicode.IsSpace(r)
		if space && !prevSpace && i > start {
			out = append(out, s[start:i])
			start = i
		}
		prevSpace = space
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

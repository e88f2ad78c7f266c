package openaitest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// Request is a chat completion request as the server received it. Its
// Header, Body and Messages are shared between copies: treat them as
// read-only.
type Request struct {
	Method string
	Path   string
	Header http.Header // a copy of all request headers
	Body   []byte      // the raw body

	// Authorization is the Authorization header, "" when absent; check
	// Header.Values("Authorization") to tell absent from empty.
	Authorization string

	Model               string
	Messages            []Message
	Stream              bool
	IncludeUsage        bool     // stream_options.include_usage
	MaxTokens           int      // max_tokens; 0 when absent
	MaxCompletionTokens int      // max_completion_tokens; 0 when absent
	Temperature         *float64 // nil when absent

	// DecodeError is why the body could not be decoded; the server then
	// answered 400. "" for a well-formed request.
	DecodeError string
}

// Message is one chat message of a Request.
type Message struct {
	Role    string
	Content string // a string content, or the text parts of an array joined by "\n"
	Name    string
	HasName bool // whether the JSON object had a "name" key at all
}

// Text joins the content of every message, one per line: handy for a
// responder that looks for passages in the prompt.
func (r Request) Text() string {
	parts := make([]string, len(r.Messages))
	for i, m := range r.Messages {
		parts[i] = m.Content
	}
	return strings.Join(parts, "\n")
}

// wireRequest is the part of the OpenAI request body the server reads.
type wireRequest struct {
	Model         string                       `json:"model"`
	Messages      []map[string]json.RawMessage `json:"messages"`
	Stream        bool                         `json:"stream"`
	StreamOptions *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
	MaxTokens           int      `json:"max_tokens"`
	MaxCompletionTokens int      `json:"max_completion_tokens"`
	Temperature         *float64 `json:"temperature"`
}

type contentPart struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

func decodeRequest(r *http.Request, body []byte) Request {
	req := Request{
		Method:        r.Method,
		Path:          r.URL.Path,
		Header:        r.Header.Clone(),
		Body:          body,
		Authorization: r.Header.Get("Authorization"),
	}
	var w wireRequest
	if err := json.Unmarshal(body, &w); err != nil {
		req.DecodeError = err.Error()
		return req
	}
	req.Model = w.Model
	req.Stream = w.Stream
	req.IncludeUsage = w.StreamOptions != nil && w.StreamOptions.IncludeUsage
	req.MaxTokens = w.MaxTokens
	req.MaxCompletionTokens = w.MaxCompletionTokens
	req.Temperature = w.Temperature
	for i, raw := range w.Messages {
		m, err := decodeMessage(raw)
		if err != nil {
			req.DecodeError = "messages[" + strconv.Itoa(i) + "]: " + err.Error()
			return req
		}
		req.Messages = append(req.Messages, m)
	}
	if len(req.Messages) == 0 {
		req.DecodeError = "messages: at least one message is required"
	}
	return req
}

func decodeMessage(raw map[string]json.RawMessage) (Message, error) {
	var m Message
	if err := json.Unmarshal(raw["role"], &m.Role); err != nil {
		return m, err
	}
	if n, ok := raw["name"]; ok {
		m.HasName = true
		_ = json.Unmarshal(n, &m.Name)
	}
	c := bytes.TrimSpace(raw["content"])
	switch {
	case len(c) == 0 || bytes.Equal(c, []byte("null")):
	case c[0] == '"':
		if err := json.Unmarshal(c, &m.Content); err != nil {
			return m, err
		}
	default:
		var parts []contentPart
		if err := json.Unmarshal(c, &parts); err != nil {
			return m, err
		}
		var texts []string
		for _, p := range parts {
			if p.Type == "text" {
				texts = append(texts, p.Text)
			}
		}
		m.Content = strings.Join(texts, "\n")
	}
	return m, nil
}

// estimateTokens counts words, a rough stand-in for tokens.
func estimateTokens(s string) int { return len(strings.Fields(s)) }

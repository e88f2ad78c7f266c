package llm

import (
	"net"
	"net/http"
	"strings"
	"testing"

	"corpusbot/internal/openaitest"
	"corpusbot/secret"
)

// Security claims of docs/security.md about the LLM key: it is sent only in
// the Authorization header, and no error or log line carries it, whatever
// the server sends back.

const securityKey = "sk-proj-SECURITYREVIEW0123456789"

// TestSecurityKeyOnlyInAuthorizationHeader: the key appears in the
// Authorization header and nowhere else in the request (path, query, other
// headers, body).
func TestSecurityKeyOnlyInAuthorizationHeader(t *testing.T) {
	modes(t, func(t *testing.T, stream bool) {
		srv := openaitest.New(t)
		c, _ := newClient(t, srv, func(cfg *Config) { cfg.APIKey = secret.New(securityKey) })
		if _, _, err := call(t, c, stream, question); err != nil {
			t.Fatal(err)
		}
		r := srv.Requests()[0]
		if got := r.Header.Values("Authorization"); len(got) != 1 || got[0] != "Bearer "+securityKey {
			t.Errorf("Authorization %q, want the bearer key once", got)
		}
		if strings.Contains(r.Path, securityKey) || strings.Contains(string(r.Body), securityKey) {
			t.Errorf("the key is in the path or body: %s %s", r.Path, r.Body)
		}
		for name, vs := range r.Header {
			if name == "Authorization" {
				continue
			}
			for _, v := range vs {
				if strings.Contains(v, securityKey) {
					t.Errorf("header %s carries the key", name)
				}
			}
		}
	})
}

// TestSecurityKeyScrubbedFromErrorsAndLogs: servers that echo the key in
// a JSON error, an HTML error page or a stream error event produce errors
// and debug logs without it.
func TestSecurityKeyScrubbedFromErrorsAndLogs(t *testing.T) {
	steps := map[string]openaitest.Step{
		"401 json":         openaitest.Error(http.StatusUnauthorized, "Incorrect API key provided: "+securityKey, "invalid_request_error", "invalid_api_key"),
		"400 json":         openaitest.Error(http.StatusBadRequest, "bad request from "+securityKey, "invalid_request_error", ""),
		"429 json":         openaitest.Error(http.StatusTooManyRequests, "quota of "+securityKey+" exhausted", "insufficient_quota", "insufficient_quota"),
		"500 json":         openaitest.Status(http.StatusInternalServerError, "upstream failed for "+securityKey),
		"502 html":         openaitest.Raw(http.StatusBadGateway, "text/html", "<html><body>proxy error for Bearer "+securityKey+"</body></html>"),
		"200 stream error": openaitest.Raw(http.StatusOK, "text/event-stream", `data: {"error":{"message":"key `+securityKey+` revoked","type":"server_error"}}`+"\n\n"),
	}
	for name, step := range steps {
		t.Run(name, func(t *testing.T) {
			modes(t, func(t *testing.T, stream bool) {
				srv := openaitest.New(t)
				srv.Push(step, step, step) // the first try and both retries
				c, logs := newClient(t, srv, func(cfg *Config) { cfg.APIKey = secret.New(securityKey) })
				_, _, err := call(t, c, stream, question)
				if err == nil {
					t.Fatal("got no error, want the server's failure")
				}
				if strings.Contains(err.Error(), securityKey) {
					t.Errorf("error carries the key: %v", err)
				}
				if strings.Contains(logs.String(), securityKey) {
					t.Errorf("debug log carries the key:\n%s", logs.String())
				}
			})
		})
	}
}

// TestSecurityBaseURLPasswordNotInErrors: a password in OPENAI_BASE_URL
// does not reach the error of a failed connection or the log.
func TestSecurityBaseURLPasswordNotInErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: every attempt fails to connect
	modes(t, func(t *testing.T, stream bool) {
		srv := openaitest.New(t)
		c, logs := newClient(t, srv, func(cfg *Config) {
			cfg.BaseURL = "http://admin:hunter2@" + addr + "/v1"
			cfg.MaxRetries = 0
		})
		_, _, err := call(t, c, stream, question)
		if err == nil {
			t.Fatal("got no error from a closed port")
		}
		for what, text := range map[string]string{"error": err.Error(), "log": logs.String()} {
			if strings.Contains(text, "hunter2") {
				t.Errorf("%s carries the base URL's password: %s", what, text)
			}
		}
	})
}

package llm

import (
	"net/http"
	"strings"
	"testing"
)

// recordTransport keeps the request it was given and answers 429.
type recordTransport struct {
	got *http.Request
}

func (r *recordTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r.got = req
	h := http.Header{}
	h.Set("Retry-After", "7")
	return &http.Response{StatusCode: 429, Header: h, Body: http.NoBody, Request: req}, nil
}

func TestTransportAuthorization(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		want   []string
	}{
		{"empty bearer is dropped", []string{"Bearer "}, nil},
		{"bare bearer is dropped", []string{"Bearer"}, nil},
		{"empty value is dropped", []string{""}, nil},
		{"absent stays absent", nil, nil},
		{"real token is kept", []string{"Bearer sk-1"}, []string{"Bearer sk-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recordTransport{}
			req, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1:1/v1/chat/completions", nil)
			if tt.header != nil {
				req.Header["Authorization"] = tt.header
			}
			resp, err := (&transport{base: rec}).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			got := rec.got.Header.Values("Authorization")
			if strings.Join(got, ",") != strings.Join(tt.want, ",") || len(got) != len(tt.want) {
				t.Errorf("got Authorization %q, want %q", got, tt.want)
			}
			if strings.Join(req.Header.Values("Authorization"), ",") != strings.Join(tt.header, ",") {
				t.Errorf("got the caller's request modified: %q", req.Header.Values("Authorization"))
			}
		})
	}
}

func TestTransportRecordsRetryAfter(t *testing.T) {
	info := &attemptInfo{}
	req, _ := http.NewRequestWithContext(withAttempt(t.Context(), info), http.MethodPost, "http://127.0.0.1:1/", nil)
	resp, err := (&transport{base: &recordTransport{}}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	status, ra, _ := info.get()
	if status != 429 || ra != "7" {
		t.Errorf("got status %d Retry-After %q, want 429 and 7", status, ra)
	}
}

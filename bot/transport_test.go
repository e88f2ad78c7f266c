package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// transportFunc lets a test stand in for the next transport.
type transportFunc func(*http.Request) (*http.Response, error)

func (f transportFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestParseAPIBase(t *testing.T) {
	tests := []struct {
		base, want string
	}{
		{"", "https://discord.com"},
		{"https://discord.com", "https://discord.com"},
		{"https://discord.com/", "https://discord.com"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"HTTP://LOCALHOST:9/", "http://LOCALHOST:9"},
		{"http://[::1]:8080", "http://[::1]:8080"},
	}
	for _, tt := range tests {
		t.Run(cmp.Or(tt.base, "empty"), func(t *testing.T) {
			u, err := ParseAPIBase(tt.base)
			if err != nil {
				t.Fatalf("ParseAPIBase(%q): %v", tt.base, err)
			}
			if got := u.String(); got != tt.want {
				t.Errorf("ParseAPIBase(%q) = %s, want %s", tt.base, got, tt.want)
			}
		})
	}
}

func TestParseAPIBaseRejects(t *testing.T) {
	tests := []struct {
		name, base, wantErr string
	}{
		{"no scheme", "127.0.0.1:8080", "DISCORD_API_BASE"},
		{"host as scheme", "localhost:8080", "http:// or https://"},
		{"other scheme", "ws://127.0.0.1:8080", "http:// or https://"},
		{"relative", "/api", "http:// or https://"},
		{"no host", "http://", "must name a host"},
		{"port only", "http://:8080", "must name a host"},
		{"bad port", "http://127.0.0.1:99999", "port"},
		{"path", "http://127.0.0.1:8080/api/v9", "no path"},
		{"query", "http://127.0.0.1:8080?x=1", "no query"},
		{"empty query", "http://127.0.0.1:8080/?", "no query"},
		{"fragment", "http://127.0.0.1:8080#x", "no fragment"},
		{"user info", "http://bot:secret@127.0.0.1:8080", "user info"},
		{"space", " http://127.0.0.1:8080", "DISCORD_API_BASE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ParseAPIBase(tt.base)
			if err == nil {
				t.Fatalf("ParseAPIBase(%q) = %v, want an error", tt.base, u)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "DISCORD_API_BASE") {
				t.Errorf("ParseAPIBase(%q) error %q, want it to name DISCORD_API_BASE and say %q", tt.base, err, tt.wantErr)
			}
			if _, err := NewTransport(tt.base, nil); err == nil {
				t.Errorf("NewTransport(%q) accepted it", tt.base)
			}
		})
	}
}

// TestTransportRewrites sends requests for discord.com through the
// transport to a test server and checks what arrives.
func TestTransportRewrites(t *testing.T) {
	type seen struct {
		method, path, query, host, auth, ctype, body string
	}
	got := make(chan seen, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- seen{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Host, r.Header.Get("Authorization"), r.Header.Get("Content-Type"), string(b)}
		fmt.Fprint(w, "{}")
	}))
	defer srv.Close()
	tr, err := NewTransport(srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: tr}
	tests := []struct {
		name, method, url, body string
		want                    seen
	}{
		{"get with query", "GET", "https://discord.com/api/v9/gateway/bot?v=9&encoding=json", "",
			seen{"GET", "/api/v9/gateway/bot", "v=9&encoding=json", "", "Bot x", "", ""}},
		{"post with body", "POST", "https://discord.com/api/v9/channels/1/messages", `{"content":"hi [1]"}`,
			seen{"POST", "/api/v9/channels/1/messages", "", "", "Bot x", "application/json", `{"content":"hi [1]"}`}},
		{"escaped path", "PATCH", "https://discord.com/api/v9/webhooks/1/tok%2Fen/messages/@original", "{}",
			seen{"PATCH", "/api/v9/webhooks/1/tok%2Fen/messages/@original", "", "", "Bot x", "application/json", "{}"}},
		{"upper-case host and port", "DELETE", "https://DISCORD.COM:443/api/v9/channels/1", "",
			seen{"DELETE", "/api/v9/channels/1", "", "", "Bot x", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			req, err := http.NewRequest(tt.method, tt.url, body)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bot x")
			if tt.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			before := req.URL.String()
			resp, err := client.Do(req)
			if err != nil {
				t.Fatalf("%s %s: %v", tt.method, tt.url, err)
			}
			resp.Body.Close()
			s := <-got
			tt.want.host = strings.TrimPrefix(srv.URL, "http://")
			if s != tt.want {
				t.Errorf("server saw %+v, want %+v", s, tt.want)
			}
			if after := req.URL.String(); after != before {
				t.Errorf("request URL changed to %s, want %s: the transport must not modify its input", after, before)
			}
		})
	}
}

// closeRecorder is a request body that notes whether it was closed.
type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

// TestTransportRefusesOtherHosts checks that a request for any host but
// discord.com fails before a connection is even attempted.
func TestTransportRefusesOtherHosts(t *testing.T) {
	var conns atomic.Int32
	other := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("other server got %s %s", r.Method, r.URL)
	}))
	other.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	other.Start()
	defer other.Close()

	var dials atomic.Int32
	next := http.DefaultTransport.(*http.Transport).Clone()
	dial := next.DialContext
	next.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		dials.Add(1)
		return dial(ctx, network, addr)
	}
	tr, err := NewTransport("http://127.0.0.1:1", next)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{
		other.URL + "/api/v9/users/@me",
		"https://cdn.discordapp.com/avatars/1/a.png",
		"https://gateway.discord.gg/?v=9",
		"https://status.discord.com/api/v2/scheduled-maintenances/active.json",
		"https://discord.com.evil.example/api/v9/users/@me",
		"https://evil.example/https://discord.com/",
	} {
		t.Run(u, func(t *testing.T) {
			body := &closeRecorder{Reader: strings.NewReader("secret")}
			req, err := http.NewRequest("POST", u, body)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := tr.RoundTrip(req)
			if resp != nil {
				resp.Body.Close()
			}
			if !errors.Is(err, ErrHostRefused) {
				t.Errorf("RoundTrip(%s) error %v, want ErrHostRefused", u, err)
			}
			if !body.closed {
				t.Errorf("RoundTrip(%s) left the request body open", u)
			}
		})
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("other server saw %d connections, want 0", n)
	}
	if n := dials.Load(); n != 0 {
		t.Errorf("next transport dialled %d times, want 0", n)
	}
}

func TestTransportDefaultPassesThroughAndRefusesOthers(t *testing.T) {
	for _, base := range []string{"", "https://discord.com", "https://discord.com/"} {
		t.Run(cmp.Or(base, "empty"), func(t *testing.T) {
			var got *http.Request
			calls := 0
			next := transportFunc(func(r *http.Request) (*http.Response, error) {
				got = r
				calls++
				return &http.Response{StatusCode: 204, Body: http.NoBody, Request: r}, nil
			})
			tr, err := NewTransport(base, next)
			if err != nil {
				t.Fatal(err)
			}
			req, _ := http.NewRequest("GET", "https://discord.com/api/v9/users/@me?x=1", nil)
			req.Header.Set("Authorization", "Bot x")
			if _, err := tr.RoundTrip(req); err != nil {
				t.Fatal(err)
			}
			if got == nil || got.URL.String() != req.URL.String() || got.Header.Get("Authorization") != "Bot x" {
				t.Errorf("next got %v, want %v with its headers", got, req.URL)
			}
			// Security finding F9: with the default base too, the token
			// cannot be sent anywhere but Discord.
			other, _ := http.NewRequest("GET", "https://example.com/steal", nil)
			if _, err := tr.RoundTrip(other); !errors.Is(err, ErrHostRefused) {
				t.Errorf("request to example.com: err = %v, want ErrHostRefused", err)
			}
			if calls != 1 {
				t.Errorf("next called %d times, want 1 (the refused request never sent)", calls)
			}
		})
	}
}

// TestTransportDiscordgo points a real discordgo session at a test server,
// as the bot does with DISCORD_API_BASE.
func TestTransportDiscordgo(t *testing.T) {
	var path, auth atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path.Store(r.URL.Path)
		auth.Store(r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id":"42","username":"corpusbot","bot":true}`)
	}))
	defer srv.Close()
	tr, err := NewTransport(srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := discordgo.New("Bot x")
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: tr}
	u, err := s.User("@me")
	if err != nil {
		t.Fatalf("User(@me): %v", err)
	}
	if u.ID != "42" || u.Username != "corpusbot" {
		t.Errorf("User(@me) = %+v, want id 42, corpusbot", u)
	}
	if got := path.Load(); got != "/api/v9/users/@me" {
		t.Errorf("server saw path %v, want /api/v9/users/@me", got)
	}
	if got := auth.Load(); got != "Bot x" {
		t.Errorf("server saw Authorization %v, want Bot x", got)
	}
}

func ExampleNewTransport() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("fake Discord got", r.Method, r.URL.Path)
	}))
	defer srv.Close()

	// DISCORD_API_BASE=http://127.0.0.1:PORT
	tr, err := NewTransport(srv.URL, nil)
	if err != nil {
		panic(err)
	}
	client := &http.Client{Transport: tr} // discordgo: session.Client = client
	resp, err := client.Get("https://discord.com/api/v9/gateway")
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	_, err = client.Get("https://example.com/")
	fmt.Println(errors.Is(err, ErrHostRefused))
	// Output:
	// fake Discord got GET /api/v9/gateway
	// true
}

func ExampleParseAPIBase() {
	_, err := ParseAPIBase("http://127.0.0.1:8080/api")
	fmt.Println(err)
	// Output:
	// DISCORD_API_BASE "http://127.0.0.1:8080/api" must have no path: discordgo adds /api/v9/… itself
}

package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"corpusbot/internal/leaktest"
)

const (
	testGuild   = "100000000000000001"
	testChannel = "100000000000000002"
	testOther   = "100000000000000003"
	testRole    = "100000000000000004"
)

// TestMain fails the run if any fake, HTTP or discordgo goroutine outlives
// the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if err := settleGoroutines(5 * time.Second); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

// settleGoroutines waits up to d for the fake, HTTP, websocket and
// discordgo goroutines to end.
func settleGoroutines(d time.Duration) error {
	return leaktest.Settle(d,
		"discordtest.(*",
		"gorilla/websocket.",
		"net/http.(*conn).serve",
		"net/http.(*persistConn)",
		"discordgo.(*Session)",
	)
}

// rewrite sends discord.com requests to the fake and refuses other hosts.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (rt rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return nil, fmt.Errorf("rewrite: refusing request to %s", r.URL.Host)
	}
	r2 := r.Clone(r.Context())
	r2.URL.Scheme, r2.URL.Host, r2.Host = rt.base.Scheme, rt.base.Host, ""
	return rt.next.RoundTrip(r2)
}

func testGuildOption() Option {
	return WithGuild(testGuild,
		[]Channel{{ID: testChannel, Name: "general"}, {ID: testOther, Name: "other"}},
		[]Role{{ID: testRole, Name: "analyst"}})
}

// newServer starts a fake with the test guild and short gateway timings.
func newServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	base := []Option{testGuildOption(), WithHeartbeatInterval(500 * time.Millisecond)}
	return New(t, append(base, opts...)...)
}

// newClient returns a discordgo session wired to srv, not yet opened.
func newClient(t *testing.T, srv *Server) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New("Bot test-token")
	if err != nil {
		t.Fatal(err)
	}
	base, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	s.Client = &http.Client{Transport: rewrite{base: base, next: tr}, Timeout: 20 * time.Second}
	s.Dialer = &websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	s.LogLevel = -1 // reconnect tests provoke errors that discordgo would log
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages |
		discordgo.IntentsDirectMessages | discordgo.IntentMessageContent
	return s
}

// openSession opens a discordgo session on srv and closes it before srv.
func openSession(t *testing.T, srv *Server) *discordgo.Session {
	t.Helper()
	s := newClient(t, srv)
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { closeSession(s) })
	return s
}

// closeSession closes s for good. In discordgo v0.29.0 a heartbeat that
// races with Close fails its write and calls reconnect, resurrecting the
// session (and, once the fake is gone, retrying forever); switching
// reconnection off first prevents that.
func closeSession(s *discordgo.Session) {
	s.Lock()
	s.ShouldReconnectOnError = false
	s.Unlock()
	s.Close()
}

// events collects discordgo events of type T (a pointer to an event struct).
func events[T any](s *discordgo.Session) <-chan T {
	ch := make(chan T, 100)
	s.AddHandler(func(_ *discordgo.Session, e T) {
		select {
		case ch <- e:
		default: // never block discordgo; tests send far fewer than 100
		}
	})
	return ch
}

func recv[T any](t *testing.T, ch <-chan T, match func(T) bool) T {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e := <-ch:
			if match(e) {
				return e
			}
		case <-timeout:
			var zero T
			t.Fatalf("timed out waiting for %T", zero)
			return zero
		}
	}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// noMentions is the allowed_mentions the bot must send.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// restCode returns the HTTP status and Discord code of a discordgo error.
func restCode(err error) (status, code int) {
	var re *discordgo.RESTError
	if errors.As(err, &re) {
		status = re.Response.StatusCode
		if re.Message != nil {
			code = re.Message.Code
		}
	}
	return status, code
}

func hasRule(vs []Violation, rule string) bool {
	for _, v := range vs {
		if v.Rule == rule {
			return true
		}
	}
	return false
}

// rawClient speaks the gateway protocol directly, for protocol details
// discordgo hides.
type rawClient struct {
	t  *testing.T
	ws *websocket.Conn
}

type rawFrame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  int64           `json:"s"`
	T  string          `json:"t"`
}

func dialRaw(t *testing.T, srv *Server) *rawClient {
	t.Helper()
	d := websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	ws, _, err := d.Dial(srv.GatewayURL()+"/?v=10&encoding=json", nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { ws.Close() })
	return &rawClient{t: t, ws: ws}
}

func (c *rawClient) send(op int, d any) {
	c.t.Helper()
	if err := c.ws.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *rawClient) read() (rawFrame, error) {
	c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	var f rawFrame
	_, data, err := c.ws.ReadMessage()
	if err != nil {
		return f, err
	}
	return f, json.Unmarshal(data, &f)
}

func (c *rawClient) mustRead() rawFrame {
	c.t.Helper()
	f, err := c.read()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return f
}

// identify reads HELLO, identifies and reads READY and the GUILD_CREATEs.
func (c *rawClient) identify(intents int64) (sessionID string) {
	c.t.Helper()
	if f := c.mustRead(); f.Op != opHello {
		c.t.Fatalf("first frame op %d, want %d", f.Op, opHello)
	}
	c.send(opIdentify, map[string]any{"token": "Bot test-token", "intents": intents})
	f := c.mustRead()
	if f.T != "READY" {
		c.t.Fatalf("got %q, want READY", f.T)
	}
	var ready struct {
		SessionID string `json:"session_id"`
	}
	json.Unmarshal(f.D, &ready)
	if g := c.mustRead(); g.T != "GUILD_CREATE" {
		c.t.Fatalf("got %q, want GUILD_CREATE", g.T)
	}
	return ready.SessionID
}

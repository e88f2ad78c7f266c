package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

func TestGatewayHandshake(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithHeartbeatInterval(1234*time.Millisecond))
	c := dialRaw(t, srv)

	hello := c.mustRead()
	var h struct {
		HeartbeatInterval int `json:"heartbeat_interval"`
	}
	json.Unmarshal(hello.D, &h)
	if hello.Op != opHello || h.HeartbeatInterval != 1234 {
		t.Fatalf("got op %d interval %d, want op %d interval 1234", hello.Op, h.HeartbeatInterval, opHello)
	}
	c.send(opHeartbeat, 0)
	if f := c.mustRead(); f.Op != opHeartbeatACK {
		t.Fatalf("heartbeat answered with op %d, want %d", f.Op, opHeartbeatACK)
	}

	const intents = 1<<0 | 1<<9 | 1<<15
	c.send(opIdentify, map[string]any{"token": "Bot test-token", "intents": intents})
	ready := c.mustRead()
	var r struct {
		V    int `json:"v"`
		User struct {
			ID  string `json:"id"`
			Bot bool   `json:"bot"`
		} `json:"user"`
		SessionID        string `json:"session_id"`
		ResumeGatewayURL string `json:"resume_gateway_url"`
		Application      struct {
			ID string `json:"id"`
		} `json:"application"`
		Guilds []struct {
			ID          string `json:"id"`
			Unavailable bool   `json:"unavailable"`
		} `json:"guilds"`
	}
	if err := json.Unmarshal(ready.D, &r); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"t", ready.T, "READY"},
		{"s", ready.S, int64(1)},
		{"v", r.V, 10},
		{"user.id", r.User.ID, srv.BotUser().ID},
		{"user.bot", r.User.Bot, true},
		{"session_id set", r.SessionID != "", true},
		{"resume_gateway_url", r.ResumeGatewayURL, srv.GatewayURL()},
		{"application.id", r.Application.ID, srv.AppID()},
		{"guilds", len(r.Guilds) == 1 && r.Guilds[0].ID == testGuild && r.Guilds[0].Unavailable, true},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("READY %s: got %v, want %v", c.name, c.got, c.want)
		}
	}

	gc := c.mustRead()
	var g struct {
		ID       string    `json:"id"`
		Channels []Channel `json:"channels"`
		Roles    []Role    `json:"roles"`
	}
	json.Unmarshal(gc.D, &g)
	if gc.T != "GUILD_CREATE" || gc.S != 2 || g.ID != testGuild {
		t.Fatalf("got %s s=%d guild %s, want GUILD_CREATE s=2 guild %s", gc.T, gc.S, g.ID, testGuild)
	}
	if len(g.Channels) != 2 || g.Channels[0].GuildID != testGuild || g.Channels[0].Name != "general" {
		t.Errorf("got channels %+v, want general and other in guild %s", g.Channels, testGuild)
	}
	if len(g.Roles) != 2 || g.Roles[0].ID != testGuild || g.Roles[1].ID != testRole {
		t.Errorf("got roles %+v, want @everyone (%s) then %s", g.Roles, testGuild, testRole)
	}

	if err := srv.WaitReady(ctxT(t)); err != nil {
		t.Fatalf("WaitReady: %v", err)
	}
	ids := srv.IdentifyPayloads()
	if len(ids) != 1 || ids[0].Token != "Bot test-token" || ids[0].Intents != intents {
		t.Errorf("got identifies %+v, want one with the token and intents %d", ids, intents)
	}
}

func TestIdentifyToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		token  string
		accept bool
	}{
		{"with Bot prefix", "Bot secret", true},
		{"bare", "secret", true},
		{"wrong", "Bot wrong", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, WithToken("secret"))
			c := dialRaw(t, srv)
			c.mustRead() // HELLO
			c.send(opIdentify, map[string]any{"token": tt.token, "intents": 0})
			f, err := c.read()
			var ce *websocket.CloseError
			switch {
			case tt.accept && (err != nil || f.T != "READY"):
				t.Fatalf("got %v %q, want READY", err, f.T)
			case !tt.accept && !(errors.As(err, &ce) && ce.Code == 4004):
				t.Fatalf("got %v %q, want close 4004", err, f.T)
			}
		})
	}
}

func TestResumeReplaysMissedDispatches(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c1 := dialRaw(t, srv)
	sid := c1.identify(IntentGuildMessages | IntentMessageContent)
	srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "one"})
	if f := c1.mustRead(); f.T != "MESSAGE_CREATE" || f.S != 3 {
		t.Fatalf("got %s s=%d, want MESSAGE_CREATE s=3", f.T, f.S)
	}

	srv.DropConnection()
	if _, err := c1.read(); err == nil {
		t.Fatal("connection still open after DropConnection")
	}
	srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "two"})
	srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "three"})

	c2 := dialRaw(t, srv)
	c2.mustRead() // HELLO
	c2.send(opResume, map[string]any{"token": "Bot test-token", "session_id": sid, "seq": 3})
	want := []struct {
		t       string
		s       int64
		content string
	}{{"MESSAGE_CREATE", 4, "two"}, {"MESSAGE_CREATE", 5, "three"}, {"RESUMED", 6, ""}}
	for _, w := range want {
		f := c2.mustRead()
		var m struct {
			Content string `json:"content"`
		}
		json.Unmarshal(f.D, &m)
		if f.T != w.t || f.S != w.s || m.Content != w.content {
			t.Fatalf("got %s s=%d %q, want %s s=%d %q", f.T, f.S, m.Content, w.t, w.s, w.content)
		}
	}
	srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "four"})
	if f := c2.mustRead(); f.T != "MESSAGE_CREATE" || f.S != 7 {
		t.Fatalf("after resume got %s s=%d, want MESSAGE_CREATE s=7", f.T, f.S)
	}
	if got := srv.Resumes(); got != 1 {
		t.Errorf("got %d resumes, want 1", got)
	}
	if got := srv.Identifies(); got != 1 {
		t.Errorf("got %d identifies, want 1", got)
	}
}

func TestResumeUnknownSession(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := dialRaw(t, srv)
	c.mustRead() // HELLO
	c.send(opResume, map[string]any{"token": "Bot test-token", "session_id": "nope", "seq": 5})
	f := c.mustRead()
	if f.Op != opInvalidSession || string(f.D) != "false" {
		t.Fatalf("got op %d d %s, want op 9 d false", f.Op, f.D)
	}
	if got := srv.Resumes(); got != 0 {
		t.Errorf("got %d resumes, want 0", got)
	}
}

func TestDispatchBeforeIdentifyIsQueued(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "early"})
	c := dialRaw(t, srv)
	c.identify(IntentGuildMessages | IntentMessageContent)
	f := c.mustRead()
	var m Message
	json.Unmarshal(f.D, &m)
	if f.T != "MESSAGE_CREATE" || m.Content != "early" {
		t.Fatalf("got %s %q, want MESSAGE_CREATE \"early\"", f.T, m.Content)
	}
}

func TestMessageIntents(t *testing.T) {
	t.Parallel()
	const all = IntentGuildMessages | IntentDirectMessages | IntentMessageContent
	tests := []struct {
		name        string
		intents     int64
		guild       bool
		mentionBot  bool
		wantContent string // "-" means not delivered
	}{
		{"guild with content intent", all, true, false, "hello"},
		{"guild without content intent", IntentGuildMessages, true, false, ""},
		{"guild mention without content intent", IntentGuildMessages, true, true, "<@BOT> hello"},
		{"guild without guild messages intent", IntentDirectMessages | IntentMessageContent, true, false, "-"},
		{"dm without content intent", IntentDirectMessages, false, false, "hello"},
		{"dm without dm intent", IntentGuildMessages | IntentMessageContent, false, false, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			c := dialRaw(t, srv)
			c.identify(tt.intents)
			o := MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "hello"}
			if !tt.guild {
				o = MessageOpts{ChannelID: "200000000000000001", Content: "hello"}
			}
			want := tt.wantContent
			if tt.mentionBot {
				o.Content = "<@" + srv.BotUser().ID + "> hello"
				want = o.Content
			}
			srv.SendMessage(o)
			srv.Dispatch("SENTINEL", map[string]any{})
			f := c.mustRead()
			if tt.wantContent == "-" {
				if f.T != "SENTINEL" {
					t.Fatalf("got %s, want the message withheld", f.T)
				}
				return
			}
			var m Message
			json.Unmarshal(f.D, &m)
			if f.T != "MESSAGE_CREATE" || m.Content != want {
				t.Fatalf("got %s %q, want MESSAGE_CREATE %q", f.T, m.Content, want)
			}
		})
	}
}

func TestDiscordgoReadyAndMessages(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	guilds := events[*discordgo.GuildCreate](s)
	msgs := events[*discordgo.MessageCreate](s)
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { closeSession(s) })

	if s.State.User == nil || s.State.User.ID != srv.BotUser().ID || !s.State.User.Bot {
		t.Fatalf("got State.User %+v, want bot %s", s.State.User, srv.BotUser().ID)
	}
	g := recv(t, guilds, func(*discordgo.GuildCreate) bool { return true })
	if g.ID != testGuild || len(g.Channels) != 2 || len(g.Roles) != 2 {
		t.Errorf("got guild %s with %d channels, %d roles, want %s with 2 and 2", g.ID, len(g.Channels), len(g.Roles), testGuild)
	}

	botID := srv.BotUser().ID
	sent := srv.SendMessage(MessageOpts{
		ChannelID: testChannel, GuildID: testGuild, Roles: []string{testRole},
		Content: "<@" + botID + "> what did Alipay report?",
	})
	m := recv(t, msgs, func(e *discordgo.MessageCreate) bool { return e.ID == sent.ID })
	switch {
	case m.Content != sent.Content:
		t.Errorf("got content %q, want %q", m.Content, sent.Content)
	case m.GuildID != testGuild || m.ChannelID != testChannel:
		t.Errorf("got guild %s channel %s, want %s %s", m.GuildID, m.ChannelID, testGuild, testChannel)
	case len(m.Mentions) != 1 || m.Mentions[0].ID != botID:
		t.Errorf("got mentions %v, want the bot", m.Mentions)
	case m.Member == nil || len(m.Member.Roles) != 1 || m.Member.Roles[0] != testRole:
		t.Errorf("got member %+v, want roles [%s]", m.Member, testRole)
	case m.Author.ID != srv.DefaultUser().ID:
		t.Errorf("got author %s, want %s", m.Author.ID, srv.DefaultUser().ID)
	}

	dm := srv.SendMessage(MessageOpts{ChannelID: "200000000000000009", Content: "private question"})
	got := recv(t, msgs, func(e *discordgo.MessageCreate) bool { return e.ID == dm.ID })
	if got.GuildID != "" || got.Content != "private question" {
		t.Errorf("got DM guild %q content %q, want no guild and the content", got.GuildID, got.Content)
	}
}

// TestDiscordgoRecovers disrupts the gateway from the server side; a
// message sent while discordgo is away must still reach its handler.
func TestDiscordgoRecovers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		disrupt        func(*Server)
		wantIdentifies int
		wantResumes    int
	}{
		{"dropped connection resumes", (*Server).DropConnection, 1, 1},
		{"op 7 reconnect resumes", (*Server).Reconnect, 1, 1},
		{"op 9 invalid session re-identifies", (*Server).InvalidateSession, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			s := newClient(t, srv)
			msgs := events[*discordgo.MessageCreate](s)
			if err := s.Open(); err != nil {
				t.Fatalf("Open: %v", err)
			}
			t.Cleanup(func() { closeSession(s) })
			if err := srv.WaitReady(ctxT(t)); err != nil {
				t.Fatal(err)
			}

			start := time.Now()
			tt.disrupt(srv)
			missed := srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "sent while away"})
			got := recv(t, msgs, func(e *discordgo.MessageCreate) bool { return e.ID == missed.ID })
			t.Logf("%s: message delivered %v after the disruption", tt.name, time.Since(start).Round(time.Millisecond))
			if got.Content != "sent while away" {
				t.Errorf("got %q, want the missed message", got.Content)
			}
			if err := srv.WaitReady(ctxT(t)); err != nil {
				t.Fatal(err)
			}
			if n := srv.Identifies(); n != tt.wantIdentifies {
				t.Errorf("got %d identifies, want %d", n, tt.wantIdentifies)
			}
			if n := srv.Resumes(); n != tt.wantResumes {
				t.Errorf("got %d resumes, want %d", n, tt.wantResumes)
			}

			// The session keeps working afterwards.
			after := srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "after"})
			recv(t, msgs, func(e *discordgo.MessageCreate) bool { return e.ID == after.ID })
		})
	}
}

func TestDiscordgoHeartbeatsAcked(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithHeartbeatInterval(100*time.Millisecond))
	s := openSession(t, srv)
	// Wait until discordgo has seen the ACK of a periodic (not the initial)
	// heartbeat; it reconnects when 5 intervals pass without one.
	var second time.Time
	err := srv.wait(ctxT(t), func() bool {
		if len(srv.heartbeats) < 3 {
			return false
		}
		second = srv.heartbeats[1]
		s.RLock()
		defer s.RUnlock()
		return s.LastHeartbeatAck.After(second)
	})
	if err != nil {
		t.Fatalf("no ACK for a periodic heartbeat: %v", err)
	}
	if n := srv.Connections(); n != 1 {
		t.Errorf("got %d connections, want 1 (no reconnect for missing ACKs)", n)
	}
}

func TestCloseLeavesNoGoroutines(t *testing.T) {
	// Not parallel: parallel tests are paused while this runs, so any
	// leftover goroutine is this server's.
	srv := newServer(t)
	c := dialRaw(t, srv)
	c.identify(IntentGuildMessages)
	resp, err := http.Get(srv.URL() + "/api/v9/gateway")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	http.DefaultClient.CloseIdleConnections()

	waitErr := make(chan error, 1)
	go func() {
		_, err := srv.WaitFor(context.Background(), func(Request) bool { return false })
		waitErr <- err
	}()
	srv.Close()
	if err := <-waitErr; !errors.Is(err, ErrClosed) {
		t.Errorf("WaitFor after Close: got %v, want ErrClosed", err)
	}
	if _, err := c.read(); err == nil {
		t.Error("gateway connection still open after Close")
	}
	if err := settleGoroutines(2 * time.Second); err != nil {
		t.Error(err)
	}
}

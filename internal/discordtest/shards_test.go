package discordtest

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Two guilds on different shards of 2: (700000000004194304 >> 22) % 2 is 0,
// (700000000008388608 >> 22) % 2 is 1.
const (
	shard0Guild   = "700000000004194304"
	shard0Channel = "700000000004194305"
	shard1Guild   = "700000000008388608"
	shard1Channel = "700000000008388609"
)

func shardedServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	base := []Option{
		WithGuild(shard0Guild, []Channel{{ID: shard0Channel}}, nil),
		WithGuild(shard1Guild, []Channel{{ID: shard1Channel}}, nil),
		WithHeartbeatInterval(500 * time.Millisecond),
		WithShards(2, 2),
	}
	return New(t, append(base, opts...)...)
}

func TestShardOf(t *testing.T) {
	srv := shardedServer(t)
	for _, c := range []struct {
		guild string
		want  int
	}{{shard0Guild, 0}, {shard1Guild, 1}, {"", 0}, {"not a number", 0}} {
		if got := srv.ShardOf(c.guild); got != c.want {
			t.Errorf("ShardOf(%q) = %d, want %d", c.guild, got, c.want)
		}
	}
	unsharded := newServer(t)
	if got := unsharded.ShardOf(shard1Guild); got != 0 {
		t.Errorf("an unsharded fake routes %s to shard %d, want 0", shard1Guild, got)
	}
}

// TestShardedSessions: two discordgo sessions, one per shard, each get
// READY and GUILD_CREATE for their own guild and only their guild's
// messages; a DM goes to shard 0; GET /gateway/bot says 2 shards and
// max_concurrency 2.
func TestShardedSessions(t *testing.T) {
	t.Parallel()
	srv := shardedServer(t)
	type shard struct {
		s      *discordgo.Session
		ready  <-chan *discordgo.Ready
		guilds <-chan *discordgo.GuildCreate
		msgs   <-chan *discordgo.MessageCreate
	}
	var shards [2]shard
	for i := range shards {
		s := newClient(t, srv)
		s.ShardID, s.ShardCount = i, 2
		s.StateEnabled = false // the state updates READY's guilds in place, racing the checks below
		shards[i] = shard{s: s, ready: events[*discordgo.Ready](s), guilds: events[*discordgo.GuildCreate](s), msgs: events[*discordgo.MessageCreate](s)}
		if err := s.Open(); err != nil {
			t.Fatalf("shard %d: Open: %v", i, err)
		}
		t.Cleanup(func() { closeSession(s) })
	}
	gb, err := shards[0].s.GatewayBot()
	if err != nil {
		t.Fatal(err)
	}
	if gb.Shards != 2 || gb.SessionStartLimit.MaxConcurrency != 2 {
		t.Errorf("GET /gateway/bot: shards %d, max_concurrency %d; want 2 and 2", gb.Shards, gb.SessionStartLimit.MaxConcurrency)
	}
	own := []string{shard0Guild, shard1Guild}
	chans := []string{shard0Channel, shard1Channel}
	for i, sh := range shards {
		r := recv(t, sh.ready, func(*discordgo.Ready) bool { return true })
		if len(r.Guilds) != 1 || r.Guilds[0].ID != own[i] || r.Shard == nil || *r.Shard != [2]int{i, 2} {
			t.Errorf("shard %d READY: guilds %v, shard %v; want only %s, [%d 2]", i, r.Guilds, r.Shard, own[i], i)
		}
		g := recv(t, sh.guilds, func(*discordgo.GuildCreate) bool { return true })
		if g.ID != own[i] {
			t.Errorf("shard %d got GUILD_CREATE for %s, want %s", i, g.ID, own[i])
		}
		if n := len(srv.ShardIdentifies(i)); n != 1 {
			t.Errorf("shard %d identified %d times, want 1", i, n)
		}
	}
	for i := range shards {
		srv.SendMessage(MessageOpts{GuildID: own[i], ChannelID: chans[i], Content: "to shard " + string(rune('0'+i))})
	}
	srv.SendMessage(MessageOpts{ChannelID: "700000000012582912", Content: "a DM"})
	// discordgo runs handlers on goroutines of their own: any order.
	got0 := map[string]bool{}
	for range 2 {
		got0[recv(t, shards[0].msgs, func(*discordgo.MessageCreate) bool { return true }).GuildID] = true
	}
	got1 := recv(t, shards[1].msgs, func(*discordgo.MessageCreate) bool { return true })
	if !got0[shard0Guild] || !got0[""] || got1.GuildID != shard1Guild {
		t.Errorf("routed: shard 0 got guilds %v, want %s and a DM; shard 1 got %q", got0, shard0Guild, got1.GuildID)
	}
	select {
	case m := <-shards[1].msgs:
		t.Errorf("shard 1 got a message it does not own: guild %q %q", m.GuildID, m.Content)
	case <-time.After(200 * time.Millisecond):
	}
	if v := srv.Violations(); len(v) > 0 {
		t.Errorf("violations: %+v", v)
	}
}

// TestShardedIdentifyRejected: IDENTIFYs with a missing or wrong shard are
// closed as Discord closes them.
func TestShardedIdentifyRejected(t *testing.T) {
	t.Parallel()
	srv := shardedServer(t)
	for _, c := range []struct {
		name  string
		shard any
		code  int
	}{
		{"no shard", nil, 4011},
		{"one shard of one", [2]int{0, 1}, 4011},
		{"shard id past the count", [2]int{2, 2}, 4010},
		{"negative shard id", [2]int{-1, 2}, 4010},
		{"another shard count", [2]int{0, 3}, 4010},
	} {
		t.Run(c.name, func(t *testing.T) {
			rc := dialRaw(t, srv)
			rc.mustRead() // HELLO
			d := map[string]any{"token": "Bot test-token", "intents": 1}
			if c.shard != nil {
				d["shard"] = c.shard
			}
			rc.send(opIdentify, d)
			_, err := rc.read()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != c.code {
				t.Fatalf("IDENTIFY with shard %v: got %v, want close %d", c.shard, err, c.code)
			}
		})
	}
	if n := srv.Identifies(); n != 0 {
		t.Errorf("%d IDENTIFYs accepted, want 0", n)
	}
}

// TestShardIdentifyRate: two IDENTIFYs in one max_concurrency bucket
// within the interval are a violation; in two buckets they are not.
func TestShardIdentifyRate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		maxConcurrency int
		violation      bool
	}{{1, true}, {2, false}} {
		srv := shardedServer(t, WithShards(2, c.maxConcurrency), WithIdentifyInterval(time.Hour))
		for shard := range 2 {
			rc := dialRaw(t, srv)
			rc.mustRead()
			rc.send(opIdentify, map[string]any{"token": "Bot test-token", "intents": 1, "shard": [2]int{shard, 2}})
			f := rc.mustRead()
			var ready struct {
				Shard [2]int `json:"shard"`
			}
			json.Unmarshal(f.D, &ready)
			if f.T != "READY" || ready.Shard != [2]int{shard, 2} {
				t.Fatalf("shard %d: got %s with shard %v, want READY for [%d 2]", shard, f.T, ready.Shard, shard)
			}
		}
		if got := hasRule(srv.Violations(), "identify.rate_limit"); got != c.violation {
			t.Errorf("max_concurrency %d: identify.rate_limit violation %v, want %v", c.maxConcurrency, got, c.violation)
		}
	}
}

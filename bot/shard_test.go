package bot

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func TestShardOf(t *testing.T) {
	tests := []struct {
		guild string
		count int
		want  int
	}{
		{"700000000004194304", 2, 0}, // (id >> 22) % 2
		{"700000000008388608", 2, 1},
		{"700000000008388608", 3, 0},
		{"81384788765712384", 16, 81384788765712384 >> 22 % 16},
		{"", 4, 0},          // a DM: shard 0
		{"not-an-id", 4, 0}, // never on another shard by accident
		{"700000000008388608", 1, 0},
		{"700000000008388608", 0, 0},
	}
	for _, tt := range tests {
		if got := ShardOf(tt.guild, tt.count); got != tt.want {
			t.Errorf("ShardOf(%q, %d) = %d, want %d", tt.guild, tt.count, got, tt.want)
		}
	}
}

func TestShardOwnsAndChecks(t *testing.T) {
	s1 := Shard{ID: 1, Count: 2, MaxConcurrency: 16}
	if !s1.Owns("700000000008388608") || s1.Owns("700000000004194304") || s1.Owns("") {
		t.Error("shard 1 of 2 owns the wrong servers (or DMs, which are shard 0's)")
	}
	if !(Shard{}).Owns("700000000004194304") || !(Shard{}).Owns("") {
		t.Error("an unsharded bot must own everything")
	}
	r := Shard{ID: 1, Last: 2, Count: 3}
	if !r.Owns("700000000000000000") || !r.Owns("700000000004194304") || r.Owns("700000000008388608") || r.Owns("") {
		t.Error("shards 1-2 of 3 own the wrong servers (shard 0's, or DMs)")
	}
	if ids := fmt.Sprint(r.IDs(), Shard{ID: 3, Count: 8}.IDs(), Shard{}.IDs()); ids != "[1 2] [3] [0]" {
		t.Errorf("IDs: %s, want [1 2] [3] [0]", ids)
	}
	if b := (Shard{Count: 8, MaxConcurrency: 4}).BucketOf(5); b != 1 {
		t.Errorf("shard 5 with max_concurrency 4 in bucket %d, want 1", b)
	}
	if b := (Shard{Count: 8}).BucketOf(5); b != 0 {
		t.Errorf("shard 5 with max_concurrency unknown in bucket %d, want 0", b)
	}
	for _, bad := range []Shard{{ID: 2, Count: 2}, {ID: -1, Count: 2}, {ID: 0, Count: 2, MaxConcurrency: -1},
		{ID: 1, Last: 2, Count: 2}, {ID: 2, Last: 1, Count: 4}, {ID: 1}} {
		if _, err := (Config{Token: secretToken(), Shard: bad}).withDefaults(); err == nil {
			t.Errorf("shard %+v accepted", bad)
		}
	}
	if s := fmt.Sprint(Shard{ID: 3, Count: 16}, " ", Shard{ID: 0, Last: 3, Count: 16}, " ", Shard{}); s != "3/16 0-3/16 unsharded" {
		t.Errorf("shards print as %q, want 3/16 0-3/16 unsharded", s)
	}
}

// TestShardAnswersOnlyItsServers: shard 1 of 2 answers a mention in its
// server and ignores, without a word, a message or a command from shard
// 0's server or a DM, which another process answers.
func TestShardAnswersOnlyItsServers(t *testing.T) {
	b, api, _, _ := testBot(t, func(c *Config) { c.Shard = Shard{ID: 1, Count: 2} })
	mention := func(id, guild string) *discordgo.MessageCreate {
		return &discordgo.MessageCreate{Message: &discordgo.Message{ID: id, GuildID: guild, ChannelID: "9" + id,
			Author: &discordgo.User{ID: "42"}, Content: "<@100> What changed?", Mentions: []*discordgo.User{{ID: "100"}}}}
	}
	b.onMessageCreate(nil, mention("1", "700000000004194304")) // shard 0's server
	b.onMessageCreate(nil, mention("2", ""))                   // a DM: shard 0's
	b.onInteractionCreate(nil, &discordgo.InteractionCreate{Interaction: &discordgo.Interaction{
		ID: "3", GuildID: "700000000004194304", ChannelID: "93", Type: discordgo.InteractionApplicationCommand}})
	b.onMessageCreate(nil, mention("4", "700000000008388608")) // its own
	// Answers are written on goroutines of their own: wait for them all.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := b.work.wait(ctx); err != nil {
		t.Fatalf("answers still being written 30 s on: %v", err)
	}
	if len(api.recorded()) == 0 {
		t.Fatal("message 4, in shard 1's server, was not answered")
	}
	for _, c := range api.recorded() {
		if c.channel != "94" && c.channel != "4" { // its channel, or the thread it opens there
			t.Errorf("%s in channel %s, want calls about message 4 (shard 1's server) only", c.method, c.channel)
		}
	}
}

// TestGatewayUpWhenEveryShardIs: a process serving two shards reports
// its gateway connected only while both sessions are.
func TestGatewayUpWhenEveryShardIs(t *testing.T) {
	rec := &recorder{}
	b, _, _, _ := testBot(t, func(c *Config) { c.Metrics = rec; c.Shard = Shard{ID: 0, Last: 1, Count: 2} })
	s0, s1 := &discordgo.Session{}, &discordgo.Session{}
	b.sessions = []*discordgo.Session{s0, s1}
	b.onConnect(s0, nil)
	b.onConnect(s1, nil)
	b.onDisconnect(s1, nil)
	b.onConnect(s1, nil)
	want := "[gateway false gateway true gateway false gateway true]"
	if got := fmt.Sprint(rec.list()); got != want {
		t.Errorf("gateway states %s, want %s", got, want)
	}
}

package main

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
	"corpusbot/store"
)

// Two shard processes of one bot, real processes on one PostgreSQL,
// against the fake Discord sharded in two.

// Servers on shard 0 and shard 1 of 2: (id >> 22) % 2.
const (
	shardGuild0    = "700000000004194304"
	shardGeneral0  = "700000000004194305"
	shardGuild1    = "700000000008388608"
	shardGeneral1  = "700000000008388609"
	shardBriefing1 = "700000000008388610"
)

// TestTwoShardProcesses: shard 0 and shard 1 run as two processes on one
// PostgreSQL. Each identifies with its shard, in turn (max_concurrency 1),
// and answers the servers Discord routes to it, each question once; DMs
// are shard 0's; a user's rate limit holds across both. Shard 0 alone registers the commands, and the daily
// briefing, whose channel is on shard 1's server, is posted once, by
// shard 1. Then shard 1's leader is killed and its standby takes over.
func TestTwoShardProcesses(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	dbURL := e2eDatabase(ctx, t, "shards")
	bin := buildBinary(ctx, t)

	dc := discordtest.New(t, discordtest.WithToken(e2eToken), discordtest.WithShards(2, 1),
		discordtest.WithGuild(shardGuild0, []discordtest.Channel{{ID: shardGeneral0, Name: "general"}}, nil),
		discordtest.WithGuild(shardGuild1, []discordtest.Channel{{ID: shardGeneral1, Name: "general"}, {ID: shardBriefing1, Name: "briefing"}}, nil))
	for g, want := range map[string]int{shardGuild0: 0, shardGuild1: 1} {
		if got := dc.ShardOf(g); got != want {
			t.Fatalf("test setup: server %s is on shard %d, want %d", g, got, want)
		}
	}
	ai := openaitest.New(t, openaitest.WithResponder(e2eResponder))
	env := []string{
		"DISCORD_TOKEN=" + e2eToken,
		"DISCORD_APP_ID=" + dc.AppID(),
		"DISCORD_API_BASE=" + dc.URL(),
		"MESSAGE_CONTENT_INTENT=true",
		"OPENAI_BASE_URL=" + ai.URL(),
		"OPENAI_MODEL=test-model",
		"LLM_TIMEOUT=10s",
		// One question an hour: a second, through the other shard, is refused.
		"USER_RATE=1h",
		"USER_BURST=1",
		"DATABASE_URL=" + dbURL,
		"LEADER_LEASE=2s",
		// A slot a minute ago is caught up at once by the shard that posts it.
		"BRIEFING_CHANNEL_ID=" + shardBriefing1,
		"BRIEFING_TIME=" + time.Now().UTC().Add(-time.Minute).Format("15:04"),
		"BRIEFING_TZ=UTC",
		"LOG_LEVEL=debug",
	}
	p0 := startProc(t, bin, "shard 0", append(env, "SHARD_ID=0", "SHARD_COUNT=2"))
	p1 := startProc(t, bin, "shard 1", append(env, "SHARD_ID=1", "SHARD_COUNT=auto"))
	p0.waitLogged(t, "shard=0/2", 2*time.Minute)
	p1.waitLogged(t, "shard=1/2", 2*time.Minute)
	for shard := range 2 {
		wctx, wcancel := context.WithTimeout(ctx, time.Minute)
		if err := dc.WaitShardReady(wctx, shard); err != nil {
			t.Fatalf("shard %d never connected: %v", shard, err)
		}
		wcancel()
		ids := dc.ShardIdentifies(shard)
		if len(ids) != 1 || ids[0].Shard == nil || *ids[0].Shard != [2]int{shard, 2} {
			t.Errorf("shard %d's IDENTIFYs: %+v, want one with shard [%d 2]", shard, ids, shard)
		}
	}
	a, b := dc.ShardIdentifies(0)[0].At, dc.ShardIdentifies(1)[0].At
	t.Logf("the two shards identified %v apart (max_concurrency 1)", b.Sub(a).Abs().Round(time.Millisecond))

	// Each server's question is answered once, by its shard; a DM by shard 0.
	bot := dc.BotUser()
	q0 := dc.SendMessage(discordtest.MessageOpts{ChannelID: shardGeneral0, GuildID: shardGuild0, Author: e2eUser(1), Content: "<@" + bot.ID + "> " + e2eAsk})
	q1 := dc.SendMessage(discordtest.MessageOpts{ChannelID: shardGeneral1, GuildID: shardGuild1, Author: e2eUser(2), Content: "<@" + bot.ID + "> " + e2eAsk})
	dm := dc.SendMessage(discordtest.MessageOpts{ChannelID: "700000000012582912", Author: e2eUser(3), Content: e2eAsk})
	final := func(m discordtest.Message) bool { return m.Author.ID == bot.ID && e2eHasButton(m.Components, ":v:") }
	for _, where := range []string{q0.ID, q1.ID, dm.ChannelID} { // answers go in a thread named by the question
		wctx, wcancel := context.WithTimeout(ctx, time.Minute)
		if _, err := dc.WaitMessage(wctx, where, final); err != nil {
			t.Fatalf("no answer in %s: %v", where, err)
		}
		wcancel()
	}
	time.Sleep(time.Second) // time for a second answer, were there one
	for _, where := range []string{q0.ID, q1.ID, dm.ChannelID} {
		n := 0
		for _, m := range dc.Messages(where) {
			if final(m) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d answers in %s, want 1", n, where)
		}
	}

	// The per-user rate limit holds across shards: user 1, answered by
	// shard 0, asks again on shard 1's server.
	again := dc.SendMessage(discordtest.MessageOpts{ChannelID: shardGeneral1, GuildID: shardGuild1, Author: e2eUser(1), Content: "<@" + bot.ID + "> " + e2eAsk})
	wctx, wcancel := context.WithTimeout(ctx, time.Minute)
	defer wcancel()
	if _, err := dc.WaitMessage(wctx, shardGeneral1, func(m discordtest.Message) bool {
		return m.Author.ID == bot.ID && m.MessageReference != nil && m.MessageReference.MessageID == again.ID && strings.Contains(m.Content, "Please wait")
	}); err != nil {
		t.Errorf("a second question within the hour, on the other shard, was not refused: %v; messages %+v", err, dc.Messages(again.ID))
	}

	// The briefing: posted by shard 1, once.
	st, err := store.Open(ctx, store.Config{DatabaseURL: dbURL, CheckInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for {
		if _, ok, err := st.LastBriefing(ctx, shardBriefing1); err != nil {
			t.Fatal(err)
		} else if ok {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatal("the daily briefing was not posted")
		case <-time.After(100 * time.Millisecond):
		}
	}
	headers := 0
	for _, m := range dc.Messages(shardBriefing1) {
		headers += strings.Count(m.Content, "**Briefing for ")
	}
	if headers != 1 {
		t.Errorf("the briefing's header was posted %d times, want once", headers)
	}
	if !p0.logged("briefing_shard=1") || !p1.logged("posted the daily briefing") {
		t.Error("the briefing was not left to shard 1 by shard 0, or not posted by shard 1")
	}

	// Commands: registered by shard 0 alone.
	puts := 0
	for _, r := range dc.Requests() {
		if strings.HasPrefix(r.Route, "PUT /applications/") {
			puts++
		}
	}
	if puts != 1 || !p1.logged("commands are registered by shard 0") {
		t.Errorf("commands registered %d times, want once (by shard 0)", puts)
	}

	// A standby per shard: shard 1's waits on its shard's lease while both
	// shards lead; when shard 1's leader is killed it connects as shard 1
	// within 15 s and answers there, shard 0 untouched, and the briefing is
	// not posted again.
	s1 := startProc(t, bin, "shard 1 standby", append(env, "SHARD_ID=1", "SHARD_COUNT=2"))
	s1.waitLogged(t, "another process leads; standing by", 2*time.Minute)
	if err := p1.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-p1.done
	killed := time.Now()
	for len(dc.ShardIdentifies(1)) < 2 {
		if time.Since(killed) > 15*time.Second {
			t.Fatalf("shard 1's standby did not connect within 15 s of its leader's death")
		}
		time.Sleep(50 * time.Millisecond)
	}
	wctx2, wcancel2 := context.WithTimeout(ctx, time.Minute)
	defer wcancel2()
	if err := dc.WaitShardReady(wctx2, 1); err != nil {
		t.Fatal(err)
	}
	t.Logf("shard 1's standby connected %v after its leader was killed", time.Since(killed).Round(time.Millisecond))
	q4 := dc.SendMessage(discordtest.MessageOpts{ChannelID: shardGeneral1, GuildID: shardGuild1, Author: e2eUser(4), Content: "<@" + bot.ID + "> " + e2eAsk})
	if _, err := dc.WaitMessage(wctx2, q4.ID, final); err != nil {
		t.Fatalf("shard 1's standby did not answer: %v", err)
	}
	if n := len(dc.ShardIdentifies(0)); n != 1 {
		t.Errorf("shard 0 identified %d times, want once: another shard's failover touched it", n)
	}
	headers = 0
	for _, m := range dc.Messages(shardBriefing1) {
		headers += strings.Count(m.Content, "**Briefing for ")
	}
	if headers != 1 || !s1.logged(`lease="bot shard 1 of 2"`) {
		t.Errorf("after the failover: %d briefing headers, want 1; the standby led shard 1's lease: %v", headers, s1.logged(`lease="bot shard 1 of 2"`))
	}

	for _, v := range dc.Violations() {
		t.Errorf("Discord rule broken: %s %s: %s %s: %s", v.Method, v.Path, v.Rule, v.Field, v.Message)
	}
	for _, p := range []*e2eProc{p0, p1, s1} {
		if !p.logged("msg=leading") || !p.logged(`lease="bot shard `) {
			t.Errorf("%s did not lead its shard's lease", p.name)
		}
	}
}

package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
	"corpusbot/store"
)

// Shard processes of one bot, real processes on one PostgreSQL, against
// the fake Discord sharded in three.

// A server on each shard of 3: (id >> 22) % 3.
const (
	shardGuild0    = "700000000008388608"
	shardGeneral0  = "700000000008388609"
	shardGuild1    = "700000000000000000"
	shardGeneral1  = "700000000000000001"
	shardGuild2    = "700000000004194304"
	shardGeneral2  = "700000000004194305"
	shardBriefing2 = "700000000004194306"
	shardDM        = "700000000012582912"
)

// TestShardProcesses: three shards in two processes on one PostgreSQL,
// one serving shards 0-1, the other shard 2. Each shard identifies once
// with its number, in turn (max_concurrency 1), and its process answers
// the servers Discord routes to it, each question once; DMs are shard
// 0's; a user's rate limit holds across the processes. Shard 0's process
// alone registers the commands, and the daily briefing, whose channel is
// on shard 2's server, is posted once, by shard 2's process. Then shard
// 2's leader is killed and its standby takes over.
func TestShardProcesses(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	dbURL := e2eDatabase(ctx, t, "shards")
	bin := buildBinary(ctx, t)

	dc := discordtest.New(t, discordtest.WithToken(e2eToken), discordtest.WithShards(3, 1),
		discordtest.WithGuild(shardGuild0, []discordtest.Channel{{ID: shardGeneral0, Name: "general"}}, nil),
		discordtest.WithGuild(shardGuild1, []discordtest.Channel{{ID: shardGeneral1, Name: "general"}}, nil),
		discordtest.WithGuild(shardGuild2, []discordtest.Channel{{ID: shardGeneral2, Name: "general"}, {ID: shardBriefing2, Name: "briefing"}}, nil))
	guilds := []string{shardGuild0, shardGuild1, shardGuild2}
	generals := []string{shardGeneral0, shardGeneral1, shardGeneral2}
	for want, g := range guilds {
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
		// One question an hour: a second, through the other process, is refused.
		"USER_RATE=1h",
		"USER_BURST=1",
		"DATABASE_URL=" + dbURL,
		// Renewed every 1.25 s, lost after 5 s without one: 2 s (0.5 s renewals)
		// lost the lead under a loaded race build (load 10-20), and the
		// takeover below still has 9 s of its 15.
		"LEADER_LEASE=5s",
		// A slot a minute ago is caught up at once by the shard that posts it.
		"BRIEFING_CHANNEL_ID=" + shardBriefing2,
		"BRIEFING_TIME=" + time.Now().UTC().Add(-time.Minute).Format("15:04"),
		"BRIEFING_TZ=UTC",
		"LOG_LEVEL=debug",
	}
	pa := startProc(t, bin, "shards 0-1", append(env, "SHARD_ID=0-1", "SHARD_COUNT=3"))
	pb := startProc(t, bin, "shard 2", append(env, "SHARD_ID=2", "SHARD_COUNT=auto"))
	pa.waitLogged(t, "shard=0-1/3", 2*time.Minute)
	pb.waitLogged(t, "shard=2/3", 2*time.Minute)
	var identified []time.Time
	for shard := range 3 {
		wctx, wcancel := context.WithTimeout(ctx, time.Minute)
		if err := dc.WaitShardReady(wctx, shard); err != nil {
			t.Fatalf("shard %d never connected: %v", shard, err)
		}
		wcancel()
		ids := dc.ShardIdentifies(shard)
		if len(ids) != 1 || ids[0].Shard == nil || *ids[0].Shard != [2]int{shard, 3} {
			t.Fatalf("shard %d's IDENTIFYs: %+v, want one with shard [%d 3]", shard, ids, shard)
		}
		identified = append(identified, ids[0].At)
	}
	slices.SortFunc(identified, time.Time.Compare)
	t.Logf("the three shards identified %v and %v apart (max_concurrency 1)",
		identified[1].Sub(identified[0]).Round(time.Millisecond), identified[2].Sub(identified[1]).Round(time.Millisecond))

	// Each server's question is answered once, by its shard; a DM by shard 0.
	bot := dc.BotUser()
	mention := func(shard, user int) discordtest.Message {
		return dc.SendMessage(discordtest.MessageOpts{ChannelID: generals[shard], GuildID: guilds[shard], Author: e2eUser(user),
			Content: "<@" + bot.ID + "> " + e2eAsk})
	}
	var answered []string // where the answers go: a thread named by the question, or the DM
	for shard := range 3 {
		answered = append(answered, mention(shard, shard+1).ID)
	}
	answered = append(answered, dc.SendMessage(discordtest.MessageOpts{ChannelID: shardDM, Author: e2eUser(9), Content: e2eAsk}).ChannelID)
	final := func(m discordtest.Message) bool { return m.Author.ID == bot.ID && e2eHasButton(m.Components, ":v:") }
	for _, where := range answered {
		wctx, wcancel := context.WithTimeout(ctx, time.Minute)
		if _, err := dc.WaitMessage(wctx, where, final); err != nil {
			t.Fatalf("no answer in %s: %v", where, err)
		}
		wcancel()
	}
	time.Sleep(time.Second) // time for a second answer, were there one
	for _, where := range answered {
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

	// The per-user rate limit holds across processes: user 1, answered
	// by shards 0-1's process, asks again on shard 2's server.
	again := mention(2, 1)
	wctx, wcancel := context.WithTimeout(ctx, time.Minute)
	defer wcancel()
	if _, err := dc.WaitMessage(wctx, shardGeneral2, func(m discordtest.Message) bool {
		return m.Author.ID == bot.ID && m.MessageReference != nil && m.MessageReference.MessageID == again.ID && strings.Contains(m.Content, "Please wait")
	}); err != nil {
		t.Errorf("a second question within the hour, in the other process, was not refused: %v; messages %+v", err, dc.Messages(again.ID))
	}

	// The briefing: posted by shard 2, once.
	st, err := store.Open(ctx, store.Config{DatabaseURL: dbURL, CheckInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for {
		if _, ok, err := st.LastBriefing(ctx, shardBriefing2); err != nil {
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
	briefings := func() int {
		n := 0
		for _, m := range dc.Messages(shardBriefing2) {
			n += strings.Count(m.Content, "**Briefing for ")
		}
		return n
	}
	if n := briefings(); n != 1 {
		t.Errorf("the briefing's header was posted %d times, want once", n)
	}
	if !pa.logged("briefing_shard=2") || !pb.logged("posted the daily briefing") {
		t.Error("the briefing was not left to shard 2 by shards 0-1, or not posted by shard 2")
	}

	// Commands: registered by shard 0's process alone.
	puts := 0
	for _, r := range dc.Requests() {
		if strings.HasPrefix(r.Route, "PUT /applications/") {
			puts++
		}
	}
	if puts != 1 || !pb.logged("commands are registered by shard 0") {
		t.Errorf("commands registered %d times, want once (by shard 0)", puts)
	}

	// A standby per shard set: shard 2's waits on its lease while both
	// processes lead; when shard 2's leader is killed it connects as
	// shard 2 within 15 s and answers there, shards 0 and 1 untouched, and
	// the briefing is not posted again.
	sb := startProc(t, bin, "shard 2 standby", append(env, "SHARD_ID=2", "SHARD_COUNT=3"))
	sb.waitLogged(t, "another process leads; standing by", 2*time.Minute)
	if err := pb.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-pb.done
	killed := time.Now()
	for len(dc.ShardIdentifies(2)) < 2 {
		if time.Since(killed) > 15*time.Second {
			t.Fatalf("shard 2's standby did not connect within 15 s of its leader's death")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := dc.WaitShardReady(wctx, 2); err != nil {
		t.Fatal(err)
	}
	t.Logf("shard 2's standby connected %v after its leader was killed", time.Since(killed).Round(time.Millisecond))
	if _, err := dc.WaitMessage(wctx, mention(2, 4).ID, final); err != nil {
		t.Fatalf("shard 2's standby did not answer: %v", err)
	}
	if n0, n1 := len(dc.ShardIdentifies(0)), len(dc.ShardIdentifies(1)); n0 != 1 || n1 != 1 {
		t.Errorf("shards 0 and 1 identified %d and %d times, want once each: another shard's failover touched them", n0, n1)
	}
	if n := briefings(); n != 1 {
		t.Errorf("after the failover: %d briefing headers, want 1", n)
	}

	for _, v := range dc.Violations() {
		t.Errorf("Discord rule broken: %s %s: %s %s: %s", v.Method, v.Path, v.Rule, v.Field, v.Message)
	}
	for p, lease := range map[*e2eProc]string{pa: "bot shards 0-1 of 3", pb: "bot shard 2 of 3", sb: "bot shard 2 of 3"} {
		if !p.logged(fmt.Sprintf("msg=leading lease=%q", lease)) {
			t.Errorf("%s did not lead the lease %q", p.name, lease)
		}
	}
}

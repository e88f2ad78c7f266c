package main

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
	"corpusbot/secret"
	"corpusbot/store"
)

// TestShardConfig: SHARD_ID and SHARD_COUNT, read and refused with one line
// naming the key to fix.
func TestShardConfig(t *testing.T) {
	tests := []struct {
		env             map[string]string
		id, last, count int
		badKey          string
	}{
		{env: map[string]string{}, id: 0, count: 0},
		{env: map[string]string{"SHARD_ID": "1", "SHARD_COUNT": "4"}, id: 1, last: 1, count: 4},
		{env: map[string]string{"SHARD_ID": "0-3", "SHARD_COUNT": "4"}, id: 0, last: 3, count: 4},
		{env: map[string]string{"SHARD_ID": "2-2", "SHARD_COUNT": "4"}, id: 2, last: 2, count: 4},
		{env: map[string]string{"SHARD_ID": "4-7", "SHARD_COUNT": "auto"}, id: 4, last: 7, count: shardAuto},
		{env: map[string]string{"SHARD_ID": "0-4", "SHARD_COUNT": "4"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_ID": "3-1", "SHARD_COUNT": "4"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_ID": "1-", "SHARD_COUNT": "4"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_ID": "0,1", "SHARD_COUNT": "4"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_ID": "0", "SHARD_COUNT": "auto"}, id: 0, count: shardAuto},
		{env: map[string]string{"SHARD_ID": "7", "SHARD_COUNT": "AUTO"}, id: 7, last: 7, count: shardAuto},
		{env: map[string]string{"SHARD_COUNT": "1"}, id: 0, count: 1},
		{env: map[string]string{"SHARD_ID": "4", "SHARD_COUNT": "4"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_ID": "-1", "SHARD_COUNT": "4"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_ID": "first", "SHARD_COUNT": "4"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_COUNT": "4"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_COUNT": "auto"}, badKey: "SHARD_ID"},
		{env: map[string]string{"SHARD_ID": "0"}, badKey: "SHARD_COUNT"},
		{env: map[string]string{"SHARD_ID": "0", "SHARD_COUNT": "0"}, badKey: "SHARD_COUNT"},
		{env: map[string]string{"SHARD_ID": "0", "SHARD_COUNT": "many"}, badKey: "SHARD_COUNT"},
		{env: map[string]string{"SHARD_ID": "0", "SHARD_COUNT": "100000"}, badKey: "SHARD_COUNT"},
	}
	for _, tt := range tests {
		t.Run(fmtEnv(tt.env), func(t *testing.T) {
			c, err := loadConfig(envMap(tt.env))
			if tt.badKey == "" {
				if err != nil {
					t.Fatal(err)
				}
				if c.ShardID != tt.id || c.ShardLast != tt.last || c.ShardCount != tt.count {
					t.Errorf("shards %d-%d of %d, want %d-%d of %d", c.ShardID, c.ShardLast, c.ShardCount, tt.id, tt.last, tt.count)
				}
				return
			}
			var ce *configError
			if !errors.As(err, &ce) || ce.Key != tt.badKey {
				t.Fatalf("error %v, want a configError naming %s", err, tt.badKey)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, tt.badKey) {
				t.Errorf("error %q: want one line naming %s", msg, tt.badKey)
			}
		})
	}
}

func fmtEnv(env map[string]string) string {
	if len(env) == 0 {
		return "unset"
	}
	var b strings.Builder
	for _, k := range []string{"SHARD_ID", "SHARD_COUNT"} {
		if v, ok := env[k]; ok {
			b.WriteString(k + "=" + v + ",")
		}
	}
	return strings.TrimSuffix(b.String(), ",")
}

// TestResolveShardAuto: SHARD_COUNT=auto takes Discord's recommendation and
// max_concurrency from GET /gateway/bot, and a SHARD_ID past it is refused
// naming SHARD_ID.
func TestResolveShardAuto(t *testing.T) {
	dc := discordtest.New(t, discordtest.WithShards(3, 2))
	for _, c := range []struct {
		id, last, count int
		want            bot.Shard
		bad             bool
	}{
		{id: 2, last: 2, count: shardAuto, want: bot.Shard{ID: 2, Last: 2, Count: 3, MaxConcurrency: 2}},
		{id: 0, last: 2, count: shardAuto, want: bot.Shard{ID: 0, Last: 2, Count: 3, MaxConcurrency: 2}},
		{id: 3, last: 3, count: 8, want: bot.Shard{ID: 3, Last: 3, Count: 8, MaxConcurrency: 2}},
		{id: 3, last: 3, count: shardAuto, bad: true},
		{id: 1, last: 3, count: shardAuto, bad: true},
	} {
		e := &env{cfg: config{DiscordToken: secret.New("t"), DiscordAPIBase: dc.URL(), ShardID: c.id, ShardLast: c.last, ShardCount: c.count}, log: slog.New(slog.DiscardHandler)}
		got, err := e.resolveShard(context.Background())
		if c.bad {
			var ce *configError
			if !errors.As(err, &ce) || ce.Key != "SHARD_ID" {
				t.Errorf("shard %d of auto (3): error %v, want a configError naming SHARD_ID", c.id, err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != c.want.ID || got.Last != c.want.Last || got.Count != c.want.Count || got.MaxConcurrency != c.want.MaxConcurrency {
			t.Errorf("shard %d of %d: got %+v, want %+v", c.id, c.count, got, c.want)
		}
	}
}

// TestIdentifyGateSpacesABucket: shards of one bucket take turns, each
// the spacing after the previous shard's IDENTIFY was answered, however
// long that took, through the store; another bucket does not wait.
func TestIdentifyGateSpacesABucket(t *testing.T) {
	st, err := store.Open(context.Background(), store.Config{Dir: t.TempDir(), CheckInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// Generous against a loaded machine's delays; the order of the checks
	// below does not depend on them.
	const spacing, hold = 600 * time.Millisecond, 30 * time.Second
	gate := func(k int) (func(), error) {
		return identifyGate(st, bot.Shard{ID: k, Count: 4, MaxConcurrency: 2}, spacing, hold, slog.New(slog.DiscardHandler))(ctx, k)
	}
	start := time.Now()
	identified0, err := gate(0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gate(1); err != nil { // bucket 1
		t.Fatal(err)
	}
	if d := time.Since(start); d >= spacing {
		t.Errorf("two buckets took %v to identify, want less than the spacing %v", d, spacing)
	}
	// Shard 2, bucket 0 again, waits while shard 0 has not identified,
	// even past the spacing.
	turn2 := make(chan error, 1)
	go func() {
		_, err := gate(2)
		turn2 <- err
	}()
	select {
	case err := <-turn2:
		t.Fatalf("shard 2 took bucket 0's turn (%v) while shard 0 was still identifying", err)
	case <-time.After(3 * spacing):
	}
	identified := time.Now()
	identified0()
	select {
	case err := <-turn2:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("shard 2 never got its turn after shard 0 identified")
	}
	if d := time.Since(identified); d < spacing-50*time.Millisecond {
		t.Errorf("the second shard of bucket 0 identified %v after the first's IDENTIFY was answered, want at least %v", d, spacing)
	}
	short, cancelShort := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancelShort()
	if _, err := identifyGate(st, bot.Shard{Count: 4, MaxConcurrency: 2}, spacing, hold, slog.New(slog.DiscardHandler))(short, 0); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a gate whose context ends while waiting returned %v, want the context's error", err)
	}
}

// TestTooFewShardsSaysSo: Discord closes an IDENTIFY for too few shards
// with 4011; the bot stops at once, saying to raise SHARD_COUNT.
func TestTooFewShardsSaysSo(t *testing.T) {
	t.Parallel()
	dc := discordtest.New(t, discordtest.WithToken(e2eToken), discordtest.WithShards(3, 1),
		discordtest.WithGuild(e2eGuild, []discordtest.Channel{{ID: e2eGeneral}}, nil))
	vars := map[string]string{
		"DISCORD_TOKEN": e2eToken, "DISCORD_API_BASE": dc.URL(), "DATA_DIR": t.TempDir(),
		"SHARD_ID": "0", "SHARD_COUNT": "2",
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var stderr e2eBuffer
	err := run(ctx, []string{"run"}, func(k string) string { return vars[k] }, &e2eBuffer{}, &stderr)
	if err == nil || !strings.Contains(err.Error(), "4011") || !strings.Contains(err.Error(), "raise it, or set SHARD_COUNT=auto") {
		t.Fatalf("run with 2 shards where Discord requires 3: %v, want close 4011 and a word on SHARD_COUNT\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "Discord recommends more shards than SHARD_COUNT") {
		t.Errorf("no warning at start that Discord recommends more shards:\n%s", stderr.String())
	}
}

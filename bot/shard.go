package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/secret"
)

// Shard is the shard of the bot's gateway connection this process serves.
// Discord sends a shard the events of the guilds with (guild_id >> 22) %
// Count == ID, and direct messages to shard 0. The zero value is an
// unsharded bot: one connection that gets everything.
type Shard struct {
	ID, Count int
	// MaxConcurrency is Discord's session_start_limit.max_concurrency:
	// shard ID identifies in bucket ID % MaxConcurrency, each bucket at
	// most once per 5 s. 0 means 1.
	MaxConcurrency int
	// Identify, when set, is called before each IDENTIFY with the shard's
	// bucket, and returns when the bucket may identify: the gate shared by
	// the shard processes (a lease in their store). nil relies on the
	// session's own pacing, which is enough for one process.
	Identify func(ctx context.Context, bucket int) error
}

// Sharded reports whether the bot is one shard of several, or one of one
// set explicitly.
func (s Shard) Sharded() bool { return s.Count > 0 }

// Bucket is the shard's max_concurrency identify bucket (rate_limit_key).
func (s Shard) Bucket() int { return s.ID % max(s.MaxConcurrency, 1) }

// Owns reports whether guildID's events come to this shard; "" (a direct
// message) belongs to shard 0, as Discord routes it.
func (s Shard) Owns(guildID string) bool {
	if s.Count <= 1 {
		return true
	}
	return ShardOf(guildID, s.Count) == s.ID
}

// String is "ID/Count", or "unsharded".
func (s Shard) String() string {
	if !s.Sharded() {
		return "unsharded"
	}
	return fmt.Sprintf("%d/%d", s.ID, s.Count)
}

func (s Shard) check() error {
	if !s.Sharded() {
		return nil
	}
	if s.ID < 0 || s.ID >= s.Count {
		return fmt.Errorf("bot: shard %d of %d: the ID must be from 0 to %d", s.ID, s.Count, s.Count-1)
	}
	if s.MaxConcurrency < 0 {
		return errors.New("bot: negative max_concurrency")
	}
	return nil
}

// ShardOf is the shard that gets guildID's events among count shards:
// (guild_id >> 22) % count, 0 for a direct message ("") or a malformed ID.
func ShardOf(guildID string, count int) int {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil || count <= 1 {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// GatewayInfo is Discord's advice for the bot: GET /gateway/bot.
type GatewayInfo struct {
	Shards         int // the recommended number of shards
	MaxConcurrency int // identify buckets (session_start_limit.max_concurrency)
	// RemainingStarts is how many sessions the bot may still start before
	// ResetAfter (session_start_limit).
	RemainingStarts int
	ResetAfter      time.Duration
}

// FetchGateway asks Discord for the bot's recommended shard count and
// identify concurrency (GET /gateway/bot), through DISCORD_API_BASE.
func FetchGateway(ctx context.Context, token secret.String, apiBase string) (GatewayInfo, error) {
	rt, err := NewTransport(apiBase, nil)
	if err != nil {
		return GatewayInfo{}, fmt.Errorf("bot: %w", err)
	}
	if t, ok := rt.(*rewriteTransport); ok {
		if tr, ok := t.next.(*http.Transport); ok {
			defer tr.CloseIdleConnections()
		}
	}
	s, err := discordgo.New("Bot " + token.Reveal())
	if err != nil {
		return GatewayInfo{}, fmt.Errorf("bot: new session: %w", err)
	}
	s.Client = &http.Client{Transport: rt, Timeout: 30 * time.Second}
	gb, err := s.GatewayBot(withCtx(ctx))
	if err != nil {
		return GatewayInfo{}, fmt.Errorf("bot: GET /gateway/bot: %s", redact(err))
	}
	return GatewayInfo{
		Shards:          gb.Shards,
		MaxConcurrency:  max(gb.SessionStartLimit.MaxConcurrency, 1),
		RemainingStarts: gb.SessionStartLimit.Remaining,
		ResetAfter:      time.Duration(gb.SessionStartLimit.ResetAfter) * time.Millisecond,
	}, nil
}

// briefingOwner says whether this shard posts the daily briefing: the
// shard that gets the briefing channel's guild's events does, so that
// however many shard processes run, one posts it. It asks Discord for the
// channel's guild, trying again until it knows or ctx ends.
func (b *Bot) briefingOwner(ctx context.Context) (owner int, ok bool) {
	sh := b.cfg.Shard
	if sh.Count <= 1 {
		return 0, true
	}
	guild := b.cfg.GuildID
	wait := time.Second
	for guild == "" {
		c, err := b.api.Channel(b.cfg.BriefingChannelID, withCtx(ctx))
		if err == nil {
			guild = c.GuildID
			if guild == "" {
				break // a DM channel: shard 0's
			}
			continue
		}
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode < 500 && re.Response.StatusCode != http.StatusTooManyRequests {
			b.log.Error("the briefing channel cannot be read; no shard will post the daily briefing (check BRIEFING_CHANNEL_ID and the bot's access)",
				"briefing_channel", b.cfg.BriefingChannelID, "error", redact(err))
			return 0, false
		}
		b.log.Warn("looking up the briefing channel's server failed; retrying", "error", redact(err), "retry_in", wait)
		if !sleepUntil(ctx, time.Now().Add(wait)) {
			return 0, false
		}
		wait = min(2*wait, time.Minute)
	}
	return ShardOf(guild, sh.Count), true
}

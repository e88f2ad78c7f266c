package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"corpusbot/secret"
)

// Shard is the shards of the bot's gateway this process serves: ID to
// Last of Count, one connection each. Discord sends a shard the events of
// the guilds with (guild_id >> 22) % Count == its number, and direct
// messages to shard 0. The zero value is an unsharded bot: one connection
// that gets everything.
type Shard struct {
	ID, Count int
	// Last is the last shard of the range, for a process that serves
	// several; 0 (or ID) means ID alone.
	Last int
	// MaxConcurrency is Discord's session_start_limit.max_concurrency:
	// shard k identifies in bucket k % MaxConcurrency, each bucket at most
	// once per 5 s. 0 means 1.
	MaxConcurrency int
	// Identify, when set, is called before each IDENTIFY of shard k and
	// returns when k's bucket may identify: the gate shared by the shard
	// processes (a lease in their store). The bot calls identified once
	// Discord answered that IDENTIFY with READY, so that the bucket's next
	// turn counts from the IDENTIFY, not from this turn: connecting and
	// HELLO take seconds on a loaded machine, more in one process than in
	// another. nil relies on each session's own pacing, which is enough for
	// one unsharded process.
	Identify func(ctx context.Context, k int) (identified func(), err error)
}

// Sharded reports whether the bot serves shards, even one of one.
func (s Shard) Sharded() bool { return s.Count > 0 }

// last is the range's last shard.
func (s Shard) last() int { return max(s.ID, s.Last) }

// IDs are the shards served, in order; an unsharded bot's is shard 0.
func (s Shard) IDs() []int {
	ids := make([]int, 0, s.last()-s.ID+1)
	for k := s.ID; k <= s.last(); k++ {
		ids = append(ids, k)
	}
	return ids
}

// BucketOf is shard k's max_concurrency identify bucket (rate_limit_key).
func (s Shard) BucketOf(k int) int { return k % max(s.MaxConcurrency, 1) }

// Owns reports whether guildID's events come to one of these shards; ""
// (a direct message) belongs to shard 0, as Discord routes it.
func (s Shard) Owns(guildID string) bool {
	if s.Count <= 1 {
		return true
	}
	k := ShardOf(guildID, s.Count)
	return k >= s.ID && k <= s.last()
}

// String is "ID/Count" or "ID-Last/Count", or "unsharded".
func (s Shard) String() string {
	switch {
	case !s.Sharded():
		return "unsharded"
	case s.last() > s.ID:
		return fmt.Sprintf("%d-%d/%d", s.ID, s.last(), s.Count)
	}
	return fmt.Sprintf("%d/%d", s.ID, s.Count)
}

func (s Shard) check() error {
	if !s.Sharded() {
		if s.ID != 0 || s.Last != 0 {
			return errors.New("bot: a shard ID without a shard count")
		}
		return nil
	}
	if s.ID < 0 || s.last() >= s.Count || (s.Last != 0 && s.Last < s.ID) {
		return fmt.Errorf("bot: shards %d-%d of %d: the IDs must be from 0 to %d, in order", s.ID, s.Last, s.Count, s.Count-1)
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

// briefingOwner says which shard posts the daily briefing: the shard
// that gets the briefing channel's guild's events does, so that however
// many shard processes run, one posts it. It asks Discord for the
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

// stateChannel returns a channel's type and parent from the gateway state
// of the shard that knows it.
func (b *Bot) stateChannel(id string) (discordgo.ChannelType, string, bool) {
	for _, s := range b.sessions {
		if s.State == nil {
			continue
		}
		if c, err := s.State.Channel(id); err == nil {
			// The state updates channels in place under its lock.
			s.State.RLock()
			typ, parent := c.Type, c.ParentID
			s.State.RUnlock()
			return typ, parent, true
		}
	}
	return 0, "", false
}

// hint says what Discord's refusal of a shard (close 4010 or 4011) means
// for the settings, or "" for any other error.
func (s Shard) hint(err error) string {
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		return ""
	}
	switch ce.Code {
	case 4011:
		return " (Discord requires more shards than SHARD_COUNT: raise it, or set SHARD_COUNT=auto)"
	case 4010:
		return " (Discord refused the shard: check SHARD_ID and SHARD_COUNT)"
	}
	return ""
}

// identifyTurn is a session's turn to identify, from its gate until the
// READY that answers the IDENTIFY.
type identifyTurn struct {
	mu         sync.Mutex
	identified func()
}

// take records the turn of the attempt starting, replacing that of an
// attempt that failed.
func (t *identifyTurn) take(identified func()) {
	t.mu.Lock()
	t.identified = identified
	t.mu.Unlock()
}

// connected ends the turn, if the session identified (a RESUME took none).
func (t *identifyTurn) connected(*discordgo.Session, *discordgo.Connect) {
	t.mu.Lock()
	f := t.identified
	t.identified = nil
	t.mu.Unlock()
	if f != nil {
		f()
	}
}

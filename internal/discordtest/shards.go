package discordtest

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// Sharding, as Discord does it: with WithShards(n, c) each IDENTIFY must
// carry "shard": [id, n]; the session of shard id gets READY listing the
// guilds with (guild_id >> 22) % n == id, their GUILD_CREATEs, and every
// dispatch about them; DMs go to shard 0. GET /gateway/bot answers n and
// max_concurrency c.

// DefaultIdentifyInterval is Discord's least time between two IDENTIFYs
// of one max_concurrency bucket.
const DefaultIdentifyInterval = 5 * time.Second

// WithShards makes the fake a sharded application: count shards (GET
// /gateway/bot "shards"), identify buckets of maxConcurrency (its
// "session_start_limit.max_concurrency"; 0 means 1). An IDENTIFY without
// a shard is closed with 4011 (Sharding required) when count > 1; one
// with a shard ID outside [0, count) or a shard count other than count is
// closed with 4010 (Invalid shard). Discord accepts more shards than it
// recommends; the fake does not, so that processes that disagree on the
// count are caught. Two IDENTIFYs of one bucket (shard % maxConcurrency)
// less than WithIdentifyInterval apart are recorded as a Violation with
// Rule "identify.rate_limit".
func WithShards(count, maxConcurrency int) Option {
	return func(c *config) {
		c.shards = max(count, 1)
		c.maxConcurrency = max(maxConcurrency, 1)
	}
}

// WithIdentifyInterval sets the identify rate limit per bucket that a
// sharded fake checks (default DefaultIdentifyInterval).
func WithIdentifyInterval(d time.Duration) Option {
	return func(c *config) { c.identifyInterval = d }
}

// ShardOf returns the shard that receives guildID's events: (guild_id >>
// 22) % count, 0 for a DM (""), and 0 when the fake is not sharded.
func (s *Server) ShardOf(guildID string) int { return s.shardOf(guildID) }

func (s *Server) shardOf(guildID string) int {
	if s.cfg.shards <= 1 || guildID == "" {
		return 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(s.cfg.shards))
}

// checkShard returns the shard an IDENTIFY asks for, or the close code
// and reason Discord would close the connection with.
func (s *Server) checkShard(sh *[2]int) (shard, code int, why string) {
	want := max(s.cfg.shards, 1)
	switch {
	case sh == nil && want > 1:
		return 0, 4011, "Sharding required."
	case sh == nil:
		return 0, 0, ""
	case sh[1] < 1 || sh[0] < 0 || sh[0] >= sh[1]:
		return 0, 4010, "Invalid shard."
	case sh[1] < want:
		return 0, 4011, "Sharding required."
	case sh[1] != want:
		return 0, 4010, "Invalid shard."
	}
	return sh[0], 0, ""
}

// checkIdentifyRateLocked records a violation when shard's bucket
// identified less than the identify interval ago.
func (s *Server) checkIdentifyRateLocked(shard int, now time.Time) {
	if s.cfg.shards == 0 {
		return
	}
	bucket := shard % s.cfg.maxConcurrency
	interval := s.cfg.identifyInterval
	if interval == 0 {
		interval = DefaultIdentifyInterval
	}
	if last, ok := s.bucketIdentified[bucket]; ok && now.Sub(last) < interval {
		s.violations = append(s.violations, Violation{
			Time: now, Method: "GATEWAY", Path: "/gateway", Rule: "identify.rate_limit",
			Message: fmt.Sprintf("shard %d identified %v after another IDENTIFY of bucket %d (max_concurrency %d): at most one per %v",
				shard, now.Sub(last).Round(time.Millisecond), bucket, s.cfg.maxConcurrency, interval),
		})
	}
	s.bucketIdentified[bucket] = now
}

// setShardSessionLocked makes sess the one its shard's dispatches go to.
func (s *Server) setShardSessionLocked(sess *gwSession) {
	if s.cfg.shards > 0 {
		s.shardSessions[sess.shard] = sess
	}
}

// takePendingLocked returns and forgets what was dispatched for shard
// while it had no session.
func (s *Server) takePendingLocked(shard int) []event {
	if s.cfg.shards == 0 {
		p := s.pending
		s.pending = nil
		return p
	}
	p := s.shardPending[shard]
	delete(s.shardPending, shard)
	return p
}

// requeueLocked keeps ev for the next READY of its shard.
func (s *Server) requeueLocked(ev event) {
	if s.cfg.shards == 0 {
		s.pending = append(s.pending, ev)
		return
	}
	k := s.shardOf(ev.guild)
	s.shardPending[k] = append(s.shardPending[k], ev)
}

// dispatchShardLocked sends ev to the session of its guild's shard.
func (s *Server) dispatchShardLocked(ev event) {
	if sess := s.shardSessions[s.shardOf(ev.guild)]; sess != nil {
		s.dispatchToLocked(sess, ev)
		return
	}
	s.requeueLocked(ev)
}

// WaitShardReady waits until shard holds a session on an open connection.
func (s *Server) WaitShardReady(ctx context.Context, shard int) error {
	return s.wait(ctx, func() bool {
		sess := s.shardSessions[shard]
		return sess != nil && sess.conn != nil
	})
}

// ShardIdentifies returns the accepted IDENTIFYs of shard, in order.
func (s *Server) ShardIdentifies(shard int) []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Identify
	for _, id := range s.identifies {
		n := 0
		if id.Shard != nil {
			n = id.Shard[0]
		}
		if n == shard {
			out = append(out, id)
		}
	}
	return out
}

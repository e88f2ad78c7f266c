package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"corpusbot/bot"
	"corpusbot/leader"
	"corpusbot/store"
)

// shardAuto is SHARD_COUNT=auto: the count Discord recommends.
const shardAuto = -1

// maxShards bounds SHARD_COUNT; Discord's largest bots run tens of
// thousands of shards, far beyond anything this bot is built for.
const maxShards = 65536

// shardConfig reads SHARD_ID and SHARD_COUNT: unset, the bot is not
// sharded; SHARD_COUNT (a number or auto) needs SHARD_ID, the shard or
// range of shards ("0-3") this process serves, unless it is 1.
func (p *envParser) shardConfig(c *config) {
	count, id := p.get("SHARD_COUNT"), p.get("SHARD_ID")
	switch {
	case count == "" && id == "":
		return
	case strings.EqualFold(count, "auto"):
		c.ShardCount = shardAuto
	case count == "":
		p.fail("SHARD_COUNT", "", "the number of shards, or auto, when SHARD_ID is set")
		return
	default:
		n, err := strconv.Atoi(count)
		if err != nil || n < 1 || n > maxShards {
			p.fail("SHARD_COUNT", count, fmt.Sprintf("a whole number of shards from 1 to %d, or auto (Discord's recommendation)", maxShards))
			return
		}
		c.ShardCount = n
	}
	if id == "" {
		if c.ShardCount == 1 {
			return // shard 0 of 1
		}
		p.fail("SHARD_ID", "", "the shard this process serves, or a range such as 0-3, from 0 to SHARD_COUNT-1")
		return
	}
	first, last, ok := parseShardRange(id)
	if !ok || (c.ShardCount > 0 && last >= c.ShardCount) {
		want := "a shard number or a range such as 0-3 (first ≤ last), from 0"
		if c.ShardCount > 0 {
			want += fmt.Sprintf(" to %d (SHARD_COUNT is %d)", c.ShardCount-1, c.ShardCount)
		}
		p.fail("SHARD_ID", id, want)
		return
	}
	c.ShardID, c.ShardLast = first, last
}

// parseShardRange reads "3" or "0-3".
func parseShardRange(v string) (first, last int, ok bool) {
	a, b, isRange := strings.Cut(v, "-")
	first, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil || first < 0 {
		return 0, 0, false
	}
	if !isRange {
		return first, first, true
	}
	last, err = strconv.Atoi(strings.TrimSpace(b))
	if err != nil || last < first {
		return 0, 0, false
	}
	return first, last, true
}

// sharded reports whether SHARD_COUNT is set.
func (c config) sharded() bool { return c.ShardCount != 0 }

// resolveShard asks Discord (GET /gateway/bot) for the identify
// concurrency and, with SHARD_COUNT=auto, the shard count, and returns
// this process's shard. Unsharded, it asks nothing.
func (e *env) resolveShard(ctx context.Context) (bot.Shard, error) {
	if !e.cfg.sharded() {
		return bot.Shard{}, nil
	}
	info, err := bot.FetchGateway(ctx, e.cfg.DiscordToken, e.cfg.DiscordAPIBase)
	if err != nil {
		return bot.Shard{}, fmt.Errorf("shards: %w", err)
	}
	sh := bot.Shard{ID: e.cfg.ShardID, Last: e.cfg.ShardLast, Count: e.cfg.ShardCount, MaxConcurrency: info.MaxConcurrency}
	if e.cfg.ShardCount == shardAuto {
		sh.Count = max(info.Shards, 1)
		if sh.Last >= sh.Count {
			return bot.Shard{}, &configError{Key: "SHARD_ID", Value: shardRange(sh),
				Want: fmt.Sprintf("shards from 0 to %d: Discord recommends %d shards (SHARD_COUNT=auto)", sh.Count-1, sh.Count)}
		}
	} else if info.Shards > sh.Count {
		e.log.Warn("Discord recommends more shards than SHARD_COUNT; it refuses a shard with too many servers (close 4011)",
			"shard_count", sh.Count, "recommended_shards", info.Shards)
	}
	e.log.Info("sharding", "shards", shardRange(sh), "shard_count", sh.Count, "max_concurrency", sh.MaxConcurrency,
		"recommended_shards", info.Shards, "remaining_session_starts", info.RemainingStarts)
	return sh, nil
}

// shardRange is "3" or "0-3".
func shardRange(sh bot.Shard) string {
	if sh.Last > sh.ID {
		return fmt.Sprintf("%d-%d", sh.ID, sh.Last)
	}
	return strconv.Itoa(sh.ID)
}

// shardLease is what a leader holds: "bot", or, sharded, its shards, so
// that each shard set has its own leader and standby.
func shardLease(sh bot.Shard) string {
	switch {
	case !sh.Sharded():
		return leaseName
	case sh.Last > sh.ID:
		return fmt.Sprintf("bot shards %s of %d", shardRange(sh), sh.Count)
	}
	return fmt.Sprintf("bot shard %d of %d", sh.ID, sh.Count)
}

// identifySpacing is how far apart two IDENTIFYs of one bucket are:
// Discord's 5 s, plus a second for the time an IDENTIFY takes to reach
// Discord, which differs between processes.
const identifySpacing = 6 * time.Second

// identifyHold is how long a turn holds its bucket until its IDENTIFY is
// answered: the most connecting and HELLO may take, and how long the other
// shards of the bucket wait for a process that dies holding a turn.
const identifyHold = 20 * time.Second

// identifyPoll is how often a shard waiting for its bucket tries again.
const identifyPoll = 250 * time.Millisecond

// identifyGate makes the shard processes sharing st take turns to
// IDENTIFY, one per bucket per spacing. A turn is a lease on the bucket,
// taken for hold and, once the shard's IDENTIFY is answered, renewed for
// spacing from then, never released: the next shard of the bucket gets it
// when it expires, by the database's clock, spacing after the IDENTIFY
// however long the shard took to send it. Store errors are retried until
// ctx ends: an IDENTIFY that cannot be paced waits rather than risk
// Discord's limit.
func identifyGate(st *store.Store, sh bot.Shard, spacing, hold time.Duration, log *slog.Logger) func(ctx context.Context, k int) (func(), error) {
	// One holder per shard: a shard trying again after an attempt that
	// failed takes its own turn back (its session paces its own IDENTIFYs).
	id := leader.DefaultHolder()
	return func(ctx context.Context, k int) (func(), error) {
		bucket := sh.BucketOf(k)
		name := fmt.Sprintf("discord identify bucket %d of %d", bucket, max(sh.MaxConcurrency, 1))
		holder := fmt.Sprintf("shard %d (%s)", k, id)
		warned, start := false, time.Now()
		for {
			epoch, ok, err := st.AcquireLease(ctx, name, holder, hold)
			if ok {
				// A turn taken back is held afresh.
				ok, err = st.RenewLease(ctx, name, holder, epoch, hold)
			}
			if ok {
				log.Debug("identify turn", "shard", k, "bucket", bucket, "waited", time.Since(start).Round(time.Millisecond))
				return func() {
					rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), hold)
					defer cancel()
					if ok, err := st.RenewLease(rctx, name, holder, epoch, spacing); !ok || err != nil {
						log.Warn("the identify turn ended before its IDENTIFY was answered; the next shard may identify early",
							"shard", k, "bucket", bucket, "error", err)
					}
				}, nil
			}
			if err != nil && ctx.Err() == nil && !warned {
				log.Warn("cannot reach the store to pace the IDENTIFY; retrying", "error", err)
				warned = true
			}
			t := time.NewTimer(identifyPoll)
			select {
			case <-ctx.Done():
				t.Stop()
				return nil, fmt.Errorf("waiting for the turn to identify: %w", ctx.Err())
			case <-t.C:
			}
		}
	}
}

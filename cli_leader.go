package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"corpusbot/bot"
	"corpusbot/leader"
	"corpusbot/store"
)

// defaultLeaderLease is LEADER_LEASE's default: a standby connects to
// Discord within about this long, plus its poll and the connection, after
// a leader dies without a word; a leader that is stopped hands over at once.
const defaultLeaderLease = 8 * time.Second

// leaseName is what the leader of an unsharded leader/standby pair holds;
// a shard's leader holds shardLease's name.
const leaseName = "bot"

// lead runs the bot: at once with SQLite (one process), or, with
// PostgreSQL, once this process holds the leader's lease, the others
// standing by with their corpus loaded. A deploy starts the new process,
// then stops the old one, whose stop releases the lease. The bot's
// briefing writes are fenced by the lease, and a process that loses the
// lease stops with an error, to be restarted as a standby.
func (e *env) lead(ctx context.Context, bs *leaderStore, b *bot.Bot, lease string) error {
	if bs.Dialect() != "postgres" {
		return b.Run(ctx)
	}
	cfg := leader.Config{Name: lease, TTL: e.cfg.LeaderLease, Logger: e.log}
	err := leader.Run(ctx, bs.Store, cfg, func(ctx context.Context, t leader.Term) error {
		bs.fenced.Store(bs.Fenced(store.Fence{Name: t.Name, Holder: t.Holder, Epoch: t.Epoch}))
		return b.Run(ctx)
	})
	if err != nil {
		return fmt.Errorf("leader: %w", err)
	}
	return nil
}

// leaderStore is the bot's store: the store, with its briefing writes
// fenced by the lease once this process leads, so that a leader cut off
// from the database cannot go on with a briefing its successor owns.
type leaderStore struct {
	*store.Store
	fenced atomic.Pointer[store.Fenced]
}

// briefingWrites are the briefing writes the lease fences; *store.Store
// and *store.Fenced both make them.
type briefingWrites interface {
	ClaimBriefing(ctx context.Context, channelID string, slot time.Time) (int64, string, error)
	SavePlan(ctx context.Context, briefingID int64, parts []string, points [][]store.Point) error
	RecordPosted(ctx context.Context, briefingID int64, part int, messageID string, points []store.Point) error
	CompleteBriefing(ctx context.Context, briefingID int64) error
}

// briefings is where the briefing writes go: fenced once this process
// leads, straight to the store before.
func (l *leaderStore) briefings() briefingWrites {
	if f := l.fenced.Load(); f != nil {
		return f
	}
	return l.Store
}

func (l *leaderStore) ClaimBriefing(ctx context.Context, channelID string, slot time.Time) (int64, string, error) {
	return l.briefings().ClaimBriefing(ctx, channelID, slot)
}

func (l *leaderStore) SavePlan(ctx context.Context, briefingID int64, parts []string, points [][]store.Point) error {
	return l.briefings().SavePlan(ctx, briefingID, parts, points)
}

func (l *leaderStore) RecordPosted(ctx context.Context, briefingID int64, part int, messageID string, points []store.Point) error {
	return l.briefings().RecordPosted(ctx, briefingID, part, messageID, points)
}

func (l *leaderStore) CompleteBriefing(ctx context.Context, briefingID int64) error {
	return l.briefings().CompleteBriefing(ctx, briefingID)
}

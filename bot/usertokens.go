package bot

import (
	"context"
	"time"
)

// UserTokens keeps the per-user token buckets (Config.UserRate and
// UserBurst) in a store that every process of the bot shares, so that a
// user's limit holds across shards and a failover; *store.Store is one.
// Users are named by UserHasher.HashUser.
type UserTokens interface {
	TakeUserToken(ctx context.Context, userHash string, every time.Duration, burst int, now time.Time) (wait time.Duration, ok bool, err error)
	RefundUserToken(ctx context.Context, userHash string, every time.Duration, burst int, now time.Time) error
}

// tokenTimeout bounds a shared bucket's round trip; past it the process's
// own bucket decides.
const tokenTimeout = 3 * time.Second

// takeToken spends one of user's tokens, or returns how long until one
// is earned: from the shared buckets when configured, else (or when the
// store fails, so that an outage neither blocks nor frees everyone) from
// this process's own.
func (b *Bot) takeToken(ctx context.Context, user string) (time.Duration, bool) {
	now := b.cfg.Now()
	if b.cfg.UserTokens == nil || b.cfg.UserRate <= 0 {
		return b.bucket.take(user, now)
	}
	ctx, cancel := context.WithTimeout(ctx, tokenTimeout)
	defer cancel()
	wait, ok, err := b.cfg.UserTokens.TakeUserToken(ctx, b.users.HashUser(user), b.cfg.UserRate, b.cfg.UserBurst, now)
	if err != nil {
		b.log.Warn("the shared rate limit is unavailable; this process's own applies", "error", err)
		return b.bucket.take(user, now)
	}
	return wait, ok
}

// refundToken gives back a token taken by takeToken.
func (b *Bot) refundToken(user string) {
	now := b.cfg.Now()
	if b.cfg.UserTokens == nil || b.cfg.UserRate <= 0 {
		b.bucket.refund(user, now)
		return
	}
	ctx, cancel := context.WithTimeout(b.sendCtx, tokenTimeout)
	defer cancel()
	if err := b.cfg.UserTokens.RefundUserToken(ctx, b.users.HashUser(user), b.cfg.UserRate, b.cfg.UserBurst, now); err != nil {
		b.log.Warn("refunding a token of the shared rate limit failed", "error", err)
		b.bucket.refund(user, now) // in case the take fell back to it
	}
}

// Package leader runs something in one process at a time among several
// that share a database: the Discord bot of a leader/standby pair, and
// later one range of shards per lease name. Each process calls Run with the
// same lease name; one holds the lease and runs its work, the others wait
// (the standbys) and take over once the leader releases the lease (a
// stop) or stops renewing it (a crash, a lost connection).
//
// The lease is a row in the database with an expiry by the database's
// clock, renewed every Config.Renew; why a row and not a PostgreSQL
// advisory lock is in docs/scaling.md. The leader also keeps a deadline by
// its own clock, counted from the start of its last successful renewal, a
// little short of the expiry: when it passes without a renewal, the work's
// context is cancelled before any standby can take the lease, and Run
// returns ErrLost. The store's Fenced writes close the rest of the gap.
package leader

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// Leases is what Run needs of the store; *store.Store satisfies it.
type Leases interface {
	AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (epoch int64, ok bool, err error)
	RenewLease(ctx context.Context, name, holder string, epoch int64, ttl time.Duration) (bool, error)
	ReleaseLease(ctx context.Context, name, holder string, epoch int64) error
}

// Config configures Run.
type Config struct {
	// Name is what is led, the same in every process of the group: "bot";
	// a shard process would lead its range, "bot shards 0-3 of 16".
	Name string
	// Holder names this process in the lease row, for operators; "" means
	// host/pid/random. It must differ between processes.
	Holder string
	// TTL is how long the lease lasts without a renewal: how long a
	// standby waits after a leader dies without releasing it. Required.
	TTL time.Duration
	// Renew is how often the leader renews; 0 means TTL/4, so that a
	// renewal or two may fail without losing the lead.
	Renew time.Duration
	// Poll is how often a standby tries to take the lease; 0 means TTL/8,
	// at least 100 ms.
	Poll time.Duration
	// Logger hears when this process leads, waits and loses the lead.
	Logger *slog.Logger
}

// Term is one holding of the lease by this process.
type Term struct {
	Name   string
	Holder string
	Epoch  int64 // the fencing token: one more than the previous holder's
}

// ErrLost reports that the lease could not be renewed in time (or was
// taken): the work was stopped because another process may lead now.
var ErrLost = errors.New("lost the lead: the lease could not be renewed in time")

// Run waits until this process holds the lease cfg.Name, then runs work
// with a context that ends when ctx does or the lease is lost, and
// releases the lease when work returns, so that a standby takes over at
// once. It returns work's error, joined when the lease was lost with an
// error that wraps ErrLost and says which lease, which term, how long it
// was held and why it was lost; or nil when ctx ended while waiting.
func Run(ctx context.Context, leases Leases, cfg Config, work func(ctx context.Context, t Term) error) error {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	log := cfg.Logger.With("lease", cfg.Name, "holder", cfg.Holder)
	term, deadline := acquire(ctx, leases, cfg, log)
	if ctx.Err() != nil {
		return nil
	}
	log.Info("leading", "epoch", term.Epoch)
	leading := time.Now()

	workCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	stopRenew := make(chan struct{})
	wg.Go(func() {
		if err := keep(workCtx, leases, cfg, log, term, deadline, stopRenew); err != nil {
			log.Error("stopping the work", "epoch", term.Epoch, "error", err)
			cancel(err)
		}
	})
	err = work(workCtx, term)
	close(stopRenew)
	wg.Wait()
	cause := context.Cause(workCtx)
	lost := errors.Is(cause, ErrLost)

	// Released even when lost: a successor may not have taken it yet.
	rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer rcancel()
	if rerr := leases.ReleaseLease(rctx, cfg.Name, cfg.Holder, term.Epoch); rerr != nil {
		log.Warn("releasing the lease failed; a standby takes over when it expires", "error", rerr, "ttl", cfg.TTL)
	} else if !lost {
		log.Info("released the lead", "epoch", term.Epoch)
	}
	if lost {
		held := time.Since(leading).Round(time.Millisecond)
		return errors.Join(fmt.Errorf("lease %q, epoch %d, held by %s for %v: %w", cfg.Name, term.Epoch, cfg.Holder, held, cause), err)
	}
	return err
}

// acquire polls until the lease is this process's, and returns the term
// and the local deadline by which it must be renewed; or, when ctx ends
// first, nothing. A failure to reach the lease is logged and retried.
func acquire(ctx context.Context, leases Leases, cfg Config, log *slog.Logger) (Term, time.Time) {
	waiting, failing := false, false
	for {
		start := time.Now()
		epoch, ok, err := leases.AcquireLease(ctx, cfg.Name, cfg.Holder, cfg.TTL)
		switch {
		case ok:
			return Term{Name: cfg.Name, Holder: cfg.Holder, Epoch: epoch}, start.Add(cfg.TTL - margin(cfg.TTL))
		case err != nil && ctx.Err() == nil && !failing:
			log.Warn("cannot reach the lease; retrying", "error", err)
			failing = true
		case err == nil && !waiting:
			log.Info("another process leads; standing by", "ttl", cfg.TTL)
			waiting, failing = true, false
		}
		select {
		case <-ctx.Done():
			return Term{}, time.Time{}
		case <-time.After(cfg.Poll):
		}
	}
}

// keep renews the lease every cfg.Renew until stop closes, and returns
// ErrLost when the lease was taken or deadline passed without a renewal.
func keep(ctx context.Context, leases Leases, cfg Config, log *slog.Logger, t Term, deadline time.Time, stop <-chan struct{}) error {
	tick := time.NewTicker(cfg.Renew)
	defer tick.Stop()
	for {
		expire := time.NewTimer(time.Until(deadline))
		select {
		case <-stop:
			expire.Stop()
			return nil
		case <-ctx.Done():
			expire.Stop()
			return nil
		case <-expire.C:
			return fmt.Errorf("%w (no renewal within %v)", ErrLost, cfg.TTL-margin(cfg.TTL))
		case <-tick.C:
			expire.Stop()
		}
		start := time.Now()
		rctx, cancel := context.WithDeadline(ctx, deadline)
		ok, err := leases.RenewLease(rctx, t.Name, t.Holder, t.Epoch, cfg.TTL)
		cancel()
		switch {
		case err == nil && ok:
			deadline = start.Add(cfg.TTL - margin(cfg.TTL))
		case err == nil:
			return fmt.Errorf("%w (another process holds it)", ErrLost)
		case ctx.Err() == nil:
			log.Warn("renewing the lease failed; retrying", "error", err, "until", deadline)
		}
	}
}

// margin is how much earlier than the lease's expiry the leader stops: for
// the time a renewal takes to reach the database, and clocks that run at
// slightly different rates.
func margin(ttl time.Duration) time.Duration { return ttl / 8 }

func (c Config) withDefaults() (Config, error) {
	if c.Name == "" || c.TTL <= 0 {
		return c, fmt.Errorf("leader: Name and a positive TTL are required (name %q, ttl %v)", c.Name, c.TTL)
	}
	if c.Renew <= 0 {
		c.Renew = c.TTL / 4
	}
	if c.Renew >= c.TTL-margin(c.TTL) {
		return c, fmt.Errorf("leader: Renew %v must be well under TTL %v", c.Renew, c.TTL)
	}
	if c.Poll <= 0 {
		c.Poll = max(c.TTL/8, 100*time.Millisecond)
	}
	if c.Holder == "" {
		c.Holder = DefaultHolder()
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c, nil
}

// DefaultHolder names this process: host, pid and a random suffix, so
// that a restarted process with the same pid is another holder.
func DefaultHolder() string {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown"
	}
	b := make([]byte, 3)
	rand.Read(b)
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
}

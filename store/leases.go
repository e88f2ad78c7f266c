package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Leases let one process at a time among several sharing the database do
// something (run the Discord bot of a leader/standby pair; later, serve one
// range of shards): the holder renews its lease before it expires, and
// another process takes it once it has expired or was released. Expiry is
// judged by the database's clock alone, so the processes' clocks need not
// agree. Each new holder gets the next epoch, a fencing token: writes made
// through Fenced check that it is still current.

// ErrFenced reports a write refused because the lease it was made under
// is no longer held: another process leads now.
var ErrFenced = errors.New("the lease this process held has passed to another")

// AcquireLease takes the lease name for holder, for ttl, when nobody holds
// it: never taken, released, or expired. ok says whether holder now holds
// it, with epoch; acquiring a lease one already holds keeps its epoch and
// does not extend it.
func (s *Store) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (epoch int64, ok bool, err error) {
	if name == "" || holder == "" || ttl <= 0 {
		return 0, false, fmt.Errorf("acquire lease: %w: name %q, holder %q, ttl %v", ErrInvalid, name, holder, ttl)
	}
	now := "(" + s.d.nowMillis + ")"
	err = s.write(ctx, func(tx txn) error {
		if _, err := tx.ExecContext(ctx, `
INSERT INTO leases AS l (name, holder, epoch, acquired_ms, renewed_ms, expires_ms)
VALUES (?1, ?2, 1, `+now+`, `+now+`, `+now+` + ?3)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, epoch = l.epoch + 1,
	acquired_ms = excluded.acquired_ms, renewed_ms = excluded.renewed_ms, expires_ms = excluded.expires_ms
WHERE l.expires_ms <= excluded.acquired_ms`, name, holder, ttl.Milliseconds()); err != nil {
			return err
		}
		var current string
		if err := tx.QueryRowContext(ctx, `SELECT holder, epoch FROM leases WHERE name = ?`, name).Scan(&current, &epoch); err != nil {
			return err
		}
		ok = current == holder
		return nil
	})
	if err != nil {
		return 0, false, fmt.Errorf("acquire lease %q: %w", name, err)
	}
	if !ok {
		epoch = 0
	}
	return epoch, ok, nil
}

// RenewLease extends holder's lease of epoch to ttl from now. ok is false
// when the lease has expired or passed to another: the holder has lost it
// and must stop what it leads.
func (s *Store) RenewLease(ctx context.Context, name, holder string, epoch int64, ttl time.Duration) (ok bool, err error) {
	now := "(" + s.d.nowMillis + ")"
	err = s.write(ctx, func(tx txn) error {
		res, err := tx.ExecContext(ctx, `
UPDATE leases SET renewed_ms = `+now+`, expires_ms = `+now+` + ?
WHERE name = ? AND holder = ? AND epoch = ? AND expires_ms > `+now, ttl.Milliseconds(), name, holder, epoch)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		ok = n == 1
		return err
	})
	if err != nil {
		return false, fmt.Errorf("renew lease %q: %w", name, err)
	}
	return ok, nil
}

// ReleaseLease gives up holder's lease of epoch at once, so that another
// process takes it without waiting for it to expire. Releasing a lease no
// longer held does nothing.
func (s *Store) ReleaseLease(ctx context.Context, name, holder string, epoch int64) error {
	err := s.write(ctx, func(tx txn) error {
		_, err := tx.ExecContext(ctx, `
UPDATE leases SET expires_ms = `+s.d.nowMillis+` WHERE name = ? AND holder = ? AND epoch = ?`, name, holder, epoch)
		return err
	})
	if err != nil {
		return fmt.Errorf("release lease %q: %w", name, err)
	}
	return nil
}

// LeaseInfo is who holds a lease, as the database sees it.
type LeaseInfo struct {
	Holder  string
	Epoch   int64
	Expires time.Time // by the database's clock
	Held    bool      // not expired
}

// Lease reads the lease name; ok is false if it was never taken.
func (s *Store) Lease(ctx context.Context, name string) (l LeaseInfo, ok bool, err error) {
	var expires int64
	err = s.use(func(db handle) error {
		return db.QueryRowContext(ctx, `
SELECT holder, epoch, expires_ms, CASE WHEN expires_ms > `+s.d.nowMillis+` THEN 1 ELSE 0 END FROM leases WHERE name = ?`,
			name).Scan(&l.Holder, &l.Epoch, &expires, &l.Held)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return LeaseInfo{}, false, nil
	}
	if err != nil {
		return LeaseInfo{}, false, fmt.Errorf("read lease %q: %w", name, err)
	}
	l.Expires = time.UnixMilli(expires).UTC()
	return l, true, nil
}

// Fence names a lease held by this process: writes made through Fenced
// are refused with ErrFenced once it is no longer held.
type Fence struct {
	Name   string
	Holder string
	Epoch  int64
}

// checkFence fails with ErrFenced unless f is still held. On PostgreSQL
// the lease row stays share-locked until tx ends, so a successor cannot
// take over between the check and the commit.
func (s *Store) checkFence(ctx context.Context, tx txn, f *Fence) error {
	if f == nil {
		return nil
	}
	var one int
	err := tx.QueryRowContext(ctx, `
SELECT 1 FROM leases WHERE name = ? AND holder = ? AND epoch = ? AND expires_ms > `+s.d.nowMillis+` `+s.d.forShare,
		f.Name, f.Holder, f.Epoch).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w (lease %q, epoch %d)", ErrFenced, f.Name, f.Epoch)
	}
	return err
}

// Fenced is the store seen by the holder of a lease: its briefing writes
// (ClaimBriefing, SavePlan, RecordPosted, CompleteBriefing) check in their
// transaction that the lease is still held, so a leader that lost its lead
// while cut off cannot carry on a briefing its successor now owns. Every
// other method is the Store's.
type Fenced struct {
	*Store
	fence Fence
}

// Fenced returns s fenced by f.
func (s *Store) Fenced(f Fence) *Fenced { return &Fenced{Store: s, fence: f} }

// ClaimBriefing is Store.ClaimBriefing, refused once the lease is lost.
func (f *Fenced) ClaimBriefing(ctx context.Context, channelID string, slot time.Time) (int64, string, error) {
	return f.claimBriefing(ctx, &f.fence, channelID, slot)
}

// SavePlan is Store.SavePlan, refused once the lease is lost.
func (f *Fenced) SavePlan(ctx context.Context, briefingID int64, parts []string, points [][]Point) error {
	return f.savePlan(ctx, &f.fence, briefingID, parts, points)
}

// RecordPosted is Store.RecordPosted, refused once the lease is lost.
func (f *Fenced) RecordPosted(ctx context.Context, briefingID int64, part int, messageID string, points []Point) error {
	return f.recordPosted(ctx, &f.fence, briefingID, part, messageID, points)
}

// CompleteBriefing is Store.CompleteBriefing, refused once the lease is
// lost.
func (f *Fenced) CompleteBriefing(ctx context.Context, briefingID int64) error {
	return f.completeBriefing(ctx, &f.fence, briefingID)
}

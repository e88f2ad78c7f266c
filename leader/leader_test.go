package leader

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/internal/storetest"
	"corpusbot/store"
)

// newStore is the real store, on SQLite in a folder of the test's: Run is
// tested against the lease rows the bot's processes share, not a copy of
// their rules.
func newStore(t *testing.T) *store.Store {
	t.Helper()
	dir := t.TempDir()
	storetest.Seed(t, dir)
	st, err := store.Open(context.Background(), store.Config{Dir: dir, CheckInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	return st
}

// breakable is the store with renewals that can be made to fail, as they
// do when the database is unreachable or another process took the lease.
type breakable struct {
	*store.Store
	mu       sync.Mutex
	renewErr error         // every renewal fails with it, when set
	stolen   bool          // renewals report the lease taken
	renewed  chan struct{} // when set, told of each successful renewal
}

func (b *breakable) RenewLease(ctx context.Context, name, holder string, epoch int64, ttl time.Duration) (bool, error) {
	b.mu.Lock()
	err, stolen := b.renewErr, b.stolen
	b.mu.Unlock()
	if err != nil {
		return false, err
	}
	if stolen {
		return false, nil
	}
	ok, err := b.Store.RenewLease(ctx, name, holder, epoch, ttl)
	if ok {
		select {
		case b.renewed <- struct{}{}:
		default:
		}
	}
	return ok, err
}

const ttl = 400 * time.Millisecond

// TestStandbyTakesOverWhenTheLeaderStops: of two processes one leads; when
// it stops, the other leads at once (well before the lease would expire),
// with the next epoch.
func TestStandbyTakesOverWhenTheLeaderStops(t *testing.T) {
	leases := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	led := make(chan Term, 2)
	stopFirst := make(chan struct{})
	run := func(holder string) chan error {
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, leases, Config{Name: "bot", Holder: holder, TTL: 10 * time.Second, Poll: 20 * time.Millisecond},
				func(ctx context.Context, term Term) error {
					led <- term
					select {
					case <-stopFirst:
					case <-ctx.Done():
					}
					return nil
				})
		}()
		return done
	}
	doneA, doneB := run("a"), run("b")
	first := <-led
	select {
	case second := <-led:
		t.Fatalf("%s and %s lead at once", first.Holder, second.Holder)
	case <-time.After(200 * time.Millisecond):
	}
	stopped := time.Now()
	close(stopFirst) // the leader is stopped: its work returns, the lease is released
	var second Term
	select {
	case second = <-led:
	case <-time.After(5 * time.Second):
		t.Fatal("the standby did not take over")
	}
	if waited := time.Since(stopped); waited > 2*time.Second {
		t.Errorf("the standby took over after %v; a released lease should be taken within a poll", waited)
	}
	if second.Holder == first.Holder || second.Epoch != first.Epoch+1 {
		t.Errorf("terms %+v then %+v, want another holder with the next epoch", first, second)
	}
	cancel()
	for _, done := range []chan error{doneA, doneB} {
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}
}

// TestLostLeaseStopsTheWork: a leader whose renewals fail stops its work
// before the lease expires, and Run says it lost the lead.
//
// The leader stops margin(TTL) = TTL/8 before the expiry; the TTL is long
// enough that this lead (1 s) dwarfs the scheduling delays of a loaded
// machine (150 ms seen with a 400 ms TTL), and renewals are frequent so
// that the lease is broken right after one.
func TestLostLeaseStopsTheWork(t *testing.T) {
	const ttl = 8 * time.Second
	for _, tc := range []struct {
		name   string
		break_ func(b *breakable)
		why    string
	}{
		{"database unreachable", func(b *breakable) { b.mu.Lock(); b.renewErr = errors.New("connection refused"); b.mu.Unlock() }, "no renewal within 7s"},
		{"lease taken", func(b *breakable) { b.mu.Lock(); b.stolen = true; b.mu.Unlock() }, "another process holds it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			leases := &breakable{Store: newStore(t), renewed: make(chan struct{}, 1)}
			var stoppedAt, expiry time.Time
			err := Run(context.Background(), leases, Config{Name: "bot", Holder: "a", TTL: ttl, Renew: 100 * time.Millisecond},
				func(ctx context.Context, _ Term) error {
					select { // a renewal goes through
					case <-leases.renewed:
					case <-time.After(ttl / 2):
						return errors.New("no renewal")
					}
					tc.break_(leases)
					select {
					case <-ctx.Done():
						stoppedAt = time.Now()
						// The renewals are over and the lease not yet
						// released: its expiry as the database has it.
						l, ok, err := leases.Lease(context.Background(), "bot")
						if err != nil || !ok {
							t.Errorf("Lease = %+v, %v, %v; want the lease", l, ok, err)
						}
						expiry = l.Expires
						return ctx.Err()
					case <-time.After(2 * ttl):
						return errors.New("the work was not stopped")
					}
				})
			if !errors.Is(err, ErrLost) {
				t.Fatalf("Run = %v, want ErrLost", err)
			}
			// Which lease, which term, for how long, and why.
			for _, want := range []string{`lease "bot"`, "epoch 1", "held by a for ", tc.why} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Run = %v, want it to say %q", err, want)
				}
			}
			if stoppedAt.IsZero() || !stoppedAt.Before(expiry) {
				t.Errorf("the work stopped at %v, the lease expired at %v: a standby could have led alongside",
					stoppedAt.Format(time.StampMilli), expiry.Format(time.StampMilli))
			}
		})
	}
}

// TestStandbyStopsWhileWaiting: a standby stopped before it leads returns
// nil without running its work.
func TestStandbyStopsWhileWaiting(t *testing.T) {
	leases := newStore(t)
	if _, ok, err := leases.AcquireLease(context.Background(), "bot", "other", time.Hour); !ok || err != nil {
		t.Fatalf("setup: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := Run(ctx, leases, Config{Name: "bot", Holder: "me", TTL: ttl}, func(context.Context, Term) error {
		t.Error("a standby ran the work")
		return nil
	})
	if err != nil {
		t.Errorf("Run = %v, want nil", err)
	}
}

func TestConfigChecked(t *testing.T) {
	for _, cfg := range []Config{
		{TTL: time.Second},
		{Name: "bot"},
		{Name: "bot", TTL: time.Second, Renew: time.Second},
	} {
		if err := Run(context.Background(), newStore(t), cfg, nil); err == nil {
			t.Errorf("Run with %+v succeeded, want an error", cfg)
		}
	}
}

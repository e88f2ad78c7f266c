package leader

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// memLeases keeps leases in memory, with the store's semantics: a lease is
// taken when free or expired, each new holder gets the next epoch.
type memLeases struct {
	mu       sync.Mutex
	holder   string
	epoch    int64
	expires  time.Time
	renewErr error         // every renewal fails with it, when set
	stolen   bool          // renewals report the lease taken
	renewed  chan struct{} // when set, told of each successful renewal
}

func (m *memLeases) AcquireLease(_ context.Context, _, holder string, ttl time.Duration) (int64, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	if m.holder == holder && now.Before(m.expires) {
		return m.epoch, true, nil
	}
	if m.holder != "" && now.Before(m.expires) {
		return 0, false, nil
	}
	m.holder, m.epoch, m.expires = holder, m.epoch+1, now.Add(ttl)
	return m.epoch, true, nil
}

func (m *memLeases) RenewLease(_ context.Context, _, holder string, epoch int64, ttl time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.renewErr != nil {
		return false, m.renewErr
	}
	now := time.Now()
	if m.stolen || m.holder != holder || m.epoch != epoch || !now.Before(m.expires) {
		return false, nil
	}
	m.expires = now.Add(ttl)
	select {
	case m.renewed <- struct{}{}:
	default:
	}
	return true, nil
}

func (m *memLeases) ReleaseLease(_ context.Context, _, holder string, epoch int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.holder == holder && m.epoch == epoch {
		m.expires = time.Now()
	}
	return nil
}

func (m *memLeases) expiry() time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.expires
}

const ttl = 400 * time.Millisecond

// TestStandbyTakesOverWhenTheLeaderStops: of two processes one leads; when
// it stops, the other leads at once (well before the lease would expire),
// with the next epoch.
func TestStandbyTakesOverWhenTheLeaderStops(t *testing.T) {
	leases := &memLeases{}
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
		break_ func(m *memLeases)
	}{
		{"database unreachable", func(m *memLeases) { m.mu.Lock(); m.renewErr = errors.New("connection refused"); m.mu.Unlock() }},
		{"lease taken", func(m *memLeases) { m.mu.Lock(); m.stolen = true; m.mu.Unlock() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			leases := &memLeases{renewed: make(chan struct{}, 1)}
			var stoppedAt, expiry time.Time
			err := Run(context.Background(), leases, Config{Name: "bot", Holder: "a", TTL: ttl, Renew: 100 * time.Millisecond},
				func(ctx context.Context, _ Term) error {
					select { // a renewal goes through
					case <-leases.renewed:
					case <-time.After(ttl / 2):
						return errors.New("no renewal")
					}
					tc.break_(leases)
					expiry = leases.expiry()
					select {
					case <-ctx.Done():
						stoppedAt = time.Now()
						return ctx.Err()
					case <-time.After(2 * ttl):
						return errors.New("the work was not stopped")
					}
				})
			if !errors.Is(err, ErrLost) {
				t.Fatalf("Run = %v, want ErrLost", err)
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
	leases := &memLeases{}
	if _, ok, _ := leases.AcquireLease(context.Background(), "bot", "other", time.Hour); !ok {
		t.Fatal("setup")
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
		if err := Run(context.Background(), &memLeases{}, cfg, nil); err == nil {
			t.Errorf("Run with %+v succeeded, want an error", cfg)
		}
	}
}

package store

import (
	"context"
	"sync"
	"testing"
	"time"
)

func TestUserTokens(t *testing.T) { eachBackend(t, testUserTokens) }

// testUserTokens: a bucket of 2, one more every minute, shared by two
// processes; refunds and refills up to the burst.
func testUserTokens(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	p, q := openCfg(t, db), openCfg(t, db) // two processes
	user := p.HashUser("300000000000000001")
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	take := func(s *Store, at time.Time) (time.Duration, bool) {
		t.Helper()
		wait, ok, err := s.TakeUserToken(ctx, user, time.Minute, 2, at)
		if err != nil {
			t.Fatal(err)
		}
		return wait, ok
	}
	if _, ok := take(p, t0); !ok {
		t.Fatal("first question refused")
	}
	if _, ok := take(q, t0); !ok {
		t.Fatal("second question (burst 2), through the other process, refused")
	}
	if wait, ok := take(p, t0.Add(15*time.Second)); ok || wait != 45*time.Second {
		t.Errorf("third question: ok %v, wait %v; want refused, 45s", ok, wait)
	}
	if err := q.RefundUserToken(ctx, user, time.Minute, 2, t0.Add(15*time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, ok := take(p, t0.Add(16*time.Second)); !ok {
		t.Error("a refunded token could not be spent")
	}
	// An hour later the bucket is full again: two, not sixty.
	later := t0.Add(time.Hour)
	for i := range 2 {
		if _, ok := take(q, later); !ok {
			t.Errorf("question %d an hour later refused", i+1)
		}
	}
	if _, ok := take(p, later); ok {
		t.Error("the bucket refilled beyond its burst")
	}
	other := p.HashUser("300000000000000002")
	if _, ok, err := q.TakeUserToken(ctx, other, time.Minute, 2, later); err != nil || !ok {
		t.Errorf("another user: ok %v, err %v", ok, err)
	}
	if _, _, err := p.TakeUserToken(ctx, "300000000000000001", time.Minute, 2, later); err == nil {
		t.Error("a raw Discord ID was accepted as a user hash")
	}
	p.pruneUserTokens(ctx, time.Minute, 2, later.Add(time.Hour))
	if n := countRows(t, p, `SELECT count(*) FROM user_tokens`); n != 0 {
		t.Errorf("%d buckets left after pruning full ones, want 0", n)
	}
}

func TestUserTokensConcurrent(t *testing.T) { eachBackend(t, testUserTokensConcurrent) }

// testUserTokensConcurrent: processes taking at once spend exactly the
// burst, never more.
func testUserTokensConcurrent(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	procs := []*Store{openCfg(t, db), openCfg(t, db), openCfg(t, db)}
	user := procs[0].HashUser("300000000000000001")
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	const burst = 5
	var mu sync.Mutex
	granted := 0
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Go(func() {
			_, ok, err := procs[i%len(procs)].TakeUserToken(ctx, user, time.Hour, burst, now)
			if err != nil {
				t.Error(err)
				return
			}
			if ok {
				mu.Lock()
				granted++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if granted != burst {
		t.Errorf("%d questions granted at once, want the burst %d", granted, burst)
	}
}

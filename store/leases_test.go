package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestLeaseLifecycle(t *testing.T) { eachBackend(t, testLeaseLifecycle) }

func testLeaseLifecycle(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	a, c := openCfg(t, db), openCfg(t, db) // two processes
	const ttl = time.Minute

	if _, ok, err := a.Lease(ctx, "bot"); err != nil || ok {
		t.Fatalf("Lease before anyone took it: ok %v, err %v", ok, err)
	}
	epoch, ok, err := a.AcquireLease(ctx, "bot", "a", ttl)
	if err != nil || !ok || epoch != 1 {
		t.Fatalf("first acquire: epoch %d, ok %v, err %v; want epoch 1", epoch, ok, err)
	}
	if again, ok, err := a.AcquireLease(ctx, "bot", "a", ttl); err != nil || !ok || again != epoch {
		t.Errorf("acquiring a lease one holds: epoch %d, ok %v, err %v; want %d, true", again, ok, err, epoch)
	}
	if _, ok, err := c.AcquireLease(ctx, "bot", "c", ttl); err != nil || ok {
		t.Errorf("acquiring a lease another holds: ok %v, err %v; want false", ok, err)
	}
	if _, ok, err := c.AcquireLease(ctx, "shards 0-3/8", "c", ttl); err != nil || !ok {
		t.Errorf("another name is another lease: ok %v, err %v", ok, err)
	}
	if ok, err := a.RenewLease(ctx, "bot", "a", epoch, ttl); err != nil || !ok {
		t.Errorf("renew: ok %v, err %v", ok, err)
	}
	if ok, err := c.RenewLease(ctx, "bot", "c", epoch, ttl); err != nil || ok {
		t.Errorf("renewing another's lease: ok %v, err %v; want false", ok, err)
	}
	info, ok, err := c.Lease(ctx, "bot")
	if err != nil || !ok || info.Holder != "a" || info.Epoch != 1 || !info.Held || time.Until(info.Expires) < ttl/2 {
		t.Errorf("Lease = %+v, %v, %v; want held by a, epoch 1, about a minute left", info, ok, err)
	}

	// A released lease is taken at once, with the next epoch, and the old
	// holder can no longer renew it.
	if err := a.ReleaseLease(ctx, "bot", "a", epoch); err != nil {
		t.Fatal(err)
	}
	next, ok, err := c.AcquireLease(ctx, "bot", "c", ttl)
	if err != nil || !ok || next != epoch+1 {
		t.Fatalf("acquire after release: epoch %d, ok %v, err %v; want %d", next, ok, err, epoch+1)
	}
	if ok, err := a.RenewLease(ctx, "bot", "a", epoch, ttl); err != nil || ok {
		t.Errorf("renewing a lease taken over: ok %v, err %v; want false", ok, err)
	}
	if err := a.ReleaseLease(ctx, "bot", "a", epoch); err != nil {
		t.Fatal(err)
	}
	if info, _, _ := a.Lease(ctx, "bot"); info.Holder != "c" || !info.Held {
		t.Errorf("a stale release changed the lease: %+v", info)
	}
}

// TestLeaseExpires: a holder that stops renewing loses the lease after its
// ttl, by the database's clock, and cannot renew it afterwards.
func TestLeaseExpires(t *testing.T) { eachBackend(t, testLeaseExpires) }

func testLeaseExpires(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	const ttl = 300 * time.Millisecond
	epoch, ok, err := s.AcquireLease(ctx, "bot", "a", ttl)
	if err != nil || !ok {
		t.Fatalf("acquire: %v, %v", ok, err)
	}
	if _, ok, _ := s.AcquireLease(ctx, "bot", "b", ttl); ok {
		t.Fatal("b took a lease that had not expired")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, ok, err := s.AcquireLease(ctx, "bot", "b", ttl)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the lease never expired")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if ok, err := s.RenewLease(ctx, "bot", "a", epoch, ttl); err != nil || ok {
		t.Errorf("the expired holder renewed: ok %v, err %v", ok, err)
	}
}

// TestLeaseOneWinner: processes racing for a free lease: exactly one gets it.
func TestLeaseOneWinner(t *testing.T) { eachBackend(t, testLeaseOneWinner) }

func testLeaseOneWinner(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	stores := []*Store{openCfg(t, db), openCfg(t, db), openCfg(t, db)}
	var mu sync.Mutex
	winners := 0
	var wg sync.WaitGroup
	for i, s := range stores {
		wg.Go(func() {
			_, ok, err := s.AcquireLease(ctx, "bot", string(rune('a'+i)), time.Minute)
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				winners++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if winners != 1 {
		t.Errorf("%d processes took the lease, want 1", winners)
	}
}

// TestFencedBriefing: the briefing writes of a leader that lost its lease
// are refused, and nothing of them is recorded; its successor carries on.
func TestFencedBriefing(t *testing.T) { eachBackend(t, testFencedBriefing) }

func testFencedBriefing(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	old, successor := openCfg(t, db), openCfg(t, db)
	epoch, _, err := old.AcquireLease(ctx, "bot", "old", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	f := old.Fenced(Fence{Name: "bot", Holder: "old", Epoch: epoch})
	id, _, err := f.ClaimBriefing(ctx, "c", at(0))
	if err != nil {
		t.Fatal(err)
	}
	points := [][]Point{{{Key: "k1"}}, {{Key: "k2"}}}
	if err := f.SavePlan(ctx, id, []string{"one", "two"}, points); err != nil {
		t.Fatal(err)
	}
	if err := f.RecordPosted(ctx, id, 0, "m0", points[0]); err != nil {
		t.Fatal(err)
	}

	// The old leader is cut off; its lease passes to the successor.
	if err := old.ReleaseLease(ctx, "bot", "old", epoch); err != nil {
		t.Fatal(err)
	}
	next, ok, err := successor.AcquireLease(ctx, "bot", "new", time.Minute)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	for name, write := range map[string]func() error{
		"RecordPosted":     func() error { return f.RecordPosted(ctx, id, 1, "m1-old", points[1]) },
		"CompleteBriefing": func() error { return f.CompleteBriefing(ctx, id) },
		"ClaimBriefing":    func() error { _, _, err := f.ClaimBriefing(ctx, "c", at(1)); return err },
		"SavePlan":         func() error { return f.SavePlan(ctx, id, []string{"x"}, [][]Point{nil}) },
	} {
		if err := write(); !errors.Is(err, ErrFenced) {
			t.Errorf("%s by the old leader: %v, want ErrFenced", name, err)
		}
	}
	if st := old.Status(); st.State != StateOK {
		t.Errorf("a fenced write degraded the store: %+v", st)
	}

	g := successor.Fenced(Fence{Name: "bot", Holder: "new", Epoch: next})
	if err := g.RecordPosted(ctx, id, 1, "m1", points[1]); err != nil {
		t.Fatal(err)
	}
	if err := g.CompleteBriefing(ctx, id); err != nil {
		t.Fatal(err)
	}
	parts, err := successor.PostedParts(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[1].MessageID != "m1" {
		t.Errorf("posted parts %+v, want m0 and the successor's m1", parts)
	}
	if n := countRows(t, successor, `SELECT count(*) FROM briefings`); n != 1 {
		t.Errorf("%d briefings, want 1: the old leader's claim after losing the lease was refused", n)
	}
}

package bot

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

func TestBucket(t *testing.T) {
	t0 := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	type step struct {
		user     string
		at       time.Duration
		refund   bool // give the token back instead of taking one
		ok       bool
		wantWait time.Duration
	}
	tests := []struct {
		name  string
		every time.Duration
		burst int
		steps []step
	}{
		{"off", 0, 3, []step{{"a", 0, false, true, 0}, {"a", 0, false, true, 0}, {"a", 0, false, true, 0}, {"a", 0, false, true, 0}}},
		{"burst then wait", 20 * time.Second, 3, []step{
			{"a", 0, false, true, 0}, {"a", 0, false, true, 0}, {"a", 0, false, true, 0},
			{"a", 0, false, false, 20 * time.Second}}},
		{"one every 5 s: three, then wait", 20 * time.Second, 3, []step{
			{"a", 0, false, true, 0}, {"a", 5 * time.Second, false, true, 0}, {"a", 10 * time.Second, false, true, 0},
			{"a", 15 * time.Second, false, false, 5 * time.Second},
			{"a", 20 * time.Second, false, true, 0}}},
		{"refusal spends nothing", 10 * time.Second, 1, []step{
			{"a", 0, false, true, 0}, {"a", 9 * time.Second, false, false, time.Second}, {"a", 10 * time.Second, false, true, 0}}},
		{"refund makes it free", 10 * time.Second, 1, []step{
			{"a", 0, false, true, 0}, {"a", time.Second, true, true, 0}, {"a", time.Second, false, true, 0},
			{"a", 2 * time.Second, false, false, 9 * time.Second}}},
		{"refund never exceeds the burst", 10 * time.Second, 1, []step{
			{"a", 0, true, true, 0}, {"a", 0, false, true, 0}, {"a", 0, false, false, 10 * time.Second}}},
		{"users are separate", 10 * time.Second, 1, []step{
			{"a", 0, false, true, 0}, {"b", time.Second, false, true, 0}, {"a", 2 * time.Second, false, false, 8 * time.Second}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBucket(tc.every, tc.burst)
			for i, s := range tc.steps {
				if s.refund {
					b.refund(s.user, t0.Add(s.at))
					continue
				}
				wait, ok := b.take(s.user, t0.Add(s.at))
				if ok != s.ok || wait != s.wantWait {
					t.Errorf("step %d: take(%s, +%v) = %v, %v; want %v, %v", i, s.user, s.at, wait, ok, s.wantWait, s.ok)
				}
			}
		})
	}
}

func TestBucketForgetsFullUsers(t *testing.T) {
	t0 := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	b := newBucket(time.Second, 1)
	for i := range 5000 {
		b.take(fmt.Sprint(i), t0)
	}
	b.take("late", t0.Add(time.Minute))
	if n := len(b.users); n > 4097 {
		t.Errorf("%d users kept, want the full buckets forgotten", n)
	}
}

func TestLimiterQueuesThenRefuses(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := newLimiter(2, 1)
		var tickets []*ticket
		for i, wantAhead := range []int{0, 0, 1} {
			tk, ok := l.admit()
			if !ok {
				t.Fatalf("admit %d refused, want admitted", i)
			}
			if tk.ahead != wantAhead {
				t.Errorf("admit %d: %d ahead, want %d", i, tk.ahead, wantAhead)
			}
			tickets = append(tickets, tk)
		}
		if _, ok := l.admit(); ok {
			t.Fatalf("fourth admit accepted, want none with 2 running and 1 queued")
		}
		if _, err := l.enter(context.Background(), time.Minute); !errors.Is(err, errBusy) {
			t.Fatalf("enter with a full queue for a minute: %v, want errBusy", err)
		}
		ctx := context.Background()
		for _, tk := range tickets[:2] {
			if err := tk.acquire(ctx); err != nil {
				t.Fatal(err)
			}
		}
		got := make(chan error)
		go func() { got <- tickets[2].acquire(ctx) }()
		synctest.Wait()
		select {
		case <-got:
			t.Fatal("third answer started with both slots taken")
		default:
		}
		tickets[0].release()
		if err := <-got; err != nil {
			t.Fatal(err)
		}
		tickets[0].release() // idempotent
		if _, ok := l.admit(); !ok {
			t.Error("admit refused after a release, want a free place")
		}
	})
}

func TestTicketAcquireEndsWithContext(t *testing.T) {
	l := newLimiter(1, 1)
	a, _ := l.admit()
	b, _ := l.admit()
	if err := a.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.acquire(ctx); err == nil {
		t.Error("acquire with a cancelled context succeeded, want its error")
	}
	b.release()
	a.release()
	if len(l.places) != 0 || len(l.slots) != 0 {
		t.Errorf("after releases: places %d, slots %d; want 0, 0", len(l.places), len(l.slots))
	}
}

func TestAccess(t *testing.T) {
	tests := []struct {
		name              string
		a                 access
		channel, parent   string
		roles             []string
		dm                bool
		wantChan, wantRol bool
	}{
		{"open", access{}, "1", "", nil, false, true, true},
		{"open DM", access{}, "9", "", nil, true, true, true},
		{"listed channel", access{channels: []string{"1"}}, "1", "", nil, false, true, true},
		{"other channel", access{channels: []string{"1"}}, "2", "", nil, false, false, true},
		{"thread of listed channel", access{channels: []string{"1"}}, "5", "1", nil, false, true, true},
		{"DM with channel list", access{channels: []string{"1"}}, "9", "", nil, true, false, true},
		{"has role", access{roles: []string{"r"}}, "1", "", []string{"x", "r"}, false, true, true},
		{"lacks role", access{roles: []string{"r"}}, "1", "", []string{"x"}, false, true, false},
		{"DM with role list", access{roles: []string{"r"}}, "9", "", nil, true, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.a.channelOK(tc.channel, tc.parent, tc.dm); got != tc.wantChan {
				t.Errorf("channelOK = %v, want %v", got, tc.wantChan)
			}
			if got := tc.a.rolesOK(tc.roles, tc.dm); got != tc.wantRol {
				t.Errorf("rolesOK = %v, want %v", got, tc.wantRol)
			}
		})
	}
}

func TestTrackerWaitsAndCloses(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var tr tracker
		if !tr.add() {
			t.Fatal("add refused before close")
		}
		waited := make(chan error)
		go func() { waited <- tr.wait(context.Background()) }()
		synctest.Wait()
		select {
		case <-waited:
			t.Fatal("wait returned with work running")
		default:
		}
		tr.done()
		if err := <-waited; err != nil {
			t.Fatal(err)
		}
		tr.close()
		if tr.add() {
			t.Error("add accepted after close")
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := tr.wait(ctx); err != nil {
			t.Errorf("wait on idle tracker: %v", err)
		}
	})
}

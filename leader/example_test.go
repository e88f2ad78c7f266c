package leader_test

import (
	"context"
	"fmt"
	"sync"
	"time"

	"corpusbot/leader"
)

// oneLease is an in-memory lease, for the example; *store.Store keeps it in
// the database that the processes share.
type oneLease struct {
	mu      sync.Mutex
	holder  string
	epoch   int64
	expires time.Time
}

func (l *oneLease) AcquireLease(_ context.Context, _, holder string, ttl time.Duration) (int64, bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.holder != holder && time.Now().Before(l.expires) {
		return 0, false, nil
	}
	if l.holder != holder {
		l.holder, l.epoch = holder, l.epoch+1
	}
	l.expires = time.Now().Add(ttl)
	return l.epoch, true, nil
}

func (l *oneLease) RenewLease(_ context.Context, _, holder string, epoch int64, ttl time.Duration) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.holder != holder || l.epoch != epoch || !time.Now().Before(l.expires) {
		return false, nil
	}
	l.expires = time.Now().Add(ttl)
	return true, nil
}

func (l *oneLease) ReleaseLease(_ context.Context, _, holder string, epoch int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.holder == holder && l.epoch == epoch {
		l.expires = time.Now()
	}
	return nil
}

// Two processes run the same work; one at a time does. Here the leader
// works for a moment and stops, and the standby takes over at once.
func ExampleRun() {
	leases := &oneLease{}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var order []string
	for _, name := range []string{"first", "second"} {
		wg.Go(func() {
			cfg := leader.Config{Name: "bot", Holder: name, TTL: 2 * time.Second, Poll: 10 * time.Millisecond}
			leader.Run(context.Background(), leases, cfg, func(ctx context.Context, t leader.Term) error {
				mu.Lock()
				order = append(order, fmt.Sprintf("epoch %d", t.Epoch))
				mu.Unlock()
				time.Sleep(50 * time.Millisecond) // the bot would run here until ctx ends
				return nil
			})
		})
		time.Sleep(20 * time.Millisecond) // the first starts first
	}
	wg.Wait()
	fmt.Println(order)
	// Output: [epoch 1 epoch 2]
}

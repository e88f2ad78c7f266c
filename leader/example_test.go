package leader_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"sync"
	"time"

	"corpusbot/leader"
	"corpusbot/store"
)

// Two processes run the same work; one at a time does. Here the leader
// works for a moment and stops, and the standby takes over at once.
func ExampleRun() {
	dir, err := os.MkdirTemp("", "corpusbot")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	// The processes share the store's database: PostgreSQL in production,
	// SQLite here, where both run in this one process.
	leases, err := store.Open(context.Background(), store.Config{Dir: dir})
	if err != nil {
		log.Fatal(err)
	}
	defer leases.Close()
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

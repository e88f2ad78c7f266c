package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// failureStore is a memStore that also keeps failed briefing attempts, as
// *store.Store does.
type failureStore struct {
	*memStore
	mu       sync.Mutex
	failures []string
}

func (s *failureStore) RecordBriefingFailure(_ context.Context, channelID string, slot time.Time, attempt int, errText string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, fmt.Sprintf("%s %s %d %s", channelID, slot.Format(time.TimeOnly), attempt, errText))
	return nil
}

func TestSchedulerRecordsFailedAttempts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := &failureStore{memStore: newMemStore()}
		a, p := briefingAnswerer(), &posts{err: errors.New("discord down")}
		s := newTestScheduler(st.memStore, a, p, "00:01", time.UTC)
		s.store = st
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); s.run(ctx, context.Background()) }()
		time.Sleep(90 * time.Second) // the slot, and the failure
		synctest.Wait()
		cancel()
		<-done
		st.mu.Lock()
		defer st.mu.Unlock()
		if len(st.failures) != 1 || !strings.HasPrefix(st.failures[0], "77 00:01:00 1 ") || !strings.Contains(st.failures[0], "discord down") {
			t.Errorf("failures recorded %q, want attempt 1 of the 00:01 slot in channel 77 with its error", st.failures)
		}
	})
}

package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"corpusbot/store"
)

func TestSchedulerRecordsFailedAttempts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newTestStore(t)
		a, p := briefingAnswerer(), &posts{err: errors.New("discord down")}
		s := newTestScheduler(st, a, p, "00:01", time.UTC)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); s.run(ctx, context.Background()) }()
		time.Sleep(90 * time.Second) // the slot, and the failure
		synctest.Wait()
		cancel()
		<-done
		h, err := st.BriefingHistory(context.Background(), store.Range{})
		if err != nil {
			t.Fatal(err)
		}
		slot := time.Date(2000, 1, 1, 0, 1, 0, 0, time.UTC)
		if f := h.Failures; len(f) != 1 || f[0].ChannelID != "77" || !f[0].Slot.Equal(slot) || f[0].Attempt != 1 || !strings.Contains(f[0].Error, "discord down") {
			t.Errorf("failures recorded %+v, want attempt 1 of the 00:01 slot in channel 77 with its error", f)
		}
	})
}

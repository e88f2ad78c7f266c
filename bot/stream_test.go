package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// timedSink records when each message was shown.
type timedSink struct {
	mu    sync.Mutex
	shows []time.Time
	texts []string
}

func (s *timedSink) show(_ context.Context, r reply) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shows = append(s.shows, time.Now())
	s.texts = append(s.texts, r.content)
	return nil
}

func (s *timedSink) more(ctx context.Context, r reply) error { return s.show(ctx, r) }

func (s *timedSink) replace(ctx context.Context, r reply) error { return s.show(ctx, r) }
func (s *timedSink) amend(ctx context.Context, r reply) error   { return s.show(ctx, r) }

func (s *timedSink) editing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.shows) > 0
}

func TestStreamerEditsAtMostOncePerInterval(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sink := &timedSink{}
		var firsts int
		st := newStreamer(sink, time.Second, 5*time.Second, func() { firsts++ }, nil)
		go st.run(context.Background())
		start := time.Now()
		// The model writes a word every 100 ms for 3.5 s.
		for i := range 35 {
			st.delta("word" + strings.Repeat(" ", i%2) + " ")
			time.Sleep(100 * time.Millisecond)
		}
		synctest.Wait()
		st.halt()
		st.settle(context.Background())
		final := time.Now()

		if firsts != 1 {
			t.Errorf("onFirst called %d times, want once", firsts)
		}
		if len(sink.shows) < 3 || len(sink.shows) > 5 {
			t.Errorf("%d edits in 3.5 s, want one per second", len(sink.shows))
		}
		if d := sink.shows[0].Sub(start); d > 0 {
			t.Errorf("first text shown after %v, want at once", d)
		}
		for i := 1; i < len(sink.shows); i++ {
			if d := sink.shows[i].Sub(sink.shows[i-1]); d < time.Second {
				t.Errorf("edits %d and %d %v apart, want at least 1 s", i, i+1, d)
			}
		}
		if d := final.Sub(sink.shows[len(sink.shows)-1]); d < time.Second {
			t.Errorf("final edit allowed %v after the last, want at least 1 s", d)
		}
		if last := sink.texts[len(sink.texts)-1]; !strings.HasSuffix(last, " ▌") {
			t.Errorf("streamed text %q, want the cursor that marks it unfinished", last)
		}
	})
}

func TestTypingRepeatsUntilEnded(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		api := newFakeAPI()
		ty := startTyping(context.Background(), api, "10", 8*time.Second, nil)
		time.Sleep(20 * time.Second)
		synctest.Wait()
		ty.end()
		ty.end() // idempotent
		time.Sleep(time.Minute)
		synctest.Wait()
		var n int
		for _, c := range api.recorded() {
			if c.method == "typing" && c.channel == "10" {
				n++
			}
		}
		if n != 3 {
			t.Errorf("%d typing calls in 20 s at 8 s intervals (then ended), want 3", n)
		}
	})
}

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

// slowSink is a timedSink whose edits (not the first post) take delay, or
// end when their context does.
type slowSink struct {
	timedSink
	delay   time.Duration
	dropped int
}

func (s *slowSink) show(ctx context.Context, r reply) error {
	if s.editing() {
		select {
		case <-time.After(s.delay):
		case <-ctx.Done():
			s.mu.Lock()
			s.dropped++
			s.mu.Unlock()
			return ctx.Err()
		}
	}
	return s.timedSink.show(ctx, r)
}

// TestHaltLetsASlowEditLand: an edit in flight when the answer is done
// is waited for while it is merely slow, so that it cannot land after the
// final edit (a Discord that has the request applies it even if the
// client gave up, and the answer was left with its cursor: this flaked
// TestRound3ModelOnEveryPath); a stalled one is dropped after the grace.
func TestHaltLetsASlowEditLand(t *testing.T) {
	for _, tc := range []struct {
		name     string
		delay    time.Duration
		interval time.Duration
		shows    int
		dropped  int
		took     time.Duration
	}{
		{"slow edit lands", 300 * time.Millisecond, 200 * time.Millisecond, 2, 0, 300 * time.Millisecond},
		{"stalled edit dropped after the grace", time.Hour, 200 * time.Millisecond, 1, 1, haltGrace},
		{"grace is the interval when longer", time.Hour, 3 * time.Second, 1, 1, 3 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sink := &slowSink{delay: tc.delay}
				st := newStreamer(sink, tc.interval, 10*time.Hour, nil, nil)
				go st.run(context.Background())
				st.delta("first ")
				synctest.Wait()
				time.Sleep(tc.interval)
				st.delta("second ")
				synctest.Wait() // the edit is in flight
				began := time.Now()
				st.halt()
				took := time.Since(began)
				if len(sink.shows) != tc.shows || sink.dropped != tc.dropped {
					t.Errorf("%d shown, %d dropped; want %d and %d", len(sink.shows), sink.dropped, tc.shows, tc.dropped)
				}
				if took != tc.took {
					t.Errorf("halt took %v, want %v", took, tc.took)
				}
			})
		})
	}
}

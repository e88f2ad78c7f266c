package bot

import (
	"context"
	"strings"
	"sync"
	"time"
)

// streamer shows an answer while the model writes it: the first text at
// once, then edits at most once per interval. Deltas arrive on the model's
// goroutine and never wait for Discord.
type streamer struct {
	sink     sink
	interval time.Duration
	timeout  time.Duration // of each edit
	onFirst  func()        // called once, before the first text is shown
	onError  func(error)

	mu    sync.Mutex
	text  strings.Builder
	dirty bool
	// cancelEdit drops the edit in flight; halt calls it.
	cancelEdit context.CancelFunc

	wake    chan struct{}
	stop    chan struct{}
	stopped chan struct{}

	// Owned by the run goroutine until stopped is closed, then by finish.
	shown    bool
	lastEdit time.Time
}

func newStreamer(s sink, interval, timeout time.Duration, onFirst func(), onError func(error)) *streamer {
	return &streamer{
		sink: s, interval: interval, timeout: timeout, onFirst: onFirst, onError: onError,
		wake: make(chan struct{}, 1), stop: make(chan struct{}), stopped: make(chan struct{}),
	}
}

// delta is the pipeline's OnDelta.
func (s *streamer) delta(d string) {
	if d == "" {
		return
	}
	s.mu.Lock()
	s.text.WriteString(d)
	s.dirty = true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *streamer) snapshot() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty {
		return "", false
	}
	s.dirty = false
	return s.text.String(), true
}

// run edits until halt; start it on its own goroutine.
func (s *streamer) run(ctx context.Context) {
	defer close(s.stopped)
	failed := false
	for {
		select {
		case <-s.stop:
			return
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		if s.shown {
			// Throttle: wait out the interval, still collecting text.
			t := time.NewTimer(time.Until(s.lastEdit.Add(s.interval)))
			select {
			case <-s.stop:
				t.Stop()
				return
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
		text, ok := s.snapshot()
		if !ok || failed || strings.TrimSpace(text) == "" {
			continue
		}
		if !s.shown && s.onFirst != nil {
			s.onFirst()
		}
		if err := s.show(ctx, partialReply(text)); err != nil {
			select {
			case <-s.stop:
				return // dropped by halt: the final answer replaces it
			default:
			}
			// Streaming is a courtesy; the final answer is still sent.
			failed = true
			if s.onError != nil {
				s.onError(err)
			}
			continue
		}
		s.shown, s.lastEdit = true, time.Now()
	}
}

// show makes one streaming edit, bounded by the edit timeout. An edit in
// flight when the answer is done is dropped if it is stalled (see halt):
// the final edit replaces it anyway and must not wait behind it. Creating
// the first message is not dropped, so that whether it exists is known.
func (s *streamer) show(ctx context.Context, r reply) error {
	editing := s.sink.editing()
	if !editing {
		ctx = context.WithoutCancel(ctx)
	}
	ectx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if editing {
		s.mu.Lock()
		s.cancelEdit = cancel
		select {
		case <-s.stop:
			cancel() // halted already: do not start an edit it cannot drop
		default:
		}
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			s.cancelEdit = nil
			s.mu.Unlock()
		}()
	}
	return s.sink.show(ectx, r)
}

// halt stops the editing goroutine and waits for it. An edit in flight
// gets an edit interval (at least haltGrace) to finish before it is
// dropped: a stalled edit must not hold the final answer, but a slow one
// must land before it, because Discord still applies an edit the client
// gave up on once it has the request, in whatever order, and a streamed
// text applied after the final edit leaves the answer half-written with
// its cursor. It reports whether it dropped an edit: Discord may still
// apply that one after the final edit (reassert).
func (s *streamer) halt() (dropped bool) {
	s.mu.Lock()
	select {
	case <-s.stop:
	default:
		close(s.stop)
	}
	s.mu.Unlock()
	t := time.NewTimer(max(s.interval, haltGrace))
	defer t.Stop()
	select {
	case <-s.stopped:
		return false
	case <-t.C:
	}
	s.mu.Lock()
	if s.cancelEdit != nil {
		s.cancelEdit()
		dropped = true
	}
	s.mu.Unlock()
	<-s.stopped
	return dropped
}

// haltGrace is the least time halt lets an edit in flight finish: a
// Discord edit takes a fraction of a second, and one still running after
// this is stalled.
const haltGrace = time.Second

// settle waits until the next edit is allowed, so that the final edit too
// keeps to one per interval. Call it after halt.
func (s *streamer) settle(ctx context.Context) {
	if !s.shown {
		return
	}
	d := time.Until(s.lastEdit.Add(s.interval))
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// typing shows the typing indicator in a channel, repeated every interval
// (Discord shows it for about 10 s), until stop is called.
type typing struct {
	once sync.Once
	stop chan struct{}
	done chan struct{}
}

func startTyping(ctx context.Context, api discordAPI, channelID string, every time.Duration, onError func(error)) *typing {
	t := &typing{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(t.done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			if err := api.ChannelTyping(channelID, withCtx(ctx)); err != nil && onError != nil {
				onError(err)
			}
			select {
			case <-t.stop:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return t
}

// end stops the indicator and waits for its goroutine; safe to call twice.
func (t *typing) end() {
	if t == nil {
		return
	}
	t.once.Do(func() { close(t.stop) })
	<-t.done
}

package bot

import (
	"context"
	"slices"
	"sync"
	"time"
)

// cooldown enforces a minimum time between two questions of one user.
type cooldown struct {
	every time.Duration
	mu    sync.Mutex
	last  map[string]time.Time
}

func newCooldown(every time.Duration) *cooldown {
	return &cooldown{every: every, last: make(map[string]time.Time)}
}

// allow records a question from user at now, or returns how long the user
// must still wait. A refused question does not restart the wait.
func (c *cooldown) allow(user string, now time.Time) (wait time.Duration, ok bool) {
	if c.every <= 0 {
		return 0, true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, seen := c.last[user]; seen {
		if next := t.Add(c.every); now.Before(next) {
			return next.Sub(now), false
		}
	}
	c.last[user] = now
	if len(c.last) > 4096 {
		// Forget users whose wait is over, so the map stays small.
		for u, t := range c.last {
			if now.Sub(t) >= c.every {
				delete(c.last, u)
			}
		}
	}
	return 0, true
}

// limiter runs at most n answers at once and queues up to q more; beyond
// that the bot is busy. Admission is instant, so an interaction can be
// refused before it is deferred.
type limiter struct {
	slots chan struct{}
	mu    sync.Mutex
	held  int // admitted tickets not yet released
	max   int // n + q
}

func newLimiter(n, q int) *limiter {
	return &limiter{slots: make(chan struct{}, n), max: n + q}
}

// ticket is an admitted answer: it waits for a slot, then releases it.
type ticket struct {
	l     *limiter
	ahead int // answers running or queued before this one beyond the slots
	got   bool
	done  bool
}

// admit reserves a place, or reports false when the queue is full.
func (l *limiter) admit() (*ticket, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.held >= l.max {
		return nil, false
	}
	ahead := l.held - cap(l.slots) + 1
	l.held++
	return &ticket{l: l, ahead: max(ahead, 0)}, true
}

// acquire waits for a slot.
func (t *ticket) acquire(ctx context.Context) error {
	select {
	case t.l.slots <- struct{}{}:
		t.got = true
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release frees the slot (if taken) and the place. It is idempotent.
func (t *ticket) release() {
	if t.done {
		return
	}
	t.done = true
	if t.got {
		<-t.l.slots
	}
	t.l.mu.Lock()
	t.l.held--
	t.l.mu.Unlock()
}

// access is the allow-lists. Empty lists allow everyone.
type access struct {
	channels []string
	roles    []string
}

// channelOK reports whether the bot answers in channelID, or in a thread
// whose parent is parentID.
func (a access) channelOK(channelID, parentID string, dm bool) bool {
	if len(a.channels) == 0 {
		return true
	}
	if dm {
		return false
	}
	return slices.Contains(a.channels, channelID) || parentID != "" && slices.Contains(a.channels, parentID)
}

// rolesOK reports whether a member with roles may ask. In a DM there are no
// member roles to check, so a role list refuses DMs.
func (a access) rolesOK(roles []string, dm bool) bool {
	if len(a.roles) == 0 {
		return true
	}
	if dm {
		return false
	}
	return slices.ContainsFunc(roles, func(r string) bool { return slices.Contains(a.roles, r) })
}

// refusal explains an allow-list refusal.
func (a access) refusal(channelOK bool) string {
	if !channelOK {
		if len(a.channels) > 0 && len(a.channels) <= 5 {
			s := "I only answer in "
			for i, c := range a.channels {
				if i > 0 {
					s += ", "
				}
				s += "<#" + c + ">" // channel mentions never ping
			}
			return s + "."
		}
		return "I don't answer in this channel. Please ask in one of the channels I'm set up for."
	}
	return "Only members with certain roles can ask me questions here."
}

// servesGuild reports whether the bot answers in guildID: with
// Config.GuildID set, only in that server. DMs (guildID "") are left to
// the allow-lists.
func (b *Bot) servesGuild(guildID string) bool {
	return b.cfg.GuildID == "" || guildID == "" || guildID == b.cfg.GuildID
}

// tracker counts the goroutines doing the bot's work so that shutdown can
// wait for them; once closed it admits no more.
type tracker struct {
	mu     sync.Mutex
	n      int
	closed bool
	idle   chan struct{} // closed when n drops to 0
}

// add admits one unit of work, or reports false after close.
func (t *tracker) add() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.n++
	return true
}

func (t *tracker) done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 && t.idle != nil {
		close(t.idle)
		t.idle = nil
	}
}

// wait returns when no work is running or ctx ends.
func (t *tracker) wait(ctx context.Context) error {
	t.mu.Lock()
	if t.n == 0 {
		t.mu.Unlock()
		return nil
	}
	if t.idle == nil {
		t.idle = make(chan struct{})
	}
	ch := t.idle
	t.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// close stops admitting work.
func (t *tracker) close() {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()
}

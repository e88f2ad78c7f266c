package bot

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"corpusbot/i18n"
)

// bucket is a per-user token bucket: a user holds up to burst questions
// and earns one more every interval. A question takes a token when it is
// admitted; one that turns out not to need the model gives it back, so
// abstentions and refused questions cost nothing.
type bucket struct {
	every time.Duration // 0: no limit
	burst float64
	mu    sync.Mutex
	users map[string]*userTokens
}

type userTokens struct {
	tokens float64
	at     time.Time // when tokens was last brought up to date
}

func newBucket(every time.Duration, burst int) *bucket {
	return &bucket{every: every, burst: float64(max(burst, 1)), users: make(map[string]*userTokens)}
}

// refill brings u up to date at now; the caller holds the lock.
func (b *bucket) refill(u *userTokens, now time.Time) {
	if d := now.Sub(u.at); d > 0 {
		u.tokens = min(b.burst, u.tokens+float64(d)/float64(b.every))
		u.at = now
	}
}

// take spends one of user's tokens at now, or returns how long until one
// is earned. A refusal spends nothing.
func (b *bucket) take(user string, now time.Time) (wait time.Duration, ok bool) {
	if b.every <= 0 {
		return 0, true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	u := b.users[user]
	if u == nil {
		u = &userTokens{tokens: b.burst, at: now}
		b.users[user] = u
		b.forget(now)
	}
	b.refill(u, now)
	if u.tokens < 1 {
		return time.Duration((1 - u.tokens) * float64(b.every)).Round(time.Millisecond), false
	}
	u.tokens--
	return 0, true
}

// refund gives back a token taken by a question that did not use the
// model.
func (b *bucket) refund(user string, now time.Time) {
	if b.every <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if u := b.users[user]; u != nil {
		b.refill(u, now)
		u.tokens = min(b.burst, u.tokens+1)
	}
}

// forget drops users whose bucket is full again, so that the map stays
// small; the caller holds the lock.
func (b *bucket) forget(now time.Time) {
	if len(b.users) <= 4096 {
		return
	}
	for id, u := range b.users {
		b.refill(u, now)
		if u.tokens >= b.burst {
			delete(b.users, id)
		}
	}
}

// errBusy means no place in the queue came free in time.
var errBusy = errors.New("the answer queue is full")

// limiter writes at most n answers at once and queues up to q more. A
// question that finds the queue full waits a bounded time for a place
// before it is refused as busy.
type limiter struct {
	slots  chan struct{} // answers being written
	places chan struct{} // answers written or waiting: n + q
	mu     sync.Mutex
	avg    time.Duration // moving average of how long an answer holds a slot
}

func newLimiter(n, q int) *limiter {
	return &limiter{slots: make(chan struct{}, n), places: make(chan struct{}, n+q)}
}

// ticket is an admitted answer: it waits for a slot, then releases it.
type ticket struct {
	l      *limiter
	ahead  int  // answers queued before this one beyond the slots
	waited bool // the queue was full when it arrived
	got    time.Time
	done   bool
}

// admit takes a place if one is free now.
func (l *limiter) admit() (*ticket, bool) {
	select {
	case l.places <- struct{}{}:
		return &ticket{l: l, ahead: l.ahead()}, true
	default:
		return nil, false
	}
}

// enter takes a place, waiting up to wait for one when the queue is full.
// It fails with errBusy when none came free, or with ctx's error.
func (l *limiter) enter(ctx context.Context, wait time.Duration) (*ticket, error) {
	if t, ok := l.admit(); ok {
		return t, nil
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case l.places <- struct{}{}:
		return &ticket{l: l, ahead: l.ahead(), waited: true}, nil
	case <-timer.C:
		return nil, errBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ahead counts the answers that hold a place but no slot, less this one.
func (l *limiter) ahead() int {
	return max(len(l.places)-cap(l.slots), 0)
}

// retryAfter estimates when a place frees up: the queue's length times
// the usual time an answer holds a slot, shared between the slots.
func (l *limiter) retryAfter() time.Duration {
	l.mu.Lock()
	avg := l.avg
	l.mu.Unlock()
	if avg <= 0 {
		avg = 30 * time.Second
	}
	rounds := (len(l.places) - cap(l.slots) + cap(l.slots) - 1) / cap(l.slots)
	return min(max(avg*time.Duration(max(rounds, 1)), 10*time.Second), 15*time.Minute)
}

// acquire waits for a slot.
func (t *ticket) acquire(ctx context.Context) error {
	select {
	case t.l.slots <- struct{}{}:
		t.got = time.Now()
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
	if !t.got.IsZero() {
		held := time.Since(t.got)
		<-t.l.slots
		t.l.mu.Lock()
		if t.l.avg == 0 {
			t.l.avg = held
		} else {
			t.l.avg = (4*t.l.avg + held) / 5
		}
		t.l.mu.Unlock()
	}
	<-t.l.places
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
func (a access) refusal(channelOK bool, lang string) string {
	if !channelOK {
		if len(a.channels) > 0 && len(a.channels) <= 5 {
			var s []string
			for _, c := range a.channels {
				s = append(s, "<#"+c+">") // channel mentions never ping
			}
			return i18n.Text(lang, i18n.OnlyChannels, strings.Join(s, ", "))
		}
		return i18n.Text(lang, i18n.NotThisChannel)
	}
	return i18n.Text(lang, i18n.RolesOnly)
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

package bot

import (
	"context"
	"errors"
	"testing"
	"time"
)

// sharedTokens is a shared bucket store that grants what it is told to,
// or fails.
type sharedTokens struct {
	ok             bool
	err            error
	takes, refunds int
	lastUser       string
	lastEvery      time.Duration
	lastBurst      int
}

func (s *sharedTokens) TakeUserToken(_ context.Context, user string, every time.Duration, burst int, _ time.Time) (time.Duration, bool, error) {
	s.takes++
	s.lastUser, s.lastEvery, s.lastBurst = user, every, burst
	if s.err != nil {
		return 0, false, s.err
	}
	if !s.ok {
		return 7 * time.Second, false, nil
	}
	return 0, true, nil
}

func (s *sharedTokens) RefundUserToken(context.Context, string, time.Duration, int, time.Time) error {
	s.refunds++
	return s.err
}

// TestSharedUserTokens: with shared buckets the store decides, named by
// the user's hash; when it fails, this process's own bucket does.
func TestSharedUserTokens(t *testing.T) {
	st := newTestStore(t)
	newTestBot := func(shared *sharedTokens) *Bot {
		cfg, err := Config{Token: secretToken(), UserRate: time.Minute, UserBurst: 1, UserTokens: shared}.withDefaults()
		if err != nil {
			t.Fatal(err)
		}
		return newBot(cfg, nil, st, nil, nil)
	}

	refusing := &sharedTokens{ok: false}
	b := newTestBot(refusing)
	if wait, ok := b.takeToken(context.Background(), "42"); ok || wait != 7*time.Second {
		t.Errorf("shared bucket empty: ok %v, wait %v; want refused, 7s", ok, wait)
	}
	if refusing.lastUser != st.HashUser("42") || refusing.lastEvery != time.Minute || refusing.lastBurst != 1 {
		t.Errorf("asked the store for %q every %v burst %d; want the hash, 1m, 1", refusing.lastUser, refusing.lastEvery, refusing.lastBurst)
	}

	granting := &sharedTokens{ok: true}
	b = newTestBot(granting)
	for range 3 { // the process's own bucket (burst 1) would refuse the second
		if _, ok := b.takeToken(context.Background(), "42"); !ok {
			t.Error("the shared bucket granted, the bot refused")
		}
	}
	b.refundToken("42")
	if granting.takes != 3 || granting.refunds != 1 {
		t.Errorf("%d takes and %d refunds reached the store, want 3 and 1", granting.takes, granting.refunds)
	}

	failing := &sharedTokens{err: errors.New("connection refused")}
	b = newTestBot(failing)
	if _, ok := b.takeToken(context.Background(), "42"); !ok {
		t.Error("store down: the first question was refused, want the process's own bucket to admit it")
	}
	if _, ok := b.takeToken(context.Background(), "42"); ok {
		t.Error("store down: the second question (burst 1) was admitted, want the process's own bucket to refuse it")
	}
}

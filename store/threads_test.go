package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func TestLinkThread(t *testing.T) { eachBackend(t, testLinkThread) }

func testLinkThread(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	first := Thread{ThreadID: "t1", ParentChannelID: "c1", GuildID: "g1", StarterUserHash: s.HashUser("alice"), At: at(0)}
	if err := s.LinkThread(ctx, first); err != nil {
		t.Fatal(err)
	}
	// Linking again must not hand the thread to someone else.
	again := Thread{ThreadID: "t1", ParentChannelID: "c2", GuildID: "g1", StarterUserHash: s.HashUser("mallory"), At: at(5)}
	if err := s.LinkThread(ctx, again); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		id     string
		want   Thread
		wantOK bool
	}{
		{"linked", "t1", first, true},
		{"unknown", "t2", Thread{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := s.Thread(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.wantOK || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, %v; want %+v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
	if err := s.LinkThread(ctx, Thread{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("LinkThread with no ID: got error %v, want ErrInvalid", err)
	}
	if err := s.LinkThread(ctx, Thread{ThreadID: "t3", StarterUserHash: "12345"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("LinkThread with a raw user ID: got error %v, want ErrInvalid", err)
	}
}

func turnsN(from, to int) []Turn {
	var ts []Turn
	for i := from; i < to; i++ {
		role := RoleUser
		if i%2 == 1 {
			role = RoleAssistant
		}
		ts = append(ts, Turn{Role: role, Text: fmt.Sprint("turn ", i), At: at(i)})
	}
	return ts
}

func TestTurns(t *testing.T) { eachBackend(t, testTurns) }

func testTurns(t *testing.T, b backend) {
	ctx := context.Background()
	cfg := newDB(t, b)
	cfg.MaxTurns = 5
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range []string{"t1", "t2"} {
		if err := s.LinkThread(ctx, Thread{ThreadID: id}); err != nil {
			t.Fatal(err)
		}
	}
	// Three appends of three turns: 9 in all, the newest 5 kept.
	for i := 0; i < 9; i += 3 {
		if err := s.AppendTurns(ctx, "t1", turnsN(i, i+3)...); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AppendTurns(ctx, "t2", Turn{Role: RoleUser, Text: "other thread", At: at(0)}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		thread string
		n      int
		want   []Turn
	}{
		{"newest two", "t1", 2, turnsN(7, 9)},
		{"all kept", "t1", 0, turnsN(4, 9)},
		{"more than kept", "t1", 50, turnsN(4, 9)},
		{"other thread", "t2", 10, []Turn{{Role: RoleUser, Text: "other thread", At: at(0)}}},
		{"unknown thread", "t9", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Turns(ctx, tt.thread, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	if got := countRows(t, s, `SELECT count(*) FROM turns WHERE thread_id = 't1'`); got != 5 {
		t.Errorf("t1 has %d stored turns, want 5", got)
	}
}

func TestAppendTurnsErrors(t *testing.T) { eachBackend(t, testAppendTurnsErrors) }

func testAppendTurnsErrors(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	if err := s.LinkThread(ctx, Thread{ThreadID: "t1"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		thread  string
		turns   []Turn
		wantErr error
	}{
		{"unlinked thread", "t9", []Turn{{Role: RoleUser, Text: "hi"}}, ErrNotFound},
		// The bad role comes second: the first turn must not be stored.
		{"bad role", "t1", []Turn{{Role: RoleUser, Text: "hi"}, {Role: "system", Text: "x"}}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.AppendTurns(ctx, tt.thread, tt.turns...); !errors.Is(err, tt.wantErr) {
				t.Errorf("got error %v, want %v", err, tt.wantErr)
			}
		})
	}
	if got := countRows(t, s, `SELECT count(*) FROM turns`); got != 0 {
		t.Errorf("turns has %d rows, want 0", got)
	}
}

func TestClearTurns(t *testing.T) { eachBackend(t, testClearTurns) }

func testClearTurns(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	for _, id := range []string{"dm:1", "dm:2"} {
		if err := s.LinkThread(ctx, Thread{ThreadID: id}); err != nil {
			t.Fatal(err)
		}
		if err := s.AppendTurns(ctx, id, Turn{Role: RoleUser, Text: "q " + id}, Turn{Role: RoleAssistant, Text: "a " + id}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ClearTurns(ctx, "dm:1"); err != nil {
		t.Fatal(err)
	}
	if turns, err := s.Turns(ctx, "dm:1", 0); err != nil || len(turns) != 0 {
		t.Errorf("cleared conversation has %d turns (%v), want 0", len(turns), err)
	}
	if turns, err := s.Turns(ctx, "dm:2", 0); err != nil || len(turns) != 2 {
		t.Errorf("other conversation has %d turns (%v), want its 2", len(turns), err)
	}
	// Still linked: the next turns are kept.
	if err := s.AppendTurns(ctx, "dm:1", Turn{Role: RoleUser, Text: "again"}); err != nil {
		t.Errorf("append after clear: %v", err)
	}
}

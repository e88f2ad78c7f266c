package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentWriters runs writers of every kind from many goroutines, on
// two Stores sharing one file (as the bot and a second process would), with
// readers alongside. No write may fail, in particular with SQLITE_BUSY.
func TestConcurrentWriters(t *testing.T) { eachBackend(t, testConcurrentWriters) }

func testConcurrentWriters(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	stores := []*Store{openCfg(t, db), openCfg(t, db)}
	const workers, ops = 8, 15

	for i := range workers {
		if err := stores[0].LinkThread(ctx, Thread{ThreadID: fmt.Sprint("t", i)}); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers*ops*8)
	for w := range workers {
		s := stores[w%len(stores)]
		user := s.HashUser(fmt.Sprint("user", w))
		thread := fmt.Sprint("t", w)
		wg.Go(func() {
			for i := range ops {
				answer := fmt.Sprintf("a%d-%d", w, i)
				errs <- s.RecordAnswer(ctx, Answer{ID: answer, Kind: KindAnswer, Question: "q", UserHash: user,
					Sources: []SourceRef{{N: 1, DocID: "d", Passage: i}}})
				errs <- s.RecordVote(ctx, Vote{AnswerID: "shared", UserHash: user, Value: 1 - 2*(i%2)})
				errs <- s.AppendTurns(ctx, thread, Turn{Role: RoleUser, Text: answer}, Turn{Role: RoleAssistant, Text: answer})
				id, _, err := s.ClaimBriefing(ctx, "c", at(i)) // every worker races for the same slots
				errs <- err
				if err == nil {
					err := s.RecordPosted(ctx, id, w, fmt.Sprint("m", w), []Point{{Key: fmt.Sprintf("k%d-%d", w, i), Sources: []string{"d#1"}}})
					errs <- err
				}
			}
		})
		wg.Go(func() {
			for range ops {
				_, _, err := s.Votes(ctx, "shared")
				errs <- err
				_, err = s.Turns(ctx, thread, 5)
				errs <- err
				_, err = s.PostedPointKeys(ctx, "c")
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}

	s := stores[0]
	if got, want := countRows(t, s, `SELECT count(*) FROM answers`), workers*ops; got != want {
		t.Errorf("answers: got %d, want %d", got, want)
	}
	if got, want := countRows(t, s, `SELECT count(*) FROM briefings`), ops; got != want {
		t.Errorf("briefings: got %d, want %d (one per slot)", got, want)
	}
	if got, want := countRows(t, s, `SELECT count(*) FROM briefing_points`), workers*ops; got != want {
		t.Errorf("briefing points: got %d, want %d", got, want)
	}
	up, down, err := s.Votes(ctx, "shared")
	if err != nil {
		t.Fatal(err)
	}
	if up+down != workers {
		t.Errorf("votes on shared: got %d, want %d (one per user)", up+down, workers)
	}
	for w := range workers {
		turns, err := s.Turns(ctx, fmt.Sprint("t", w), 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(turns) != DefaultMaxTurns {
			t.Errorf("thread t%d keeps %d turns, want %d", w, len(turns), DefaultMaxTurns)
		}
	}
}

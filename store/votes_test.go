package store

import (
	"context"
	"errors"
	"testing"
)

func TestVotes(t *testing.T) { eachBackend(t, testVotes) }

func testVotes(t *testing.T, b backend) {
	ctx := context.Background()
	alice, bob := "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"
	tests := []struct {
		name     string
		votes    []Vote
		up, down int
	}{
		{"none", nil, 0, 0},
		{"one up", []Vote{{UserHash: alice, Value: 1}}, 1, 0},
		{"two users", []Vote{{UserHash: alice, Value: 1}, {UserHash: bob, Value: -1}}, 1, 1},
		{"same vote twice counts once", []Vote{{UserHash: alice, Value: 1}, {UserHash: alice, Value: 1}}, 1, 0},
		{"changed vote replaces", []Vote{{UserHash: alice, Value: 1}, {UserHash: alice, Value: -1}}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, b)
			for _, v := range tt.votes {
				v.AnswerID = "m1"
				if err := s.RecordVote(ctx, v); err != nil {
					t.Fatal(err)
				}
			}
			// A vote on another answer must not count.
			if err := s.RecordVote(ctx, Vote{AnswerID: "m2", UserHash: bob, Value: 1}); err != nil {
				t.Fatal(err)
			}
			up, down, err := s.Votes(ctx, "m1")
			if err != nil {
				t.Fatal(err)
			}
			if up != tt.up || down != tt.down {
				t.Errorf("got %d up %d down, want %d up %d down", up, down, tt.up, tt.down)
			}
		})
	}
}

func TestRecordVoteInvalid(t *testing.T) { eachBackend(t, testRecordVoteInvalid) }

func testRecordVoteInvalid(t *testing.T, b backend) {
	s := openTest(t, b)
	user := s.HashUser("1")
	tests := []struct {
		name string
		v    Vote
	}{
		{"no answer", Vote{UserHash: user, Value: 1}},
		{"no user", Vote{AnswerID: "m1", Value: 1}},
		{"raw user id", Vote{AnswerID: "m1", UserHash: "1", Value: 1}},
		{"zero", Vote{AnswerID: "m1", UserHash: user}},
		{"plus two", Vote{AnswerID: "m1", UserHash: user, Value: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.RecordVote(context.Background(), tt.v); !errors.Is(err, ErrInvalid) {
				t.Errorf("got error %v, want ErrInvalid", err)
			}
		})
	}
	if got := countRows(t, s, `SELECT count(*) FROM votes`); got != 0 {
		t.Errorf("votes has %d rows, want 0", got)
	}
}

func TestRecordVoteQuestion(t *testing.T) { eachBackend(t, testRecordVoteQuestion) }

func testRecordVoteQuestion(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	user := s.HashUser("1")
	if err := s.RecordAnswer(ctx, Answer{ID: "m1", Kind: KindAnswer, Question: "recorded question"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		v    Vote
		want string
	}{
		{"given question wins", Vote{AnswerID: "m1", Question: "given", UserHash: user, Value: 1}, "given"},
		{"taken from the answer", Vote{AnswerID: "m1", UserHash: user, Value: 1}, "recorded question"},
		{"unknown answer", Vote{AnswerID: "m9", UserHash: user, Value: 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.RecordVote(ctx, tt.v); err != nil {
				t.Fatal(err)
			}
			var got string
			if err := raw(s).QueryRowContext(context.Background(), `SELECT question FROM votes WHERE answer_id = ? AND user_hash = ?`,
				tt.v.AnswerID, user).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got question %q, want %q", got, tt.want)
			}
		})
	}
}

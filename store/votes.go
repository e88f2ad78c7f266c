package store

import (
	"context"
	"fmt"
	"time"
)

// Vote is one user's feedback on an answer.
type Vote struct {
	AnswerID string
	// Question is the question answered; empty means take it from the
	// recorded answer, if any, so operator queries can group votes by it.
	Question string
	UserHash string    // HashUser of the voter; required
	Value    int       // +1 or -1
	At       time.Time // zero means now
}

// RecordVote records v. A user has one vote per answer: voting again
// replaces the earlier vote.
func (s *Store) RecordVote(ctx context.Context, v Vote) error {
	if err := checkVote(v); err != nil {
		return fmt.Errorf("record vote on %q: %w", v.AnswerID, err)
	}
	at := s.stamp(v.At)
	err := s.writeDurable(ctx, func(tx txn) error {
		_, err := tx.ExecContext(ctx, `
INSERT INTO votes (answer_id, user_hash, question, value, voted_at)
VALUES (?1, ?2, coalesce(nullif(?3, ''), (SELECT question FROM answers WHERE id = ?1), ''), ?4, ?5)
ON CONFLICT (answer_id, user_hash) DO UPDATE SET
	question = excluded.question, value = excluded.value, voted_at = excluded.voted_at`,
			v.AnswerID, v.UserHash, v.Question, v.Value, at)
		return err
	})
	if err != nil {
		return fmt.Errorf("record vote on %q: %w", v.AnswerID, err)
	}
	return nil
}

func checkVote(v Vote) error {
	if v.AnswerID == "" {
		return fmt.Errorf("%w: empty AnswerID", ErrInvalid)
	}
	if v.Value != 1 && v.Value != -1 {
		return fmt.Errorf("%w: value %d, want +1 or -1", ErrInvalid, v.Value)
	}
	return checkUserHash("UserHash", v.UserHash, true)
}

// Votes counts the current up and down votes on an answer.
func (s *Store) Votes(ctx context.Context, answerID string) (up, down int, err error) {
	err = s.use(func(db handle) error {
		return db.QueryRowContext(ctx, `
SELECT coalesce(`+countIf("value = 1")+`, 0), coalesce(`+countIf("value = -1")+`, 0)
FROM votes WHERE answer_id = ?`, answerID).Scan(&up, &down)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("count votes on %q: %w", answerID, err)
	}
	return up, down, nil
}

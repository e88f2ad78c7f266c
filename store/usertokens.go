package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// TakeUserToken spends one of a user's question tokens at now, or returns
// how long until one is earned: a token bucket of burst tokens (at least
// 1), one more earned every interval, full for a user never seen. A
// refusal spends nothing. Processes sharing the database share the
// buckets, each taken under the row's lock, so that a user's limit holds
// across shards and a failover. userHash must be HashUser's.
func (s *Store) TakeUserToken(ctx context.Context, userHash string, every time.Duration, burst int, now time.Time) (wait time.Duration, ok bool, err error) {
	err = s.userTokens(ctx, userHash, every, burst, now, func(tokens float64) float64 {
		if tokens < 1 {
			wait = time.Duration((1 - tokens) * float64(every)).Round(time.Millisecond)
			return tokens
		}
		ok = true
		return tokens - 1
	})
	if err != nil {
		return 0, false, fmt.Errorf("take a user token: %w", err)
	}
	if ok && rand.IntN(256) == 0 {
		s.pruneUserTokens(ctx, every, burst, now)
	}
	return wait, ok, nil
}

// RefundUserToken gives back a token taken by a question that turned out
// not to need the model.
func (s *Store) RefundUserToken(ctx context.Context, userHash string, every time.Duration, burst int, now time.Time) error {
	err := s.userTokens(ctx, userHash, every, burst, now, func(tokens float64) float64 { return tokens + 1 })
	if err != nil {
		return fmt.Errorf("refund a user token: %w", err)
	}
	return nil
}

// userTokens brings the user's bucket up to date at now, lets change set
// its tokens (capped at burst), and stores it, holding the row's lock.
func (s *Store) userTokens(ctx context.Context, userHash string, every time.Duration, burst int, now time.Time, change func(tokens float64) float64) error {
	if err := checkUserHash("user", userHash, true); err != nil {
		return err
	}
	if every <= 0 {
		return fmt.Errorf("%w: interval %v", ErrInvalid, every)
	}
	full := float64(max(burst, 1))
	ms := now.UnixMilli()
	return s.write(ctx, func(tx txn) error {
		// The no-op update takes the row's lock (PostgreSQL) before it is
		// read, so that two processes cannot both spend the last token.
		if _, err := tx.ExecContext(ctx, `
INSERT INTO user_tokens (user_hash, tokens, at_ms) VALUES (?, ?, ?)
ON CONFLICT (user_hash) DO UPDATE SET at_ms = user_tokens.at_ms`, userHash, full, ms); err != nil {
			return err
		}
		var tokens float64
		var at int64
		err := tx.QueryRowContext(ctx, `SELECT tokens, at_ms FROM user_tokens WHERE user_hash = ?`, userHash).Scan(&tokens, &at)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("user_tokens row vanished")
		}
		if err != nil {
			return err
		}
		if d := ms - at; d > 0 {
			tokens = min(full, tokens+float64(d)/float64(every.Milliseconds()))
			at = ms
		}
		tokens = min(full, change(tokens))
		_, err = tx.ExecContext(ctx, `UPDATE user_tokens SET tokens = ?, at_ms = ? WHERE user_hash = ?`, tokens, at, userHash)
		return err
	})
}

// pruneUserTokens deletes the buckets that are full again at now, which
// are the same as no row; it runs now and then after a take, so that the
// table holds about the users who asked within burst × interval.
func (s *Store) pruneUserTokens(ctx context.Context, every time.Duration, burst int, now time.Time) {
	_ = s.write(ctx, func(tx txn) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM user_tokens WHERE tokens + (? - at_ms) * 1.0 / ? >= ?`,
			now.UnixMilli(), every.Milliseconds(), float64(max(burst, 1)))
		return err
	})
}

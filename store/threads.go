package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Roles of a Turn.
const (
	RoleUser      = "user"
	RoleAssistant = "assistant"
)

// Thread is a Discord thread the bot started; it is one conversation.
type Thread struct {
	ThreadID        string
	ParentChannelID string
	GuildID         string
	StarterUserHash string    // HashUser of who started it; empty if none
	At              time.Time // zero means now
}

// Turn is one message of a conversation.
type Turn struct {
	Role string // RoleUser or RoleAssistant
	Text string
	At   time.Time // zero means now
}

// LinkThread records that t is a conversation. Linking a thread again keeps
// the first record: a thread's starter does not change.
func (s *Store) LinkThread(ctx context.Context, t Thread) error {
	if t.ThreadID == "" {
		return fmt.Errorf("link thread: %w: empty ThreadID", ErrInvalid)
	}
	if err := checkUserHash("StarterUserHash", t.StarterUserHash, false); err != nil {
		return fmt.Errorf("link thread %q: %w", t.ThreadID, err)
	}
	at := s.stamp(t.At)
	err := s.writeDurable(ctx, func(tx txn) error {
		_, err := tx.ExecContext(ctx, `
INSERT INTO threads (thread_id, parent_channel_id, guild_id, starter_user_hash, created_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (thread_id) DO NOTHING`,
			t.ThreadID, t.ParentChannelID, t.GuildID, t.StarterUserHash, at)
		return err
	})
	if err != nil {
		return fmt.Errorf("link thread %q: %w", t.ThreadID, err)
	}
	return nil
}

// Thread returns the thread linked as threadID; ok is false if there is none.
func (s *Store) Thread(ctx context.Context, threadID string) (t Thread, ok bool, err error) {
	var at string
	err = s.use(func(db handle) error {
		return db.QueryRowContext(ctx, `
SELECT thread_id, parent_channel_id, guild_id, starter_user_hash, created_at
FROM threads WHERE thread_id = ?`, threadID).Scan(
			&t.ThreadID, &t.ParentChannelID, &t.GuildID, &t.StarterUserHash, &at)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return Thread{}, false, nil
	}
	if err == nil {
		t.At, err = parseTime(at)
	}
	if err != nil {
		return Thread{}, false, fmt.Errorf("load thread %q: %w", threadID, err)
	}
	return t, true, nil
}

// AppendTurns adds turns to a linked thread, in order, and drops the oldest
// so that at most Config.MaxTurns remain, all in one transaction. An unlinked
// thread is ErrNotFound.
func (s *Store) AppendTurns(ctx context.Context, threadID string, turns ...Turn) error {
	for i, t := range turns {
		if t.Role != RoleUser && t.Role != RoleAssistant {
			return fmt.Errorf("append turns to %q: %w: turn %d has role %q", threadID, ErrInvalid, i, t.Role)
		}
	}
	if len(turns) == 0 {
		return nil
	}
	err := s.writeDurable(ctx, func(tx txn) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM threads WHERE thread_id = ?`, threadID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		for _, t := range turns {
			if _, err := tx.ExecContext(ctx, `INSERT INTO turns (thread_id, role, text, created_at) VALUES (?, ?, ?, ?)`,
				threadID, t.Role, t.Text, s.stamp(t.At)); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `
DELETE FROM turns WHERE thread_id = ?1 AND id NOT IN (
	SELECT id FROM turns WHERE thread_id = ?1 ORDER BY id DESC LIMIT ?2)`,
			threadID, s.maxTurns)
		return err
	})
	if err != nil {
		return fmt.Errorf("append turns to %q: %w", threadID, err)
	}
	return nil
}

// Turns returns the newest n turns of a thread, oldest first; n <= 0 means
// all that are kept. An unknown thread has no turns.
func (s *Store) Turns(ctx context.Context, threadID string, n int) ([]Turn, error) {
	if n <= 0 {
		n = math.MaxInt32 // all: both databases take a number here
	}
	var turns []Turn
	err := s.read(ctx, func(tx txn) error {
		rows, err := tx.QueryContext(ctx, `
SELECT role, text, created_at FROM turns WHERE thread_id = ? ORDER BY id DESC LIMIT ?`, threadID, n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t Turn
			var at string
			if err := rows.Scan(&t.Role, &t.Text, &at); err != nil {
				return err
			}
			if t.At, err = parseTime(at); err != nil {
				return err
			}
			turns = append(turns, t)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("load turns of %q: %w", threadID, err)
	}
	slices.Reverse(turns)
	return turns, nil
}

// ClearTurns forgets a conversation's turns, so that the next question
// starts a new one; the conversation stays linked.
func (s *Store) ClearTurns(ctx context.Context, threadID string) error {
	err := s.write(ctx, func(tx txn) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM turns WHERE thread_id = ?`, threadID)
		return err
	})
	if err != nil {
		return fmt.Errorf("clear turns of %q: %w", threadID, err)
	}
	return nil
}

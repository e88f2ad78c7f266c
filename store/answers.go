package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Kinds of Answer.
const (
	KindAnswer   = "answer"
	KindSummary  = "summary"
	KindBriefing = "briefing"
)

// Answer is a message the bot posted, kept so that its buttons ("Show
// passage [n]", votes) still work after a restart.
type Answer struct {
	ID        string // the bot's ID for the answer, e.g. the Discord message ID
	Kind      string // KindAnswer, KindSummary or KindBriefing
	Question  string // the question or topic; may be empty
	Text      string
	GuildID   string // empty in DMs
	ChannelID string
	UserHash  string // HashUser of the asker; empty if none
	Abstained bool   // the corpus did not answer the question
	Sources   []SourceRef
	At        time.Time // zero means now; stored to the millisecond, in UTC
}

// SourceRef is citation [N]: passages Passage to LastPassage of document
// DocID.
type SourceRef struct {
	N       int // 1-based, unique within an answer
	DocID   string
	Passage int
	// LastPassage ends a block of adjacent passages cited as one; a value
	// below Passage (answers recorded before blocks were) means Passage.
	LastPassage int
	Quote       string // the verified quote of a claim citing it; "" if none
}

// RecordAnswer stores a, with its sources, in one transaction. Recording an
// ID again replaces the earlier answer and its sources, so a retry is safe.
func (s *Store) RecordAnswer(ctx context.Context, a Answer) error {
	if err := checkAnswer(a); err != nil {
		return fmt.Errorf("record answer %q: %w", a.ID, err)
	}
	at := s.stamp(a.At)
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
INSERT INTO answers (id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
	kind = excluded.kind, question = excluded.question, text = excluded.text,
	guild_id = excluded.guild_id, channel_id = excluded.channel_id, user_hash = excluded.user_hash,
	abstained = excluded.abstained, created_at = excluded.created_at`,
			a.ID, a.Kind, a.Question, a.Text, a.GuildID, a.ChannelID, a.UserHash, a.Abstained, at)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM answer_sources WHERE answer_id = ?`, a.ID); err != nil {
			return err
		}
		for _, src := range a.Sources {
			if _, err := tx.ExecContext(ctx, `INSERT INTO answer_sources (answer_id, n, doc_id, passage, last_passage, quote) VALUES (?, ?, ?, ?, ?, ?)`,
				a.ID, src.N, src.DocID, src.Passage, src.LastPassage, src.Quote); err != nil {
				return fmt.Errorf("source [%d]: %w", src.N, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record answer %q: %w", a.ID, err)
	}
	return nil
}

func checkAnswer(a Answer) error {
	if a.ID == "" {
		return fmt.Errorf("%w: empty ID", ErrInvalid)
	}
	switch a.Kind {
	case KindAnswer, KindSummary, KindBriefing:
	default:
		return fmt.Errorf("%w: kind %q", ErrInvalid, a.Kind)
	}
	return checkUserHash("UserHash", a.UserHash, false)
}

// Answer returns the answer recorded under id; ok is false if there is none.
func (s *Store) Answer(ctx context.Context, id string) (a Answer, ok bool, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		var at string
		err := tx.QueryRowContext(ctx, `
SELECT id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at
FROM answers WHERE id = ?`, id).Scan(
			&a.ID, &a.Kind, &a.Question, &a.Text, &a.GuildID, &a.ChannelID, &a.UserHash, &a.Abstained, &at)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		ok = true
		if a.At, err = parseTime(at); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT n, doc_id, passage, coalesce(last_passage, passage), quote FROM answer_sources WHERE answer_id = ? ORDER BY n`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var src SourceRef
			if err := rows.Scan(&src.N, &src.DocID, &src.Passage, &src.LastPassage, &src.Quote); err != nil {
				return err
			}
			a.Sources = append(a.Sources, src)
		}
		return rows.Err()
	})
	if err != nil {
		return Answer{}, false, fmt.Errorf("load answer %q: %w", id, err)
	}
	return a, ok, nil
}

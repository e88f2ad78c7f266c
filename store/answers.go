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

// Outcomes of an Answer.
const (
	OutcomeAnswered  = "answered"
	OutcomeAbstained = "abstained" // the corpus did not cover the question
	OutcomeFailed    = "failed"    // an error took the answer's place
)

// Kinds of channel an Answer was asked in.
const (
	ChannelDM     = "dm"
	ChannelGuild  = "channel" // a server's text channel
	ChannelThread = "thread"
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

	// What the dashboard reports; zero values mean unknown.

	// Outcome is OutcomeAnswered, OutcomeAbstained or OutcomeFailed; ""
	// takes it from Abstained. A failed answer has no text or sources.
	Outcome string
	// Failure classes a failed answer's error ("timeout", "unavailable",
	// …); never the error's text, which may quote the question.
	Failure          string
	Lang             string        // the question's language, ISO 639-1
	Latency          time.Duration // from the question to the final text
	PromptTokens     int
	CompletionTokens int
	Unverified       int      // sentences marked unverified
	Weak             int      // sentences marked weakly supported
	ChannelKind      string   // ChannelDM, ChannelGuild or ChannelThread
	Nearest          []string // IDs of the documents an abstention came closest to
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
	// As the answer showed it; optional.
	Title              string
	LineStart, LineEnd int
}

// RecordAnswer stores a, with its sources, in one transaction. Recording an
// ID again replaces the earlier answer and its sources, so a retry is safe.
func (s *Store) RecordAnswer(ctx context.Context, a Answer) error {
	if err := checkAnswer(a); err != nil {
		return fmt.Errorf("record answer %q: %w", a.ID, err)
	}
	if err := s.write(ctx, func(tx txn) error { return s.insertAnswer(ctx, tx, a) }); err != nil {
		return fmt.Errorf("record answer %q: %w", a.ID, err)
	}
	return nil
}

// RecordAnswers stores several answers in one transaction, as RecordAnswer
// would one by one: for imports, and to fill a database for benchmarks.
// Nothing is stored if one of them is refused.
func (s *Store) RecordAnswers(ctx context.Context, as []Answer) error {
	for _, a := range as {
		if err := checkAnswer(a); err != nil {
			return fmt.Errorf("record answer %q: %w", a.ID, err)
		}
	}
	err := s.write(ctx, func(tx txn) error {
		for _, a := range as {
			if err := s.insertAnswer(ctx, tx, a); err != nil {
				return fmt.Errorf("answer %q: %w", a.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record %d answers: %w", len(as), err)
	}
	return nil
}

// insertAnswer writes a checked answer in tx, replacing one with its ID.
func (s *Store) insertAnswer(ctx context.Context, tx txn, a Answer) error {
	outcome := outcomeOf(a)
	var latency sql.NullInt64
	if a.Latency > 0 {
		latency = sql.NullInt64{Int64: a.Latency.Milliseconds(), Valid: true}
	}
	// Replaced, not updated, so the daily roll-ups the triggers keep
	// subtract the old answer (and its sources, deleted first while its day
	// can still be read) and add the new one.
	if _, err := tx.ExecContext(ctx, `DELETE FROM answers WHERE id = ?`, a.ID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `
INSERT INTO answers (id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at,
	outcome, failure, lang, latency_ms, prompt_tokens, completion_tokens, unverified, weak, channel_kind, question_key)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Kind, a.Question, a.Text, a.GuildID, a.ChannelID, a.UserHash, boolInt(outcome == OutcomeAbstained), s.stamp(a.At),
		outcome, a.Failure, a.Lang, latency, a.PromptTokens, a.CompletionTokens, a.Unverified, a.Weak, a.ChannelKind, questionKey(a.Question))
	if err != nil {
		return err
	}
	for _, src := range a.Sources {
		if _, err := tx.ExecContext(ctx, `
INSERT INTO answer_sources (answer_id, n, doc_id, passage, last_passage, quote, title, line_start, line_end)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, src.N, src.DocID, src.Passage, src.LastPassage, src.Quote, src.Title, src.LineStart, src.LineEnd); err != nil {
			return fmt.Errorf("source [%d]: %w", src.N, err)
		}
	}
	for i, doc := range a.Nearest {
		if _, err := tx.ExecContext(ctx, `INSERT INTO answer_nearest (answer_id, rank, doc_id) VALUES (?, ?, ?)`,
			a.ID, i+1, doc); err != nil {
			return fmt.Errorf("nearest document %d: %w", i+1, err)
		}
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
	switch a.Outcome {
	case "", OutcomeAnswered, OutcomeAbstained, OutcomeFailed:
	default:
		return fmt.Errorf("%w: outcome %q", ErrInvalid, a.Outcome)
	}
	if a.Outcome != "" && a.Abstained != (a.Outcome == OutcomeAbstained) {
		return fmt.Errorf("%w: outcome %q with Abstained %v", ErrInvalid, a.Outcome, a.Abstained)
	}
	switch a.ChannelKind {
	case "", ChannelDM, ChannelGuild, ChannelThread:
	default:
		return fmt.Errorf("%w: channel kind %q", ErrInvalid, a.ChannelKind)
	}
	if a.Latency < 0 || a.PromptTokens < 0 || a.CompletionTokens < 0 || a.Unverified < 0 || a.Weak < 0 {
		return fmt.Errorf("%w: negative latency, tokens or marks", ErrInvalid)
	}
	return checkUserHash("UserHash", a.UserHash, false)
}

// boolInt is b as the 0 or 1 an INTEGER column holds in both databases.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// outcomeOf is a.Outcome, or what Abstained says when it is not set.
func outcomeOf(a Answer) string {
	switch {
	case a.Outcome != "":
		return a.Outcome
	case a.Abstained:
		return OutcomeAbstained
	default:
		return OutcomeAnswered
	}
}

// Answer returns the answer recorded under id; ok is false if there is none.
func (s *Store) Answer(ctx context.Context, id string) (a Answer, ok bool, err error) {
	err = s.read(ctx, func(tx txn) error {
		var at string
		var latency sql.NullInt64
		err := tx.QueryRowContext(ctx, `
SELECT id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at,
	outcome, failure, lang, latency_ms, prompt_tokens, completion_tokens, unverified, weak, channel_kind
FROM answers WHERE id = ?`, id).Scan(
			&a.ID, &a.Kind, &a.Question, &a.Text, &a.GuildID, &a.ChannelID, &a.UserHash, &a.Abstained, &at,
			&a.Outcome, &a.Failure, &a.Lang, &latency, &a.PromptTokens, &a.CompletionTokens, &a.Unverified, &a.Weak, &a.ChannelKind)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		ok = true
		a.Latency = time.Duration(latency.Int64) * time.Millisecond
		if a.At, err = parseTime(at); err != nil {
			return err
		}
		if a.Sources, err = answerSources(ctx, tx, id); err != nil {
			return err
		}
		a.Nearest, err = answerNearest(ctx, tx, id)
		return err
	})
	if err != nil {
		return Answer{}, false, fmt.Errorf("load answer %q: %w", id, err)
	}
	return a, ok, nil
}

func answerSources(ctx context.Context, tx txn, id string) ([]SourceRef, error) {
	rows, err := tx.QueryContext(ctx, `
SELECT n, doc_id, passage, coalesce(last_passage, passage), quote, title, line_start, line_end
FROM answer_sources WHERE answer_id = ? ORDER BY n`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SourceRef
	for rows.Next() {
		var src SourceRef
		if err := rows.Scan(&src.N, &src.DocID, &src.Passage, &src.LastPassage, &src.Quote, &src.Title, &src.LineStart, &src.LineEnd); err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	return out, rows.Err()
}

func answerNearest(ctx context.Context, tx txn, id string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT doc_id FROM answer_nearest WHERE answer_id = ? ORDER BY rank`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		out = append(out, doc)
	}
	return out, rows.Err()
}

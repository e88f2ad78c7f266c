package store

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// DefaultRetainDays is how long questions and answers are kept when the
// operator does not say.
const DefaultRetainDays = 180

// Pruned counts what Prune deleted.
type Pruned struct {
	Answers int // answers, with their sources and nearest documents
	Votes   int
	Turns   int // conversation turns
}

// pruneBatch bounds one delete transaction, so the bot's own writes never
// wait long behind a prune.
const pruneBatch = 2000

// Prune deletes the questions and answers recorded before cutoff: answers
// (their sources and nearest documents go with them), votes and the turns
// of conversations. Briefing history stays: it holds no question, and it
// keeps briefings from repeating themselves.
func (s *Store) Prune(ctx context.Context, cutoff time.Time) (Pruned, error) {
	c := formatTime(cutoff)
	var p Pruned
	for _, step := range []struct {
		n     *int
		query string
	}{
		{&p.Answers, `DELETE FROM answers WHERE id IN (SELECT id FROM answers WHERE created_at < ? LIMIT ?)`},
		{&p.Votes, `DELETE FROM votes WHERE (answer_id, user_hash) IN (
	SELECT answer_id, user_hash FROM votes WHERE voted_at < ? LIMIT ?)`},
		{&p.Turns, `DELETE FROM turns WHERE id IN (SELECT id FROM turns WHERE created_at < ? LIMIT ?)`},
	} {
		for {
			var n int64
			err := s.write(ctx, func(tx txn) error {
				res, err := tx.ExecContext(ctx, step.query, c, pruneBatch)
				if err != nil {
					return err
				}
				n, err = res.RowsAffected()
				return err
			})
			if err != nil {
				return p, fmt.Errorf("prune before %s: %w", c, err)
			}
			*step.n += int(n)
			if n < pruneBatch {
				break
			}
		}
	}
	return p, nil
}

// RetainDays runs Prune at once and then every day until ctx ends, each
// time deleting what is older than days days. Errors are logged, not
// returned: the next day tries again.
func (s *Store) RetainDays(ctx context.Context, days int, log *slog.Logger) {
	if days <= 0 {
		return
	}
	if log == nil {
		log = s.log
	}
	t := time.NewTicker(24 * time.Hour)
	defer t.Stop()
	for {
		cutoff := time.Now().AddDate(0, 0, -days)
		p, err := s.Prune(ctx, cutoff)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("deleting old questions and answers failed", "retain_days", days, "error", err)
		case p != Pruned{}:
			log.Info("deleted old questions and answers", "retain_days", days, "before", cutoff.UTC().Format(time.DateOnly),
				"answers", p.Answers, "votes", p.Votes, "turns", p.Turns)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// questionKey is the text by which the coverage gaps know a question asked
// again: the same words, ignoring case and surrounding space. The empty key
// is no question.
func questionKey(q string) string { return strings.ToLower(strings.TrimSpace(q)) }

// rekeyQuestions gives the answers stored before migration 006 their
// question_key as questionKey makes it, once: the migration could only
// fold ASCII letters, as SQL's lower() does, and left the meta row
// rekey_questions to ask for this. A changed key moves its answer to the
// right question in gap_questions (the trigger gap_answers_rekey).
func rekeyQuestions(ctx context.Context, d *dialect, db *sql.DB) error {
	err := inTx(ctx, d, db, nil, func(tx txn) error {
		if d == postgresDialect {
			// Processes starting together take turns, as with migrations.
			if _, err := tx.ExecContext(ctx, migrateLock); err != nil {
				return err
			}
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM meta WHERE key = 'rekey_questions'`).Scan(&n); err != nil || n == 0 {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, question, question_key FROM answers WHERE kind = 'answer'`)
		if err != nil {
			return err
		}
		defer rows.Close()
		type rekey struct{ id, key string }
		var changed []rekey
		for rows.Next() {
			var id, q, key string
			if err := rows.Scan(&id, &q, &key); err != nil {
				return err
			}
			if k := questionKey(q); k != key {
				changed = append(changed, rekey{id, k})
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		for _, c := range changed {
			if _, err := tx.ExecContext(ctx, `UPDATE answers SET question_key = ? WHERE id = ?`, c.key, c.id); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'rekey_questions'`)
		return err
	})
	if err != nil {
		return fmt.Errorf("key the stored questions: %w", err)
	}
	return nil
}

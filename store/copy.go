package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// copyTables are the tables CopyInto copies, parents before children. The
// daily roll-ups and SQLite's search table are not among them: the
// destination's triggers rebuild them from the answers as they arrive.
// Leases are not either: who leads is a running process's business.
var copyTables = []string{
	"meta", "documents",
	"answers", "answer_sources", "answer_nearest", "votes",
	"threads", "turns",
	"briefings", "briefing_plan", "briefing_parts", "briefing_points", "briefing_point_sources", "briefing_failures",
}

// notCopied are the tables CopyInto leaves out, and why: rebuilt by the
// destination, or the running processes' own (a test checks that every
// table is in one list or the other).
var notCopied = map[string]string{
	"schema_migrations": "the destination's own",
	"answer_days":       "rebuilt by the triggers",
	"latency_days":      "rebuilt by the triggers",
	"doc_days":          "rebuilt by the triggers",
	"gap_questions":     "rebuilt by the triggers",
	"answers_fts":       "SQLite's search table, kept by triggers",
	"leases":            "who leads is the running processes' business",
	"user_tokens":       "rate-limit allowances, refilled within minutes",
}

// identityTables have an id the database numbers; after a copy of explicit
// ids the numbering must continue past them.
var identityTables = []string{"turns", "briefings", "briefing_failures"}

// ErrNotEmpty reports a copy into a database that already holds state.
var ErrNotEmpty = errors.New("the destination already holds answers, votes, conversations or briefings")

// Copied counts the rows CopyInto copied, by table.
type Copied map[string]int

// CopyInto copies everything s holds into dst, which must hold nothing yet
// (a new database, just opened): answers with their sources, votes,
// conversations, briefing history, documents, and the salt of the user
// hashes, so that a user hashes alike in both. The roll-ups are rebuilt by
// dst's triggers. It is how a deployment moves from its SQLite file to
// PostgreSQL (corpusbot copy-state), in one transaction of dst: all or
// nothing.
func (s *Store) CopyInto(ctx context.Context, dst *Store) (Copied, error) {
	if s == dst {
		return nil, fmt.Errorf("copy the state: %w: source and destination are one store", ErrInvalid)
	}
	copied := Copied{}
	err := dst.write(ctx, func(tx txn) error {
		clear(copied)
		for _, t := range []string{"answers", "votes", "threads", "briefings"} {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return fmt.Errorf("%w (%d rows in %s)", ErrNotEmpty, n, t)
			}
		}
		// The salt dst made at its first open gives way to s's.
		if _, err := tx.ExecContext(ctx, `DELETE FROM meta`); err != nil {
			return err
		}
		return s.read(ctx, func(src txn) error {
			for _, table := range copyTables {
				n, err := copyTable(ctx, src, tx, table)
				if err != nil {
					return fmt.Errorf("copy %s: %w", table, err)
				}
				copied[table] = n
			}
			for _, table := range identityTables {
				if dst.d.resetIdentity == nil {
					break
				}
				if _, err := tx.ExecContext(ctx, dst.d.resetIdentity(table)); err != nil {
					return fmt.Errorf("continue the ids of %s: %w", table, err)
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("copy the state of %s into %s: %w", s.where, dst.where, err)
	}
	salt, err := loadSalt(ctx, dst.d, dst.db, dst.log, dst.where)
	if err != nil {
		return copied, err
	}
	dst.mu.Lock()
	dst.salt = salt
	dst.mu.Unlock()
	return copied, nil
}

// copyTable copies the rows of table from src to dst, many rows to a
// statement, and returns how many.
func copyTable(ctx context.Context, src, dst txn, table string) (int, error) {
	rows, err := src.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	perStatement := max(1, 1000/len(cols))
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	head := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES `
	var batch []any
	n, inBatch := 0, 0
	flush := func() error {
		if inBatch == 0 {
			return nil
		}
		q := head + strings.TrimSuffix(strings.Repeat(row+", ", inBatch), ", ")
		_, err := dst.ExecContext(ctx, q, batch...)
		batch, inBatch = batch[:0], 0
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		batch = append(batch, vals...)
		inBatch++
		n++
		if inBatch == perStatement {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	return n, flush()
}

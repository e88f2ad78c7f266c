package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// DocInfo describes one document of a corpus load.
type DocInfo struct {
	ID       string
	Title    string
	Lang     string
	Passages int
	Hash     string // of the document's text: a new hash marks a change
}

// SyncDocuments records a load of the corpus made at (zero means now):
// documents new or with a new hash are marked changed at that time, and
// documents missing from docs are marked removed. It returns how many were
// added, changed and removed.
func (s *Store) SyncDocuments(ctx context.Context, docs []DocInfo, at time.Time) (added, changed, removed int, err error) {
	for _, d := range docs {
		if d.ID == "" {
			return 0, 0, 0, fmt.Errorf("sync documents: %w: a document without an ID", ErrInvalid)
		}
	}
	now := s.stamp(at)
	err = s.write(ctx, func(tx txn) error {
		added, changed, removed = 0, 0, 0 // a transaction run again counts afresh
		// The IDs of this load, to mark the others removed.
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS loaded_docs (doc_id TEXT PRIMARY KEY)`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM loaded_docs`); err != nil {
			return err
		}
		for _, d := range docs {
			var hash string
			var gone bool
			err := tx.QueryRowContext(ctx, `SELECT hash, removed_at IS NOT NULL FROM documents WHERE doc_id = ?`, d.ID).Scan(&hash, &gone)
			switch {
			case err == sql.ErrNoRows:
				added++
				_, err = tx.ExecContext(ctx, `
INSERT INTO documents (doc_id, title, lang, passages, hash, first_seen, loaded_at, changed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, d.ID, d.Title, d.Lang, d.Passages, d.Hash, now, now, now)
			case err != nil:
			case hash != d.Hash || gone:
				changed++
				_, err = tx.ExecContext(ctx, `
UPDATE documents SET title = ?, lang = ?, passages = ?, hash = ?, loaded_at = ?, changed_at = ?, removed_at = NULL
WHERE doc_id = ?`, d.Title, d.Lang, d.Passages, d.Hash, now, now, d.ID)
			default:
				_, err = tx.ExecContext(ctx, `UPDATE documents SET title = ?, lang = ?, passages = ?, loaded_at = ? WHERE doc_id = ?`,
					d.Title, d.Lang, d.Passages, now, d.ID)
			}
			if err != nil {
				return fmt.Errorf("document %q: %w", d.ID, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO loaded_docs (doc_id) VALUES (?) ON CONFLICT DO NOTHING`, d.ID); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `
UPDATE documents SET removed_at = ?
WHERE removed_at IS NULL AND doc_id NOT IN (SELECT doc_id FROM loaded_docs)`, now)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		removed = int(n)
		return err
	})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("sync documents: %w", err)
	}
	return added, changed, removed, nil
}

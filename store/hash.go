package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log/slog"
)

const (
	saltKey = "user_hash_salt"
	saltLen = 32
	// hashLen is the length of HashUser's result in hex digits (128 bits).
	hashLen = 32
)

// loadSalt returns the database's user-hash salt, generating it on first
// open. The salt never leaves the database, so hashes cannot be reversed by
// hashing every Discord ID without it.
func loadSalt(ctx context.Context, d *dialect, db *sql.DB, log *slog.Logger, path string) ([]byte, error) {
	fresh := make([]byte, saltLen)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("generate salt: %w", err)
	}
	var stored string
	created := false
	err := inTx(ctx, d, db, nil, func(tx txn) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
			saltKey, hex.EncodeToString(fresh))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		created = n == 1
		return tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, saltKey).Scan(&stored)
	})
	if err != nil {
		return nil, fmt.Errorf("load salt: %w", err)
	}
	salt, err := hex.DecodeString(stored)
	if err != nil || len(salt) < 16 {
		return nil, fmt.Errorf("load salt: meta %s is not a hex salt of at least 16 bytes", saltKey)
	}
	if created {
		log.InfoContext(ctx, "generated user-hash salt", "path", path)
	}
	return salt, nil
}

// HashUser returns the pseudonym stored in place of a Discord user ID: the
// first 32 hex digits of HMAC-SHA256 keyed with this database's salt. It is
// stable for the life of the database file and differs between files.
func (s *Store) HashUser(userID string) string {
	s.mu.RLock()
	m := hmac.New(sha256.New, s.salt)
	s.mu.RUnlock()
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil))[:hashLen]
}

// checkUserHash rejects anything but a HashUser result, so a raw Discord ID
// passed by mistake is refused instead of stored.
func checkUserHash(field, h string, required bool) error {
	if h == "" {
		if required {
			return fmt.Errorf("%w: %s is empty", ErrInvalid, field)
		}
		return nil
	}
	if len(h) != hashLen {
		return fmt.Errorf("%w: %s is not a HashUser result", ErrInvalid, field)
	}
	for _, c := range h {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return fmt.Errorf("%w: %s is not a HashUser result", ErrInvalid, field)
		}
	}
	return nil
}

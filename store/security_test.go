package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corpusbot/secret"
)

// Security claims of docs/security.md about the state file: it is private
// to the bot's user, and it never holds a raw Discord user ID.

// TestSecurityDatabaseFilesArePrivate: a new DATA_DIR is created 0700 and
// the database, with its -wal and -shm companions, 0600.
func TestSecurityDatabaseFilesArePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "data")
	s := openDir(t, dir)
	ctx := context.Background()
	// A write, so that SQLite has made its WAL and shared-memory files.
	if err := s.RecordVote(ctx, Vote{AnswerID: "a1", UserHash: s.HashUser("80351110224678912"), Value: 1}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, filepath.Dir(dir)} {
		fi, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != 0o700 {
			t.Errorf("%s: mode %v, want 0700", d, got)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		seen[e.Name()] = true
		if got := fi.Mode().Perm(); got&0o077 != 0 {
			t.Errorf("%s: mode %v, want no access for group or others", e.Name(), got)
		}
	}
	for _, name := range []string{FileName, FileName + "-wal", FileName + "-shm"} {
		if !seen[name] {
			t.Errorf("%s not found in %s (files: %v): the test no longer checks it", name, dir, seen)
		}
	}
}

// TestSecurityRawUserIDsAreRefused: every write that records a user takes
// a HashUser result and refuses a raw Discord ID given by mistake.
func TestSecurityRawUserIDsAreRefused(t *testing.T) { eachBackend(t, testSecurityRawUserIDsAreRefused) }

func testSecurityRawUserIDsAreRefused(t *testing.T, b backend) {
	s := openTest(t, b)
	ctx := context.Background()
	const raw = "80351110224678912"
	writes := map[string]func(user string) error{
		"vote": func(u string) error { return s.RecordVote(ctx, Vote{AnswerID: "a1", UserHash: u, Value: 1}) },
		"answer": func(u string) error {
			return s.RecordAnswer(ctx, Answer{ID: "a1", Kind: "answer", Question: "q", Text: "t", ChannelID: "1", UserHash: u})
		},
		"thread": func(u string) error {
			return s.LinkThread(ctx, Thread{ThreadID: "t1", ParentChannelID: "1", GuildID: "2", StarterUserHash: u})
		},
	}
	for name, write := range writes {
		if err := write(raw); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s with a raw user ID: got %v, want ErrInvalid", name, err)
		}
	}
	if n := countRows(t, s, `SELECT (SELECT count(*) FROM votes) + (SELECT count(*) FROM answers) + (SELECT count(*) FROM threads)`); n != 0 {
		t.Errorf("%d rows written, want none", n)
	}
	// The same writes with the pseudonym succeed: the ID was the problem.
	for name, write := range writes {
		if err := write(s.HashUser(raw)); err != nil {
			t.Errorf("%s with HashUser: %v", name, err)
		}
	}
}

// TestSecurityUserHashNeedsTheSalt: the pseudonym is keyed with the
// database's random salt, so it cannot be recomputed from a Discord ID
// alone (plain SHA-256, or HMAC with an empty key), and it does not contain
// the ID.
func TestSecurityUserHashNeedsTheSalt(t *testing.T) { eachBackend(t, testSecurityUserHashNeedsTheSalt) }

func testSecurityUserHashNeedsTheSalt(t *testing.T, b backend) {
	s := openTest(t, b)
	const id = "80351110224678912"
	h := s.HashUser(id)
	plain := sha256.Sum256([]byte(id))
	empty := hmac.New(sha256.New, nil)
	empty.Write([]byte(id))
	for name, guess := range map[string]string{
		"sha256":         hex.EncodeToString(plain[:]),
		"hmac empty key": hex.EncodeToString(empty.Sum(nil)),
	} {
		if strings.HasPrefix(guess, h) {
			t.Errorf("HashUser(%s) = %s equals %s of the ID", id, h, name)
		}
	}
	if strings.Contains(h, id) {
		t.Errorf("HashUser(%s) = %s contains the ID", id, h)
	}
	var salt string
	if err := raw(s).QueryRowContext(context.Background(), `SELECT value FROM meta WHERE key = ?`, saltKey).Scan(&salt); err != nil {
		t.Fatal(err)
	}
	if b, err := hex.DecodeString(salt); err != nil || len(b) < 32 {
		t.Errorf("salt %q: want at least 32 random bytes in hex", salt)
	}
}

// TestSecurityDatabaseURLCredentialsStayOutOfErrors: a DATABASE_URL's
// password, in its user info or its query, is in no error Open returns nor
// in any log line it writes, whether the URL is refused or the server is
// not there.
func TestSecurityDatabaseURLCredentialsStayOutOfErrors(t *testing.T) {
	for _, u := range []string{
		// Port 1 on loopback: nothing listens, the connection is refused.
		"postgres://bob:hunter2@127.0.0.1:1/corpusbot?sslmode=disable&connect_timeout=2",
		"postgres://bob@127.0.0.1:1/corpusbot?sslmode=disable&password=hunter2&connect_timeout=2",
		"postgres://bob:hunter2@127.0.0.1:1/corpusbot?sslmode=nonsense",
		"postgres://bob:hunter2@127.0.0.1:x/corpusbot",
	} {
		var logs strings.Builder
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		s, err := Open(ctx, Config{DatabaseURL: u, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		cancel()
		if err == nil {
			s.Close()
			t.Fatalf("Open(%s) succeeded with nothing listening", secret.RedactURL(u))
		}
		if strings.Contains(err.Error(), "hunter2") || strings.Contains(logs.String(), "hunter2") {
			t.Errorf("the password shows:\nerror: %v\nlogs: %s", err, logs.String())
		}
		if !strings.Contains(err.Error(), "127.0.0.1") {
			t.Errorf("the error does not say which server: %v", err)
		}
	}
}

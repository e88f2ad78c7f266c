package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// recorder is an Observer that remembers what it heard.
type recorder struct {
	mu     sync.Mutex
	kinds  map[string]int
	states []string
}

func (r *recorder) StoreError(kind string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.kinds == nil {
		r.kinds = map[string]int{}
	}
	r.kinds[kind]++
}

func (r *recorder) SetStore(state, _ string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.states = append(r.states, state)
}

func (r *recorder) count(kind string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.kinds[kind]
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// openWatched opens a store in dir with an observer and a log, without the
// background check (the tests call Check).
func openWatched(t *testing.T, dir string) (*Store, *recorder, *lockedBuffer) {
	t.Helper()
	rec, logs := &recorder{}, &lockedBuffer{}
	s, err := Open(context.Background(), Config{
		Dir: dir, Observer: rec, CheckInterval: -1,
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, rec, logs
}

func vote(t *testing.T, s *Store, answerID string) error {
	t.Helper()
	return s.RecordVote(context.Background(), Vote{AnswerID: answerID, UserHash: s.HashUser("42"), Value: 1})
}

func hasVote(t *testing.T, dir, answerID string) bool {
	t.Helper()
	s := openDir(t, dir)
	up, _, err := s.Votes(context.Background(), answerID)
	if err != nil {
		t.Fatal(err)
	}
	return up == 1
}

func TestDeletedDatabaseIsRestoredWithEveryAcknowledgedWrite(t *testing.T) {
	for _, name := range []string{"file", "file and log", "folder"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s, rec, logs := openWatched(t, dir)
			if err := vote(t, s, "before"); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, FileName)
			switch name {
			case "file":
				os.Remove(path)
			case "file and log":
				os.Remove(path)
				os.Remove(path + "-wal")
				os.Remove(path + "-shm")
			case "folder":
				os.RemoveAll(dir)
			}
			if err := vote(t, s, "after"); err != nil {
				t.Fatalf("vote after the deletion: %v, want it recorded in the restored file", err)
			}
			if err := vote(t, s, "later"); err != nil {
				t.Fatal(err)
			}
			if st := s.Status(); st.State != StateOK {
				t.Errorf("status %+v after the restore, want ok", st)
			}
			if rec.count(KindMissing) != 1 {
				t.Errorf("missing counted %d times, want once", rec.count(KindMissing))
			}
			if !strings.Contains(logs.String(), "deleted while running") {
				t.Errorf("the restore is not logged:\n%s", logs)
			}
			s.Close()
			for _, id := range []string{"before", "after", "later"} {
				if !hasVote(t, dir, id) {
					t.Errorf("vote %q lost across the deletion and a restart", id)
				}
			}
		})
	}
}

func TestDeletedDatabaseThatCannotBeRestoredIsNotAcknowledged(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "data")
	s, rec, logs := openWatched(t, dir)
	// The folder becomes a file: nothing can be created there.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := vote(t, s, "lost"); err == nil {
			t.Fatal("a vote was acknowledged with the database gone")
		}
	}
	if st := s.Status(); st.State != StateMissing {
		t.Errorf("status %+v, want missing", st)
	}
	if n := strings.Count(logs.String(), `msg="store: the database file is missing`); n != 1 {
		t.Errorf("the missing file is logged %d times, want once:\n%s", n, logs)
	}
	if rec.count(KindMissing) < 3 {
		t.Errorf("missing counted %d times, want every failed write", rec.count(KindMissing))
	}
	// The folder comes back: the next write restores the file.
	os.Remove(dir)
	if err := vote(t, s, "back"); err != nil {
		t.Fatalf("vote after the folder came back: %v", err)
	}
	if st := s.Status(); st.State != StateOK {
		t.Errorf("status %+v after the restore, want ok", st)
	}
}

func TestReplacedDatabaseIsUsedAndTheOldOneKept(t *testing.T) {
	dir := t.TempDir()
	s, rec, _ := openWatched(t, dir)
	if err := vote(t, s, "old"); err != nil {
		t.Fatal(err)
	}
	// An operator restores a backup that has another vote.
	other := t.TempDir()
	b := openDir(t, other)
	if err := vote(t, b, "backup"); err != nil {
		t.Fatal(err)
	}
	b.Close()
	path := filepath.Join(dir, FileName)
	if err := os.Rename(filepath.Join(other, FileName), path+".new"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".new", path); err != nil {
		t.Fatal(err)
	}
	err := vote(t, s, "during")
	if !errors.Is(err, ErrReplaced) {
		t.Fatalf("vote on the replaced file: %v, want ErrReplaced (not recorded where the bot looks)", err)
	}
	if err := vote(t, s, "new"); err != nil {
		t.Fatalf("vote after the switch: %v", err)
	}
	if rec.count(KindReplaced) != 1 {
		t.Errorf("replaced counted %d times, want once", rec.count(KindReplaced))
	}
	s.Close()
	if !hasVote(t, dir, "backup") || !hasVote(t, dir, "new") {
		t.Error("the replacement file is not the one in use")
	}
	saved, _ := filepath.Glob(path + ".replaced-*")
	if len(saved) != 1 {
		t.Fatalf("saved copies %v, want one", saved)
	}
	// The running database, with the write that found the replacement,
	// is kept for the operator.
	keep := t.TempDir()
	data, err := os.ReadFile(saved[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(keep, FileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if !hasVote(t, keep, "old") || !hasVote(t, keep, "during") {
		t.Error("the saved copy lacks the writes made before the replacement was found")
	}
}

func TestCheckFindsCorruptionAndClearsWhenRepaired(t *testing.T) {
	dir := t.TempDir()
	s, rec, logs := openWatched(t, dir)
	ctx := context.Background()
	for i := range 200 {
		if err := s.RecordAnswer(ctx, Answer{ID: "a" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)), Kind: KindAnswer, Text: strings.Repeat("text ", 100)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Check(ctx); err != nil {
		t.Fatalf("check of a sound database: %v", err)
	}
	path := filepath.Join(dir, FileName)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Garbage over pages in the middle of the file, as a bad disk or a
	// stray write would leave.
	bad := bytes.Clone(good)
	for i := 3 * 4096; i < min(len(bad), 12*4096); i++ {
		bad[i] = 0xA5
	}
	writeInPlace(t, path, bad)
	if err := s.Check(ctx); err == nil {
		t.Fatal("check passed on a damaged database")
	}
	if st := s.Status(); st.State != StateCorrupt {
		t.Errorf("status %+v, want corrupt", st)
	}
	if rec.count(KindCorrupt) == 0 {
		t.Error("corruption not counted")
	}
	if !strings.Contains(logs.String(), "damaged") {
		t.Errorf("corruption not logged:\n%s", logs)
	}
	writeInPlace(t, path, good)
	if err := s.Check(ctx); err != nil {
		t.Fatalf("check after the repair: %v", err)
	}
	if st := s.Status(); st.State != StateOK {
		t.Errorf("status %+v after the repair, want ok", st)
	}
}

// writeInPlace overwrites a file's bytes without changing its identity.
func writeInPlace(t *testing.T, path string, data []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(data, 0); err != nil {
		t.Fatal(err)
	}
}

func TestFullDiskIsOneLogLineAndClears(t *testing.T) {
	dir := t.TempDir()
	s, rec, logs := openWatched(t, dir)
	ctx := context.Background()
	// SQLite reports a page limit reached exactly as a full disk.
	s.db.SetMaxOpenConns(1)
	var pages int
	if err := s.db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 64<<10)
	for i := range 5 {
		err := s.RecordAnswer(ctx, Answer{ID: "full" + strconv.Itoa(i), Kind: KindAnswer, Text: big})
		if errKind(err) != KindFull {
			t.Fatalf("write %d on a full disk: %v, want a full error", i, err)
		}
	}
	if st := s.Status(); st.State != StateFull {
		t.Errorf("status %+v, want full", st)
	}
	if n := strings.Count(logs.String(), `msg="store: the disk is full`); n != 1 {
		t.Errorf("the full disk is logged %d times for 5 failed writes, want once:\n%s", n, logs)
	}
	if rec.count(KindFull) != 5 {
		t.Errorf("full counted %d times, want 5", rec.count(KindFull))
	}
	if _, err := s.db.Exec(`PRAGMA max_page_count = 1000000`); err != nil {
		t.Fatal(err)
	}
	if err := vote(t, s, "after"); err != nil {
		t.Fatal(err)
	}
	if st := s.Status(); st.State != StateOK {
		t.Errorf("status %+v once writes work again, want ok", st)
	}
	if !strings.Contains(logs.String(), "durable again") {
		t.Errorf("recovery not logged:\n%s", logs)
	}
}

func TestReadOnlyDatabaseDegrades(t *testing.T) {
	s, rec, _ := openWatched(t, t.TempDir())
	s.db.SetMaxOpenConns(1)
	if _, err := s.db.Exec(`PRAGMA query_only = 1`); err != nil {
		t.Fatal(err)
	}
	if err := vote(t, s, "ro"); err == nil {
		t.Fatal("a vote was acknowledged by a read-only database")
	}
	if st := s.Status(); st.State != StateReadOnly {
		t.Errorf("status %+v, want read-only", st)
	}
	if rec.count(KindReadOnly) != 1 {
		t.Errorf("read-only counted %d times", rec.count(KindReadOnly))
	}
}

// TestDamagedLogLosesNoAcknowledgedWrite damages the write-ahead log while
// the bot runs, then takes the files as a crash would leave them: every
// acknowledged vote is in them.
func TestDamagedLogLosesNoAcknowledgedWrite(t *testing.T) {
	dir := t.TempDir()
	s, _, _ := openWatched(t, dir)
	if err := vote(t, s, "one"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	wal, err := os.ReadFile(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	garbage := bytes.Repeat([]byte{0x5A}, max(len(wal), 8192))
	if err := os.WriteFile(path+"-wal", garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := vote(t, s, "two"); err != nil {
		t.Fatal(err)
	}
	// The crash image: the files as they are now, without a clean close.
	crash := t.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		copyFile(t, path+suffix, filepath.Join(crash, FileName+suffix))
	}
	for _, id := range []string{"one", "two"} {
		if !hasVote(t, crash, id) {
			t.Errorf("acknowledged vote %q lost with the damaged log", id)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
}

func TestErrKind(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{context.Canceled, ""},
		{ErrInvalid, ""},
		{ErrReplaced, KindReplaced},
		{ErrMissing, KindMissing},
		{os.ErrNotExist, KindMissing},
		{errors.New("something"), KindOther},
		// PostgreSQL, by SQLSTATE.
		{fmt.Errorf("write: %w", &pgconn.PgError{Code: "53100"}), KindFull},
		{&pgconn.PgError{Code: "25006"}, KindReadOnly},
		{&pgconn.PgError{Code: "XX001"}, KindCorrupt},
		{&pgconn.PgError{Code: "40P01"}, KindBusy},
		{&pgconn.PgError{Code: "57P01"}, KindUnavailable}, // admin_shutdown
		{&pgconn.PgError{Code: "08006"}, KindUnavailable},
		{&pgconn.PgError{Code: "23505"}, KindOther}, // unique_violation: a bug, not the database
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, KindUnavailable},
	} {
		if got := errKind(tc.err); got != tc.want {
			t.Errorf("errKind(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

// TestPostgresUnavailableIsOneStateAndClears: losing the server degrades
// the store once, and the next check that reaches it clears the state.
func TestPostgresUnavailableIsOneStateAndClears(t *testing.T) {
	ctx := context.Background()
	rec := &recorder{}
	cfg := newDB(t, postgresBackend)
	cfg.Observer, cfg.CheckInterval = rec, -1
	s := openCfg(t, cfg)
	lost := fmt.Errorf("record vote: %w", &pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"})
	for range 3 {
		s.observe(lost, true)
	}
	if st := s.Status(); st.State != StateUnavailable {
		t.Fatalf("state %+v after losing the server, want %s", st, StateUnavailable)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if st := s.Status(); st.State != StateOK {
		t.Errorf("state %+v after a check reached the server, want ok", st)
	}
	rec.mu.Lock()
	got := rec.states
	rec.mu.Unlock()
	if fmt.Sprint(got) != "[ok unavailable ok]" {
		t.Errorf("states reported %v, want [ok unavailable ok]: one change each way", got)
	}
}

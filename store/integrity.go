package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// DefaultCheckInterval is how often the background check runs when
// Config.CheckInterval is zero.
const DefaultCheckInterval = time.Minute

// States of the store, as Status and Observer.SetStore report them.
const (
	StateOK       = "ok"
	StateReadOnly = "read-only" // the file or its folder refuses writes
	StateFull     = "full"      // the disk (or SQLite's page limit) is full
	StateMissing  = "missing"   // the file is gone and could not be restored
	StateCorrupt  = "corrupt"   // PRAGMA quick_check or SQLite found damage
	// StateUnavailable (postgres.go): the PostgreSQL server cannot be reached.
)

// Kinds of store error, as Observer.StoreError counts them.
const (
	KindFull     = "full"
	KindReadOnly = "read_only"
	KindCorrupt  = "corrupt"
	KindMissing  = "missing"  // the file was deleted or could not be opened
	KindReplaced = "replaced" // another file took the database's place
	KindIO       = "io"
	KindBusy     = "busy"
	// KindUnavailable: the PostgreSQL server could not be reached.
	KindUnavailable = "unavailable"
	KindOther       = "other"
)

var (
	// ErrReplaced reports a write that went to the database the store had
	// open after another file took its place at the path. The write is
	// kept in a copy of that database (logged), but not in the new file:
	// it is not recorded where the bot will look for it.
	ErrReplaced = errors.New("the database file was replaced while running")
	// ErrMissing reports that the database file was deleted and could not
	// be restored.
	ErrMissing = errors.New("the database file is missing")
)

// Observer hears what happens to the store; *health.Monitor satisfies it.
type Observer interface {
	// StoreError counts one failed operation of the given kind.
	StoreError(kind string)
	// SetStore reports the store's state (a State constant) and, when it
	// is not ok, a one-line detail.
	SetStore(state, detail string)
}

type noObserver struct{}

func (noObserver) StoreError(string)       {}
func (noObserver) SetStore(string, string) {}

// Status is the store's health.
type Status struct {
	State  string // a State constant
	Detail string // what went wrong, when State is not StateOK
	Since  time.Time
}

type health struct {
	mu     sync.Mutex
	state  string
	detail string
	since  time.Time
}

// Status returns the store's current state.
func (s *Store) Status() Status {
	s.health.mu.Lock()
	defer s.health.mu.Unlock()
	return Status{State: s.health.state, Detail: s.health.detail, Since: s.health.since}
}

// setState records a new state. Each change is logged once, so a full disk
// is one line however many writes fail, and recovery is one line too.
func (s *Store) setState(state, detail string) {
	s.health.mu.Lock()
	changed := s.health.state != state
	if changed {
		s.health.state, s.health.detail, s.health.since = state, detail, time.Now()
	}
	s.health.mu.Unlock()
	if !changed {
		return
	}
	s.obs.SetStore(state, detail)
	if state == StateOK {
		s.log.Info("store: writes are durable again", "path", s.where)
		return
	}
	s.log.Error("store: "+stateMessage(state)+"; votes and conversations are not being recorded", "path", s.where, "state", state, "detail", detail)
}

func stateMessage(state string) string {
	switch state {
	case StateFull:
		return "the disk is full"
	case StateReadOnly:
		return "the database cannot be written (read-only)"
	case StateMissing:
		return "the database file is missing"
	case StateCorrupt:
		return "the database is damaged"
	case StateUnavailable:
		return "the database server cannot be reached"
	}
	return "the database is failing"
}

// errKind classifies a store error; "" means it is no fault of the store
// (cancelled, a caller's mistake).
func errKind(err error) string {
	var se *sqlite.Error
	switch {
	case err == nil, errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, ErrInvalid), errors.Is(err, ErrNotFound), errors.Is(err, ErrConflict), errors.Is(err, ErrFenced),
		errors.Is(err, sql.ErrNoRows):
		return ""
	case errors.Is(err, ErrReplaced):
		return KindReplaced
	case errors.Is(err, ErrMissing), errors.Is(err, os.ErrNotExist):
		return KindMissing
	case pgErrKind(err) != "":
		return pgErrKind(err)
	case errors.As(err, &se):
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return KindFull
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return KindReadOnly
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return KindCorrupt
		case sqlite3.SQLITE_CANTOPEN:
			return KindMissing
		case sqlite3.SQLITE_IOERR:
			return KindIO
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return KindBusy
		}
	}
	return KindOther
}

// observe counts err by kind and moves the state: a failed write to a full
// or read-only database degrades the store, a successful write recovers
// it. Corruption is only cleared by a passing check, and a missing file by
// a restore.
func (s *Store) observe(err error, write bool) error {
	kind := errKind(err)
	if kind != "" {
		s.obs.StoreError(kind)
	}
	switch {
	case kind == KindFull:
		s.setState(StateFull, oneLine(err))
	case kind == KindReadOnly && write:
		s.setState(StateReadOnly, oneLine(err))
	case kind == KindCorrupt:
		s.setState(StateCorrupt, oneLine(err))
	case kind == KindMissing:
		s.setState(StateMissing, oneLine(err))
	case kind == KindUnavailable:
		s.setState(StateUnavailable, oneLine(err))
	case err == nil && s.path == "" && s.Status().State == StateUnavailable:
		s.setState(StateOK, "") // the server answers again
	case err == nil && write:
		if st := s.Status().State; st == StateFull || st == StateReadOnly {
			s.setState(StateOK, "")
		}
	}
	return err
}

func oneLine(err error) string {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return msg
}

// settleLocked checks that a commit went to the file at s.path and, with
// checkpoint, makes it durable beyond the write-ahead log: the passive
// checkpoint copies the log into the database file (synced), so that a log
// damaged or deleted afterwards cannot take acknowledged writes with it.
// It never waits for readers; what it could not copy yet stays committed
// in the synced log. The caller holds s.mu shared.
func (s *Store) settleLocked(ctx context.Context, checkpoint bool) error {
	if checkpoint {
		var busy, logFrames, done int
		if err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logFrames, &done); err != nil {
			s.log.Debug("store: checkpoint failed", "error", err)
		}
	}
	return s.identityLocked()
}

// identityLocked reports ErrMissing when the file s.db has open is no
// longer at s.path, ErrReplaced when another file is, and nil otherwise.
func (s *Store) identityLocked() error {
	fi, err := os.Stat(s.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return ErrMissing
	case err != nil:
		return fmt.Errorf("%w: %w", ErrMissing, err)
	case !os.SameFile(fi, s.ident):
		return ErrReplaced
	}
	return nil
}

// repair deals with a file problem found after a commit or by a check, and
// returns what the caller's write should report: nil when the write is
// safe in the file now at s.path.
//
// A deleted file is restored from the handle still open on it (VACUUM
// INTO writes a complete copy), so nothing acknowledged is lost. A file
// replaced by another (an operator restoring a backup, say) is taken as
// the new database, after the running one is saved beside it for the
// operator: writes since the replacement are kept there, not lost, but
// the write that found it is reported as not recorded.
func (s *Store) repair(ctx context.Context, found error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	problem := s.identityLocked()
	if problem == nil {
		return nil // repaired meanwhile
	}
	if !errors.Is(problem, ErrMissing) && !errors.Is(problem, ErrReplaced) {
		return problem
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return s.failRepair(problem, err)
	}
	ctx = context.WithoutCancel(ctx) // half a repair is worse than a late one
	if errors.Is(problem, ErrMissing) {
		tmp := s.path + ".restore-" + randomSuffix()
		if err := s.copyLocked(ctx, tmp); err != nil {
			return s.failRepair(problem, err)
		}
		s.closeOldLocked()
		if err := os.Rename(tmp, s.path); err != nil {
			os.Remove(tmp)
			return s.failRepair(problem, s.reopenLocked(ctx, err))
		}
		if err := s.reopenLocked(ctx, nil); err != nil {
			return s.failRepair(problem, err)
		}
		s.log.Error("store: the database file was deleted while running; restored it with everything recorded", "path", s.path)
		s.obs.StoreError(KindMissing)
		s.setState(StateOK, "")
		return nil
	}
	saved := s.path + ".replaced-" + time.Now().UTC().Format("20060102T150405Z")
	if err := s.copyLocked(ctx, saved); err != nil {
		s.log.Error("store: could not save the replaced database", "path", saved, "error", err)
		saved = ""
	}
	s.closeOldLocked()
	if err := s.reopenLocked(ctx, nil); err != nil {
		return s.failRepair(problem, err)
	}
	s.log.Error("store: the database file was replaced while running; using the new file, the old one is saved beside it",
		"path", s.path, "saved", saved)
	if found != nil {
		// The caller's write is in the saved copy, not in the file in use.
		return fmt.Errorf("%w (the write is in %s)", ErrReplaced, saved)
	}
	s.obs.StoreError(KindReplaced)
	return nil
}

// closeOldLocked closes the handle on a file no longer at s.path, and
// removes the log and index it leaves at the path: SQLite keeps them when
// its file was unlinked, and the next file opened there would take that
// log's pages for its own.
func (s *Store) closeOldLocked() {
	s.db.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(s.path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			s.log.Warn("store: removing the old database's log", "path", s.path+suffix, "error", err)
		}
	}
}

// copyLocked writes a complete, consistent copy of the open database to
// path.
func (s *Store) copyLocked(ctx context.Context, path string) error {
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("copy database to %s: %w", path, err)
	}
	return nil
}

// reopenLocked opens the file at s.path in place of the closed handle.
// When prior is set the file could not be put back: the store reopens
// whatever is at the path so that it keeps working, and reports prior.
func (s *Store) reopenLocked(ctx context.Context, prior error) error {
	if err := s.openFile(ctx); err != nil {
		// Keep a usable (closed) handle: every use fails with a clear error.
		db, _ := sql.Open("sqlite", s.dsn)
		db.Close()
		s.db = db
		return errors.Join(prior, err)
	}
	return prior
}

func (s *Store) failRepair(problem, err error) error {
	err = fmt.Errorf("%w: %w", problem, err)
	s.setState(StateMissing, oneLine(err))
	return err
}

func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Check verifies the database: that the file at the path is the one open
// (repairing it as a write would) and that PRAGMA quick_check finds no
// damage, reading the file afresh rather than through cached pages. A
// check that passes clears a corrupt state.
func (s *Store) Check(ctx context.Context) error {
	if s.path == "" {
		return s.checkPostgres(ctx)
	}
	s.mu.RLock()
	problem := s.identityLocked()
	s.mu.RUnlock()
	if problem != nil {
		if err := s.repair(ctx, nil); err != nil {
			return s.observe(fmt.Errorf("check store: %w", err), false)
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	// A fresh connection: the pool's connections may hold the damaged
	// pages in their caches and never look at the disk.
	db, err := sql.Open("sqlite", s.dsn)
	if err != nil {
		return fmt.Errorf("check store: %w", err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return s.observe(fmt.Errorf("check store: %w", err), false)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return s.observe(fmt.Errorf("check store: %w", err), false)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return s.observe(fmt.Errorf("check store: %w", err), false)
	}
	if len(problems) > 0 {
		err := fmt.Errorf("check store: quick_check: %s", strings.Join(problems[:min(len(problems), 3)], "; "))
		s.obs.StoreError(KindCorrupt)
		s.setState(StateCorrupt, oneLine(err))
		return err
	}
	if st := s.Status().State; st == StateCorrupt || st == StateMissing {
		s.setState(StateOK, "")
	}
	return nil
}

// watch runs Check every interval until Close.
func (s *Store) watch(every time.Duration) {
	defer close(s.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), every)
		if err := s.Check(ctx); err != nil {
			s.log.Debug("store: check failed", "error", err)
		}
		cancel()
	}
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go driver "sqlite"
)

// FileName is the name of the database file inside Config.Dir.
const FileName = "corpusbot.db"

// DefaultMaxTurns is the number of turns kept per thread when
// Config.MaxTurns is not set.
const DefaultMaxTurns = 20

// Errors callers can test for with errors.Is.
var (
	// ErrInvalid reports an argument the store refuses to record.
	ErrInvalid = errors.New("invalid argument")
	// ErrNotFound reports a write that refers to a thread or briefing the
	// store does not know.
	ErrNotFound = errors.New("not found")
	// ErrConflict reports a write that would contradict what is recorded,
	// such as posting a briefing part twice.
	ErrConflict = errors.New("conflict")
	// ErrSchemaTooNew reports a database migrated by a newer corpusbot.
	ErrSchemaTooNew = errors.New("database schema is newer than this binary")
)

// Config configures Open.
type Config struct {
	// Dir is the directory holding the SQLite database file; it is created
	// (0700) if needed. Required unless DatabaseURL is set.
	Dir string
	// DatabaseURL, when set, keeps the state in PostgreSQL instead:
	// postgres://user:password@host:5432/db?sslmode=verify-full, or any
	// connection string pgx accepts. Dir is then not used.
	DatabaseURL string
	// MaxConns bounds the PostgreSQL connections this process opens; 0
	// means DefaultMaxConns. SQLite ignores it.
	MaxConns int
	// MaxTurns is how many turns AppendTurns keeps per thread; 0 means
	// DefaultMaxTurns.
	MaxTurns int
	// Logger receives start-up and migration messages; nil discards them.
	Logger *slog.Logger
	// Observer, when set, counts store errors by kind and hears every
	// change of Status; a *health.Monitor fits.
	Observer Observer
	// CheckInterval is how often the file's identity and PRAGMA
	// quick_check are verified in the background; 0 means
	// DefaultCheckInterval, a negative value turns the check off.
	CheckInterval time.Duration
}

// Store is corpusbot's durable state. It is safe for concurrent use.
type Store struct {
	d        *dialect
	path     string // the SQLite file; "" with PostgreSQL
	where    string // path, or the PostgreSQL URL without its password, for logs
	dsn      string // SQLite's; PostgreSQL's is in db's connector
	maxTurns int
	log      *slog.Logger
	obs      Observer

	// mu is held shared by every use of db and salt, and exclusively to
	// swap them when the file is restored or replaced (see integrity.go).
	mu    sync.RWMutex
	db    *sql.DB
	ident os.FileInfo // the file db was opened on
	salt  []byte

	health    health // the Status, with its own lock
	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once

	// writeSem serialises this process's write transactions on SQLite,
	// which allows one writer at a time anyway; queueing here instead of in
	// SQLite's busy handler (which sleeps and retries) keeps writers fair.
	// Processes sharing the file queue on a flock of path+"-lock"
	// (lockWriters), which leaves busy_timeout for others such as an
	// operator's sqlite3 shell. PostgreSQL writes concurrently: nil.
	writeSem chan struct{}
}

// Open opens (creating if needed) the database in cfg.Dir, applies pending
// schema migrations and loads the user-hash salt.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Dir == "" && cfg.DatabaseURL == "" {
		return nil, fmt.Errorf("open store: %w: Dir is empty", ErrInvalid)
	}
	if cfg.MaxTurns < 0 {
		return nil, fmt.Errorf("open store: %w: MaxTurns %d is negative", ErrInvalid, cfg.MaxTurns)
	}
	if cfg.MaxTurns == 0 {
		cfg.MaxTurns = DefaultMaxTurns
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Observer == nil {
		cfg.Observer = noObserver{}
	}
	if cfg.CheckInterval == 0 {
		cfg.CheckInterval = DefaultCheckInterval
	}
	if cfg.DatabaseURL != "" {
		return openPostgres(ctx, cfg)
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	path := filepath.Join(dir, FileName)
	// Create the file ourselves so it is private: SQLite would use 0644, and
	// gives the -wal and -shm files the same mode as the database.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	// A file made earlier, by hand or by an older version, may be readable
	// by others; it holds questions and hashed user IDs.
	if err := os.Chmod(path, 0o600); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if st, err := os.Stat(dir); err == nil && st.Mode().Perm()&0o077 != 0 {
		cfg.Logger.Warn("the data folder is readable by other users; chmod 700 it", "dir", dir, "mode", st.Mode().Perm().String())
	}

	s := newStore(sqliteDialect, cfg)
	s.path, s.where, s.dsn = path, path, dsn(path)
	s.writeSem = make(chan struct{}, 1)
	// Processes opening one new file at once take turns, under the
	// writers' lock: switching a new file to WAL takes SQLite's exclusive
	// lock, and a connection that meets it may fail with SQLITE_BUSY at
	// once instead of waiting out busy_timeout (seen as 1 failure in 20
	// of four stores opening together). Only Open takes it: a reopen
	// during a repair runs inside a write, which holds it already.
	release, err := lockWriters(ctx, path+"-lock")
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
		cfg.Logger.Debug("store: opening without the write lock", "error", err)
		release = func() {}
	}
	err = s.openFile(ctx)
	release()
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s.start(cfg)
	return s, nil
}

func newStore(d *dialect, cfg Config) *Store {
	s := &Store{
		d:        d,
		maxTurns: cfg.MaxTurns,
		log:      cfg.Logger,
		obs:      cfg.Observer,
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	s.health.state = StateOK
	return s
}

// start reports the store ready and starts the background check.
func (s *Store) start(cfg Config) {
	s.obs.SetStore(StateOK, "")
	if cfg.CheckInterval > 0 {
		go s.watch(cfg.CheckInterval)
	} else {
		close(s.done)
	}
}

// openFile opens the database at s.path, migrates it and loads its salt,
// setting s.db, s.ident and s.salt; the caller holds s.mu or is Open.
func (s *Store) openFile(ctx context.Context) error {
	db, err := sql.Open("sqlite", s.dsn)
	if err != nil {
		return err
	}
	if err := s.initDB(ctx, db); err != nil {
		db.Close()
		return err
	}
	return nil
}

func (s *Store) initDB(ctx context.Context, db *sql.DB) error {
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	fsys, err := migrationFS(s.d)
	if err != nil {
		return err
	}
	if err := migrate(ctx, s.d, db, fsys, s.log); err != nil {
		return err
	}
	if err := rekeyQuestions(ctx, s.d, db); err != nil {
		return err
	}
	// The identity is taken once the file surely exists and before anyone
	// can write, so that a deletion from now on is noticed.
	var ident os.FileInfo
	if s.path != "" {
		if ident, err = os.Stat(s.path); err != nil {
			return err
		}
	}
	salt, err := loadSalt(ctx, s.d, db, s.log, s.where)
	if err != nil {
		return err
	}
	s.db, s.ident, s.salt = db, ident, salt
	s.log.DebugContext(ctx, "opened store", "path", s.where)
	return nil
}

// dsn builds the connection string. The pragmas go in the DSN, not in one
// Exec, because database/sql pools connections and each new one must get
// them. Transactions begin IMMEDIATE so a writer takes the write lock at
// BEGIN, where busy_timeout applies, rather than failing with SQLITE_BUSY
// when it upgrades a read lock mid-transaction.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	// FULL: a commit is on disk before a vote or turn is acknowledged.
	q.Add("_pragma", "synchronous(FULL)")
	// The dashboard's reads sort tens of thousands of rows; in memory, not
	// in temporary files.
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	// A file: URI with an escaped path keeps '?', '#' and '%' in Dir from
	// being read as URI syntax.
	return "file:" + (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath() + "?" + q.Encode()
}

// Close stops the background check and closes the database. Calls after
// the first do nothing.
func (s *Store) Close() error {
	s.closeOnce.Do(func() { close(s.stop) })
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Path returns the absolute path of the SQLite database file; "" when the
// state is in PostgreSQL.
func (s *Store) Path() string { return s.path }

// Dialect names the database the state is in: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.d.name }

// write runs fn in a write transaction, committed only if fn returns nil,
// and returns nil only once the commit is durable: on SQLite, on disk in
// the file at s.path (see integrity.go); on PostgreSQL, committed by the
// server. A PostgreSQL transaction that lost a deadlock or serialisation
// race is run again, so fn must start afresh each time it is called.
func (s *Store) write(ctx context.Context, fn func(tx txn) error) error {
	return s.commit(ctx, false, fn)
}

// writeDurable is write for what a user is told was recorded (votes,
// conversation turns, thread links): on SQLite the commit is also copied
// from the write-ahead log into the database file before it returns.
func (s *Store) writeDurable(ctx context.Context, fn func(tx txn) error) error {
	return s.commit(ctx, true, fn)
}

func (s *Store) commit(ctx context.Context, checkpoint bool, fn func(tx txn) error) error {
	if s.writeSem != nil {
		select {
		case s.writeSem <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		defer func() { <-s.writeSem }()
		release, err := lockWriters(ctx, s.path+"-lock")
		switch {
		case err == nil:
			defer release()
		case ctx.Err() != nil:
			return ctx.Err()
		default:
			// The folder may be gone; the write restores it (repair), with
			// busy_timeout alone to wait for other processes meanwhile.
			s.log.DebugContext(ctx, "store: writing without the write lock", "error", err)
		}
	}
	s.mu.RLock()
	err := inTx(ctx, s.d, s.db, nil, fn)
	for try := 1; try < 3 && retryable(err); try++ {
		err = inTx(ctx, s.d, s.db, nil, fn)
	}
	var fileErr error
	if err == nil && s.path != "" {
		fileErr = s.settleLocked(ctx, checkpoint)
	}
	s.mu.RUnlock()
	if fileErr != nil {
		// The commit went to a file that is no longer at s.path.
		err = s.repair(ctx, fileErr)
	}
	return s.observe(err, true)
}

// read runs fn in a read-only transaction so that several queries see one
// snapshot of the database.
func (s *Store) read(ctx context.Context, fn func(tx txn) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	opts := &sql.TxOptions{ReadOnly: true}
	if s.d == postgresDialect {
		// One snapshot for every statement, as SQLite's read transaction has.
		opts.Isolation = sql.LevelRepeatableRead
	}
	return s.observe(inTx(ctx, s.d, s.db, opts, fn), false)
}

// use runs fn with the database handle, for single queries.
func (s *Store) use(fn func(db handle) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.observe(fn(handle{s.db, s.d}), false)
}

func inTx(ctx context.Context, d *dialect, db *sql.DB, opts *sql.TxOptions, fn func(tx txn) error) error {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	if err := fn(txn{tx, d}); err != nil {
		_ = tx.Rollback() // the error from fn is the one worth reporting
		return err
	}
	return tx.Commit()
}

// timeLayout is RFC 3339 in UTC with a fixed number of fraction digits, so
// stored times sort correctly as text.
const timeLayout = "2006-01-02T15:04:05.000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse stored time: %w", err)
	}
	return t.UTC(), nil
}

// stamp formats t, or the current time if t is zero.
func (s *Store) stamp(t time.Time) string {
	if t.IsZero() {
		t = time.Now()
	}
	return formatTime(t)
}

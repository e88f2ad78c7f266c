package store

import (
	"context"
	"errors"
	"fmt"
	"net"

	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"corpusbot/secret"
)

// DefaultMaxConns is how many PostgreSQL connections a process opens at
// most when Config.MaxConns is not set: enough for the answers written at
// once and the dashboard, few enough that several processes fit in the
// server's default max_connections (100).
const DefaultMaxConns = 10

// StateUnavailable reports a PostgreSQL server the store cannot reach.
const StateUnavailable = "unavailable"

// IsPostgresURL reports whether u names a PostgreSQL database, as
// DATABASE_URL does: postgres:// or postgresql://.
func IsPostgresURL(u string) bool {
	return strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://")
}

// openPostgres opens the PostgreSQL database at cfg.DatabaseURL through
// pgx's database/sql adapter, so that every query is the same code as on
// SQLite, applies pending migrations under an advisory lock and loads the
// salt.
func openPostgres(ctx context.Context, cfg Config) (*Store, error) {
	where := secret.RedactURL(cfg.DatabaseURL)
	pc, err := pgconnConfig(cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w: %w", where, ErrInvalid, err)
	}
	s := newStore(postgresDialect, cfg)
	s.where = where
	db := stdlib.OpenDB(*pc)
	maxConns := cfg.MaxConns
	if maxConns <= 0 {
		maxConns = DefaultMaxConns
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := s.initDB(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", where, err)
	}
	s.start(cfg)
	return s, nil
}

// checkPostgres reports whether the server answers, and clears an
// unavailable state when it does.
func (s *Store) checkPostgres(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var one int
	if err := s.db.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return s.observe(fmt.Errorf("check store: %w", err), false)
	}
	if st := s.Status().State; st != StateOK {
		s.setState(StateOK, "")
	}
	return nil
}

// pgErrKind classifies a PostgreSQL error by its SQLSTATE class, and a
// failure to reach the server; "" when err is neither.
func pgErrKind(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "53100": // disk_full
			return KindFull
		case pe.Code == "25006", pe.Code == "42501": // read_only_sql_transaction, insufficient_privilege
			return KindReadOnly
		case pe.Code == "XX001", pe.Code == "XX002": // data_corrupted, index_corrupted
			return KindCorrupt
		case pe.Code == "40001", pe.Code == "40P01", pe.Code == "55P03": // serialization, deadlock, lock_not_available
			return KindBusy
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"), pe.Code == "53300": // connection, shutdown, too_many_connections
			return KindUnavailable
		case strings.HasPrefix(pe.Code, "58"): // system error (I/O)
			return KindIO
		}
		return KindOther
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) || pgconn.SafeToRetry(err) || errors.Is(err, net.ErrClosed) {
		return KindUnavailable
	}
	return ""
}

// retryable reports a PostgreSQL transaction that failed only because it
// lost a race with another (deadlock, serialisation), and can be run again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// pgconnConfig parses a connection string for pgx, with a connect timeout
// unless it sets one: a server that does not answer must not hold up the
// start or a standby's takeover for the operating system's minutes.
func pgconnConfig(u string) (*pgx.ConnConfig, error) {
	pc, err := pgx.ParseConfig(u)
	if err != nil {
		return nil, err
	}
	if pc.ConnectTimeout == 0 {
		pc.ConnectTimeout = 5 * time.Second
	}
	return pc, nil
}

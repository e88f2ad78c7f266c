package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// embedded holds the numbered migration files of each dialect, under
// migrations/<dialect>/: the same versions and names in each folder.
//
//go:embed migrations/*/*.sql
var embedded embed.FS

// migrationFS returns the embedded migrations of d at the root of an
// fs.FS, the shape migrate expects (tests pass their own).
func migrationFS(d *dialect) (fs.FS, error) { return fs.Sub(embedded, "migrations/"+d.name) }

type migration struct {
	version int
	name    string
	sql     string
}

var migrationName = regexp.MustCompile(`^(\d{3,})_([a-z0-9_]+)\.sql$`)

// loadMigrations reads NNN_name.sql files from the root of fsys, sorted by
// version. Versions must be unique; gaps are allowed.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".sql" {
			continue
		}
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migration %s: name is not NNN_name.sql", e.Name())
		}
		v, err := strconv.Atoi(m[1])
		if err != nil || v < 1 {
			return nil, fmt.Errorf("migration %s: bad version", e.Name())
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, migration{version: v, name: m[2], sql: string(b)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s: duplicate version %d", ms[i-1].name, ms[i].name, ms[i].version)
		}
	}
	return ms, nil
}

// conn is a database handle or a transaction.
type conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// migrateLock is taken at the start of every migration transaction on
// PostgreSQL: an advisory lock named for the schema, held until the
// transaction ends (so it works through a pooler in transaction mode).
const migrateLock = `SELECT pg_advisory_xact_lock(hashtextextended('corpusbot migrate ' || current_schema(), 0))`

// migrate applies the migrations in fsys that db has not seen, each in its
// own transaction together with its schema_migrations row, so a failed
// migration leaves the schema as the previous one left it. Processes
// starting together take turns: each migration's transaction holds
// SQLite's write lock or, on PostgreSQL, the advisory lock migrateLock,
// and checks again under it whether the migration is still to be applied.
func migrate(ctx context.Context, d *dialect, db *sql.DB, fsys fs.FS, log *slog.Logger) error {
	ms, err := loadMigrations(fsys)
	if err != nil {
		return err
	}
	const bootstrap = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`
	err = inTx(ctx, d, db, nil, func(tx txn) error {
		if d == postgresDialect {
			// Two CREATE TABLE IF NOT EXISTS at once can collide in
			// PostgreSQL's catalog.
			if _, err := tx.ExecContext(ctx, migrateLock); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, bootstrap)
		return err
	})
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	applied, err := appliedVersions(ctx, db)
	if err != nil {
		return err
	}
	known := make(map[int]bool, len(ms))
	latest := 0
	for _, m := range ms {
		known[m.version] = true
		latest = m.version
	}
	for _, v := range applied {
		if !known[v] {
			return fmt.Errorf("migrate: %w: the database has migration %d, this binary knows up to %d; run a newer corpusbot or restore a backup",
				ErrSchemaTooNew, v, latest)
		}
	}
	for _, m := range ms {
		if slices.Contains(applied, m.version) {
			continue
		}
		done, err := applyMigration(ctx, d, db, m)
		if err != nil {
			return fmt.Errorf("migration %03d_%s: %w", m.version, m.name, err)
		}
		if done {
			log.InfoContext(ctx, "applied schema migration", "version", m.version, "name", m.name)
		}
	}
	return nil
}

func appliedVersions(ctx context.Context, db conn) ([]int, error) {
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("read schema_migrations: %w", err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	return vs, nil
}

// applyMigration reports false if another process applied m first.
func applyMigration(ctx context.Context, d *dialect, db *sql.DB, m migration) (done bool, err error) {
	err = inTx(ctx, d, db, nil, func(tx txn) error {
		if d == postgresDialect {
			if _, err := tx.ExecContext(ctx, migrateLock); err != nil {
				return err
			}
		}
		// Check again under the lock: two processes may start together.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		// As written: a migration is in its dialect already.
		if _, err := tx.Tx.ExecContext(ctx, m.sql); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, formatTime(time.Now())); err != nil {
			return err
		}
		done = true
		return nil
	})
	return done, err
}

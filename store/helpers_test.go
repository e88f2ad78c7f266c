package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/internal/pgtest"
	"corpusbot/secret"
)

// Every test of the store's behaviour runs on each backend, as a subtest
// named for it. The PostgreSQL tests need a server: TestMain's cluster is
// started (initdb, pg_ctl, on a Unix socket in a temporary folder) by the
// first test that wants it, and each test gets a schema of its own. When the
// server binaries are missing, those tests fail, saying how to install them.
type backend string

const (
	sqliteBackend   backend = "sqlite"
	postgresBackend backend = "postgres"
)

var backends = []backend{sqliteBackend, postgresBackend}

var cluster struct {
	once sync.Once
	c    *pgtest.Cluster
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if cluster.c != nil {
		if err := cluster.c.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "stopping the test PostgreSQL:", err)
		}
	}
	os.Exit(code)
}

// pgCluster returns the package's PostgreSQL cluster, starting it once.
func pgCluster(t testing.TB) *pgtest.Cluster {
	t.Helper()
	cluster.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cluster.c, cluster.err = pgtest.Start(ctx)
	})
	if cluster.err != nil {
		t.Fatalf("PostgreSQL tests need a server: %v", cluster.err)
	}
	return cluster.c
}

// eachBackend runs fn as a subtest on each backend.
func eachBackend(t *testing.T, fn func(t *testing.T, b backend)) {
	t.Helper()
	for _, b := range backends {
		t.Run(string(b), func(t *testing.T) { fn(t, b) })
	}
}

// newDB returns the Config of a new, empty database of backend b, removed
// when the test ends. Opening it twice opens the same database. On
// PostgreSQL it may be a schema an earlier test used, emptied: migrating a
// new schema costs more than the test.
func newDB(t testing.TB, b backend) Config {
	t.Helper()
	if b == sqliteBackend {
		// A copy of a file at the latest migration, for the same reason.
		m, err := migratedFile()
		if err != nil {
			t.Fatalf("a migrated SQLite file to copy: %v", err)
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, FileName), m, 0o600); err != nil {
			t.Fatal(err)
		}
		return Config{Dir: dir}
	}
	c := pgCluster(t)
	spare.mu.Lock()
	var u string
	if n := len(spare.urls); n > 0 {
		u, spare.urls = spare.urls[n-1], spare.urls[:n-1]
	}
	spare.mu.Unlock()
	if u == "" {
		return newEmptyDB(t, b)
	}
	t.Cleanup(func() { recycle(t, c, u) })
	return Config{DatabaseURL: u}
}

// migratedFile is a SQLite file that migrate has brought to the latest
// migration, made once; Open does the rest (rekeying, the salt) on each
// copy as on a new file. Under the race detector, SQLite parsing the
// schema's views and triggers again after each statement of the migrations
// was a third of this package's CPU time.
var migratedFile = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "corpusbot-store-test")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, err
	}
	fsys, err := migrationFS(sqliteDialect)
	if err == nil {
		err = migrate(context.Background(), sqliteDialect, db, fsys, slog.New(slog.DiscardHandler))
	}
	// Closing the last connection writes the write-ahead log into the file.
	if err := errors.Join(err, db.Close()); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
})

// newEmptyDB is newDB without reuse: a database no migration has seen.
func newEmptyDB(t testing.TB, b backend) Config {
	t.Helper()
	if b == sqliteBackend {
		return Config{Dir: t.TempDir()}
	}
	c := pgCluster(t)
	u, err := c.Schema(context.Background(), "t")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { recycle(t, c, u) })
	return Config{DatabaseURL: u}
}

// spare holds PostgreSQL schemas at the latest migration, emptied.
var spare struct {
	mu   sync.Mutex
	urls []string
}

// recycle empties a test's schema for the next test when it holds exactly
// the embedded migrations, and drops it otherwise.
func recycle(t testing.TB, c *pgtest.Cluster, u string) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := emptySchema(ctx, u); err != nil {
		if err := c.DropSchema(ctx, u); err != nil {
			t.Errorf("drop the test's schema: %v", err)
		}
		return
	}
	spare.mu.Lock()
	spare.urls = append(spare.urls, u)
	spare.mu.Unlock()
}

func emptySchema(ctx context.Context, u string) error {
	db, err := sql.Open("pgx", u)
	if err != nil {
		return err
	}
	defer db.Close()
	ms, err := loadMigrations(must(migrationFS(postgresDialect)))
	if err != nil {
		return err
	}
	var n, latest int
	if err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(max(version), 0) FROM schema_migrations`).Scan(&n, &latest); err != nil {
		return err
	}
	if n != len(ms) || latest != ms[len(ms)-1].version {
		return fmt.Errorf("schema at %d migrations up to %d", n, latest)
	}
	rows, err := db.QueryContext(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `TRUNCATE `+strings.Join(tables, ", ")+` RESTART IDENTITY CASCADE`)
	return err
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// openCfg opens a store and closes it when the test ends.
func openCfg(t testing.TB, cfg Config) *Store {
	t.Helper()
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open(%s): %v", secret.RedactURL(cfg.DatabaseURL)+cfg.Dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openTest opens a store on a new database of backend b.
func openTest(t *testing.T, b backend) *Store {
	t.Helper()
	return openCfg(t, newDB(t, b))
}

// openDir opens the SQLite store in dir (a new temporary directory if dir
// is empty), for the tests of SQLite's file.
func openDir(t *testing.T, dir string) *Store {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	return openCfg(t, Config{Dir: dir})
}

// raw is the store's database handle for a test's own SQL, with ?
// placeholders on both backends.
func raw(s *Store) handle { return handle{s.db, s.d} }

// at returns a fixed time, minutes after a reference point, with the
// millisecond precision the store keeps.
func at(minutes int) time.Time {
	return time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC).Add(time.Duration(minutes) * time.Minute)
}

func countRows(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := raw(s).QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func mustMigrationFS(t *testing.T, d *dialect) fs.FS {
	t.Helper()
	fsys, err := migrationFS(d)
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// dialectOf is the dialect a backend's store speaks.
func dialectOf(b backend) *dialect {
	if b == postgresBackend {
		return postgresDialect
	}
	return sqliteDialect
}

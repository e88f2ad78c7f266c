package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestLoadMigrations(t *testing.T) {
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		want    []int // versions, in order
		wantErr string
	}{
		{"sorted by version", fstest.MapFS{
			"010_b.sql": file("x"), "002_a.sql": file("x"), "README": file("ignored"),
		}, []int{2, 10}, ""},
		{"bad name", fstest.MapFS{"1_short.sql": file("x")}, nil, "NNN_name.sql"},
		{"upper case", fstest.MapFS{"001_Init.sql": file("x")}, nil, "NNN_name.sql"},
		{"version zero", fstest.MapFS{"000_zero.sql": file("x")}, nil, "bad version"},
		{"duplicate version", fstest.MapFS{"001_a.sql": file("x"), "001_b.sql": file("x")}, nil, "duplicate version 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := loadMigrations(tt.fsys)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, m := range ms {
				got = append(got, m.version)
			}
			if !equalInts(got, tt.want) {
				t.Errorf("got versions %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEmbeddedMigrationsLoad(t *testing.T) {
	var names [2][]string
	for i, d := range []*dialect{sqliteDialect, postgresDialect} {
		ms, err := loadMigrations(mustMigrationFS(t, d))
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 || ms[0].version != 1 || ms[0].name != "init" {
			t.Errorf("%s: got %d migrations, first %+v; want 001_init first", d.name, len(ms), ms)
		}
		for _, m := range ms {
			names[i] = append(names[i], fmt.Sprintf("%03d_%s", m.version, m.name))
		}
	}
	// One schema history: a version means the same change on both.
	if !slices.Equal(names[0], names[1]) {
		t.Errorf("the dialects' migrations differ:\nsqlite   %v\npostgres %v", names[0], names[1])
	}
}

// rawDB opens a new database of backend b with database/sql alone, as
// migrate sees it.
func rawDB(t *testing.T, b backend) (*sql.DB, Config) {
	t.Helper()
	cfg := newEmptyDB(t, b)
	driver, source := "pgx", cfg.DatabaseURL
	if b == sqliteBackend {
		driver, source = "sqlite", dsn(filepath.Join(cfg.Dir, FileName))
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, cfg
}

// tableNames lists which of names are tables of db.
func tableNames(t *testing.T, b backend, db *sql.DB, names ...string) string {
	t.Helper()
	query := `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`
	if b == postgresBackend {
		query = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`
	}
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		if slices.Contains(names, n) {
			got = append(got, n)
		}
	}
	return strings.Join(got, ",")
}

// TestMigrateAtomic checks that a failing migration leaves no trace while the
// ones before it stay applied, and that a later run applies it once fixed.
func TestMigrateAtomic(t *testing.T) { eachBackend(t, testMigrateAtomic) }

func testMigrateAtomic(t *testing.T, b backend) {
	ctx := context.Background()
	db, _ := rawDB(t, b)
	d := dialectOf(b)
	log := slog.New(slog.DiscardHandler)

	good := file("CREATE TABLE a (x INTEGER);")
	// The second statement fails after the first has created table b.
	bad := file("CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);")
	if err := migrate(ctx, d, db, fstest.MapFS{"001_a.sql": good, "002_b.sql": bad}, log); err == nil {
		t.Fatal("migrate with a broken migration succeeded, want an error")
	}
	tables := func() string { return tableNames(t, b, db, "a", "b") }
	versions := func() []int {
		vs, err := appliedVersions(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		return vs
	}
	if got := tables(); got != "a" {
		t.Errorf("after failed migration: tables %q, want %q", got, "a")
	}
	if got := versions(); !equalInts(got, []int{1}) {
		t.Errorf("after failed migration: versions %v, want [1]", got)
	}

	fixed := file("CREATE TABLE b (x INTEGER);")
	for range 2 { // the second run must find nothing to do
		if err := migrate(ctx, d, db, fstest.MapFS{"001_a.sql": good, "002_b.sql": fixed}, log); err != nil {
			t.Fatal(err)
		}
	}
	if got := tables(); got != "a,b" {
		t.Errorf("after fix: tables %q, want %q", got, "a,b")
	}
	if got := versions(); !equalInts(got, []int{1, 2}) {
		t.Errorf("after fix: versions %v, want [1 2]", got)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestOpenTogether starts several stores on one new database at once, as
// a leader, its standby and the dashboard would: the migrations run once,
// under the lock, and every store opens.
func TestOpenTogether(t *testing.T) { eachBackend(t, testOpenTogether) }

func testOpenTogether(t *testing.T, b backend) {
	cfg := newEmptyDB(t, b)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(context.Background(), cfg)
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("store %d: %v", i, err)
		}
	}
	s := openCfg(t, cfg)
	ms, err := loadMigrations(mustMigrationFS(t, s.d))
	if err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s, `SELECT count(*) FROM schema_migrations`); got != len(ms) {
		t.Errorf("schema_migrations has %d rows, want %d", got, len(ms))
	}
}

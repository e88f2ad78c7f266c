package store

import (
	"context"
	"database/sql"
	"log/slog"
	"path/filepath"
	"strings"
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
	ms, err := loadMigrations(mustMigrationFS(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].version != 1 || ms[0].name != "init" {
		t.Errorf("got %d migrations, first %+v; want 001_init first", len(ms), ms)
	}
}

// TestMigrateAtomic checks that a failing migration leaves no trace while the
// ones before it stay applied, and that a later run applies it once fixed.
func TestMigrateAtomic(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "m.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	log := slog.New(slog.DiscardHandler)

	good := file("CREATE TABLE a (x INTEGER);")
	// The second statement fails after the first has created table b.
	bad := file("CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);")
	if err := migrate(ctx, db, fstest.MapFS{"001_a.sql": good, "002_b.sql": bad}, log); err == nil {
		t.Fatal("migrate with a broken migration succeeded, want an error")
	}
	tables := func() string {
		rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b') ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var names []string
		for rows.Next() {
			var n string
			rows.Scan(&n)
			names = append(names, n)
		}
		return strings.Join(names, ",")
	}
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
		if err := migrate(ctx, db, fstest.MapFS{"001_a.sql": good, "002_b.sql": fixed}, log); err != nil {
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

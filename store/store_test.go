package store

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestOpen(t *testing.T) {
	tests := []struct {
		name string
		sub  string // Dir below a temporary directory
	}{
		{"existing dir", ""},
		{"nested new dir", "a/b/data"},
		{"dir with URI characters", "da ta?#%41"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), tt.sub)
			s := openDir(t, dir)
			if got, want := s.Path(), filepath.Join(dir, FileName); got != want {
				t.Errorf("Path() = %q, want %q", got, want)
			}
			// SQLite must have opened this very file, not a name mangled
			// by URI parsing.
			var seq int
			var schema, sqlitePath string
			if err := s.db.QueryRow(`PRAGMA database_list`).Scan(&seq, &schema, &sqlitePath); err != nil {
				t.Fatal(err)
			}
			if sqlitePath != s.Path() {
				t.Errorf("SQLite opened %q, want %q", sqlitePath, s.Path())
			}
			fi, err := os.Stat(s.Path())
			if err != nil {
				t.Fatalf("database file: %v", err)
			}
			if got := fi.Mode().Perm(); got != 0o600 {
				t.Errorf("file mode = %v, want 0600", got)
			}
			if tt.sub != "" {
				di, err := os.Stat(dir)
				if err != nil {
					t.Fatal(err)
				}
				if got := di.Mode().Perm(); got != 0o700 {
					t.Errorf("dir mode = %v, want 0700", got)
				}
			}
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}

func TestOpenInvalidConfig(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		cfg     Config
		wantErr error // nil: any error
	}{
		{"empty dir", Config{}, ErrInvalid},
		{"negative max turns", Config{Dir: t.TempDir(), MaxTurns: -1}, ErrInvalid},
		{"dir is a file", Config{Dir: file}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(context.Background(), tt.cfg)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded, want an error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("got error %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// TestPragmas checks that every pooled connection, not just the first, has
// the pragmas: they come from the DSN.
func TestPragmas(t *testing.T) {
	ctx := context.Background()
	s := openDir(t, "")
	var conns []interface{ Close() error }
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range 3 {
		c, err := s.db.Conn(ctx) // held open, so each is a distinct connection
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		for _, p := range []struct{ pragma, want string }{
			{"journal_mode", "wal"},
			{"busy_timeout", "5000"},
			{"foreign_keys", "1"},
			{"synchronous", "2"}, // FULL
		} {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != p.want {
				t.Errorf("connection %d: %s = %s, want %s", i, p.pragma, got, p.want)
			}
		}
	}
}

func TestReopen(t *testing.T) { eachBackend(t, testReopen) }

func testReopen(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	s := openCfg(t, db)
	user := s.HashUser("123456789012345678")
	if err := s.RecordAnswer(ctx, Answer{ID: "a1", Kind: KindAnswer, Question: "q", Text: "t", UserHash: user}); err != nil {
		t.Fatal(err)
	}
	var appliedAt string
	if err := raw(s).QueryRowContext(ctx, `SELECT applied_at FROM schema_migrations WHERE version = 1`).Scan(&appliedAt); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openCfg(t, db)
	if _, ok, err := s.Answer(ctx, "a1"); err != nil || !ok {
		t.Errorf("Answer(a1) after reopen: ok %v, err %v; want the answer", ok, err)
	}
	if got := s.HashUser("123456789012345678"); got != user {
		t.Errorf("HashUser after reopen = %s, want %s", got, user)
	}
	ms, err := loadMigrations(mustMigrationFS(t, s.d))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := countRows(t, s, `SELECT count(*) FROM schema_migrations`), len(ms); got != want {
		t.Errorf("schema_migrations has %d rows, want %d", got, want)
	}
	var name, again string
	if err := raw(s).QueryRowContext(ctx, `SELECT name, applied_at FROM schema_migrations WHERE version = 1`).Scan(&name, &again); err != nil {
		t.Fatal(err)
	}
	if name != "init" || again != appliedAt {
		t.Errorf("migration 1 = (%s, %s), want (init, %s): re-applied?", name, again, appliedAt)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) { eachBackend(t, testOpenRefusesNewerSchema) }

func testOpenRefusesNewerSchema(t *testing.T, b backend) {
	db := newDB(t, b)
	s := openCfg(t, db)
	if _, err := s.db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00.000Z')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(context.Background(), db)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded on a database from a newer binary, want an error")
	}
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("got error %v, want ErrSchemaTooNew", err)
	}
}

// TestBuildWithoutCgo guards the promise that the bot builds with
// CGO_ENABLED=0, which a cgo SQLite driver would break.
func TestBuildWithoutCgo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command(gocmd, "build", ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
}

// Security finding F8: a database file made earlier with a loose mode is
// made private on open.
func TestOpenTightensExistingFileMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o644)
	s, err := Open(context.Background(), Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != 0o600 {
		t.Errorf("database mode = %v, want 0600", got)
	}
}

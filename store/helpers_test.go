package store

import (
	"context"
	"io/fs"
	"testing"
	"time"
)

// openTest opens a store in dir (a new temporary directory if dir is empty)
// and closes it when the test ends.
func openTest(t *testing.T, dir string) *Store {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	s, err := Open(context.Background(), Config{Dir: dir})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// at returns a fixed time, minutes after a reference point, with the
// millisecond precision the store keeps.
func at(minutes int) time.Time {
	return time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC).Add(time.Duration(minutes) * time.Minute)
}

func countRows(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func mustMigrationFS(t *testing.T) fs.FS {
	t.Helper()
	fsys, err := migrationFS()
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

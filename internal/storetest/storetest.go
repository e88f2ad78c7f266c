// Package storetest gives tests a store file with every migration applied,
// to copy into a data folder before the store is opened there.
//
// Under the race detector, SQLite's parsing of the schema's views and
// triggers, again after each statement of the migrations, was a third of
// package bot's test CPU time (48 of 141 s): a test that opens a store of
// its own need not pay it each time. The migrations themselves are tested
// in package store, on new files.
package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"corpusbot/store"
)

// migrated is a store file with every migration applied and no user-hash
// salt, made once per test process.
var migrated = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "corpusbot-storetest")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(context.Background(), store.Config{Dir: dir, CheckInterval: -1})
	if err != nil {
		return nil, err
	}
	if err := st.Close(); err != nil {
		return nil, err
	}
	// Each copy makes its own salt when it is opened, as a new file does.
	path := filepath.Join(dir, store.FileName)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return nil, err
	}
	_, err = db.Exec(`DELETE FROM meta WHERE key = 'user_hash_salt'`)
	if err := errors.Join(err, db.Close()); err != nil {
		return nil, err
	}
	// The last connection's close wrote the write-ahead log into the file.
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return nil, fmt.Errorf("%s-wal is left with %d bytes", path, fi.Size())
	}
	return os.ReadFile(path)
})

// Seed puts a migrated store file in dir, unless dir holds one already,
// for store.Open to open as it would a new one: same schema, its own salt.
func Seed(t testing.TB, dir string) {
	t.Helper()
	path := filepath.Join(dir, store.FileName)
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatalf("storetest: %v", err)
	}
	b, err := migrated()
	if err != nil {
		t.Fatalf("storetest: a migrated store to copy: %v", err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatalf("storetest: %v", err)
	}
}

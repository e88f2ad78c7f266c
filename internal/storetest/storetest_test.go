package storetest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"corpusbot/store"
)

func open(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), store.Config{Dir: dir, CheckInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Two seeded folders open as two new stores would: each with a salt of
// its own; a folder that holds a store already is left alone.
func TestSeed(t *testing.T) {
	a, b := t.TempDir(), filepath.Join(t.TempDir(), "data")
	Seed(t, a)
	Seed(t, b)
	if ha, hb := open(t, a).HashUser("42"), open(t, b).HashUser("42"); ha == hb {
		t.Errorf("two seeded stores hash a user alike (%s): they share a salt", ha)
	}
	path := filepath.Join(a, store.FileName)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	Seed(t, a)
	if after, err := os.ReadFile(path); err != nil || string(after) != string(before) {
		t.Errorf("Seed wrote over a store in use (%v)", err)
	}
}

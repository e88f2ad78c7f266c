package snapshot

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"corpusbot/corpus"
)

// A key made while loading is ContentKey's for the same folder, whatever
// the files: read, skipped by name, too large, empty, binary; the
// manifest spares the unchanged files' hashing as ContentKey's does;
// whether the hasher lists the folder itself (NewHasher) or takes the
// load's list (NewLoadHasher).
func TestHasherDuringLoad(t *testing.T) {
	for _, listed := range []bool{false, true} {
		t.Run(map[bool]string{false: "NewHasher", true: "NewLoadHasher"}[listed], func(t *testing.T) { testHasherDuringLoad(t, listed) })
	}
}

func testHasherDuringLoad(t *testing.T, listed bool) {
	dir := t.TempDir()
	files := map[string]string{
		"a.md":       "# A\n\nalpha beta\n",
		"sub/b.txt":  "B\n\nbeta gamma\n",
		"img.png":    "not read",
		"big.txt":    strings.Repeat("too large for the limit. ", 100),
		"empty.txt":  "",
		"binary.txt": "\x00\x01\x02\x03",
		"c.txt":      "C\n\ngamma delta\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	for name := range files {
		os.Chtimes(filepath.Join(dir, name), old, old)
	}
	time.Sleep(racyWindow + 100*time.Millisecond) // their change times too: a folder at rest
	ctx, fsys := context.Background(), os.DirFS(dir)
	cfg := KeyConfig{Corpus: corpus.Config{MaxFileBytes: 1000}}
	build := func(prev *Manifest) (Key, *Manifest, int) {
		t.Helper()
		h := NewLoadHasher(fsys, cfg, prev)
		var onListed func([]string)
		if listed {
			onListed = h.Listed
		} else {
			var err error
			if h, err = NewHasher(ctx, fsys, cfg, prev); err != nil {
				t.Fatal(err)
			}
		}
		var given, kept atomic.Int32 // Read is called from the loader's goroutines
		if _, err := corpus.Load(ctx, fsys, corpus.Config{MaxFileBytes: 1000, Listed: onListed, Read: func(p string, info fs.FileInfo, data []byte, keeps bool) {
			given.Add(1)
			if keeps {
				kept.Add(1)
			}
			h.Read(p, info, data, keeps)
		}}); err != nil {
			t.Fatal(err)
		}
		if kept.Load() != 2 { // b.txt and c.txt: their texts are their bytes
			t.Errorf("%d files' bytes kept, want 2", kept.Load())
		}
		k, m, err := h.Key(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return k, m, int(given.Load())
	}
	want, _, err := ContentKey(ctx, fsys, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	k, m, given := build(nil)
	if k != want {
		t.Fatal("the key made while loading differs from ContentKey's")
	}
	// Loaded: a, b, c, empty, binary (read, then judged); not big or img.
	if given != 5 || m.Read() != 5 {
		t.Fatalf("%d files given by the load, %d hashed; want 5, 5", given, m.Read())
	}
	k, m, _ = build(m)
	if k != want || m.Read() != 0 {
		t.Fatalf("against its manifest: same key %v, %d files hashed; want true, 0", k == want, m.Read())
	}
	if err := os.WriteFile(filepath.Join(dir, "c.txt"), []byte("C\n\ngamma delts\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dir, "c.txt"), old, old)
	k, m2, _ := build(m)
	if full, _, _ := ContentKey(ctx, fsys, cfg, nil); k != full || k == want || m2.Read() != 1 {
		t.Fatalf("a changed file: key is ContentKey's %v, changed %v, %d hashed; want true, true, 1", k == full, k != want, m2.Read())
	}
}

// A file the load read but whose size is not its Stat's (written between
// the two) is hashed as read and never reused from the manifest.
func TestHasherReadChangedSinceStat(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("A\n\nalpha\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	h, err := NewHasher(ctx, os.DirFS(dir), KeyConfig{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	h.Read("a.txt", info, []byte("A\n\nalpha, longer now\n"), true)
	h.Read("unlisted.txt", info, []byte("ignored"), false)
	_, m, err := h.Key(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := m.files[m.index["a.txt"]]
	if f.stamped || !f.hashed || f.size != int64(len("A\n\nalpha, longer now\n")) {
		t.Fatalf("entry %+v: want hashed as read, not stamped", f)
	}
	if _, ok := m.index["unlisted.txt"]; ok {
		t.Fatal("a file not listed before the load is in the manifest")
	}
}

// A hasher that was given no list of the files makes no key.
func TestLoadHasherUnlisted(t *testing.T) {
	h := NewLoadHasher(os.DirFS(t.TempDir()), KeyConfig{}, nil)
	if _, _, err := h.Key(context.Background()); err == nil {
		t.Fatal("Key without Listed: no error")
	}
}

// The bytes a load keeps are hashed by Key, after the load: the key is
// still of what was loaded when a file changes in between, and Key, cut
// short by its context, makes the same key when called again.
func TestHasherKeptBytes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.txt": "A\n\nalpha beta\n", "b.txt": "\xEF\xBB\xBFB\n\nbeta gamma\n", "c.md": "# C\n\ngamma\n", "d.txt": "D\r\n\r\ndelta\r\n"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ctx, fsys := context.Background(), os.DirFS(dir)
	loaded, _, err := ContentKey(ctx, fsys, KeyConfig{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := NewLoadHasher(fsys, KeyConfig{}, nil)
	var kept atomic.Int32
	if _, err := corpus.Load(ctx, fsys, corpus.Config{Listed: h.Listed, Read: func(p string, info fs.FileInfo, data []byte, keeps bool) {
		if keeps {
			kept.Add(1)
		}
		h.Read(p, info, data, keeps)
	}}); err != nil {
		t.Fatal(err)
	}
	if kept.Load() != 2 { // a.txt and b.txt (its BOM is skipped, not copied)
		t.Fatalf("%d files' bytes kept, want 2", kept.Load())
	}
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("changed since the load\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	changed, _, err := ContentKey(ctx, fsys, KeyConfig{}, nil)
	if err != nil || changed == loaded {
		t.Fatalf("the changed folder's key: %v, the same as before: %v", err, changed == loaded)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := h.Key(cancelled); err == nil {
		t.Fatal("Key with a cancelled context: no error")
	}
	k, m, err := h.Key(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if k != loaded || m.Read() != 4 {
		t.Fatalf("key of the bytes loaded: %v; %d files hashed, want 4", k == loaded, m.Read())
	}
}

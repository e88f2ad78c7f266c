package snapshot

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"corpusbot/corpus"
)

// loadInto loads dir with its plain texts read into a.
func loadInto(t *testing.T, dir string, a *Arena) *corpus.Corpus {
	t.Helper()
	fsys := corpus.Embedded()
	if dir != "" {
		fsys = os.DirFS(dir)
	}
	c, err := corpus.Load(context.Background(), fsys, corpus.Config{Texts: a.Alloc})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func newArena(t *testing.T, dir string) *Arena {
	t.Helper()
	a, err := NewArena(dir)
	if runtime.GOOS != "linux" {
		if err == nil {
			t.Fatal("NewArena succeeded off Linux")
		}
		t.Skip("the arena is Linux's") // elsewhere NewArena fails and the texts stay in the heap
	}
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// A corpus loaded into an arena is saved in the arena's own file and
// reads back the same: through WriteOpen, and through Open at the next
// start. Its plain texts are in the arena, the others are copied in;
// evicting the arena's pages loses nothing; the folder holds the snapshot
// alone.
func TestArenaWriteOpen(t *testing.T) {
	ctx := context.Background()
	for _, dir := range corpora {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data := t.TempDir()
			a := newArena(t, data)
			stop := a.Trim(time.Millisecond)
			c := loadInto(t, dir, a)
			ix := indexOf(t, c)
			stop()
			inArena := 0
			for _, d := range c.Docs {
				if _, ok := a.offset(d.Text); ok {
					inArena++
				}
			}
			if dir == "" && inArena != len(c.Docs) {
				t.Fatalf("%d of %d plain texts in the arena", inArena, len(c.Docs))
			}
			want := load(t, dir) // the same folder, into the heap
			if !reflect.DeepEqual(c, want) {
				t.Fatal("a corpus loaded into the arena differs from one loaded into the heap")
			}
			path := filepath.Join(data, "snap")
			c2, ix2, info, err := WriteOpen(ctx, path, testKey, nil, c, ix, a)
			if err != nil {
				t.Fatal(err)
			}
			a.Evict()
			c3, ix3, _, err := Open(path, testKey)
			if err != nil {
				t.Fatal(err)
			}
			if st, err := os.Stat(path); err != nil || st.Size() != info.Bytes {
				t.Fatalf("the snapshot at %s: %v, %d bytes; WriteOpen said %d", path, err, st.Size(), info.Bytes)
			}
			if !reflect.DeepEqual(c2, want) || !reflect.DeepEqual(c3, want) {
				t.Fatal("the corpus saved in the arena reads back otherwise")
			}
			for _, d := range want.Docs {
				q := d.Passages[0].Text[:min(100, len(d.Passages[0].Text))]
				h, _ := ix.Search(q, 5)
				h2, _ := ix2.Search(q, 5)
				h3, _ := ix3.Search(q, 5)
				if !reflect.DeepEqual(h, h2) || !reflect.DeepEqual(h, h3) {
					t.Fatalf("Search(%q): built %v, written %v, opened %v", q, h, h2, h3)
				}
			}
			if ents, _ := os.ReadDir(data); len(ents) != 1 {
				t.Fatalf("the folder holds %d files, want the snapshot alone", len(ents))
			}
			// Written once: a second write is of the usual kind.
			c4, _, _, err := WriteOpen(ctx, path, testKey, nil, c, ix, a)
			if err != nil || !reflect.DeepEqual(c4, want) {
				t.Fatalf("a second WriteOpen with the arena: %v", err)
			}
			// Sealed: more memory comes from the heap, not past the file's end.
			if b := a.Alloc(10); cap(b) != 10 {
				t.Fatalf("Alloc after the write: capacity %d", cap(b))
			} else if _, ok := a.offset(string(append(b, "0123456789"...))); ok {
				t.Fatal("the arena handed out memory after it was written")
			}
		})
	}
}

// An arena whose allocation failed is passed over: the texts are written
// as Write does, into a file of the usual kind.
func TestArenaFailedFallsBack(t *testing.T) {
	data := t.TempDir()
	a := newArena(t, data)
	c := loadInto(t, "", a)
	a.mu.Lock()
	a.failed = true // as when the disk is full
	a.mu.Unlock()
	path := filepath.Join(data, "snap")
	c2, _, _, err := WriteOpen(context.Background(), path, testKey, nil, c, indexOf(t, c), a)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c2, c) {
		t.Fatal("the corpus written without the arena reads back otherwise")
	}
	if _, _, _, err := Open(path, testKey); err != nil {
		t.Fatal(err)
	}
}

// A cancelled write leaves nothing at the path: the arena's file has no
// name until written.
func TestArenaCancelled(t *testing.T) {
	data := t.TempDir()
	a := newArena(t, data)
	c := loadInto(t, "", a)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(data, "snap")
	if err := a.Write(ctx, path, testKey, nil, c, indexOf(t, c)); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled write: %v", err)
	}
	if ents, _ := os.ReadDir(data); len(ents) != 0 {
		t.Fatalf("a cancelled write left %v", ents)
	}
	// The texts are still there to serve from.
	if !reflect.DeepEqual(c, load(t, "")) {
		t.Fatal("the texts changed")
	}
}

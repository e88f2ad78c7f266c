//go:build unix

package corpus

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestLoadSpecialFiles loads a real folder holding a named pipe, symbolic
// links and a dangling link: files listed as regular are opened without a
// Stat first, so the others must still be looked at before they are
// opened (opening a pipe waits for a writer), and each file's Stat given
// to Config.Read must be the file's.
func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", article+"It was vote number one.\n")
	write("b.txt", article+"It was vote number two.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	outside := filepath.Join(t.TempDir(), "c.txt")
	if err := os.WriteFile(outside, []byte(article+"It was vote number three.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"link.txt": outside, "pipelink.txt": "pipe.txt", "dangling.txt": "gone.txt"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	infos := map[string]fs.FileInfo{}
	read := func(p string, info fs.FileInfo, data []byte) {
		mu.Lock()
		defer mu.Unlock()
		infos[p] = info
	}
	type loaded struct {
		c   *Corpus
		err error
	}
	done := make(chan loaded, 1)
	go func() {
		c, err := Load(context.Background(), os.DirFS(dir), Config{Read: read})
		done <- loaded{c, err}
	}()
	var got loaded
	select {
	case got = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("Load did not return: it opened the named pipe")
	}
	if got.err != nil {
		t.Fatal(got.err)
	}
	var ids []string
	for _, d := range got.c.Docs {
		ids = append(ids, d.ID)
	}
	if want := []string{"a", "b", "link"}; !slices.Equal(ids, want) {
		t.Errorf("got documents %v, want %v", ids, want)
	}
	want := map[string]SkipKind{"pipe.txt": SkipUnreadable, "pipelink.txt": SkipUnreadable, "dangling.txt": SkipUnreadable}
	for _, w := range got.c.Warnings {
		if k, ok := want[w.Path]; !ok || w.Kind != k {
			t.Errorf("got warning %+v, want kind %q", w, k)
		}
		delete(want, w.Path)
	}
	if len(want) != 0 {
		t.Errorf("no warning for %v", want)
	}
	for _, p := range []string{"a.txt", "b.txt", "link.txt"} {
		st, err := os.Stat(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		info := infos[p]
		if info == nil || !info.Mode().IsRegular() || info.Size() != st.Size() || !info.ModTime().Equal(st.ModTime()) || !os.SameFile(info, st) {
			t.Errorf("%s: Read was given %v, want the file's Stat %v", p, info, st)
		}
	}
}

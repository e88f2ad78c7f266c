//go:build unix

package corpus

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"corpusbot/internal/cputime"
)

// TestLoadSpecialFiles loads a real folder holding a named pipe, symbolic
// links and a dangling link: files listed as regular are opened without a
// Stat first, so the others must still be looked at before they are
// opened (opening a pipe waits for a writer), and each file's Stat given
// to Config.Read must be the file's; through os.DirFS and DirFS alike.
func TestLoadSpecialFiles(t *testing.T) {
	for name, open := range map[string]func(string) fs.FS{"os.DirFS": os.DirFS, "DirFS": DirFS} {
		t.Run(name, func(t *testing.T) { testLoadSpecialFiles(t, open) })
	}
}

func testLoadSpecialFiles(t *testing.T, open func(string) fs.FS) {
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
	read := func(p string, info fs.FileInfo, data []byte, _ bool) {
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
		c, err := Load(context.Background(), open(dir), Config{Read: read})
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
		if info == nil || info.Mode() != st.Mode() || info.Size() != st.Size() || !info.ModTime().Equal(st.ModTime()) || !sameFile(info, st) {
			t.Errorf("%s: Read was given %v, want the file's Stat %v", p, info, st)
		}
	}
}

// A symbolic link in the corpus folder is followed, to a page kept
// elsewhere too (docs/README.md → ../README.md), but not to a file the
// loader would never read in place: a hidden one (a .env holding
// DISCORD_TOKEN, a key under .ssh) or one of the system's (/proc, /sys,
// /dev). Followed, a corpus author's link served the bot's own secrets to
// anyone who asked (round four).
func TestLoadLinksToHiddenFiles(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	write := func(p, text string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "a.txt"), article)
	write(filepath.Join(elsewhere, "README.md"), "# Readme\n\nThe project's readme, kept beside its code.\n")
	write(filepath.Join(elsewhere, ".env"), "DISCORD_TOKEN=not-a-real-token\n")
	write(filepath.Join(elsewhere, ".ssh", "id.txt"), "a private key\n")
	links := map[string]string{
		"readme.md":   filepath.Join(elsewhere, "README.md"),
		"env.txt":     filepath.Join(elsewhere, ".env"),
		"key.txt":     filepath.Join(elsewhere, ".ssh", "id.txt"),
		"environ.txt": "/proc/self/environ",
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(context.Background(), DirFS(dir), Config{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.ID)
	}
	if want := []string{"a", "readme"}; !slices.Equal(ids, want) {
		t.Errorf("got documents %v, want %v", ids, want)
	}
	skipped := map[string]bool{}
	for _, w := range c.Warnings {
		skipped[w.Path] = true
	}
	for _, p := range []string{"env.txt", "key.txt"} {
		if !skipped[p] {
			t.Errorf("%s is not named as skipped: %+v", p, c.Warnings)
		}
	}
}

// sameFile is os.SameFile of FileInfos of any making: the same device and
// inode, by their Stat_t.
func sameFile(a, b fs.FileInfo) bool {
	sa, ok := a.Sys().(*syscall.Stat_t)
	sb, ok2 := b.Sys().(*syscall.Stat_t)
	return ok && ok2 && sa.Dev == sb.Dev && sa.Ino == sb.Ino
}

// TestDirFS loads the test folders through DirFS and through os.DirFS:
// the same documents and warnings, and Config.Read given the same bytes
// and Stat for every file.
func TestDirFS(t *testing.T) {
	type seen struct {
		data string
		info fs.FileInfo
	}
	load := func(fsys fs.FS) (*Corpus, map[string]seen) {
		var mu sync.Mutex
		got := map[string]seen{}
		c, err := Load(context.Background(), fsys, Config{Read: func(p string, info fs.FileInfo, data []byte, _ bool) {
			mu.Lock()
			defer mu.Unlock()
			got[p] = seen{string(data), info}
		}})
		if err != nil {
			t.Fatal(err)
		}
		return c, got
	}
	for _, dir := range []string{"testdata", "."} {
		want, wantRead := load(os.DirFS(dir))
		got, gotRead := load(DirFS(dir))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: DirFS loads another corpus than os.DirFS", dir)
		}
		if len(gotRead) != len(wantRead) || len(wantRead) == 0 {
			t.Errorf("%s: Read was given %d files, want %d", dir, len(gotRead), len(wantRead))
		}
		for p, w := range wantRead {
			g := gotRead[p]
			if g.data != w.data || g.info == nil || g.info.Name() != w.info.Name() || g.info.Mode() != w.info.Mode() ||
				g.info.Size() != w.info.Size() || !g.info.ModTime().Equal(w.info.ModTime()) || g.info.IsDir() || !sameFile(g.info, w.info) {
				t.Errorf("%s: Read was given %v for %s, want %v", dir, g.info, p, w.info)
			}
		}
	}
}

// BenchmarkListLinks lists a folder of 2,000 symbolic links to files kept
// elsewhere, each looked at by linkWithheld, the folder's own path five
// folders deep.
func BenchmarkListLinks(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "a", "b", "c", "d", "docs")
	elsewhere := b.TempDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	const n = 2000
	for i := range n {
		target := filepath.Join(elsewhere, fmt.Sprintf("f%d.md", i))
		if err := os.WriteFile(target, []byte("# A page\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.Symlink(target, filepath.Join(dir, fmt.Sprintf("f%d.md", i))); err != nil {
			b.Fatal(err)
		}
	}
	fsys := DirFS(dir)
	start := cputime.Now()
	for b.Loop() {
		paths, _, err := newLoader(fsys, Config{}).listTyped(context.Background())
		if err != nil || len(paths) != n {
			b.Fatal(len(paths), err)
		}
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// fakeTimers hands out timer channels the test fires by hand, so the
// debounce is tested without depending on how fast this machine is.
type fakeTimers struct {
	mu    sync.Mutex
	chans map[time.Duration][]chan time.Time
}

func (f *fakeTimers) after(d time.Duration) <-chan time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := make(chan time.Time, 1)
	f.chans[d] = append(f.chans[d], c)
	return c
}

func (f *fakeTimers) count(d time.Duration) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.chans[d])
}

// fireLast fires the newest timer of duration d: the one the loop waits on.
func (f *fakeTimers) fireLast(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	cs := f.chans[d]
	cs[len(cs)-1] <- time.Time{}
}

// waitFor polls cond for up to 20 s: generous for a loaded machine, and
// never a statement about how long anything took.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestWatchDebounce(t *testing.T) {
	const quiet, maxWait = time.Second, time.Minute
	root := t.TempDir()
	timers := &fakeTimers{chans: map[time.Duration][]chan time.Time{}}
	w := &watcher{root: root, log: slog.New(slog.DiscardHandler), quiet: quiet, maxWait: maxWait, after: timers.after}
	events := make(chan fsnotify.Event)
	errs := make(chan error)
	var requests, dirs atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.loop(ctx, events, errs, func(string) { dirs.Add(1) }, func() { requests.Add(1) })
	}()
	defer func() { cancel(); <-done }()

	// A git pull: 500 files written, then quiet.
	for i := range 500 {
		events <- fsnotify.Event{Name: filepath.Join(root, fmt.Sprintf("doc%03d.md", i)), Op: fsnotify.Write}
	}
	waitFor(t, "500 quiet timers", func() bool { return timers.count(quiet) == 500 })
	if got := requests.Load(); got != 0 {
		t.Fatalf("%d reloads requested while changes were still arriving", got)
	}
	timers.fireLast(quiet)
	waitFor(t, "a reload", func() bool { return requests.Load() >= 1 })

	// Events that cannot change the corpus are ignored.
	for _, ev := range []fsnotify.Event{
		{Name: filepath.Join(root, "a.md"), Op: fsnotify.Chmod},
		{Name: filepath.Join(root, ".git", "index"), Op: fsnotify.Write},
		{Name: filepath.Join(root, "guide", ".a.md.swp"), Op: fsnotify.Create},
		{Name: filepath.Join(filepath.Dir(root), "beside.txt"), Op: fsnotify.Write}, // the parent is watched for the folder itself
	} {
		events <- ev
	}
	// A new folder is watched, and is a change.
	events <- fsnotify.Event{Name: filepath.Join(root, "guide"), Op: fsnotify.Create}
	waitFor(t, "the new folder's timer", func() bool { return timers.count(quiet) == 501 })
	if got := dirs.Load(); got != 1 {
		t.Errorf("addDir called %d times, want 1 (for the created folder)", got)
	}
	timers.fireLast(quiet)
	waitFor(t, "a second reload", func() bool { return requests.Load() >= 2 })
	if got := requests.Load(); got != 2 {
		t.Errorf("%d reloads for two bursts, want 2", got)
	}

	// Changes that never stop still reload once the longest wait is up.
	events <- fsnotify.Event{Name: filepath.Join(root, "busy.md"), Op: fsnotify.Write}
	events <- fsnotify.Event{Name: filepath.Join(root, "busy.md"), Op: fsnotify.Write}
	waitFor(t, "the third burst's timers", func() bool { return timers.count(maxWait) == 3 && timers.count(quiet) == 503 })
	timers.fireLast(maxWait)
	waitFor(t, "a reload at the longest wait", func() bool { return requests.Load() >= 3 })

	// Lost events (the kernel's queue overflowed) reload at once.
	errs <- fsnotify.ErrEventOverflow
	waitFor(t, "a reload after lost events", func() bool { return requests.Load() >= 4 })
	if got := requests.Load(); got != 4 {
		t.Errorf("%d reloads, want 4", got)
	}
}

// The watcher on real files: new files, new sub-folders at any depth,
// removals, a burst of 500 files, and a folder that stops being loadable.
func TestWatchReloadsOnRealChanges(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("gold.txt", goldText)
	write("old/deep/tin.txt", "Tin\n\nTin is soft and silvery.\n")
	logs := &e2eBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	r, p := newTestReloader(t, dir, logs)
	cw, err := r.watch(300*time.Millisecond, 10*time.Second) // quiet long enough that a loop of writes is one burst
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); cw.run(ctx) }()
	defer func() { cancel(); <-done; cw.Close() }()

	has := func(id string) bool {
		for _, d := range p.Documents() {
			if d.ID == id {
				return true
			}
		}
		return false
	}
	write("yen.txt", "The yen\n\nThe weak yen helps exporters.\n")
	write("logo.png", "\x89PNG\r\n")
	waitFor(t, "the new file", func() bool { return has("yen") })
	write("old/deep/tin.txt", "Tin\n\nTin is soft and silvery; it melts at 232 degrees.\n")
	waitFor(t, "the change in an existing sub-folder", func() bool {
		m, err := p.Search(ctx, "melts degrees", 1)
		return err == nil && len(m) == 1 && m[0].DocID == "old/deep/tin"
	})
	// Folders created after the watch started are watched too.
	write("guide/a/b/hooks.md", "# Hooks\n\nHooks run before install.\n")
	waitFor(t, "a file in new nested folders", func() bool { return has("guide/a/b/hooks") })
	write("guide/a/b/later.md", "# Later\n\nWritten after the folder was created.\n")
	waitFor(t, "a second file in the new folder", func() bool { return has("guide/a/b/later") })
	os.Remove(filepath.Join(dir, "gold.txt"))
	waitFor(t, "the removal", func() bool { return !has("gold") })

	// A burst of 500 files: all loaded, in a few reloads rather than 500.
	reloadsBefore := strings.Count(logs.String(), "corpus folder changed: reloaded")
	for i := range 500 {
		write(fmt.Sprintf("pull/doc%03d.md", i), fmt.Sprintf("# Page %d\n\nPage number %d of the pull.\n", i, i))
	}
	waitFor(t, "the 500 files", func() bool { return has("pull/doc499") && len(p.Documents()) == 504 })
	if n := strings.Count(logs.String(), "corpus folder changed: reloaded") - reloadsBefore; n > 50 {
		t.Errorf("500 files written in a loop gave %d reloads; the debounce should make them a few", n)
	}

	// A file not loaded is named once, not at every reload.
	if n := strings.Count(logs.String(), "path=logo.png"); n != 1 {
		t.Errorf("logo.png named %d times in the log, want once:\n%s", n, logs.String())
	}

	// Nothing loadable: the index stays, and the reason is logged once
	// however many changes follow.
	os.RemoveAll(filepath.Join(dir, "pull"))
	os.RemoveAll(filepath.Join(dir, "guide"))
	os.RemoveAll(filepath.Join(dir, "old"))
	os.Remove(filepath.Join(dir, "yen.txt"))
	write("blob.txt", "\x00\x01\x02binary")
	waitFor(t, "the failed reload", func() bool { return strings.Contains(logs.String(), "could not be loaded") })
	write("blob2.txt", "\x00\x01\x02binary")
	write("blob3.txt", "\x00\x01\x02binary")
	write("yen.txt", "The yen\n\nThe weak yen helps exporters, again.\n")
	waitFor(t, "the folder loadable again", func() bool { return len(p.Documents()) == 1 && has("yen") })
	if n := strings.Count(logs.String(), "could not be loaded"); n != 1 {
		t.Errorf("the failing reload was logged %d times, want once:\n%s", n, logs.String())
	}
	if !has("yen") {
		t.Error("the index was lost")
	}
}

// DATA_DIR inside the corpus folder (CORPUS_DIR=. with the default
// ./data): the database and the index snapshot written there are not
// changes to the documents. Each write (every answer recorded, every
// snapshot saved) set off a reload of the whole corpus, and a reload saves
// a snapshot (round four).
func TestWatchIgnoresDataDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "gold.txt"), []byte(goldText), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o700); err != nil {
		t.Fatal(err)
	}
	logs := &e2eBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	r, p := newTestReloader(t, dir, logs)
	cw, err := r.watch(200*time.Millisecond, 10*time.Second, data)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); cw.run(ctx) }()
	defer func() { cancel(); <-done; cw.Close() }()

	for i := range 5 {
		if err := os.WriteFile(filepath.Join(data, "corpusbot.db-wal"), []byte(strings.Repeat("w", i+1)), 0o600); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond) // past the quiet period: each would be a reload of its own
	}
	if err := os.WriteFile(filepath.Join(dir, "yen.txt"), []byte("The yen\n\nThe weak yen helps exporters.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the new document", func() bool {
		for _, d := range p.Documents() {
			if d.ID == "yen" {
				return true
			}
		}
		return false
	})
	if n := strings.Count(logs.String(), "corpus folder changed: reloaded"); n != 1 {
		t.Errorf("%d reloads, want one (the document's):\n%s", n, logs.String())
	}
}

// Between the failed reload and the one that succeeds, the old index
// answers.
func TestWatchFailedReloadKeepsIndex(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"gold.txt": goldText})
	logs := &e2eBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	r, p := newTestReloader(t, dir, logs)
	cw, err := r.watch(50*time.Millisecond, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); cw.run(ctx) }()
	defer func() { cancel(); <-done; cw.Close() }()

	os.Remove(filepath.Join(dir, "gold.txt"))
	waitFor(t, "the failed reload", func() bool { return strings.Contains(logs.String(), "could not be loaded") })
	m, err := p.Search(ctx, "gold record", 1)
	if err != nil || len(m) != 1 || m[0].DocID != "gold" {
		t.Errorf("after a failed reload, search = %v, %v; want the old index's gold", m, err)
	}
	if !strings.Contains(logs.String(), "no loadable documents") {
		t.Errorf("the log does not say why:\n%s", logs.String())
	}
}

func TestWatchMissingFolder(t *testing.T) {
	e := &env{log: slog.New(slog.DiscardHandler)}
	r := &reloader{env: e, dir: filepath.Join(t.TempDir(), "missing")}
	if cw, err := r.watch(time.Second, time.Minute); err == nil {
		cw.Close()
		t.Fatal("watching a missing folder succeeded")
	}
}

// Through the whole program: with CORPUS_DIR the bot picks up a new file
// by itself; WATCH_CORPUS=false turns that off.
func TestE2EWatchedCorpusFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"gold.txt": goldText})
	dc := discordtest.New(t, discordtest.WithToken(e2eToken),
		discordtest.WithGuild(e2eGuild, []discordtest.Channel{{ID: e2eGeneral, Name: "general"}}, nil))
	ai := openaitest.New(t, openaitest.WithResponder(e2eResponder))

	off := startOn(t, dc, ai, map[string]string{"CORPUS_DIR": dir, "WATCH_CORPUS": "false"})
	// The watch is set up before the bot connects, so its absence is
	// already certain here.
	if strings.Contains(off.stderr.String(), "watching the corpus folder") {
		t.Errorf("WATCH_CORPUS=false, yet the folder is watched:\n%s", off.stderr.String())
	}
	off.stop()

	b := startOn(t, dc, ai, map[string]string{"CORPUS_DIR": dir})
	if !strings.Contains(b.stderr.String(), "watching the corpus folder") {
		t.Fatalf("the corpus folder is not watched:\n%s", b.stderr.String())
	}
	writeFiles(t, dir, map[string]string{"yen.txt": yenText})
	waitFor(t, "/search to find the new file", func() bool {
		if strings.Contains(b.search("yen exporters"), "— yen #0") {
			return true
		}
		time.Sleep(100 * time.Millisecond)
		return false
	})
	b.noViolations()
}

// The folder itself replaced: a symbolic link switched to another release
// (with subfolders that must be watched too), and a folder removed and
// made again.
func TestWatchFolderReplaced(t *testing.T) {
	base := t.TempDir()
	writeFiles(t, base, map[string]string{
		"releases/1/gold.txt":       goldText,
		"releases/2/yen.txt":        yenText,
		"releases/2/guide/intro.md": "# Intro\n\nWelcome aboard.\n",
		"beside.txt":                "not in the corpus\n",
	})
	link := filepath.Join(base, "docs")
	if err := os.Symlink(filepath.Join(base, "releases", "1"), link); err != nil {
		t.Fatal(err)
	}
	logs := &e2eBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	r, p := newTestReloader(t, link, logs)
	cw, err := r.watch(50*time.Millisecond, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); cw.run(ctx) }()
	defer func() { cancel(); <-done; cw.Close() }()
	ids := func() string {
		var out []string
		for _, d := range p.Documents() {
			out = append(out, d.ID)
		}
		return strings.Join(out, " ")
	}

	// Switch the link as deploy tools do: a new link renamed over it.
	tmp := filepath.Join(base, "docs.new")
	if err := os.Symlink(filepath.Join(base, "releases", "2"), tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, link); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the new release", func() bool { return ids() == "guide/intro yen" })
	// Its subfolders are watched.
	writeFiles(t, filepath.Join(base, "releases", "2"), map[string]string{"guide/more.md": "# More\n\nMore to read.\n"})
	waitFor(t, "a file in the new release's subfolder", func() bool { return ids() == "guide/intro guide/more yen" })

	// Removed, then made again.
	os.Remove(link)
	waitFor(t, "the failed reload", func() bool { return strings.Contains(logs.String(), "could not be loaded") })
	if ids() != "guide/intro guide/more yen" {
		t.Errorf("the index changed when the folder went: %s", ids())
	}
	writeFiles(t, base, map[string]string{"docs/tin.txt": "Tin\n\nTin is soft.\n"})
	waitFor(t, "the folder made again", func() bool { return ids() == "tin" })
	writeFiles(t, base, map[string]string{"docs/sub/lead.txt": "Lead\n\nLead is heavy.\n"})
	waitFor(t, "a new subfolder of the folder made again", func() bool { return ids() == "sub/lead tin" })
}

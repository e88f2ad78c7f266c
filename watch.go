package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watching the corpus folder: a change under it (a file written, created,
// removed or renamed, a folder added) reloads the corpus through the same
// reloader as SIGHUP and /reload. Changes are debounced: a reload starts
// once the folder has been quiet for watchQuiet, or watchMaxWait after the
// first change of a burst that does not stop, so a `git pull` of 500 files
// is one reload.
const (
	watchQuiet   = 2 * time.Second
	watchMaxWait = 30 * time.Second
)

// watcher turns file-system events into reload requests.
type watcher struct {
	root    string
	log     *slog.Logger
	quiet   time.Duration
	maxWait time.Duration
	// after makes the debounce timers; time.After outside tests.
	after func(time.Duration) <-chan time.Time
	// ignore are folders inside root, relative to it with slashes, whose
	// changes are not the documents' (DATA_DIR's database and snapshot).
	ignore []string
}

// corpusWatch is a folder being watched for one reloader.
type corpusWatch struct {
	r  *reloader
	w  *watcher
	fw *fsnotify.Watcher
}

// watch starts watching r's folder and its sub-folders but those of
// ignore that are inside it (DATA_DIR). It fails only when the folder
// cannot be watched at all; the bot then runs on without watching (SIGHUP
// and /reload still work). Run the result, then Close it.
func (r *reloader) watch(quiet, maxWait time.Duration, ignore ...string) (*corpusWatch, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", r.dir, err)
	}
	root := filepath.Clean(r.dir)
	w := &watcher{root: root, log: r.env.log, quiet: quiet, maxWait: maxWait, after: time.After}
	for _, dir := range ignore {
		if rel, ok := inside(root, dir); ok {
			w.ignore = append(w.ignore, rel)
			w.log.Info("the data folder is inside the corpus folder: its files are not documents, and their changes are not watched", "dir", dir)
		}
	}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watch %s: %w", r.dir, err)
	}
	w.addTree(fw, root, false)
	// The parent too, for the folder itself being replaced: removed and
	// made again, or a symbolic link switched to another release. Events
	// of its other entries are ignored.
	if parent := filepath.Dir(root); parent != root {
		fw.Add(parent) // best effort: without it, only the folder's contents are watched
	}
	w.log.Info("watching the corpus folder for changes", "dir", r.dir)
	return &corpusWatch{r: r, w: w, fw: fw}, nil
}

// Close stops watching.
func (cw *corpusWatch) Close() error { return cw.fw.Close() }

// run reloads the folder whenever it changes, until ctx is done.
func (cw *corpusWatch) run(ctx context.Context) {
	requests := make(chan struct{}, 1) // one pending reload at most: requests coalesce
	done := make(chan struct{})
	go func() {
		defer close(done)
		cw.r.reloadOnRequest(ctx, requests)
	}()
	cw.w.loop(ctx, cw.fw.Events, cw.fw.Errors, func(dir string) { cw.w.addTree(cw.fw, dir, true) }, func() {
		select {
		case requests <- struct{}{}:
		default: // a reload is already pending; it will see this change too
		}
	})
	<-done
}

// reloadOnRequest reloads once per request until ctx is done. A failure
// keeps the current index and is logged once: failures after it, while
// the folder stays unloadable, are not repeated until a reload succeeds.
func (r *reloader) reloadOnRequest(ctx context.Context, requests <-chan struct{}) {
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-requests:
		}
		msg, err := r.reload(ctx, true)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil && !failing:
			failing = true
			r.env.log.Error("corpus folder changed but could not be loaded; keeping the current index", "error", err)
		case err != nil:
			r.env.log.Debug("corpus folder changed; still not loadable", "error", err)
		default:
			failing = false
			r.env.log.Info("corpus folder changed: "+msg, "dir", r.dir)
		}
	}
}

// loop debounces events into calls of request, and calls addDir for each
// folder created, until ctx is done or the event channel closes.
func (w *watcher) loop(ctx context.Context, events <-chan fsnotify.Event, errs <-chan error, addDir func(string), request func()) {
	var quietC, maxC <-chan time.Time // nil: nothing pending
	fire := func() {
		quietC, maxC = nil, nil
		request()
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				addDir(ev.Name) // a no-op for a file
			}
			quietC = w.after(w.quiet)
			if maxC == nil {
				maxC = w.after(w.maxWait)
			}
		case err, ok := <-errs:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: reload, since something changed.
				w.log.Warn("too many changes at once in the corpus folder to follow each; reloading all of it", "dir", w.root)
				fire()
				continue
			}
			w.log.Warn("watching the corpus folder", "dir", w.root, "error", err)
		case <-quietC:
			fire()
		case <-maxC:
			fire()
		}
	}
}

// relevant reports whether an event can change what is loaded: not a
// change of permissions or times alone, nor anything inside a hidden file
// or folder (".git", editors' swap files), which the loader skips.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false // beside the folder: its parent is watched for the folder itself
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return false
		}
	}
	return !w.ignored(rel)
}

// ignored reports whether rel, a path relative to the root, is in one of
// the folders the watcher ignores.
func (w *watcher) ignored(rel string) bool {
	rel = filepath.ToSlash(rel)
	for _, ig := range w.ignore {
		if rel == ig || strings.HasPrefix(rel, ig+"/") {
			return true
		}
	}
	return false
}

// inside returns dir relative to root, with slashes, when dir is a folder
// strictly inside root (both made absolute, neither resolved further).
func inside(root, dir string) (string, bool) {
	ar, err1 := filepath.Abs(root)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(ar, ad)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// addTree watches dir's sub-folders, recursively (fsnotify watches one
// folder at a time), and dir itself when withSelf. Hidden folders are
// left out. A folder that cannot be watched is logged, once per call.
func (w *watcher) addTree(fw *fsnotify.Watcher, dir string, withSelf bool) {
	failed, firstErr := 0, error(nil)
	// The trailing separator makes WalkDir follow dir when it is a
	// symbolic link (CORPUS_DIR may be one), as the loader does.
	start := dir + string(filepath.Separator)
	filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a file (not a folder to walk), or a folder that went away meanwhile
		}
		if path == start {
			if !withSelf {
				return nil
			}
		} else if !d.IsDir() {
			return nil
		} else if strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		} else if rel, err := filepath.Rel(w.root, path); err == nil && w.ignored(rel) {
			return filepath.SkipDir
		}
		if err := fw.Add(filepath.Clean(path)); err != nil {
			failed++
			if firstErr == nil {
				firstErr = err
			}
		}
		return nil
	})
	if failed > 0 {
		w.log.Warn("some corpus folders are not watched: changes in them are loaded only with the next reload (on Linux, raise fs.inotify.max_user_watches)",
			"folders", failed, "error", firstErr)
	}
}

package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/retrieval"
	"corpusbot/snapshot"
)

// snapshotFile is where a corpus folder's index is saved, in DATA_DIR: one
// file, whatever the folder, so that it cannot pile up; its key tells
// whose it is.
const snapshotFile = "index.snap"

// loadIndexed loads dir and its index. With INDEX_SNAPSHOT and a folder, the
// snapshot in DATA_DIR is used when it was made from the folder's current
// contents (by the same program with the same settings); else the folder is
// read and indexed, and the snapshot to save for the next start returned
// as pending, for the caller to save (pendingSnapshot.save) when it
// suits: the bot answers first and saves in the background. A nil index
// (the embedded corpus, INDEX_SNAPSHOT=false) is built by the pipeline.
func (e *env) loadIndexed(ctx context.Context, dir string) (*corpus.Corpus, *retrieval.Index, *pendingSnapshot, error) {
	if dir == "" || !e.cfg.IndexSnapshot {
		c, err := e.loadCorpus(ctx, dir)
		return c, nil, nil, err
	}
	start := time.Now()
	path := filepath.Join(e.cfg.DataDir, snapshotFile)
	kcfg, err := e.keyConfig()
	if err != nil {
		e.log.Warn("index snapshot: cannot hash the program; loading the folder", "error", err)
		c, err := e.loadCorpus(ctx, dir)
		return c, nil, nil, err
	}
	prev, err := snapshot.ReadManifest(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Nothing to check: the folder is hashed as it is loaded.
		e.log.Info("index snapshot: none yet; loading the folder", "path", path)
		return e.buildIndexed(ctx, dir, kcfg, nil, true)
	case err != nil:
		e.log.Warn("index snapshot: unusable, rebuilding it", "path", path, "error", err)
		return e.buildIndexed(ctx, dir, kcfg, nil, true)
	}
	o := openSnapshot(path, func() (snapshot.Key, *snapshot.Manifest, error) {
		return snapshot.ContentKey(ctx, corpus.DirFS(dir), kcfg, prev) // listed as the load lists it
	})
	c, ix, info, err, key, man := o.c, o.ix, o.info, o.err, o.key, o.man
	if o.keyErr != nil {
		e.log.Warn("index snapshot: cannot hash the corpus folder; loading it", "error", o.keyErr)
		c, err := e.loadCorpus(ctx, dir)
		return c, nil, nil, err
	}
	switch {
	case err == nil:
		e.log.Info("corpus: from the index snapshot", "path", path, "bytes", info.Bytes, "mapped", info.Mapped,
			"documents", len(c.Docs), "passages", ix.Len(), "key", key.String(), "files_hashed", man.Read(), "took", time.Since(start).Round(time.Millisecond))
		e.reportSnapshotLoad(c)
		return c, ix, nil, nil
	case errors.Is(err, snapshot.ErrStale):
		e.log.Info("index snapshot: none for these contents; loading the folder", "path", path, "key", key.String())
	default:
		e.log.Warn("index snapshot: unusable, rebuilding it", "path", path, "error", err)
	}
	// The files that did not change are not hashed again: their hashes
	// are the manifest's.
	return e.buildIndexed(ctx, dir, kcfg, man, true)
}

// opened is what openSnapshot found.
type opened struct {
	c      *corpus.Corpus
	ix     *retrieval.Index
	info   snapshot.Info
	err    error // of the snapshot; nil: c and ix are usable
	key    snapshot.Key
	man    *snapshot.Manifest
	keyErr error // of hash: the folder could not be hashed
}

// openSnapshot opens the snapshot at path for the key hash gives (the
// folder's), hashing while the snapshot is checked and decoded
// (snapshot.OpenWhen), with the collector paused until the snapshot is
// decoded or refused: nearly all that is allocated meanwhile is the
// corpus's structs, which stay, and collecting as the heap grows to them
// scans them again and again for nothing (an eighth of a restart's CPU for
// a million passages). The other garbage is the hashing's, a few hundred
// bytes a file. Nothing is rebuilt before the collector is back.
func openSnapshot(path string, hash func() (snapshot.Key, *snapshot.Manifest, error)) opened {
	var o opened
	hashed := make(chan struct{})
	go func() {
		defer close(hashed)
		o.key, o.man, o.keyErr = hash()
	}()
	gc := debug.SetGCPercent(-1)
	o.c, o.ix, o.info, o.err = snapshot.OpenWhen(path, func() (snapshot.Key, error) {
		<-hashed
		return o.key, o.keyErr
	})
	debug.SetGCPercent(gc)
	<-hashed
	return o
}

// reloadIndexed reads dir again and indexes it, saving a snapshot for the
// next start but serving from the heap: the mapping of a snapshot is never
// released (strings of its corpus may be held anywhere), so only the one
// of the start is mapped. A nil index is built by the pipeline.
func (e *env) reloadIndexed(ctx context.Context, dir string) (*corpus.Corpus, *retrieval.Index, error) {
	if dir == "" || !e.cfg.IndexSnapshot {
		c, err := e.loadCorpus(ctx, dir)
		return c, nil, err
	}
	kcfg, err := e.keyConfig()
	if err != nil {
		e.log.Warn("index snapshot: cannot hash the program; loading the folder", "error", err)
		c, err := e.loadCorpus(ctx, dir)
		return c, nil, err
	}
	prev, _ := snapshot.ReadManifest(filepath.Join(e.cfg.DataDir, snapshotFile)) // none or unreadable: every file is hashed
	c, ix, pending, err := e.buildIndexed(ctx, dir, kcfg, prev, false)
	if err != nil {
		return nil, nil, err
	}
	if pending != nil {
		e.saveSnapshot(ctx, pending)
	}
	return c, ix, nil
}

// pendingSnapshot is a build's snapshot, not yet written.
type pendingSnapshot struct {
	path  string
	h     *snapshot.Hasher // makes key and man (keyed); nil once made
	key   snapshot.Key
	man   *snapshot.Manifest
	c     *corpus.Corpus
	ix    *retrieval.Index
	arena *snapshot.Arena // c's texts; nil: in the heap
}

// keyed makes ps's key and manifest, once: the hasher hashes the texts
// the load kept as read (most files) now, when the snapshot is saved,
// rather than on the way to answering. Texts in the arena are mapped in as
// they are hashed, so it is trimmed meanwhile, as while the index is
// built.
func (ps *pendingSnapshot) keyed(ctx context.Context) error {
	if ps.h == nil {
		return nil
	}
	stop := ps.arena.Trim(arenaTrim)
	key, man, err := ps.h.Key(ctx)
	stop()
	if err != nil {
		return fmt.Errorf("hash the corpus folder: %w", err)
	}
	ps.key, ps.man, ps.h = key, man, nil
	return nil
}

// buildIndexed reads dir and indexes it as the pipeline does, giving each
// file to a snapshot.Hasher as it is read (prev, the manifest of an
// earlier snapshot, spares hashing the files that did not change). The
// snapshot is returned to be saved; its key is made when it is saved
// (pendingSnapshot.keyed).
//
// With arena (the start's build, not a reload's: an arena's file stays
// mapped for the life of the process), the texts are read into the
// snapshot's file as it is started (snapshot.Arena), kept out of the
// process's resident memory but for the pages being read while the
// folder is loaded and indexed.
func (e *env) buildIndexed(ctx context.Context, dir string, kcfg snapshot.KeyConfig, prev *snapshot.Manifest, arena bool) (*corpus.Corpus, *retrieval.Index, *pendingSnapshot, error) {
	// The hasher takes its list of the files from the load's.
	h := snapshot.NewLoadHasher(corpus.DirFS(dir), kcfg, prev)
	var a *snapshot.Arena
	if arena {
		a = e.newArena()
	}
	c, ix, err := e.loadIndex(ctx, dir, h, a)
	if err != nil {
		return nil, nil, nil, err
	}
	return c, ix, &pendingSnapshot{path: filepath.Join(e.cfg.DataDir, snapshotFile), h: h, c: c, ix: ix, arena: a}, nil
}

// newArena starts the snapshot's file for a build's texts, or returns nil
// (logged) where it cannot: the texts are then read into the heap.
func (e *env) newArena() *snapshot.Arena {
	a, err := snapshot.NewArena(e.cfg.DataDir)
	if err != nil {
		e.log.Info("index snapshot: the texts are read into memory, not into the snapshot's file", "error", err)
		return nil
	}
	return a
}

// arenaTrim is how often an index build drops the pages of its arena it
// is not reading from its resident memory (snapshot.Arena.Trim).
const arenaTrim = 100 * time.Millisecond

// loadIndex loads dir, giving its files to h (see loadCorpusRead), and
// indexes it, with its texts in a when not nil. The load keeps the pages
// it wrote (it reads each text again, and its peak is within the index
// build's): trimmed meanwhile, the pages it read back cost 1.5 s of CPU
// for the 1 M corpus. They are dropped once loaded, and trimmed while the
// index, which holds the most besides, is built.
func (e *env) loadIndex(ctx context.Context, dir string, h *snapshot.Hasher, a *snapshot.Arena) (*corpus.Corpus, *retrieval.Index, error) {
	var texts func(int) []byte
	if a != nil {
		texts = a.Alloc
	}
	c, err := e.loadCorpusRead(ctx, dir, h, texts)
	a.Evict()
	if err != nil {
		return nil, nil, err
	}
	stop := a.Trim(arenaTrim)
	defer stop()
	ix, err := answer.Index(retrieval.Config{}, c)
	if err != nil {
		return nil, nil, err
	}
	return c, ix, nil
}

// saveSnapshot writes ps, logging how it went. A snapshot that cannot be
// written is no error for the caller: the next start loads the folder.
func (e *env) saveSnapshot(ctx context.Context, ps *pendingSnapshot) error {
	start := time.Now()
	err := ps.keyed(ctx)
	if err == nil {
		err = ps.arena.Write(ctx, ps.path, ps.key, ps.man, ps.c, ps.ix)
	}
	if err != nil {
		e.log.Warn("index snapshot: not saved; the next start will load the folder again", "error", err)
		return err
	}
	e.log.Info("index snapshot saved", "path", ps.path, "key", ps.key.String(), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// adopt saves ps, the snapshot of the start's build, then serves from it,
// mapped, as a restart would, letting the heap copy go (most of a build's
// memory). A reload that came first has saved its own, and is kept. It
// holds the reload lock meanwhile, so that a reload waits for it rather
// than racing it to the file.
func (r *reloader) adopt(ctx context.Context, ps *pendingSnapshot) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.reloads > 0 {
		return
	}
	start := time.Now()
	c, ix, _, err := r.env.saveMapped(ctx, ps)
	if err == nil {
		err = r.p.ReloadIndexed(c, ix)
	}
	if err != nil {
		r.env.log.Warn("index snapshot: not saved or not mapped; serving from memory", "path", ps.path, "error", err)
		return
	}
	path, arena := ps.path, ps.arena
	*ps = pendingSnapshot{}
	arena.Evict()        // the heap copy's texts, in the file, are not read now
	debug.FreeOSMemory() // the heap copy is garbage now: give it back
	r.env.log.Info("corpus: serving from the index snapshot", "path", path, "took", time.Since(start).Round(time.Millisecond))
}

// saveMapped writes ps and maps it back (snapshot.WriteOpen), for the
// caller to serve from instead of ps's heap copy. The mapped copy is
// decoded beside the heap one, which still answers meanwhile: the peak of
// a build's memory, which WriteOpen keeps to the small parts of the file.
func (e *env) saveMapped(ctx context.Context, ps *pendingSnapshot) (*corpus.Corpus, *retrieval.Index, snapshot.Info, error) {
	// The build's scratch (the loader's buffers, the index's per-item
	// lists) is garbage by now, but its pages would stay with the process
	// while the file is written and mapped on top.
	debug.FreeOSMemory()
	start := time.Now()
	if err := ps.keyed(ctx); err != nil {
		return nil, nil, snapshot.Info{}, err
	}
	c, ix, info, err := snapshot.WriteOpen(ctx, ps.path, ps.key, ps.man, ps.c, ps.ix, ps.arena)
	if err != nil {
		return nil, nil, info, err
	}
	e.log.Info("index snapshot saved and mapped", "path", ps.path, "key", ps.key.String(), "bytes", info.Bytes, "took", time.Since(start).Round(time.Millisecond))
	return c, ix, info, nil
}

// keyConfig is what besides the folder's files decides a load: this
// program and the loader's settings.
func (e *env) keyConfig() (snapshot.KeyConfig, error) {
	prog, err := programHash()
	if err != nil {
		return snapshot.KeyConfig{}, err
	}
	return snapshot.KeyConfig{Program: prog, Corpus: corpus.Config{MaxFileBytes: e.cfg.MaxFileBytes}}, nil
}

// programHash identifies this build: a new binary may load or analyse
// differently, so its first start rebuilds. The executable is hashed
// rather than its version stamp, which a build from a modified tree does
// not change.
func programHash() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// reportSnapshotLoad says what a load from the folder would have said of
// the files not loaded: the loader logs each one as it reads.
func (e *env) reportSnapshotLoad(c *corpus.Corpus) {
	if e.notes == nil {
		for _, w := range c.Warnings {
			if w.Skipped() {
				e.log.Warn("corpus: skipped file", "path", w.Path, "reason", w.Reason, "kind", string(w.Kind))
			} else {
				e.log.Warn("corpus: repaired file", "path", w.Path, "reason", w.Reason)
			}
		}
	}
	e.reportLoad(c)
}

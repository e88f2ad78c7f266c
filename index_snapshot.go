package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
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
// read and indexed, and a snapshot saved for the next start. With remap,
// the process then serves from the saved snapshot, mapped, rather than
// from the heap, as after a restart. A nil index (the embedded corpus,
// INDEX_SNAPSHOT=false) is built by the pipeline.
func (e *env) loadIndexed(ctx context.Context, dir string, remap bool) (*corpus.Corpus, *retrieval.Index, error) {
	if dir == "" || !e.cfg.IndexSnapshot {
		c, err := e.loadCorpus(ctx, dir)
		return c, nil, err
	}
	start := time.Now()
	path := filepath.Join(e.cfg.DataDir, snapshotFile)
	o := openSnapshot(path, func() (snapshot.Key, *snapshot.Manifest, error) { return e.snapshotKey(ctx, dir, path) })
	c, ix, info, err, key, man := o.c, o.ix, o.info, o.err, o.key, o.man
	if o.keyErr != nil {
		e.log.Warn("index snapshot: cannot hash the corpus folder; loading it", "err", o.keyErr)
		c, err := e.loadCorpus(ctx, dir)
		return c, nil, err
	}
	switch {
	case err == nil:
		e.log.Info("corpus: from the index snapshot", "path", path, "bytes", info.Bytes, "mapped", info.Mapped,
			"documents", len(c.Docs), "passages", ix.Len(), "key", key.String(), "files_hashed", man.Read(), "took", time.Since(start).Round(time.Millisecond))
		e.reportSnapshotLoad(c)
		return c, ix, nil
	case errors.Is(err, snapshot.ErrNotFound) || errors.Is(err, snapshot.ErrStale):
		e.log.Info("index snapshot: none for these contents; loading the folder", "path", path, "key", key.String())
	default:
		e.log.Warn("index snapshot: unusable, rebuilding it", "path", path, "err", err)
	}
	c, ix, err = e.buildIndexed(ctx, dir, key, man)
	if err != nil || !remap {
		return c, ix, err
	}
	if c2, ix2, _, err := snapshot.Open(path, key); err == nil {
		c, ix = c2, ix2
		debug.FreeOSMemory() // the heap copy is garbage now: give it back
	}
	return c, ix, nil
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
	key, man, err := e.snapshotKey(ctx, dir, filepath.Join(e.cfg.DataDir, snapshotFile))
	if err != nil {
		e.log.Warn("index snapshot: cannot hash the corpus folder; loading it", "err", err)
		c, err := e.loadCorpus(ctx, dir)
		return c, nil, err
	}
	return e.buildIndexed(ctx, dir, key, man)
}

// buildIndexed reads dir, indexes it as the pipeline does and saves a
// snapshot of key, which must have been computed before the read (so that
// a file changed meanwhile makes the next start rebuild, not the reverse).
// A snapshot that cannot be written is logged; the index is still used.
func (e *env) buildIndexed(ctx context.Context, dir string, key snapshot.Key, man *snapshot.Manifest) (*corpus.Corpus, *retrieval.Index, error) {
	c, err := e.loadCorpus(ctx, dir)
	if err != nil {
		return nil, nil, err
	}
	ix, err := answer.Index(retrieval.Config{}, c)
	if err != nil {
		return nil, nil, err
	}
	path := filepath.Join(e.cfg.DataDir, snapshotFile)
	start := time.Now()
	if err := snapshot.Write(path, key, man, c, ix); err != nil {
		e.log.Warn("index snapshot: not saved; the next start will load the folder again", "err", err)
	} else {
		e.log.Info("index snapshot saved", "path", path, "key", key.String(), "took", time.Since(start).Round(time.Millisecond))
	}
	return c, ix, nil
}

// snapshotKey hashes dir's contents with what else decides a load,
// reusing the hashes of the files that provably did not change since the
// snapshot at path was made (its manifest; see snapshot.ContentKey).
func (e *env) snapshotKey(ctx context.Context, dir, path string) (snapshot.Key, *snapshot.Manifest, error) {
	prog, err := programHash()
	if err != nil {
		return snapshot.Key{}, nil, err
	}
	prev, _ := snapshot.ReadManifest(path) // none or unreadable: every file is read
	return snapshot.ContentKey(ctx, os.DirFS(dir), snapshot.KeyConfig{
		Program: prog,
		Corpus:  corpus.Config{MaxFileBytes: e.cfg.MaxFileBytes},
	}, prev)
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

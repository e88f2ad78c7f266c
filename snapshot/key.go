package snapshot

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"corpusbot/corpus"
	"corpusbot/retrieval"
)

// Key names the contents a snapshot was made from. Two loads with one key
// give the same corpus and index.
type Key [32]byte

func (k Key) String() string { return hex.EncodeToString(k[:8]) }

// KeyConfig is everything besides the files that decides what a load
// gives.
type KeyConfig struct {
	// Program identifies the code that loads and indexes, such as a hash of
	// the executable: a new build may analyse differently, so it rebuilds.
	Program []byte
	Corpus  corpus.Config // MaxFileBytes and MaxTitleRunes count
	// Retrieval is the index's configuration; defaults are filled in.
	Retrieval retrieval.Config
}

// ContentKey hashes the contents of every file corpus.Load would look at
// under fsys (SHA-256, on as many goroutines as there are CPUs), with their
// paths and cfg. Files Load skips by name (unsupported types) count by
// path, files over MaxFileBytes by path and size, as Load decides on
// nothing else for them.
//
// Each file's hash may come from prev, the manifest of an earlier call,
// instead of reading the file: only when its size, modification time,
// change time and inode are all unchanged and it last changed at least
// racyWindow before prev was taken. Size and modification time alone say
// nothing certain (a checkout, a copy that keeps times, an edit within the
// clock's resolution); the change time cannot be set by a copy or a
// checkout and moves on every write, as git's index relies on. With a nil
// prev, or where the system gives no change time, every file is read. The
// returned manifest is prev's successor.
func ContentKey(ctx context.Context, fsys fs.FS, cfg KeyConfig, prev *Manifest) (Key, *Manifest, error) {
	h, err := NewHasher(ctx, fsys, cfg, prev)
	if err != nil {
		return Key{}, nil, err
	}
	return h.Key(ctx)
}

// A Hasher is ContentKey spread over a load: corpus.Load hands it each
// file it reads (Read, as corpus.Config.Read), so that a build reads every
// file once instead of once to hash and once to load, and Key then reads
// only the files Load did not give it. The key is ContentKey's for the
// same contents.
//
// The key describes what was loaded: each file's hash is of the very bytes
// Load parsed, and its size and times in the manifest are from Load's Stat,
// made before the read, so a file written during the load either has a
// hash of what was loaded or times that differ at the next start (which
// then reads it again). A file added during the load is not in the key's
// list, taken before; one removed is, with its error: either way the next
// start's key differs and it rebuilds.
//
// The files whose bytes the load keeps as they were read (a document's
// text: Read's kept) are hashed by Key, not Read, from those bytes: the
// key is only needed to save the snapshot, after the bot answers, so
// their hashing (a second of CPU for a gigabyte of text) is off the way
// to answering, and it is still of the bytes loaded, whatever happened to
// the files since.
type Hasher struct {
	fsys     fs.FS
	cfg      KeyConfig
	prev     *Manifest
	taken    time.Time
	maxBytes int64
	paths    []string
	at       map[string]int
	sums     []fileSum
	given    []bool   // sums[i] came from Read
	later    [][]byte // the bytes Read kept for Key to hash into sums[i]
	listed   bool     // Listed was called
	sha      sync.Pool
}

// NewHasher lists the files under fsys, as ContentKey does, before they are
// loaded.
func NewHasher(ctx context.Context, fsys fs.FS, cfg KeyConfig, prev *Manifest) (*Hasher, error) {
	h := NewLoadHasher(fsys, cfg, prev)
	paths, err := corpus.Files(ctx, fsys)
	if err != nil {
		return nil, err
	}
	h.Listed(paths)
	return h, nil
}

// NewLoadHasher is NewHasher for a load that lists the files itself: Load
// gives the list to Listed (as corpus.Config.Listed) before it reads any
// file, so that the folder is walked once, not once here and once by
// Load. Key fails when Listed was not called.
func NewLoadHasher(fsys fs.FS, cfg KeyConfig, prev *Manifest) *Hasher {
	h := &Hasher{fsys: fsys, cfg: cfg, prev: prev, taken: time.Now(), maxBytes: cfg.Corpus.MaxFileBytes} // taken before any Stat: see Manifest.reuse
	if h.maxBytes <= 0 {
		h.maxBytes = 10 << 20 // corpus's default
	}
	h.sha.New = func() any { return sha256.New() }
	return h
}

// Listed takes the paths of the files to hash, as corpus.Files lists
// them, before any Read; it keeps paths, which must not be changed.
func (h *Hasher) Listed(paths []string) {
	h.paths, h.at = paths, make(map[string]int, len(paths))
	h.sums, h.given, h.later = make([]fileSum, len(paths)), make([]bool, len(paths)), make([][]byte, len(paths))
	for i, p := range paths {
		h.at[p] = i
	}
	h.listed = true
}

// Read takes the contents of path as Load read them, and info, its Stat
// made before the read. kept says data stay as they are until Key has
// returned: they are then hashed by Key rather than now. It may be called
// from several goroutines at once, for different paths, and not after Key.
// A path not listed by NewHasher (added since) is ignored.
func (h *Hasher) Read(path string, info fs.FileInfo, data []byte, kept bool) {
	i, ok := h.at[path]
	if !ok || h.given[i] || !info.Mode().IsRegular() || int64(len(data)) > h.maxBytes {
		return
	}
	f := fileSum{path: path, size: int64(len(data)), mtime: info.ModTime().UnixNano()}
	f.ctime, f.ino, f.stamped = changeStamp(info)
	if f.size != info.Size() {
		f.stamped = false // it changed between the Stat and the read: never reused
	}
	if !h.prev.reuse(&f, h.taken) {
		if kept && len(data) > 0 {
			h.later[i] = data
		} else {
			sh := h.sha.Get().(hash.Hash)
			sh.Reset()
			sh.Write(data)
			sh.Sum(f.sum[:0])
			h.sha.Put(sh)
		}
		f.hashed, f.read = true, true
	}
	h.sums[i], h.given[i] = f, true
}

// Key hashes the bytes Read kept, reads and hashes the files Read was not
// given (all of them without a load), and returns the key and manifest.
// Kept bytes in a mapping (an Arena's) are mapped in as they are hashed:
// the caller may Trim meanwhile. Not to be called concurrently; after an
// error (ctx done) it may be called again.
func (h *Hasher) Key(ctx context.Context) (Key, *Manifest, error) {
	if !h.listed {
		return Key{}, nil, errors.New("snapshot: no list of the files to hash (the load was not given Hasher.Listed)")
	}
	paths, sums, cfg, maxBytes := h.paths, h.sums, h.cfg, h.maxBytes
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(paths))) {
		wg.Go(func() {
			sh := sha256.New()
			buf := make([]byte, 256<<10)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) || ctx.Err() != nil {
					return
				}
				switch {
				case !h.given[i]:
					sums[i] = h.sumFile(paths[i], maxBytes, sh, buf)
				case h.later[i] != nil:
					sh.Reset()
					sh.Write(h.later[i])
					sh.Sum(sums[i].sum[:0])
					h.later[i] = nil // hashed: not again, nor held
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Key{}, nil, err
	}
	rc := cfg.Retrieval
	if rc.K1 == 0 {
		rc.K1 = retrieval.DefaultK1
	}
	if rc.B == 0 {
		rc.B = retrieval.DefaultB
	}
	if rc.Floor == 0 {
		rc.Floor = retrieval.DefaultFloor
	}
	kh := sha256.New()
	var b []byte
	str := func(s string) {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(fmt.Sprintf("corpusbot snapshot key v1 format %d", formatVersion))
	str(string(cfg.Program))
	for _, v := range []int64{cfg.Corpus.MaxFileBytes, int64(cfg.Corpus.MaxTitleRunes)} {
		b = binary.LittleEndian.AppendUint64(b, uint64(v))
	}
	for _, f := range []float64{rc.K1, rc.B, rc.Floor} {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
	}
	kh.Write(b)
	for i, p := range paths {
		b = b[:0]
		str(p)
		b = binary.LittleEndian.AppendUint64(b, uint64(sums[i].size))
		b = append(b, sums[i].sum[:]...)
		str(sums[i].err)
		kh.Write(b)
	}
	var k Key
	kh.Sum(k[:0])
	m := &Manifest{taken: h.taken.UnixNano(), files: sums, index: make(map[string]int, len(sums))}
	for i := range sums {
		m.index[sums[i].path] = i
		if sums[i].read {
			m.read++
		}
	}
	return k, m, nil
}

// sumFile is what ContentKey knows of the file p, reading it unless prev
// gives its hash.
func (h *Hasher) sumFile(p string, maxBytes int64, sh hash.Hash, buf []byte) fileSum {
	fsum := fileSum{path: p}
	if !corpus.Reads(p) {
		return fsum
	}
	st, err := fs.Stat(h.fsys, p)
	if err != nil {
		fsum.err = err.Error()
		return fsum
	}
	fsum.size = st.Size()
	if !st.Mode().IsRegular() || st.Size() > maxBytes {
		return fsum
	}
	fsum.mtime = st.ModTime().UnixNano()
	fsum.ctime, fsum.ino, fsum.stamped = changeStamp(st)
	if h.prev.reuse(&fsum, h.taken) {
		return fsum
	}
	f, err := h.fsys.Open(p)
	if err != nil {
		fsum.err = err.Error()
		return fsum
	}
	sh.Reset()
	// Hidden behind a plain Reader, the file is read into buf:
	// io.CopyBuffer hands an *os.File to its WriteTo, which ignores buf
	// and allocates a new one for every file.
	n, err := io.CopyBuffer(sh, struct{ io.Reader }{f}, buf)
	f.Close()
	if err != nil {
		fsum.err = err.Error()
		return fsum
	}
	fsum.size = n
	sh.Sum(fsum.sum[:0])
	fsum.hashed, fsum.read = true, true
	return fsum
}

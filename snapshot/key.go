package snapshot

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
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
	taken := time.Now()
	paths, err := corpus.Files(ctx, fsys)
	if err != nil {
		return Key{}, nil, err
	}
	maxBytes := cfg.Corpus.MaxFileBytes
	if maxBytes <= 0 {
		maxBytes = 10 << 20 // corpus's default
	}
	sums := make([]fileSum, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(paths))) {
		wg.Go(func() {
			h := sha256.New()
			buf := make([]byte, 256<<10)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) || ctx.Err() != nil {
					return
				}
				p, fsum := paths[i], &sums[i]
				fsum.path = p
				if !corpus.Reads(p) {
					continue
				}
				st, err := fs.Stat(fsys, p)
				if err != nil {
					fsum.err = err.Error()
					continue
				}
				fsum.size = st.Size()
				if !st.Mode().IsRegular() || st.Size() > maxBytes {
					continue
				}
				fsum.mtime = st.ModTime().UnixNano()
				fsum.ctime, fsum.ino, fsum.stamped = changeStamp(st)
				if prev.reuse(fsum, taken) {
					continue
				}
				f, err := fsys.Open(p)
				if err != nil {
					fsum.err = err.Error()
					continue
				}
				h.Reset()
				// Hidden behind a plain Reader, the file is read into buf:
				// io.CopyBuffer hands an *os.File to its WriteTo, which
				// ignores buf and allocates a new one for every file.
				n, err := io.CopyBuffer(h, struct{ io.Reader }{f}, buf)
				f.Close()
				if err != nil {
					fsum.err = err.Error()
					continue
				}
				fsum.size = n
				h.Sum(fsum.sum[:0])
				fsum.hashed, fsum.read = true, true
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
	h := sha256.New()
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
	h.Write(b)
	for i, p := range paths {
		b = b[:0]
		str(p)
		b = binary.LittleEndian.AppendUint64(b, uint64(sums[i].size))
		b = append(b, sums[i].sum[:]...)
		str(sums[i].err)
		h.Write(b)
	}
	var k Key
	h.Sum(k[:0])
	m := &Manifest{taken: taken.UnixNano(), files: sums, index: make(map[string]int, len(sums))}
	for i := range sums {
		m.index[sums[i].path] = i
		if sums[i].read {
			m.read++
		}
	}
	return k, m, nil
}

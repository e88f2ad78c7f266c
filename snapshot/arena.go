package snapshot

import (
	"context"
	"os"
	"sync"
	"time"
	"unsafe"

	"corpusbot/corpus"
	"corpusbot/retrieval"
)

// An Arena is the texts part of a snapshot not yet written: memory the
// corpus loader reads the texts of plain-text files into
// (corpus.Config.Texts), which is pages of the snapshot's own file, mapped
// shared. The texts of a big corpus (most of what a build holds) are then
// page cache from the start rather than heap: the kernel keeps them, can
// write them back and drop them, and they count in the process's resident
// memory only while mapped pages are being read (Evict, Trim). WriteOpen
// writes the other parts after them and links the file in; the texts are
// not copied.
//
// The file has no name until it is written (Linux's O_TMPFILE), so a build
// that fails or is killed leaves nothing behind. The mappings are never
// unmapped: the corpus's strings point into them, as into an opened
// snapshot's. Where any of this is not available NewArena fails and the
// texts stay in the heap; an allocation that fails later (a full disk)
// comes from the heap too, and the snapshot is then written as Write
// does.
type Arena struct {
	mu     sync.Mutex
	f      *os.File
	dir    string
	chunks [][]byte // mapped, in file order from arenaBase, each after the last
	end    int64    // the file offset where the last chunk ends
	used   int64    // the file offset where what was handed out ends
	free   []byte   // the rest of the last chunk
	failed bool     // an allocation came from the heap: not writable as a part
	sealed bool     // written: nothing more is handed out
}

const (
	// arenaBase is where the texts start in the file: the header and
	// table come first, written last, in at most this many bytes
	// (maxParts of them take under 6 KB); a multiple of any page size.
	arenaBase = 64 << 10
	// arenaChunk is how much of the file is allocated and mapped at a
	// time: 64 of the loader's 1 MiB slabs.
	arenaChunk = 64 << 20
)

// Alloc returns n bytes of zero length and capacity n for the loader to
// read a text into; they stay valid for the life of the process and must
// not be changed once a string is made of them. Safe for concurrent use.
func (a *Arena) Alloc(n int) []byte {
	if a == nil || n <= 0 {
		return make([]byte, 0, max(n, 0))
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.sealed && !a.failed && len(a.free) < n {
		size := max(arenaChunk, (int64(n)+arenaPage-1)/arenaPage*arenaPage)
		mem, err := mapChunk(a.f, a.end, size)
		if err != nil {
			a.failed = true
		} else {
			a.chunks = append(a.chunks, mem)
			a.used, a.end = a.end, a.end+size
			a.free = mem
		}
	}
	if a.sealed || a.failed {
		return make([]byte, 0, n)
	}
	b := a.free[:0:n]
	a.free = a.free[n:]
	a.used += int64(n)
	a.mu.Unlock()
	// The pages at once, rather than a fault for each as it is written:
	// a first write to a page of a shared mapping costs the file
	// system's bookkeeping each time (1 GB: 1.4–1.9 s of CPU against
	// about 0.9 s for these and for fresh heap).
	populate(b[:n])
	a.mu.Lock()
	return b
}

// arenaPage rounds chunks: a multiple of any page size.
const arenaPage = 64 << 10

// Evict drops the arena's pages from the process's resident memory: they
// stay in the page cache (dirty ones are written back first), and a read
// of one maps it again. Data stays valid.
func (a *Arena) Evict() {
	if a == nil {
		return
	}
	a.mu.Lock()
	chunks, end, used := a.chunks, a.end, a.used
	a.mu.Unlock()
	for i, c := range chunks {
		if i == len(chunks)-1 {
			// Not the rest of the last chunk, which nothing was read into:
			// its pages, populated or not, would only be faulted back.
			c = c[:used-(end-int64(len(c)))]
		}
		evictChunk(c)
	}
}

// Trim evicts the arena's pages every interval until the function returned
// is called: while a build reads its texts once, in order, the process
// then holds only the pages being read. The function evicts a last time.
func (a *Arena) Trim(interval time.Duration) (stop func()) {
	if a == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				a.Evict()
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		a.Evict()
	}
}

// offset is where s lies in the texts part (from arenaBase), if it lies in
// the arena.
func (a *Arena) offset(s string) (uint64, bool) {
	if len(s) == 0 {
		return 0, false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	at := int64(0)
	for _, c := range a.chunks {
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(c)))
		if p >= lo && p+uintptr(len(s)) <= lo+uintptr(len(c)) {
			return uint64(at + int64(p-lo)), true
		}
		at += int64(len(c))
	}
	return 0, false
}

// place returns where s lies in the texts part, copying it into the arena
// when it is elsewhere (a text the loader made rather than read); false
// when it cannot.
func (a *Arena) place(s string) (uint64, bool) {
	if off, ok := a.offset(s); ok {
		return off, true
	}
	b := a.Alloc(len(s))
	b = append(b, s...)
	return a.offset(unsafe.String(unsafe.SliceData(b), len(b)))
}

// seal stops handing out memory and says where the texts end: the texts
// part is [arenaBase, used). false: the arena cannot be written as a part
// (an allocation failed, or it was sealed before: its file is written, or
// was given up on).
func (a *Arena) seal() (used int64, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	ok = !a.failed && !a.sealed && a.f != nil
	a.sealed = true
	return a.used, ok
}

// Write is the package's Write, into a's file when a is usable (see
// WriteOpen); a nil a writes as Write does.
func (a *Arena) Write(ctx context.Context, path string, key Key, man *Manifest, c *corpus.Corpus, ix *retrieval.Index) error {
	f, err := write(ctx, path, key, man, c, ix, a)
	if err != nil {
		return err
	}
	return f.Close()
}

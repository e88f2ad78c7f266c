package retrieval

import (
	"encoding/binary"
	"math/bits"
)

// surfaceCache maps a word's surface form to what the index made of it
// (a local term id, or -1: dropped) while an index is built: one lookup per
// word of the corpus, so its speed is much of the build's. Words sit in
// the table itself, so a lookup reads one slot instead of a map's group
// and then its key's bytes elsewhere in the heap (two cache misses for
// every rare word of a big corpus): words of up to 11 bytes, nearly all
// of them, in 16-byte slots, four to a cache line; words of 12–16 bytes
// in 24-byte slots; longer ones in a map. The tables are kept at most
// three quarters full, so that a big corpus's tens of thousands of words
// take as few cache lines as linear probing allows.
type surfaceCache struct {
	short     []shortSlot // open addressing, linear probing; tag == 0: empty
	shortUsed int
	mid       wideTable[int32] // words of 12–16 bytes
	long      map[string]int32

	// What chunks left to the tokenizer counted (addChunk). Chunks of up
	// to 16 bytes, nearly all of them ("mRNA", "(95%", "p<0.001"), sit in
	// a table of their own as words do, their slots read with the batch's;
	// longer ones in a map, their keys copied.
	chunkTab wideTable[chunkTerms]
	chunks   map[string]chunkTerms
	chunkIDs []uint32
}

// shortSlot holds a word of 1–11 bytes: lo is its first 8 bytes and tag
// the others, with its length in the top byte (so never 0), zero-padded.
type shortSlot struct {
	lo  uint64
	tag uint32
	id  int32
}

// wideTable holds keys of 1–16 bytes, each as two zero-padded words
// and its length, in open addressing with linear probing (n == 0: an
// empty slot), kept at most three quarters full.
type wideTable[V any] struct {
	slots []wideSlot[V]
	used  int
}

type wideSlot[V any] struct {
	lo, hi uint64
	v      V
	n      uint8
}

const (
	shortWord    = 11 // the longest word of a shortSlot
	shortSurface = 16 // the longest word of a wideTable
)

func newSurfaceCache() *surfaceCache {
	return &surfaceCache{short: make([]shortSlot, 1<<12), mid: newWideTable[int32](1 << 9), long: make(map[string]int32),
		chunkTab: newWideTable[chunkTerms](1 << 10), chunks: make(map[string]chunkTerms)}
}

func newWideTable[V any](size int) wideTable[V] {
	return wideTable[V]{slots: make([]wideSlot[V], size)}
}

// shortTag is the tag of a word of n bytes (1–11) whose bytes past the
// eighth are hi.
func shortTag(hi uint64, n int) uint32 { return uint32(hi) | uint32(n)<<24 }

// full reports whether a table of size slots holding used words must
// grow before it takes one more.
func full(used, size int) bool { return 4*(used+1) > 3*size }

// words loads w (at most 16 bytes) as two zero-padded words.
func words(w []byte) (lo, hi uint64) {
	switch n := len(w); {
	case n == shortSurface:
		return binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[8:])
	case n > 8:
		return binary.LittleEndian.Uint64(w), partialWord(w[8:])
	case n == 8:
		return binary.LittleEndian.Uint64(w), 0
	}
	return partialWord(w), 0
}

// partialWord loads fewer than 8 bytes, zero-padded.
func partialWord(w []byte) uint64 {
	var x uint64
	for i := len(w) - 1; i >= 0; i-- {
		x = x<<8 | uint64(w[i])
	}
	return x
}

func surfaceHash(lo, hi uint64, n int) uint64 {
	h := (lo ^ uint64(n)<<56) * 0x9E3779B97F4A7C15
	h ^= bits.RotateLeft64(hi*0xC2B2AE3D27D4EB4F, 31)
	return h ^ h>>29
}

// get returns w's entry.
func (c *surfaceCache) get(w []byte) (int32, bool) {
	if len(w) > shortSurface || len(w) == 0 {
		id, ok := c.long[string(w)]
		return id, ok
	}
	lo, hi := words(w)
	return c.getHashed(lo, hi, len(w), surfaceHash(lo, hi, len(w)))
}

// getHashed returns the entry of the word of n bytes (1–16) that words
// gives as lo, hi, and whose surfaceHash is h.
func (c *surfaceCache) getHashed(lo, hi uint64, n int, h uint64) (int32, bool) {
	if n <= shortWord {
		return c.getShort(lo, shortTag(hi, n), h)
	}
	return c.mid.get(lo, hi, n, h)
}

func (c *surfaceCache) getShort(lo uint64, tag uint32, h uint64) (int32, bool) {
	mask := uint64(len(c.short) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &c.short[i]
		if s.lo == lo && s.tag == tag {
			return s.id, true
		}
		if s.tag == 0 {
			return 0, false
		}
	}
}

// get returns the entry of the key of n bytes (1–16) that words (or
// another load of the same shape) gives as lo, hi, and whose surfaceHash
// is h.
func (t *wideTable[V]) get(lo, hi uint64, n int, h uint64) (V, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			var none V
			return none, false
		}
		if s.lo == lo && s.hi == hi && int(s.n) == n {
			return s.v, true
		}
	}
}

// touch reads the first slot a lookup with hash h reads.
func (t *wideTable[V]) touch(h uint64) uint32 { return uint32(t.slots[h&uint64(len(t.slots)-1)].n) }

// put records the entry of a key get did not find.
func (t *wideTable[V]) put(lo, hi uint64, n int, v V) {
	if full(t.used, len(t.slots)) {
		old := t.slots
		t.slots = make([]wideSlot[V], 2*len(old))
		for _, s := range old {
			if s.n != 0 {
				t.insert(s)
			}
		}
	}
	t.insert(wideSlot[V]{lo: lo, hi: hi, v: v, n: uint8(n)})
	t.used++
}

func (t *wideTable[V]) insert(s wideSlot[V]) {
	mask := uint64(len(t.slots) - 1)
	i := surfaceHash(s.lo, s.hi, int(s.n)) & mask
	for t.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

// touch reads the first slot a lookup of the word of n bytes with hash h
// would read: a lookup that follows finds it in the processor's caches.
func (c *surfaceCache) touch(n int, h uint64) uint32 {
	if n <= shortWord {
		return c.short[h&uint64(len(c.short)-1)].tag
	}
	return c.mid.touch(h)
}

// put records w's entry; w is not in the cache.
func (c *surfaceCache) put(w []byte, id int32) {
	n := len(w)
	if n > shortSurface || n == 0 {
		c.long[string(w)] = id
		return
	}
	lo, hi := words(w)
	if n <= shortWord {
		if full(c.shortUsed, len(c.short)) {
			old := c.short
			c.short = make([]shortSlot, 2*len(old))
			for _, s := range old {
				if s.tag != 0 {
					c.insertShort(s, surfaceHash(s.lo, uint64(s.tag&(1<<24-1)), int(s.tag>>24)))
				}
			}
		}
		c.insertShort(shortSlot{lo: lo, tag: shortTag(hi, n), id: id}, surfaceHash(lo, hi, n))
		c.shortUsed++
		return
	}
	c.mid.put(lo, hi, n, id)
}

func (c *surfaceCache) insertShort(s shortSlot, h uint64) {
	mask := uint64(len(c.short) - 1)
	i := h & mask
	for c.short[i].tag != 0 {
		i = (i + 1) & mask
	}
	c.short[i] = s
}

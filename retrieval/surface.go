package retrieval

import (
	"encoding/binary"
	"math/bits"
)

// surfaceCache maps a word's surface form to what the index made of it
// (a local term id, or -1: dropped) while an index is built: one lookup per
// word of the corpus, so its speed is much of the build's. Words of up to
// 16 bytes, nearly all of them, sit in the table itself, so a lookup reads
// one slot instead of a map's group and then its key's bytes elsewhere in
// the heap (two cache misses for every rare word of a big corpus); longer
// ones go to a map.
type surfaceCache struct {
	slots []surfaceSlot // open addressing, linear probing; n == 0: empty
	used  int
	long  map[string]int32
}

type surfaceSlot struct {
	lo, hi uint64 // the word's bytes, zero-padded
	id     int32
	n      uint8 // its length, 1–16
}

const shortSurface = 16

func newSurfaceCache() *surfaceCache {
	return &surfaceCache{slots: make([]surfaceSlot, 1<<12), long: make(map[string]int32)}
}

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
	return c.getWords(lo, hi, len(w))
}

// getWords returns the entry of the word of n bytes (1–16) that words
// gives as lo, hi.
func (c *surfaceCache) getWords(lo, hi uint64, n int) (int32, bool) {
	return c.getHashed(lo, hi, n, surfaceHash(lo, hi, n))
}

// getHashed is getWords with the words' surfaceHash h.
func (c *surfaceCache) getHashed(lo, hi uint64, n int, h uint64) (int32, bool) {
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &c.slots[i]
		if s.n == 0 {
			return 0, false
		}
		if s.lo == lo && s.hi == hi && int(s.n) == n {
			return s.id, true
		}
	}
}

// put records w's entry; w is not in the cache.
func (c *surfaceCache) put(w []byte, id int32) {
	if len(w) > shortSurface || len(w) == 0 {
		c.long[string(w)] = id
		return
	}
	if 2*(c.used+1) > len(c.slots) {
		c.grow()
	}
	lo, hi := words(w)
	c.insert(surfaceSlot{lo: lo, hi: hi, id: id, n: uint8(len(w))})
	c.used++
}

func (c *surfaceCache) insert(s surfaceSlot) {
	mask := uint64(len(c.slots) - 1)
	i := surfaceHash(s.lo, s.hi, int(s.n)) & mask
	for c.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	c.slots[i] = s
}

func (c *surfaceCache) grow() {
	old := c.slots
	c.slots = make([]surfaceSlot, 2*len(old))
	for _, s := range old {
		if s.n != 0 {
			c.insert(s)
		}
	}
}

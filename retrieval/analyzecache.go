package retrieval

import (
	"slices"
	"strings"
	"sync"
)

// Bounds of the terms Analyze keeps: texts of up to maxCachedText bytes
// (words, names, titles; a sentence seldom comes back), at most
// 2×cacheGeneration of them.
const (
	maxCachedText   = 128
	cacheGeneration = 4096
)

// termCache keeps what Analyze made of short texts. The answer pipeline
// analyses each word of every sentence it weighs, one call a word, and
// each call runs every analyser of the index: the same words ("the",
// a product's name) come back from question to question. Terms depend on
// the text and the index alone. Two generations bound it: when the newer
// fills, the older is dropped and the newer takes its place; a text found
// in the older moves to the newer, so what is asked often stays. The zero
// termCache is ready.
type termCache struct {
	mu       sync.Mutex
	cur, old map[string][]string
}

func (c *termCache) get(s string) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.cur[s]; ok {
		return t, true
	}
	t, ok := c.old[s]
	if ok {
		c.putLocked(s, t)
	}
	return t, ok
}

func (c *termCache) put(s string, t []string) {
	c.mu.Lock()
	c.putLocked(s, t)
	c.mu.Unlock()
}

func (c *termCache) putLocked(s string, t []string) {
	if len(c.cur) >= cacheGeneration {
		c.old, c.cur = c.cur, nil
	}
	if c.cur == nil {
		c.cur = make(map[string][]string, cacheGeneration)
	}
	c.cur[s] = t
}

// len is how many texts the cache holds.
func (c *termCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.cur) + len(c.old)
}

// cachedAnalyze is Analyze through the cache: a copy of the terms kept,
// as a caller may append to or reorder what Analyze returns.
func (ix *Index) cachedAnalyze(text string, analyze func(string) []string) []string {
	if len(text) > maxCachedText {
		return analyze(text)
	}
	if t, ok := ix.analyzed.get(text); ok {
		return slices.Clone(t)
	}
	t := analyze(text)
	// The key is copied: text may be a word of a long passage (or of
	// mapped memory) that it would otherwise keep.
	ix.analyzed.put(strings.Clone(text), slices.Clip(t))
	return slices.Clone(t)
}

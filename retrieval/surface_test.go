package retrieval

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The cache holds what a map would: words of every length around the
// 8- and 16-byte boundaries, words that are prefixes of others or differ
// only by a trailing zero byte, through several growths.
func TestSurfaceCache(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "a\x00", "ab", "abcdefgh", "abcdefgh\x00", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", strings.Repeat("z", 40)}
	for range 20000 {
		n := 1 + r.IntN(24)
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + r.IntN(6)) // few letters: many near-collisions
		}
		words = append(words, string(b))
	}
	c := newSurfaceCache()
	want := map[string]int32{}
	for i, w := range words {
		if got, ok := c.get([]byte(w)); ok != (want[w] != 0) || ok && got != want[w] {
			t.Fatalf("before put %d: get(%q) = %d, %v; want %d", i, w, got, ok, want[w])
		}
		if want[w] == 0 {
			id := int32(i + 1)
			if i%7 == 0 {
				id = -id // dropped words are cached too
			}
			c.put([]byte(w), id)
			want[w] = id
		}
	}
	for w, id := range want {
		if got, ok := c.get([]byte(w)); !ok || got != id {
			t.Fatalf("get(%q) = %d, %v; want %d", w, got, ok, id)
		}
	}
	if _, ok := c.get([]byte("never put")); ok {
		t.Fatal("a word never put was found")
	}
}

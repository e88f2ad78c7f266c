package text

import (
	"strings"
	"testing"

	"corpusbot/internal/cputime"
)

// A wordTrie finds each word's id by its symbols, through a node of few
// children (edges scanned) and of many (a dense row), and leaves out a
// word with a symbol not of the block.
func TestWordTrie(t *testing.T) {
	words := []string{"ab", "abc", "b", "x"} // "x" is not of the block a–h
	for c := 'a'; c <= 'h'; c++ {
		words = append(words, "c"+string(c)) // c has 8 children: a dense row
	}
	syms := func(buf []uint8, w string) ([]uint8, bool) {
		for _, r := range w {
			if r < 'a' || r > 'h' {
				return buf, false
			}
			buf = append(buf, uint8(r-'a'))
		}
		return buf, true
	}
	tr := newWordTrie(words, 100, 8, syms)
	find := func(w string) int32 {
		n, lo, word := uint8(denseN), int32(0), int32(-1)
		for _, r := range w {
			if r < 'a' || r > 'h' {
				return -1
			}
			k := tr.next(n, lo, uint8(r-'a'))
			if k < 0 {
				return -1
			}
			e := tr.edges[k]
			n, lo, word = e.n, e.lo, e.word
		}
		return word
	}
	for i, w := range words {
		want := int32(100 + i)
		if w == "x" {
			want = -1
		}
		if got := find(w); got != want {
			t.Errorf("%q: id %d, want %d", w, got, want)
		}
	}
	for _, w := range []string{"a", "c", "abd", "bb", "ci"} {
		if got := find(w); got != -1 {
			t.Errorf("%q: id %d, not a word", w, got)
		}
	}
	if rows := len(tr.dense) / int(tr.width); rows != 2 {
		t.Errorf("%d dense rows, want 2 (the root's and c's)", rows)
	}
}

// benchText is a benchmark's text, repeated 20 times.
type benchText struct{ name, text string }

// benchWordsIn times walk (ThaiWordsIn, DictWordsIn) over each text, per
// byte, in CPU time too. The word lists are read before the clock starts:
// otherwise the first text's op timed their reading.
func benchWordsIn(b *testing.B, walk func(string, func(int)), texts []benchText) {
	for _, bc := range texts {
		walk(bc.text, func(int) {})
	}
	for _, bc := range texts {
		s := strings.Repeat(bc.text, 20)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			start := cputime.Now()
			n := 0
			for b.Loop() {
				walk(s, func(int) { n++ })
			}
			b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

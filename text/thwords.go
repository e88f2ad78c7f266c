package text

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// thWordsData holds PyThaiNLP's Thai words (CC0-1.0; see gen_thwords.go),
// one a line.
//
//go:embed th_words.txt
var thWordsData string

// maxThaiWord bounds a dictionary word's length in characters, as
// gen_thwords.go does.
const maxThaiWord = 20

var thWords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 61000)
	for w := range strings.Lines(thWordsData) {
		if w = strings.TrimSuffix(w, "\n"); w != "" {
			m[w] = struct{}{}
		}
	}
	return m
})

// isThai reports whether r is one of the Thai letters and marks that words
// are spelt with: not a digit, nor ฯ (an abbreviation's mark) or ๆ (the
// repetition mark), which end a word.
func isThai(r rune) bool {
	return 0x0E01 <= r && r <= 0x0E4E && r != 0x0E2F && r != 0x0E46 && r != 0x0E3F
}

// thaiRunEnd returns the end of the run of Thai letters and marks that
// starts at s[i].
func thaiRunEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isThai(r) {
			break
		}
		i += size
	}
	return i
}

// breaksBefore reports whether a Thai word may start at rune k of a run
// (whose runes are rs): not at a vowel or tone mark, nor at ะ, า, ำ or ๅ,
// which follow their consonant, nor after เ, แ, โ, ใ or ไ, which precede
// theirs.
func breaksBefore(rs []rune, k int) bool {
	if k == 0 || k == len(rs) {
		return true
	}
	switch r := rs[k]; {
	case r == 0x0E30 || r == 0x0E32 || r == 0x0E33 || r == 0x0E45: // ะ า ำ ๅ
		return false
	case r == 0x0E31 || 0x0E34 <= r && r <= 0x0E3A || 0x0E47 <= r && r <= 0x0E4E: // marks above and below
		return false
	}
	p := rs[k-1]
	return p < 0x0E40 || p > 0x0E44 // เ แ โ ใ ไ
}

// thaiWordCount counts the words of run as thaiWords finds them.
func thaiWordCount(run string) int { return len(thaiWords(run, 0)) }

// thaiWords returns the words of run, Thai letters and marks with no space
// between words, as spans offset by base (a slice, not an iterator: Words
// passing its yield to an iterator would move it to the heap on every
// call, Thai or not): the segmentation by PyThaiNLP's
// word list leaving the fewest characters outside a known word and, of
// those, the one of fewest words (maximal matching). A stretch of unknown
// characters (a name, a loan word the list lacks) is one word, since
// Thai spells a word it does not know in a run, like any other.
//
// It finds the words a Thai reader sees closely enough for lengths
// (passages, an answer's four-word gate) and for a question's words; it
// is not retrieval's tokenizer, which indexes Thai by character bigrams.
func thaiWords(run string, base int) []Span {
	{
		if run == "" {
			return nil
		}
		rs := []rune(run)
		m := len(rs)
		off := make([]int, m+1) // byte offset of each rune, and the end
		for k, b := 0, 0; k < m; k++ {
			off[k] = b
			b += utf8.RuneLen(rs[k])
		}
		off[m] = len(run)
		// cost[k][e]: the best segmentation of rs[:k], e=0 ending in a
		// known word (or at the start), e=1 in an unknown stretch; a cost
		// is unknown characters times m+1 plus words, so that fewer
		// unknown characters always win. from[k][e] is where its last
		// word starts, and the state before it.
		const inf = int(^uint(0) >> 1)
		type back struct{ k, e int }
		cost := make([][2]int, m+1)
		from := make([][2]back, m+1)
		for k := range cost {
			cost[k] = [2]int{inf, inf}
		}
		cost[0][0] = 0
		relax := func(j, e, c int, b back) {
			if c < cost[j][e] {
				cost[j][e], from[j][e] = c, b
			}
		}
		words := thWords()
		for k := 0; k < m; k++ {
			if !breaksBefore(rs, k) || cost[k][0] == inf && cost[k][1] == inf {
				continue
			}
			be := 0
			if cost[k][1] < cost[k][0] {
				be = 1
			}
			best := cost[k][be]
			for j := k + 1; j <= m && j-k <= maxThaiWord; j++ {
				if !breaksBefore(rs, j) {
					continue
				}
				if _, ok := words[run[off[k]:off[j]]]; ok {
					relax(j, 0, best+1, back{k, be})
				}
			}
			// One unknown character and the marks after it: a new stretch
			// after a known word, the same stretch after an unknown one.
			j := k + 1
			for j < m && !breaksBefore(rs, j) {
				j++
			}
			u := (j - k) * (m + 1)
			if cost[k][0] != inf {
				relax(j, 1, cost[k][0]+u+1, back{k, 0})
			}
			if cost[k][1] != inf {
				relax(j, 1, cost[k][1]+u, from[k][1]) // the stretch goes on
			}
		}
		// Walk back from the end, then put the words in order.
		e := 0
		if cost[m][1] < cost[m][0] {
			e = 1
		}
		var ends []int
		for k := m; k > 0; {
			ends = append(ends, k)
			b := from[k][e]
			k, e = b.k, b.e
		}
		spans := make([]Span, len(ends))
		start := 0
		for i := len(ends) - 1; i >= 0; i-- {
			spans[len(ends)-1-i] = Span{base + off[start], base + off[ends[i]]}
			start = ends[i]
		}
		return spans
	}
}

// ThaiWords counts the words Words finds in the Thai at s[i:]: the run of
// Thai letters and marks there, or ฯ or ๆ, which end a word and count
// none. It returns the count and where the run ends; end is i when s[i:]
// starts with neither. For loops that count words their own way.
func ThaiWords(s string, i int) (n, end int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == 0x0E2F || r == 0x0E46:
		return 0, i + size
	case !isThai(r):
		return 0, i
	}
	end = thaiRunEnd(s, i)
	return thaiWordCount(s[i:end]), end
}

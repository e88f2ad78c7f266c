package text

import (
	_ "embed"
	"iter"
	"strings"
	"sync"
)

// viWordsData holds pyvi's Vietnamese words of two syllables or more (MIT;
// see gen_viwords.go), one a line, lower case, gzipped.
//
//go:embed vi_words.txt.gz
var viWordsData string

// maxVietSyllables bounds a word's syllables, as gen_viwords.go does.
const maxVietSyllables = 4

// viSet is the word list as a set, built when Vietnamese is first met.
var viSet = sync.OnceValue(func() map[string]struct{} { return readWordSet(viWordsData) })

// Vietnamese writes a space between syllables, not between words: "giá
// trị" (value) is one word, "giá" (price) another, and a syllable of one
// is not the other. VietWords and VietHolds read a text's syllables as the
// words of pyvi's list.

// syllables are the words of s as Words finds them, lower case, with
// whether each follows the one before after a single space (a word of
// the list is never written across anything else).
func syllables(s string) (spans []Span, lower []string, joined []bool) {
	prev := -1
	for w := range Words(s) {
		spans = append(spans, w)
		lower = append(lower, strings.ToLower(s[w.Start:w.End]))
		joined = append(joined, prev >= 0 && s[prev:w.Start] == " ")
		prev = w.End
	}
	return spans, lower, joined
}

// vietWordAt returns the syllables, two to maxVietSyllables, of the
// longest word of the list that starts at syllable i, or 0.
func vietWordAt(lower []string, joined []bool, i int) int {
	set := viSet()
	best := 0
	var b strings.Builder
	b.WriteString(lower[i])
	for n := 2; n <= maxVietSyllables && i+n <= len(lower) && joined[i+n-1]; n++ {
		b.WriteByte(' ')
		b.WriteString(lower[i+n-1])
		if _, ok := set[b.String()]; ok {
			best = n
		}
	}
	return best
}

// VietWords yields the words of s of two syllables or more that pyvi's
// list holds ("giá trị", "phát hành"), longest first from left to right,
// as spans of s; the syllables between them are words of their own.
func VietWords(s string) iter.Seq[Span] {
	return func(yield func(Span) bool) {
		spans, lower, joined := syllables(s)
		for i := 0; i < len(lower); {
			n := vietWordAt(lower, joined, i)
			if n == 0 {
				i++
				continue
			}
			if !yield(Span{spans[i].Start, spans[i+n-1].End}) {
				return
			}
			i += n
		}
	}
}

// VietHolds reports whether sentence holds the word w (one syllable or
// more, as a question writes it): its syllables stand together in the
// sentence, and, when w is one syllable, not as a syllable of a longer
// word of the list there. "giá" (price) is not held by "giá trị" (value);
// a word of two syllables is held wherever they stand together ("trình
// duyệt" by "trình duyệt web").
func VietHolds(sentence, w string) bool {
	_, want, _ := syllables(w)
	if len(want) == 0 {
		return false
	}
	_, lower, joined := syllables(sentence)
	for i := 0; i+len(want) <= len(lower); i++ {
		if !matchAt(lower, joined, want, i) {
			continue
		}
		if len(want) > 1 || !insideVietWord(lower, joined, i) {
			return true
		}
	}
	return false
}

func matchAt(lower []string, joined []bool, want []string, i int) bool {
	for k, s := range want {
		if lower[i+k] != s || k > 0 && !joined[i+k] {
			return false
		}
	}
	return true
}

// insideVietWord reports whether syllable i is one of a word of the list
// that covers it with others.
func insideVietWord(lower []string, joined []bool, i int) bool {
	for start := max(0, i-maxVietSyllables+1); start <= i; start++ {
		if n := vietWordAt(lower, joined, start); n > 0 && start+n > i {
			return true
		}
	}
	return false
}

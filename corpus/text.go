package corpus

import (
	"strings"
	"unicode/utf8"

	"corpusbot/text"
)

// The loader reads text through package text; these adapt its results to
// the shapes the loader's loops use.

// forEachWord calls fn with the byte span of every word of s, in order,
// until fn returns false.
func forEachWord(s string, fn func(start, end int) bool) {
	for w := range text.Words(s) {
		if !fn(w.Start, w.End) {
			return
		}
	}
}

// sentenceStarts returns the byte offsets in s[from:to] at which a sentence
// other than the first begins.
func sentenceStarts(s string, from, to int) []int {
	spans := text.Sentences(s[from:to])
	if len(spans) < 2 {
		return nil
	}
	out := make([]int, 0, len(spans)-1)
	for _, sp := range spans[1:] {
		out = append(out, from+sp.Start)
	}
	return out
}

func isSpaceAt(s string, i, to int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:to])
	return text.IsSpace(r)
}

// urlList reports whether a plain text is URLs alone, one a line, three
// or more (a CDN's refresh list, a mirror list): it says nothing a
// question could be answered from, and its first URL would be its title
// and its URLs' words its language.
func urlList(src string) bool {
	n := 0
	for line := range strings.Lines(src) {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if !(strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "http://")) || strings.ContainsAny(t, " \t") {
			return false
		}
		n++
	}
	return n >= 3
}

package corpus

import (
	"unicode/utf8"

	"corpusbot/text"
)

// The loader reads text through package text. These short forwarders keep
// the names its files call, where a parameter named text hides the package;
// the rules themselves live in package text.

// DetectLanguage is text.DetectLanguage: the ISO 639-1 code of the
// language most of s is written in, or "und".
func DetectLanguage(s string) string { return text.DetectLanguage(s) }

// detectLanguageFor is text.DetectLanguageFor: declared is a page's own
// language (<html lang>), which outweighs a content word or two.
func detectLanguageFor(s, declared string) string { return text.DetectLanguageFor(s, declared) }

// CountWords is text.CountWords: the words of s, a Han or kana character
// counting as one (passages are sized by passageWords).
func CountWords(s string) int { return text.CountWords(s) }

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

func isTerminal(r rune) bool          { return text.IsTerminal(r) }
func isFullWidthTerminal(r rune) bool { return text.IsTerminal(r) }
func isCloser(r rune) bool            { return text.IsCloser(r) }
func isIdeograph(r rune) bool         { return text.IsIdeograph(r) }

func isSpaceAt(s string, i, to int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:to])
	return text.IsSpace(r)
}

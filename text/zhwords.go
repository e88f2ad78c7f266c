package text

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// zhWordsData holds the two-character words of jieba's dictionary (see
// gen_zhwords.go): a line per first character, followed by every second
// character it takes.
//
//go:embed zh_words.txt
var zhWordsData string

var zhWords = sync.OnceValue(func() map[rune]string {
	m := make(map[rune]string, 4500)
	for _, line := range strings.Split(zhWordsData, "\n") {
		if r, size := utf8.DecodeRuneInString(line); size > 0 && r != utf8.RuneError {
			m[r] = line[size:]
		}
	}
	return m
})

// IsChineseWord reports whether w, two Han characters, is a word of
// jieba's dictionary (MIT; 59,836 two-character words of modern Chinese,
// folded to simplified characters). Chinese is written without spaces, and
// a pair of characters from a question is either a word (准备, 日志) or
// the end of one word and the start of the next (之前需要 → 前需).
// Traditional characters are folded first (ToSimplified).
func IsChineseWord(w string) bool {
	a, size := utf8.DecodeRuneInString(w)
	b, n := utf8.DecodeRuneInString(w[size:])
	if size == 0 || n == 0 || size+n != len(w) {
		return false
	}
	return strings.ContainsRune(zhWords()[ToSimplified(a)], ToSimplified(b))
}

package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clip shortens s to at most n runes, the last of them "…" when s was cut.
// A cut that would split a word backs off to the space before it, unless
// that loses more than a quarter of what is kept: "payme…" reads as a typo,
// "payment…" or "the…" as a cut. Text without spaces (Chinese, Japanese) is
// cut where the limit falls. Spaces and punctuation left before the
// ellipsis are dropped. n < 1 gives "".
func Clip(s string, n int) string {
	if n < 1 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, k := 0, 0
	for i := range s {
		if k == n-1 {
			cut = i
			break
		}
		k++
	}
	head := s[:cut]
	next, _ := utf8.DecodeRuneInString(s[cut:])
	last, _ := utf8.DecodeLastRuneInString(head)
	if inWord(last) && inWord(next) {
		if i := strings.LastIndexFunc(head, unicode.IsSpace); i > len(head)*3/4 {
			head = head[:i]
		}
	}
	head = strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '-' || r == '–' || r == '—' || r == '、' || r == '，'
	})
	return head + "…"
}

// inWord reports whether r belongs to a word that spaces delimit: a letter
// or digit of a script that writes spaces between words.
func inWord(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !IsIdeograph(r) && !unicode.Is(unicode.Thai, r)
}

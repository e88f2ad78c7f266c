package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clip shortens s to at most n runes, the last of them "…" when s was cut.
// A cut that does not fall on a space backs off to the space before it,
// unless that loses more than half of what is kept: "payme…" reads as a
// typo, "payment…" as a cut. Between two characters of a script written
// without spaces (Chinese, Japanese, Thai) the cut stays where the limit
// falls. Spaces, punctuation and opening brackets or quotes left before
// the ellipsis are dropped. n < 1 gives "".
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
	if !unicode.IsSpace(next) && !(unspaced(last) && unspaced(next)) {
		if i := strings.LastIndexFunc(head, unicode.IsSpace); i > len(head)/2 {
			head = head[:i]
		}
	}
	return strings.TrimRightFunc(head, dangling) + "…"
}

// unspaced reports whether r is of a script written without spaces
// between words.
func unspaced(r rune) bool { return IsIdeograph(r) || unicode.Is(unicode.Thai, r) }

// dangling reports whether r, at the end of a cut text, would lean on what
// was cut: a space, a separator or an opening bracket or quote.
func dangling(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—、，(（[{「『«“‘\"'", r)
}

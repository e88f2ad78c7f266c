package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clip shortens s to at most n runes, the last of them "…" when s was cut.
// A cut that does not fall on a space backs off to the space before it,
// unless that loses more than half of what is kept: "payme…" reads as a
// typo, "payment…" as a cut. Between two letters of a script written
// without spaces (IsUnspaced: Chinese, Japanese, Thai, Lao, Khmer,
// Myanmar) the cut stays where the limit falls. A cut never separates a
// letter from its combining marks (a Thai vowel, an accent written apart).
// Spaces, punctuation and opening brackets or quotes left before the
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
	// A combining mark goes with the letter it marks: cut before both.
	for cut > 0 {
		r, _ := utf8.DecodeRuneInString(s[cut:])
		if !unicode.IsMark(r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
	}
	head := s[:cut]
	next, _ := utf8.DecodeRuneInString(s[cut:])
	if !unicode.IsSpace(next) && !(IsUnspaced(lastLetter(head)) && IsUnspaced(next)) {
		if i := strings.LastIndexFunc(head, unicode.IsSpace); i > len(head)/2 {
			head = head[:i]
		}
	}
	return strings.TrimRightFunc(head, dangling) + "…"
}

// lastLetter returns the last rune of s that is not a combining mark: the
// letter a Thai vowel or tone mark sits on.
func lastLetter(s string) rune {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.IsMark(r) {
			return r
		}
		s = s[:len(s)-size]
	}
	return utf8.RuneError
}

// dangling reports whether r, at the end of a cut text, would lean on what
// was cut: a space, a separator or an opening bracket or quote.
func dangling(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—、，(（[{「『«“‘\"'", r)
}

// OneLine collapses runs of white space in s to one space and trims its
// ends, as strings.Join(strings.Fields(s), " ") does; ASCII words already
// one space apart (most headings and titles) come back without a copy.
func OneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether s is ASCII with single spaces between words and
// none at either end: OneLine would return it as it is.
func isOneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return false // it may hold a Unicode space
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		}
	}
	return true
}

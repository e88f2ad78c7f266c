package corpus

import (
	"unicode"
	"unicode/utf8"
)

// CountWords counts the words of s the way passages are sized: runs of
// letters and digits ("12.8", "5,600" and "China’s" count once), and every
// Han, Hiragana or Katakana character on its own, since those scripts put no
// spaces between words.
func CountWords(s string) int {
	// forEachWord's loop without the call per word: counting runs over
	// every paragraph of every document.
	n, in := 0, false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case uint32(c|0x20)-'a' < 26 || uint32(c)-'0' < 10:
				if !in {
					n++
					in = true
				}
			case in && joinsWord(s, i, rune(c), 1):
			default:
				in = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRuneUnicode(r):
			if isIdeograph(r) {
				n++
				in = false
			} else if !in {
				n++
				in = true
			}
		case in && joinsWord(s, i, r, size):
		default:
			in = false
		}
		i += size
	}
	return n
}

// forEachWord calls fn with the byte span of every word of s, in order,
// until fn returns false.
func forEachWord(s string, fn func(start, end int) bool) {
	start := -1 // start of the current word, -1 outside one
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // most text: decided inline
			switch {
			case uint32(c|0x20)-'a' < 26 || uint32(c)-'0' < 10:
				if start < 0 {
					start = i
				}
			case start >= 0 && joinsWord(s, i, rune(c), 1):
			case start >= 0:
				if !fn(start, i) {
					return
				}
				start = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRuneUnicode(r):
			if isIdeograph(r) {
				if start >= 0 && !fn(start, i) {
					return
				}
				start = -1
				if !fn(i, i+size) {
					return
				}
			} else if start < 0 {
				start = i
			}
		case start >= 0 && joinsWord(s, i, r, size):
			// "12.8", "5,600", "China’s": the joiner stays inside the word.
		default:
			if start >= 0 && !fn(start, i) {
				return
			}
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// isWordRune reports whether r can be part of a word. The ASCII test is
// kept apart so that it inlines: it decides most runes of most text.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return uint32(r|0x20)-'a' < 26 || uint32(r)-'0' < 10
	}
	return isWordRuneUnicode(r)
}

func isWordRuneUnicode(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isIdeograph reports whether r is written without spaces between words, so
// that each character counts as a word.
func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// joinsWord reports whether the punctuation r at s[i:] joins the word before
// it to the next: a decimal point or thousands separator between digits, or
// an apostrophe between letters.
func joinsWord(s string, i int, r rune, size int) bool {
	if r != '.' && r != ',' && r != '\'' && r != '’' {
		return false
	}
	if i == 0 || i+size >= len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	if r == '.' || r == ',' {
		return isDigit(prev) && isDigit(next)
	}
	return unicode.IsLetter(prev) && unicode.IsLetter(next) && !isIdeograph(prev) && !isIdeograph(next)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

package text

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a string.
type Span struct{ Start, End int }

// CountWords counts the words of s as Words finds them: runs of letters and
// digits ("12.8", "5,600" and "China’s" count once), and every Han, Hiragana
// or Katakana character on its own, since those scripts put no spaces
// between words (a Chinese or Japanese length is a length in characters).
// Thai, Lao, Khmer and Myanmar, also written without spaces between words
// but in words of several letters, count the words their word lists find
// in a run (segment), so that a sentence is as long as its words, not its
// spaces; the repetition and abbreviation marks (ๆ ฯ ໆ ຯ ៗ) count none.
func CountWords(s string) int {
	// Words' loop without the call per word: counting runs over every
	// paragraph of every document. ASCII is counted without a branch per
	// letter: a word starts where a letter or digit follows anything else.
	n, in := 0, 0 // in is 1 inside a word
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			w := int(asciiWord[c])
			n += w &^ in
			if in&int(asciiJoiner[c]) == 0 || !joinsWord(s, i, rune(c), 1) {
				in = w
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x0E01 && dictStarts(r):
			// Thai, Lao, Khmer, Myanmar: their words by the word lists, ๆ
			// and the like none of their own.
			w, end := DictWords(s, i)
			n += w
			in = 0
			i = end
			continue
		case isWordRuneUnicode(r):
			if IsIdeograph(r) {
				n++
				in = 0
			} else if in == 0 {
				n++
				in = 1
			}
		case in == 1 && joinsWord(s, i, r, size):
		default:
			in = 0
		}
		i += size
	}
	return n
}

// asciiWord is 1 for the ASCII letters and digits; asciiJoiner for the
// ASCII characters that may join two words into one (joinsWord).
var asciiWord, asciiJoiner = func() (w, j [256]uint8) {
	for c := range utf8.RuneSelf {
		if 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
			w[c] = 1
		}
	}
	j['.'], j[','], j['\''] = 1, 1, 1
	return w, j
}()

// Words yields the byte span of every word of s, in order: runs of letters,
// digits and combining marks, joined across a decimal point or thousands
// separator between digits and an apostrophe between letters; each Han,
// Hiragana or Katakana character is a word of its own; a run of Thai,
// Lao, Khmer or Myanmar letters is cut into the words of the script's
// list (segment), ๆ, ฯ, ໆ, ຯ and ៗ left out.
func Words(s string) iter.Seq[Span] {
	return func(yield func(Span) bool) {
		start := -1 // start of the current word, -1 outside one
		for i := 0; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf { // most text: decided inline
				switch {
				case uint32(c|0x20)-'a' < 26 || uint32(c)-'0' < 10:
					if start < 0 {
						start = i
					}
				case start >= 0 && (c == '.' || c == ',' || c == '\'') && joinsWord(s, i, rune(c), 1):
				case start >= 0:
					if !yield(Span{start, i}) {
						return
					}
					start = -1
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r >= 0x0E01 && dictStarts(r):
				// Thai, Lao, Khmer, Myanmar: their words by the word
				// lists; ๆ and the like end a word.
				var more bool
				if i, start, more = yieldDict(s, i, start, yield); !more {
					return
				}
				continue
			case isWordRuneUnicode(r):
				if IsIdeograph(r) {
					if start >= 0 && !yield(Span{start, i}) {
						return
					}
					start = -1
					if !yield(Span{i, i + size}) {
						return
					}
				} else if start < 0 {
					start = i
				}
			case start >= 0 && joinsWord(s, i, r, size):
				// "12.8", "5,600", "China’s": the joiner stays inside the word.
			default:
				if start >= 0 && !yield(Span{start, i}) {
					return
				}
				start = -1
			}
			i += size
		}
		if start >= 0 {
			yield(Span{start, len(s)})
		}
	}
}

func isWordRuneUnicode(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// joinsWord reports whether the punctuation r at s[i:] joins the word before
// it to the next: a decimal point or thousands separator between digits, an
// apostrophe between letters, or a zero-width non-joiner or joiner a word is
// spelled with (WordJoiner). Of ASCII, only the full stop, the comma and
// the apostrophe can; the loops above test for those before the call.
func joinsWord(s string, i int, r rune, size int) bool {
	if r != '.' && r != ',' && r != '\'' && r != '’' && r != '׳' && r != '٫' && r != '٬' && r != '\u200c' && r != '\u200d' {
		return false
	}
	if i == 0 || i+size >= len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	if r == '\u200c' || r == '\u200d' {
		// Persian's "می‌کند", "دسته‌بندی", Indic conjuncts: one word, as
		// the analysers index it; a question's focus read it as two,
		// neither of which the index holds (round eight).
		return WordJoiner(prev, r, next)
	}
	if r == '\'' || r == '’' || r == '׳' { // ׳ Hebrew geresh: "פיצ׳רים", as the analysers read it
		return unicode.IsLetter(prev) && unicode.IsLetter(next) && !IsIdeograph(prev) && !IsIdeograph(next)
	}
	return isDigit(prev) && isDigit(next)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// JoinsWord reports whether the character at s[i] joins the word before
// it to the next, as Words reads it ("12.8", "5,600", "China’s"), for
// loops that count words their own way.
func JoinsWord(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	return joinsWord(s, i, r, size)
}

// HasLetterOrDigit reports whether s holds a letter or a digit: whether a
// line is more than punctuation, braces and space.
func HasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// yieldDict is Words at s[i], where dictStarts: the word before (from
// start, when start >= 0) ends; a run of Thai, Lao, Khmer or Myanmar
// letters and marks yields its words. It returns where Words goes on
// (past ๆ or the like, or the run) and whether yield asked for more.
// Apart from Words, so that Words' loop stays small enough to be inlined,
// as it was before Thai.
func yieldDict(s string, i, start int, yield func(Span) bool) (int, int, bool) {
	if start >= 0 && !yield(Span{start, i}) {
		return i, -1, false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if dictEnds(r) {
		return i + size, -1, true
	}
	sc := dictOf(r)
	end := dictRunEnd(sc, s, i)
	for _, sp := range segment(sc, s[i:end], i) {
		if !yield(sp) {
			return end, -1, false
		}
	}
	return end, -1, true
}

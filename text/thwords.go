package text

import _ "embed"

// thWordsData holds PyThaiNLP's Thai words (CC0-1.0; see gen_thwords.go),
// one a line, gzipped.
//
//go:embed th_words.txt.gz
var thWordsData string

// maxThaiWord bounds a dictionary word's length in characters, as
// gen_thwords.go does.
const maxThaiWord = 20

// thWords is the Thai word list as a set, built when Thai is first met.
func thWords() map[string]struct{} { return dictWords(dictThai) }

// isThai reports whether r is one of the Thai letters and marks that words
// are spelt with: not a digit, nor ฯ (an abbreviation's mark) or ๆ (the
// repetition mark), which end a word.
func isThai(r rune) bool {
	return 0x0E01 <= r && r <= 0x0E4E && r != 0x0E2F && r != 0x0E46 && r != 0x0E3F
}

// thaiRunEnd returns the end of the run of Thai letters and marks that
// starts at s[i].
func thaiRunEnd(s string, i int) int { return dictRunEnd(dictThai, s, i) }

// thaiBreaksBefore reports whether a Thai word may start at rune k of a
// run (whose runes are rs): not at a vowel or tone mark, nor at ะ, า, ำ or
// ๅ, which follow their consonant, nor after เ, แ, โ, ใ or ไ, which
// precede theirs.
func thaiBreaksBefore(rs []rune, k int) bool {
	switch r := rs[k]; {
	case r == 0x0E30 || r == 0x0E32 || r == 0x0E33 || r == 0x0E45: // ะ า ำ ๅ
		return false
	case r == 0x0E31 || 0x0E34 <= r && r <= 0x0E3A || 0x0E47 <= r && r <= 0x0E4E: // marks above and below
		return false
	}
	p := rs[k-1]
	return p < 0x0E40 || p > 0x0E44 // เ แ โ ใ ไ
}

// thaiWords returns the words of run, Thai letters and marks with no space
// between words, as spans offset by base: segment's maximal matching by
// PyThaiNLP's word list.
func thaiWords(run string, base int) []Span { return segment(dictThai, run, base) }

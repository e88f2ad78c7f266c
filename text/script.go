package text

import "unicode"

// Scripts written without spaces between words, in two senses that callers
// must not mix:
//
//   - IsIdeograph: one character is one word for counting (Han, kana).
//   - IsUnspaced: a text may be cut between any two letters, since no
//     space marks where a word ends (Han, kana, and Thai, Lao, Khmer and
//     Myanmar, whose letters spell words but whose words run together).
//
// Hangul is neither: Korean puts spaces between words. Retrieval, which
// indexes Korean as character bigrams for its particles, adds it itself.

// IsIdeograph reports whether r belongs to a script written without spaces
// between words whose characters each count as a word (Han, Hiragana,
// Katakana). The prolonged sound mark ー, of no script, is a kana of the
// word it lengthens (チャート): alone it would be a word of its own, met in
// every katakana word. Thai, Lao, Khmer and Myanmar letters are not
// ideographs: they spell words (see IsUnspaced).
func IsIdeograph(r rune) bool { return r >= 0x2E80 && ideograph(r) }

// ideograph is IsIdeograph past the test that keeps other scripts to one
// comparison where it is inlined.
func ideograph(r rune) bool {
	return r == 0x30FC || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// IsUnspaced reports whether r is a letter of a script written without
// spaces between words: an ideograph or kana (IsIdeograph), or a letter of
// Thai, Lao, Khmer or Myanmar (the latter's extension blocks included).
// Their vowel and tone marks, digits and punctuation are not: a mark
// belongs to the letter before it. Rarer scripts written without spaces
// (Tai Tham, New Tai Lue, Javanese, Balinese) are not covered.
func IsUnspaced(r rune) bool { return r >= 0x0E00 && unspaced(r) }

// unspaced is IsUnspaced past the test that keeps the scripts before Thai
// (Latin, Cyrillic, Arabic, Indic) to one comparison where it is inlined.
func unspaced(r rune) bool {
	switch {
	case r >= 0x2E80:
		if 0xA9E0 <= r && r <= 0xAA7F { // Myanmar Extended-B and -A (Shan, Khamti)
			return unicode.Is(unicode.Myanmar, r) && unicode.IsLetter(r)
		}
		return ideograph(r)
	case r < 0x1100: // Thai, Lao, Tibetan (spaced by syllable marks), Myanmar
		return unicode.In(r, unicode.Thai, unicode.Lao, unicode.Myanmar) && unicode.IsLetter(r)
	case 0x1780 <= r && r < 0x1800:
		return unicode.Is(unicode.Khmer, r) && unicode.IsLetter(r)
	}
	return false
}

// ScriptLetters counts the characters of s in the Latin script (its
// letters, and the Roman numerals Unicode gives it) and the letters of
// other scripts: which a text is mostly written in, for a caller that
// needs only Latin or not (a Latin word in a Greek question is a name;
// an answer of ten letters beyond Latin says its language).
func ScriptLetters(s string) (latin, other int) {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return latin, other
}

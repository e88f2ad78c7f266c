package text

import (
	"testing"
	"unicode"
)

func TestScripts(t *testing.T) {
	for _, c := range []struct {
		r                   rune
		ideograph, unspaced bool
	}{
		{'a', false, false},
		{'é', false, false},
		{'ب', false, false},
		{'中', true, true},
		{'々', true, true}, // ideographic iteration mark
		{'〇', true, true}, // ideographic zero, a number of the Han script
		{'𠀀', true, true}, // CJK Extension B
		{'あ', true, true},
		{'ア', true, true},
		{'ー', true, true}, // prolonged sound mark, of no script
		{'。', false, false},
		{'한', false, false}, // Korean puts spaces between words
		{'ᄀ', false, false},
		{'ก', false, true},  // Thai letter
		{'ๆ', false, true},  // Thai repetition mark, a letter
		{'ั', false, false}, // Thai vowel mark: belongs to its letter
		{'๑', false, false}, // Thai digit
		{'ກ', false, true},  // Lao
		{'ក', false, true},  // Khmer
		{'្', false, false}, // Khmer coeng, a mark
		{'᧠', false, false}, // Khmer lunar date symbol
		{'က', false, true},  // Myanmar
		{'ꩠ', false, true},  // Myanmar Extended-A (Khamti)
		{'ꧠ', false, true},  // Myanmar Extended-B (Shan)
		{'ꨀ', false, false}, // Cham, between Myanmar's extensions, is spaced
		{'ཀ', false, false}, // Tibetan separates syllables with a tsheg
	} {
		if got := IsIdeograph(c.r); got != c.ideograph {
			t.Errorf("IsIdeograph(%q %U) = %v, want %v", c.r, c.r, got, c.ideograph)
		}
		if got := IsUnspaced(c.r); got != c.unspaced {
			t.Errorf("IsUnspaced(%q %U) = %v, want %v", c.r, c.r, got, c.unspaced)
		}
	}
}

// The range checks that keep IsUnspaced fast agree with the script
// tables they stand for, over all of Unicode.
func TestUnspacedTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		ideo := r == 'ー' || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
		want := ideo || unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) && unicode.IsLetter(r)
		if IsIdeograph(r) != ideo {
			t.Errorf("IsIdeograph(%U) = %v, want %v", r, !ideo, ideo)
		}
		if IsUnspaced(r) != want {
			t.Errorf("IsUnspaced(%U) = %v, want %v", r, !want, want)
		}
	}
}

func TestScriptLetters(t *testing.T) {
	for _, c := range []struct {
		s            string
		latin, other int
	}{
		{"", 0, 0},
		{"fsync 2021!", 5, 0},
		{"Τι κάνει το fsync;", 5, 9},
		{"Ⅻ année", 6, 0}, // a Roman numeral is Latin to Unicode
		{"支付宝 Alipay", 6, 3},
		{"عَلِيّ", 0, 3}, // vowel signs are marks, no letters
	} {
		if l, o := ScriptLetters(c.s); l != c.latin || o != c.other {
			t.Errorf("ScriptLetters(%q) = %d, %d; want %d, %d", c.s, l, o, c.latin, c.other)
		}
	}
}

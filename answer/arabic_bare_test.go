package answer

import "testing"

// TestArabicProclitics holds answer's two readers of Arabic proclitics to
// text.ArabicBare: hasWord finds a set's word under a conjunction,
// preposition and article (وبالقرن and للقرن as well as بالقرن, which the
// old cut of one letter then ال missed), and a definite word, whatever is
// written before its article, carries no attached pronoun.
func TestArabicProclitics(t *testing.T) {
	set := setOf([]string{"قرن", "عام"})
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"في القرن", true},
		{"بالقرن", true},
		{"وبالقرن", true},
		{"للقرن", true},
		{"كالقرن", true},
		{"وعام", true},
		{"قرنه", false},
		{"مقرن", false},
	} {
		if got := hasWord(tc.s, set); got != tc.want {
			t.Errorf("hasWord(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"كتابه", true},
		{"الكتابه", false},
		{"والكتابه", false},
		{"فالكتابه", false}, // was read as a pronoun's
		{"للكتابه", false},
		{"كتاب", false},
	} {
		if got := arabicPronounSuffix(tc.w); got != tc.want {
			t.Errorf("arabicPronounSuffix(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
